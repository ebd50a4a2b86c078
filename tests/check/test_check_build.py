"""`briefpdf build` counts the check's findings in one line; `--strict` shows them all
and fails the briefing before anything is written."""

from __future__ import annotations

from conftest import pdf_text

LEAK = """\
title: A briefing
style: big
sections:
  - heading: What happened
    content:
      - Mother's friend, Jane Smith, rang the school.
"""
CLEAN = """\
title: A briefing
style: big
sections:
  - heading: What happened
    content:
      - Mother rang the school.
"""
BIG = "name: Big\nextends: default\nsizes: {body: 12, small: 12}\n"


def test_build_shows_a_count_and_still_builds(project):
    project.write("styles/big.yaml", BIG)
    project.briefing("leak", LEAK)
    result = project.run("build")
    assert result.code == 0, result.err
    assert "check: 1 finding (1 personal data, 0 plain English, 0 accessibility); run " \
           "`briefpdf check` to see them and the reading ages" in result.err.splitlines()
    assert "Jane Smith" not in result.err  # only the count without --strict
    assert "Jane Smith" in pdf_text(project.root / "out" / "leak.pdf")
    again = project.run("build")  # unchanged: the count is remembered
    assert "1 unchanged" in again.err and "check: 1 finding" in again.err


def test_strict_fails_with_every_finding_and_writes_nothing(project):
    project.write("styles/big.yaml", BIG)
    project.briefing("leak", LEAK)
    result = project.run("build", "--strict")
    assert result.code == 1
    assert "briefings/leak.yaml:6:26: warning: [name] “Jane Smith” looks like a person’s " \
           "name" in result.err
    assert "0 built, 0 unchanged, 1 failed" in result.err
    assert not (project.root / "out" / "leak.pdf").exists()


def test_strict_builds_a_clean_briefing(project):
    project.write("styles/big.yaml", BIG)
    project.briefing("clean", CLEAN)
    result = project.run("build", "--strict")
    assert result.code == 0, result.err
    assert "check: no findings in 1 file" in result.err
    assert (project.root / "out" / "clean.pdf").is_file()


def test_a_pack_is_checked_only_when_strict(project):
    project.write("styles/big.yaml", BIG)
    project.briefing("leak", LEAK)
    project.write("briefings/both.pack.yaml", "pack:\n  title: Both\n  briefings: [leak]\n")
    strict = project.run("build", "--strict", "briefings/both.pack.yaml")
    assert strict.code == 1 and "[name] “Jane Smith”" in strict.err
    assert not (project.root / "out" / "both.pdf").exists()
    result = project.run("build", "briefings/both.pack.yaml")
    assert result.code == 0, result.err
    assert "check:" not in result.err  # its briefings are counted when built on their own
    assert (project.root / "out" / "both.pdf").is_file()

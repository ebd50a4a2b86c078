"""Bad input: every problem at once, as file:line:column: message, exit 1, nothing written."""

from __future__ import annotations

import re

from conftest import MINIMAL

BROKEN = """\
title: A briefing
subtitl: Family M
date: 2017-13
sections:
  - heading: One
    contnet:
      - text
  - heading: ""
    content:
      - image: chart.png
      - bulets: [a, b]
feedback:
  emial: someone@example.org
"""


def test_all_problems_reported_with_positions(project):
    project.briefing("broken", BROKEN)
    result = project.run("validate", "briefings/broken.yaml")
    assert result.code == 1
    lines = result.err.strip().splitlines()
    expected = [
        ("2:1", "unknown key 'subtitl'; did you mean 'subtitle'?"),
        ("3:7", "is not a real date"),
        ("6:5", "unknown key 'contnet'; did you mean 'content'?"),
        ("8:14", "must not be empty"),
        ("10:16", "an image needs alt text"),
        ("11:9", "did you mean 'bullets'?"),
        ("13:3", "unknown key 'emial'; did you mean 'email'?"),
    ]
    for position, message in expected:
        assert any(line.startswith(f"briefings/broken.yaml:{position}: ") and message in line
                   for line in lines), (position, message, result.err)
    assert "Traceback" not in result.err


def test_build_with_errors_writes_nothing(project):
    project.briefing("broken", BROKEN)
    result = project.run("build", "briefings/broken.yaml")
    assert result.code == 1
    assert not (project.root / "out" / "broken.pdf").exists()
    assert not list((project.root / "out").glob("*")) if (project.root / "out").exists() else True


def test_failed_rebuild_keeps_the_previous_good_pdf(project):
    path = project.briefing("b", MINIMAL)
    pdf = project.build("b")
    before = pdf.read_bytes()
    path.write_text("title: [unclosed\n", encoding="utf-8")
    result = project.run("build", "briefings/b.yaml")
    assert result.code == 1
    assert re.search(r"briefings/b\.yaml:\d+:\d+: ", result.err)
    assert pdf.read_bytes() == before
    # Nothing half-written is left; the incremental-build record may be there.
    assert not [p for p in pdf.parent.iterdir() if p.name not in ("b.pdf", ".briefpdf-cache.json")]


def test_tab_indentation_is_explained(project):
    project.briefing("tabs", "title: T\nsections:\n\t- heading: x\n")
    result = project.run("validate", "briefings/tabs.yaml")
    assert result.code == 1
    assert "briefings/tabs.yaml:3:1: a tab is used for indentation" in result.err


def test_wrong_types_say_what_was_expected(project):
    project.briefing("types", "title: T\nsections:\n  heading: x\n")
    result = project.run("validate", "briefings/types.yaml")
    assert result.code == 1
    assert "briefings/types.yaml:3:3: 'sections' should be a list" in result.err


def test_missing_required_keys(project):
    project.briefing("missing", "subtitle: no title\n")
    result = project.run("validate", "briefings/missing.yaml")
    assert result.code == 1
    assert "'title' is required" in result.err
    assert "'sections' is required" in result.err


def test_unsafe_link_is_an_error_at_its_line(project):
    project.briefing("js", MINIMAL + "      - links:\n          - title: x\n"
                     "            url: javascript:alert(1)\n")
    result = project.run("validate", "briefings/js.yaml")
    assert result.code == 1
    assert result.err.startswith("briefings/js.yaml:8:18: ")
    assert "links with 'javascript:' are not allowed" in result.err


def test_unreadable_file_is_a_message_not_a_traceback(project):
    result = project.run("build", "briefings/nope.yaml")
    assert result.code == 1
    assert "briefings/nope.yaml:1:1: no such file" in result.err
    assert "Traceback" not in result.err


def test_bad_command_line_exits_2(project):
    assert project.run("build", "--no-such-flag").code == 2
    assert project.run("schema", "nonsense").code == 2

"""Bad packs: every problem is reported at its line, and no pack is written."""

from __future__ import annotations

from packhelp import make_briefings, pack_yaml

from conftest import MINIMAL


def test_a_missing_briefing_is_reported_at_its_line_in_the_pack(project):
    make_briefings(project, {"alpha": 1})
    project.write("briefings/term.pack.yaml", pack_yaml(["alpha", "family-x"]))
    result = project.run("build", "briefings/term.pack.yaml")
    assert result.code == 1
    # line 6 is the second entry of briefings:
    assert "briefings/term.pack.yaml:6:7: briefing 'family-x' not found" in result.err
    assert "Traceback" not in result.err
    assert not (project.root / "out" / "term.pdf").exists()


def test_an_invalid_briefing_names_the_pack_line_and_its_own_problems(project):
    make_briefings(project, {"alpha": 1})
    project.briefing("broken", "title: Broken\nsections:\n  - heading: One\n    contnet: []\n")
    project.write("briefings/term.pack.yaml", pack_yaml(["broken", "alpha"]))
    result = project.run("build", "briefings/term.pack.yaml")
    assert result.code == 1
    assert "briefings/term.pack.yaml:5:7: briefing 'broken' has 1 problem" in result.err
    assert "briefings/broken.yaml:4:5: unknown key 'contnet'; did you mean 'content'?" \
        in result.err
    assert not (project.root / "out" / "term.pdf").exists()


def test_a_failed_pack_leaves_the_previous_pdf_alone(project):
    make_briefings(project, {"alpha": 1})
    project.write("briefings/term.pack.yaml", pack_yaml(["alpha"]))
    assert project.run("build", "briefings/term.pack.yaml").code == 0
    before = (project.root / "out" / "term.pdf").read_bytes()
    project.write("briefings/term.pack.yaml", pack_yaml(["alpha", "gone"]))
    assert project.run("build", "briefings/term.pack.yaml").code == 1
    assert (project.root / "out" / "term.pdf").read_bytes() == before
    assert not list((project.root / "out").glob("*.part")), "no half-written file is left"


def test_pack_keys_are_checked_with_hints(project):
    project.briefing("mini", MINIMAL)
    project.write("briefings/term.pack.yaml", """\
        pack:
          title: Pack
          briefings: [mini]
          layuot: booklet
          duplex: sometimes
        """)
    result = project.run("validate", "briefings/term.pack.yaml")
    assert result.code == 1
    assert "briefings/term.pack.yaml:4:3: unknown key 'layuot'; did you mean 'layout'?" \
        in result.err
    assert "briefings/term.pack.yaml:5:11: 'duplex' should be true or false" in result.err


def test_an_unknown_pack_style_is_reported_at_the_style_line(project):
    project.briefing("mini", MINIMAL)
    project.write("briefings/term.pack.yaml", pack_yaml(["mini"], style="no-such-style"))
    result = project.run("build", "briefings/term.pack.yaml")
    assert result.code == 1
    assert "briefings/term.pack.yaml:6:10: no style named 'no-such-style'" in result.err
    assert "no-such-style" in result.err


def test_validate_checks_the_briefings_of_a_pack(project):
    project.write("briefings/term.pack.yaml", pack_yaml(["nowhere"]))
    result = project.run("validate", "briefings/term.pack.yaml")
    assert result.code == 1
    assert "briefings/term.pack.yaml:5:7: briefing 'nowhere' not found" in result.err


def test_a_pack_cannot_contain_a_pack(project):
    project.briefing("mini", MINIMAL)
    project.write("briefings/inner.pack.yaml", pack_yaml(["mini"]))
    project.write("briefings/outer.pack.yaml", pack_yaml(["inner.pack.yaml"]))
    result = project.run("build", "briefings/outer.pack.yaml")
    assert result.code == 1
    assert "briefings/outer.pack.yaml:5:7: 'inner.pack.yaml' is a pack" in result.err


def test_the_pack_command_reports_missing_files_and_writes_nothing(project):
    project.briefing("mini", MINIMAL)
    result = project.run("pack", "briefings/mini.yaml", "briefings/nope.yaml", "-o",
                         "pack.pdf", "--title", "Ad hoc")
    assert result.code == 1
    assert "briefing 'briefings/nope.yaml' not found" in result.err
    assert not (project.root / "pack.pdf").exists()


def test_the_pack_command_needs_a_title(project):
    project.briefing("mini", MINIMAL)
    result = project.run("pack", "briefings/mini.yaml", "-o", "pack.pdf")
    assert result.code == 2
    assert "--title" in result.err

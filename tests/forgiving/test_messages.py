"""Messages from the trial: where a key belongs, what is allowed here, where styles were
looked for, and commands suggested in the form the user ran."""

from __future__ import annotations

import sys

from conftest import MINIMAL, pdf_pages_text


def test_a_key_that_belongs_elsewhere_says_where(project):
    project.briefing("keys", """\
        title: Keys
        sections:
          - heading: One
            email: team@example.org
            content:
              - callout: Box
                by: me
                size: big
        feedback:
          content: x
        """)
    result = project.run("validate", "briefings/keys.yaml")
    assert result.code == 1
    assert result.err.splitlines()[:4] == [
        "briefings/keys.yaml:4:5: 'email' does not go here; it goes in the feedback: block "
        "(allowed here: content, heading, links)",
        "briefings/keys.yaml:7:9: 'by' does not go here; it goes in a quote: block "
        "(allowed here: callout, title)",
        "briefings/keys.yaml:8:9: unknown key 'size'; allowed here: callout, title",
        "briefings/keys.yaml:10:3: 'content' does not go here; it goes in a section of "
        "sections: (allowed here: closing, email, heading, phone, survey, text, twitter, "
        "website)",
    ]
    assert "did you mean 'email'" not in result.err


STYLE = "name: Beside\ncolours: {primary: \"#1F5C3A\"}\n"


def test_styles_are_found_beside_the_briefing_then_in_the_project(project):
    project.write("briefings/beside.yaml", STYLE)
    project.briefing("a", MINIMAL + "style: beside\n")
    assert "Something happened." in pdf_pages_text(project.build("a"))[0]
    # from another folder, the working folder's styles/ is searched too
    other = project.root / "elsewhere"
    other.mkdir()
    (other / "b.yaml").write_text(MINIMAL + "style: trial\n", encoding="utf-8")
    project.write("styles/trial.yaml", STYLE)
    result = project.run("build", "elsewhere/b.yaml")
    assert result.code == 0, result.err


def test_a_missing_style_says_where_it_looked_and_the_nearest_name(project):
    project.write("styles/bscb.yaml", STYLE)
    project.briefing("a", MINIMAL + "style: bcsb\n")
    result = project.run("validate", "briefings/a.yaml")
    assert result.code == 1
    python = sys.executable
    assert result.err.splitlines()[0] == (
        "briefings/a.yaml:6:8: no style named 'bcsb' (looked for bcsb.yaml in briefings/, "
        "styles/, briefings/styles/ and the built-in styles); did you mean 'bscb'? available: "
        f"bscb, default (run `{_typed(python, project.root)} -m briefpdf styles`)")


def _typed(python: str, cwd) -> str:
    """How the test's Python is typed: its name when PATH finds it, else its path."""
    import shutil
    from pathlib import Path

    for name in ("python", "python3", "py"):
        found = shutil.which(name)
        if found and Path(found).resolve() == Path(python).resolve():
            return name
    return str(Path(python).absolute())


def test_a_briefing_beside_is_never_taken_for_a_style(project):
    """A briefing named like a style is not a style."""
    project.briefing("default", MINIMAL)
    project.briefing("a", MINIMAL)
    assert project.run("build").code == 0

"""`--strict`: warnings fail a build or a check (exit status 1), for a board's CI."""

from __future__ import annotations

from conftest import MINIMAL, pdf_text

WARNED = MINIMAL.replace("Something happened.", "Something <b>happened</b>.")
"""Pasted HTML is printed as typed, with a warning (model/document.py)."""


def test_validate_passes_warnings_without_strict_and_fails_with_it(project):
    project.briefing("warned", WARNED)
    plain = project.run("validate")
    assert plain.code == 0, plain.err
    assert "warning: " in plain.err and "<b>" in plain.err
    strict = project.run("validate", "--strict")
    assert strict.code == 1
    assert "briefings/warned.yaml:5:" in strict.err
    assert "--strict: 1 warning above" in strict.err


def test_strict_passes_a_clean_file(project):
    project.briefing("clean", MINIMAL)
    assert project.run("validate", "--strict").code == 0
    assert project.run("validate").code == 0


def test_build_fails_with_strict_and_says_why(project):
    project.briefing("warned", WARNED)
    plain = project.run("build")
    assert plain.code == 0, plain.err
    assert "Something <b>happened</b>." in pdf_text(project.root / "out" / "warned.pdf")
    run = project.run("build", "--strict")
    assert run.code == 1
    assert "--strict: " in run.err and "warning" in run.err

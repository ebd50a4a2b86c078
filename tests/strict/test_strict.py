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
    run = project.run("build", "--strict")
    assert run.code == 0, run.err
    assert "A short briefing" in pdf_text(project.root / "out" / "clean.pdf")


def test_build_writes_the_pdf_but_fails_with_strict(project):
    project.briefing("warned", WARNED)
    run = project.run("build", "--strict")
    assert run.code == 1
    assert "--strict: 1 warning above" in run.err
    assert "Something <b>happened</b>." in pdf_text(project.root / "out" / "warned.pdf")


def test_an_up_to_date_pdf_still_fails_with_strict(project):
    project.briefing("warned", WARNED)
    assert project.run("build").code == 0
    again = project.run("build", "--strict")
    assert "1 unchanged" in again.err
    assert again.code == 1 and "--strict: 1 warning above" in again.err

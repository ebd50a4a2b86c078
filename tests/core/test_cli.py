"""The command line: build, validate, new, schema; deterministic, atomic output."""

from __future__ import annotations

import json

from conftest import MINIMAL, pdf_text


def test_build_with_no_arguments_builds_every_briefing(project):
    project.briefing("one", MINIMAL)
    project.briefing("two", MINIMAL.replace("A short briefing", "Another briefing"))
    result = project.run("build")
    assert result.code == 0, result.err
    assert "Another briefing" in pdf_text(project.root / "out" / "two.pdf")
    assert "A short briefing" in pdf_text(project.root / "out" / "one.pdf")


def test_build_to_another_folder(project):
    project.briefing("one", MINIMAL)
    result = project.run("build", "briefings/one.yaml", "-o", "handouts")
    assert result.code == 0, result.err
    assert (project.root / "handouts" / "one.pdf").is_file()


def test_builds_without_any_styles_folder(project):
    (project.root / "styles").rmdir()
    project.briefing("plain", MINIMAL)
    assert "Something happened." in pdf_text(project.build("plain"))


def test_rebuilds_are_byte_identical(project):
    project.briefing("same", MINIMAL)
    env = {"SOURCE_DATE_EPOCH": "1500000000"}
    first = project.root / "first.pdf"
    assert project.run("build", "briefings/same.yaml", env=env).code == 0
    (project.root / "out" / "same.pdf").rename(first)
    assert project.run("build", "briefings/same.yaml", env=env).code == 0
    assert (project.root / "out" / "same.pdf").read_bytes() == first.read_bytes()


def test_new_writes_a_scaffold_that_validates_and_builds(project):
    result = project.run("new", "family-m")
    assert result.code == 0, result.err
    assert (project.root / "briefings" / "family-m.yaml").is_file()
    assert project.run("validate", "briefings/family-m.yaml").code == 0
    assert "What we have learnt" in pdf_text(project.build("family-m"))
    again = project.run("new", "family-m")
    assert again.code == 1 and "already exists" in again.err


def test_schema_is_json_schema_for_each_kind(project):
    for kind, field in (("briefing", "sections"), ("style", "colours"), ("pack", "pack")):
        result = project.run("schema", kind)
        assert result.code == 0, result.err
        schema = json.loads(result.out)
        assert field in schema["properties"]
        assert schema["$schema"].startswith("https://json-schema.org/")


def test_help_and_version(project):
    assert project.run("--help").code == 0
    assert project.run("--version").out.startswith("briefpdf ")

"""Tagging keeps builds reproducible: same input + SOURCE_DATE_EPOCH → the same bytes."""

from __future__ import annotations

from samples import build, rich_project


def test_tagged_build_is_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = rich_project(tmp_path)
    source = project.root / "briefings" / "rich.yaml"
    one = build(source, tmp_path / "a").read_bytes()
    two = build(source, tmp_path / "b").read_bytes()
    assert b"/StructTreeRoot" in one
    assert one == two

"""A big pack loads half its briefings in a forked process: same PDF, same messages."""

from __future__ import annotations

import os

import pytest
from packhelp import build_pack_here, make_briefings, pack_yaml

from briefpdf import forked

SLUGS = [f"b{n:02d}" for n in range(forked.MIN_ITEMS + 4)]


def _build(project, monkeypatch, min_items: int, out: str) -> bytes:
    monkeypatch.setattr(forked, "MIN_ITEMS", min_items)
    return build_pack_here(project, monkeypatch, out)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="loading in halves needs fork")
def test_forked_loading_makes_the_same_pdf_as_loading_here(project, monkeypatch):
    make_briefings(project, {slug: 1 for slug in SLUGS})
    project.write("briefings/big.pack.yaml", pack_yaml(SLUGS, duplex=False))
    forked_pdf = _build(project, monkeypatch, forked.MIN_ITEMS, "out-forked")
    here_pdf = _build(project, monkeypatch, 10**6, "out-here")
    assert forked_pdf == here_pdf
    assert forked_pdf.count(b"/Type /Page\n") + forked_pdf.count(b"/Type /Page ") >= len(SLUGS)


def test_problems_in_the_forked_half_are_reported_at_their_lines(project):
    make_briefings(project, {slug: 1 for slug in SLUGS})
    project.briefing(SLUGS[-1], "title: Broken\nsections: nope\n")  # in the second half
    entries = [*SLUGS, "missing-one"]  # found missing before loading, listed after
    project.write("briefings/big.pack.yaml", pack_yaml(entries))
    result = project.run("build", "briefings/big.pack.yaml")
    assert result.code == 1
    lines = [line for line in result.err.splitlines() if ".yaml:" in line]
    missing = next(i for i, line in enumerate(lines) if "missing-one" in line)
    broken = next(i for i, line in enumerate(lines) if f"'{SLUGS[-1]}' has" in line)
    assert broken < missing  # by line, whichever process found it
    assert lines[broken].startswith(f"briefings/big.pack.yaml:{4 + len(SLUGS)}:")
    assert any(line.startswith(f"briefings/{SLUGS[-1]}.yaml:2:") for line in lines)
    assert not (project.root / "out" / "big.pdf").exists()


def test_map_halves_gives_results_in_order_and_survives_a_failing_child():
    items = list(range(60))
    assert forked.map_halves(lambda n: n * n, items) == [n * n for n in items]
    parent = os.getpid()

    def fails_in_the_child(n: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child breaks")
        return n + 1

    assert forked.map_halves(fails_in_the_child, items) == [n + 1 for n in items]

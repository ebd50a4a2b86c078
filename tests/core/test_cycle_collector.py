"""The cycle collector is off while a document is built (build.no_cycle_collection): the
PDF is the same as one built with the collector on and running often, and the collector
is on again afterwards, also after a failed build."""

from __future__ import annotations

import contextlib
import gc

import pytest

from briefpdf import build
from briefpdf.errors import InputError
from conftest import ROOT


def _pdf(monkeypatch) -> bytes:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    return build.make_pdf(ROOT / "briefings" / "family-l.yaml").pdf


def test_the_same_bytes_with_the_collector_running(monkeypatch):
    off = _pdf(monkeypatch)
    seen = []

    @contextlib.contextmanager
    def collector_on():
        threshold = gc.get_threshold()
        gc.enable()
        gc.set_threshold(50)  # collect very often while building
        try:
            yield
        finally:
            seen.append(gc.get_count())
            gc.set_threshold(*threshold)

    monkeypatch.setattr(build, "no_cycle_collection", collector_on)
    on = _pdf(monkeypatch)
    assert seen, "the build did not go through no_cycle_collection"
    assert on == off


def test_the_collector_is_off_during_a_build_and_on_after(monkeypatch):
    states = []
    real = build.render_briefing

    def watched(loaded):
        states.append(gc.isenabled())
        return real(loaded)

    monkeypatch.setattr(build, "render_briefing", watched)
    assert gc.isenabled()
    _pdf(monkeypatch)
    assert states == [False]
    assert gc.isenabled()

    def broken(loaded):
        raise InputError([])

    monkeypatch.setattr(build, "render_briefing", broken)
    with pytest.raises(InputError):
        _pdf(monkeypatch)
    assert gc.isenabled()

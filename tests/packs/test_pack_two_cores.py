"""A big pack is laid out on two cores (render/halves.py): the same bytes as on one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pypdf
import pytest
from packhelp import briefing_text, build_pack_here, pack_yaml

from briefpdf.render import halves

ROOT = Path(__file__).resolve().parents[2]
COUNT = halves.MIN_PARTS + 2
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="two cores need fork")


def _project(project, duplex: bool, extra: str = "", contents: bool = True) -> list[str]:
    """COUNT briefings of one to three sections, in the BSCB style (a logo), with links.
    (Too many for the cover's list: the contents lists the rest, or the list goes on.)"""
    shutil.copytree(ROOT / "styles", project.root / "styles", dirs_exist_ok=True)
    slugs = [f"b{n:02d}" for n in range(COUNT)]
    for n, slug in enumerate(slugs):
        text = briefing_text(f"Briefing {slug}", f"Case {slug}", 1 + n % 3, paragraphs=2)
        text = text.replace("kind: CPIR", "kind: CPIR\nstyle: bscb")
        text += ("    links:\n      - title: Procedures\n"
                 f"        url: https://example.org/{slug}\n")
        if n == COUNT - 1:
            text += f"  - heading: Last\n    content:\n      - Only here{extra}.\n"
        project.briefing(slug, text)
    project.write("briefings/big.pack.yaml", pack_yaml(slugs, duplex=duplex, contents=contents))
    return slugs


def _build(project, monkeypatch, out: str, *, two_cores: bool) -> tuple[bytes, list[str]]:
    """Build the pack in this process; also return what the child path did."""
    seen: list[str] = []
    receive = halves.receive

    def watched(source: int, pid: int):
        try:
            back = receive(source, pid)
        except halves.HalvesFailed:
            seen.append("failed")
            raise
        seen.append(f"{len(back.pages)} pages")
        return back

    monkeypatch.setattr(halves, "receive", watched)
    monkeypatch.setattr(halves, "MIN_PARTS", halves.MIN_PARTS if two_cores else 10**6)
    return build_pack_here(project, monkeypatch, out), seen


@pytest.mark.parametrize("duplex, contents", [(False, True), (True, True), (True, False)],
                         ids=["simplex", "duplex", "duplex-no-contents"])
def test_two_cores_make_the_same_pdf_as_one(project, monkeypatch, duplex, contents):
    _project(project, duplex, contents=contents)
    two, seen = _build(project, monkeypatch, "out-two", two_cores=True)
    one, not_seen = _build(project, monkeypatch, "out-one", two_cores=False)
    assert len(seen) == 1 and seen[0].endswith("pages") and not not_seen
    assert two == one
    reader = pypdf.PdfReader(project.root / "out-two" / "big.pdf")
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[-1].endswith(f"Briefing b{COUNT - 1:02d}")  # the child's outline came back
    uris = [a.get_object()["/A"]["/URI"] for page in reader.pages[-3:]
            for a in page.get("/Annots") or [] if "/A" in a.get_object()]
    assert f"https://example.org/b{COUNT - 1:02d}" in uris  # and its links
    assert "Only here" in "".join(page.extract_text() for page in reader.pages[-3:])


def test_a_character_the_seed_missed_sends_the_pack_back_to_one_process(project,
                                                                         monkeypatch):
    _project(project, duplex=False, extra=" ẞ")
    seed_text = halves.seed_text
    monkeypatch.setattr(halves, "seed_text", lambda flowables: [
        (font, text.replace("ẞ", "")) for font, text in seed_text(flowables)])
    two, seen = _build(project, monkeypatch, "out-two", two_cores=True)
    one, _ = _build(project, monkeypatch, "out-one", two_cores=False)
    assert seen == ["failed"]  # the child met ẞ, which had no code, and gave up
    assert two == one
    reader = pypdf.PdfReader(project.root / "out-two" / "big.pdf")
    assert "ẞ" in "".join(page.extract_text() for page in reader.pages[-3:])

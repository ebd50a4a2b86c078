"""A landscape 7-minute page in a portrait half-sheet (booklet, 2-up) is turned to fill
its slot. Its text is measured on the rendered sheets with pypdfium2 and compared with
the same words on the A4 pack: it must print at no less than 0.65 of its size."""

from __future__ import annotations

import shutil

import pypdfium2 as pdfium
import pytest

from conftest import ROOT, Project, run_cli

SAMPLE = ROOT / "briefings" / "family-l-7-minute.yaml"
WORDS = ("Background", "Things to remember", "Questions for reflection", "Team action plan")
"""Headings on both pages of the 7-minute briefing (page one and the worksheet)."""


def word_lengths(path, word: str) -> list[float]:
    """The printed length (in points, along its baseline, whichever way the page is turned)
    of every occurrence of ``word`` in the PDF, from pdfium's character boxes."""
    doc = pdfium.PdfDocument(str(path))
    found = []
    try:
        for page in doc:
            text = page.get_textpage()
            searcher = text.search(word, match_case=True)
            while (hit := searcher.get_next()) is not None:
                start, count = hit
                boxes = [text.get_charbox(i) for i in range(start, start + count)]
                left = min(b[0] for b in boxes)
                bottom = min(b[1] for b in boxes)
                right = max(b[2] for b in boxes)
                top = max(b[3] for b in boxes)
                found.append(max(right - left, top - bottom))
    finally:
        doc.close()
    return found


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> dict[str, object]:
    project = Project(tmp_path_factory.mktemp("imposed"))
    shutil.copy(SAMPLE, project.root / "briefings" / SAMPLE.name)
    for style in (ROOT / "styles").glob("*"):
        if style.is_dir():
            shutil.copytree(style, project.root / "styles" / style.name, dirs_exist_ok=True)
        else:
            shutil.copy(style, project.root / "styles" / style.name)
    out = {}
    for layout in ("a4", "booklet", "2up"):
        path = project.root / f"{layout}.pdf"
        result = run_cli("pack", "briefings/family-l-7-minute.yaml", "-o", str(path),
                         "--title", "Landscape pages", "--layout", layout, cwd=project.root)
        assert result.code == 0, result.err
        out[layout] = path
    return out


@pytest.mark.parametrize("layout", ["booklet", "2up"])
@pytest.mark.parametrize("word", WORDS)
def test_landscape_pages_print_at_no_less_than_065_of_their_size(packs, layout, word) -> None:
    original = word_lengths(packs["a4"], word)
    imposed = word_lengths(packs[layout], word)
    assert original and len(imposed) == len(original), (original, imposed)
    ratios = [small / full for small, full in zip(imposed, original, strict=True)]
    assert min(ratios) >= 0.65, ratios


def test_turned_pages_keep_their_words_in_reading_order(packs) -> None:
    """Turned, not mirrored: the words still read as words from the rendered sheet."""
    doc = pdfium.PdfDocument(str(packs["booklet"]))
    try:
        text = " ".join(page.get_textpage().get_text_range() for page in doc)
    finally:
        doc.close()
    for word in WORDS:
        assert word in text

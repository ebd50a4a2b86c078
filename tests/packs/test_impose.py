"""Booklet and 2-up layouts read back: sheet size, sheet count, and which numbered page
lands on which half of which sheet side."""

from __future__ import annotations

import pypdf
import pypdfium2 as pdfium
import pytest
from packhelp import build_pack, make_briefings, page_texts

from conftest import normalise

A4_LANDSCAPE = (841.89, 595.28)
LENGTHS = {"alpha": 1, "beta": 3, "gamma": 5}


@pytest.fixture(scope="module")
def project_with_briefings(tmp_path_factory):
    from conftest import Project

    project = Project(tmp_path_factory.mktemp("impose"))
    make_briefings(project, LENGTHS)
    return project


def halves(path) -> list[tuple[str, str]]:
    """The text on the left and the right half of each sheet side."""
    doc = pdfium.PdfDocument(str(path))
    try:
        result = []
        for page in doc:
            width, height = page.get_size()
            text = page.get_textpage()
            result.append((normalise(text.get_text_bounded(0, 0, width / 2, height)),
                           normalise(text.get_text_bounded(width / 2, 0, width, height))))
        return result
    finally:
        doc.close()


def expected_booklet(pages: int) -> list[tuple[int | None, int | None]]:
    """Saddle stitch, written out independently of the code: for sheet s of n/4,
    the outside is (n-1-2s, 2s) and the inside (2s+1, n-2-2s); past the end is blank."""
    total = (pages + 3) // 4 * 4
    sides = []
    for s in range(total // 4):
        sides += [(total - 1 - 2 * s, 2 * s), (2 * s + 1, total - 2 - 2 * s)]
    return [tuple(i if i < pages else None for i in side) for side in sides]


def sheet_sizes(path) -> set[tuple[float, float]]:
    reader = pypdf.PdfReader(path)
    return {(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
            for p in reader.pages}


def test_booklet_puts_numbered_pages_in_saddle_stitch_order(project_with_briefings):
    project = project_with_briefings
    a4 = build_pack(project, "flat", list(LENGTHS))
    booklet = build_pack(project, "folded", list(LENGTHS), layout="booklet")
    pages = page_texts(a4)
    sides = halves(booklet)
    assert len(pages) % 4 != 0, "the test pack should need padding"
    assert len(sides) == 2 * ((len(pages) + 3) // 4)
    assert sheet_sizes(booklet) == {A4_LANDSCAPE}
    for (left, right), (want_left, want_right) in zip(sides, expected_booklet(len(pages)),
                                                      strict=True):
        for got, want in ((left, want_left), (right, want_right)):
            assert got == (pages[want] if want is not None else "")
    # the pages are numbered, so the order can be read straight off the sheets: the
    # outside of the first sheet has the last page on the left and the cover on the right
    assert "Learning from reviews" in sides[0][1] and "Pack of 3 briefings" in sides[0][1]
    assert f"Page {2} of" in sides[1][0] or "intentionally left blank" in sides[1][0]
    middle = sides[-1]
    numbers = [int(t.split("Page ")[1].split()[0]) for t in middle if "Page " in t]
    assert len(numbers) == 2 and numbers[1] == numbers[0] + 1, "the centre spread reads on"


def test_two_up_puts_pages_side_by_side_in_reading_order(project_with_briefings):
    project = project_with_briefings
    a4 = build_pack(project, "flat2", list(LENGTHS), duplex=False)
    two_up = build_pack(project, "handout", list(LENGTHS), duplex=False, layout="2up")
    pages = page_texts(a4)
    sides = halves(two_up)
    assert len(sides) == (len(pages) + 1) // 2
    assert sheet_sizes(two_up) == {A4_LANDSCAPE}
    for index, (left, right) in enumerate(sides):
        assert left == pages[2 * index]
        assert right == (pages[2 * index + 1] if 2 * index + 1 < len(pages) else "")


def test_imposed_pages_are_scaled_not_cropped(project_with_briefings):
    """Every character of every A4 page is inside its half of the sheet."""
    booklet = build_pack(project_with_briefings, "scaled", ["alpha"], layout="booklet")
    doc = pdfium.PdfDocument(str(booklet))
    try:
        for page in doc:
            width, height = page.get_size()
            text = page.get_textpage()
            for i in range(text.count_chars()):
                left, bottom, right, top = text.get_charbox(i)
                assert 0 <= left and right <= width and 0 <= bottom and top <= height
                assert right <= width / 2 + 1 or left >= width / 2 - 1, "a page crosses the fold"
    finally:
        doc.close()

"""Imposition for printing: an A5 booklet, or two pages per sheet, on A4 landscape.

Pages are placed with pypdf's page transformations (scale, then translate) onto new
sheets; the fonts and images of the source are shared, not copied per sheet. The
imposed file is for printing: it keeps the document's metadata but not its outline,
page labels or tags (the A4 pack is the one to read on screen).
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

A4_LANDSCAPE = (841.8898, 595.2756)
"""The sheet both layouts print on, in points (ISO 216)."""


def booklet_order(pages: int) -> list[tuple[int | None, int | None]]:
    """Sheet sides in printing order, as (left, right) 0-based page indexes.

    ``pages`` is padded to a multiple of four with blank pages (None). Printed
    double-sided (flip on the short edge), the sheets are stacked, folded and stapled
    in the middle to give a booklet in reading order.
    """
    total = -(-pages // 4) * 4
    sides: list[tuple[int | None, int | None]] = []
    for sheet in range(total // 4):
        outer_left, outer_right = total - 1 - 2 * sheet, 2 * sheet
        inner_left, inner_right = 2 * sheet + 1, total - 2 - 2 * sheet
        sides.append((outer_left, outer_right))
        sides.append((inner_left, inner_right))
    return [(_real(a, pages), _real(b, pages)) for a, b in sides]


def two_up_order(pages: int) -> list[tuple[int | None, int | None]]:
    """Pages two by two, in reading order; the last sheet may have only a left page."""
    return [(i, i + 1 if i + 1 < pages else None) for i in range(0, pages, 2)]


def _real(index: int, pages: int) -> int | None:
    return index if index < pages else None


def impose(pdf: bytes, layout: str) -> bytes:
    """``pdf`` imposed as ``booklet`` or ``2up``; ``a4`` returns it unchanged."""
    if layout == "a4":
        return pdf
    reader = PdfReader(io.BytesIO(pdf))
    order = booklet_order if layout == "booklet" else two_up_order
    writer = PdfWriter()
    sheet_w, sheet_h = A4_LANDSCAPE
    half = sheet_w / 2
    for left, right in order(len(reader.pages)):
        sheet = PageObject.create_blank_page(writer, sheet_w, sheet_h)
        for index, x0 in ((left, 0.0), (right, half)):
            if index is not None:
                _place(sheet, reader.pages[index], x0, half, sheet_h)
        writer.add_page(sheet)
    if reader.metadata:
        writer.add_metadata({k: v for k, v in reader.metadata.items() if isinstance(v, str)})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _place(sheet: PageObject, page: PageObject, x0: float, width: float, height: float) -> None:
    """Scale ``page`` to fit a width × height cell at x0 (centred) and merge it.

    A page whose orientation differs from the cell's (a landscape 7-minute page in a
    portrait half-sheet) is turned a quarter turn anticlockwise first, its top to the
    cell's left edge, so it fills the cell: unturned it would print at half size."""
    box = page.mediabox
    w, h = float(box.width), float(box.height)
    turn = (w > h) != (width > height)
    placed_w, placed_h = (h, w) if turn else (w, h)
    scale = min(width / placed_w, height / placed_h)
    dx = x0 + (width - placed_w * scale) / 2
    dy = (height - placed_h * scale) / 2
    move = Transformation().translate(-float(box.left), -float(box.bottom))
    if turn:  # (x, y) -> (h - y, x): the page's top edge lands on the cell's left
        move = move.rotate(90).translate(h, 0)
    sheet.merge_transformed_page(page, move.scale(scale, scale).translate(dx, dy))

"""Helpers for the link tests: what is under an annotation, QR codes read from pixels."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from conftest import pdf_words_boxes

MM = 72 / 25.4
Rect = tuple[float, float, float, float]


def chars_in(path: Path, page: int, rect: Rect, slack: float = 0.5) -> str:
    """The characters whose box centre lies inside ``rect`` (PDF points), in page order."""
    x0, y0, x1, y1 = rect
    return "".join(char for char, (left, bottom, right, top) in pdf_words_boxes(path, page)
                   if x0 - slack <= (left + right) / 2 <= x1 + slack
                   and y0 - slack <= (bottom + top) / 2 <= y1 + slack and right > left)


def ink_extent(path: Path, page: int, rect: Rect, slack: float = 0.5) -> Rect:
    """The union of the boxes of the characters inside ``rect``."""
    x0, y0, x1, y1 = rect
    boxes = [box for char, box in pdf_words_boxes(path, page)
             if x0 - slack <= (box[0] + box[2]) / 2 <= x1 + slack
             and y0 - slack <= (box[1] + box[3]) / 2 <= y1 + slack and box[2] > box[0]]
    assert boxes, f"no text under the annotation at {rect}"
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass
class Code:
    """A QR code read from a rendered page: its text and where it is (pixels)."""

    page: int
    text: str
    left: float
    top: float
    right: float
    bottom: float
    version: int

    @property
    def modules(self) -> int:
        return 17 + 4 * self.version


def read_codes(path: Path, dpi: int = 150) -> tuple[list[Code], list]:
    """Render every page at ``dpi`` and read its QR codes with zxing-cpp; also return
    the page images (grayscale) so a test can look at the pixels around a code."""
    import pypdfium2 as pdfium
    import zxingcpp

    codes: list[Code] = []
    images = []
    doc = pdfium.PdfDocument(str(path))
    try:
        for index, page in enumerate(doc):
            image = page.render(scale=dpi / 72).to_pil().convert("L")
            images.append(image)
            for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
                p = result.position
                xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
                ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
                codes.append(Code(index, result.text, min(xs), min(ys), max(xs), max(ys),
                                  int(result.extra["Version"])))
    finally:
        doc.close()
    return codes, images

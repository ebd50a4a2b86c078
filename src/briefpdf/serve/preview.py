"""Printed pages as images, for the preview beside the editor.

pypdfium2 renders with PDFium, Chromium's own PDF engine, so the preview shows what a
PDF viewer shows. PDFium is not thread-safe: one lock around every call. Images are
kept per PDF (by its SHA-256), so the browser asking again costs nothing.

JPEG, not PNG: encoding a page as PNG took 60-90 ms, as JPEG (quality 90, no colour
subsampling, so coloured text stays crisp) under 10 ms, for the same size of file;
at this resolution the difference cannot be seen beside the editor.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict

SCALE = 1.5
"""108 dpi: sharp on a laptop or desktop screen beside the editor."""
KEEP = 8
"""PDFs whose pages are kept (the default view and a few styles tried)."""

_lock = threading.Lock()
_pages: OrderedDict[str, list[bytes | None]] = OrderedDict()
_docs: dict[str, bytes] = {}


def key_of(pdf: bytes) -> str:
    """The name a PDF's pages are kept under."""
    return hashlib.sha256(pdf).hexdigest()[:16]


def page_count(pdf: bytes) -> int:
    """How many pages ``pdf`` has; remembers it for :func:`page_image`."""
    import pypdfium2 as pdfium

    key = key_of(pdf)
    with _lock:
        if key in _pages:
            _pages.move_to_end(key)
            return len(_pages[key])
        document = pdfium.PdfDocument(pdf)
        try:
            count = len(document)
        finally:
            document.close()
        _pages[key] = [None] * count
        _docs[key] = pdf
        while len(_pages) > KEEP:
            old, _ = _pages.popitem(last=False)
            _docs.pop(old, None)
    return count


def page_image(key: str, number: int) -> bytes | None:
    """Page ``number`` (from 1) of the PDF kept as ``key``, as JPEG; None if unknown."""
    import pypdfium2 as pdfium

    with _lock:
        pages = _pages.get(key)
        if pages is None or not 1 <= number <= len(pages):
            return None
        if pages[number - 1] is None:
            document = pdfium.PdfDocument(_docs[key])
            try:
                image = document[number - 1].render(scale=SCALE).to_pil()
            finally:
                document.close()
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality=90, subsampling=0)
            pages[number - 1] = buffer.getvalue()
        return pages[number - 1]


def render_all(pdf: bytes) -> tuple[str, int]:
    """Render every page of ``pdf`` now (so the browser's requests find them ready);
    return its key and page count."""
    count = page_count(pdf)
    key = key_of(pdf)
    for number in range(1, count + 1):
        page_image(key, number)
    return key, count

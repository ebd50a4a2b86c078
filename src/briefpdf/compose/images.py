"""Images decoded once per process; logos scaled down to print resolution.

A logo is often a 1500-pixel PNG drawn 14 mm high. ReportLab would decode it, hash
its pixels and compress them again for every PDF; scaling it to the size it is
drawn at (``PRINT_DPI``) once per process and reusing the decoded image makes a
build several times faster and the PDF smaller, with no visible difference in
print. Content images keep every pixel (a reader may zoom into a chart) but are
decoded once per process too. JPEGs are passed through untouched (ReportLab embeds
their bytes as they are).
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

PRINT_DPI = 300
"""Pixels per inch kept at the drawn size: the usual resolution for print."""


def prepared_image(path: str, width: float, height: float, *, print_size: bool = False,
                   gray: bool = False) -> Any:
    """A cached ImageReader for drawing ``path`` at ``width`` × ``height`` points (with
    ``print_size``, no larger than PRINT_DPI needs; with ``gray``, in grays for
    black-and-white printing); None for a JPEG in colour (embedded as it is) or an
    unreadable file. Made from the bytes the image check read (load/files.py)."""
    data = image_bytes(path)
    if data is None or (data[:3] == b"\xff\xd8\xff" and not gray):
        return None
    pixels = (max(1, round(width / 72 * PRINT_DPI)), max(1, round(height / 72 * PRINT_DPI))
              ) if print_size else None
    return _prepared(data, pixels, gray)


def image_bytes(path: str) -> bytes | None:
    """The checked bytes of an image (None when it was not read and checked)."""
    from briefpdf.load.files import kept_or_none

    return kept_or_none(path)


def image_stream(path: str) -> Any:
    """The checked bytes of an image as a file for ReportLab (which then never opens
    ``path`` itself); an empty stream, which ReportLab reports, if it was never checked."""
    import io

    stream = io.BytesIO(image_bytes(path) or b"")
    stream.name = path
    return stream


@lru_cache(maxsize=8)
def _prepared(data: bytes, pixels: tuple[int, int] | None, gray: bool = False) -> Any:
    import io

    from PIL import Image
    from reportlab.lib.utils import ImageReader

    with Image.open(io.BytesIO(data)) as image:
        image.load()
        if pixels and image.width > pixels[0] * 1.1 and image.height > pixels[1] * 1.1:
            image = image.resize(pixels, Image.Resampling.LANCZOS)
        if gray:
            image = _gray(image)
        return ImageReader(image.copy())


def _gray(image: Any) -> Any:
    """The image in grays (luma), transparency kept (ReportLab masks RGBA, not LA)."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        return image.convert("RGBA").convert("LA").convert("RGBA")
    return image.convert("L")


def reuse_compressed(canv: Any, reader: Any, mask: Any) -> str:
    """Give the canvas's document a copy of ``reader``'s image XObject, compressed once
    per process; return the key to hand ``drawImage`` instead of the reader.

    ReportLab compresses an image's pixels (and its transparency mask) again for every
    PDF, and hashes them again on every draw to name the XObject; for a logo on every
    briefing that was a tenth of a build. ``drawImage`` given a string reuses the
    XObject registered under that string's name, so the copy is registered under the
    name of a key made from the pixels' hash (taken once per process): different
    pixels, different key.
    """
    from reportlab.pdfbase.pdfdoc import PDFObjectReference

    from briefpdf.seam import pdf_document, take_soft_mask

    key, name, template = _compressed(reader, mask)
    doc = pdf_document(canv)
    registered = doc.getXObjectName(name)
    if registered in doc.idToObject:
        return key
    image = copy.copy(template)
    doc.Reference(image, registered)
    doc.addForm(name, image)
    smask = take_soft_mask(image)
    if smask is not None:
        mask_name = doc.getXObjectName(smask.name)
        image.smask = PDFObjectReference(mask_name) if mask_name in doc.idToObject \
            else doc.Reference(copy.copy(smask), mask_name)
    return key


@lru_cache(maxsize=16)
def _compressed(reader: Any, mask: Any) -> tuple[str, str, Any]:
    """(key for drawImage, the XObject's content name as drawImage computes it from the
    key, compressed XObject)."""
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    from briefpdf.seam import digest, image_alpha

    pixels = reader.getRGBData()  # (also reads the transparency)
    alpha = image_alpha(reader)
    extra = alpha.getRGBData() if mask == "auto" and alpha else str(mask).encode("utf-8")
    key = f"briefpdf-image-{digest(pixels + extra)}"
    name = digest(f"{key}{mask}".encode())  # as drawImage names a file
    image = PDFImageXObject(name, reader, mask=mask)
    image.name = name
    return key, name, image

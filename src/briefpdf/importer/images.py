"""Pictures found in a document: checked against the limits before anything is decoded,
and kept as PNG or JPEG (the two kinds a briefing can print)."""

from __future__ import annotations

import io
import warnings

from briefpdf.importer.blocks import Block, Note, fail
from briefpdf.model.images import MAX_IMAGE_PIXELS

MAX_IMAGE_BYTES = 20_000_000
"""One picture's file (a print-quality A4 photo is a few megabytes)."""

_CONVERTIBLE = {"GIF", "BMP", "TIFF", "WEBP"}


def image_block(data: bytes, alt: str, where: str, name: str) -> Block | Note:
    """An image block for ``data``, or a Note saying why it was not placed. A picture
    over the limits stops the import (InputError naming ``name``)."""
    if len(data) > MAX_IMAGE_BYTES:
        raise fail(name, f"{where}: a picture of {len(data):,} bytes is over the limit of "
                         f"{MAX_IMAGE_BYTES:,}; make it smaller in Word (Picture Format > "
                         "Compress Pictures) and import again")
    image = _opened(data, where, name)
    kind = "an unknown format"
    if image is not None:
        with image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise _too_big(name, where, f"of {width}×{height} pixels ")
            kind = f"{image.format} format"
            if image.format == "PNG":
                return Block("image", image=data, ext="png", alt=alt, where=where)
            if image.format in ("JPEG", "MPO"):
                return Block("image", image=data, ext="jpg", alt=alt, where=where)
            if image.format in _CONVERTIBLE:
                converted = _as_png(image)
                if converted:
                    return Block("image", image=converted, ext="png", alt=alt, where=where)
    return Note(where, f"a picture in {kind} was not placed (briefpdf prints PNG and "
                       "JPEG); save it as PNG and add it with image:")


def _opened(data: bytes, where: str, name: str):
    """The picture opened lazily (only its header is read), or None if it is none."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        raise _too_big(name, where, "") from None
    except (OSError, ValueError, SyntaxError):  # UnidentifiedImageError is an OSError
        return None


def _as_png(image) -> bytes | None:
    try:
        out = io.BytesIO()
        image.convert("RGBA").save(out, "PNG")
        return out.getvalue()
    except (OSError, ValueError, SyntaxError):
        return None


def _too_big(name: str, where: str, size: str):
    return fail(name, f"{where}: a picture {size}is over the limit of "
                      f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels; make it smaller "
                      "(Picture Format > Compress Pictures)")

"""Image files: whether one can be used (a real PNG or JPEG, not a decompression bomb)
and its size in pixels, from the bytes the image check read (load/files.py), kept per
process and on disk keyed by those bytes (model/filecache.py)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
MAX_IMAGE_PIXELS = 40_000_000
"""Decompression-bomb guard: 40 megapixels is a 20 cm photo at 800 dpi."""


def image_path(folder: Path, image: str) -> Path:
    """Where an image written in a briefing in ``folder`` is: made absolute, links not
    followed (the key its checked bytes are kept under; see load/files.py)."""
    return Path(os.path.abspath(Path(folder).resolve() / image))


def image_verdict(data: bytes, shown: str) -> str | None:
    """Why these image bytes cannot be used, or None."""
    verdict = image_facts(data)["verdict"]
    return None if verdict is None else verdict.replace("{shown}", shown)


def image_size(file: Path | str) -> tuple[int, int] | None:
    """A checked image's width and height in pixels, or None when it cannot be read."""
    from briefpdf.load.files import Refused, kept

    try:
        size = image_facts(kept(file, 0))["size"]
    except Refused:
        return None
    return (size[0], size[1]) if size else None


def image_facts(data: bytes) -> dict:
    """``{"verdict": problem or None, "size": [width, height] or None}`` for image bytes.

    Decoding a logo for every briefing is slow, so the facts are kept per process and on
    disk (see filecache.py), keyed by the bytes' content."""
    return _image_facts(data)


@lru_cache(maxsize=32)
def _image_facts(data: bytes) -> dict:
    from briefpdf.model.filecache import data_fact

    return data_fact("image", data, _read_image)


def _read_image(data: bytes) -> dict:
    """The problem with an image file ("{shown}" stands for its name) and its size."""
    import io

    head = data[:32]
    kind = next((k for sig, k in IMAGE_SIGNATURES.items() if head.startswith(sig)), None)
    if kind is None:
        return {"verdict": "{shown} is not a PNG or JPEG image; export it as PNG or JPEG",
                "size": None}
    from PIL import Image as PILImage

    size = None
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            width, height = size = image.size
            if width * height > MAX_IMAGE_PIXELS:
                return {"verdict": (
                    f"{{shown}} is {width}×{height} pixels, over the limit of "
                    f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels; make it smaller"),
                    "size": size}
            image.load()  # decode it all now: a truncated or corrupt file fails here
    except PILImage.DecompressionBombError:
        return {"verdict": ("{shown} has too many pixels (over the limit of "
                            f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels); make it smaller"),
                "size": size}
    except Exception:  # noqa: BLE001 - any decoder failure means a broken image
        return {"verdict": f"{{shown}} looks like a {kind} but cannot be read; export it again",
                "size": size}
    return {"verdict": None, "size": size}

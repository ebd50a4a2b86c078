"""Image files: whether one can be used (a real PNG or JPEG, not a decompression bomb)
and its size in pixels, kept per process and on disk (model/filecache.py)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from briefpdf.model.filecache import file_fact

IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}
MAX_IMAGE_PIXELS = 40_000_000
"""Decompression-bomb guard: 40 megapixels is a 20 cm photo at 800 dpi."""


def image_problem(file: Path, shown: str) -> str | None:
    """Why ``file`` cannot be used as an image, or None."""
    if not file.is_file():
        return f"image not found: {shown}; paths are relative to the briefing file"
    verdict = image_facts(file)["verdict"]
    return None if verdict is None else verdict.replace("{shown}", shown)


def image_size(file: Path | str) -> tuple[int, int] | None:
    """An image's width and height in pixels, or None when it cannot be read."""
    size = image_facts(Path(file))["size"]
    return (size[0], size[1]) if size else None


def image_facts(file: Path) -> dict:
    """``{"verdict": problem or None, "size": [width, height] or None}`` for an image.

    Decoding a logo for every briefing is slow, so the facts are kept per process and on
    disk (see filecache.py) for as long as the file's time and size are unchanged."""
    stat = file.stat()
    return _image_facts(str(file), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _image_facts(file: str, mtime_ns: int, size: int) -> dict:
    return file_fact("image", file, _read_image)


def _read_image(file: str) -> dict:
    """The problem with an image file ("{shown}" stands for its name) and its size."""
    with open(file, "rb") as handle:
        head = handle.read(32)
    kind = next((k for sig, k in IMAGE_SIGNATURES.items() if head.startswith(sig)), None)
    if kind is None:
        return {"verdict": "{shown} is not a PNG or JPEG image; export it as PNG or JPEG",
                "size": None}
    from PIL import Image as PILImage

    size = None
    try:
        with PILImage.open(file) as image:
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

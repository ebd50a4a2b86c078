"""Font files without ReportLab: where bundled families live, whether a file is a usable
TrueType font (a cheap header check), and which characters a family covers (fontTools).

`briefpdf validate` uses this module, so it must stay light: no ReportLab import.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

BUNDLED = {
    "source-sans-pro": ("font_source_sans_pro", "SourceSansPro"),
    "source-serif-pro": ("font_source_serif_pro", "SourceSerifPro"),
}
"""Families shipped through PyPI packages, usable in a style by name."""

DEFAULT_FAMILY = "source-sans-pro"
"""The fallback for characters a style's own font lacks."""

FACES = ("regular", "bold", "italic", "bold_italic")
_FACE_FILES = {"regular": "Regular", "bold": "Bold", "italic": "It", "bold_italic": "BoldIt"}


def bundled_faces(name: str) -> dict[str, str]:
    """The TrueType file of each face of a bundled family."""
    import importlib

    module_name, stem = BUNDLED[name]
    folder = Path(importlib.import_module(module_name).font_directory)
    return {face: str(folder / f"{stem}-{suffix}.ttf") for face, suffix in _FACE_FILES.items()}


def shown_path(path: str) -> str:
    """A path as shown in messages: relative to the working folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(Path(path).resolve())


def font_problem(data: bytes, shown: str) -> str | None:
    """Why these bytes cannot be used as a TrueType font, or None.

    Beyond the kind of file (its first four bytes), the font is parsed as a PDF embeds
    it: every table ReportLab reads and every glyph outline, so a truncated or damaged
    font is found here (by `validate`) rather than half-way through a build. The
    verdict is kept on disk, keyed by the bytes (filecache.py)."""
    head = data[:4]
    if head == b"OTTO":
        return (f"{shown} is an OpenType font with PostScript (CFF) outlines, which PDFs made "
                "by briefpdf cannot embed; use the TrueType (.ttf) version of the family")
    if head == b"ttcf":
        return f"{shown} is a font collection (.ttc); use a single TrueType (.ttf) file"
    if head in (b"wOFF", b"wOF2"):
        return f"{shown} is a web font (WOFF); use the TrueType (.ttf) version of the family"
    if head not in (b"\x00\x01\x00\x00", b"true"):
        return (f"{shown} is not a TrueType font file; choose a .ttf file that opens in a "
                "font viewer")
    from briefpdf.model.filecache import data_fact

    damage = data_fact("font-check", data, _damage)
    if damage:
        return (f"{shown} is damaged ({damage}); install the font again, or choose another "
                ".ttf file that opens in a font viewer")
    return None


REQUIRED_TABLES = ("head", "hhea", "maxp", "hmtx", "cmap", "name", "post", "loca", "glyf")
"""The tables ReportLab reads to embed a TrueType font."""


def _damage(data: bytes) -> str:
    """What is wrong inside a TrueType font ('' when nothing is)."""
    import io
    import logging

    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.CRITICAL)  # its findings become ours
    try:
        with TTFont(io.BytesIO(data), lazy=False, recalcBBoxes=False) as font:
            missing = [tag for tag in REQUIRED_TABLES if tag not in font]
            if missing:
                return f"no {', '.join(missing)} table"
            for tag in REQUIRED_TABLES:
                font[tag]  # noqa: B018 - decompiling the table is the check
            glyf = font["glyf"]
            for name in font.getGlyphOrder():
                glyf[name].expand(glyf)
            if not font.getBestCmap():
                return "it maps no characters"
    except Exception as exc:  # noqa: BLE001 - any parser failure means a damaged font
        return f"{type(exc).__name__}: {exc}"[:120] or "cannot be parsed"
    return ""


def coverage(path: str) -> frozenset[int]:
    """The code points one font file has glyphs for (empty if it cannot be read), from
    the bytes that were checked (load/files.py).

    Kept on disk between runs (see filecache.py): parsing a font's character map with
    fontTools is much of the time a cold `briefpdf validate` would take."""
    from briefpdf.load.files import Refused, kept

    try:
        data = kept(path)
    except Refused:
        return frozenset()
    return _coverage(data)


@lru_cache(maxsize=64)
def _coverage(data: bytes) -> frozenset[int]:
    from briefpdf.model.filecache import data_fact

    ranges = data_fact("font-coverage", data, _coverage_ranges)
    return frozenset(code for start, end in ranges for code in range(start, end + 1))


def _coverage_ranges(data: bytes) -> list[list[int]]:
    """The code points a font file has glyphs for, as [first, last] ranges."""
    import io

    from fontTools.ttLib import TTFont

    try:
        with TTFont(io.BytesIO(data), lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except Exception:  # noqa: BLE001 - a damaged font covers nothing (and is reported)
        return []
    ranges: list[list[int]] = []
    for code in sorted(cmap):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return ranges


FaceKey = tuple[bool, bool]
"""(bold, italic)."""

FACE_KEYS: dict[str, FaceKey] = {"regular": (False, False), "bold": (True, False),
                                 "italic": (False, True), "bold_italic": (True, True)}


def family_coverage(files: dict[str, str]) -> dict[FaceKey, frozenset[int]]:
    """The code points each face of a family has, keyed by (bold, italic)."""
    return {FACE_KEYS[face]: coverage(path) for face, path in files.items()}

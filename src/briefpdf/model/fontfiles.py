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


def font_file_problem(path: str) -> str | None:
    """Why ``path`` cannot be used as a TrueType font, or None. Reads 4 bytes only."""
    file = Path(path)
    shown = file.name
    if not file.is_file():
        return f"font file not found: {shown_path(path)}; paths are relative to the style file"
    try:
        with open(file, "rb") as handle:
            head = handle.read(4)
    except OSError as exc:
        return f"cannot read the font file {shown}: {exc.strerror}"
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
    return None


@lru_cache(maxsize=64)
def coverage(path: str) -> frozenset[int]:
    """The code points one font file has glyphs for (empty if it cannot be read).

    Kept on disk between runs (see filecache.py): parsing a font's character map with
    fontTools is much of the time a cold `briefpdf validate` would take."""
    from briefpdf.model.filecache import file_fact

    ranges = file_fact("font-coverage", path, _coverage_ranges)
    return frozenset(code for start, end in ranges for code in range(start, end + 1))


def _coverage_ranges(path: str) -> list[list[int]]:
    """The code points a font file has glyphs for, as [first, last] ranges."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        with TTFont(path, lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except (TTLibError, OSError, KeyError, AssertionError, ValueError, IndexError):
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

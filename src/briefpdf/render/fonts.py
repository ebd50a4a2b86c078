"""Register a style's TrueType families with ReportLab and name them for paragraphs.

The default family comes from the ``font-source-sans-pro`` package on PyPI, so the
font is embedded from an installed file, never from a path on the user's machine.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from briefpdf.errors import InputError, Problem
from briefpdf.model.style import FontFiles


@dataclass(frozen=True)
class Family:
    """ReportLab font names for the four faces of one family."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def bundled_files(name: str) -> FontFiles:
    """The TrueType files of a family bundled through a PyPI package."""
    if name == "source-sans-pro":
        import font_source_sans_pro

        folder = Path(font_source_sans_pro.font_directory)
        return FontFiles.model_construct(
            regular=str(folder / "SourceSansPro-Regular.ttf"),
            bold=str(folder / "SourceSansPro-Bold.ttf"),
            italic=str(folder / "SourceSansPro-It.ttf"),
            bold_italic=str(folder / "SourceSansPro-BoldIt.ttf"),
        )
    raise ValueError(f"unknown bundled family {name!r}")


_registered: dict[str, str] = {}


def register_family(family: FontFiles | str) -> Family:
    """Register (once per process) a family's faces; missing faces reuse regular."""
    files = bundled_files(family) if isinstance(family, str) else family
    regular = _register(files.regular)
    bold = _register(files.bold) if files.bold else regular
    italic = _register(files.italic) if files.italic else regular
    bold_italic = _register(files.bold_italic) if files.bold_italic else bold
    for is_bold, is_italic, face in (
        (0, 0, regular),
        (1, 0, bold),
        (0, 1, italic),
        (1, 1, bold_italic),
    ):
        addMapping(regular, is_bold, is_italic, face)
    return Family(regular, bold, italic, bold_italic)


def _register(path: str) -> str:
    """Register one TrueType file under a name derived from its content."""
    if path in _registered:
        return _registered[path]
    data = Path(path).read_bytes()
    name = f"{Path(path).stem[:40]}-{hashlib.sha1(data).hexdigest()[:8]}"
    try:
        pdfmetrics.registerFont(TTFont(name, path))
    except (TTFError, OSError, ValueError, KeyError, IndexError) as exc:
        raise InputError(
            [
                Problem(
                    path,
                    1,
                    1,
                    f"not a usable TrueType font ({exc}); "
                    "choose a .ttf file that opens in a font viewer",
                )
            ]
        ) from None
    _registered[path] = name
    return name

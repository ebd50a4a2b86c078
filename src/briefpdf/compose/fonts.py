"""Register a style's TrueType families with ReportLab and name them for paragraphs.

Bundled families come from PyPI packages (``font-source-sans-pro``, ...), so fonts are
embedded from installed files, never from a path on the user's machine. Each face is
registered under a name derived from its content, once per process.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefpdf.errors import InputError, Problem
from briefpdf.model.fontfiles import DEFAULT_FAMILY, FACE_KEYS, FaceKey, family_coverage
from briefpdf.model.style import FontFamily, family_faces


@dataclass(frozen=True)
class Family:
    """ReportLab font names for the four faces of one family, and the characters each
    face has, keyed by (bold, italic)."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    covers: dict[FaceKey, frozenset[int]] = field(default_factory=dict, hash=False,
                                                   compare=False)


_registered: dict[str, str] = {}
_families: dict[str, tuple[Family, FaceKey]] = {}
"""Every face name registered → its family and (bold, italic), for paragraph fonts."""


def register_family(family: FontFamily) -> Family:
    """Register (once per process) a family's faces; missing faces reuse regular."""
    files = family_faces(family)
    names = {face: _register(path) for face, path in files.items()}
    result = Family(names["regular"], names["bold"], names["italic"], names["bold_italic"],
                    family_coverage(files))
    for is_bold, is_italic, face in ((0, 0, result.regular), (1, 0, result.bold),
                                     (0, 1, result.italic), (1, 1, result.bold_italic)):
        addMapping(result.regular, is_bold, is_italic, face)
    for face, name in names.items():
        _families.setdefault(name, (result, FACE_KEYS[face]))
    return result


def family_of(font_name: str) -> tuple[Family, FaceKey] | None:
    """The registered family a face name belongs to, and which face it is (None for
    ReportLab's own fonts)."""
    return _families.get(font_name)


def fallback_family() -> Family:
    """The default family, for characters a style's font lacks."""
    return register_family(DEFAULT_FAMILY)


def _register(path: str) -> str:
    """Register one TrueType file under a name derived from its content: the bytes the
    style check read and checked (load/files.py), never the file read again."""
    if path in _registered:
        return _registered[path]
    from briefpdf.load.files import Refused, kept

    try:
        data = kept(path)
        name = f"{Path(path).stem[:40]}-{hashlib.sha1(data).hexdigest()[:8]}"
        stream = io.BytesIO(data)
        stream.name = path  # what ReportLab calls the font in its messages
        pdfmetrics.registerFont(TTFont(name, stream))
    except Refused as exc:
        raise InputError([Problem(path, 1, 1, f"the font file {exc}")]) from None
    except Exception as exc:  # noqa: BLE001 - any parser failure: a damaged font
        raise InputError([Problem(path, 1, 1, f"not a usable TrueType font ({exc}); "
                                              "choose a .ttf file that opens in a font viewer")]
                         ) from None
    _registered[path] = name
    return name

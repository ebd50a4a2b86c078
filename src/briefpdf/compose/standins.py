"""Draw a look-alike glyph for a character a font lacks, keeping the character's code.

ReportLab gives every character of a TrueType font its own code in the embedded subset
and writes a ToUnicode map from those codes to the characters. Pointing a missing
character at the glyph of a look-alike (model/lookalikes.py) therefore draws the
look-alike, with the look-alike's width (so the width the PDF states and the glyph's
own agree), while text extraction and screen readers still get the original character.
ReportLab maps U+00A0 to the space glyph the same way.
"""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics


def draw_as(font_name: str, char: str, alike: str) -> bool:
    """Make ``font_name`` draw ``char`` with the glyph of ``alike`` (once per process);
    False when the font has neither."""
    face = getattr(pdfmetrics.getFont(font_name), "face", None)
    glyphs = getattr(face, "charToGlyph", None)
    if glyphs is None:
        return False
    code, alike_code = ord(char), ord(alike)
    if code in glyphs:
        return True
    if alike_code not in glyphs:
        return False
    glyphs[code] = glyphs[alike_code]
    face.charWidths[code] = face.charWidths.get(alike_code, face.defaultWidth)
    return True

"""briefpdf's TrueType font encodes text exactly as ReportLab's does, only faster."""

from __future__ import annotations

import io
from pathlib import Path

import font_source_sans_pro
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as ReportLabTTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate

from briefpdf.render.fonts import TTFont

REGULAR = str(Path(font_source_sans_pro.font_directory) / "SourceSansPro-Regular.ttf")
# Latin, Welsh, Polish, Turkish, Vietnamese, a no-break space, a character the font has
# no glyph for (U+4E2D), and enough distinct letters to need a second subset.
TEXTS = [
    "Plain ASCII text, then again: Plain ASCII text.",
    "Cymraeg ŵŷ âêîôû · Polski zażółć gęślą jaźń · Türkçe ığüşöç · Tiếng Việt ễ",
    "no\u00a0break\u00a0spaces and a missing glyph 中 here",
    "".join(chr(c) for c in range(0x100, 0x250)),  # > 256 codes: subsets 1 and 2
    "Plain ASCII text, then again: Plain ASCII text.",  # all known now: the fast path
    "ŵŷ zażółć\u00a0ễ",
    "",
]


def test_split_string_matches_reportlab_call_for_call():
    ours, theirs = TTFont("EncOurs", REGULAR), ReportLabTTFont("EncTheirs", REGULAR)
    doc_a, doc_b = object.__new__(type("Doc", (), {})), object.__new__(type("Doc", (), {}))
    for text in TEXTS * 2:
        assert ours.splitString(text, doc_a) == theirs.splitString(text, doc_b), text
    assert ours.state[doc_a].assignments == theirs.state[doc_b].assignments
    assert ours.state[doc_a].subsets == theirs.state[doc_b].subsets
    assert len(ours.state[doc_a].subsets) >= 2
    # known characters of the second subset, alone and mixed with the first
    second = "".join(chr(c) for c, n in ours.state[doc_a].assignments.items() if n >> 8 == 1)
    for text in (second[:40], "abc " + second[:5] + " def"):
        assert ours.splitString(text, doc_a) == theirs.splitString(text, doc_b), text
        assert len(ours.splitString(text, doc_a)) >= 1


def _pdf(font_class) -> bytes:
    pdfmetrics.registerFont(font_class("EncTest", REGULAR))
    style = ParagraphStyle("body", fontName="EncTest", fontSize=10, leading=13)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build([Paragraph(t, style) for t in TEXTS if t])
    return buffer.getvalue()


def test_pdf_bytes_are_the_same_as_with_reportlabs_font():
    theirs = _pdf(ReportLabTTFont)
    assert "zażółć gęślą jaźń" in PdfReader(io.BytesIO(theirs)).pages[0].extract_text()
    assert _pdf(TTFont) == theirs

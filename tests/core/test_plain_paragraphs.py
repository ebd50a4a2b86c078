"""Plain paragraphs skip ReportLab's markup parser: same fragments, same PDF bytes."""

from __future__ import annotations

import io
from pathlib import Path

import font_source_sans_pro
import pytest
from pypdf import PdfReader
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
from reportlab.platypus.paraparser import ParaParser

from briefpdf.compose.flowables import Para
from briefpdf.compose.markup import link, plain_frags, spans_to_markup
from briefpdf.model.inline import Span

TEXTS = [
    "A plain sentence.",
    "  Lines of a folded YAML block\n     keep one space between them  \n\n and no blank line ",
    "Cymraeg: ŵŷ âêîôû · Polski: zażółć gęślą jaźń · Türkçe: ığüşöç · Tiếng Việt: ễ",
    "Quotes “like these” – dashes — and an ellipsis…",
    "word " * 400,
]
LINKS = [
    link("Bristol Serious Case Reviews archive", "https://example.org/scr/archive/", "#4b2a7b",
         bold=True),
    link("example.org/a/very/long/address/that/wraps/" * 3, "https://example.org/a", "#C4006A",
         underline=False),
    spans_to_markup([Span("Bold italic, no colour", bold=True, italic=True,
                          href="mailto:team@example.org")]),
]
FOLDER = Path(font_source_sans_pro.font_directory)
for _name, _file in (("PlainTest", "SourceSansPro-Regular.ttf"),
                     ("PlainTest-Bold", "SourceSansPro-Bold.ttf")):
    pdfmetrics.registerFont(TTFont(_name, str(FOLDER / _file)))
STYLES = [
    ParagraphStyle("body", fontName="PlainTest", fontSize=10.5, leading=14),
    ParagraphStyle("heading", fontName="PlainTest-Bold", fontSize=14, leading=18,
                   textColor=HexColor("#4B2A7B")),
    ParagraphStyle("shout", fontName="PlainTest", fontSize=9, leading=11,
                   textTransform="uppercase"),
    ParagraphStyle("links", fontName="PlainTest", fontSize=10.5, leading=14, linkUnderline=1,
                   underlineColor=HexColor("#C4006A"), underlineWidth=0.8, underlineGap=1),
]
STYLES.append(ParagraphStyle("body-again", parent=STYLES[0], leading=20))  # same values


def _parsed(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(text, style)


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_plain_text_fragments_equal_the_parsers(text, style):
    ours = plain_frags(text, style)
    assert ours is not None
    parsed = _parsed(text, style)
    assert ours[0] == parsed.text
    assert [vars(f) for f in ours[1]] == [vars(f) for f in parsed.frags]
    assert ours[1][0].link is not parsed.frags[0].link  # no list shared between paragraphs


@pytest.mark.parametrize("style", STYLES, ids=lambda s: s.name)
@pytest.mark.parametrize("markup", LINKS, ids=range(len(LINKS)))
def test_whole_link_fragments_equal_the_parsers(markup, style):
    ours = plain_frags(markup, style)
    assert ours is not None, markup
    parsed = _parsed(markup, style)
    assert ours[0] == parsed.text
    assert [vars(f) for f in ours[1]] == [vars(f) for f in parsed.frags]
    assert ours[1][0].link[0][1].startswith(("https://", "mailto:"))


VARIANTS = {"fontSize": 12, "textColor": HexColor("#4B2A7B"), "linkUnderline": 1,
            "underlineColor": HexColor("#C4006A"), "underlineWidth": 0.8,
            "underlineOffset": "-0.3*F", "underlineGap": 1}


def test_a_style_differing_in_one_value_the_parser_reads_gets_its_own_fragments():
    body = STYLES[0]
    for markup in (TEXTS[0], *LINKS):
        plain_frags(markup, body)  # the body style's fragments are made first
        for name, value in VARIANTS.items():
            variant = ParagraphStyle(f"body-{name}", parent=body, **{name: value})
            ours, parsed = plain_frags(markup, variant), _parsed(markup, variant)
            assert [vars(f) for f in ours[1]] == [vars(f) for f in parsed.frags], name


@pytest.mark.parametrize("text", [
    "<b>bold</b>", "fish &amp; chips", "", "  \n ",
    '<a href="https://example.org"><b>mismatched</i></a>',
    '<a href="https://example.org?a=1&amp;b=2">query</a>',
    '<b>Email:</b> <a href="mailto:a@example.org">a@example.org</a>',
])
def test_markup_entities_and_empty_text_go_through_the_parser(text):
    assert plain_frags(text, STYLES[0]) is None


def _pdf(paragraph_class, texts: list[str]) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, invariant=1)
    doc.build([paragraph_class(text, style) for text in texts for style in STYLES])
    return buffer.getvalue()


def test_pdf_from_plain_paragraphs_is_byte_identical_to_parsed():
    parsed = _pdf(Paragraph, TEXTS + LINKS)
    reader = PdfReader(io.BytesIO(parsed))
    assert len(reader.pages) >= 2
    assert "zażółć gęślą jaźń" in reader.pages[0].extract_text()
    assert len(reader.pages[-1].get("/Annots") or []) >= 3  # the links are links
    assert _pdf(Para, TEXTS + LINKS) == parsed


def test_the_parser_still_handles_what_the_fast_path_declines():
    style, frags, _ = ParaParser().parse("<para>a <b>b</b></para>", STYLES[0])
    para = Para("a <b>b</b>", STYLES[0])
    assert [f.text for f in para.frags] == [f.text for f in frags] == ["a ", "b"]
    assert para.frags[1].bold == 1


WHITESPACE = ["\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\u2003", "\u2028",
              "\u3000", "\u200b", "\xa0", "  ", "\n\n"]


@pytest.mark.parametrize("space", WHITESPACE, ids=[repr(s) for s in WHITESPACE])
def test_whitespace_is_cleaned_as_reportlab_cleans_it(space):
    from reportlab.platypus.paragraph import cleanBlockQuotedText

    from briefpdf.compose.markup import clean_whitespace

    for text in (f"{space}a{space}b {space} c{space}", f"a{space}", f"{space}",
                 f"line one{space}\n{space}line two", f"x{space}y\n\n{space}z", *TEXTS):
        assert clean_whitespace(text) == cleanBlockQuotedText(text), repr(text)

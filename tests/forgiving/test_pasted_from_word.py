"""A briefing pasted from Word builds, its text reads back exactly as typed, and both
PDF/UA checkers find nothing at warning level."""

from __future__ import annotations

import shutil
import sys
import unicodedata
from pathlib import Path

from conftest import pdf_links, pdf_pages_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "accessibility"))
from test_checkers import findings_outloud, findings_pdfua  # noqa: E402

HERE = Path(__file__).resolve().parent
SLUG = "pasted-from-word"


def typed(text: str) -> str:
    """What a reader copies of typed text: a soft hyphen is only a place to break a word
    (invisible elsewhere), and every kind of space, a tab included, reads as a space."""
    text = text.replace("\u00ad", "")
    return "".join(" " if char == "\t" or unicodedata.category(char) == "Zs" else char
                   for char in text)


EXPECTED = [
    "Learning briefing: Family W",
    "Key point: the school had raised concerns twice",
    "Date: 2020",
    "Ann\u2011Marie, the child\u2019s aunt, was not asked\u2009\u2014\u2009a long-standing gap.",
    "Room 12\u2007B; temperature \u22125\u00a0\u00b0C; 10\u202f000 referrals.",
    "Zero\u200bwidth spaces, joiners (\u200c\u200d) and a word\u2060joiner vanish.",
    "A soft\u00adhyphen only shows where a line breaks.",
    "A\ttab is a space.",
    "The review found:",
    "• information was not shared",
    "• no one escalated",
    "Learning: what to do now",
    "• Agency: health visiting",
    "• Check: who else lives in the home\u200b?",
    "• Ask the child",
    "• and write down what they say",
    "Remember: always ask about fathers",
    "Mum said: nobody listened",
    "Tell us: how did you use this briefing?",
    "Email: learning@example.org",
    "Phone: 0117 496 0123",
]


def _built(project) -> Path:
    shutil.copy(HERE / "briefings" / f"{SLUG}.yaml", project.root / "briefings")
    return project.build(SLUG)


def test_text_reads_back_exactly_as_typed(project):
    lines = pdf_pages_text(_built(project))[0].split("\r\n")
    assert [line for line in lines if line in map(typed, EXPECTED)] == \
        [typed(line) for line in EXPECTED]


def test_both_pdfua_checkers_find_nothing(project):
    pdf = _built(project)
    assert findings_pdfua(pdf) == []
    assert findings_outloud(pdf) == []


def test_phone_is_linked_and_no_glyph_is_missing(project):
    pdf = _built(project)
    assert "tel:01174960123" in [uri for _, uri, _ in pdf_links(pdf)]
    result = project.run("validate", f"briefings/{SLUG}.yaml")
    assert result.code == 0
    assert "is printed in its place" not in result.err  # no character lacks a glyph


def char_width(pdf: Path, text: str, index: int) -> float:
    """The width of the box pdfium gives character ``index`` of ``text`` on page 1."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        textpage = doc[0].get_textpage()
        start = textpage.get_text_range().index(text)
        left, _, right, _ = textpage.get_charbox(start + index)
        return right - left
    finally:
        doc.close()


def test_lookalike_glyphs_keep_the_original_characters(project):
    """The non-breaking hyphen, which Source Sans Pro lacks, is drawn with the hyphen's
    glyph (the same width as the '-' in the same paragraph, where the font's .notdef box
    would be twice as wide) and reads back as U+2011; a zero-width space takes no room."""
    pdf = _built(project)
    nb_hyphen = char_width(pdf, "Ann\u2011Marie", 3)
    hyphen = char_width(pdf, "long-standing", 4)
    assert nb_hyphen > 1 and abs(nb_hyphen - hyphen) < 0.01
    assert char_width(pdf, "Zero\u200bwidth", 4) < 0.01


def test_a_character_no_font_has_is_drawn_as_a_replacement_and_warned_everywhere(project):
    project.briefing("smile", """\
        title: Smile
        sections:
          - heading: One
            content:
              - Good ☺ and ☺ again?
        """)
    result = project.run("build", "briefings/smile.yaml")
    assert result.code == 0
    message = ("warning: '☺' (U+263A WHITE SMILING FACE) is not in the font source-sans-pro "
               "regular, so '?' is printed in its place (copied text keeps '☺'); replace it "
               "with words, or a character the font has, or choose a font that has it")
    assert result.err.splitlines()[:2] == [f"briefings/smile.yaml:5:14: {message}",
                                           f"briefings/smile.yaml:5:20: {message}"]
    pdf = project.root / "out" / "smile.pdf"
    assert "Good ☺ and ☺ again?" in pdf_pages_text(pdf)[0]
    text = "Good ☺ and ☺ again?"
    assert abs(char_width(pdf, text, 5) - char_width(pdf, text, len(text) - 1)) < 0.01

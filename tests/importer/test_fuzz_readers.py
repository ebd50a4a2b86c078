"""Random text and Markdown documents always import into a briefing that validates, or
fail with a message naming the file; never an exception, never a file that would not
build."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefpdf.errors import InputError
from briefpdf.importer.run import import_file

LINES = ["TITLE IN CAPITALS – FAMILY Q", "**Bold heading**", "WHAT HAPPENED", "", "",
         "- a bullet", "* another: with a colon", "• pasted", "1. first", "2) second",
         "  continued line", "Email: team@example.org", "Twitter: @someone",
         "Website: www.example.org/x", "Phone: 0117 496 0123", "Feedback", "FEEDBACK",
         "Guidance: <https://example.org/g.pdf>", "[Named](https://example.org/n)",
         "see https://example.org/bare here", "# heading", "## sub", "> quoted",
         "> — Someone", "| a | b |", "| - | - |", "```", "code", "![pic](missing.png)",
         "text *with* **markup** and _under_ [brackets] <angle> & ampersand",
         "ends mid", "sentence goes on", "Email: not-an-address", "Website: nope",
         "x" * 300, "yes", "null", "2017", "@handle", "#hash", "- - -", "---", "..."]
_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029")
LINE = st.one_of(st.sampled_from(LINES), st.text(_chars, max_size=40))
DOCUMENT = st.lists(LINE, min_size=1, max_size=30).map("\n".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT, st.sampled_from([".txt", ".md"]))
def test_any_text_document_imports_or_fails_cleanly(text, suffix):
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"random{suffix}"
        source.write_text(text, encoding="utf-8")
        try:
            result = import_file(source, Path(folder) / "briefings")
        except InputError as exc:
            assert all(p.file == str(source) for p in exc.problems[:1]), exc
            assert "would not build" not in str(exc), str(exc)
            return
        assert result.target.is_file()


STYLES = ["Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", "List Number",
          "Quote", "Normal", "Normal"]
PARAGRAPH = st.tuples(st.sampled_from(STYLES), LINE.filter(lambda t: "\x00" not in t),
                      st.booleans(), st.booleans(), st.sampled_from(
                          [None, "https://example.org/x", "javascript:alert(1)",
                           "mailto:a@example.org"]))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PARAGRAPH, min_size=1, max_size=15), st.booleans())
def test_any_word_document_imports_or_fails_cleanly(paragraphs, boxed):
    from docx import Document
    from docx_maker import add_hyperlink

    document = Document()
    for style, text, bold, italic, href in paragraphs:
        paragraph = document.add_paragraph(style=style)
        run = paragraph.add_run(text)
        run.bold, run.italic = bold, italic
        if href:
            add_hyperlink(paragraph, "link words", href)
    if boxed:
        document.add_table(rows=1, cols=1).cell(0, 0).text = paragraphs[0][1]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "random.docx"
        document.save(source)
        try:
            result = import_file(source, Path(folder) / "briefings")
        except InputError as exc:
            assert "would not build" not in str(exc), str(exc)
            return
        assert result.target.is_file()

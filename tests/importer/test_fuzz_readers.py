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

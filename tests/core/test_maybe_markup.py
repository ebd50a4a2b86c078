"""The quick test for markup in model/inline.py answers as the regular expression it
replaced, so the texts it lets skip the Markdown parser are the same."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefpdf.model.inline import _maybe_markup

REPLACED = re.compile(r"[*_\[<@]|https?://|www\.|mailto:", re.IGNORECASE)
PIECES = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["http://", "HTTPS://", "hTtP:/", "www.", "WwW", "mailto:", "MAILTO",
                     "ftp://", "*", "_", "[", "<", "@", "İ", "ſ", "K", "ｗｗｗ.", "://",
                     "httpſ://", "maİlto:", "maılto:", "HTTPſ://"]),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=8).map("".join))
def test_the_quick_test_answers_as_the_regular_expression(text: str) -> None:
    assert _maybe_markup(text) == bool(REPLACED.search(text))


def test_the_letters_a_case_blind_match_folds() -> None:
    for text in ("httpſ://example.org", "maİlto:someone", "maılto:someone", "plain text"):
        assert _maybe_markup(text) == bool(REPLACED.search(text)), text

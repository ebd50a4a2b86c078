"""The check's quick tests that let a text skip a rule never skip a text the rule would
find something in: each is compared with the rule itself on generated texts."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefpdf.check.access import POINTING, _may_point
from briefpdf.check.plain import WORD, words
from briefpdf.model.inline import plain_text

POINTING_PIECES = st.one_of(
    st.text(max_size=5),
    st.sampled_from(["click here", "CLICK HERE", "clicking on the link", "cLıck this link",
                     "read more", "READ  MORE", "find out more", "ﬁnd out more",
                     "follow this link", "see here", "ſee here", "SEE\nHERE", "clİck here",
                     "click", "read", "here", "more", " ", "\n", "."]),
)


@settings(max_examples=800, deadline=None)
@given(st.lists(POINTING_PIECES, max_size=8).map("".join))
def test_a_text_without_a_pointing_word_has_no_pointing_phrase(text: str) -> None:
    assert _may_point(text) or POINTING.search(text) is None


def test_the_letters_a_case_blind_match_folds_still_point() -> None:
    for text in ("ſee here", "clİck here", "clıck here", "CLICK HERE", "Read more"):
        assert POINTING.search(text), text
        assert _may_point(text), text


MARKUP_PIECES = st.one_of(
    st.text(alphabet="ab1’'-_ *", max_size=5),
    st.sampled_from(["**", "*", "_", "__", "[", "](https://example.org/a-b)", "]", "(", ")",
                     "<https://example.org/x>", "<", ">", "www.example.org", "a@b.org",
                     "don’t", "it's", "’s", "x’", "’y", " ", "\n", "1", "a1b", "’1"]),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(MARKUP_PIECES, max_size=10).map("".join))
def test_taking_markup_out_never_adds_a_word(text: str) -> None:
    """Why long_sentences may count the words of the text as typed first: a sentence
    with no more than 25 of them has no more than 25 once its markup is taken out."""
    assert len(words(plain_text(text))) <= len(WORD.findall(text))


def test_the_word_pattern_is_the_one_counted() -> None:
    assert words("don’t stop: a1b’c, 2’d") == re.findall(WORD, "don’t stop: a1b’c, 2’d")


LOOKED_BEHIND = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
"""The sentence end as it was written first, with the stop looked behind for."""

SENTENCE_PIECES = st.one_of(
    st.text(alphabet="aZ1 .!?\"”’')]“‘([\n\t", max_size=6),
    st.sampled_from([". ", "! ", "?” ", ".) ", "…", ".. ", "!! A", ".\n\nB", ". (C", ". “D"]),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(SENTENCE_PIECES, max_size=10).map("".join))
def test_sentences_split_where_the_looked_behind_pattern_split(text: str) -> None:
    from briefpdf.check.texts import sentences

    expected, start = [], 0
    for match in LOOKED_BEHIND.finditer(text):
        expected.append((start, text[start:match.start()]))
        start = match.end()
    if text[start:].strip():
        expected.append((start, text[start:]))
    assert sentences(text) == expected


NAME_AND_ACRONYM_PIECES = st.one_of(
    st.text(alphabet="MrsDPfoaiSxem. AB1١-’'", max_size=6),
    st.sampled_from(["Mr ", "Mrs. ", "Ms ", "Miss ", "Mx ", "Dr ", "Prof ", "Sir ", "Dame ",
                     "MR ", "dr ", "Smith", "Jones", "Mary-Jane", "O’Neil", "McKay", "J.",
                     "Anne’s ", "CPIR", "S47", "A١", "GP", "NHS’s",
                     "x.AB", "/ABC", " ", "\n"]),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(NAME_AND_ACRONYM_PIECES, max_size=8).map("".join))
def test_names_titles_and_acronyms_are_never_screened_out(text: str) -> None:
    from briefpdf.check.names import CAPITALISED_PAIR, PAIR, TITLED, TITLES_AS_TYPED
    from briefpdf.check.plain import ACRONYM, MAY_BE_ACRONYM

    if TITLED.search(text):
        assert any(title in text for title in TITLES_AS_TYPED)
    if PAIR.search(text):
        assert CAPITALISED_PAIR.search(text)
    if ACRONYM.search(text):
        assert MAY_BE_ACRONYM.search(text)

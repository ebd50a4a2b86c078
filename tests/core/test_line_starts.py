"""line_starts gives the offset of each line, as the character-by-character scan did."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefpdf.load.lines import line_starts


@given(st.text(alphabet=st.sampled_from(["a", "\n", "\r", "\u2028", "é", " "]), max_size=60))
def test_line_starts_match_a_scan_of_every_character(text: str) -> None:
    assert line_starts(text) == [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]

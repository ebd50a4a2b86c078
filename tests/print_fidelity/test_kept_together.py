"""What a designer keeps in one piece stays in one piece on the page: a feedback panel,
and a link entry (title, address, note), move to the next page whole instead of leaving
a line or two behind. Read back from the samples built in the shipped styles."""

from __future__ import annotations

import pytest
from builds import built

from conftest import normalise, pdf_pages_text

PIECES = [
    # (sample, style, first words of the piece, last words of the piece)
    ("family-l", "partnership", "Feedback, suggestions and ideas",
     "in relation the findings from this review"),
    ("adults-review-mr-a", "default", "Care Act 2014",
     "Sections 42 (enquiries) and 44"),
]


@pytest.mark.parametrize(("slug", "style", "first", "last"), PIECES)
def test_piece_is_on_one_page(slug: str, style: str, first: str, last: str) -> None:
    pages = [normalise(text) for text in pdf_pages_text(built(style) / f"{slug}.pdf")]
    starts = [i for i, text in enumerate(pages) if first in text]
    ends = [i for i, text in enumerate(pages) if last in text]
    assert starts and ends, (first, last)
    assert starts[-1] == ends[-1], f"'{first}' on page {starts[-1] + 1}, '{last}' on " \
                                   f"page {ends[-1] + 1}"

"""Every link is a clickable annotation exactly over its text, with the full, correct URI."""

from __future__ import annotations

from collections import defaultdict

import pytest
from links_helpers import MM, chars_in, ink_extent, read_codes

from conftest import Project, pdf_links, pdf_pages_text, pdf_text, pdf_words_boxes

BRIEFING = """\
title: Links everywhere
sections:
  - heading: Guidance
    content:
      - Read the [escalation procedure](https://example.org/escalation) before you act.
      - bullets:
          - See **[the toolkit](https://example.org/toolkit)** today.
      - callout: Ask the [duty team](mailto:duty@example.org) first.
        title: Remember
      - More at www.example.org/www-page and <https://example.org/angle>.
    links:
      - title: Information sharing
        url: https://example.org/info-sharing
        note: The guidance note
      - title: Email the board
        url: "mailto:board@example.org?subject=Feedback on Family L"
feedback:
  email: fb@example.org
  twitter: "@ExampleLSCB"
  website: https://www.example.org/contact
  survey: https://example.org/survey
"""

BOTTOM_MARGIN = 24 * MM  # the default style's
EXPECTED = {
    "https://example.org/escalation": ["escalation procedure"],
    "https://example.org/toolkit": ["the toolkit"],
    "mailto:duty@example.org": ["duty team"],
    "https://www.example.org/www-page": ["www.example.org/www-page"],
    "https://example.org/angle": ["https://example.org/angle"],
    "https://example.org/info-sharing": ["Information sharing",
                                         "https://example.org/info-sharing"],
    "mailto:board@example.org?subject=Feedback%20on%20Family%20L": [
        "Email the board", "board@example.org (subject: Feedback on Family L)"],
    "mailto:fb@example.org": ["fb@example.org"],
    "https://twitter.com/ExampleLSCB": ["@ExampleLSCB"],
    "https://www.example.org/contact": ["www.example.org/contact"],
    "https://example.org/survey": ["example.org/survey"],
}


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    """BRIEFING, built once for the tests that only read it."""
    project = Project(tmp_path_factory.mktemp("annotations"))
    project.briefing("b", BRIEFING)
    return project.build("b")


def test_each_annotation_covers_exactly_its_link_text(pdf) -> None:
    found: dict[str, list[str]] = defaultdict(list)
    for page, uri, rect in pdf_links(pdf):
        text = chars_in(pdf, page, rect)
        if rect[1] >= BOTTOM_MARGIN:  # the page body (the footer's contacts are furniture)
            found[uri].append(text)
        left, bottom, right, top = ink_extent(pdf, page, rect)
        # the rectangle hugs the text: same left and right edges, the glyphs inside it,
        # and no taller than a line of that text
        assert abs(rect[0] - left) < 1.5 and abs(rect[2] - right) < 1.5, (uri, rect)
        assert rect[1] - 1 <= bottom and top <= rect[3] + 1, (uri, rect)
        assert rect[3] - rect[1] < 2.2 * (top - bottom), (uri, rect)
    assert {uri: sorted(texts) for uri, texts in found.items()} == {
        uri: sorted(texts) for uri, texts in EXPECTED.items()}


def test_mailto_subject_is_readable_on_paper(pdf) -> None:
    text = pdf_text(pdf)
    assert "board@example.org (subject: Feedback on Family L)" in text
    assert "%20" not in text


def test_every_link_section_entry_prints_its_address(pdf) -> None:
    text = pdf_text(pdf)
    assert "Information sharing https://example.org/info-sharing The guidance note" in text


def _all_chars_inside(pdf, left_limit: float, right_limit: float) -> None:
    for page in range(len(pdf_pages_text(pdf))):
        for char, (left, _, right, _) in pdf_words_boxes(pdf, page):
            if char.strip():
                assert left >= left_limit - 0.5 and right <= right_limit + 0.5, (page, char)


def _joined_link_text(pdf, uri: str, skip: tuple[str, ...] = ()) -> str:
    """The text under every annotation for ``uri``, in order, without the ``skip`` ones."""
    parts = [chars_in(pdf, page, rect) for page, link, rect in pdf_links(pdf) if link == uri]
    return "".join(part for part in parts if part not in skip)


def test_very_long_addresses_wrap_inside_the_margins_and_stay_clickable(project) -> None:
    path_url = "https://example.org/" + "/".join(f"folder-{n}/sub-page" for n in range(14))
    unbroken = "https://example.org/" + "x" * 260
    inline = "https://example.org/inline/" + "y" * 150
    project.briefing("b", f"""\
title: Long addresses
sections:
  - heading: Guidance
    content:
      - See {inline} for details.
    links:
      - title: Deep page
        url: {path_url}
      - title: Unbroken
        url: {unbroken}
""")
    pdf = project.build("b")
    page_width, margin = 210 * MM, 18 * MM  # A4, the default style's margins
    _all_chars_inside(pdf, margin, page_width - margin)
    assert _joined_link_text(pdf, path_url, skip=("Deep page",)) == path_url
    assert _joined_link_text(pdf, unbroken, skip=("Unbroken",)) == unbroken
    assert _joined_link_text(pdf, inline) == inline
    for _, uri, rect in pdf_links(pdf):
        assert margin - 1 <= rect[0] and rect[2] <= page_width - margin + 1, uri


def test_long_addresses_wrap_beside_a_qr_code(project) -> None:
    unbroken = "https://example.org/" + "z" * 200
    project.write("styles/house.yaml", "name: QR\nextends: default\nlinks: {qr: true}\n")
    project.briefing("b", f"""\
title: Long addresses
style: house
sections:
  - heading: Guidance
    links:
      - title: Unbroken address with a code beside it and a title long enough to wrap too
        url: {unbroken}
        note: A note that is also long enough to need more than one line beside the code.
""")
    pdf = project.build("b")
    codes, _ = read_codes(pdf)
    assert [code.text for code in codes] == [unbroken]
    scale, page_height = 72 / 150, 297 * MM
    code_left = codes[0].left * scale
    code_top = page_height - codes[0].top * scale
    code_bottom = page_height - codes[0].bottom * scale
    page_width, margin = 210 * MM, 18 * MM
    _all_chars_inside(pdf, margin, page_width - margin)
    assert code_left < page_width - margin - 15 * MM
    beside = [box for char, box in pdf_words_boxes(pdf, 0)
              if char.strip() and code_bottom <= (box[1] + box[3]) / 2 <= code_top]
    assert len(beside) > 100  # the entry's lines run beside the code...
    assert max(box[2] for box in beside) < code_left  # ...and stop before it
    title = "Unbroken address with a code beside it and a title long enough to wrap too"
    assert _joined_link_text(pdf, unbroken).replace(" ", "") == (title + unbroken).replace(
        " ", "")

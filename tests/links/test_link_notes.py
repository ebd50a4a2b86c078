"""Inline links on paper: `links: {notes: true}` lists their addresses after each section."""

from __future__ import annotations

import re

import pytest
from links_helpers import chars_in

from conftest import Project, pdf_links, pdf_text, pdf_words_boxes

BRIEFING = """\
title: Notes
style: house
sections:
  - heading: First section
    content:
      - Read the [escalation procedure](https://example.org/escalation) and [the toolkit](https://example.org/toolkit).
      - bullets:
          - Again the [escalation procedure](https://example.org/escalation), or https://example.org/bare
  - heading: Second section
    content:
      - See the [policy](https://example.org/policy) now.
"""


@pytest.fixture(scope="module")
def noted(tmp_path_factory):
    """BRIEFING built once with notes on."""
    return _build(Project(tmp_path_factory.mktemp("notes")), notes=True)


def _build(project, notes: bool):
    project.write("styles/house.yaml",
                  f"name: Notes\nextends: default\nlinks: {{notes: {str(notes).lower()}}}\n")
    project.briefing("b", BRIEFING)
    return project.build("b")


def test_addresses_are_listed_after_their_section(noted) -> None:
    # pdfium puts a space between a raised number and the punctuation after it
    text = re.sub(r"(\d) ([.,])", r"\1\2", pdf_text(noted))
    first = ("1 escalation procedure: https://example.org/escalation "
             "2 the toolkit: https://example.org/toolkit")
    assert "Read the escalation procedure1 and the toolkit2." in text
    assert "Again the escalation procedure1, or https://example.org/bare" in text
    assert first in text
    assert text.index(first) < text.index("Second section")
    assert "See the policy3 now." in text
    assert text.index("Second section") < text.index("3 policy: https://example.org/policy")
    assert "bare:" not in text  # an address that is its own text needs no note


def test_note_numbers_are_superscript_and_outside_the_link(noted) -> None:
    pdf = noted
    boxes = pdf_words_boxes(pdf, 0)
    chars = "".join(char for char, _ in boxes)
    at = chars.index("procedure1")
    letter, number = boxes[at + len("procedure") - 1][1], boxes[at + len("procedure")][1]
    assert number[1] > letter[1] + 1  # raised above the baseline of the link text
    assert number[3] - number[1] < (letter[3] - letter[1]) * 1.2
    for page, uri, rect in pdf_links(pdf):
        assert not chars_in(pdf, page, rect)[-1:].isdigit(), uri  # the number is not linked


def test_note_addresses_are_clickable(noted) -> None:
    pdf = noted
    under = {(uri, chars_in(pdf, page, rect)) for page, uri, rect in pdf_links(pdf)}
    assert ("https://example.org/escalation", "https://example.org/escalation") in under
    assert ("https://example.org/policy", "https://example.org/policy") in under
    assert ("https://example.org/escalation", "escalation procedure") in under


def test_no_notes_unless_the_style_asks(project) -> None:
    text = pdf_text(_build(project, notes=False))
    assert "Read the escalation procedure and the toolkit." in text
    assert "escalation procedure:" not in text


def test_questions_and_feedback_text_get_their_notes_too(project) -> None:
    project.write("styles/house.yaml", "name: Notes\nextends: default\nlinks: {notes: true}\n")
    project.briefing("b", """\
title: Notes
style: house
sections:
  - heading: Only section
    content: [Plain text.]
questions:
  - Have you read the [team policy](https://example.org/policy)?
feedback:
  text: Tell us on the [form](https://example.org/form).
  email: a@example.org
""")
    text = re.sub(r"(\d) ([.,?])", r"\1\2", pdf_text(project.build("b")))
    assert "Have you read the team policy1?" in text
    assert "1 team policy: https://example.org/policy" in text
    assert text.index("1 team policy:") < text.index("Tell us on the form")  # before feedback
    assert "Tell us on the form2." in text
    assert text.index("2 form: https://example.org/form") > text.index("Tell us on the form2")

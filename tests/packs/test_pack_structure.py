"""A pack read back: where briefings start, blank pages, outline, contents links, labels,
footers running through the pack."""

from __future__ import annotations

import pypdf
import pytest
from packhelp import build_pack, footer_number, internal_links, make_briefings, outline, page_texts

BLANK = "This page is intentionally left blank"
LENGTHS = {"alpha": 1, "beta": 3, "gamma": 5}


@pytest.fixture(scope="module")
def duplex_pack(tmp_path_factory):
    from conftest import Project

    project = Project(tmp_path_factory.mktemp("duplex"))
    make_briefings(project, LENGTHS)
    pdf = build_pack(project, "term", list(LENGTHS), intro="Read these before the session.")
    return pdf, pypdf.PdfReader(pdf), page_texts(pdf)


def starts(reader: pypdf.PdfReader) -> list[int]:
    return [page for _, page, _ in outline(reader)]


def test_each_briefing_starts_on_a_right_hand_page(duplex_pack):
    _, reader, texts = duplex_pack
    first_pages = starts(reader)
    assert len(first_pages) == 3
    for slug, index in zip(LENGTHS, first_pages, strict=True):
        assert index % 2 == 0, f"{slug} starts on page {index + 1}, a left-hand page"
        assert f"Briefing {slug}" in texts[index]
        assert f"Case {slug} section 1" in texts[index]
    assert first_pages == sorted(first_pages)


def test_blank_pages_only_where_a_briefing_would_start_on_the_left(duplex_pack):
    _, reader, texts = duplex_pack
    first_pages = starts(reader)
    blanks = [i for i, text in enumerate(texts) if BLANK in text]
    assert blanks, "this pack needs at least one blank page"
    for index in blanks:
        # a blank page is the back of the cover, or comes right before a briefing or contents
        assert index == 1 or index + 1 in first_pages or BLANK not in texts[index + 1]
        assert index % 2 == 1, "a blank page is always a left-hand page"
        assert texts[index].count(BLANK) == 1
    # no blank is wasted: without it the next briefing would start on a left-hand page
    body_blanks = [i for i in blanks if i > first_pages[0]]
    for index in body_blanks:
        assert index + 1 in first_pages


def test_outline_has_one_entry_per_briefing_with_its_sections_beneath(duplex_pack):
    _, reader, texts = duplex_pack
    entries = outline(reader)
    assert [title for title, _, _ in entries] == [
        f"Case {slug} — Briefing {slug}" for slug in LENGTHS]
    ends = [page for _, page, _ in entries[1:]] + [len(reader.pages)]
    for (_, page, children), end, (slug, sections) in zip(entries, ends, LENGTHS.items(),
                                                          strict=True):
        assert [c for c, _ in children] == [f"Case {slug} section {s}"
                                            for s in range(1, sections + 1)]
        for child, child_page in children:
            assert page <= child_page < end
            assert child in texts[child_page]


def test_contents_lists_each_briefing_with_its_page_and_links_to_it(duplex_pack):
    _, reader, texts = duplex_pack
    labels = reader.page_labels
    contents = next(i for i, t in enumerate(texts) if "Contents" in t)
    assert contents < starts(reader)[0]
    text = texts[contents]
    for slug, index in zip(LENGTHS, starts(reader), strict=True):
        assert f"Case {slug}" in text
        assert f"Case {slug} CPIR · Briefing {slug} · June 2017 {labels[index]}" in text
    targets = {target for target, _ in internal_links(reader, contents)}
    assert targets == set(starts(reader))
    # every entry (name, detail and number) is clickable: several links per briefing
    assert len(internal_links(reader, contents)) >= 2 * len(LENGTHS)


def test_page_labels_are_roman_in_front_matter_and_arabic_in_the_body(duplex_pack):
    _, reader, _ = duplex_pack
    labels = reader.page_labels
    body = starts(reader)[0]
    assert labels[:body] == ["i", "ii", "iii", "iv"][:body]
    assert labels[body:] == [str(n) for n in range(1, len(labels) - body + 1)]


def test_footers_number_pages_through_the_pack(duplex_pack):
    _, reader, texts = duplex_pack
    labels = reader.page_labels
    body = starts(reader)[0]
    last = labels[-1]
    for index in range(body, len(texts)):
        if BLANK in texts[index]:
            continue
        assert f"Page {labels[index]} of {last}" in texts[index], index
    # front matter pages after the cover show their roman numeral, not "Page n of m"
    for index in range(1, body):
        assert footer_number(texts[index]) is None
        assert texts[index].rstrip().endswith(labels[index]) or labels[index] in texts[index]


def test_each_briefing_keeps_its_own_running_head_and_footer(duplex_pack):
    _, reader, texts = duplex_pack
    first_pages = starts(reader) + [len(texts)]
    for slug, start, end in zip(LENGTHS, first_pages[:-1], first_pages[1:], strict=True):
        for index in range(start, end):
            if BLANK in texts[index]:
                continue
            assert f"Briefing {slug}" in texts[index]  # footer text "{short_name} · {title}"


def test_without_duplex_briefings_follow_each_other(project):
    make_briefings(project, LENGTHS)
    pdf = build_pack(project, "single", list(LENGTHS), duplex=False)
    reader = pypdf.PdfReader(pdf)
    texts = page_texts(pdf)
    assert not any(BLANK in t for t in texts)
    first_pages = starts(reader)
    assert first_pages[0] == 2  # cover, contents
    # each briefing starts right after the previous one's last page
    previous = list(LENGTHS)
    for slug, index in zip(previous[:-1], first_pages[1:], strict=True):
        assert f"Briefing {slug}" in texts[index - 1]
    assert first_pages[1] % 2 == 1, "alpha is one page, so beta starts on a left-hand page"
    assert reader.page_labels[first_pages[0]] == "1"
    assert len(texts) == first_pages[-1] + 3  # gamma is three pages long


def test_without_contents_or_intro_the_body_follows_the_cover(project):
    make_briefings(project, {"alpha": 1})
    pdf = build_pack(project, "bare", ["alpha"], contents=False, duplex=False)
    reader = pypdf.PdfReader(pdf)
    assert starts(reader) == [1]
    assert reader.page_labels[:2] == ["i", "1"]
    assert "Contents" not in page_texts(pdf)[0]

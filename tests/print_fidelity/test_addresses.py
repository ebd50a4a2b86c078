"""Printed addresses break where a reader expects: after / ? & = # . (or @), before a
hyphen only when nothing better fits, never in the middle of a word while a separator
is available. Long real addresses are built into link lists, link notes, 7-minute
panels and the feedback panel, and their lines are read back from the PDF."""

from __future__ import annotations

import shutil

import pytest

from briefpdf.links.address import break_address
from conftest import ROOT, Project, pdf_pages_text

SEPARATORS = "/?&=#.@"
ADDRESSES = [
    "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
    "https://www.legislation.gov.uk/ukpga/2014/23/section/42/enacted",
    "https://bristolsafeguarding.org/children-home/serious-case-reviews/bristol-scrs/archive/",
    "https://www.nspcc.org.uk/keeping-children-safe/reporting-abuse/dedicated-helplines/"
    "whistleblowing-advice-line/",
    "https://www.scie.org.uk/safeguarding/adults/reviews/care-act?utm_source=briefing"
    "&utm_medium=print#what-is-a-sar",
    "https://assets.publishing.service.gov.uk/media/65803fe31c0c2a000d18cf40/"
    "Working_together_to_safeguard_children_2023_-_statutory_guidance.pdf",
]
WEBSITE = "https://www.partnership.example/learning/briefings/seven-minute/feedback-and-contacts"
SURVEY = "https://forms.partnership.example/learning-and-improvement/seven-minute-briefing-feedback"


def links_yaml(indent: str) -> str:
    return "".join(f"{indent}- title: Reference {n}\n{indent}  url: '{url}'\n"
                   for n, url in enumerate(ADDRESSES, start=1))


STANDARD = f"""\
title: Addresses on paper
style: partnership
sections:
  - heading: Where to read more
    content:
      - See [the statutory guidance]({ADDRESSES[5]}) and [section 42]({ADDRESSES[1]}).
    links:
{links_yaml("      ")}feedback:
  email: learning-and-improvement@partnership.example
  website: '{WEBSITE}'
  survey: '{SURVEY}'
"""

SEVEN = "title: Addresses in panels\nlayout: seven-minute\nstyle: bscb\nsections:\n" + "".join(
    f"  - heading: Point {n}\n    content:\n      - Read more.\n    links:\n"
    f"      - title: Reference {n}\n        url: '{ADDRESSES[(n - 1) % len(ADDRESSES)]}'\n"
    for n in range(1, 8)) + f"feedback:\n  website: '{WEBSITE}'\n  survey: '{SURVEY}'\n"

NOTES = "title: Addresses as notes\nstyle: notes\nsections:\n  - heading: Reading\n" \
    "    content:\n" + "".join(f"      - Read [reference {n}]({url}) before the session.\n"
                              for n, url in enumerate(ADDRESSES, start=1))

NOTES_STYLE = """\
name: Notes
extends: partnership
links: {show_url: true, qr: false, notes: true}
"""


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, list[str]]:
    """Slug → the text lines of every page, as pdfium reads them."""
    project = Project(tmp_path_factory.mktemp("addresses"))
    shutil.copytree(ROOT / "styles", project.root / "styles", dirs_exist_ok=True)
    project.briefing("standard", STANDARD)
    project.briefing("seven", SEVEN)
    project.write("styles/notes.yaml", NOTES_STYLE)
    project.briefing("notes", NOTES)
    out = {}
    for slug in ("standard", "seven", "notes"):
        result = project.run("build", f"briefings/{slug}.yaml")
        assert result.code == 0, result.err
        out[slug] = [line.strip() for page in pdf_pages_text(project.root / "out" /
                                                            f"{slug}.pdf")
                     for line in page.splitlines()]
    return out


def printed_lines(lines: list[str], address: str) -> list[list[str]]:
    """Each place ``address`` is printed: its pieces on consecutive lines (the first line
    may start with a label such as "Website: "), longest run first."""
    found = []
    for index, line in enumerate(lines):
        for size in range(len(address), 0, -1):
            if not line.endswith(address[:size]):
                continue
            pieces, rest, following = [address[:size]], address[size:], index + 1
            while rest and following < len(lines) and lines[following] \
                    and rest.startswith(lines[following]):
                pieces.append(lines[following])
                rest, following = rest[len(lines[following]):], following + 1
            if not rest:
                found.append(pieces)
                break
    return sorted(found, key=len, reverse=True)


def assert_breaks_where_a_reader_expects(pieces: list[str]) -> None:
    for line, following in zip(pieces, pieces[1:], strict=False):
        at_separator = line[-1] in SEPARATORS
        before_hyphen = following.startswith("-")
        assert at_separator or before_hyphen, pieces
        if before_hyphen and not at_separator:
            # a hyphen break only when no separator break was left in the line
            assert not any(c in SEPARATORS for c in line.removeprefix("https://")
                           .removeprefix("http://")[1:]), pieces


@pytest.mark.parametrize("address", ADDRESSES)
def test_link_list_addresses_break_at_separators(pdfs, address) -> None:
    printed = printed_lines(pdfs["standard"], address)
    assert printed, address
    for pieces in printed:
        assert_breaks_where_a_reader_expects(pieces)


@pytest.mark.parametrize("address", ADDRESSES[:5])
def test_addresses_in_seven_minute_panels_break_at_separators(pdfs, address) -> None:
    printed = printed_lines(pdfs["seven"], address)
    assert printed, address
    assert len(printed[0]) >= 2  # a panel is narrow: these addresses do need breaking
    for pieces in printed:
        assert_breaks_where_a_reader_expects(pieces)


@pytest.mark.parametrize("address", ADDRESSES)
def test_link_notes_break_at_separators(pdfs, address) -> None:
    printed = printed_lines(pdfs["notes"], address)
    assert printed, address
    for pieces in printed:
        assert_breaks_where_a_reader_expects(pieces)


@pytest.mark.parametrize("address", [WEBSITE, SURVEY])
@pytest.mark.parametrize("slug", ["standard", "seven"])
def test_feedback_addresses_break_at_separators(pdfs, slug, address) -> None:
    """Beside the survey's QR code (the 7-minute worksheet always shows it) the contacts
    are narrow: the addresses do need breaking."""
    printed = printed_lines(pdfs[slug], address.removeprefix("https://"))
    assert printed
    assert len(printed[0]) >= 2
    for pieces in printed:
        assert_breaks_where_a_reader_expects(pieces)


def measure(text: str) -> float:
    return float(len(text))


def test_a_separator_is_preferred_to_a_hyphen_and_a_hyphen_to_a_letter() -> None:
    lines = break_address("https://example.org/working-together-to-safeguard", measure,
                          30, 30)
    assert lines == ["https://example.org/", "working-together-to-safeguard"]
    lines = break_address("https://example.org/working-together-to-safeguard-children",
                          measure, 30, 30)
    assert lines == ["https://example.org/", "working-together-to-safeguard",
                     "-children"]
    assert break_address("https://example.org/abcdefghijklmnopqrstuvwxyz0123456789",
                         measure, 30, 30) == ["https://example.org/",
                                              "abcdefghijklmnopqrstuvwxyz0123", "456789"]


def test_scheme_slashes_stay_together_and_query_marks_are_breaks() -> None:
    lines = break_address("https://www.example.org/path?first=one&second=two#part",
                          measure, 28, 28)
    assert all(not line.endswith(":/") for line in lines)
    assert "".join(lines) == "https://www.example.org/path?first=one&second=two#part"
    assert all(line[-1] in SEPARATORS for line in lines[:-1])

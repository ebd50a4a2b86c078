"""The Family L briefing: the first real document, transcribed in full and read back."""

from __future__ import annotations

import re
import shutil

import pypdf
import pytest

from conftest import (
    ROOT,
    SEED,
    normalise,
    pdf_fonts,
    pdf_links,
    pdf_pages_text,
    pdf_text,
    seed_sentences,
)


@pytest.fixture(scope="module")
def family_l(tmp_path_factory):
    """Build the bundled Family L briefing (with its style and logo) in a temp project."""
    root = tmp_path_factory.mktemp("family-l")
    shutil.copytree(ROOT / "briefings", root / "briefings")
    shutil.copytree(ROOT / "styles", root / "styles")
    from conftest import run_cli

    result = run_cli("build", "briefings/family-l.yaml", cwd=root,
                     env={"SOURCE_DATE_EPOCH": "1500000000"})
    assert result.code == 0, result.err
    return root / "out" / "family-l.pdf"


def test_every_sentence_of_the_seed_is_in_the_pdf(family_l):
    text = pdf_text(family_l)
    folded = text.lower()
    missing = []
    for sentence in seed_sentences():
        wanted = normalise(sentence)
        if wanted.isupper():  # the seed's headings are in capitals; ours in sentence case
            found = wanted.lower() in folded
        else:
            found = wanted in text
        if not found:
            missing.append(sentence)
    assert len(seed_sentences()) > 50
    assert not missing, "missing from the PDF:\n" + "\n".join(missing)


def test_title_subtitle_and_kind_are_on_page_one(family_l):
    first = normalise(pdf_pages_text(family_l)[0])
    assert "Child Protection Incident Review Briefing" in first
    assert "Family L" in first
    assert "CPIR" in first


def test_guidance_links_are_uri_annotations(family_l):
    uris = {uri for _, uri, _ in pdf_links(family_l)}
    for url in re.findall(r"<(https://[^>]+)>", SEED.read_text(encoding="utf-8")):
        assert url in uris
    assert "mailto:bscb@bristol.gov.uk" in uris
    assert "https://www.bristolsafeguarding.org/children/contact/contact-the-bscb" in uris


def test_link_addresses_are_visible_on_paper(family_l):
    text = pdf_text(family_l)
    assert "https://bristolsafeguarding.org/media/1176/escalation-procedure.pdf" in text


def test_feedback_footer_and_page_numbers_on_every_page(family_l):
    pages = [normalise(p) for p in pdf_pages_text(family_l)]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "bscb@bristol.gov.uk" in page
        assert "@BristolLSCB" in page
        assert f"Page {number} of {len(pages)}" in page


def test_all_fonts_are_embedded_truetype(family_l):
    fonts = pdf_fonts(family_l)
    assert fonts, "no fonts found"
    assert all(fonts.values()), fonts
    assert any("SourceSansPro" in name for name in fonts)


def test_bookmarks_list_the_sections(family_l):
    reader = pypdf.PdfReader(str(family_l))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[0] == "What is a CPIR?"
    assert "Good practice guidance related to this review" in titles


def test_metadata(family_l):
    reader = pypdf.PdfReader(str(family_l))
    info = reader.metadata
    assert info.title == "Child Protection Incident Review Briefing"
    assert info.author == "Bristol Safeguarding Children Board"
    assert info.subject == "Family L"
    assert "methadone" in info["/Keywords"]
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]

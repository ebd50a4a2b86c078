"""The seed (a Word briefing saved as text) imports with no hand edit into a briefing that
builds, with every sentence, every link and a complete feedback block."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from conftest import (
    ROOT,
    SEED,
    normalise,
    pdf_links,
    pdf_pages_text,
    pdf_text,
    run_cli,
    seed_sentences,
)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """`briefpdf import SEED` then `briefpdf build`, in a project with the bscb style."""
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(ROOT / "styles", root / "styles")
    shutil.copy(SEED, root / "family-l.txt")
    result = run_cli("import", "family-l.txt", "--style", "bscb", cwd=root)
    assert result.code == 0, result.err
    built = run_cli("build", cwd=root)
    assert built.code == 0, built.err
    return root, result, root / "out" / "family-l.pdf"


def test_every_sentence_of_the_seed_is_in_the_pdf(imported):
    _, _, pdf = imported
    text = pdf_text(pdf)
    folded = text.lower()
    missing = []
    for sentence in seed_sentences():
        wanted = normalise(sentence)
        # the seed's headings are in capitals; the import puts them in sentence case
        found = wanted.lower() in folded if wanted.isupper() else wanted in text
        if not found:
            missing.append(sentence)
    assert len(seed_sentences()) > 50
    assert not missing, "missing from the PDF:\n" + "\n".join(missing)


def test_title_subtitle_kind_and_first_heading(imported):
    root, _, pdf = imported
    first = normalise(pdf_pages_text(pdf)[0])
    assert "Child Protection Incident Review Briefing" in first
    assert "Family L" in first
    assert "CPIR" in first
    assert "What is a CPIR?" in first  # the heading glued to the title line in the seed
    data = yaml.safe_load((root / "briefings" / "family-l.yaml").read_text(encoding="utf-8"))
    assert (data["title"], data["subtitle"], data["kind"], data["style"]) == (
        "Child Protection Incident Review Briefing", "Family L", "CPIR", "bscb")
    headings = [s["heading"] for s in data["sections"]]
    assert headings == [
        "What is a CPIR?",
        "What we know about the family and what happened",
        "Our focus in this review: how agencies worked together and what influenced "
        "decision making",
        "The good practice that we identified",
        "What we have learnt",
        "What we can do differently in the future",
        "Good practice guidance related to this review",
    ]


def test_every_link_of_the_seed_is_clickable(imported):
    _, _, pdf = imported
    uris = {uri for _, uri, _ in pdf_links(pdf)}
    seed_urls = re.findall(r"<(https://[^>]+)>", SEED.read_text(encoding="utf-8"))
    assert len(seed_urls) == 5
    for url in seed_urls:
        assert url in uris
    assert "mailto:bscb@bristol.gov.uk" in uris
    assert "https://www.bristolsafeguarding.org/children/contact/contact-the-bscb" in uris
    assert any("twitter.com/BristolLSCB" in uri or "x.com/BristolLSCB" in uri for uri in uris)


def test_the_feedback_block_is_complete(imported):
    root, _, pdf = imported
    data = yaml.safe_load((root / "briefings" / "family-l.yaml").read_text(encoding="utf-8"))
    assert data["feedback"] == {
        "heading": "Feedback, suggestions and ideas",
        "text": "Tell the BSCB how you have used this briefing to improve practice at:",
        "email": "bscb@bristol.gov.uk",
        "twitter": "@BristolLSCB",
        "website": "https://www.bristolsafeguarding.org/children/contact/contact-the-bscb",
        "closing": "Let us know if you identify work that the BSCB could complete to support "
                   "professionals learning and development in relation the findings from "
                   "this review.",
    }
    last = normalise(pdf_pages_text(pdf)[-1])
    assert "Feedback, suggestions and ideas" in last
    assert "Email: bscb@bristol.gov.uk" in last


def test_the_report_says_what_was_recognised(imported):
    _, result, _ = imported
    out = result.out
    assert "family-l.txt → briefings/family-l.yaml" in out
    assert "title: Child Protection Incident Review Briefing" in out
    assert "subtitle: Family L" in out
    assert "kind: CPIR" in out
    assert "sections: 7" in out
    assert "feedback contacts: email, twitter, website" in out
    assert "line 28:" in out  # the paragraph broken by a blank line, joined again
    assert "briefpdf build briefings/family-l.yaml" in out


def test_the_guidance_list_becomes_links_with_titles(imported):
    root, _, _ = imported
    data = yaml.safe_load((root / "briefings" / "family-l.yaml").read_text(encoding="utf-8"))
    guidance = data["sections"][-1]
    assert [link["title"] for link in guidance["links"]] == [
        "BSCB Escalation of professional disagreements",
        "BSCB guidance note on sharing information",
        "BSCB and Safer Bristol joint practice guidance on substance misuse",
        "BSCB Protocol to prevent childhood exposure to opioid substitution medication 2017",
    ]

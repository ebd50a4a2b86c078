"""Word files generated with python-docx import into briefings that build with all their
text, links, picture and feedback (read back from the PDF)."""

from __future__ import annotations

import pytest
import yaml
from docx_maker import URL_ESCALATION, URL_INLINE, URL_SHARING, full_briefing, png

from conftest import normalise, pdf_links, pdf_text


@pytest.fixture(scope="module")
def mr_a(tmp_path_factory):
    """mr-a.docx imported and built in a fresh project."""
    from conftest import Project

    project = Project(tmp_path_factory.mktemp("docx"))
    full_briefing(project.root / "mr-a.docx")
    result = project.run("import", "mr-a.docx")
    assert result.code == 0, result.err
    data = yaml.safe_load((project.root / "briefings" / "mr-a.yaml").read_text("utf-8"))
    return project, result, data, project.build("mr-a")


def test_title_subtitle_kind_from_word_styles(mr_a):
    _, _, data, pdf = mr_a
    assert (data["title"], data["subtitle"], data["kind"]) == (
        "Safeguarding Adults Review briefing", "Mr A", "SAR")
    assert "Safeguarding Adults Review briefing Mr A" in pdf_text(pdf)


def test_headings_by_style_and_by_bold_capitals(mr_a):
    _, _, data, _ = mr_a
    assert [s["heading"] for s in data["sections"]] == [
        "What happened", "What we have learnt from the SAR", "Now in Bristol", "Guidance"]


def test_bold_italic_and_an_inline_link(mr_a):
    _, _, data, pdf = mr_a
    first = data["sections"][0]["content"][0]
    assert first == ("Mr A lived alone. Agencies **did not share** what they knew, and "
                     f"*nobody* asked him why: see [Working together]({URL_INLINE}).")
    assert "asked him why: see Working together." in pdf_text(pdf)
    # YAML-awkward text survives exactly
    assert data["sections"][0]["content"][1] == (
        "Review dates: 2019–2020 # not a comment; - not a list; key: value.")


def test_bullets_numbering_and_pasted_bullets(mr_a):
    _, _, data, _ = mr_a
    content = data["sections"][1]["content"]
    assert content == [
        {"bullets": ["Record facts accurately.", "Share information promptly.",
                     "A bullet pasted from another program"]},
        {"numbered": ["Agree who will go back, and when.",
                      "Record how you reached your view."]},
    ]


def test_picture_saved_beside_the_briefing_with_its_alt_text(mr_a):
    project, _, data, pdf = mr_a
    image = data["sections"][0]["content"][2]
    assert image == {"image": "assets/mr-a-1.png", "alt": "Timeline of contacts with Mr A",
                     "width": "80mm"}
    assert (project.root / "briefings" / "assets" / "mr-a-1.png").read_bytes() == png()
    from pypdf import PdfReader

    figures = [obj for obj in _structure(PdfReader(str(pdf))) if obj.get("/S") == "/Figure"]
    assert any(str(f.get("/Alt")) == "Timeline of contacts with Mr A" for f in figures)


def _structure(reader):
    """Every structure element of a tagged PDF."""
    seen, stack = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        seen.append(node)
        kids = node.get("/K")
        kids = kids if isinstance(kids, list) else [kids] if kids is not None else []
        stack.extend(k for k in kids if hasattr(k, "get_object") and isinstance(
            k.get_object(), dict))
    return seen


def test_callout_quote_and_what_was_not_placed(mr_a):
    project, result, data, pdf = mr_a
    content = data["sections"][2]["content"]
    assert content[0] == {"callout": "Bristol now has a Multi Agency Safeguarding Hub (MASH).",
                          "title": "Remember"}
    assert content[1] == {"quote": "Nobody ever asked him why.", "by": "Mr A’s sister"}
    text = (project.root / "briefings" / "mr-a.yaml").read_text("utf-8")
    assert "      # Not placed (a table of 2 rows, table 2):\n      # Agency | Contacts\n" \
           "      # GP surgery | 14\n" in text
    assert "      # Not placed (a text box, paragraph 16):\n      # Text in a floating box" in text
    assert "table 2: a table of 2 rows was not placed" in result.out
    assert "paragraph 16: a text box was not placed" in result.out
    printed = pdf_text(pdf)
    assert "Remember Bristol now has a Multi Agency Safeguarding Hub (MASH)." in printed
    assert "Nobody ever asked him why." in printed
    assert "GP surgery" not in printed


def test_link_list_with_note_and_every_link_clickable(mr_a):
    _, _, data, pdf = mr_a
    assert data["sections"][3]["links"] == [
        {"title": "BSCB escalation procedure", "url": URL_ESCALATION,
         "note": "What to do when professionals disagree"},
        {"title": "BSCB information sharing", "url": URL_SHARING},
    ]
    uris = {uri for _, uri, _ in pdf_links(pdf)}
    assert {URL_INLINE, URL_ESCALATION, URL_SHARING, "mailto:sab@example.org",
            "https://www.example.org/sab/contact"} <= uris


def test_feedback_block(mr_a):
    _, result, data, pdf = mr_a
    feedback = data["feedback"]
    assert feedback["heading"] == "Feedback, suggestions and ideas"
    assert feedback["text"] == "Tell us how you have used this briefing:"
    assert (feedback["email"], feedback["twitter"], feedback["website"]) == (
        "sab@example.org", "@ExampleSAB", "https://www.example.org/sab/contact")
    assert feedback["phone"] == "0117 496 0123"
    assert feedback["closing"] == "Thank you for your help."
    printed = normalise(pdf_text(pdf))
    assert "Email: sab@example.org" in printed and "Twitter: @ExampleSAB" in printed
    assert "Phone: 0117 496 0123" in printed
    assert any(uri.startswith("tel:") for _, uri, _ in pdf_links(pdf))
    assert "feedback contacts: email, twitter, website, phone" in result.out


def test_every_word_of_the_document_is_in_the_pdf_or_a_comment(mr_a):
    """Nothing is silently lost: each paragraph's text is printed, or kept as a comment."""
    from docx import Document

    project, _, _, pdf = mr_a
    printed = pdf_text(pdf).replace("https://", "")  # addresses may print without it
    yaml_text = (project.root / "briefings" / "mr-a.yaml").read_text("utf-8")
    document = Document(str(project.root / "mr-a.docx"))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    for text in filter(None, (" ".join(t.replace("•", "").split()) for t in texts)):
        text = text.lstrip("— ").replace("https://", "")
        assert text in printed or text in yaml_text or text.upper() == text, text

"""What a real document throws at the import: links a briefing may not hold, a paragraph
longer than a field, no headings at all, capitals to recase, text before any heading."""

from __future__ import annotations

import yaml
from docx import Document
from docx_maker import add_field_link, add_hyperlink

from briefpdf.importer.run import import_file


def _imported(path):
    result = import_file(path, path.parent / "briefings")
    return result, yaml.safe_load(result.target.read_text("utf-8"))


def test_links_a_briefing_may_not_hold_keep_their_words(tmp_path):
    document = Document()
    document.add_heading("Local links", 0)
    document.add_heading("Where to look", 1)
    paragraph = document.add_paragraph("Open ")
    add_hyperlink(paragraph, "the shared drive", "file:///S:/Reviews/family.docx")
    paragraph.add_run(" or ")
    add_hyperlink(paragraph, "the intranet", "https://intranet.example.org/reviews")
    document.save(tmp_path / "local.docx")
    result, data = _imported(tmp_path / "local.docx")
    assert data["sections"][0]["content"] == [
        "Open the shared drive or [the intranet](https://intranet.example.org/reviews)"]
    assert any("the link to file:///S:/Reviews/family.docx is not allowed" in note.message
               for note in result.imported.notes)


def test_a_paragraph_longer_than_a_field_is_split_at_sentences(tmp_path):
    sentence = "This sentence is part of a very long paragraph pasted from a report. "
    text = "LONG REPORT\n\nWHAT HAPPENED\n\n" + sentence * 300 + "\n"
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    result, data = _imported(tmp_path / "long.txt")
    pieces = data["sections"][0]["content"]
    assert len(pieces) == 3 and all(len(p) <= 10_000 for p in pieces)
    assert " ".join(pieces) == (sentence * 300).strip()
    assert all(p.endswith("report.") for p in pieces)


def test_a_document_without_headings_still_makes_a_briefing(tmp_path):
    (tmp_path / "plain.txt").write_text("Notes from the meeting\n\nWe met.\n\nWe agreed.\n",
                                        encoding="utf-8")
    result, data = _imported(tmp_path / "plain.txt")
    assert data["title"] == "Notes from the meeting"
    assert data["sections"] == [{"heading": "Introduction",
                                 "content": ["We met.", "We agreed."]}]
    assert any("Introduction" in note.message for note in result.imported.notes)


def test_one_paragraph_before_the_first_heading_is_the_summary(tmp_path):
    (tmp_path / "s.md").write_text("# Child K\n\nA short standfirst.\n\n## What happened\n\n"
                                   "Text.\n", encoding="utf-8")
    _, data = _imported(tmp_path / "s.md")
    assert data["summary"] == "A short standfirst."


def test_capitals_become_sentence_case_keeping_acronyms_and_names(tmp_path):
    (tmp_path / "caps.txt").write_text(
        "SERIOUS CASE REVIEW – CHILD K\n\nWHAT THE LSCB AND MASH IN BRISTOL FOUND\n\n"
        "The LSCB asked the MASH in Bristol to look again. The review found gaps.\n",
        encoding="utf-8")
    _, data = _imported(tmp_path / "caps.txt")
    assert (data["title"], data["subtitle"], data["kind"]) == (
        "Serious Case Review", "Child K", "SCR")
    assert data["sections"][0]["heading"] == "What the LSCB and MASH in Bristol found"


def test_bold_first_paragraph_is_the_title_without_word_styles(tmp_path):
    document = Document()
    document.add_paragraph().add_run("Seven minute briefing: neglect").bold = True
    document.add_paragraph().add_run("Why it matters").bold = True
    document.add_paragraph("Neglect is the most common reason for a child protection plan.")
    document.save(tmp_path / "neglect.docx")
    _, data = _imported(tmp_path / "neglect.docx")
    assert data["title"] == "Seven minute briefing: neglect"
    assert data["kind"] == "7-minute"
    assert data["sections"][0]["heading"] == "Why it matters"


def test_contacts_typed_one_per_line_without_bullets(tmp_path):
    (tmp_path / "contacts.txt").write_text(
        "FAMILY M\n\nWHAT HAPPENED\n\nText.\n\nFEEDBACK\n\nTell us:\n"
        "Email: team@example.org\nTwitter: @team\nPhone: 0117 496 0000\n", encoding="utf-8")
    _, data = _imported(tmp_path / "contacts.txt")
    assert data["feedback"] == {"heading": "Feedback", "text": "Tell us:",
                                "email": "team@example.org", "twitter": "@team",
                                "phone": "0117 496 0000"}


def test_links_stored_as_word_fields(tmp_path):
    document = Document()
    document.add_heading("Pasted links", 0)
    document.add_heading("Read more", 1)
    paragraph = document.add_paragraph("See ")
    add_field_link(paragraph, "the procedures", "https://example.org/procedures")
    paragraph.add_run(" for details.")
    document.save(tmp_path / "fields.docx")
    _, data = _imported(tmp_path / "fields.docx")
    assert data["sections"][0]["content"] == [
        "See [the procedures](https://example.org/procedures) for details."]


def test_a_list_that_starts_with_a_refused_contact_line_is_placed(tmp_path):
    # A bullet that looks like a contact the model refuses stays text; as the first item
    # of its list it once left the list empty and the importer looping for ever.
    document = Document()
    document.add_heading("Lessons", 1)
    document.add_paragraph("Phone: call the duty desk any time", style="List Bullet")
    document.add_paragraph("Second point", style="List Bullet")
    path = tmp_path / "contact-list.docx"
    document.save(path)
    _, data = _imported(path)
    [section] = data["sections"]
    assert section["content"] == [
        {"bullets": ["Phone: call the duty desk any time", "Second point"]}]


def test_a_title_or_subtitle_too_long_for_the_band_is_cut_and_kept_whole(tmp_path):
    """Word's Title or Subtitle style on a whole paragraph (found by the fuzz test of the
    readers): the briefing still builds, and no word of it is lost."""
    from briefpdf.build import build_file
    from briefpdf.importer.assemble import MAX_SUBTITLE, MAX_TITLE

    title = "A title pasted with its paragraph " + "and more words " * 14
    subtitle = "A subtitle that is really the first paragraph " + "of the review " * 20
    document = Document()
    document.add_paragraph(title, style="Title")
    document.add_paragraph(subtitle, style="Subtitle")
    document.add_heading("What happened", 1)
    document.add_paragraph("Text.")
    document.save(tmp_path / "long-band.docx")
    result, data = _imported(tmp_path / "long-band.docx")
    assert len(data["title"]) <= MAX_TITLE < len(title.strip())
    assert len(data["subtitle"]) <= MAX_SUBTITLE < len(subtitle.strip())
    assert data["title"].endswith("…") and data["subtitle"].endswith("…")
    assert data["sections"][0] == {"heading": "Introduction",
                                   "content": [title.strip(), subtitle.strip()]}
    assert {note.where for note in result.imported.notes} >= {"title", "subtitle"}
    outcome = build_file(result.target, tmp_path / "out")
    assert outcome.status == "built", outcome.problems


def test_a_link_a_briefing_may_not_hold_in_a_quotes_author_keeps_its_words(tmp_path):
    """Found by the fuzz test of the readers: the author line of a quote kept a
    ``javascript:`` link, so the briefing would not build."""
    from briefpdf.build import build_file

    document = Document()
    document.add_heading("Voices", 0)
    document.add_heading("What the family said", 1)
    document.add_paragraph("Nobody asked him what he wanted.", style="Quote")
    author = document.add_paragraph("— ", style="Quote")
    add_hyperlink(author, "his sister", "javascript:alert(1)")
    document.save(tmp_path / "quote.docx")
    result, data = _imported(tmp_path / "quote.docx")
    assert data["sections"][0]["content"] == [
        {"quote": "Nobody asked him what he wanted.", "by": "his sister"}]
    assert any("the link to javascript:alert(1) is not allowed" in note.message
               for note in result.imported.notes)
    outcome = build_file(result.target, tmp_path / "out")
    assert outcome.status == "built", outcome.problems

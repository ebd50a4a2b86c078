"""Layout rules read back from the PDF: markings, images, panels, no orphaned headings."""

from __future__ import annotations

import pypdf

from conftest import normalise, pdf_pages_text, pdf_words_boxes


def test_protective_marking_at_top_and_bottom_of_every_page(project):
    paragraphs = "\n".join(f"      - Paragraph {i} " + "with some words " * 30 for i in range(30))
    project.briefing("marked", f"title: T\nclassification: OFFICIAL-SENSITIVE\nsections:\n"
                               f"  - heading: H\n    content:\n{paragraphs}\n")
    pdf = project.build("marked")
    reader = pypdf.PdfReader(str(pdf))
    assert len(reader.pages) >= 2
    for index in range(len(reader.pages)):
        height = float(reader.pages[index].mediabox.height)
        chars = pdf_words_boxes(pdf, index)
        text = "".join(c for c, _ in chars)
        assert text.count("OFFICIAL-SENSITIVE") == 2
        start = text.index("OFFICIAL-SENSITIVE")
        tops = [box[3] for _, box in chars[start:start + 5]]
        start2 = text.index("OFFICIAL-SENSITIVE", start + 1)
        bottoms = [box[1] for _, box in chars[start2:start2 + 5]]
        assert {min(tops) > height - 30, min(bottoms) < 30} == {True}, (tops, bottoms)


def test_images_are_embedded_and_scaled_to_fit(project):
    from PIL import Image

    Image.new("RGB", (3000, 1000), (200, 30, 30)).save(project.root / "briefings" / "wide.png")
    project.briefing("img", """\
title: T
sections:
  - heading: H
    content:
      - image: wide.png
        alt: A wide red chart
      - image: wide.png
        alt: The same chart, narrower
        width: 60mm
""")
    pdf = project.build("img")
    page = pypdf.PdfReader(str(pdf)).pages[0]
    sizes = sorted(image.image.size for image in page.images)
    assert sizes == [(3000, 1000), (3000, 1000)] or len(page.images) == 1
    assert "A wide red chart" not in normalise(pdf_pages_text(pdf)[0])  # alt is not printed


def test_callout_quote_and_numbered_list_text(project):
    project.briefing("blocks", """\
title: T
sections:
  - heading: H
    content:
      - callout: Always check who else is involved.
        title: Remember
      - quote: “We don’t know” is exactly that.
        by: A reviewer
      - numbered: [First step, Second step]
""")
    text = normalise(" ".join(pdf_pages_text(project.build("blocks"))))
    for piece in ("Remember", "Always check who else is involved.",
                  "“We don’t know” is exactly that.", "— A reviewer", "1. First step",
                  "2. Second step"):
        assert piece in text, piece


def test_headings_never_sit_alone_at_the_bottom_of_a_page(project):
    sections = []
    for i in range(60):  # short sections of varied height: some heading meets a page end
        lines = "\n".join(f"      - Line {j} of section {i}." for j in range(1 + i % 3))
        sections.append(f"  - heading: Section heading {i}\n    content:\n{lines}\n")
    project.briefing("flow", "title: T\nsections:\n" + "".join(sections))
    pdf = project.build("flow")
    reader = pypdf.PdfReader(str(pdf))
    bottom_margin = 24 * 72 / 25.4
    for item in reader.outline:
        page_index = reader.get_destination_page_number(item)
        heading_top = float(item.top)
        chars = pdf_words_boxes(pdf, page_index)
        below = [box for char, box in chars
                 if char.strip() and box[3] < heading_top - 20 and box[1] > bottom_margin]
        assert below, f"{item.title} is alone at the bottom of page {page_index + 1}"

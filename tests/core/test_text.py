"""Text is literal: markup typed in YAML prints exactly as typed; languages and typography."""

from __future__ import annotations

from conftest import pdf_fonts, pdf_links, pdf_pages_text, pdf_text, pdf_words_boxes

LITERAL = [
    "Use <img src=x.png> & <font color=red>red</font> here",
    '<a href="https://evil.example">not a link</a> and <seq id=x/> and &amp; &#x41; &lt;b&gt;',
    "Fish & chips < 5 > 3 — “quotes” ‘single’ … and a back\\slash",
]


def test_markup_typed_in_yaml_is_printed_literally(project):
    body = "\n".join(f"      - '{line}'" for line in (t.replace("'", "''") for t in LITERAL))
    project.briefing(
        "markup",
        f"""\
title: "<b>Not bold</b> & title"
summary: "<para>standfirst</para>"
sections:
  - heading: "<font size=40>Heading</font>"
    content:
{body}
""",
    )
    text = pdf_text(project.build("markup"))
    for line in LITERAL + [
        "<b>Not bold</b> & title",
        "<para>standfirst</para>",
        "<font size=40>Heading</font>",
    ]:
        assert line in text, line
    # the anchor tag is text; only the bare address inside it is (visibly) a link
    uris = [uri for _, uri, _ in pdf_links(project.root / "out" / "markup.pdf")]
    assert uris == ["https://evil.example"]


def test_inline_markdown_subset(project):
    project.briefing(
        "md",
        """\
title: T
sections:
  - heading: H
    content:
      - "**Bold** and *italic* and [the guidance](https://example.org/g) and
        <https://example.org/auto> and https://example.org/bare."
""",
    )
    pdf = project.build("md")
    text = pdf_text(pdf)
    assert (
        "Bold and italic and the guidance and https://example.org/auto and "
        "https://example.org/bare." in text
    )
    uris = [uri for _, uri, _ in pdf_links(pdf)]
    assert uris == ["https://example.org/g", "https://example.org/auto", "https://example.org/bare"]


WORLD = {
    "cy": "Mae’r ŵyr yn dŷ – Gŵyl Ŷd",
    "pl": "Zażółć gęślą jaźń ŁÓDŹ",
    "tr": "Çocuğun güvenliği İstanbul ığdır ŞĞ",
    "vi": "Trẻ em cần được bảo vệ khỏi mọi hình thức bạo lực",
}


def test_welsh_polish_turkish_vietnamese_with_the_default_font(project):
    items = "\n".join(f"      - {text}" for text in WORLD.values())
    project.briefing(
        "world",
        f"title: Languages\nlanguage: cy\nsections:\n  - heading: "
        f"Ieithoedd\n    content:\n{items}\n",
    )
    pdf = project.build("world")
    text = pdf_text(pdf)
    for sample in WORLD.values():
        assert sample in text
    assert all(pdf_fonts(pdf).values())


def test_long_unbroken_urls_wrap_inside_the_margins(project):
    url = "https://example.org/" + "a" * 300 + "/" + "b" * 200
    word = "x" * 2000
    project.briefing(
        "long",
        f"""\
title: Long
sections:
  - heading: H
    content:
      - {word}
    links:
      - title: A very long address
        url: {url}
""",
    )
    pdf = project.build("long")
    width = 595.27
    margin = 18 * 72 / 25.4
    for page in range(len(pdf_pages_text(pdf))):
        for char, (left, _, right, _) in pdf_words_boxes(pdf, page):
            if char.strip():
                assert left >= margin - 1 and right <= width - margin + 1, (page, char)
    assert url in pdf_text(pdf).replace(" ", "")

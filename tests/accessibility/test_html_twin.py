"""`briefpdf build --html`: a self-contained, semantic, accessible page of the briefing,
read back with html.parser."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from samples import rich_project

from conftest import ROOT, run_cli


class Page(HTMLParser):
    """Elements with their attributes and text, in document order."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.open: list[dict] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in ("img", "meta", "br", "link", "input"):
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data

    def all(self, tag: str) -> list[dict]:
        return [e for e in self.elements if e["tag"] == tag]

    def texts(self, tag: str) -> list[str]:
        return [" ".join(e["text"].split()) for e in self.all(tag)]


@pytest.fixture(scope="module")
def rich_page(tmp_path_factory) -> Page:
    project = rich_project(tmp_path_factory.mktemp("html"))
    result = project.run("build", "--html", "briefings/rich.yaml")
    assert result.code == 0, result.err
    assert "wrote out/rich.html" in result.out
    assert (project.root / "out" / "rich.pdf").exists()
    return Page((project.root / "out" / "rich.html").read_text(encoding="utf-8"))


def test_language_title_and_headings(rich_page):
    html = rich_page.all("html")[0]
    assert html["attrs"]["lang"] == "en-GB"
    assert rich_page.texts("title") == ["Every block & <img> a board can use"]
    assert rich_page.texts("h1") == ["Every block & <img> a board can use"]
    assert rich_page.texts("h2") == ["Paragraphs and lists", "Panels and pictures",
                                     "Further reading", "Feedback"]


def test_typed_markup_is_text_not_html(rich_page):
    # the "<img>" typed in the title is text: the only images are the logos and pictures
    images = rich_page.all("img")
    assert all(i["attrs"]["src"].startswith("data:image/png;base64,") for i in images)
    assert len(images) == 3 + 2  # three partner logos, a chart and a decorative flourish


def test_lists_links_quote_and_figures(rich_page):
    assert "Bullet one" in rich_page.texts("ul")[0]
    items = rich_page.texts("li")
    assert items.index("Number one") < items.index("Number two")
    assert rich_page.texts("ol")[0].startswith("Number one")
    hrefs = [a["attrs"]["href"] for a in rich_page.all("a")]
    for url in ("https://example.org/standfirst", "https://example.org/two",
                "https://example.org/bare", "https://example.org/escalation.pdf",
                "https://example.org/sharing", "mailto:board@example.org"):
        assert url in hrefs, url
    assert "“We don’t know” is exactly that." in rich_page.texts("blockquote")[0]
    assert rich_page.texts("strong")[0] == "bold" and rich_page.texts("em")[0] == "test"
    alts = [i["attrs"]["alt"] for i in rich_page.all("img")]
    assert "Anytown Police" in alts
    assert "Bar chart of referrals by month, rising in the spring" in alts
    assert "" in alts  # the decorative image is hidden from screen readers
    assert rich_page.all("figure")


def test_self_contained_with_brand_colours(rich_page):
    assert not rich_page.all("script") and not rich_page.all("link")
    style = rich_page.texts("style")[0]
    assert "--primary: #00594F" in style and "--accent: #B24A00" in style
    for element in rich_page.elements:
        if element["tag"] != "a":
            for value in element["attrs"].values():
                assert not str(value).startswith(("http:", "https:", "//")), element


def test_family_l_twin_reads_in_order(tmp_path):
    result = run_cli("build", "--html", str(ROOT / "briefings" / "family-l.yaml"),
                     "-o", str(tmp_path), cwd=ROOT)
    assert result.code == 0, result.err
    page = Page((tmp_path / "family-l.html").read_text(encoding="utf-8"))
    assert page.texts("h1") == ["Child Protection Incident Review Briefing"]
    headings = page.texts("h2")
    assert headings[0] == "What is a CPIR?" and headings[-1] == "Feedback, suggestions and ideas"
    assert "Bristol Safeguarding Children Board" in [i["attrs"]["alt"] for i in page.all("img")]
    body = " ".join(page.texts("main")[0].split())
    assert body.index("A CPIR (Child Protection Incident Review)") \
        < body.index("Family L is: Mother, Father") < body.index("bscb@bristol.gov.uk")


def test_without_the_flag_no_html_is_written(tmp_path):
    result = run_cli("build", str(ROOT / "briefings" / "family-l.yaml"), "-o", str(tmp_path),
                     cwd=ROOT)
    assert result.code == 0, result.err
    assert not list(tmp_path.glob("*.html"))

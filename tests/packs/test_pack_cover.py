"""The cover's list of briefings never runs off the page: a long pack's cover lists what
fits, then says how many more the contents lists; without a contents page the list goes
on over the page. Either way its tags follow what is painted, label before body."""

from __future__ import annotations

import re

import pypdf
import pytest
from packhelp import build_pack, page_texts

from conftest import pdf_words_boxes

COUNT = 40
SLUGS = [f"case-{n:02d}" for n in range(COUNT)]
BOTTOM_MARGIN = 18 * 72 / 25.4 - 1  # the default style's margin, less a rounding point


def write_briefings(project) -> None:
    for slug in SLUGS:
        n = int(slug[-2:])
        project.briefing(slug, f"title: Briefing {slug}\nsubtitle: Family {slug}\n"
                               f"kind: {'CPIR' if n % 2 else 'SCR'}\ndate: 2017-{n % 12 + 1:02d}\n"
                               f"sections:\n  - heading: What happened to family {slug}\n"
                               f"    content:\n      - Something happened in case {slug}.\n")


@pytest.fixture(scope="module")
def long_packs(tmp_path_factory):
    from conftest import Project

    project = Project(tmp_path_factory.mktemp("long-packs"))
    write_briefings(project)
    return {"contents": build_pack(project, "with-contents", SLUGS),
            "overleaf": build_pack(project, "no-contents", SLUGS, contents=False),
            "short": build_pack(project, "short", SLUGS[:3])}


def families(text: str) -> list[str]:
    return re.findall(r"Family (case-\d\d)", text)


def lowest_text(path, page_index: int) -> float:
    """The bottom edge of the lowest character painted on a page, in points."""
    return min(box[1] for char, box in pdf_words_boxes(path, page_index) if char.strip())


def cover_list_items(path) -> list[list[str]]:
    """The roles of each cover list item's children, in tag order."""
    reader = pypdf.PdfReader(path)

    def kids(element) -> list:
        k = element.get("/K")
        return [x.get_object() for x in (k if isinstance(k, list) else [k])
                if isinstance(x, (pypdf.generic.IndirectObject, pypdf.generic.DictionaryObject))
                and x.get_object().get("/Type") == "/StructElem"]

    document = kids(reader.trailer["/Root"]["/StructTreeRoot"])[0]
    cover = kids(document)[0]  # reading order starts with the cover
    lists = [k for k in kids(cover) if k["/S"] == "/L"]
    assert len(lists) == 1
    return [[child["/S"] for child in kids(item)] for item in kids(lists[0])]


def test_a_long_cover_list_stops_at_the_margin_and_points_to_the_contents(long_packs):
    path = long_packs["contents"]
    texts = page_texts(path)
    shown = families(texts[0])
    assert 5 < len(shown) < COUNT
    assert shown == SLUGS[:len(shown)]
    assert f"… and {COUNT - len(shown)} more briefings, listed in the contents" in texts[0]
    assert lowest_text(path, 0) >= BOTTOM_MARGIN
    contents = next(t for t in texts if "Contents" in t)
    assert families(contents + "".join(texts[texts.index(contents) + 1:][:2]))[:COUNT] == SLUGS
    # the tags hold what is painted: one item per name shown, its label first
    assert cover_list_items(path) == [["/Lbl", "/LBody"]] * len(shown)


def test_without_contents_the_cover_list_goes_on_over_the_page(long_packs):
    path = long_packs["overleaf"]
    texts = page_texts(path)
    on_cover = families(texts[0])
    assert 5 < len(on_cover) < COUNT
    assert "more briefings" not in texts[0]
    assert lowest_text(path, 0) >= BOTTOM_MARGIN
    assert texts[1].startswith("In this pack (continued)")
    first_briefing = next(i for i, t in enumerate(texts) if "What happened to" in t)
    listed = families("".join(texts[:first_briefing]))
    assert listed == SLUGS  # every briefing once, in order, before the first one starts
    assert first_briefing % 2 == 0  # duplex: it starts on a right-hand (odd) page
    assert cover_list_items(path) == [["/Lbl", "/LBody"]] * COUNT  # one list, continued


def test_a_short_cover_list_is_whole(long_packs):
    path = long_packs["short"]
    texts = page_texts(path)
    assert families(texts[0]) == SLUGS[:3]
    assert "more briefing" not in texts[0] and "(continued)" not in texts[1]
    assert cover_list_items(path) == [["/Lbl", "/LBody"]] * 3


def test_long_packs_pass_both_checkers(long_packs):
    import outloud
    import pdfua

    for path in (long_packs["contents"], long_packs["overleaf"]):
        report = pdfua.validate(str(path))
        assert [f.rule_id for f in report.findings if f.severity >= pdfua.Severity.WARNING] == []
        result = outloud.check(str(path))
        # (PAG-001 is left out: 20 briefings share the kind badge "CPIR" at the same
        # place on their first pages, which its running-head heuristic takes for one)
        assert [f"{f.rule} p.{f.page}: {f.message}" for f in result.findings
                if f.severity in ("error", "warning") and f.rule != "PAG-001"] == []

"""The structure tree read back with pypdf: roles, alt text, links, pages, catalogue."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pypdf
import pytest
from samples import built, slugs

from conftest import pdf_pages_text

NS = {"pdfuaid": "http://www.aiim.org/pdfua/ns/id/", "dc": "http://purl.org/dc/elements/1.1/",
      "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
SLUGS = slugs()


def elements(reader: pypdf.PdfReader) -> list[dict]:
    """Every structure element, depth first, in reading order."""
    out: list[dict] = []

    def visit(ref) -> None:
        obj = ref.get_object()
        if obj.get("/Type") == "/StructElem":
            out.append(obj)
        kids = obj.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, pypdf.generic.IndirectObject) or isinstance(kid, dict):
                target = kid.get_object()
                if target.get("/Type") == "/StructElem":
                    visit(kid)

    visit(reader.trailer["/Root"]["/StructTreeRoot"])
    return out


def mcids(element: dict) -> list[int]:
    kids = element.get("/K")
    out = []
    for kid in kids if isinstance(kids, list) else [kids]:
        if isinstance(kid, int):
            out.append(int(kid))
        elif isinstance(kid, dict) and kid.get("/Type") == "/MCR":
            out.append(int(kid["/MCID"]))
    return out


def parent_tree(reader: pypdf.PdfReader) -> dict[int, object]:
    nums = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"].get_object()["/Nums"]
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


@pytest.mark.parametrize("slug", SLUGS)
def test_catalogue_and_pages(slug):
    reader = pypdf.PdfReader(str(built()[slug]), strict=True)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en-GB"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    xmp = ElementTree.fromstring(root["/Metadata"].get_object().get_data())
    assert xmp.find(".//pdfuaid:part", NS).text == "1"
    assert xmp.find(".//dc:title//rdf:li", NS).text == reader.metadata.title
    for page in reader.pages:
        assert page["/Tabs"] == "/S"
        assert "/StructParents" in page
    document = elements(reader)[0]
    assert document["/S"] == "/Document" and document["/Lang"] == "en-GB"


def test_roles_of_every_block_type():
    reader = pypdf.PdfReader(str(built()["rich"]))
    roles = [str(e["/S"])[1:] for e in elements(reader)]
    for role in ("Document", "Sect", "H1", "H2", "P", "L", "LI", "Lbl", "LBody", "BlockQuote",
                 "Figure", "Link", "Div"):
        assert role in roles, role
    assert roles.count("H1") == 1
    assert roles.index("H1") < roles.index("H2")
    lists = [e for e in elements(reader) if e["/S"] == "/L"]
    numbering = {str(e["/A"]["/ListNumbering"]) for e in lists}
    assert {"/Disc", "/Decimal"} <= numbering


def test_figures_have_alt_and_decorative_images_are_artifacts():
    reader = pypdf.PdfReader(str(built()["rich"]))
    figures = [e for e in elements(reader) if e["/S"] == "/Figure"]
    alts = [str(f["/Alt"]) for f in figures]
    # three partner logos in the partnership style and one meaningful image
    assert "Bar chart of referrals by month, rising in the spring" in alts
    assert "Anytown Police" in alts
    # the partnership style adds a QR code (a Figure too) beside each link entry
    assert "QR code for https://example.org/sharing" in alts
    assert len([a for a in alts if not a.startswith("QR code for")]) == 4
    # every image painted is either inside a Figure's marked content or an artifact
    painted = 0
    for page in reader.pages:
        stream = page.get_contents().get_data().decode("latin-1")
        for match in re.finditer(r"/(\S+) Do", stream):
            painted += 1
            before = stream[:match.start()]
            opener = before.rfind(" BDC") if before.rfind(" BDC") > before.rfind(" BMC") \
                else before.rfind(" BMC")
            line = before[before.rfind("EMC", 0, opener):opener]
            assert "/Figure" in line or "/Artifact" in line, line
    assert painted == 5  # the decorative image is painted, as an artifact


def test_links_are_tied_to_link_elements():
    reader = pypdf.PdfReader(str(built()["rich"]))
    tree = parent_tree(reader)
    seen = 0
    for page in reader.pages:
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            seen += 1
            assert annot["/F"] == 4
            assert str(annot["/Contents"]).strip()
            link = tree[int(annot["/StructParent"])].get_object()
            assert link["/S"] == "/Link"
            assert str(link["/Alt"]) == str(annot["/Contents"])
            kids = link["/K"] if isinstance(link["/K"], list) else [link["/K"]]
            objr = [k for k in kids if k.get("/Type") == "/OBJR"]
            assert objr and objr[0].raw_get("/Obj").idnum == ref.idnum
    assert seen >= 8
    contents = {str(ref.get_object()["/Contents"]) for page in reader.pages
                for ref in page.get("/Annots", []) or []}
    assert {"link", "a link", "Escalation procedure", "board@example.org"} <= contents


def test_every_mcid_in_the_streams_is_claimed_once():
    reader = pypdf.PdfReader(str(built()["family-l"]))
    tree = parent_tree(reader)
    claimed = {}
    for element in elements(reader):
        page = element.get("/Pg")
        for mcid in mcids(element):
            claimed.setdefault((page.idnum if page else None, mcid), 0)
            claimed[(page.idnum if page else None, mcid)] += 1
    for page in reader.pages:
        stream = page.get_contents().get_data().decode("latin-1")
        used = [int(m) for m in re.findall(r"<</MCID (\d+)>> BDC", stream)]
        assert used == list(range(len(used)))
        row = tree[int(page["/StructParents"])]
        assert len(row) == len(used)
        for mcid, ref in enumerate(row):
            owner = ref.get_object()
            assert mcid in mcids(owner)
    assert all(count == 1 for count in claimed.values())


def test_one_page_footer_is_content_and_running_head_is_short():
    reader = pypdf.PdfReader(str(built()["one-page"]))
    last = elements(reader)[0]["/K"][-1].get_object()
    assert last["/S"] == "/Div"   # the footer's text and contacts, at the end
    text = pdf_pages_text(built()["rich"])[1]
    assert "Every block & <img> a board can use…" in text


def test_text_comes_out_in_reading_order():
    pages = pdf_pages_text(built()["rich"])
    text = " ".join(" ".join(pages).split())
    order = ["Every block & <img> a board can use", "One short standfirst", "Paragraphs and lists",
             "First paragraph", "Bullet one", "Bullet two", "Number one", "Number two",
             "Closing paragraph", "Panels and pictures", "Key message", "Remember to record",
             "We don’t know", "A reviewer", "Paragraph after the pictures", "Further reading",
             "Escalation procedure", "What to do when", "Information sharing guidance",
             "Feedback", "Tell us how you used", "board@example.org", "Thank you."]
    cursor = 0
    for piece in order:
        found = text.find(piece, cursor)
        assert found >= 0, f"{piece!r} is missing or out of order after {text[:cursor][-60:]!r}"
        cursor = found + len(piece)

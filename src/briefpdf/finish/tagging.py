"""Finish a tagged PDF: the structure tree, ParentTree and PDF/UA catalogue entries.

The render stage's :class:`~briefpdf.render.tagging.TaggingMarker` wrote marked content
(``/P <</MCID n>> BDC … EMC``) into the page streams and recorded which node owns
each MCID and each link annotation. Here, in ReportLab's own document just before it
writes the file (no second pass over the bytes), that record becomes:

* one structure element per node that has content (``/S``, ``/P``, ``/K``, ``/Pg``),
  ``/Alt`` on figures, ``/Lang`` on the document, list numbering attributes;
* a ``Link`` element inside the node for each link annotation, holding an ``OBJR``
  to the annotation, with ``/Alt`` the link's text;
* the ParentTree (a number tree: each page's MCIDs → elements, each annotation →
  its Link), ``/StructParents`` and ``/Tabs /S`` on every page;
* ``/MarkInfo <</Marked true>>`` and the XMP metadata with the PDF/UA identification
  (ReportLab itself writes ``/Lang`` and ``/ViewerPreferences`` with ``DisplayDocTitle``).

Nothing here depends on time or randomness: the same input gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFObjectReference, PDFString, PDFtrue

from briefpdf.compose.semantics import Node
from briefpdf.finish.metadata import DocumentFacts, add_xmp
from briefpdf.render.document import SavingDocument
from briefpdf.render.pdfobjects import Compact, Name
from briefpdf.render.tagging import TaggingMarker, annotation_name
from briefpdf.seam import add_page_keys

LIST_NUMBERING = {"Decimal", "Disc", "Circle", "Square", "None", "UpperRoman", "LowerRoman",
                  "UpperAlpha", "LowerAlpha"}
PAGE_KEYS = ["StructParents", "Tabs"]
"""Page dictionary entries ReportLab does not write by itself."""


@dataclass
class _Element:
    node: Node
    ref: PDFObjectReference
    obj: Compact
    kids: list = field(default_factory=list)
    pages: list[int] = field(default_factory=list)


def add_structure(doc: SavingDocument, root: Node, facts: DocumentFacts) -> None:
    """Write the structure tree of ``root`` and the PDF/UA entries into ``doc``."""
    marker = doc.marker
    if not isinstance(marker, TaggingMarker):
        return
    pdf = doc.pdf
    pages = [pdf.Reference(page) for page in doc.pages]  # resolved once, used many times
    tree = Compact({"Type": Name("StructTreeRoot")})
    tree_ref = pdf.Reference(tree)

    elements = _elements(pdf, root, marker)
    links = _link_elements(pdf, marker, elements, root)
    parent_nums = _place_content(marker, elements)
    for element in elements.values():
        _fill(element, elements, pages, tree_ref)

    nums: list[Any] = []
    for key, (mark, link) in enumerate(links):
        nums += [key, link.ref]
        page = pages[mark.page - 1]
        link.obj["K"] = [Compact({
            "Type": Name("OBJR"), "Obj": pdf.refAnnotation(annotation_name(key)),
            "Pg": page})]
        link.obj["Pg"] = page
    link_count = len(marker.links)
    for index, page in enumerate(doc.pages):
        key = link_count + index
        add_page_keys(page, PAGE_KEYS)
        page.StructParents, page.Tabs = key, PDFName("S")
        nums += [key, parent_nums.get(index + 1, [])]

    tree["K"] = elements[id(root)].ref
    tree["ParentTree"] = pdf.Reference(Compact({"Nums": nums}))
    tree["ParentTreeNextKey"] = link_count + len(doc.pages)
    catalog = pdf.Catalog
    catalog.StructTreeRoot = tree_ref
    catalog.MarkInfo = PDFDictionary({"Marked": PDFtrue})
    add_xmp(pdf, facts)


def _new_element(pdf: Any, role: str, **entries: Any) -> tuple[Compact, Any]:
    obj = Compact({"Type": Name("StructElem"), "S": Name(role), **entries})
    return obj, pdf.Reference(obj)


def _elements(pdf: Any, root: Node, marker: TaggingMarker) -> dict[int, _Element]:
    """A structure element for every node that has content, itself or below it."""
    with_content = {id(node) for page in marker.pages.values() for node in page.nodes}
    with_content |= {id(mark.node) for mark in marker.links if mark.node is not None}
    keep: dict[int, _Element] = {}
    _visit(root, root, pdf, with_content, keep)
    return keep


def _visit(node: Node, root: Node, pdf: Any, with_content: set[int],
           keep: dict[int, _Element]) -> bool:
    """Make ``node``'s element after its children's; True when it has content below it.
    (A function of its own: a nested one that calls itself is a reference cycle.)"""
    has = id(node) in with_content
    for child in node.children:
        has = _visit(child, root, pdf, with_content, keep) or has
    if has or node is root:
        obj, ref = _new_element(pdf, node.role)
        keep[id(node)] = _Element(node, ref, obj)
    return has


def _link_elements(pdf: Any, marker: TaggingMarker, elements: dict[int, _Element],
                   root: Node) -> list[tuple[Any, _Element]]:
    """A Link element for each annotation, a child of the node it was drawn in."""
    out = []
    for mark in marker.links:
        parent = elements[id(mark.node if mark.node is not None else root)]
        obj, ref = _new_element(pdf, "Link", Alt=PDFString(mark.text), P=parent.ref)
        link = _Element(Node("Link", alt=mark.text), ref, obj)
        parent.kids.append(("link", link))
        out.append((mark, link))
    return out


def _place_content(marker: TaggingMarker, elements: dict[int, _Element]) -> dict[int, list]:
    """Record each MCID in its element; return page number → elements by MCID."""
    parents: dict[int, list] = {}
    for number in sorted(marker.pages):
        row = []
        for mcid, node in enumerate(marker.pages[number].nodes):
            element = elements[id(node)]
            element.kids.append(("mcid", number, mcid))
            element.pages.append(number)
            row.append(element.ref)
        parents[number] = row
    return parents


def _fill(element: _Element, elements: dict[int, _Element], pages: list,
          tree_ref: PDFObjectReference) -> None:
    """Write /P, /K, /Pg, /Alt, /Lang and attributes of one element."""
    node, obj = element.node, element.obj
    parent = elements.get(id(node.parent)) if node.parent is not None else None
    obj["P"] = parent.ref if parent else tree_ref
    first_page = element.pages[0] if element.pages else None
    kids: list[Any] = []
    for kind, *rest in element.kids:
        if kind == "mcid":
            number, mcid = rest
            if number == first_page:
                kids.append(mcid)
            else:
                kids.append(Compact({"Type": Name("MCR"), "MCID": mcid,
                                     "Pg": pages[number - 1]}))
    for child in node.children:
        if id(child) in elements:
            kids.append(elements[id(child)].ref)
    for kind, *rest in element.kids:
        if kind == "link":
            kids.append(rest[0].ref)
    if first_page is not None:
        obj["Pg"] = pages[first_page - 1]
    # One kid is written on its own, not in an array: the same meaning, and some
    # checkers only look for a bare MCID under a heading.
    obj["K"] = kids[0] if len(kids) == 1 else kids
    if node.alt:
        obj["Alt"] = PDFString(node.alt)
    if node.lang:
        obj["Lang"] = PDFString(node.lang)
    if node.title:
        obj["T"] = PDFString(node.title)
    attrs = _attributes(node)
    if attrs is not None:
        obj["A"] = attrs


def _attributes(node: Node) -> Compact | None:
    """Standard attributes: list numbering, table header scope and spans."""
    a = node.attrs
    if node.role == "L" and a.get("ListNumbering") in LIST_NUMBERING:
        return Compact({"O": Name("List"), "ListNumbering": Name(a["ListNumbering"])})
    table: dict[str, Any] = {}
    if node.role == "TH":
        table["Scope"] = PDFName(a.get("Scope", "Column"))
    for key in ("RowSpan", "ColSpan"):
        if node.role in ("TH", "TD") and a.get(key, 1) != 1:
            table[key] = int(a[key])
    if table:
        table["O"] = Name("Table")
        return Compact(table)
    return None

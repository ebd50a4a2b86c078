"""Finish a tagged PDF: the structure tree, ParentTree and PDF/UA catalogue entries.

The render stage's :class:`~briefpdf.render.tagging.TaggingMarker` wrote marked content
(``/P <</MCID n>> BDC … EMC``) into the page streams and recorded which node owns
each MCID and each link annotation. Here, with pypdf, that record becomes:

* one structure element per node that has content (``/S``, ``/P``, ``/K``, ``/Pg``),
  ``/Alt`` on figures, ``/Lang`` on the document, list numbering attributes;
* a ``Link`` element inside the node for each link annotation, holding an ``OBJR``
  to the annotation, with ``/Alt`` the link's text;
* the ParentTree (a number tree: each page's MCIDs → elements, each annotation →
  its Link), ``/StructParents`` and ``/Tabs /S`` on every page;
* ``/MarkInfo <</Marked true>>``, ``/Lang``, ``/ViewerPreferences`` with
  ``DisplayDocTitle`` and XMP metadata with the PDF/UA identification.

Nothing here depends on time or randomness: the same input gives the same bytes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from briefpdf.compose.semantics import Node
from briefpdf.finish.metadata import set_xmp
from briefpdf.render.tagging import LinkMark, TaggingMarker

LIST_NUMBERING = {"Decimal", "Disc", "Circle", "Square", "None", "UpperRoman", "LowerRoman",
                  "UpperAlpha", "LowerAlpha"}


@dataclass
class DocumentFacts:
    """What the catalogue and metadata say about the document."""

    title: str
    language: str
    author: str = ""
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    producer: str = ""
    creator: str = ""


@dataclass
class _Element:
    node: Node
    ref: IndirectObject
    obj: DictionaryObject
    kids: list = field(default_factory=list)
    pages: list[int] = field(default_factory=list)


def tag_pdf(pdf: bytes, root: Node, marker: TaggingMarker, facts: DocumentFacts) -> bytes:
    """Return ``pdf`` with its structure tree and PDF/UA entries."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = "%PDF-1.7"
    pages = [page.indirect_reference for page in writer.pages]
    tree = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    tree_ref = writer._add_object(tree)

    elements = _elements(writer, root, marker)
    links = _link_elements(writer, marker, elements, root)
    parent_nums = _place_content(marker, elements, pages)

    for element in elements.values():
        _fill(element, elements, pages, tree_ref)
    annots = _annotations(writer)
    link_count = len(marker.links)
    nums = ArrayObject()
    for key, (_, link) in enumerate(links):
        nums += [NumberObject(key), link.ref]
        annot = annots.get(key)
        if annot is not None:
            link.kids.append(DictionaryObject({
                NameObject("/Type"): NameObject("/OBJR"), NameObject("/Obj"): annot[1],
                NameObject("/Pg"): pages[annot[0]]}))
            link.obj[NameObject("/K")] = ArrayObject(link.kids)
            link.obj[NameObject("/Pg")] = pages[annot[0]]
    for index, page in enumerate(writer.pages):
        key = link_count + index
        page[NameObject("/StructParents")] = NumberObject(key)
        page[NameObject("/Tabs")] = NameObject("/S")
        nums += [NumberObject(key), ArrayObject(parent_nums.get(index + 1, []))]

    tree[NameObject("/K")] = elements[id(root)].ref
    tree[NameObject("/ParentTree")] = writer._add_object(
        DictionaryObject({NameObject("/Nums"): nums}))
    tree[NameObject("/ParentTreeNextKey")] = NumberObject(link_count + len(writer.pages))
    catalog = writer._root_object
    catalog[NameObject("/StructTreeRoot")] = tree_ref
    catalog[NameObject("/MarkInfo")] = DictionaryObject(
        {NameObject("/Marked"): BooleanObject(True)})
    catalog[NameObject("/Lang")] = TextStringObject(facts.language)
    prefs = catalog.get("/ViewerPreferences")
    prefs = prefs.get_object() if prefs is not None else DictionaryObject()
    prefs[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    catalog[NameObject("/ViewerPreferences")] = prefs
    set_xmp(writer, facts)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _elements(writer: PdfWriter, root: Node, marker: TaggingMarker) -> dict[int, _Element]:
    """A structure element for every node that has content, itself or below it."""
    with_content = {id(node) for page in marker.pages.values() for node in page.nodes}
    with_content |= {id(mark.node) for mark in marker.links if mark.node is not None}
    keep: dict[int, _Element] = {}

    def visit(node: Node) -> bool:
        has = id(node) in with_content
        for child in node.children:
            has = visit(child) or has
        if has or node is root:
            obj = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                    NameObject("/S"): NameObject("/" + node.role)})
            keep[id(node)] = _Element(node, writer._add_object(obj), obj)
        return has

    visit(root)
    return keep


def _link_elements(writer: PdfWriter, marker: TaggingMarker, elements: dict[int, _Element],
                   root: Node) -> list[tuple[LinkMark, _Element]]:
    """A Link element for each annotation, a child of the node it was drawn in."""
    out = []
    for mark in marker.links:
        parent = elements[id(mark.node if mark.node is not None else root)]
        obj = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                NameObject("/S"): NameObject("/Link"),
                                NameObject("/Alt"): TextStringObject(mark.text),
                                NameObject("/P"): parent.ref})
        link = _Element(Node("Link", alt=mark.text), writer._add_object(obj), obj)
        parent.kids.append(("link", link))
        out.append((mark, link))
    return out


def _place_content(marker: TaggingMarker, elements: dict[int, _Element],
                   pages: list) -> dict[int, list]:
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
          tree_ref: IndirectObject) -> None:
    """Write /P, /K, /Pg, /Alt, /Lang and attributes of one element."""
    node, obj = element.node, element.obj
    parent = elements.get(id(node.parent)) if node.parent is not None else None
    obj[NameObject("/P")] = parent.ref if parent else tree_ref
    first_page = element.pages[0] if element.pages else None
    kids = ArrayObject()
    for kind, *rest in element.kids:
        if kind == "mcid":
            number, mcid = rest
            if number == first_page:
                kids.append(NumberObject(mcid))
            else:
                kids.append(DictionaryObject({
                    NameObject("/Type"): NameObject("/MCR"),
                    NameObject("/MCID"): NumberObject(mcid),
                    NameObject("/Pg"): pages[number - 1]}))
    for child in node.children:
        if id(child) in elements:
            kids.append(elements[id(child)].ref)
    for kind, *rest in element.kids:
        if kind == "link":
            kids.append(rest[0].ref)
    if first_page is not None:
        obj[NameObject("/Pg")] = pages[first_page - 1]
    # One kid is written on its own, not in an array: the same meaning, and some
    # checkers only look for a bare MCID under a heading.
    obj[NameObject("/K")] = kids[0] if len(kids) == 1 else kids
    if node.alt:
        obj[NameObject("/Alt")] = TextStringObject(node.alt)
    if node.lang:
        obj[NameObject("/Lang")] = TextStringObject(node.lang)
    if node.title:
        obj[NameObject("/T")] = TextStringObject(node.title)
    attrs = _attributes(node)
    if attrs is not None:
        obj[NameObject("/A")] = attrs


def _attributes(node: Node) -> DictionaryObject | None:
    """Standard attributes: list numbering, table header scope and spans."""
    a = node.attrs
    if node.role == "L" and a.get("ListNumbering") in LIST_NUMBERING:
        numbering = NameObject("/" + a["ListNumbering"])
        return DictionaryObject({NameObject("/O"): NameObject("/List"),
                                 NameObject("/ListNumbering"): numbering})
    table = {}
    if node.role == "TH":
        table[NameObject("/Scope")] = NameObject("/" + a.get("Scope", "Column"))
    for key in ("RowSpan", "ColSpan"):
        if node.role in ("TH", "TD") and a.get(key, 1) != 1:
            table[NameObject("/" + key)] = NumberObject(a[key])
    if table:
        table[NameObject("/O")] = NameObject("/Table")
        return DictionaryObject(table)
    return None


def _annotations(writer: PdfWriter) -> dict[int, tuple[int, IndirectObject]]:
    """StructParent key → (page index, annotation reference) for every tagged annotation."""
    found = {}
    for index, page in enumerate(writer.pages):
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            key = annot.get("/StructParent")
            if key is not None and isinstance(ref, IndirectObject):
                found[int(key)] = (index, ref)
    return found

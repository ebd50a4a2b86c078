"""Render a composed document to PDF bytes with ReportLab.

Page one has a full-height frame so the masthead can bleed to the top edge; later
pages use the style's margins. The canvas holds each page back until the end so
the furniture can say "Page N of M" without a second layout pass.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFPage, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from briefpdf import __version__
from briefpdf.compose.document import ComposedDocument
from briefpdf.compose.parts import Part, StartOnRightPage
from briefpdf.compose.semantics import NULL_MARKER, NullMarker
from briefpdf.render.furniture import draw_furniture, repeated_lines
from briefpdf.render.pdfobjects import Compact, Name
from briefpdf.render.tagging import TaggingMarker, annotation_name
from briefpdf.seam import (
    absolute_rect,
    add_annotation,
    annotation_border,
    destination,
    page_code,
    pdf_document,
    set_page_code,
    start_page,
)

rl_config.useA85 = 0
"""ReportLab's documented setting: streams (pages, images, fonts) are written as binary
Flate data, not also ASCII85-encoded (which made them a quarter bigger and slower)."""

MAX_PAGES = 200
"""A briefing longer than this is almost certainly a mistake (see docs/limits.md)."""


@dataclass
class RenderedDocument:
    """The PDF produced by the render stage, before finishing."""

    pdf: bytes
    pages: int
    composed: ComposedDocument
    info: dict[str, Any] = field(default_factory=dict)
    marker: NullMarker = NULL_MARKER


@dataclass
class SavingDocument:
    """ReportLab's document as it is about to be written: every page is shown, nothing is
    serialised yet. The finish stage adds its objects here (structure tree, metadata), so
    the bytes are written once, never read back and rewritten."""

    pdf: Any
    """reportlab.pdfbase.pdfdoc.PDFDocument"""
    pages: list[PDFPage]
    marker: NullMarker


Finisher = Callable[[SavingDocument], None]
"""A finishing step run by the render stage just before ReportLab writes the file."""


def _furniture_of(state: dict) -> ComposedDocument | None:
    """The document whose footer a held page of a pack prints (None: no footer)."""
    part = state.get("part")
    return part.composed if part is not None and part.furniture else None


class _DeferredCanvas(Canvas):
    """Keeps each page's state until save(), then draws the furniture with the total.
    Anything else that must know later pages (a pack's contents page numbers) is drawn
    then too, by a callback registered with ``draw_later``, into the place in the page
    where it was registered.

    Link annotations are shown to the marker (which ties them to the structure tree)
    and carry the print flag, so print and screen agree.
    """

    def __init__(self, *args: Any, composed: ComposedDocument, marker: NullMarker,
                 finish: Finisher | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.composed = composed
        self.marker = marker
        self.finish = finish
        self._pages: list[dict] = []
        self._bookmarks: list[tuple[str, dict]] = []
        self._later: list[tuple[int, dict, Callable[[Canvas], None]]] = []
        self._link_numbers = itertools.count(1)
        """Names for untagged link annotations: one counter object for the whole document
        (ReportLab's own counter is part of the page state that save() restores)."""

    def draw_later(self, draw: Callable[[Canvas], None]) -> None:
        """Call ``draw(canvas)`` when the document is saved (every page is laid out by
        then). What it draws goes into this page's stream here, where it is called from,
        with the coordinates and graphics state of this moment; the marked-content
        sequence open now stays open around it (see ``TaggingMarker.spliced``)."""
        state = {name: getattr(self, name) for name in self.STATE_ATTRIBUTES}
        self._later.append((len(page_code(self)), state, draw))

    def _draw_spliced(self, later: list[tuple[int, dict, Callable[[Canvas], None]]]) -> None:
        """Run this page's ``draw_later`` callbacks, each into its place in the stream
        (last first, so the earlier places do not move)."""
        for index, state, draw in reversed(later):
            code = page_code(self)
            set_page_code(self, [])
            self.saveState()
            self.__dict__.update(state)
            draw(self)
            self.restoreState()
            code[index:index] = page_code(self)
            set_page_code(self, code)

    def bookmarkPage(self, key: str, **kw: Any) -> None:  # noqa: N802
        """Held back with the page: ReportLab resolves a bookmark to the page being
        written, which is only known once the page is really shown in save()."""
        self._bookmarks.append((key, kw))

    def addOutlineEntry(self, title: str, key: str, level: int = 0,  # noqa: N802
                        closed: bool | None = None) -> None:
        """Entries inside a part of a pack are nested beneath the part's own entry."""
        super().addOutlineEntry(title, key, level + getattr(self, "outline_offset", 0), closed)

    def showPage(self) -> None:  # noqa: N802
        self._pages.append(dict(self.__dict__))
        self._bookmarks = []
        self._later = []
        start_page(self)

    def save(self) -> None:
        total = len(self._pages)
        repeated = repeated_lines([_furniture_of(state) for state in self._pages])
        shown: list[PDFPage] = []
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            for key, kw in state["_bookmarks"]:
                super().bookmarkPage(key, **kw)
            self._draw_spliced(state["_later"])
            part: Part | None = state.get("part")
            if part is None:
                draw_furniture(self, self.composed, number, total)
            elif part.furniture:
                numbers = part.numbers
                pages = numbers.total or total - numbers.offset
                draw_furniture(self, part.composed, number, pages, numbers.label(number),
                               head=number > part.first_page, template=numbers.template,
                               furniture=repeated)
            self.marker.finish_page(self)
            super().showPage()
            shown.append(pdf_document(self).Pages.pages[-1])
        if self.finish is not None:
            self.finish(SavingDocument(pdf_document(self), shown, self.marker))
        super().save()
        self.pages_written = total
        self._pages.clear()  # each held page's state refers back to this list

    def _annotation_name(self, struct_parent: int | None) -> str:
        """A tagged link is named by its StructParent (the tag tree refers to it by that
        name); an untagged one by the document's own counter."""
        if struct_parent is None:
            return f"Link{next(self._link_numbers)}"
        return annotation_name(struct_parent)

    def linkURL(self, url: str, rect: tuple, relative: int = 0, thickness: int = 0,  # noqa: N802
                color: Any = None, dashArray: Any = None, kind: str = "URI",  # noqa: N803
                **kw: Any) -> None:
        """A web or mail link, written like ReportLab's with StructParent, Contents and F."""
        action = Compact({"Type": Name("Action"), "S": Name("URI"), "URI": PDFString(url)})
        self._link(url, rect, relative, color, thickness, dashArray, {"A": action, **kw})

    def linkRect(self, contents: str, destinationname: str, Rect: Any = None,  # noqa: N802,N803
                 addtopage: int = 1, name: str | None = None, relative: int = 1,
                 thickness: int = 0, color: Any = None, dashArray: Any = None,  # noqa: N803
                 **kw: Any) -> None:
        """An internal link, written like linkURL."""
        entries = {"Dest": destination(self, destinationname), **kw}
        if contents:
            entries["Contents"] = contents
        self._link("#" + destinationname, Rect, relative, color, thickness, dashArray, entries)

    def _link(self, url: str, rect: Any, relative: int, color: Any, thickness: int,
              dash: Any, entries: dict[str, Any]) -> None:
        """Add a link annotation: shown to the marker (which ties a tagged one to the
        structure tree), with the print flag so print and screen agree."""
        extra = self.marker.link(self, rect, url)
        rect = list(absolute_rect(self, rect, relative))
        ann = Compact({"Type": Name("Annot"), "Subtype": Name("Link"), "Rect": rect, "F": 4,
                       **extra, **entries})
        if "Contents" in ann:
            ann["Contents"] = PDFString(ann.entries["Contents"])
        annotation_border(ann, color, thickness, dash)
        key = extra.get("StructParent")
        add_annotation(self, ann, self._annotation_name(key))


class PageLimitError(Exception):
    """Raised when a document grows past MAX_PAGES."""


class _Template(BaseDocTemplate):
    max_pages = MAX_PAGES

    def filterFlowables(self, flowables: list) -> None:  # noqa: N802
        """ReportLab's hook before each flowable: a StartOnRightPage is replaced by its
        blank page when the page after this one would be a left-hand page."""
        first = flowables[0]
        if isinstance(first, StartOnRightPage):
            flowables[0] = None  # ReportLab drops it
            if self.page % 2 == 1:
                flowables[1:1] = first.blank

    def handle_pageBegin(self) -> None:  # noqa: N802
        if self.page >= self.max_pages:
            raise PageLimitError(self.max_pages)
        super().handle_pageBegin()


def render(composed: ComposedDocument, marker: NullMarker | None = None,
           max_pages: int = MAX_PAGES, finish: Finisher | None = None) -> RenderedDocument:
    """Lay out and draw the flowables; return the PDF bytes.

    Tagging is on unless a marker is given: the default is a fresh TaggingMarker,
    whose records ``finish`` (run just before the file is written) turns into the
    structure tree. A document made of
    several parts (a pack) marks the start of each with a ``Part``.
    """
    if marker is None:
        marker = TaggingMarker()
    t = composed.theme
    buffer = io.BytesIO()
    doc = _Template(
        buffer, pagesize=(t.page_width, t.page_height), leftMargin=t.margin_left,
        rightMargin=t.margin_right, topMargin=t.margin_top, bottomMargin=t.margin_bottom,
        title=composed.title, author=composed.author, subject=composed.subject,
        keywords=composed.keywords, creator=f"briefpdf {__version__}", lang=composed.language,
        displayDocTitle=1, producer=f"briefpdf {__version__} (ReportLab)",
        initialFontName=t.body_family.regular, initialFontSize=t.style.sizes.body,
    )
    doc.max_pages = max_pages
    doc.addPageTemplates(_templates(composed))
    part_list = _parts(composed.flowables)
    parts = {f.key: f.composed for f in part_list}
    for key, part in parts.items():
        doc.addPageTemplates(_templates(part, f"-{key}"))
    flowables = [NextPageTemplate("body"), *composed.flowables]
    # ReportLab takes each flowable off this list as it lays it out; with the documents'
    # own lists emptied, a drawn paragraph and its laid-out lines are freed there and
    # then instead of at the end (a 300-briefing pack held every one of them).
    composed.flowables = []
    for part in part_list:
        part.composed.flowables = []

    def make_canvas(*args: Any, **kw: Any) -> _DeferredCanvas:
        return _DeferredCanvas(*args, composed=composed, marker=marker, finish=finish,
                               pdfVersion=(1, 7), **kw)

    doc.build(flowables, canvasmaker=make_canvas)
    pages = doc.canv.pages_written
    _release(doc, composed, part_list)
    return RenderedDocument(buffer.getvalue(), pages, composed, marker=marker)


def _release(doc: BaseDocTemplate, composed: ComposedDocument, parts: list[Part]) -> None:
    """Undo the reference cycles a build makes (the structure tree's parent links, the
    template and its canvas), now that the file is written.

    The cycle collector is off while a document is built (see build.py); anything in a
    cycle, and everything it refers to, would otherwise wait for the next collection,
    which for a 300-briefing pack meant scanning a million objects at once. With the
    cycles gone, reference counting frees a finished build straight away.

    ReportLab's text objects for paragraphs with several fonts or links keep a method
    bound to themselves, and with it the canvas and the PDF document; both are emptied
    (they are never used after saving), so such a cycle holds only itself."""
    for node in composed.root.walk():
        node.parent = None
    for part in parts:  # a pack's part ↔ its briefing
        part.composed = None
    canvas = doc.canv
    vars(pdf_document(canvas)).clear()
    vars(canvas).clear()
    doc.canv = None


def _parts(flowables: list[Flowable]) -> list[Part]:
    """The Parts of a flow, including those on blank pages that may be laid out."""
    found: list[Part] = []
    for f in flowables:
        if isinstance(f, Part):
            found.append(f)
        elif isinstance(f, StartOnRightPage):
            found += _parts(f.blank)
    return found


def _templates(composed: ComposedDocument, suffix: str = "") -> list[PageTemplate]:
    """``first`` (a full-height frame, so a masthead can bleed to the top) and ``body``
    for a document, their names ending in ``suffix`` (a pack has a pair per part)."""
    t = composed.theme
    first = Frame(t.margin_left, t.margin_bottom, t.frame_width, t.first_frame_height,
                  id=f"first{suffix}", leftPadding=0, rightPadding=0, topPadding=0,
                  bottomPadding=0)
    size = (t.page_width, t.page_height)
    return [PageTemplate(f"first{suffix}", [first], onPage=_first_page, pagesize=size),
            PageTemplate(f"body{suffix}", _body_frames(composed, suffix), pagesize=size)]


def _body_frames(composed: ComposedDocument, suffix: str = "") -> list[Frame]:
    """The frames of pages after the first: one column, or ``body_columns`` side by side.
    (The page size, portrait or landscape, comes from the theme.)"""
    t = composed.theme
    columns = max(composed.body_columns, 1)
    gap = t.column_gap if columns > 1 else 0
    width = (t.frame_width - gap * (columns - 1)) / columns
    return [Frame(t.margin_left + i * (width + gap), t.margin_bottom, width,
                  t.page_height - t.margin_top - t.margin_bottom,
                  id=f"body{suffix}" if columns == 1 else f"body{i + 1}{suffix}",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            for i in range(columns)]


def _first_page(canv: Canvas, doc: BaseDocTemplate) -> None:
    canv.showOutline()

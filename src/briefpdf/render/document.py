"""Render a composed document to PDF bytes with ReportLab.

Page one has a full-height frame so the masthead can bleed to the top edge; later
pages use the style's margins. The canvas holds each page back until the end so
the furniture can say "Page N of M" without a second layout pass.
"""

from __future__ import annotations

import io
import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfdoc import PDFPage, PDFString
from reportlab.pdfgen.canvas import Canvas, _annFormat
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from briefpdf import __version__
from briefpdf.compose.document import ComposedDocument
from briefpdf.compose.semantics import NULL_MARKER, NullMarker
from briefpdf.forked import can_fork
from briefpdf.render import halves
from briefpdf.render.furniture import draw_furniture
from briefpdf.render.pdfobjects import Compact, Name
from briefpdf.render.tagging import LinkMark, PageMarks, TaggingMarker, annotation_name

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


@dataclass
class PageNumbers:
    """How a run of pages is numbered, in its footers and in the viewer's page labels."""

    offset: int | None = 0
    """The printed number is the physical page number minus this. None: numbering starts
    at 1 on the first page of the first ``Part`` numbered so (a pack's body, whose first
    page is known only once the front matter is laid out)."""
    total: int | None = None
    """The M of "Page N of M"; None: the printed number of the document's last page."""
    roman: bool = False
    template: str | None = None
    """Replaces the style's "Page {page} of {pages}" (e.g. "{page}" for front matter)."""

    def label(self, physical: int) -> str:
        number = physical - (self.offset or 0)
        return _roman(number) if self.roman else str(number)


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while number >= value:
            out, number = out + letters, number - value
    return out


class Part(Flowable):
    """A zero-size mark that starts a part of a multi-part document (a pack).

    From the page it lands on, pages have the furniture of ``composed`` (none when
    ``furniture`` is false) and are numbered by ``numbers``. ``render`` makes the page
    templates ``first-KEY`` (full-height frame, for a masthead) and ``body-KEY`` from
    ``composed`` for every part. With ``outline``, the part is a top-level bookmark
    (named KEY, a link target) and the outline entries inside it are nested beneath.
    """

    def __init__(self, key: str, composed: ComposedDocument, numbers: PageNumbers, *,
                 furniture: bool = True, outline: str | None = None):
        super().__init__()
        self.key, self.composed, self.numbers, self.furniture = key, composed, numbers, \
            furniture
        self.outline = outline
        self.first_page = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        self.first_page = canv.getPageNumber()
        if self.numbers.offset is None:
            self.numbers.offset = self.first_page - 1
        canv.part = self
        canv.outline_offset = 0
        if self.outline:
            canv.bookmarkPage(self.key)
            canv.addOutlineEntry(self.outline, self.key, level=0, closed=False)
            canv.outline_offset = 1
        label = ("ROMAN_LOWER" if self.numbers.roman else "ARABIC", self.numbers.offset)
        if getattr(canv, "_last_label", None) != label:
            canv.addPageLabel(self.first_page - 1, label[0],
                              start=self.first_page - self.numbers.offset)
            canv._last_label = label


class StartOnRightPage(Flowable):
    """Makes what follows start on a right-hand (odd) page for duplex printing: when the
    next page would be a left-hand one, the ``blank`` flowables (a page that says it is
    blank on purpose) are laid out first. Decided during layout, by the page reached."""

    def __init__(self, blank: list[Flowable]):
        super().__init__()
        self.blank = blank

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass


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
        self._page_links: list[tuple] = []  # this page's annotations (see halves.py)
        self._outline_entries: list[tuple] = []  # this page's outline entries
        self.halves: dict[str, Any] | None = None
        """Set by ``render`` when the layout is shared with a forked child."""

    def draw_later(self, draw: Callable[[Canvas], None]) -> None:
        """Call ``draw(canvas)`` when the document is saved (every page is laid out by
        then). What it draws goes into this page's stream here, where it is called from,
        with the coordinates and graphics state of this moment; the marked-content
        sequence open now stays open around it (see ``TaggingMarker.spliced``)."""
        state = {name: getattr(self, name) for name in self.STATE_ATTRIBUTES}
        self._later.append((len(self._code), state, draw))

    def _draw_spliced(self, later: list[tuple[int, dict, Callable[[Canvas], None]]]) -> None:
        """Run this page's ``draw_later`` callbacks, each into its place in the stream
        (last first, so the earlier places do not move)."""
        for index, state, draw in reversed(later):
            page_code, self._code = self._code, []
            self.saveState()
            self.__dict__.update(state)
            draw(self)
            self.restoreState()
            page_code[index:index], self._code = self._code, page_code

    def bookmarkPage(self, key: str, **kw: Any) -> None:  # noqa: N802
        """Held back with the page: ReportLab resolves a bookmark to the page being
        written, which is only known once the page is really shown in save()."""
        self._bookmarks.append((key, kw))

    def addOutlineEntry(self, title: str, key: str, level: int = 0,  # noqa: N802
                        closed: bool | None = None) -> None:
        """Entries inside a part of a pack are nested beneath the part's own entry."""
        entry = (title, key, level + getattr(self, "outline_offset", 0), closed)
        self._outline_entries.append(entry)
        super().addOutlineEntry(*entry)

    def showPage(self) -> None:  # noqa: N802
        self._pages.append(dict(self.__dict__))
        self._bookmarks = []
        self._later = []
        self._page_links = []
        self._outline_entries = []
        self._startPage()

    def save(self) -> None:
        if self.halves is not None:
            if self.halves["role"] == "child":
                halves.hand_back(self, self.halves["parts"], self.halves["counts"],
                                 self.halves["pipe"])
            self._take_over(halves.receive(self.halves["pipe"], self.halves["pid"]))
        total = len(self._pages)
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
                               head=number > part.first_page, template=numbers.template)
            self.marker.finish_page(self)
            super().showPage()
            shown.append(self._doc.Pages.pages[-1])
        if self.finish is not None:
            self.finish(SavingDocument(self._doc, shown, self.marker))
        super().save()
        self.pages_written = total
        self._pages.clear()  # each held page's state refers back to this list

    def _take_over(self, back: halves.ChildPages) -> None:
        """Append the child's pages to this document's held pages (see halves.py)."""
        offset, nodes, parts = len(self._pages), self.halves["nodes"], self.halves["parts"]
        if offset + len(back.pages) > self.halves["max_pages"]:
            raise PageLimitError(self.halves["max_pages"])
        by_id = {id(part): part for part in parts}
        try:
            for part_id, first in back.first_pages.items():
                by_id[part_id].first_page = first + offset
            base = len(self.marker.links)
            self.marker.links.extend(
                LinkMark(nodes[node] if node is not None else None, page + offset, url, text)
                for node, page, url, text in back.link_marks)
            for name, image in back.images.items():
                if name not in self._doc.idToObject:
                    self._doc.Reference(image, name)
                    self._doc.addForm(name.removeprefix("FormXob."), image)
            last = self._pages[-1]
            for number, page in enumerate(back.pages, start=offset + 1):
                index = number - offset - 1
                state = {**last, **page, "_pageNumber": number, "_later": [],
                         "_page_links": [], "_outline_entries": []}
                part = back.parts[index]
                state["part"] = by_id[part] if part is not None else None
                state["_annotationrefs"] = [self._adopt_link(ann, key, dest, base)
                                            for ann, key, dest in back.links[index]]
                self.marker.pages[number] = PageMarks(nodes=[nodes[n] for n in back.marks[index]])
                for entry in back.outline[index]:
                    Canvas.addOutlineEntry(self, *entry)
                self._pages.append(state)
        except KeyError:  # a node or part made after the fork: not one of ours
            raise halves.HalvesFailed from None

    def _adopt_link(self, ann: Compact, key: int | None, dest: str | None, base: int) -> Any:
        """Register one of the child's link annotations here, renumbered."""
        if key is not None:
            key = ann["StructParent"] = base + key
        name = self._annotation_name(key)
        if dest is not None:
            ann["Dest"] = self._bookmarkReference(dest)
        self._doc.addAnnotation(name, ann)
        return self._doc.refAnnotation(name)

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
        entries = {"Dest": self._bookmarkReference(destinationname), **kw}
        if contents:
            entries["Contents"] = contents
        self._link("#" + destinationname, Rect, relative, color, thickness, dashArray, entries,
                   dest=destinationname)

    def _link(self, url: str, rect: Any, relative: int, color: Any, thickness: int,
              dash: Any, entries: dict[str, Any], dest: str | None = None) -> None:
        """Add a link annotation: shown to the marker (which ties a tagged one to the
        structure tree), with the print flag so print and screen agree."""
        extra = self.marker.link(self, rect, url)
        ann = Compact({"Type": Name("Annot"), "Subtype": Name("Link"),
                       "Rect": list(self._absRect(rect, relative)), "F": 4, **extra, **entries})
        if "Contents" in ann:
            ann["Contents"] = PDFString(ann.entries["Contents"])
        _annFormat(ann, color, thickness, dash)
        key = extra.get("StructParent")
        self._addAnnotation(ann, self._annotation_name(key))
        self._page_links.append((ann, key, dest))


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
           max_pages: int = MAX_PAGES, finish: Finisher | None = None, *,
           shared: bool = False, two_cores: bool = False) -> RenderedDocument:
    """Lay out and draw the flowables; return the PDF bytes.

    Tagging is on unless a marker is given: the default is a fresh TaggingMarker,
    whose records ``finish`` (run just before the file is written) turns into the
    structure tree. A document made of
    several parts (a pack) marks the start of each with a ``Part``.

    ``shared``: fonts get their character codes up front (see halves.py), as they must
    when the layout is shared; ``two_cores``: a big pack's second half is laid out in a
    forked child (raises ``halves.HalvesFailed`` when that cannot be done faithfully).
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
    fonts = halves.seed_text(flowables) if shared else []
    split = halves.split_flow(flowables, Part) if two_cores and can_fork() \
        and isinstance(marker, TaggingMarker) else None
    share: dict[str, Any] | None = None
    if split is not None:
        share = _fork(doc, split, part_list, composed, max_pages)
        flowables = split.parent if share["role"] == "parent" else split.child

    def make_canvas(*args: Any, **kw: Any) -> _DeferredCanvas:
        canvas = _DeferredCanvas(*args, composed=composed, marker=marker, finish=finish,
                                 pdfVersion=(1, 7), **kw)
        counts = halves.seed(canvas._doc, fonts)
        if share is not None:
            canvas.halves = {**share, "counts": counts}
        return canvas

    try:
        doc.build(flowables, canvasmaker=make_canvas)
    except BaseException:
        if share is not None and share["role"] == "parent":
            halves.stop(share["pid"])
        raise
    finally:
        if share is not None and share["role"] == "child":
            os._exit(0)  # the child never returns: it has handed its pages back, or not
    pages = doc.canv.pages_written
    _release(doc, composed, part_list)
    return RenderedDocument(buffer.getvalue(), pages, composed, marker=marker)


def _fork(doc: BaseDocTemplate, split: halves.Split, parts: list[Part],
          composed: ComposedDocument, max_pages: int) -> dict[str, Any]:
    """Fork: the child will lay out ``split.child`` from its own first page; returns what
    this process's canvas needs to know of its role."""
    nodes = {id(node): node for node in composed.root.walk()}
    source, sink = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(source)
        names = [template.id for template in doc.pageTemplates]
        doc._firstPageTemplateIndex = names.index(split.first_template)
        return {"role": "child", "parts": parts, "pipe": sink}
    os.close(sink)
    return {"role": "parent", "parts": parts, "pipe": source, "pid": pid, "nodes": nodes,
            "max_pages": max_pages}


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
    vars(canvas._doc).clear()
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

"""Render a composed document to PDF bytes with ReportLab.

Page one has a full-height frame so the masthead can bleed to the top edge; later
pages use the style's margins. The canvas holds each page back until the end so
the furniture can say "Page N of M" without a second layout pass.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas, _annFormat
from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate

from briefpdf import __version__
from briefpdf.compose.document import ComposedDocument
from briefpdf.compose.semantics import NULL_MARKER, NullMarker
from briefpdf.render.furniture import draw_furniture
from briefpdf.render.tagging import TaggingMarker

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


class _DeferredCanvas(Canvas):
    """Keeps each page's state until save(), then draws the furniture with the total.

    Link annotations are shown to the marker (which ties them to the structure tree)
    and carry the print flag, so print and screen agree.
    """

    def __init__(self, *args: Any, composed: ComposedDocument, marker: NullMarker, **kw: Any):
        super().__init__(*args, **kw)
        self.composed = composed
        self.marker = marker
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            draw_furniture(self, self.composed, number, total)
            self.marker.finish_page(self)
            super().showPage()
        super().save()

    def linkURL(self, url: str, rect: tuple, relative: int = 0, thickness: int = 0,  # noqa: N802
                color: Any = None, dashArray: Any = None, kind: str = "URI",  # noqa: N803
                **kw: Any) -> None:
        kw.update(self.marker.link(self, rect, url))
        if "Contents" in kw:
            kw["Contents"] = PDFString(kw["Contents"])
        kw.setdefault("F", 4)
        super().linkURL(url, rect, relative, thickness, color, dashArray, kind, **kw)

    def linkRect(self, contents: str, destinationname: str, Rect: Any = None,  # noqa: N802,N803
                 addtopage: int = 1, name: str | None = None, relative: int = 1,
                 thickness: int = 0, color: Any = None, dashArray: Any = None,  # noqa: N803
                 **kw: Any) -> None:
        """An internal link, written like linkURL so it can carry StructParent and F."""
        extra = self.marker.link(self, Rect, "#" + destinationname)
        ann = PDFDictionary(dict=kw)
        ann["Type"], ann["Subtype"] = PDFName("Annot"), PDFName("Link")
        ann["Rect"] = PDFArray(self._absRect(Rect, relative))
        ann["Dest"] = self._bookmarkReference(destinationname)
        ann["Contents"] = PDFString(contents or extra.get("Contents", ""))
        if "StructParent" in extra:
            ann["StructParent"] = extra["StructParent"]
        ann["F"] = 4
        _annFormat(ann, color, thickness, dashArray)
        self._addAnnotation(ann, name, addtopage)


class PageLimitError(Exception):
    """Raised when a document grows past MAX_PAGES."""


class _Template(BaseDocTemplate):
    def handle_pageBegin(self) -> None:  # noqa: N802
        if self.page >= MAX_PAGES:
            raise PageLimitError(MAX_PAGES)
        super().handle_pageBegin()


def render(composed: ComposedDocument, marker: NullMarker | None = None) -> RenderedDocument:
    """Lay out and draw the flowables; return the PDF bytes.

    Tagging is on unless a marker is given: the default is a fresh TaggingMarker,
    whose records the finisher turns into the structure tree.
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
    first = Frame(t.margin_left, t.margin_bottom, t.frame_width,
                  t.page_height - t.margin_bottom, id="first", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("first", [first], onPage=_first_page),
                          PageTemplate("body", _body_frames(composed))])
    flowables = [NextPageTemplate("body"), *composed.flowables]

    def make_canvas(*args: Any, **kw: Any) -> _DeferredCanvas:
        return _DeferredCanvas(*args, composed=composed, marker=marker, **kw)

    doc.build(flowables, canvasmaker=make_canvas)
    return RenderedDocument(buffer.getvalue(), doc.page, composed, marker=marker)


def _body_frames(composed: ComposedDocument) -> list[Frame]:
    """The frames of pages after the first: one column, or ``body_columns`` side by side.
    (The page size, portrait or landscape, comes from the theme.)"""
    t = composed.theme
    columns = max(composed.body_columns, 1)
    gap = t.column_gap if columns > 1 else 0
    width = (t.frame_width - gap * (columns - 1)) / columns
    return [Frame(t.margin_left + i * (width + gap), t.margin_bottom, width,
                  t.page_height - t.margin_top - t.margin_bottom,
                  id="body" if columns == 1 else f"body{i + 1}", leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0) for i in range(columns)]


def _first_page(canv: Canvas, doc: BaseDocTemplate) -> None:
    canv.showOutline()

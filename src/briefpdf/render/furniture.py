"""Page furniture drawn on every page, as artifacts: running head, footer, page numbers,
protective marking. Drawn once the page count is known ("Page N of M").

Two accessibility rules (docs/accessibility.md): a running head is kept to at most
seven words (a longer title is shortened with an ellipsis), so it reads as a label,
not a sentence; and on a one-page briefing the footer's text and contacts appear
once, so they are tagged as content at the end of the reading order (the contacts
as links), not artifacts. In a pack, whose briefings may come from different boards
with different footers, a footer line is furniture only if the pack prints it on
enough pages to repeat (``repeated_lines``); a line printed on fewer (the contacts of a
two-page 7-minute briefing from another board) is content, because prose marked as
an artifact is never read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from contextlib import nullcontext
from functools import lru_cache
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from briefpdf.compose.document import ComposedDocument
from briefpdf.compose.markup import link, plain, plain_frags, with_fallback
from briefpdf.compose.semantics import marker_of

REPEATS = 3
"""A footer line printed on this many pages of a file (of six pages or more) repeats:
it is furniture. In a shorter file, on every page (but at least two)."""
HEAD_WORDS = 7
"""A running head longer than this many words is shortened."""
_WORD = re.compile(r"[^\W\d_]{2,}")


def draw_furniture(canv: Any, doc: ComposedDocument, page: int, pages: int,
                   page_label: str | None = None, *, head: bool | None = None,
                   template: str | None = None,
                   furniture: Collection[str] | None = None) -> None:
    """Draw the head (pages 2+, or when ``head``), footer and marking for one page.

    ``template`` replaces the style's page-number format ("Page {page} of {pages}").
    The footer's text and contacts are furniture (artifacts) when ``furniture`` holds
    them; without it, on every page of a document of two pages or more.
    """
    t = doc.theme
    with marker_of(canv).artifact(canv, "Pagination"):
        canv.saveState()
        if (page > 1 if head is None else head) and doc.running_head:
            _running_head(canv, doc)
        if furniture is None:
            furniture = () if pages == 1 else (doc.footer_text, doc.contacts)
        _footer(canv, doc, page_label or str(page), pages, template, furniture)
        if doc.classification:
            _marking(canv, doc, top=t.page_height - 4.2 * mm)
            _marking(canv, doc, top=4.2 * mm + t.style.sizes.small)
        canv.restoreState()


@lru_cache(maxsize=256)
def fit_line(text: str, font: str, size: float, width: float) -> str:
    """``text``, shortened with … if needed so it fits on one line ``width`` wide: page
    furniture repeats text that is printed in full in the body (title, contacts)."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        mid = (low + high + 1) // 2
        if stringWidth(text[:mid].rstrip() + "…", font, size) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def _line(canv: Any, text: str, style: Any, x: float, y: float, width: float,
          markup: str | None = None, doc: ComposedDocument | None = None) -> float:
    """Draw one line of literal text (or of ready ``markup``) with its top at y; return
    its height. With ``doc``, the laid-out line is kept for the document's other pages
    (the same footer on every page is parsed and wrapped once)."""
    key = (text, markup, style.name, width)
    lines = doc.extra.setdefault("furniture_lines", {}) if doc is not None else {}
    found = lines.get(key)
    if found is None:
        text = with_fallback(markup or plain(fit_line(text, style.fontName, style.fontSize,
                                                      width)), style.fontName)
        quick = plain_frags(text, style)  # the page number, on every page: no parser
        para = Paragraph(quick[0], style, frags=quick[1]) if quick else Paragraph(text, style)
        found = lines[key] = (para, para.wrap(width, 1000)[1])
    para, height = found
    para.drawOn(canv, x, y - height)
    return height


def _running_head(canv: Any, doc: ComposedDocument) -> None:
    t = doc.theme
    top = t.page_height - t.margin_top + 8 * mm
    height = _line(canv, short_head(doc.running_head), t.footer, t.margin_left, top,
                   t.frame_width, doc=doc)
    canv.setStrokeColor(t.colours.muted)
    canv.setLineWidth(t.rule_width * 0.6)
    y = top - height - 1.5 * mm
    canv.line(t.margin_left, y, t.page_width - t.margin_right, y)


def _footer(canv: Any, doc: ComposedDocument, page: str, pages: int,
            template: str | None = None, furniture: Collection[str] = ()) -> None:
    t = doc.theme
    rule_y = t.margin_bottom - 6 * mm
    canv.setStrokeColor(t.colours.accent)
    canv.setLineWidth(t.rule_width * 1.6)
    canv.line(t.margin_left, rule_y, t.page_width - t.margin_right, rule_y)
    numbers = (template or t.style.footer.page_numbers).format(page=page, pages=pages)
    number_width = canv.stringWidth(numbers, t.footer_right.fontName, t.footer_right.fontSize) \
        + 2 * mm
    top = rule_y - 1.5 * mm
    _line(canv, numbers, t.footer_right, t.page_width - t.margin_right - number_width,
          top, number_width)
    text_width = t.frame_width - number_width - 4 * mm
    used = 0.0
    if doc.footer_text:
        with _as_content(canv, doc, doc.footer_text not in furniture):
            used = _line(canv, doc.footer_text, t.footer, t.margin_left, top, text_width,
                         doc=doc)
    if doc.contacts:
        content = doc.contacts not in furniture
        with _as_content(canv, doc, content):
            _line(canv, doc.contacts, t.footer, t.margin_left, top - used, text_width,
                  markup=_linked_contacts(doc, content, t.footer, text_width), doc=doc)


def repeated_lines(pages: list[ComposedDocument | None]) -> set[str]:
    """The footer lines (text, contacts) that repeat in a file whose pages have the
    furniture of ``pages`` (None: a page without): those printed on REPEATS pages or
    more, or in a file of fewer than six pages on all of them (and at least two)."""
    needed = REPEATS if len(pages) >= 6 else max(2, len(pages))
    counts = Counter(line for doc in pages if doc is not None
                     for line in {doc.footer_text, doc.contacts} if line)
    return {line for line, count in counts.items() if count >= needed}


def _as_content(canv: Any, doc: ComposedDocument, content: bool) -> Any:
    """A footer line that is not repeated furniture is content (a paragraph in a closing
    Div of the document or part), read once for each page that prints it."""
    if not content:
        return nullcontext()
    footer = doc.extra.get("footer_node")
    if footer is None:
        footer = doc.extra["footer_node"] = doc.root.add("Div")
    return marker_of(canv).content(canv, footer.add("P"))


def _linked_contacts(doc: ComposedDocument, content: bool, style: Any, width: float
                     ) -> str | None:
    """Where the contacts line is content, each contact is a link
    (as many as fit on the line; the feedback panel on the same page lists them all)."""
    rows = [(shown, href) for label, shown, href in doc.extra.get("contact_rows") or []
            if label != "Survey"]
    while content and rows:
        shown = "  ·  ".join(text for text, _ in rows)
        if stringWidth(shown, style.fontName, style.fontSize) <= width:
            return "  ·  ".join(link(text, href, underline=False) for text, href in rows)
        rows.pop()
    return None


def short_head(text: str, limit: int = HEAD_WORDS) -> str:
    """``text`` cut after ``limit`` words (of two or more letters), with an ellipsis."""
    words = list(_WORD.finditer(text))
    if len(words) <= limit:
        return text
    return text[:words[limit - 1].end()] + "…"


def _marking(canv: Any, doc: ComposedDocument, top: float) -> None:
    t = doc.theme
    style = t.marking
    width = min(canv.stringWidth(doc.classification, style.fontName, style.fontSize) + 2,
                t.frame_width)
    _line(canv, doc.classification, style, (t.page_width - width) / 2, top, width, doc=doc)

"""Lay out a big pack on two cores: the second half of its briefings in a forked child.

A pack is one ReportLab document (its fonts and logos embedded once). After composing,
the process forks; both halves hold the same objects at the same addresses, so a node
or a part is named by its ``id``. Before laying anything out, both give every font the
same character codes in the same order (``seed``), so text is encoded identically. The
child lays out the briefings from the split on, as a document of its own, and instead
of writing it hands back each page: its operators and held state, its link
annotations, outline entries and tagging records, and the first page of each part.
The parent lays out the front matter and the first half, then takes the child's pages
over before it writes the file (furniture, contents numbers and the tag tree are drawn
and written then anyway).

Anything unusual (a character or font the seed missed, a failed child) raises
``HalvesFailed``; the pack is then composed again and laid out in one process, with
the same seed, so the bytes are the same either way.
"""

from __future__ import annotations

import os
import signal
import string
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas, ExtGState
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

from briefpdf.forked import receive as forked_receive
from briefpdf.forked import send
from briefpdf.render.pdfobjects import Compact

MIN_PARTS = 24
"""Below this many briefings a pack is laid out in one process."""
EXTRA = string.printable[:95] + "\u00a0•→…·–—‘’“”"
"""Characters seeded in every font besides those of the paragraphs."""
PAGE_KEYS = frozenset({*Canvas.STATE_ATTRIBUTES, "_code", "_bookmarks", "_formsinuse",
                       "_currentPageHasImages", "outline_offset"})
"""What a held page's state has of its own (the rest is the document's)."""


class HalvesFailed(Exception):
    """The child could not lay out its half faithfully: lay the pack out in one process."""


# --- seeding --------------------------------------------------------------------------


def seed_text(flowables: list[Flowable]) -> list[tuple[str, str]]:
    """(font name, characters) to seed, in a fixed order: every font of every paragraph in
    the flow, each with every character of them all (and ``EXTRA``)."""
    fonts: set[str] = set()
    chars: set[str] = set(EXTRA)
    for paragraph in _paragraphs(flowables):
        for frag in paragraph.frags or ():
            name, text = getattr(frag, "fontName", None), getattr(frag, "text", None)
            if isinstance(name, str) and isinstance(text, str):
                fonts.add(name)
                chars.update(text)
    text = "".join(sorted(chars))
    return [(name, text) for name in sorted(fonts)
            if isinstance(pdfmetrics.getFont(name), TTFont)]


def _paragraphs(flowables: list[Flowable]):
    """Every Paragraph in a flow, inside containers too (any attribute holding flowables)."""
    seen: set[int] = set()
    stack: list[Any] = list(flowables)
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
            continue
        if not isinstance(item, Flowable) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, Paragraph):
            yield item
        stack.extend(value for value in vars(item).values()
                     if isinstance(value, (Flowable, list, tuple)))


def seed(doc: Any, fonts: list[tuple[str, str]]) -> dict[str, int]:
    """Give each font its codes for ``fonts`` in ``doc`` (and its internal name, in this
    order); return how many characters each then has."""
    counts = {}
    for name, text in fonts:
        font = pdfmetrics.getFont(name)
        font.splitString(text, doc)
        font.getSubsetInternalName(0, doc)
        counts[name] = len(font.state[doc].assignments)
    return counts


def _unchanged(doc: Any, counts: dict[str, int]) -> bool:
    """No font met a character, and no new font was used, since seeding."""
    if len(doc.fontMapping) != len(counts):
        return False
    return all(len(pdfmetrics.getFont(name).state[doc].assignments) == count
               for name, count in counts.items())


# --- the split ------------------------------------------------------------------------


@dataclass
class Split:
    """Where the child's half starts in the flow, and how."""

    parent: list[Flowable]
    child: list[Flowable]
    first_template: str  # the child's first page template


def split_flow(flowables: list[Flowable], part_type: type) -> Split | None:
    """Cut the flow before the briefing nearest its middle (None for a small pack)."""
    starts = [i for i, f in enumerate(flowables)
              if isinstance(f, part_type) and f.outline is not None]
    if len(starts) < MIN_PARTS:
        return None
    at = min(starts[1:], key=lambda i: abs(i - len(flowables) / 2))
    first, gap, body = flowables[at - 3], flowables[at - 2], flowables[at - 1]
    if not (isinstance(first, NextPageTemplate) and isinstance(gap, PageBreak)
            and isinstance(body, NextPageTemplate)):
        return None
    # (In duplex the briefing's StartOnRightPage stays last in the parent's half: the
    # parent then ends with a blank page when its last page is a right-hand one.)
    return Split(flowables[:at - 3], [body, *flowables[at:]], str(first.action[1]))


# --- handing back ---------------------------------------------------------------------


@dataclass
class ChildPages:
    """What the child hands back."""

    pages: list[dict] = field(default_factory=list)  # page state, plain values only
    parts: list[int | None] = field(default_factory=list)  # id of each page's part
    links: list[list[tuple]] = field(default_factory=list)  # per page (annotation, sp, dest)
    outline: list[list[tuple]] = field(default_factory=list)  # per page
    marks: list[list[int]] = field(default_factory=list)  # per page: node ids by MCID
    link_marks: list[tuple] = field(default_factory=list)  # (node id, page, url, text)
    first_pages: dict[int, int] = field(default_factory=dict)  # part id → its first page
    images: dict[str, Any] = field(default_factory=dict)  # XObject name → object


def hand_back(canvas: Any, parts: list[Any], counts: dict[str, int], out: int) -> None:
    """In the child, at save: send the held pages to the parent (nothing if the seed
    missed something) and leave."""
    try:
        doc = canvas._doc
        if _unchanged(doc, counts):
            back = ChildPages()
            for number, state in enumerate(canvas._pages, start=1):
                page = {k: v for k, v in state.items() if k in PAGE_KEYS}
                if not _plain(page):
                    return  # something that cannot be handed back as a value
                back.pages.append(page)
                part = state.get("part")
                back.parts.append(id(part) if part is not None else None)
                back.links.append([(Compact({k: v for k, v in ann.entries.items()
                                             if k != "Dest"}), key, dest)
                                   for ann, key, dest in state.get("_page_links") or []])
                back.outline.append(state.get("_outline_entries") or [])
                marks = canvas.marker.pages.get(number)
                back.marks.append([id(node) for node in marks.nodes] if marks else [])
            back.link_marks = [(id(m.node) if m.node is not None else None, m.page, m.url,
                                m.text) for m in canvas.marker.links]
            back.first_pages = {id(part): part.first_page for part in parts
                                if part.first_page}
            back.images = {name: obj for name, obj in doc.idToObject.items()
                           if name.startswith("FormXob.")}
            send(out, back)
    finally:
        os._exit(0)


def _plain(value: Any) -> bool:
    """Made of strings, numbers, colours, graphics-state settings and containers of them
    (nothing that drags the document along when pickled)."""
    if value is None or isinstance(value, (str, bytes, int, float)):
        return True
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return isinstance(value, ExtGState) or type(value).__module__ == "reportlab.lib.colors"


def stop(pid: int) -> None:
    """End the child (the parent failed or was interrupted); no zombie is left."""
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass  # already reaped by receive()


def receive(source: int, pid: int) -> ChildPages:
    """In the parent: the child's pages (HalvesFailed when it sent none)."""
    back = forked_receive(source, pid)
    if not isinstance(back, ChildPages):
        raise HalvesFailed
    return back

"""The tagging marker: marked content in the page streams, recorded for the structure tree.

While the flowables draw, the marker writes

* ``/<Role> <</MCID n>> BDC … EMC`` around the drawing of each content node
  (a paragraph, a heading, a figure, a list label …), and remembers
  ``(page, n) → node``;
* ``/Artifact BMC … EMC`` (or ``/Artifact <</Type /Pagination>> BDC``) around
  decoration and page furniture.

Every page stream starts inside an artifact, so anything drawn outside a node
(a panel background, a rule, something a future flowable forgets to mark) is an
artifact, never untagged content. Sequences are never nested: when a content
node starts inside an artifact (or an artifact inside a node) the open sequence
is closed first and the outer one is opened again afterwards, with a new MCID.

Link annotations drawn inside a node get a ``/StructParent`` key, a ``/Contents``
(the link's visible text) and the print flag; the finisher
(:mod:`briefpdf.finish.tagging`) turns the records into the structure tree.

All state is kept per page number, because the render stage holds pages back
and draws their furniture at save time, after every page's content.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from briefpdf.compose.semantics import Node
from briefpdf.seam import page_code

DEFAULT_ARTIFACT = ("artifact", None)


@dataclass
class PageMarks:
    """What one page's stream holds: the node of each MCID, and what is open now."""

    nodes: list[Node] = field(default_factory=list)
    stack: list[tuple] = field(default_factory=list)
    open: tuple = DEFAULT_ARTIFACT
    open_node: Node | None = None
    closed: tuple | None = None  # (code list, its length, node) when a node's sequence ended
    spliced: int = 0  # > 0: drawing into a sequence already open, write no operators


@dataclass
class LinkMark:
    """A link annotation drawn inside ``node`` (its index is the annotation's StructParent)."""

    node: Node | None
    page: int
    url: str
    text: str


class TaggingMarker:
    """Writes marked content and records what the finisher needs for the structure tree."""

    def __init__(self) -> None:
        self.pages: dict[int, PageMarks] = {}
        self.links: list[LinkMark] = []

    # scopes --------------------------------------------------------------------------

    def content(self, canv: Any, node: Node | None, source: Any = None) -> _Scope:
        """Drawing inside belongs to ``node`` (an artifact when ``node`` is None)."""
        if node is None:
            return self.artifact(canv)
        return _Scope(self, canv, ("content", node, source))

    def artifact(self, canv: Any, kind: str = "Layout") -> _Scope:
        """Drawing inside is decoration (``Layout``) or page furniture (``Pagination``)."""
        return _Scope(self, canv, ("artifact", kind))

    @contextmanager
    def spliced(self, canv: Any, node: Node) -> Iterator[None]:
        """Drawing inside goes into a place in the stream where ``node``'s marked content
        is open (a ``draw_later`` callback): no operators are written, and links drawn
        inside belong to ``node``."""
        page = self._page(canv)
        page.spliced += 1
        try:
            with self._scope(canv, ("content", node, None)):
                yield
        finally:
            page.spliced -= 1

    def _scope(self, canv: Any, want: tuple) -> _Scope:
        return _Scope(self, canv, want)

    # links ---------------------------------------------------------------------------

    def link(self, canv: Any, rect: tuple, url: str) -> dict[str, Any]:
        """Extra entries for a link annotation being drawn now: StructParent, Contents."""
        page = self._page(canv)
        top = next((s for s in reversed(page.stack) if s[0] == "content"), None)
        node, source = (top[1], top[2]) if top else (None, None)
        text = link_text(source, url) or (
            "Link to another part of this document" if url.startswith("#") else display_url(url))
        self.links.append(LinkMark(node, canv.getPageNumber(), url, text))
        return {"StructParent": len(self.links) - 1, "Contents": text}

    # pages ---------------------------------------------------------------------------

    def finish_page(self, canv: Any) -> None:
        """Close the page's stream: the default artifact opens it, whatever is open ends it."""
        page = self._page(canv)
        code = page_code(canv)
        code.insert(0, "/Artifact BMC")
        code.append("EMC")
        page.open = DEFAULT_ARTIFACT

    def _page(self, canv: Any) -> PageMarks:
        return self.pages.setdefault(canv.getPageNumber(), PageMarks())

    def _sync(self, canv: Any, page: PageMarks) -> None:
        """Make the open sequence match the innermost scope (or the default artifact)."""
        want = page.stack[-1] if page.stack else DEFAULT_ARTIFACT
        code = page_code(canv)
        if want[0] == "content":
            if page.open[0] == "content" and page.open_node is want[1]:
                return
            node = want[1]
            closed, page.closed = page.closed, None
            if closed and closed[0] is code and closed[1] == len(code) and closed[2] is node:
                code.pop()  # nothing was drawn since this node's sequence ended: reopen it
            else:
                code.append(f"EMC /{node.role} <</MCID {len(page.nodes)}>> BDC")
                page.nodes.append(node)
            page.open, page.open_node = ("content",), node
            return
        if page.open == want:
            return
        kind = want[1]
        opener = "/Artifact BMC" if kind is None else f"/Artifact <</Type /{kind}>> BDC"
        code.append(f"EMC {opener}")
        page.closed = (code, len(code), page.open_node) if page.open[0] == "content" else None
        page.open, page.open_node = want, None


class _Scope:
    """One ``with`` block of the marker: ``want`` is the innermost scope while inside.
    (A plain class: entered for every paragraph, a generator-based context manager
    cost a few per cent of a build.)"""

    __slots__ = ("marker", "canv", "want", "page")

    def __init__(self, marker: TaggingMarker, canv: Any, want: tuple):
        self.marker, self.canv, self.want = marker, canv, want

    def __enter__(self) -> None:
        page = self.page = self.marker._page(self.canv)
        page.stack.append(self.want)
        if not page.spliced:
            self.marker._sync(self.canv, page)

    def __exit__(self, *exc: object) -> None:
        page = self.page
        page.stack.pop()
        if not page.spliced:
            self.marker._sync(self.canv, page)


def link_text(source: Any, url: str) -> str:
    """The visible text of the (first) link to ``url`` in a paragraph; empty when unknown."""
    parts: list[str] = []
    for text, links in _runs(source):
        if any(_href(item) == url for item in links):
            parts.append(text)
        elif parts and text.strip():
            break
    return " ".join("".join(parts).split())


def _runs(source: Any) -> Iterator[tuple[str, list]]:
    """(text, links) for each run of a laid-out ReportLab paragraph, line by line."""
    para = getattr(source, "blPara", None)
    if para is None:
        return
    if getattr(para, "kind", 0) == 0:  # one style throughout: lines are (width, words)
        words = [word for line in para.lines for word in line[1]]
        yield " ".join(words), getattr(para, "link", None) or []
        return
    for line in para.lines:
        for frag in getattr(line, "words", None) or []:
            yield getattr(frag, "text", "") or "", getattr(frag, "link", None) or []
        yield " ", []


def _href(item: Any) -> str | None:
    return item[1] if isinstance(item, tuple) and len(item) == 2 else item


def display_url(url: str) -> str:
    """An address as a person reads it: without mailto: and the scheme."""
    for prefix in ("mailto:", "https://", "http://"):
        url = url.removeprefix(prefix)
    return url.rstrip("/")


def annotation_name(struct_parent: int) -> str:
    """The name ReportLab registers a tagged link annotation under, so the structure
    tree can refer to it (one name per StructParent key)."""
    return f"SP{struct_parent}"

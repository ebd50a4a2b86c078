"""Semantic roles: the structure a tagged PDF and a screen reader see.

Composition builds a tree of :class:`Node` (Document → H1, H2, P, L → LI → Lbl/LBody,
BlockQuote, Figure, Link, ...) in reading order, and every flowable that draws
content points at its node. While drawing, a flowable asks the canvas's *marker*
to open and close marked content for its node; everything drawn outside a node
(bands, rules, page furniture) is marked as an artifact. The render stage decides
which marker is used: :class:`NullMarker` writes nothing extra.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

ROLES = frozenset({
    "Document", "Part", "Sect", "Div", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody",
    "BlockQuote", "Quote", "Figure", "Link", "Table", "TR", "TH", "TD", "Caption", "Note",
    "Span", "TOC", "TOCI",
})


@dataclass(eq=False)
class Node:
    """A structure element: its role, alt text and children in reading order."""

    role: str
    alt: str | None = None
    lang: str | None = None
    title: str | None = None
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)
    attrs: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown structure role {self.role!r}")

    def add(self, role: str, **kw: Any) -> Node:
        """Append and return a new child."""
        child = Node(role, parent=self, **kw)
        self.children.append(child)
        return child

    def walk(self) -> Iterator[Node]:
        """This node and its descendants, depth first, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


class NullMarker:
    """A marker that marks nothing: the canvas stream is left as ReportLab writes it."""

    def content(self, canv: Any, node: Node | None, source: Any = None
                ) -> AbstractContextManager[None]:
        """Drawing inside belongs to ``node``; ``source`` is the flowable drawing it."""
        return _NOTHING

    def artifact(self, canv: Any, kind: str = "Layout") -> AbstractContextManager[None]:
        return _NOTHING

    @contextmanager
    def spliced(self, canv: Any, node: Node) -> Iterator[None]:
        """Drawing inside goes where ``node``'s content is already open (drawn later)."""
        yield

    def link(self, canv: Any, rect: tuple, url: str) -> dict[str, Any]:
        """Called for each link annotation drawn; returns extra annotation entries."""
        return {}

    def finish_page(self, canv: Any) -> None:
        """Called once per page, after its furniture, before the page is written."""


_NOTHING = nullcontext()
NULL_MARKER = NullMarker()


def marker_of(canv: Any) -> NullMarker:
    """The marker attached to a canvas by the render stage (or the null marker)."""
    return getattr(canv, "marker", NULL_MARKER)


class Semantic:
    """Mixin for flowables: drawing happens inside marked content for ``self.node``.

    ``node`` None means the flowable is decoration and is drawn as an artifact.
    Parts produced by ``split`` keep the node, so a paragraph broken across two
    pages is still one structure element.
    """

    node: Node | None = None

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        marker = marker_of(canv)
        scope = marker.content(canv, self.node, source=self) if self.node is not None \
            else marker.artifact(canv)
        with scope:
            super().drawOn(canv, x, y, _sW)  # type: ignore[misc]

    def split(self, availWidth: float, availHeight: float) -> list:  # noqa: N803
        parts = super().split(availWidth, availHeight)  # type: ignore[misc]
        for part in parts:
            if isinstance(part, Semantic) and part.node is None:
                part.node = self.node
        return parts

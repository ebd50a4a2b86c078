"""Flowables with semantic roles: paragraphs, stacks, panels, list items, rules, figures.

Containers (Stack, ListItem) never mark content themselves: their children do, and
anything a container paints (backgrounds, bars) is an artifact.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Image, Paragraph
from reportlab.platypus.flowables import Spacer

from briefpdf.compose.images import image_stream, prepared_image, reuse_compressed
from briefpdf.compose.markup import plain_frags, with_fallback
from briefpdf.compose.semantics import Node, Semantic, marker_of
from briefpdf.seam import image_mask, image_source, set_image_source


class Para(Semantic, Paragraph):
    """A paragraph that belongs to a structure node (P, H1, H2, Lbl, LBody, ...)."""

    def __init__(self, text: str | None, style: Any, node: Node | None = None, **kw: Any):
        if isinstance(text, str) and "frags" not in kw:
            text = with_fallback(text, style.fontName)  # characters the font lacks
            plain = plain_frags(text, style)
            if plain is not None:
                text, kw["frags"] = plain
        super().__init__(text, style, **kw)
        self.node = node
        self._wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """ReportLab breaks the lines again on every call; a paragraph asked again at the
        same width (keep-with-next groups, panels measuring their items) keeps them."""
        if self._wrapped_at == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size


class Heading(Para):
    """A section heading: also an entry in the PDF outline (bookmarks)."""

    def __init__(self, text: str | None, style: Any, node: Node | None = None,
                 outline: str | None = None, level: int = 0, **kw: Any):
        super().__init__(text, style, node, **kw)
        self.outline = outline
        self.level = level

    def draw(self) -> None:
        if self.outline:
            key = f"h{id(self.node)}"
            self.canv.bookmarkHorizontal(key, 0, self.height + self.style.fontSize * 0.5)
            self.canv.addOutlineEntry(self.outline, key, level=self.level, closed=False)
            self.outline = None  # a split heading is bookmarked once
        super().draw()


class Figure(Semantic, Image):
    """An image: a Figure with alt text, or an artifact when ``node`` is None."""

    def __init__(self, filename: str, width: float, height: float, node: Node | None, *,
                 print_size: bool = False, gray: bool = False):
        """``print_size``: embed no more pixels than print needs (logos); ``gray``: in
        grays, for a style that prints in black and white."""
        super().__init__(image_stream(filename), width=width, height=height)
        prepared = prepared_image(filename, width, height, print_size=print_size, gray=gray)
        if prepared is not None:
            set_image_source(self, prepared)  # what Image.draw hands to drawImage
        self.prepared = prepared
        self.node = node

    def draw(self) -> None:
        if self.prepared is None:
            super().draw()
            return
        reader = image_source(self)
        set_image_source(self, reuse_compressed(self.canv, self.prepared, image_mask(self)))
        try:
            super().draw()  # drawImage finds the registered copy by its key
        finally:
            set_image_source(self, reader)


class Rule(Flowable):
    """A short horizontal bar (decoration, drawn as an artifact)."""

    def __init__(self, width: float, thickness: float, colour: Color, *, space_before: float = 0,
                 space_after: float = 0, keep_with_next: bool = True):
        super().__init__()
        self.bar_width, self.thickness, self.colour = width, thickness, colour
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.keepWithNext = keep_with_next

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = min(self.bar_width, availWidth), self.thickness
        return self.width, self.height

    def draw(self) -> None:
        with marker_of(self.canv).artifact(self.canv):
            self.canv.setFillColor(self.colour)
            self.canv.rect(0, 0, self.width, self.thickness, stroke=0, fill=1)


class Gap(Spacer):
    """Vertical space (draws nothing)."""

    def __init__(self, height: float):
        super().__init__(0, height)


class Stack(Flowable):
    """Flowables one above the other, optionally on a panel with a coloured bar.

    It splits across pages between (or inside) its children, repeating the panel.
    ``keep_together``: it splits only when it does not fit on the page it is on, and
    not at all (it moves to the next page) while it is no taller than ``keep_within``
    (a link entry, a callout: never one line of it alone at the foot of a page).
    """

    def __init__(self, items: list[Flowable], node: Node | None = None, *, padding: float = 0,
                 background: Color | None = None, bar: Color | None = None,
                 bar_width: float = 0, space_before: float = 0, space_after: float = 0,
                 keep_together: bool = False, keep_within: float = 0):
        super().__init__()
        self.items = items
        self.node = node
        self.padding, self.background, self.bar, self.bar_width = padding, background, bar, \
            bar_width
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.keep_together, self.keep_within = keep_together, keep_within
        self._layout: list[tuple[Flowable, float, float]] = []

    def _inner_width(self, width: float) -> float:
        return width - 2 * self.padding - self.bar_width

    def _copy_with(self, items: list[Flowable], first: bool) -> Stack:
        copy = Stack(items, self.node, padding=self.padding, background=self.background,
                     bar=self.bar, bar_width=self.bar_width,
                     space_before=self.spaceBefore if first else 0,
                     space_after=0 if first else self.spaceAfter)
        return copy

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        inner = self._inner_width(availWidth)
        layout: list[tuple[Flowable, float, float]] = []
        y = self.padding
        for index, item in enumerate(self.items):
            before = item.getSpaceBefore() if index else 0
            _, height = item.wrap(inner, max(availHeight - y, 0))
            layout.append((item, y + before, height))
            y += before + height + (item.getSpaceAfter() if index < len(self.items) - 1 else 0)
        self._layout = layout
        self.width, self.height = availWidth, y + self.padding
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        if self.keep_together:
            height = self.wrap(availWidth, availHeight)[1]
            if height <= availHeight:
                return [self]
            if height <= self.keep_within:
                return []  # the frame moves it to the next page, whole
        inner = self._inner_width(availWidth)
        room = availHeight - 2 * self.padding
        used = 0.0
        for index, item in enumerate(self.items):
            before = item.getSpaceBefore() if index else 0
            _, height = item.wrap(inner, room - used - before)
            if used + before + height <= room:
                used += before + height + item.getSpaceAfter()
                continue
            parts = item.split(inner, room - used - before) if room - used - before > 0 else []
            head = self.items[:index] + (parts[:1] if parts else [])
            tail = (parts[1:] if parts else [item]) + self.items[index + 1:]
            if not head or not tail:
                return []
            return [self._copy_with(head, True), self._copy_with(tail, False)]
        return [self]

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        if not self._layout:
            self.wrap(self.width, self.height)
        if self.background is not None or self.bar is not None:
            with marker_of(canv).artifact(canv):
                if self.background is not None:
                    canv.setFillColor(self.background)
                    canv.rect(x, y, self.width, self.height, stroke=0, fill=1)
                if self.bar is not None:
                    canv.setFillColor(self.bar)
                    canv.rect(x, y, self.bar_width, self.height, stroke=0, fill=1)
        left = x + self.bar_width + self.padding
        for item, offset, height in self._layout:
            item.drawOn(canv, left, y + self.height - offset - height)


class ListItem(Flowable):
    """A list item: a label in the hanging indent, the body beside it."""

    def __init__(self, label: Flowable | None, body: Stack, indent: float,
                 node: Node | None = None, space_after: float = 0):
        super().__init__()
        self.label, self.body, self.indent, self.node = label, body, indent, node
        self.spaceAfter = space_after
        self._label_height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._label_height = self.label.wrap(self.indent, availHeight)[1] if self.label else 0
        _, body_height = self.body.wrap(availWidth - self.indent, availHeight)
        self.width, self.height = availWidth, max(self._label_height, body_height)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        parts = self.body.split(availWidth - self.indent, availHeight)
        if len(parts) < 2:
            return []
        first = ListItem(self.label, parts[0], self.indent, self.node)
        rest = ListItem(None, parts[1], self.indent, self.node, self.spaceAfter)
        return [first, rest]

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        if self.label is not None:
            self.label.drawOn(canv, x, y + self.height - self._label_height)
        self.body.drawOn(canv, x + self.indent, y + self.height - self.body.height)

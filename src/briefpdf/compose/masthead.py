"""The first-page masthead: a logo strip, then a full-bleed colour band with the
kind badge, title, subtitle and date, finished with an accent stripe."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from briefpdf.compose.flowables import Figure, Para
from briefpdf.compose.images import image_stream
from briefpdf.compose.markup import inline, plain
from briefpdf.compose.semantics import Node, marker_of
from briefpdf.compose.theme import Theme
from briefpdf.model.images import image_size
from briefpdf.model.style import Logo


def logo_figures(logos: list[Logo], parent: Node, theme: Theme | None = None) -> list[Figure]:
    """Each logo as a Figure at its styled height, keeping its aspect ratio (in grays
    when the theme prints in grays)."""
    figures = []
    for logo in logos:
        # (its size as the style check found it, kept per process and on disk: opening
        # the file again for every briefing of a pack cost a pack a tenth of a second)
        width, height = image_size(logo.file) or ImageReader(image_stream(logo.file)).getSize()
        figures.append(Figure(logo.file, logo.height * width / height, logo.height,
                              parent.add("Figure", alt=logo.alt), print_size=True,
                              gray=theme is not None and theme.style.grayscale))
    return figures


class Masthead(Flowable):
    """Drawn at the very top of page one; it bleeds to the page edges."""

    def __init__(self, theme: Theme, root: Node, *, title: str, subtitle: str | None,
                 kind: str | None, meta: str, organisation: str | None,
                 marked: bool = False):
        super().__init__()
        self.theme = theme
        t = theme
        header = root.add("Div")
        self.organisation = Para(plain(organisation), t.organisation, header.add("P")) \
            if organisation and len(t.style.logos) != 1 else None
        # one logo is the organisation's own wordmark; partner logos need the name beside them
        self.logos = logo_figures(t.style.logos, header, t)
        self.badge = Para(plain(kind), t.badge, root.add("P")) if kind else None
        self.title = Para(inline(title), t.title, root.add("H1"))
        self.subtitle = Para(inline(subtitle), t.subtitle, root.add("P")) if subtitle else None
        self.meta = Para(plain(meta), t.masthead_meta, root.add("P")) if meta else None
        self.pad = 7 * mm
        self.logo_gap = 6 * mm
        self.stripe = 1.6 * mm
        # a protective marking is printed at the top edge: keep the logos clear of it
        self.top_clearance = t.style.sizes.small * 1.6 if marked else 0.0

    # geometry ---------------------------------------------------------------------------

    def _strip_height(self) -> float:
        tallest = max((f.drawHeight for f in self.logos), default=0)
        if self.organisation:
            tallest = max(tallest, self._org_height)
        strip = tallest + 2 * self.pad if tallest else self.pad
        return strip + self.top_clearance

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        t = self.theme
        logos_width = sum(f.drawWidth for f in self.logos) + self.logo_gap * max(
            len(self.logos) - 1, 0)
        self._org_height = 0.0
        if self.organisation:
            room = max(availWidth - logos_width - self.logo_gap, availWidth * 0.3)
            self._org_width = room
            self._org_height = self.organisation.wrap(room, availHeight)[1]
        self._band_parts = []
        for part in (self.title, self.subtitle, self.meta):
            if part is not None:
                self._band_parts.append((part, part.wrap(availWidth, availHeight)[1]))
        self._badge_size = (0.0, 0.0)
        if self.badge:
            w = min(self.badge.minWidth() + 1, availWidth)
            self._badge_size = (w, self.badge.wrap(w, availHeight)[1])
        band = self.pad * 1.2 + sum(h + p.getSpaceBefore() for p, h in self._band_parts) \
            + self.pad * 1.3
        if self.badge:
            band += self._badge_size[1] + 2 * t.style.sizes.small * 0.5 + 3 * mm
        self._band_height = band
        self.width = availWidth
        self.height = self._strip_height() + band + self.stripe + t.gap * 2.5
        return self.width, self.height

    # drawing ----------------------------------------------------------------------------

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        t = self.theme
        top = y + self.height
        strip = self._strip_height()
        band_top = top - strip
        band_bottom = band_top - self._band_height
        with marker_of(canv).artifact(canv):
            canv.saveState()
            canv.setFillColor(t.colours.primary)
            canv.rect(0, band_bottom, t.page_width, self._band_height, stroke=0, fill=1)
            canv.setFillColor(t.colours.accent)
            canv.rect(0, band_bottom - self.stripe, t.page_width, self.stripe, stroke=0, fill=1)
            canv.restoreState()
        middle = top - self.top_clearance - (strip - self.top_clearance) / 2
        if self.organisation:
            self.organisation.drawOn(canv, x, middle - self._org_height / 2)
        right = x + self.width
        for figure in reversed(self.logos):
            right -= figure.drawWidth
            figure.drawOn(canv, right, middle - figure.drawHeight / 2)
            right -= self.logo_gap
        cursor = band_top - self.pad * 1.2
        if self.badge:
            self._draw_badge(canv, x, cursor)
            cursor -= self._badge_size[1] + 2 * t.style.sizes.small * 0.5 + 3 * mm
        for part, height in self._band_parts:
            cursor -= part.getSpaceBefore() + height
            part.drawOn(canv, x, cursor)

    def _draw_badge(self, canv: Any, x: float, top: float) -> None:
        t = self.theme
        width, height = self._badge_size
        pad_x, pad_y = t.style.sizes.small * 0.9, t.style.sizes.small * 0.5
        with marker_of(canv).artifact(canv):
            canv.saveState()
            canv.setFillColor(t.colours.accent)
            canv.roundRect(x, top - height - 2 * pad_y, width + 2 * pad_x, height + 2 * pad_y,
                           radius=(height + 2 * pad_y) / 2, stroke=0, fill=1)
            canv.restoreState()
        self.badge.drawOn(canv, x + pad_x, top - pad_y - height)

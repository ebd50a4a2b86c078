"""The 7-minute briefing: seven numbered panels around a title panel on one A4 landscape
page, then a worksheet page (reflective questions, action plan, feedback).

The page is a grid of three columns: panels 1–3 down the left, the title panel with
panel 4 beneath it in the centre, panels 5–7 down the right. All panel text is set at
one size: the body size if everything fits, otherwise the largest size, in steps of
``Theme.FIT_STEP`` and never below ``Theme.MIN_FIT_SIZE``, at which every panel fits.
Spare height is shared out so that rows line up across the page. Panels are drawn in
number order, so the reading order (and the structure tree) runs title, 1 … 7.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import ActionFlowable, Flowable, PageBreak

from briefpdf.compose.blocks import BlockComposer
from briefpdf.compose.flowables import Heading, Para, Stack
from briefpdf.compose.markup import inline, plain
from briefpdf.compose.masthead import logo_figures
from briefpdf.compose.semantics import Node, marker_of
from briefpdf.compose.theme import Theme
from briefpdf.compose.worksheet import worksheet_columns
from briefpdf.errors import InputError, Problem
from briefpdf.model.briefing import Feedback, Section
from briefpdf.model.document import LoadedBriefing
from briefpdf.model.inline import plain_text

PANELS = 7
SIDE_COLUMNS = ((0, 1, 2), (4, 5, 6))
"""Section indexes down the left and the right column; section 3 sits under the title."""
CENTRE = 3
BODY_COLUMNS = 2
"""Page two (and any later page) is set in two columns."""
_TALL = 1e6


@dataclass(frozen=True)
class Box:
    """A rectangle in page coordinates (points, origin bottom left)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width


def page_area(theme: Theme) -> Box:
    """The part of the landscape page inside the style's margins (the top one is
    ``Theme.panel_page_top``: page one has no running head to make room for)."""
    return Box(theme.margin_left, theme.margin_bottom, theme.frame_width,
               theme.page_height - theme.panel_page_top - theme.margin_bottom)


def column_boxes(theme: Theme) -> list[Box]:
    """The three equal columns of the panel grid, left to right."""
    area, gap = page_area(theme), theme.gutter
    width = (area.width - 2 * gap) / 3
    return [Box(area.x + i * (width + gap), area.y, width, area.height) for i in range(3)]


# --- panels --------------------------------------------------------------------------------


class Panel:
    """One numbered section composed at one text size, not yet attached to the tree."""

    def __init__(self, number: int, section: Section, base: Theme, composer: BlockComposer):
        self.number, self.section, self.t = number, section, base
        self.node = Node("Sect")
        self.heading_node = self.node.add("H2")
        self.heading = Heading(composer.text(section.heading), base.panel_heading,
                               self.heading_node,
                               outline=f"{number}. {plain_text(section.heading)}")
        items: list[Flowable] = []
        for block in section.content:
            items.extend(composer.block(block, self.node))
        if section.links:
            items.extend(composer.link_list(section.links, self.node))
        items.extend(composer.link_notes(self.node))  # inline links' addresses, if asked
        self.content = Stack(items)
        self.leading = composer.t.body.leading
        self._header = self._heading_h = self._content_h = 0.0

    def measure(self, width: float) -> float:
        """The height this panel needs at ``width`` (padding included)."""
        t = self.t
        inner = width - 2 * t.panel_padding
        diameter = t.badge_diameter
        self._heading_h = self.heading.wrap(inner - diameter - t.gap, _TALL)[1]
        self._header = max(diameter, self._heading_h)
        self._content_h = self.content.wrap(inner, _TALL)[1] if self.content.items else 0.0
        gap = t.gap if self.content.items else 0.0
        return 2 * t.panel_padding + self._header + gap + self._content_h

    def draw(self, canv: Any, box: Box) -> None:
        t = self.t
        pad, diameter = t.panel_padding, t.badge_diameter
        top = box.top - pad
        with marker_of(canv).artifact(canv):
            canv.saveState()
            canv.setFillColor(t.colours.panel)
            canv.roundRect(box.x, box.y, box.width, box.height, t.panel_radius, stroke=0,
                           fill=1)
            canv.setFillColor(t.colours.accent)
            canv.circle(box.x + pad + diameter / 2, top - diameter / 2, diameter / 2,
                        stroke=0, fill=1)
            canv.restoreState()
        numeral = t.numeral
        # The number and the heading are one marked-content sequence of the H2 node, so
        # the heading reads "1 Background" (the heading's own scope nests in this one).
        with marker_of(canv).content(canv, self.heading_node):
            canv.saveState()
            canv.setFillColor(numeral.textColor)
            canv.setFont(numeral.fontName, numeral.fontSize)
            canv.drawCentredString(box.x + pad + diameter / 2,
                                   top - diameter / 2 - numeral.fontSize * 0.35,
                                   str(self.number))
            canv.restoreState()
            heading_top = top - max((diameter - self._heading_h) / 2, 0)
            self.heading.drawOn(canv, box.x + pad + diameter + t.gap,
                                heading_top - self._heading_h)
        if self.content.items:
            content_top = top - self._header - t.gap
            self.content.drawOn(canv, box.x + pad, content_top - self._content_h)

    def words(self) -> int:
        """How many words the section's text holds (for the 'cut about N words' hint)."""
        def text_of(value: Any) -> str:
            if isinstance(value, str):
                return "" if value.startswith(("http://", "https://")) else value
            if isinstance(value, dict):
                return " ".join(text_of(v) for k, v in value.items() if k != "url")
            if isinstance(value, list):
                return " ".join(text_of(v) for v in value)
            return ""

        dumped = asdict(self.section)
        return len(text_of([dumped["content"], dumped["links"]]).split())


# --- the title panel -----------------------------------------------------------------------


class TitlePanel:
    """The centre panel: logos (or the organisation) on white, then a colour block with
    the kind badge, title, subtitle and date."""

    def __init__(self, theme: Theme, root: Node, *, title: str, subtitle: str | None,
                 kind: str | None, meta: str, organisation: str | None,
                 summary: str | None = None):
        t = self.t = theme
        header = root.add("Div")
        self.logos = logo_figures(t.style.logos, header)
        self.organisation = Para(plain(organisation), t.organisation, header.add("P")) \
            if organisation and not self.logos else None
        self.badge = Para(plain(kind), t.badge, root.add("P")) if kind else None
        self.badge_width = stringWidth(kind, t.badge.fontName, t.badge.fontSize) if kind \
            else 0.0
        self.title_node = root.add("H1")
        self.title_text = inline(title)
        self.subtitle = Para(inline(subtitle), t.subtitle, root.add("P")) if subtitle else None
        self.meta = Para(plain(meta), t.masthead_meta, root.add("P")) if meta else None
        self.summary = Para(inline(summary), t.standfirst_on_primary, root.add("P")) \
            if summary else None
        self.title = Para(self.title_text, t.title, self.title_node)
        self._parts: list[tuple[Flowable, float]] = []
        self._badge_size = (0.0, 0.0)

    def title_sizes(self) -> list[float]:
        """The centre title size, then smaller in whole points down to 70 % of the
        style's title size."""
        size = self.t.centre_title_size
        floor = max(self.t.style.sizes.title * 0.7, self.t.style.sizes.heading)
        return [size - step for step in range(int(size - floor) + 1)]

    # logos strip ----------------------------------------------------------------------

    def _logo_row(self, width: float) -> tuple[float, float, float]:
        """The gap between logos, the scale that fits them in ``width``, the row width."""
        gap = self.t.gap * 1.5
        natural = sum(f.drawWidth for f in self.logos) + gap * (len(self.logos) - 1)
        scale = min(1.0, width / natural)
        return gap * scale, scale, natural * scale

    def strip_height(self, width: float) -> float:
        """Height of the logo strip above the colour block (0 when there is nothing)."""
        if self.logos:
            return max(f.drawHeight for f in self.logos) * self._logo_row(width)[1]
        if self.organisation:
            return self.organisation.wrap(width, _TALL)[1]
        return 0.0

    def _draw_strip(self, canv: Any, box: Box) -> None:
        if self.organisation:
            height = self.organisation.wrap(box.width, _TALL)[1]
            self.organisation.drawOn(canv, box.x, box.top - height)
            return
        gap, scale, row = self._logo_row(box.width)
        x = box.x + (box.width - row) / 2
        for figure in self.logos:
            width, height = figure.drawWidth, figure.drawHeight
            figure.drawWidth, figure.drawHeight = width * scale, height * scale
            figure.drawOn(canv, x, box.top - figure.drawHeight)
            figure.drawWidth, figure.drawHeight = width, height
            x += width * scale + gap

    # colour block ---------------------------------------------------------------------

    def measure(self, width: float, title_size: float) -> float:
        """The height the colour block needs at ``width`` with the title at ``title_size``."""
        t = self.t
        inner = width - 2 * self._pad
        self.title = Para(self.title_text, t.title_at(title_size), self.title_node)
        self._parts = [(part, part.wrap(inner, _TALL)[1])
                       for part in (self.title, self.subtitle, self.meta, self.summary)
                       if part is not None]
        height = sum(h + (p.getSpaceBefore() if i else 0) for i, (p, h) in
                     enumerate(self._parts))
        if self.badge:
            badge_w = min(self.badge_width + 1, inner - 2 * self._badge_pad[0])
            self._badge_size = (badge_w, self.badge.wrap(badge_w, _TALL)[1])
            height += self._badge_size[1] + 2 * self._badge_pad[1] + t.gap
        return height + 2 * self._pad

    @property
    def _pad(self) -> float:
        return self.t.panel_padding * 1.5

    @property
    def _badge_pad(self) -> tuple[float, float]:
        small = self.t.style.sizes.small
        return small * 0.9, small * 0.5

    def draw(self, canv: Any, strip: Box, block: Box) -> None:
        t = self.t
        self._draw_strip(canv, strip)
        with marker_of(canv).artifact(canv):
            canv.saveState()
            canv.setFillColor(t.colours.primary)
            canv.roundRect(block.x, block.y, block.width, block.height, t.panel_radius,
                           stroke=0, fill=1)
            canv.restoreState()
        need = self.measure(block.width, self.title.style.fontSize)
        cursor = block.top - self._pad - (block.height - need) / 2
        x = block.x + self._pad
        if self.badge:
            (width, height), (pad_x, pad_y) = self._badge_size, self._badge_pad
            with marker_of(canv).artifact(canv):
                canv.saveState()
                canv.setFillColor(t.colours.accent)
                canv.roundRect(x, cursor - height - 2 * pad_y, width + 2 * pad_x,
                               height + 2 * pad_y, radius=(height + 2 * pad_y) / 2,
                               stroke=0, fill=1)
                canv.restoreState()
            self.badge.drawOn(canv, x + pad_x, cursor - pad_y - height)
            cursor -= height + 2 * pad_y + t.gap
        for index, (part, height) in enumerate(self._parts):
            cursor -= (part.getSpaceBefore() if index else 0) + height
            part.drawOn(canv, x, cursor)


# --- fitting -------------------------------------------------------------------------------


@dataclass
class Arrangement:
    """Where everything goes: a box per panel number, the logo strip and the title block."""

    panels: dict[int, Box]
    strip: Box
    title: Box


def _spread(needs: list[float], height: float, gap: float) -> list[float] | None:
    """Heights for panels stacked in ``height``: each its need plus an equal share of
    what is left; None when they do not fit."""
    spare = height - sum(needs) - gap * (len(needs) - 1)
    if spare < 0:
        return None
    return [need + spare / len(needs) for need in needs]


def _stack(column: Box, heights: list[float], gap: float) -> list[Box]:
    boxes, top = [], column.top
    for height in heights:
        boxes.append(Box(column.x, top - height, column.width, height))
        top -= height + gap
    return boxes


def arrange(theme: Theme, needs: list[float], title_need: float, strip: float
            ) -> Arrangement | None:
    """Lay the panels out in the three columns, or None if they do not fit."""
    left, centre, right = column_boxes(theme)
    gap = theme.gutter
    left_needs = [needs[i] for i in SIDE_COLUMNS[0]]
    right_needs = [needs[i] for i in SIDE_COLUMNS[1]]
    row_needs = [max(a, b) for a, b in zip(left_needs, right_needs, strict=True)]
    rows = _spread(row_needs, left.height, gap)
    if rows is not None:
        left_heights = right_heights = rows
    else:
        left_heights = _spread(left_needs, left.height, gap)
        right_heights = _spread(right_needs, right.height, gap)
        if left_heights is None or right_heights is None:
            return None
    boxes: dict[int, Box] = {}
    for indexes, column, heights in ((SIDE_COLUMNS[0], left, left_heights),
                                     (SIDE_COLUMNS[1], right, right_heights)):
        for index, box in zip(indexes, _stack(column, heights, gap), strict=True):
            boxes[index + 1] = box
    below_strip = centre.height - (strip + gap if strip else 0)
    centre_height = _centre_panel_height(needs[CENTRE], title_need, below_strip, gap,
                                         left_heights)
    if centre_height is None:
        return None
    boxes[CENTRE + 1] = Box(centre.x, centre.y, centre.width, centre_height)
    strip_box = Box(centre.x, centre.top - strip, centre.width, strip)
    title_top = centre.top - (strip + gap if strip else 0)
    title_box = Box(centre.x, centre.y + centre_height + gap, centre.width,
                    title_top - (centre.y + centre_height + gap))
    return Arrangement(boxes, strip_box, title_box)


def _centre_panel_height(need: float, title_need: float, room: float, gap: float,
                         left: list[float]) -> float | None:
    """Panel 4's height: lined up with the top of panel 3 or panel 2 when it fits,
    keeping the title block and panel 4 as evenly roomy as possible."""
    if title_need + gap + need > room:
        return None
    aligned = [left[2], left[1] + gap + left[2]]
    fitting = [h for h in aligned if h >= need and room - gap - h >= title_need]
    if fitting:
        return max(fitting, key=lambda h: min(h - need, room - gap - h - title_need))
    return need + (room - gap - title_need - need) / 2


def _sizes(theme: Theme) -> list[float]:
    """Body size, then smaller in FIT_STEP steps down to MIN_FIT_SIZE."""
    body, low, step = theme.style.sizes.body, theme.MIN_FIT_SIZE, theme.FIT_STEP
    if body <= low:
        return [body]
    count = int(math.floor((body - low) / step + 1e-9))
    sizes = [body - i * step for i in range(count + 1)]
    return sizes if sizes[-1] <= low + 1e-9 else [*sizes, low]


@dataclass
class _Attempt:
    """The panels composed at one size, what they need, and where they go (if they fit)."""

    panels: list[Panel]
    needs: list[float]
    title_need: float
    arrangement: Arrangement | None


class SevenMinuteFitter:
    """Finds the largest text size at which all seven panels fit around the title."""

    def __init__(self, loaded: LoadedBriefing, theme: Theme, title: TitlePanel):
        self.loaded, self.t, self.title = loaded, theme, title
        self.width = column_boxes(theme)[0].width
        self.plain = theme.with_link_codes(False)
        self.strip = title.strip_height(self.width)

    def panels_at(self, size: float) -> list[Panel]:
        """The seven panels composed with text at ``size``. QR codes beside link entries
        are left to links that ask with ``qr: true``: the style's default is for pages
        that flow, and the panel page has no room to spare."""
        text = self.plain.at_body_size(size)
        # The panel is the frame its content is laid into: images are at most as wide as
        # the panel and (BlockComposer caps them at 70 % of the frame) a third of a column.
        text.frame_width = self.width - 2 * self.t.panel_padding
        text.page_height = text.margin_top + text.margin_bottom \
            + column_boxes(self.t)[0].height / 2.1
        composer = BlockComposer(text, self.loaded.path.parent)
        return [Panel(i + 1, s, self.t, composer)
                for i, s in enumerate(self.loaded.briefing.sections)]

    def fit(self) -> tuple[list[Panel], Arrangement]:
        """The panels and their boxes at the largest size that fits (the body size, or
        a smaller one found by bisection: smaller text never needs more room);
        InputError naming the panels that cannot fit even at the smallest size."""
        sizes = _sizes(self.t)
        first = self._try(sizes[0])
        if first.arrangement is not None or len(sizes) == 1:
            return self._done(first)
        last = self._try(sizes[-1])
        if last.arrangement is None:
            raise InputError(self._overflow(last))
        fits, low, high = last, 0, len(sizes) - 1  # sizes[low] fails, sizes[high] fits
        while high - low > 1:
            middle = (low + high) // 2
            attempt = self._try(sizes[middle])
            if attempt.arrangement is not None:
                high, fits = middle, attempt
            else:
                low = middle
        return self._done(fits)

    def _try(self, size: float) -> _Attempt:
        panels = self.panels_at(size)
        needs = [panel.measure(self.width) for panel in panels]
        for title_size in self.title.title_sizes():
            title_need = self.title.measure(self.width, title_size)
            found = arrange(self.t, needs, title_need, self.strip)
            if found is not None:
                return _Attempt(panels, needs, title_need, found)
        return _Attempt(panels, needs, title_need, None)

    def _done(self, attempt: _Attempt) -> tuple[list[Panel], Arrangement]:
        if attempt.arrangement is None:
            raise InputError(self._overflow(attempt))
        return attempt.panels, attempt.arrangement

    def _overflow(self, attempt: _Attempt) -> list[Problem]:
        """One problem per column that overflows, at its longest panel's heading."""
        panels, needs, title_need = attempt.panels, attempt.needs, attempt.title_need
        t, gap = self.t, self.t.gutter
        height = column_boxes(t)[0].height
        columns = [(SIDE_COLUMNS[0], height), (SIDE_COLUMNS[1], height),
                   ((CENTRE,), height - title_need - gap - (self.strip + gap if self.strip
                                                             else 0))]
        problems = []
        for indexes, room in columns:
            excess = sum(needs[i] for i in indexes) + gap * (len(indexes) - 1) - room
            if excess <= 0:
                continue
            if indexes == (CENTRE,) and title_need > needs[CENTRE]:
                problems.append(self._title_problem(excess))
                continue
            worst = max(indexes, key=lambda i: needs[i])
            problems.append(self._problem(panels[worst], indexes, excess))
        return problems or [self.loaded.source.problem(("sections",), (
            "the seven panels do not fit on one page even at "
            f"{t.MIN_FIT_SIZE:g} pt; cut some words, or use layout: standard"), key=True)]

    def _title_problem(self, excess: float) -> Problem:
        return self.loaded.source.problem(("title",), (
            f"the title panel of the seven-minute page is {excess * 25.4 / 72:.0f} mm too "
            "tall to leave room for panel 4 beneath it, even with the smallest title; "
            "shorten the title, subtitle or summary"), key=True)

    def _problem(self, panel: Panel, column: tuple[int, ...], excess: float) -> Problem:
        mm = excess * 25.4 / 72
        lines = max(1, math.ceil(excess / panel.leading))
        words = max(1, math.ceil(panel.words() * excess / max(panel._content_h, 1.0)))
        others = [str(i + 1) for i in column if i + 1 != panel.number]
        where = f" (or from panels {' and '.join(others)} in the same column)" if others else ""
        heading = plain_text(self.loaded.briefing.sections[panel.number - 1].heading)
        message = (f"panel {panel.number} '{heading}' does not fit on the seven-minute page, "
                   f"even with its text at {self.t.MIN_FIT_SIZE:g} pt: it overflows by "
                   f"{mm:.0f} mm (about {lines} line{'s' if lines != 1 else ''}); cut about "
                   f"{words} words from this section{where}, or use layout: standard")
        return self.loaded.source.problem(("sections", panel.number - 1, "heading"), message)


# --- the page ------------------------------------------------------------------------------


class SevenMinutePage(Flowable):
    """Page one: the title panel and seven panels, drawn at fixed page positions."""

    def __init__(self, title: TitlePanel, panels: list[Panel], arrangement: Arrangement):
        super().__init__()
        self.title_panel, self.panels, self.arrangement = title, panels, arrangement

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = availWidth, max(availHeight - 1, 0)
        return self.width, self.height

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        a = self.arrangement
        self.title_panel.draw(canv, a.strip, a.title)
        for panel in self.panels:
            panel.measure(a.panels[panel.number].width)
            panel.draw(canv, a.panels[panel.number])


class NextColumn(ActionFlowable):
    """Move on to the next column, unless already in the last column of the page."""

    def __init__(self) -> None:
        super().__init__()

    def apply(self, doc: Any) -> None:
        frames = doc.pageTemplate.frames
        if doc.frame is not frames[-1]:
            doc.handle_frameEnd()


def _adopt(parent: Node, nodes: list[Node]) -> None:
    for node in nodes:
        node.parent = parent
        parent.children.append(node)


def seven_minute_flow(loaded: LoadedBriefing, theme: Theme, root: Node, meta: str,
                      feedback: Feedback | None) -> list[Flowable]:
    """The flowables of a seven-minute briefing: the panel page, then the worksheet."""
    b, style = loaded.briefing, loaded.style
    title = TitlePanel(theme, root, title=b.title, subtitle=b.subtitle, kind=b.kind, meta=meta,
                       organisation=style.organisation, summary=b.summary)
    panels, arrangement = SevenMinuteFitter(loaded, theme, title).fit()
    _adopt(root, [panel.node for panel in panels])
    flow: list[Flowable] = [SevenMinutePage(title, panels, arrangement)]
    worksheet = worksheet_flow(loaded, theme, root, feedback)
    return [*flow, PageBreak(), *worksheet] if worksheet else flow


def worksheet_flow(loaded: LoadedBriefing, theme: Theme, root: Node,
                   feedback: Feedback | None) -> list[Flowable]:
    """Page two in two columns, fitted to the page (see compose/worksheet.py)."""
    left, right = worksheet_columns(loaded, theme, root, feedback, BODY_COLUMNS)
    if left and right:
        return [*left, NextColumn(), *right]
    return left + right

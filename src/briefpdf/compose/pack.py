"""Compose a training pack: cover, intro, contents, then each briefing on fresh pages.

The whole pack is one flow of flowables for one ReportLab document, so fonts and
logos are embedded once, page numbers run through the pack, and the outline, links
and page labels are written by ReportLab. Each briefing starts with a ``Part``: its
page templates, furniture, numbering and bookmark (its sections nest beneath it).

A pack is laid out once. Where the duplex blank pages go is decided during layout
(``StartOnRightPage``: a blank page only when a briefing would otherwise start on a
left-hand page), and the contents page numbers are drawn when the document is saved,
once every briefing's first page is known (``draw_later``); their column has a fixed
width, so the layout does not depend on them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from briefpdf.compose.document import ComposedDocument, compose_briefing
from briefpdf.compose.flowables import ListItem, Para, Rule, Stack
from briefpdf.compose.markup import inline, link, plain
from briefpdf.compose.masthead import logo_figures
from briefpdf.compose.parts import PageNumbers, Part, StartOnRightPage
from briefpdf.compose.semantics import Node, marker_of
from briefpdf.compose.theme import Theme
from briefpdf.model.inline import plain_text
from briefpdf.model.pack import LoadedPack
from briefpdf.model.rules import format_date

MAX_PACK_PAGES = 1000
"""A pack longer than this is almost certainly a mistake (see docs/packs.md)."""
BLANK_NOTE = "This page is intentionally left blank"


@dataclass
class Entry:
    """What the cover list, the contents and the outline say about one briefing."""

    key: str
    name: str
    detail: str
    outline: str
    composed: ComposedDocument
    part: Part | None = None
    """Where the briefing starts, once it is placed in the flow."""


@dataclass
class ComposedPack:
    """The composed pack: one document, and the parts that start its front matter and
    each briefing (their ``first_page`` is known once it is laid out)."""

    document: ComposedDocument
    front: Part | None
    briefings: list[Part] = field(default_factory=list)


class PackStyles:
    """Paragraph styles of the front matter, derived from the pack style's theme."""

    def __init__(self, t: Theme):
        self.cover_title = ParagraphStyle("cover-title", parent=t.title,
                                          fontSize=t.title.fontSize * 1.35,
                                          leading=t.title.fontSize * 1.35 * 1.1)
        self.cover_subtitle = ParagraphStyle("cover-subtitle", parent=t.subtitle,
                                             fontSize=t.subtitle.fontSize * 1.2,
                                             leading=t.subtitle.fontSize * 1.2 * 1.25)
        self.h1 = ParagraphStyle("pack-h1", parent=t.heading, fontSize=t.heading.fontSize * 1.4,
                                 leading=t.heading.fontSize * 1.4 * 1.2, spaceBefore=0,
                                 spaceAfter=t.gap * 1.5)
        self.name = ParagraphStyle("pack-entry", parent=t.link_title,
                                   fontSize=t.link_title.fontSize * 1.1,
                                   leading=t.link_title.fontSize * 1.1 * 1.3)
        self.detail = t.link_url
        self.number = ParagraphStyle("pack-number", parent=self.name,
                                     alignment=t.footer_right.alignment)
        self.blank = ParagraphStyle("pack-blank", parent=t.body, textColor=t.colours.muted,
                                    alignment=1)


def compose_pack(pack: LoadedPack) -> ComposedPack:
    """The pack as one flow of flowables."""
    spec = pack.spec
    theme = Theme(pack.style)
    styles = PackStyles(theme)
    first = pack.briefings[0].briefing
    root = Node("Document", lang=first.language)
    entries = [_entry(index, loaded, theme, root) for index, loaded in enumerate(pack.briefings)]
    title = plain_text(spec.title)
    organisation = spec.author or pack.style.organisation or ""
    front_doc = ComposedDocument(
        flowables=[], root=root, theme=theme, title=title,
        subtitle=plain_text(spec.subtitle) if spec.subtitle else None, author=organisation,
        subject=plain_text(spec.subtitle or "") or f"A pack of {len(entries)} briefings",
        keywords=_keywords(pack), language=first.language,
        footer_text=" · ".join(x for x in (pack.style.short_name, title) if x),
        contacts="", classification=spec.classification or _markings(pack), running_head="")
    duplex = spec.duplex
    front_numbers = PageNumbers(roman=True, template="{page}")
    body_numbers = PageNumbers(offset=None)  # page 1 is the first briefing's first page
    for entry in entries:
        entry.part = Part(entry.key, entry.composed, body_numbers, outline=entry.outline)

    # the cover: page one, on the base "first" template (full height, bleeding band)
    cover_node = root.add("Sect")
    cover = Cover(theme, styles, cover_node, title=spec.title, subtitle=spec.subtitle,
                  meta=" · ".join(x for x in (format_date(spec.date, first.language),
                                              organisation) if x),
                  entries=entries, marking=front_doc.classification)
    # a long list of briefings does not fit on the cover: the contents lists the rest,
    # or without a contents page the list goes on over the page
    overleaf = cover.fit(theme.frame_width, theme.first_frame_height,
                         rest_in_contents=spec.contents)
    flow: list[Flowable] = [Part("cover", front_doc, front_numbers, furniture=False), cover]
    if overleaf:
        flow += [NextPageTemplate("body-cover-list"), PageBreak(),
                 Part("cover-list", front_doc, front_numbers),
                 Para(plain("In this pack (continued)"), theme.heading, None),  # an artifact,
                 *overleaf]  # like a running head: the list's one heading is on the cover
    if duplex:
        flow.append(StartOnRightPage(_blank(front_doc, front_numbers, styles)))
    front = None
    if spec.intro or spec.contents:
        front = Part("front", front_doc, front_numbers)
        flow += [NextPageTemplate("body-front"), PageBreak(), front]
        if spec.intro:
            intro = root.add("Sect")
            flow += [_rule(theme), Para(plain("About this pack"), styles.h1, intro.add("H2")),
                     Para(inline(spec.intro, _hex(theme.link_colour())), theme.lead,
                          intro.add("P"))]
        if spec.contents:
            flow += _contents(theme, styles, root, entries, body_numbers)
    numbers = front_numbers  # a blank page before the first briefing ends the front matter
    for entry in entries:
        if duplex:
            flow.append(StartOnRightPage(_blank(front_doc, numbers, styles)))
        numbers = body_numbers
        flow += [NextPageTemplate(f"first-{entry.key}"), PageBreak(),
                 NextPageTemplate(f"body-{entry.key}"), entry.part, *entry.composed.flowables]
    front_doc.flowables = flow
    # the briefings were composed first (the cover names them); in reading order their
    # Parts follow the cover, introduction and contents
    root.children += [entry.composed.root for entry in entries]
    return ComposedPack(front_doc, front, [entry.part for entry in entries])


def _entry(index: int, loaded: Any, pack_theme: Theme, root: Node) -> Entry:
    """Compose one briefing and move its structure under a Part for the pack's tree."""
    b = loaded.briefing
    theme = pack_theme if loaded.style is pack_theme.style else Theme(loaded.style)
    composed = compose_briefing(loaded, theme)
    part = Node("Part", lang=b.language, title=composed.title, parent=root)  # attached
    # to the tree after the front matter (compose_pack), where it is read
    for child in composed.root.children:
        child.parent = part
        part.children.append(child)
    composed.root = part
    title, subtitle = plain_text(b.title), plain_text(b.subtitle) if b.subtitle else None
    name = subtitle or title
    detail = " · ".join(x for x in (b.kind, title if subtitle else None,
                                    format_date(b.date, b.language)) if x)
    outline = f"{subtitle} — {title}" if subtitle else title
    return Entry(f"b{index + 1}", name, detail, outline, composed)


def _keywords(pack: LoadedPack) -> list[str]:
    seen: list[str] = []
    for loaded in pack.briefings:
        seen += [k for k in loaded.briefing.keywords if k not in seen]
    return seen


def _markings(pack: LoadedPack) -> str | None:
    """The briefings' protective markings, each once, in pack order."""
    found: list[str] = []
    for loaded in pack.briefings:
        marking = loaded.briefing.classification
        if marking and marking not in found:
            found.append(marking)
    return " / ".join(found) or None


def _rule(t: Theme) -> Rule:
    """The short accent bar above a heading, as in a briefing's sections."""
    return Rule(t.indent * 1.6, t.accent_bar * 0.7, t.colours.accent,
                space_before=t.heading.spaceBefore, space_after=t.gap * 0.6)


def _hex(colour: Any) -> str:
    return colour.hexval().replace("0x", "#")


def _blank(front_doc: ComposedDocument, numbers: PageNumbers, styles: PackStyles
           ) -> list[Flowable]:
    """A page that says it is blank on purpose (so duplex printing starts on the right).
    Its footer has the page number (and marking) only."""
    furniture = replace(front_doc, flowables=[], footer_text="", contacts="")
    return [NextPageTemplate("body-blank"), PageBreak(),
            Part("blank", furniture, numbers), BlankNote(BLANK_NOTE, styles.blank)]


def _contents(t: Theme, styles: PackStyles, root: Node, entries: list[Entry],
              numbers: PageNumbers) -> list[Flowable]:
    """The contents: a heading, then per briefing its name, detail and page, all links."""
    flow: list[Flowable] = [_rule(t), Para(plain("Contents"), styles.h1, root.add("H2"))]
    toc = root.add("TOC")
    colour, muted = _hex(t.link_colour()), _hex(t.colours.muted)
    for entry in entries:
        node = toc.add("TOCI").add("Link", alt=entry.outline)
        target = f"#{entry.key}"
        name = Para(link(entry.name, target, colour, bold=True, underline=False), styles.name,
                    node)
        detail = Para(link(entry.detail, target, muted, underline=False), styles.detail, node) \
            if entry.detail else None

        def number(page: str, target: str = target, node: Node = node) -> Para:
            return Para(link(page, target, colour, bold=True, underline=False), styles.number,
                        node)

        flow.append(ContentsRow(name, detail, number, styles.number.fontSize * 4, entry,
                                numbers, t))
    return flow


class BlankNote(Flowable):
    """"This page is intentionally left blank", centred on the page (an artifact: it is
    there for the printed copy only)."""

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__()
        self.para = Para(plain(text), style, None)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = availWidth, availHeight
        self._para_height = self.para.wrap(availWidth, availHeight)[1]
        return self.width, self.height

    def draw(self) -> None:
        self.para.drawOn(self.canv, 0, (self.height - self._para_height) / 2)


class ContentsRow(Flowable):
    """One contents entry: name and detail on the left, the page number on the right,
    a hairline beneath (decoration).

    The number is drawn when the document is saved, when the page the briefing starts
    on is known; its column has a fixed width, so nothing else moves.
    """

    def __init__(self, name: Para, detail: Para | None, number: Callable[[str], Para],
                 number_width: float, entry: Entry, numbers: PageNumbers, t: Theme):
        super().__init__()
        self.name, self.detail, self.number, self.t = name, detail, number, t
        self.number_width = number_width
        self.entry, self.numbers = entry, numbers
        self.pad = t.gap * 0.8
        self.spaceAfter = 0
        self.keepWithNext = False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        text_width = availWidth - self.number_width
        self._name_h = self.name.wrap(text_width, availHeight)[1]
        self._detail_h = self.detail.wrap(text_width, availHeight)[1] if self.detail else 0
        self.width = availWidth
        self.height = self._name_h + self._detail_h + 2 * self.pad
        return self.width, self.height

    def draw(self) -> None:
        canv, t = self.canv, self.t
        top = self.height - self.pad
        marker = marker_of(canv)
        with marker.content(canv, self.name.node, self.name):  # one sequence: the entry
            self.name.drawOn(canv, 0, top - self._name_h)
            if self.detail:
                self.detail.drawOn(canv, 0, top - self._name_h - self._detail_h)
            canv.draw_later(lambda later: self._draw_number(later, top))
        with marker.artifact(canv):
            canv.saveState()
            canv.setStrokeColor(t.colours.muted)
            canv.setLineWidth(t.rule_width * 0.5)
            canv.line(0, 0, self.width, 0)
            canv.restoreState()

    def _draw_number(self, canv: Any, top: float) -> None:
        """The page the briefing starts on, in the entry's marked content, top aligned."""
        page = self.numbers.label(self.entry.part.first_page)
        number = self.number(page)
        number.node.alt = f"{self.entry.outline}, page {page}"
        height = number.wrap(self.number_width, self.t.page_height)[1]
        with marker_of(canv).spliced(canv, number.node):
            number.drawOn(canv, self.width - self.number_width, top - height)


class Cover(Flowable):
    """The cover page: logo strip, a deep colour band with the pack's title, subtitle,
    date and organisation, an accent stripe, then the list of briefings in the pack."""

    def __init__(self, theme: Theme, styles: PackStyles, node: Node, *, title: str,
                 subtitle: str | None, meta: str, entries: list[Entry], marking: str | None):
        super().__init__()
        t = self.t = theme
        header = node.add("Div")
        self.logos = logo_figures(t.style.logos, header)
        self.organisation = None
        if not t.style.logos and t.style.organisation:
            self.organisation = Para(plain(t.style.organisation), t.organisation,
                                     header.add("P"))
        count = len(entries)
        self.badge_text = f"Pack of {count} briefing{'s' if count != 1 else ''}"
        self.badge = Para(plain(self.badge_text), t.badge, node.add("P"))
        colour = _hex(t.colours.on_primary)
        self.band_parts = [Para(inline(title, colour), styles.cover_title, node.add("H1"))]
        if subtitle:
            self.band_parts.append(Para(inline(subtitle, colour), styles.cover_subtitle,
                                        node.add("P")))
        if meta:
            self.band_parts.append(Para(plain(meta), t.masthead_meta, node.add("P")))
        self.heading = Para(plain("In this pack"), t.heading, node.add("H2"))
        self.node = node
        self.styles = styles
        items = self.list_node = node.add("L", attrs={"ListNumbering": "Disc"})
        self.items: list[ListItem] = []
        self.note: Para | None = None
        for entry in entries:
            li = items.add("LI")
            label = Para(plain("•"), t.label, li.add("Lbl"))  # the label first, as drawn
            body_node = li.add("LBody")
            body = [Para(plain(entry.name), styles.name, body_node.add("P"))]
            if entry.detail:
                body.append(Para(plain(entry.detail), styles.detail, body_node.add("P")))
            self.items.append(ListItem(label, Stack(body), t.indent, li,
                                       space_after=t.gap * 0.8))
        self.marking_text = marking or ""
        self.marking = Para(plain(marking), t.marking, None) if marking else None
        self.pad = 7 * mm
        self.stripe = 1.6 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width, self.height = availWidth, availHeight
        return availWidth, availHeight

    def fit(self, width: float, height: float, *, rest_in_contents: bool) -> list[Flowable]:
        """Keep the entries that fit on the cover (``width`` × ``height``, its frame) with
        the band at its smallest. With ``rest_in_contents``, a line after them says how
        many more the contents lists, and the others leave the cover (and the tag tree);
        otherwise the others are returned, to go on over the page."""
        page_h = self.t.page_height
        strip, content_h, _, _ = self._band(width)
        room = height - strip - content_h - self.stripe - 3 * self.t.gap \
            - self.heading.wrap(width, page_h)[1] - self.t.gap
        heights = self._item_heights(width)
        if sum(heights) <= room:
            return []
        if rest_in_contents:
            note = self._note(len(self.items))  # as many digits as any count it may show
            room -= note.wrap(width, page_h)[1] + self.t.gap
        shown, used = 0, 0.0
        while shown < len(heights) and used + heights[shown] <= room:
            used += heights[shown]
            shown += 1
        rest = self.items[shown:]
        del self.items[shown:]
        if rest_in_contents:
            del self.list_node.children[shown:]
            self.note = self._note(len(rest), self.node.add("P"))
            return []
        return rest

    def _item_heights(self, width: float) -> list[float]:
        """Each listed entry's height, with the space after it."""
        return [item.wrap(width, self.t.page_height)[1] + item.getSpaceAfter()
                for item in self.items]

    def _note(self, more: int, node: Node | None = None) -> Para:
        """The line after a shortened list: how many more briefings the contents lists."""
        text = f"… and {more} more briefing{'s' if more != 1 else ''}, listed in the contents"
        return Para(plain(text), self.styles.detail, node)

    def _band(self, width: float) -> tuple[float, float, list[tuple[Para, float]], float]:
        """The logo strip's height, the band content's height (its smallest band), the
        band's parts with their heights, and the badge's height."""
        page_h = self.t.page_height
        tallest = max([f.drawHeight for f in self.logos], default=0)
        if self.organisation:
            tallest = max(tallest, self.organisation.wrap(width * 0.6, page_h)[1])
        strip = tallest + 2 * self.pad * 1.4
        parts_h = [(p, p.wrap(width, page_h)[1]) for p in self.band_parts]
        badge_h = self.badge.wrap(self._badge_width(width), page_h)[1]
        content_h = sum(h + p.getSpaceBefore() for p, h in parts_h) + badge_h + 3 * self.pad
        return strip, content_h, parts_h, badge_h

    def _badge_width(self, width: float) -> float:
        t = self.t
        return min(stringWidth(self.badge_text, t.badge.fontName, t.badge.fontSize) + 1, width)

    def draw(self) -> None:
        canv, t = self.canv, self.t
        width = self.width
        page_w, page_h = t.page_width, t.page_height
        # logo strip
        strip, content_h, parts_h, badge_h = self._band(width)
        top = self.height
        right = width
        for figure in reversed(self.logos):
            right -= figure.drawWidth
            figure.drawOn(canv, right, top - strip / 2 - figure.drawHeight / 2)
            right -= self.pad
        if self.organisation:
            h = self.organisation.wrap(width * 0.6, page_h)[1]
            self.organisation.drawOn(canv, 0, top - strip / 2 - h / 2)
        # the list below the band decides how tall the band may be
        heights = self._item_heights(width)
        heading_h = self.heading.wrap(width, page_h)[1]
        note_h = self.note.wrap(width, page_h)[1] + t.gap if self.note else 0
        list_h = heading_h + t.gap + sum(heights) + note_h
        badge_w = self._badge_width(width)
        room = top - strip - self.stripe - list_h - 3 * t.gap
        band_h = max(content_h, min(page_h * 0.42, room))
        band_top = top - strip
        band_bottom = band_top - band_h
        with marker_of(canv).artifact(canv):
            canv.saveState()
            canv.setFillColor(t.colours.primary)
            canv.rect(-self._x0(), band_bottom, page_w, band_h, stroke=0, fill=1)
            canv.setFillColor(t.colours.accent)
            canv.rect(-self._x0(), band_bottom - self.stripe, page_w, self.stripe, stroke=0,
                      fill=1)
            canv.restoreState()
        # band text sits at the bottom of the band, badge above it (drawn in reading order)
        cursor = band_bottom + self.pad * 1.6
        placed = []
        for part, h in reversed(parts_h):
            placed.insert(0, (part, cursor))
            cursor += h + part.getSpaceBefore()
        self._badge(canv, cursor + self.pad * 0.6, badge_w, badge_h)
        for part, y in placed:
            part.drawOn(canv, 0, y)
        # the list of briefings
        cursor = band_bottom - self.stripe - 3 * t.gap - heading_h
        self.heading.drawOn(canv, 0, cursor)
        cursor -= t.gap
        for item, h in zip(self.items, heights, strict=True):
            cursor -= h
            item.drawOn(canv, 0, cursor + item.getSpaceAfter())
        if self.note:
            cursor -= note_h
            self.note.drawOn(canv, 0, cursor + t.gap)
        if self.marking:  # the protective marking, an artifact like the page furniture
            mw = canv.stringWidth(self.marking_text, t.marking.fontName, t.marking.fontSize) + 2
            mh = self.marking.wrap(mw, page_h)[1]
            self.marking.drawOn(canv, (width - mw) / 2, self.height - mh - self.pad * 0.3)

    def _x0(self) -> float:
        """The frame's left edge on the page (the band bleeds from the page edge)."""
        return self.t.margin_left

    def _badge(self, canv: Any, bottom: float, width: float, height: float) -> None:
        t = self.t
        pad_x, pad_y = t.style.sizes.small * 0.9, t.style.sizes.small * 0.5
        with marker_of(canv).artifact(canv):
            canv.saveState()
            canv.setFillColor(t.colours.accent)
            canv.roundRect(0, bottom, width + 2 * pad_x, height + 2 * pad_y,
                           radius=(height + 2 * pad_y) / 2, stroke=0, fill=1)
            canv.restoreState()
        self.badge.drawOn(canv, pad_x, bottom + pad_y)

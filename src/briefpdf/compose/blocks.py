"""One function per content block: model block + theme → flowables with roles."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from briefpdf.compose.addresses import AddressPara
from briefpdf.compose.flowables import Figure, ListItem, Para, Rule, Stack
from briefpdf.compose.images import image_stream
from briefpdf.compose.markup import inline, link, plain, spans_to_markup
from briefpdf.compose.qr import beside_code, code_size, qr_code
from briefpdf.compose.semantics import Node
from briefpdf.compose.theme import Theme
from briefpdf.links.address import display_url, short_web
from briefpdf.model import briefing as m
from briefpdf.model.images import image_path, image_size
from briefpdf.model.inline import parse_inline


class BlockComposer:
    """Composes the blocks of one briefing; knows the theme and the briefing's folder."""

    def __init__(self, theme: Theme, base_dir: Path):
        self.t = theme
        self.base_dir = base_dir
        self.link_colour = theme.link_colour().hexval().replace("0x", "#")
        self._pending: list[tuple[int, str, str]] = []  # inline links awaiting their note
        self._numbers: dict[str, int] = {}  # address → note number, within a section
        self._counter = 0  # note numbers run on through the briefing

    def text(self, text: str) -> str:
        """Inline text as markup; with ``links: {notes: true}`` links get note numbers."""
        if self.t.style.links.notes:
            return self._notes_text(text)
        return inline(text, self.link_colour)

    def block(self, block: object, parent: Node) -> list[Flowable]:
        """Dispatch on the block's type."""
        if isinstance(block, str):
            return [Para(self.text(block), self.t.body, parent.add("P"))]
        handler = {
            m.Bullets: self.bullets, m.Numbered: self.numbered, m.Callout: self.callout,
            m.Quote: self.quote, m.Image: self.image, m.Links: self.links_block,
        }[type(block)]
        return handler(block, parent)

    # lists --------------------------------------------------------------------------------

    def _list(self, items: list[str], parent: Node, numbered: bool) -> list[Flowable]:
        t = self.t
        node = parent.add("L", attrs={"ListNumbering": "Decimal" if numbered else "Disc"})
        rows: list[Flowable] = []
        for number, text in enumerate(items, start=1):
            li = node.add("LI")
            label = f"{number}." if numbered else "•"
            label_para = Para(plain(label), t.number_label if numbered else t.label,
                              li.add("Lbl"))
            body = Stack([Para(self.text(text), t.list_body, li.add("LBody"))])
            rows.append(ListItem(label_para, body, t.indent, li, space_after=t.gap * 0.45))
        return _spaced(rows, after=t.gap)

    def bullets(self, block: m.Bullets, parent: Node) -> list[Flowable]:
        return self._list(block.bullets, parent, numbered=False)

    def numbered(self, block: m.Numbered, parent: Node) -> list[Flowable]:
        return self._list(block.numbered, parent, numbered=True)

    # panels -------------------------------------------------------------------------------

    def callout(self, block: m.Callout, parent: Node) -> list[Flowable]:
        t = self.t
        node = parent.add("Div")
        items: list[Flowable] = []
        if block.title:
            items.append(Para(self.text(block.title), t.panel_title, node.add("P")))
        items.append(Para(self.text(block.callout), t.list_body, node.add("P")))
        return [Stack(items, node, padding=t.panel_padding, background=t.colours.panel,
                      bar=t.colours.accent, bar_width=t.accent_bar, space_before=t.gap * 0.5,
                      space_after=t.gap * 1.5, keep_together=True,
                      keep_within=t.keep_within)]

    def quote(self, block: m.Quote, parent: Node) -> list[Flowable]:
        t = self.t
        node = parent.add("BlockQuote")
        items: list[Flowable] = [Para(self.text(block.quote), t.quote, node.add("P"))]
        if block.by:
            items.append(Para("— " + self.text(block.by), t.quote_by, node.add("P")))
        return [Stack(items, node, padding=t.panel_padding * 0.6, bar=t.colours.accent,
                      bar_width=t.accent_bar * 0.7, space_before=t.gap * 0.5,
                      space_after=t.gap * 1.5, keep_together=True,
                      keep_within=t.keep_within)]

    # images -------------------------------------------------------------------------------

    def image(self, block: m.Image, parent: Node) -> list[Flowable]:
        t = self.t
        path = image_path(self.base_dir, block.image)  # its checked bytes (load/files.py)
        px_w, px_h = image_size(path) or ImageReader(image_stream(str(path))).getSize()
        frame_h = t.page_height - t.margin_top - t.margin_bottom
        width = min(block.width or t.frame_width, t.frame_width)
        height = width * px_h / px_w
        if height > frame_h * 0.7:
            height = frame_h * 0.7
            width = height * px_w / px_h
        node = None if block.decorative else parent.add("Figure", alt=block.alt)
        figure = Figure(str(path), width, height, node, gray=t.style.grayscale)
        figure.hAlign = "LEFT"
        figure.spaceBefore, figure.spaceAfter = t.gap * 0.5, t.gap * 1.5
        return [figure]

    # links --------------------------------------------------------------------------------

    def links_block(self, block: m.Links, parent: Node) -> list[Flowable]:
        return self.link_list(block.links, parent)

    def wants_qr(self, entry: m.Link) -> bool:
        """A link's own ``qr:`` wins over the style's ``links: {qr: …}``."""
        return self.t.style.links.qr if entry.qr is None else entry.qr

    def link_list(self, links: list[m.Link], parent: Node) -> list[Flowable]:
        """A link section: each entry shows its title, its visible address and its note,
        with a QR code to the right when the style or the link asks for one."""
        t = self.t
        node = parent.add("L", attrs={"ListNumbering": "None"})
        size = code_size(t, [entry.url for entry in links if self.wants_qr(entry)])
        rows: list[Flowable] = []
        for entry in links:
            li = node.add("LI")
            label = Para(plain("→"), t.label, li.add("Lbl"))
            body_node = li.add("LBody")
            parts: list[Flowable] = [Para(link(entry.title, entry.url, self.link_colour,
                                               bold=True), t.link_title, body_node.add("P"))]
            if t.style.links.show_url:
                parts.append(AddressPara("", display_url(entry.url), entry.url, t.link_url,
                                         body_node.add("P"), colour=self.link_colour,
                                         underline=False))
            if entry.note:
                parts.append(Para(self.text(entry.note), t.note, body_node.add("P")))
            text: Flowable = Stack(parts)
            if self.wants_qr(entry):
                text = beside_code(text, qr_code(t, entry.url, body_node, size), t)
            body = Stack([text], keep_together=True, keep_within=t.keep_within)
            rows.append(ListItem(label, body, t.indent, li, space_after=t.gap * 0.9))
        return _spaced(rows, before=t.gap * 0.3, after=t.gap)

    # inline links on paper ----------------------------------------------------------------

    def _notes_text(self, text: str) -> str:
        """Inline text with a superscript note number after each link whose address is
        not already its visible text; the address is kept for ``link_notes``."""
        out: list[str] = []
        for href, group in groupby(parse_inline(text), key=lambda span: span.href):
            spans = list(group)
            out.append(spans_to_markup(spans, self.link_colour))
            shown = "".join(span.text for span in spans).strip()
            if href is None or _shows_address(shown, href):
                continue
            number = self._numbers.get(href)
            if number is None:
                self._counter += 1
                number = self._numbers[href] = self._counter
                self._pending.append((number, shown, href))
            out.append(f"<super>{number}</super>")
        return "".join(out)

    def link_notes(self, parent: Node) -> list[Flowable]:
        """The numbered addresses of the inline links met since the last call (a section's),
        under a short rule like footnotes; nothing when the style does not ask for notes."""
        pending, self._pending, self._numbers = self._pending, [], {}
        if not pending:
            return []
        t = self.t
        node = parent.add("L", attrs={"ListNumbering": "Decimal"})
        rows: list[Flowable] = [Rule(t.indent * 1.6, t.rule_width, t.colours.muted,
                                     space_before=t.gap * 0.2, space_after=t.gap * 0.4)]
        for number, shown, href in pending:
            li = node.add("LI")
            label = Para(plain(str(number)), t.link_url, li.add("Lbl"))
            body = Stack([AddressPara(plain(shown + ": "), display_url(href), href,
                                      t.link_url, li.add("LBody"), colour=self.link_colour,
                                      underline=False)])
            rows.append(ListItem(label, body, t.indent, li, space_after=t.gap * 0.2))
        return _spaced(rows, after=t.gap)


def _spaced(rows: list[Flowable], *, before: float = 0, after: float = 0) -> list[Flowable]:
    """List items go into the flow one by one (so a heading keeps with the first item
    only); the list's own space goes before the first and after the last."""
    if rows:
        rows[0].spaceBefore = max(getattr(rows[0], "spaceBefore", 0), before)
        rows[-1].spaceAfter = after
    return rows


def _shows_address(shown: str, href: str) -> bool:
    """Whether a link's visible text already is its address (an autolink)."""
    shown = shown.lower().rstrip("/")
    return shown in {href.lower().rstrip("/"), short_web(href).lower(),
                     display_url(href).lower()}

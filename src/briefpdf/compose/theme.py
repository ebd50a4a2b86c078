"""The theme: a Style turned into ReportLab paragraph styles, colours and spacing.

This is the only place where style values become layout values. Spacing is
derived from the style's type sizes, so a larger body size scales the page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from briefpdf.compose.fonts import Family, register_family
from briefpdf.model.style import Style


def to_gray(colour: Color) -> Color:
    """Luminance-preserving gray (Rec. 709 weights on linear light), for mono printing."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * linear(colour.red) + 0.7152 * linear(colour.green) + 0.0722 * linear(
        colour.blue)
    value = lum * 12.92 if lum <= 0.0031308 else 1.055 * lum ** (1 / 2.4) - 0.055
    return Color(value, value, value)


@dataclass
class Palette:
    primary: Color
    accent: Color
    text: Color
    muted: Color
    panel: Color
    on_primary: Color
    background: Color


class Theme:
    """Colours, fonts, paragraph styles and spacing for one style."""

    MIN_FIT_SIZE = 8.0
    """The smallest body size panel text may shrink to (legibility on paper)."""
    FIT_STEP = 0.25
    """How much panel text shrinks at each fitting step, in points."""

    def __init__(self, style: Style, landscape: bool = False):
        self.style = style
        self.landscape = landscape
        convert = to_gray if style.grayscale else (lambda c: c)
        c = style.colours
        self.colours = Palette(*(convert(HexColor(v)) for v in (
            c.primary, c.accent, c.text, c.muted, c.panel, c.on_primary, c.background)))
        self.body_family: Family = register_family(style.family("body"))
        self.heading_family: Family = register_family(style.family("heading"))
        self.page_width, self.page_height = style.page_size
        if landscape:
            self.page_width, self.page_height = self.page_height, self.page_width
        m = style.page.margins
        self.margin_top, self.margin_bottom = m.top, m.bottom
        self.margin_left, self.margin_right = m.left, m.right
        self.frame_width = self.page_width - m.left - m.right
        self.first_frame_height = self.page_height - m.bottom
        """A first page's frame runs to the top edge, so a masthead can bleed."""
        size = style.sizes.body
        self.gap = size * 0.6  # the unit of vertical rhythm between blocks
        self.indent = size * 1.5  # hanging indent of list items
        self.panel_padding = 4 * mm * size / 10.5
        self.rule_width = 0.5
        self.accent_bar = 3.0

    # --- paragraph styles -------------------------------------------------------------

    def _para(self, name: str, *, size: float, family: Family | None = None, bold: bool = False,
              italic: bool = False, colour: Color | None = None, leading: float = 1.38,
              **kw) -> ParagraphStyle:
        family = family or self.body_family
        font = {(False, False): family.regular, (True, False): family.bold,
                (False, True): family.italic, (True, True): family.bold_italic}[(bold, italic)]
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=size * leading,
            textColor=colour or self.colours.text, alignment=kw.pop("alignment", TA_LEFT),
            splitLongWords=1, uriWasteReduce=0, allowWidows=0, allowOrphans=0, **kw)

    @cached_property
    def body(self) -> ParagraphStyle:
        return self._para("body", size=self.style.sizes.body, spaceAfter=self.gap)

    @cached_property
    def lead(self) -> ParagraphStyle:
        return self._para("lead", size=self.style.sizes.body * 1.22, colour=self.colours.primary,
                          leading=1.35, spaceAfter=self.gap * 1.5)

    @cached_property
    def heading(self) -> ParagraphStyle:
        return self._para("h2", size=self.style.sizes.heading, family=self.heading_family,
                          bold=True, colour=self.colours.primary, leading=1.2,
                          spaceBefore=self.gap * 1.6, spaceAfter=self.gap * 0.8,
                          keepWithNext=1)

    @cached_property
    def title(self) -> ParagraphStyle:
        return self._para("title", size=self.style.sizes.title, family=self.heading_family,
                          bold=True, colour=self.colours.on_primary, leading=1.12)

    @cached_property
    def subtitle(self) -> ParagraphStyle:
        return self._para("subtitle", size=self.style.sizes.title * 0.62,
                          family=self.heading_family, colour=self.colours.on_primary,
                          leading=1.2, spaceBefore=self.style.sizes.title * 0.18)

    @cached_property
    def masthead_meta(self) -> ParagraphStyle:
        return self._para("meta", size=self.style.sizes.small * 1.2,
                          colour=self.colours.on_primary, spaceBefore=self.gap)

    @cached_property
    def organisation(self) -> ParagraphStyle:
        return self._para("organisation", size=self.style.sizes.small * 1.35, bold=True,
                          family=self.heading_family, colour=self.colours.primary, leading=1.2)

    @cached_property
    def badge(self) -> ParagraphStyle:
        return self._para("badge", size=self.style.sizes.small * 1.1, bold=True,
                          colour=self.colours.on_primary, leading=1.0)

    @cached_property
    def label(self) -> ParagraphStyle:
        return self._para("label", size=self.style.sizes.body, bold=True,
                          colour=self.colours.accent)

    @cached_property
    def number_label(self) -> ParagraphStyle:
        return self._para("number", size=self.style.sizes.body, bold=True,
                          colour=self.colours.primary)

    @cached_property
    def list_body(self) -> ParagraphStyle:
        return self._para("li", size=self.style.sizes.body)

    @cached_property
    def link_title(self) -> ParagraphStyle:
        return self._para("link-title", size=self.style.sizes.body, bold=True,
                          colour=self.colours.primary)

    @cached_property
    def link_url(self) -> ParagraphStyle:
        return self._para("link-url", size=self.style.sizes.small * 1.1,
                          colour=self.colours.muted, leading=1.3)

    @cached_property
    def note(self) -> ParagraphStyle:
        return self._para("note", size=max(self.style.sizes.body * 0.95, self.style.sizes.small),
                          spaceBefore=1)

    @cached_property
    def panel_title(self) -> ParagraphStyle:
        return self._para("panel-title", size=self.style.sizes.body * 1.1, bold=True,
                          family=self.heading_family, colour=self.colours.primary,
                          spaceAfter=self.gap * 0.4, keepWithNext=1)

    @cached_property
    def quote(self) -> ParagraphStyle:
        return self._para("quote", size=self.style.sizes.body * 1.3, italic=True,
                          colour=self.colours.primary, leading=1.3)

    @cached_property
    def quote_by(self) -> ParagraphStyle:
        return self._para("quote-by", size=self.style.sizes.small * 1.15,
                          colour=self.colours.muted, spaceBefore=self.gap * 0.5)

    @cached_property
    def contact(self) -> ParagraphStyle:
        return self._para("contact", size=self.style.sizes.body, spaceAfter=self.gap * 0.25)

    @cached_property
    def footer(self) -> ParagraphStyle:
        return self._para("footer", size=self.style.sizes.small, colour=self.colours.muted,
                          leading=1.25)

    @cached_property
    def footer_right(self) -> ParagraphStyle:
        return self._para("footer-right", size=self.style.sizes.small,
                          colour=self.colours.muted, alignment=TA_RIGHT)

    @cached_property
    def marking(self) -> ParagraphStyle:
        return self._para("marking", size=self.style.sizes.small, bold=True,
                          colour=self.colours.text)

    # --- the seven-minute page and the worksheet (questions, action plan) ---------------

    def at_body_size(self, size: float) -> Theme:
        """This theme with body text at ``size`` (small text never larger, never below
        the legible minimum): used to shrink a panel's text until it fits."""
        sizes = self.style.sizes
        small = max(min(sizes.small, size), self.MIN_FIT_SIZE)
        return self._with(sizes=replace(sizes, body=size, small=small))

    def with_link_codes(self, on: bool) -> Theme:
        """This theme with the style's ``links: {qr: …}`` set to ``on``."""
        return self._with(links=replace(self.style.links, qr=on))

    def _with(self, **update: object) -> Theme:
        return Theme(replace(self.style, **update), landscape=self.landscape)

    @property
    def panel_page_top(self) -> float:
        """The top margin of the seven-minute panel page, which has no running head."""
        return min(self.margin_top, self.margin_left) * 0.65

    @property
    def gutter(self) -> float:
        """Space between panels and between columns."""
        return self.panel_padding

    @property
    def column_gap(self) -> float:
        """Space between the columns of a two-column page."""
        return self.gutter * 2

    @property
    def panel_radius(self) -> float:
        return self.panel_padding * 0.7

    @property
    def badge_diameter(self) -> float:
        """The coloured disc that carries a panel's number."""
        return self.style.sizes.heading * 1.8

    @cached_property
    def numeral(self) -> ParagraphStyle:
        return self._para("numeral", size=self.style.sizes.heading * 1.15,
                          family=self.heading_family, bold=True,
                          colour=self.colours.on_primary, leading=1.0)

    @cached_property
    def panel_heading(self) -> ParagraphStyle:
        return self._para("panel-heading", size=self.style.sizes.heading * 0.9,
                          family=self.heading_family, bold=True, colour=self.colours.primary,
                          leading=1.15)

    @property
    def centre_title_size(self) -> float:
        """The title in the centre of the seven-minute page: the page's focal point."""
        return self.style.sizes.title * 1.25

    @cached_property
    def standfirst_on_primary(self) -> ParagraphStyle:
        """The summary inside the seven-minute title panel."""
        return self._para("standfirst", size=self.style.sizes.body,
                          colour=self.colours.on_primary, leading=1.35,
                          spaceBefore=self.gap * 1.2)

    def title_at(self, size: float) -> ParagraphStyle:
        """The title style at another size (a long title shrinks to fit its panel)."""
        return ParagraphStyle(f"title-{size}", parent=self.title, fontSize=size,
                              leading=size * 1.12)

    @property
    def keep_within(self) -> float:
        """Panels (callouts, quotes, link entries) no taller than this move to the next
        page whole rather than split: a third of the page's text height."""
        return (self.page_height - self.margin_top - self.margin_bottom) / 3

    @property
    def writing_space(self) -> float:
        """The distance between ruled lines to write on (about 8 mm at 10.5 pt)."""
        return self.style.sizes.body * 2.2

    @cached_property
    def question(self) -> ParagraphStyle:
        return self._para("question", size=self.style.sizes.body * 1.05, bold=True,
                          family=self.heading_family, colour=self.colours.primary,
                          leading=1.3)

    @cached_property
    def table_head(self) -> ParagraphStyle:
        return self._para("th", size=self.style.sizes.body, bold=True,
                          family=self.heading_family, colour=self.colours.on_primary,
                          leading=1.2)

    @cached_property
    def intro(self) -> ParagraphStyle:
        return self._para("intro", size=self.style.sizes.body, colour=self.colours.muted,
                          spaceAfter=self.gap)

    def link_colour(self, on_panel: bool = False) -> Color:
        """Links are set in the primary colour (underlined in the markup)."""
        return self.colours.primary

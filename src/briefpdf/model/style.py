"""The style model: a board's brand, from styles/<name>.yaml merged over its `extends` chain.

Every visual value used by the layout comes from a Style: page, colours, fonts,
sizes, logos, footer, link options and feedback defaults.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Annotated, Literal, TypeAlias, Union

from briefpdf.model import rules
from briefpdf.model.base import Strict, record
from briefpdf.model.briefing import Feedback
from briefpdf.model.fontfiles import BUNDLED, DEFAULT_FAMILY, FACES, bundled_faces
from briefpdf.model.rules import no_items
from briefpdf.model.types import (
    Colour,
    Discriminator,
    Field,
    FontFile,
    FooterText,
    Length,
    LogoFile,
    LogoHeight,
    PageNumbers,
    QrSize,
    Tag,
)

BUNDLED_FAMILIES = tuple(BUNDLED)
"""Font families shipped with briefpdf's dependencies, usable by name."""

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}


@record
class FontFiles(Strict):
    """A TrueType family: four files (bold and italics fall back to regular)."""

    regular: FontFile
    bold: FontFile | None = None
    italic: FontFile | None = None
    bold_italic: FontFile | None = None


FontFamily = Union[str, FontFiles]
"""A bundled family's name, another role's name (``heading: body``), or TrueType files."""

FamilyChoice: TypeAlias = """Annotated[
    Annotated[str, Tag("name")] | Annotated[FontFiles, Tag("files")],
    Discriminator(rules.font_family_kind),
]"""
"""A family as a style file gives it: a name, or TrueType files. Written as a string,
like every annotation here, for pydantic to read when it generates a schema (see Field
in model/types.py)."""


@record
class Margins(Strict):
    """Page margins."""

    top: Length
    bottom: Length
    left: Length
    right: Length


MIN_TEXT_MM = 60
"""The narrowest (and shortest) text area the margins may leave."""


@record
class Page(Strict):
    """Paper size and margins."""

    size: Literal["A4", "A5", "Letter"] = "A4"
    margins: Margins

    def __post_init__(self) -> None:
        width, height = PAGE_SIZES_MM[self.size]
        m, mm = self.margins, 72 / 25.4
        for across, room in (("left and right", width - (m.left + m.right) / mm),
                             ("top and bottom", height - (m.top + m.bottom) / mm)):
            if room < MIN_TEXT_MM:
                raise ValueError(
                    f"the {across} margins leave {max(room, 0):.0f}mm for text on {self.size} "
                    f"paper; make them smaller so at least {MIN_TEXT_MM}mm is left")


@record
class Colours(Strict):
    """The brand's colours, as #RRGGBB."""

    primary: Colour
    accent: Colour
    text: Colour
    muted: Colour
    panel: Colour
    on_primary: Annotated[Colour, Field(description="Text on the primary colour band")] \
        = "#FFFFFF"
    background: Annotated[Colour, Field(description="The page colour")] = "#FFFFFF"


@record
class Sizes(Strict):
    """Type sizes in points."""

    body: Annotated[float, Field(gt=4, le=30)]
    small: Annotated[float, Field(gt=4, le=20)]
    heading: Annotated[float, Field(gt=4, le=60)]
    title: Annotated[float, Field(gt=4, le=96)]


@record
class Logo(Strict):
    """A logo for the masthead."""

    file: LogoFile
    alt: Annotated[str, Field(min_length=1,
                              description="What the logo says, for screen readers")]
    height: LogoHeight = 14 * 72 / 25.4


@record
class Footer(Strict):
    """The footer line and the page numbers."""

    text: Annotated[FooterText, Field(description=(
        "Footer line; placeholders {title} {short_name} {organisation} {date}"))] \
        = "{short_name} · {title}"
    page_numbers: Annotated[PageNumbers, Field(description=(
        "Page number text; placeholders {page} {pages}"))] = "Page {page} of {pages}"


@record
class LinkOptions(Strict):
    """How links are printed."""

    show_url: Annotated[bool, Field(
        description="Print each link-section entry's address")] = True
    qr: Annotated[bool, Field(
        description="A QR code beside each link-section entry and the feedback survey link "
                    "(a link's own qr: overrides it)")] = False
    qr_size: QrSize = 16 * 72 / 25.4
    notes: Annotated[bool, Field(
        description="List inline links' addresses after each section")] = False


@record
class Style(Strict):
    """A resolved style: everything the layout needs."""

    name: str
    description: str | None = None
    extends: str | None = None
    organisation: str | None = None
    short_name: str | None = None
    page: Page
    colours: Colours
    fonts: dict[str, FamilyChoice]
    sizes: Sizes
    logos: list[Logo] = field(default_factory=no_items)
    footer: Footer = field(default_factory=Footer)
    links: LinkOptions = field(default_factory=LinkOptions)
    feedback: Feedback | None = None
    grayscale: Annotated[bool, Field(
        description="Render in grays, for black-and-white printers")] = False

    def __post_init__(self) -> None:
        for role in ("body", "heading"):
            if role not in self.fonts:
                raise ValueError(f"fonts needs a '{role}' family")
        for role, family in self.fonts.items():
            if isinstance(family, str) and family not in self.fonts \
                    and family not in BUNDLED_FAMILIES:
                raise ValueError(
                    f"fonts.{role}: unknown family '{family}'; use another family's role "
                    f"({', '.join(self.fonts)}), a bundled family ({', '.join(BUNDLED_FAMILIES)}) "
                    "or TrueType files {regular: …, bold: …}")

    def family(self, role: str) -> FontFamily:
        """Follow aliases (``heading: body``) to a bundled name or files."""
        seen = set()
        family: FontFamily = self.fonts.get(role, "body")
        while isinstance(family, str) and family in self.fonts and family not in seen:
            seen.add(family)
            family = self.fonts[family]
        return family if not isinstance(family, str) or family in BUNDLED_FAMILIES \
            else DEFAULT_FAMILY

    def faces(self, role: str) -> dict[str, str]:
        """The TrueType file of each face of a role's family; missing faces reuse others."""
        return family_faces(self.family(role))

    def asset_files(self) -> list[Path]:
        """The files this style draws with: its logos and its own TrueType faces."""
        files = [Path(logo.file) for logo in self.logos]
        for family in self.fonts.values():
            if not isinstance(family, str):
                files += [Path(getattr(family, face)) for face in FACES
                          if getattr(family, face)]
        return files

    @property
    def page_size(self) -> tuple[float, float]:
        """Page width and height in points."""
        w, h = PAGE_SIZES_MM[self.page.size]
        return w * 72 / 25.4, h * 72 / 25.4


def family_faces(family: FontFamily) -> dict[str, str]:
    """Bundled name or files → a file for each of the four faces."""
    if isinstance(family, str):
        return bundled_faces(family)
    files = {face: getattr(family, face) for face in FACES}
    files["bold"] = files["bold"] or files["regular"]
    files["italic"] = files["italic"] or files["regular"]
    files["bold_italic"] = files["bold_italic"] or files["bold"]
    return files

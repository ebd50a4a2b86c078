"""The style model: a board's brand, from styles/<name>.yaml merged over its `extends` chain.

Every visual value used by the layout comes from a Style: page, colours, fonts,
sizes, logos, footer, link options and feedback defaults.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Discriminator, Field, Tag, field_validator, model_validator

from briefpdf.model.briefing import Feedback, Strict
from briefpdf.model.fontfiles import (
    BUNDLED,
    DEFAULT_FAMILY,
    FACES,
    bundled_faces,
    font_file_problem,
    shown_path,
)
from briefpdf.model.types import Colour, Length, no_items

BUNDLED_FAMILIES = tuple(BUNDLED)
"""Font families shipped with briefpdf's dependencies, usable by name."""

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}
FOOTER_PLACEHOLDERS = ("title", "short_name", "organisation", "date")
PAGE_PLACEHOLDERS = ("page", "pages")


class FontFiles(Strict):
    """A TrueType family: four files (bold and italics fall back to regular)."""

    regular: str
    bold: str | None = None
    italic: str | None = None
    bold_italic: str | None = None

    @field_validator("regular", "bold", "italic", "bold_italic")
    @classmethod
    def _usable(cls, value: str | None) -> str | None:
        if value is not None:
            problem = font_file_problem(value)
            if problem:
                raise ValueError(problem)
        return value


FontFamily = Annotated[
    Annotated[str, Tag("name")] | Annotated[FontFiles, Tag("files")],
    Discriminator(lambda v: "name" if isinstance(v, str) else "files"),
]
"""A bundled family's name, another role's name (``heading: body``), or TrueType files."""


class Margins(Strict):
    top: Length
    bottom: Length
    left: Length
    right: Length


MIN_TEXT_MM = 60
"""The narrowest (and shortest) text area the margins may leave."""


class Page(Strict):
    size: Literal["A4", "A5", "Letter"] = "A4"
    margins: Margins

    @model_validator(mode="after")
    def _room_for_text(self) -> Page:
        width, height = PAGE_SIZES_MM[self.size]
        m, mm = self.margins, 72 / 25.4
        for across, room in (("left and right", width - (m.left + m.right) / mm),
                             ("top and bottom", height - (m.top + m.bottom) / mm)):
            if room < MIN_TEXT_MM:
                raise ValueError(
                    f"the {across} margins leave {max(room, 0):.0f}mm for text on {self.size} "
                    f"paper; make them smaller so at least {MIN_TEXT_MM}mm is left")
        return self


class Colours(Strict):
    primary: Colour
    accent: Colour
    text: Colour
    muted: Colour
    panel: Colour
    on_primary: Colour = Field("#FFFFFF", description="Text on the primary colour band")
    background: Colour = Field("#FFFFFF", description="The page colour")


class Sizes(Strict):
    """Type sizes in points."""

    body: float = Field(gt=4, le=30)
    small: float = Field(gt=4, le=20)
    heading: float = Field(gt=4, le=60)
    title: float = Field(gt=4, le=96)


class Logo(Strict):
    file: str
    alt: str = Field(min_length=1, description="What the logo says, for screen readers")
    height: Length = 14 * 72 / 25.4

    @field_validator("height")
    @classmethod
    def _sensible_height(cls, value: float) -> float:
        if not 3 * 72 / 25.4 <= value <= 60 * 72 / 25.4:
            raise ValueError(f"a logo {value * 25.4 / 72:.1f}mm high cannot be printed well; "
                             "give a height between 3mm and 60mm, like 14mm")
        return value

    @field_validator("file")
    @classmethod
    def _usable(cls, value: str) -> str:
        from briefpdf.model.document import image_problem

        problem = image_problem(Path(value), shown_path(value))
        if problem:
            raise ValueError(problem.replace("the briefing file", "the style file"))
        return value


def _placeholders(template: str, allowed: tuple[str, ...]) -> str:
    """Every {name} in ``template`` is one of ``allowed``."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        raise ValueError(f"'{template}' has an unmatched {{ or }}; placeholders look like "
                         "{title}") from None
    for name in names:
        if name not in allowed:
            raise ValueError(f"unknown placeholder {{{name}}}; use "
                             + ", ".join(f"{{{a}}}" for a in allowed))
    return template


class Footer(Strict):
    text: str = Field("{short_name} · {title}", description=(
        "Footer line; placeholders {title} {short_name} {organisation} {date}"))
    page_numbers: str = Field("Page {page} of {pages}", description=(
        "Page number text; placeholders {page} {pages}"))

    @field_validator("text")
    @classmethod
    def _text_placeholders(cls, value: str) -> str:
        return _placeholders(value, FOOTER_PLACEHOLDERS)

    @field_validator("page_numbers")
    @classmethod
    def _number_placeholders(cls, value: str) -> str:
        return _placeholders(value, PAGE_PLACEHOLDERS)


QR_MIN_SIZE_MM = 15.0
"""The smallest QR code a phone reliably scans from a printed page."""


class LinkOptions(Strict):
    show_url: bool = Field(True, description="Print each link-section entry's address")
    qr: bool = Field(False, description="A QR code beside each link-section entry and the "
                                        "feedback survey link (a link's own qr: overrides it)")
    qr_size: Length = Field(16 * 72 / 25.4, description="Width of a QR code's symbol, without "
                                                        "its quiet zone; at least 15mm")
    notes: bool = Field(False, description="List inline links' addresses after each section")

    @field_validator("qr_size")
    @classmethod
    def _scannable(cls, value: float) -> float:
        if value < QR_MIN_SIZE_MM * 72 / 25.4 - 1e-6:
            raise ValueError(f"a QR code needs to be at least {QR_MIN_SIZE_MM:g}mm wide to be "
                             "scanned from paper; write qr_size: 15mm or more")
        return value


class Style(Strict):
    """A resolved style: everything the layout needs."""

    name: str
    description: str | None = None
    extends: str | None = None
    organisation: str | None = None
    short_name: str | None = None
    page: Page
    colours: Colours
    fonts: dict[str, FontFamily]
    sizes: Sizes
    logos: list[Logo] = Field(default_factory=no_items)
    footer: Footer = Field(default_factory=Footer)
    links: LinkOptions = Field(default_factory=LinkOptions)
    feedback: Feedback | None = None
    grayscale: bool = Field(False, description="Render in grays, for black-and-white printers")

    @model_validator(mode="after")
    def _families_resolve(self) -> Style:
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
        return self

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

"""The style model: a board's brand, from styles/<name>.yaml merged over its `extends` chain.

Every visual value used by the layout comes from a Style: page, colours, fonts,
sizes, logos, footer, link options and feedback defaults.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Union

from pydantic import Field, field_validator, model_validator

from briefpdf.model.briefing import Feedback, Strict
from briefpdf.model.types import Colour, Length

BUNDLED_FAMILIES = ("source-sans-pro",)
"""Font families shipped with briefpdf's dependencies, usable by name."""

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "Letter": (215.9, 279.4)}


def _existing_file(value: str) -> str:
    path = Path(value)
    if not path.is_file():
        raise ValueError(f"file not found: {value}; paths are relative to the style file")
    return value


class FontFiles(Strict):
    """A TrueType family: four files (bold and italics fall back to regular)."""

    regular: str
    bold: str | None = None
    italic: str | None = None
    bold_italic: str | None = None

    @field_validator("regular", "bold", "italic", "bold_italic")
    @classmethod
    def _exists(cls, value: str | None) -> str | None:
        if value is None:
            return None
        _existing_file(value)
        if Path(value).suffix.lower() not in (".ttf",):
            raise ValueError(f"{Path(value).name} is not a TrueType (.ttf) font file")
        return value


FontFamily = Union[str, FontFiles]


class Margins(Strict):
    top: Length
    bottom: Length
    left: Length
    right: Length


class Page(Strict):
    size: Literal["A4", "A5", "Letter"] = "A4"
    margins: Margins


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

    @field_validator("file")
    @classmethod
    def _exists(cls, value: str) -> str:
        return _existing_file(value)


class Footer(Strict):
    text: str = "{short_name} · {title}"
    page_numbers: str = "Page {page} of {pages}"


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
    logos: list[Logo] = Field(default_factory=list)
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
            else BUNDLED_FAMILIES[0]

    @property
    def page_size(self) -> tuple[float, float]:
        """Page width and height in points."""
        w, h = PAGE_SIZES_MM[self.page.size]
        return w * 72 / 25.4, h * 72 / 25.4

"""The briefing model: what a board administrator writes in briefings/<slug>.yaml.

The models are frozen dataclasses (model/base.py); their field types (model/types.py)
carry pydantic's validators, and model/validate.py validates a file's data against them.
"""

from __future__ import annotations

from dataclasses import asdict, field
from typing import Annotated, Literal, TypeAlias, Union

from briefpdf.model.base import Strict, record
from briefpdf.model.rules import no_items
from briefpdf.model.types import (
    ContactUrl,
    DateText,
    Discriminator,
    Email,
    Field,
    Keywords,
    Language,
    Length,
    Phone,
    RequiredText,
    Tag,
    Text,
    Url,
    at_most,
)

_HEADER = "it is printed in the title band and page headers; put longer text in summary:"
"""Fields drawn in the masthead and on every page have tighter limits (docs/limits.md)."""


@record
class Link(Strict):
    """One entry of a link section: a title, an address and an optional note."""

    title: RequiredText
    url: Url
    note: Text | None = None
    qr: Annotated[bool | None, Field(
        description="Show a QR code for this link (default: the style's)")] = None


@record
class Bullets(Strict):
    """A bulleted list."""

    bullets: Annotated[list[RequiredText], Field(min_length=1)]


@record
class Numbered(Strict):
    """A numbered list."""

    numbered: Annotated[list[RequiredText], Field(min_length=1)]


@record
class Callout(Strict):
    """A highlighted box, with an optional title."""

    callout: RequiredText
    title: Text | None = None


@record
class Quote(Strict):
    """A quotation, with an optional attribution."""

    quote: RequiredText
    by: Text | None = None


@record
class Image(Strict):
    """A PNG or JPEG picture, with alt text unless it is decorative."""

    image: Annotated[str, Field(
        description="Path to a PNG or JPEG, relative to the briefing file")]
    alt: Annotated[Text | None, Field(
        description="What the image shows; required unless decorative")] = None
    width: Length | None = None
    decorative: Annotated[bool, Field(
        description="Carries no meaning: hidden from screen readers")] = False

    def __post_init__(self) -> None:
        if not self.decorative and not (self.alt and self.alt.strip()):
            raise ValueError("an image needs alt text describing it (alt: …), or "
                             "decorative: true if it carries no meaning")


@record
class Links(Strict):
    """A list of links."""

    links: Annotated[list[Link], Field(min_length=1)]


BLOCK_KEYS = ("bullets", "numbered", "callout", "quote", "image", "links")
BLOCK_TYPES = (Bullets, Numbered, Callout, Quote, Image, Links)
BLOCK_PROBLEM = ("a block is a paragraph (text) or one of: "
                 + ", ".join(f"{key}:" for key in BLOCK_KEYS))


def block_kind(value: object) -> str | None:
    """Which kind of block ``value`` is: "paragraph", one of BLOCK_KEYS, or None."""
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        for key in BLOCK_KEYS:
            if key in value:
                return key
    if isinstance(value, BLOCK_TYPES):
        return BLOCK_KEYS[BLOCK_TYPES.index(type(value))]
    return None


Block: TypeAlias = """Annotated[
    Union[
        Annotated[RequiredText, Tag("paragraph")],
        Annotated[Bullets, Tag("bullets")],
        Annotated[Numbered, Tag("numbered")],
        Annotated[Callout, Tag("callout")],
        Annotated[Quote, Tag("quote")],
        Annotated[Image, Tag("image")],
        Annotated[Links, Tag("links")],
    ],
    Discriminator(block_kind, custom_error_type="block_kind",
                  custom_error_message=BLOCK_PROBLEM),
]"""
"""A section's block: a paragraph, or a list, callout, quote, image or links. Written as
a string, like every annotation here, for pydantic to read when it generates a schema
(see Field in model/types.py)."""


@record
class Section(Strict):
    """A headed section: its blocks, then its links."""

    heading: RequiredText
    content: list[Block] = field(default_factory=no_items)
    links: list[Link] = field(default_factory=no_items)


NONE = "none"
"""A feedback value of ``none`` leaves out what the style would give (docs/format.md)."""


@record
class Feedback(Strict):
    """The closing feedback block; each key overrides the style's default, and ``none``
    removes it."""

    heading: Text | None = None
    text: Text | None = None
    email: Email | None = None
    phone: Phone | None = None
    twitter: Annotated[str, at_most(50, "write the handle, like @BristolLSCB")] | None = None
    website: ContactUrl | None = None
    survey: ContactUrl | None = None
    closing: Text | None = None

    def merged_over(self, defaults: Feedback | None) -> Feedback:
        """This block with missing keys taken from ``defaults``, and keys written as
        ``none`` left out."""
        values = asdict(defaults) if defaults is not None else {}
        values.update({k: v for k, v in asdict(self).items() if v is not None})
        return Feedback(**{k: None if is_none(v) else v for k, v in values.items()})

    def is_empty(self) -> bool:
        return not any(asdict(self).values())


def is_none(value: object) -> bool:
    """Whether a feedback value is the word ``none`` (in any case)."""
    return isinstance(value, str) and value.strip().lower() == NONE


@record
class Briefing(Strict):
    """A learning briefing: the contract in docs/format.md."""

    title: Annotated[RequiredText, at_most(200, _HEADER)]
    subtitle: Annotated[Text, at_most(300, _HEADER)] | None = None
    kind: Annotated[Text, at_most(40, "it is a short label such as CPIR or SAR")] | None = None
    style: str | None = None
    date: DateText | None = None
    author: Annotated[Text, at_most(200, _HEADER)] | None = None
    classification: Annotated[Text, at_most(
        60, "it is a short marking such as OFFICIAL-SENSITIVE")] | None = None
    language: Language = "en-GB"
    keywords: Keywords = field(default_factory=no_items)
    summary: Text | None = None
    layout: Literal["standard", "seven-minute"] = "standard"
    questions: list[RequiredText] | None = None
    action_plan: bool = False
    sections: Annotated[list[Section], Field(min_length=1)]
    feedback: Feedback | None = None
    allow: Annotated[list[RequiredText], Field(description=(
        "Findings of `briefpdf check` accepted after review: each entry is the matched "
        "text of a finding, such as \"Mr A\" (docs/check.md)"))] = field(
        default_factory=no_items)

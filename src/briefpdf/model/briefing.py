"""The briefing model: what a board administrator writes in briefings/<slug>.yaml."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    model_validator,
)

from briefpdf.model.types import (
    DateText,
    Language,
    Length,
    RequiredText,
    Text,
    Url,
    at_most,
    no_items,
)

_HEADER = "it is printed in the title band and page headers; put longer text in summary:"
"""Fields drawn in the masthead and on every page have tighter limits (docs/limits.md)."""


class Strict(BaseModel):
    """Unknown keys are errors (with a did-you-mean hint, see validate.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Link(Strict):
    """One entry of a link section: a title, an address and an optional note."""

    title: RequiredText
    url: Url
    note: Text | None = None
    qr: bool | None = Field(None, description="Show a QR code for this link (default: the style's)")


class Bullets(Strict):
    bullets: list[RequiredText] = Field(min_length=1)


class Numbered(Strict):
    numbered: list[RequiredText] = Field(min_length=1)


class Callout(Strict):
    callout: RequiredText
    title: Text | None = None


class Quote(Strict):
    quote: RequiredText
    by: Text | None = None


class Image(Strict):
    image: str = Field(description="Path to a PNG or JPEG, relative to the briefing file")
    alt: Text | None = Field(None, description="What the image shows; required unless decorative")
    width: Length | None = None
    decorative: bool = Field(False, description="Carries no meaning: hidden from screen readers")

    @model_validator(mode="after")
    def _needs_alt(self) -> Image:
        if not self.decorative and not (self.alt and self.alt.strip()):
            raise ValueError("an image needs alt text describing it (alt: …), or "
                             "decorative: true if it carries no meaning")
        return self


class Links(Strict):
    links: list[Link] = Field(min_length=1)


BLOCK_KEYS = ("bullets", "numbered", "callout", "quote", "image", "links")


def _block_kind(value: object) -> str | None:
    if isinstance(value, str):
        return "paragraph"
    if isinstance(value, dict):
        for key in BLOCK_KEYS:
            if key in value:
                return key
    if isinstance(value, (Bullets, Numbered, Callout, Quote, Image, Links)):
        return BLOCK_KEYS[[Bullets, Numbered, Callout, Quote, Image, Links].index(type(value))]
    return None


Block = Annotated[
    Union[
        Annotated[RequiredText, Tag("paragraph")],
        Annotated[Bullets, Tag("bullets")],
        Annotated[Numbered, Tag("numbered")],
        Annotated[Callout, Tag("callout")],
        Annotated[Quote, Tag("quote")],
        Annotated[Image, Tag("image")],
        Annotated[Links, Tag("links")],
    ],
    Discriminator(
        _block_kind,
        custom_error_type="block_kind",
        custom_error_message=("a block is a paragraph (text) or one of: " + ", ".join(
            f"{key}:" for key in BLOCK_KEYS)),
    ),
]


class Section(Strict):
    heading: RequiredText
    content: list[Block] = Field(default_factory=no_items)
    links: list[Link] = Field(default_factory=no_items)


class Feedback(Strict):
    """The closing feedback block; each key overrides the style's default."""

    heading: Text | None = None
    text: Text | None = None
    email: Annotated[str, at_most(254, "an email address is at most 254 characters")] | None \
        = None
    twitter: Annotated[str, at_most(50, "write the handle, like @BristolLSCB")] | None = None
    website: Url | None = None
    survey: Url | None = None
    closing: Text | None = None

    @model_validator(mode="after")
    def _email_is_address(self) -> Feedback:
        if self.email and ("@" not in self.email or " " in self.email.strip()):
            raise ValueError(f"email '{self.email}' is not an email address, like name@example.org")
        return self

    def merged_over(self, defaults: Feedback | None) -> Feedback:
        """This block with missing keys taken from ``defaults``."""
        if defaults is None:
            return self
        values = defaults.model_dump()
        values.update({k: v for k, v in self.model_dump().items() if v is not None})
        return Feedback.model_construct(**values)

    def is_empty(self) -> bool:
        return not any(self.model_dump().values())


def _split_keywords(value: object) -> object:
    """``keywords: a, b`` is accepted as well as a YAML list."""
    if isinstance(value, str):
        return [word.strip() for word in value.split(",") if word.strip()]
    return value


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
    keywords: Annotated[list[str], BeforeValidator(_split_keywords)] = Field(
        default_factory=no_items)
    summary: Text | None = None
    layout: Literal["standard", "seven-minute"] = "standard"
    questions: list[RequiredText] | None = None
    action_plan: bool = False
    sections: list[Section] = Field(min_length=1)
    feedback: Feedback | None = None

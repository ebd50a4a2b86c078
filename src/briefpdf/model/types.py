"""Field types shared by the briefing, style and pack models; each validates itself.

The types are pydantic's annotated types; the checks they run are plain functions in
model/rules.py. The tagged unions that name model classes (a section's ``Block``, a
style's ``FamilyChoice``) are defined beside those classes.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

from briefpdf.model import rules

__all__ = ["AfterValidator", "BeforeValidator", "Discriminator", "Field", "Tag",
           "at_most", "Text", "RequiredText", "Url", "ContactUrl", "Email", "Phone",
           "Length", "Colour", "DateText",
           "Language", "FontFile", "LogoFile", "LogoHeight", "QrSize", "FooterText",
           "PageNumbers", "Keywords"]


# pydantic's Field, Tag and Discriminator are only read inside the models' annotations,
# which pydantic evaluates when it generates a schema (then importing them costs nothing
# more). Importing them with the models would import most of pydantic's schema machinery
# in every process, though a kept schema (model/schemacache.py) leaves it unused.

def Field(*args: Any, **options: Any) -> Any:  # noqa: N802 - pydantic's name, as read
    """pydantic's ``Field``: constraints, defaults and descriptions of a field."""
    from pydantic import Field as field

    return field(*args, **options)


def Tag(tag: str) -> Any:  # noqa: N802
    """pydantic's ``Tag``: the name of one member of a tagged union."""
    from pydantic import Tag as tagged

    return tagged(tag)


def Discriminator(*args: Any, **options: Any) -> Any:  # noqa: N802
    """pydantic's ``Discriminator``: which member of a tagged union a value is."""
    from pydantic import Discriminator as discriminator

    return discriminator(*args, **options)


def at_most(limit: int, hint: str = "split it into several shorter ones") -> AfterValidator:
    """A validator refusing text longer than ``limit`` characters, saying what to do."""
    return AfterValidator(rules.AtMost(limit, hint))


Text = Annotated[str, BeforeValidator(rules.text), at_most(rules.MAX_TEXT),
                 AfterValidator(rules.safe_links)]
"""Inline text: the Markdown subset; any link in it must use a safe scheme."""

RequiredText = Annotated[
    str, BeforeValidator(rules.text), at_most(rules.MAX_TEXT),
    AfterValidator(rules.non_empty), AfterValidator(rules.safe_links)
]
"""Inline text that must not be empty."""

Url = Annotated[
    str, BeforeValidator(rules.text),
    at_most(rules.MAX_URL, "use a shorter address for the same page"),
    AfterValidator(rules.url), WithJsonSchema({"format": "uri", "type": "string"})
]
"""A link address: https, http or mailto; ``www.…`` means https."""

ContactUrl = Annotated[
    str, BeforeValidator(rules.text),
    at_most(rules.MAX_URL, "use a shorter address for the same page"),
    AfterValidator(rules.contact_url), WithJsonSchema({"format": "uri", "type": "string"})
]
"""A feedback contact's address, or ``none`` to leave out the style's."""

Email = Annotated[str, BeforeValidator(rules.email),
                  at_most(254, "an email address is at most 254 characters")]
"""An email address (``mailto:`` in front is dropped), or ``none``."""

Phone = Annotated[str, BeforeValidator(rules.text), at_most(40, "write one phone number"),
                  AfterValidator(rules.phone)]
"""A phone number as it is printed (linked as ``tel:``), or ``none``."""


def _length_json(**extra: str) -> WithJsonSchema:
    """A length's JSON Schema: a number, or a number with a unit."""
    return WithJsonSchema({
        "anyOf": [
            {"type": "number"},
            {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*(pt|mm|cm|in)?\s*$"},
        ],
        "examples": ["18mm", "1.5cm", "0.5in", "12pt"],
        **extra,
    })


Length = Annotated[float, BeforeValidator(rules.length), _length_json()]
"""A length in points, written with a unit: 18mm, 1.5cm, 0.5in, 12pt."""

Colour = Annotated[str, AfterValidator(rules.colour),
                   WithJsonSchema({"type": "string", "pattern": r"^#[0-9A-Fa-f]{6}$"})]
"""An sRGB colour as #RRGGBB."""

DateText = Annotated[str, BeforeValidator(rules.date),
                     WithJsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"})]
"""A date as YYYY, YYYY-MM or YYYY-MM-DD."""

Language = Annotated[str, AfterValidator(rules.language)]
"""A BCP 47 language tag such as en-GB or cy."""

Keywords = Annotated[list[str], BeforeValidator(rules.split_keywords)]
"""Keywords as a YAML list, or as one line separated by commas."""

FontFile = Annotated[str, AfterValidator(rules.font_file)]
"""A TrueType file that exists and can be embedded."""

LogoFile = Annotated[str, AfterValidator(rules.logo_file)]
"""A PNG or JPEG logo that exists and is safe to read."""

LogoHeight = Annotated[Length, AfterValidator(rules.logo_height)]
"""A logo's printed height: 3mm to 60mm."""

QrSize = Annotated[float, BeforeValidator(rules.length), AfterValidator(rules.scannable),
                   _length_json(description="Width of a QR code's symbol, without its quiet "
                                            "zone; at least 15mm")]
"""A QR code's width: at least 15mm, to be scanned from paper."""

FooterText = Annotated[str, AfterValidator(rules.footer_text)]
"""The footer line, with placeholders {title} {short_name} {organisation} {date}."""

PageNumbers = Annotated[str, AfterValidator(rules.page_numbers)]
"""The page number text, with placeholders {page} {pages}."""

"""Field types shared by the briefing, style and pack models; each validates itself.

The types are annotated types that pydantic reads; the checks they run are plain
functions in model/rules.py. The tagged unions that name model classes (a section's
``Block``, a style's ``FamilyChoice``) are defined beside those classes.

Nothing here imports pydantic. The models are imported by every command, but pydantic's
schema machinery is only needed when a model's core schema is generated, not when a
kept one is used (model/schemacache.py): so the markers below speak pydantic's public
protocols (``__get_pydantic_core_schema__``, ``__get_pydantic_json_schema__``) and
import pydantic-core's schema builders when pydantic calls them, and ``Field``, ``Tag``
and ``Discriminator``, only ever read inside annotations, import pydantic when pydantic
evaluates those. About a fifth of a cold `briefpdf build` (docs/performance.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from briefpdf.model import rules

__all__ = ["After", "Before", "JsonSchema", "Discriminator", "Field", "Tag",
           "at_most", "Text", "RequiredText", "Url", "ContactUrl", "Email", "Phone",
           "Length", "Colour", "DateText",
           "Language", "FontFile", "LogoFile", "LogoHeight", "QrSize", "FooterText",
           "PageNumbers", "Keywords"]


@dataclass(frozen=True, eq=False)
class Before:
    """Run ``check`` on the raw value before the type's own validation (pydantic's
    ``BeforeValidator``); it returns the value to validate or raises ValueError."""

    check: Any

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.check, handler(source))


@dataclass(frozen=True, eq=False)
class After:
    """Run ``check`` on the validated value (pydantic's ``AfterValidator``); it returns
    the value to keep or raises ValueError."""

    check: Any

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.check, handler(source))


@dataclass(frozen=True, eq=False)
class JsonSchema:
    """The JSON Schema given for the type, in place of the generated one (pydantic's
    ``WithJsonSchema``): what `briefpdf schema` says about it."""

    schema: dict

    def __get_pydantic_json_schema__(self, core: Any, handler: Any) -> dict:
        return dict(self.schema)


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


def at_most(limit: int, hint: str = "split it into several shorter ones") -> After:
    """A validator refusing text longer than ``limit`` characters, saying what to do."""
    return After(rules.AtMost(limit, hint))


Text = Annotated[str, Before(rules.text), at_most(rules.MAX_TEXT),
                 After(rules.safe_links)]
"""Inline text: the Markdown subset; any link in it must use a safe scheme."""

RequiredText = Annotated[
    str, Before(rules.text), at_most(rules.MAX_TEXT),
    After(rules.non_empty), After(rules.safe_links)
]
"""Inline text that must not be empty."""

Url = Annotated[
    str, Before(rules.text),
    at_most(rules.MAX_URL, "use a shorter address for the same page"),
    After(rules.url), JsonSchema({"format": "uri", "type": "string"})
]
"""A link address: https, http or mailto; ``www.…`` means https."""

ContactUrl = Annotated[
    str, Before(rules.text),
    at_most(rules.MAX_URL, "use a shorter address for the same page"),
    After(rules.contact_url), JsonSchema({"format": "uri", "type": "string"})
]
"""A feedback contact's address, or ``none`` to leave out the style's."""

Email = Annotated[str, Before(rules.email),
                  at_most(254, "an email address is at most 254 characters")]
"""An email address (``mailto:`` in front is dropped), or ``none``."""

Phone = Annotated[str, Before(rules.text), at_most(40, "write one phone number"),
                  After(rules.phone)]
"""A phone number as it is printed (linked as ``tel:``), or ``none``."""


def _length_json(**extra: str) -> JsonSchema:
    """A length's JSON Schema: a number, or a number with a unit."""
    return JsonSchema({
        "anyOf": [
            {"type": "number"},
            {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*(pt|mm|cm|in)?\s*$"},
        ],
        "examples": ["18mm", "1.5cm", "0.5in", "12pt"],
        **extra,
    })


Length = Annotated[float, Before(rules.length), _length_json()]
"""A length in points, written with a unit: 18mm, 1.5cm, 0.5in, 12pt."""

Colour = Annotated[str, After(rules.colour),
                   JsonSchema({"type": "string", "pattern": r"^#[0-9A-Fa-f]{6}$"})]
"""An sRGB colour as #RRGGBB."""

DateText = Annotated[str, Before(rules.date),
                     JsonSchema({"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"})]
"""A date as YYYY, YYYY-MM or YYYY-MM-DD."""

Language = Annotated[str, After(rules.language)]
"""A BCP 47 language tag such as en-GB or cy."""

Keywords = Annotated[list[str], Before(rules.split_keywords)]
"""Keywords as a YAML list, or as one line separated by commas."""

FontFile = Annotated[str, After(rules.font_file)]
"""A TrueType file that exists and can be embedded."""

LogoFile = Annotated[str, After(rules.logo_file)]
"""A PNG or JPEG logo that exists and is safe to read."""

LogoHeight = Annotated[Length, After(rules.logo_height)]
"""A logo's printed height: 3mm to 60mm."""

QrSize = Annotated[float, Before(rules.length), After(rules.scannable),
                   _length_json(description="Width of a QR code's symbol, without its quiet "
                                            "zone; at least 15mm")]
"""A QR code's width: at least 15mm, to be scanned from paper."""

FooterText = Annotated[str, After(rules.footer_text)]
"""The footer line, with placeholders {title} {short_name} {organisation} {date}."""

PageNumbers = Annotated[str, After(rules.page_numbers)]
"""The page number text, with placeholders {page} {pages}."""

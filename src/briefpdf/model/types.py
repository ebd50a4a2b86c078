"""Field types shared by the briefing, style and pack models; each validates itself."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from briefpdf.model.inline import links_in, normalise_url, url_problem

UNITS_TO_POINTS = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(pt|mm|cm|in)?\s*$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def _text(value: object) -> object:
    """Text fields take what was typed; a number typed bare is still text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def no_items() -> list:
    """A new empty list, the default of list fields. (A function of ours rather than the
    builtin ``list``: pydantic inspects a default factory's signature, and the signature
    of a builtin is parsed with the tokenizer, which costs a cold start a regex compile.)"""
    return []


MAX_TEXT = 10_000
"""Characters in one text field (about two pages); see docs/limits.md."""
MAX_URL = 2_000
"""Characters in one link address (what browsers and QR codes reliably handle)."""


def at_most(limit: int, hint: str = "split it into several shorter ones") -> AfterValidator:
    """A validator refusing text longer than ``limit`` characters, saying what to do."""

    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(f"too long ({len(value):,} characters; the limit is {limit:,}); "
                             + hint)
        return value

    return AfterValidator(check)


def _non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty; write some text or remove the key")
    return value


def _safe_links(value: str) -> str:
    for url in links_in(value):
        problem = url_problem(url)
        if problem:
            raise ValueError(problem)
    return value


def _url(value: str) -> str:
    problem = url_problem(value)
    if problem:
        raise ValueError(problem)
    return normalise_url(value)


def _length(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    match = _LENGTH.match(str(value))
    if not match:
        raise ValueError(
            f"'{value}' is not a length; write a number with a unit, like 18mm, "
            "1.5cm, 0.5in or 12pt"
        )
    return float(match.group(1)) * UNITS_TO_POINTS[match.group(2) or "pt"]


def _colour(value: str) -> str:
    if not _COLOUR.match(value.strip()):
        raise ValueError(
            f"'{value}' is not a colour; write it as #RRGGBB, like \"#4B2A7B\" "
            "(in quotes, because # starts a comment in YAML)"
        )
    return value.strip().upper()


def _date(value: object) -> str:
    value = str(value).strip()
    match = _DATE.match(value)
    if not match:
        raise ValueError(
            f"'{value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, like 2017-06"
        )
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        _dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date; check the month and day") from None
    return value


def _language(value: str) -> str:
    if not _LANGUAGE.match(value.strip()):
        raise ValueError(f"'{value}' is not a language tag; write one like en-GB or cy")
    return value.strip()


Text = Annotated[str, BeforeValidator(_text), at_most(MAX_TEXT), AfterValidator(_safe_links)]
"""Inline text: the Markdown subset; any link in it must use a safe scheme."""

RequiredText = Annotated[
    str, BeforeValidator(_text), at_most(MAX_TEXT), AfterValidator(_non_empty),
    AfterValidator(_safe_links)
]
"""Inline text that must not be empty."""

Url = Annotated[
    str, BeforeValidator(_text), at_most(MAX_URL, "use a shorter address for the same page"),
    AfterValidator(_url), Field(json_schema_extra={"format": "uri"})
]
"""A link address: https, http or mailto; ``www.…`` means https."""

Length = Annotated[
    float,
    BeforeValidator(_length),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*(pt|mm|cm|in)?\s*$"},
            ],
            "examples": ["18mm", "1.5cm", "0.5in", "12pt"],
        }
    ),
]
"""A length in points, written with a unit: 18mm, 1.5cm, 0.5in, 12pt."""

Colour = Annotated[str, AfterValidator(_colour), Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
"""An sRGB colour as #RRGGBB."""

DateText = Annotated[str, BeforeValidator(_date), Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
"""A date as YYYY, YYYY-MM or YYYY-MM-DD."""

Language = Annotated[str, AfterValidator(_language)]
"""A BCP 47 language tag such as en-GB or cy."""


def format_date(value: str | None, language: str = "en-GB") -> str:
    """A date as readers expect it: 2017, June 2017, 5 June 2017."""
    if not value:
        return ""
    match = _DATE.match(value)
    if not match:
        return value
    year, month, day = match.groups()
    months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    if not month:
        return year
    name = months[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"

"""The checks behind the model's field types, as plain functions (no pydantic import).

pydantic runs them when it validates a file (model/types.py attaches them to the field
types); kept apart from pydantic, each can be read and tested on its own.
"""

from __future__ import annotations

import datetime as _dt
import re
import string

from briefpdf.model.inline import links_in, normalise_url, url_problem

UNITS_TO_POINTS = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(pt|mm|cm|in)?\s*$")
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")

MAX_TEXT = 10_000
"""Characters in one text field (about two pages); see docs/limits.md."""
MAX_URL = 2_000
"""Characters in one link address (what browsers and QR codes reliably handle)."""


def text(value: object) -> object:
    """Text fields take what was typed; a number typed bare is still text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def no_items() -> list:
    """A new empty list, the default of list fields. (A function of ours rather than the
    builtin ``list``: pydantic inspects a default factory's signature, and the signature
    of a builtin is parsed with the tokenizer, which costs a cold start a regex compile.)"""
    return []


class AtMost:
    """A check refusing text longer than ``limit`` characters, saying what to do."""

    def __init__(self, limit: int, hint: str = "split it into several shorter ones"):
        self.limit = limit
        self.hint = hint

    def __call__(self, value: str) -> str:
        if len(value) > self.limit:
            raise ValueError(f"too long ({len(value):,} characters; the limit is "
                             f"{self.limit:,}); " + self.hint)
        return value


def non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty; write some text or remove the key")
    return value


def safe_links(value: str) -> str:
    for url in links_in(value):
        if len(url) > MAX_URL:
            raise ValueError(f"a link address in this text is too long ({len(url):,} "
                             f"characters; the limit is {MAX_URL:,}); use a shorter address "
                             "for the same page")
        problem = url_problem(url)
        if problem:
            raise ValueError(problem)
    return value


def url(value: str) -> str:
    problem = url_problem(value)
    if problem:
        raise ValueError(problem)
    return normalise_url(value)


def contact_url(value: str) -> str:
    """A contact's web address, or ``none`` (which leaves out the style's)."""
    return value.strip() if value.strip().lower() == "none" else url(value)


def email(value: object) -> object:
    """An email address, as typed or copied from a link (``mailto:x@y`` is ``x@y``)."""
    if not isinstance(value, str):
        return text(value)
    address = value.strip()
    if address.lower().startswith("mailto:"):
        address = address[len("mailto:"):].strip()
    if address.lower() == "none":
        return address
    if "@" not in address or any(char.isspace() for char in address):
        raise ValueError(f"'{value}' is not an email address; write it like name@example.org")
    return address


_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]*$")


def phone(value: str) -> str:
    """A phone number as people write it: digits, spaces, brackets, dashes, a leading +."""
    number = value.strip()
    if number.lower() == "none":
        return number
    if not _PHONE.match(number) or sum(char.isdigit() for char in number) < 3:
        raise ValueError(f"'{value}' is not a phone number; write digits (spaces, brackets "
                         "and a leading + are fine), like 0117 496 0123 or +44 117 496 0123")
    return number


def length(value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    match = _LENGTH.match(str(value))
    if not match:
        raise ValueError(
            f"'{value}' is not a length; write a number with a unit, like 18mm, "
            "1.5cm, 0.5in or 12pt"
        )
    return float(match.group(1)) * UNITS_TO_POINTS[match.group(2) or "pt"]


def colour(value: str) -> str:
    if not _COLOUR.match(value.strip()):
        raise ValueError(
            f"'{value}' is not a colour; write it as #RRGGBB, like \"#4B2A7B\" "
            "(in quotes, because # starts a comment in YAML)"
        )
    return value.strip().upper()


def date(value: object) -> str:
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


def language(value: str) -> str:
    if not _LANGUAGE.match(value.strip()):
        raise ValueError(f"'{value}' is not a language tag; write one like en-GB or cy")
    return value.strip()


def split_keywords(value: object) -> object:
    """``keywords: a, b`` is accepted as well as a YAML list."""
    if isinstance(value, str):
        return [word.strip() for word in value.split(",") if word.strip()]
    return value


def font_file(value: str) -> str:
    """A font file's path. The file itself is checked once its location is known to be
    inside the project (model/document.py), never opened here."""
    return value


def logo_file(value: str) -> str:
    """A logo file's path; checked like a font file's, never opened here."""
    return value


def logo_height(value: float) -> float:
    if not 3 * 72 / 25.4 <= value <= 60 * 72 / 25.4:
        raise ValueError(f"a logo {value * 25.4 / 72:.1f}mm high cannot be printed well; "
                         "give a height between 3mm and 60mm, like 14mm")
    return value


QR_MIN_SIZE_MM = 15.0
"""The smallest QR code a phone reliably scans from a printed page."""


def scannable(value: float) -> float:
    if value < QR_MIN_SIZE_MM * 72 / 25.4 - 1e-6:
        raise ValueError(f"a QR code needs to be at least {QR_MIN_SIZE_MM:g}mm wide to be "
                         "scanned from paper; write qr_size: 15mm or more")
    return value


FOOTER_PLACEHOLDERS = ("title", "short_name", "organisation", "date")
PAGE_PLACEHOLDERS = ("page", "pages")


def placeholders(template: str, allowed: tuple[str, ...]) -> str:
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


def footer_text(value: str) -> str:
    return placeholders(value, FOOTER_PLACEHOLDERS)


def page_numbers(value: str) -> str:
    return placeholders(value, PAGE_PLACEHOLDERS)


def font_family_kind(value: object) -> str:
    """A font family is a name (``body``, ``Source Sans Pro``) or a group of files."""
    return "name" if isinstance(value, str) else "files"


def format_date(value: str | None, language: str = "en-GB") -> str:
    """A date as readers expect it: 2017, June 2017, 5 June 2017."""
    if not value:
        return ""
    match = _DATE.match(value)
    if not match:
        return value
    year, month, day = match.groups()
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    if not month:
        return year
    name = months[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"

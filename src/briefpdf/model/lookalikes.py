"""Characters pasted from Word that fonts often lack, and what to draw in their place.

A non-breaking hyphen (U+2011), a thin space or a zero-width space is missing from many
fonts, Source Sans Pro included. Where neither the style's font nor the fallback has a
character, the layout draws the glyph of a look-alike instead, under the original
character's code: the PDF's ToUnicode map still says the original, so the text a
reader copies or a screen reader speaks is what was typed (compose/markup.py).

Pure data and functions: `briefpdf validate` uses them without ReportLab.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

LOOKALIKES: dict[str, str] = {
    "\u2011": "\u2010-",   # non-breaking hyphen → hyphen, hyphen-minus
    "\u2010": "-",         # hyphen
    "\u2012": "\u2013-",   # figure dash
    "\u2212": "\u2013-",   # minus sign
    "\u2043": "-",         # hyphen bullet
    "\u2027": "\u00b7",    # hyphenation point
    "\u2032": "'",         # prime
    "\u2033": '"',         # double prime
    "\t": " ",             # a tab inside text
    "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ",
    "\u2007": " ",         # figure space
    "\u2008": " ",         # punctuation space
    "\u2009": "\u202f\u2006 ",  # thin space
    "\u200a": "\u2009\u202f ",  # hair space
    "\u202f": "\u2009\u00a0 ",  # narrow no-break space
    "\u205f": " ",         # medium mathematical space
    "\u200b": "\ufeff",    # zero-width space → an empty glyph of no width
    "\u200c": "\ufeff",    # zero-width non-joiner
    "\u200d": "\ufeff",    # zero-width joiner
    "\u2060": "\ufeff",    # word joiner
}
"""Character → look-alikes to draw instead, best first (each must be one character)."""

LAST_RESORT = "?"
"""Drawn for a character nothing else stands in for: never an empty box."""


def lookalike(char: str, has: Callable[[str], bool]) -> str | None:
    """The first look-alike of ``char`` that ``has`` (a font) can draw, or None."""
    return next((alt for alt in LOOKALIKES.get(char, "") if has(alt)), None)


def replacement(char: str, has: Callable[[str], bool]) -> str:
    """What to draw for ``char`` when no font has it: a look-alike, the letter without
    its accent (``ŵ`` → ``w``), or a question mark."""
    found = lookalike(char, has)
    if found is not None:
        return found
    base = unicodedata.normalize("NFKD", char)
    base = "".join(c for c in base if not unicodedata.combining(c))
    if len(base) == 1 and base != char and has(base):
        return base
    return LAST_RESORT

"""The neutral intermediate: a flat run of blocks, each knowing where it came from.

Readers know their format (Word styles, Markdown tokens, text lines); the assembler
knows briefings. Between them is this one small vocabulary, so the rules that make a
briefing (title, kind, sections, links, feedback) are written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefpdf.errors import InputError, Problem

KINDS = ("title", "subtitle", "heading", "para", "item", "callout", "quote", "image",
         "unplaced")


@dataclass
class Block:
    """One piece of the source. ``text`` is inline Markdown of briefpdf's subset."""

    kind: str
    text: str = ""
    where: str = ""
    """Where it was in the source, for messages: ``line 12`` or ``paragraph 7``."""
    ordered: bool = False
    """A numbered (not bulleted) list item."""
    title: str = ""
    """A callout's title, a quote's author."""
    image: bytes = b""
    ext: str = ""
    """The image's file type: ``png`` or ``jpg``."""
    alt: str = ""
    width: str = ""
    """An image's printed width as the source sized it (``80mm``), or ``""``."""
    what: str = ""
    """For unplaced blocks: what it was (``a table of 3 rows``, ``a text box``)."""


@dataclass
class Note:
    """Something the reader or assembler could not place, or changed, with where."""

    where: str
    message: str


@dataclass
class Read:
    """What a reader returns: the blocks, and the notes it made on the way."""

    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


CONTACT_LINE = re.compile(
    r"^(?P<label>e-?mail|twitter|x|website|web ?site|web|phone|tel|telephone|"
    r"survey|feedback form)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
"""A feedback contact as documents list them: ``Email: …``, ``Twitter: …``."""

_LETTERS = re.compile(r"[^\W\d_]")


def is_all_caps(text: str) -> bool:
    """Text with at least two letters and no lower-case letter: a typed heading."""
    letters = _LETTERS.findall(text)
    return len(letters) >= 2 and not any(ch.islower() for ch in letters)


def looks_like_heading(plain: str) -> bool:
    """A short line that reads as a heading rather than a sentence."""
    plain = plain.strip()
    return 0 < len(plain) <= 150 and len(plain.split()) <= 20 and not plain.endswith(
        (".", ",", ";"))


def shown(text: str, size: int = 40) -> str:
    """The start of a text, for a message: ``"The reviewers found…"``."""
    text = " ".join(text.split())
    return f"“{text[:size]}…”" if len(text) > size else f"“{text}”"


def fail(name: str, message: str, line: int = 1, column: int = 1) -> InputError:
    """The error for a file that cannot be imported (shared by every reader)."""
    return InputError([Problem(name, line, column, message)])

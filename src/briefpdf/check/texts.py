"""Every text of a briefing, in reading order, with what it is and where it is written."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

SKIPPED = frozenset({"style", "date", "language", "layout", "image", "width", "decorative",
                     "qr", "action_plan", "allow", "url"})
"""Keys whose values are settings, file paths or addresses, not words a reader reads."""

CONTACTS = frozenset({"email", "twitter", "website", "survey", "phone"})
"""The feedback block's contacts: the board's own, published on purpose."""

READING_ORDER = ("title", "subtitle", "kind", "author", "classification", "summary",
                 "sections", "questions", "feedback", "keywords")
"""The order a reader meets the top-level fields (the file may list them in any order)."""


@dataclass(frozen=True)
class Text:
    """One string of the briefing. ``role`` says what it is: title, summary, heading,
    prose, link-title, link-note, alt or keyword."""

    path: tuple
    value: str
    role: str

    @property
    def section(self) -> int | None:
        """The index of the section this text is in, or None (title, feedback …)."""
        if len(self.path) > 1 and self.path[0] == "sections" and isinstance(self.path[1], int):
            return self.path[1]
        return None


def briefing_texts(data: Any) -> list[Text]:
    """Every text of a briefing's plain data, in reading order."""
    if not isinstance(data, dict):
        return []
    keys = [k for k in READING_ORDER if k in data] + [k for k in data if k not in READING_ORDER]
    found: list[Text] = []
    for key in keys:
        if key in SKIPPED:
            continue
        for path, value in _strings(data[key], (key,)):
            role = _role(path)
            if role is not None:
                found.append(Text(path, value, role))
    return found


def _strings(data: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in SKIPPED:
                yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))


def _role(path: tuple) -> str | None:
    key = path[-1]
    named = [part for part in path if isinstance(part, str)]
    if path[0] == "feedback":
        return None if key in CONTACTS else "prose"
    if path[0] in ("title", "subtitle", "kind", "author", "classification"):
        return "title"
    if path[0] == "summary":
        return "summary"
    if path[0] == "keywords":
        return "keyword"
    if key == "heading":
        return "heading"
    if key == "alt":
        return "alt"
    if len(named) >= 2 and named[-2] == "links" and key in ("title", "note"):
        return f"link-{key}"
    return "prose"


SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
"""Where one sentence ends and the next starts: . ! or ? then space and a capital. (The
stop is matched, not looked behind for: a pattern that starts with a character class is
searched for fast.)"""


def sentences(value: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of a text."""
    found: list[tuple[int, str]] = []
    start = 0
    for match in SENTENCE_END.finditer(value):
        found.append((start, value[start:match.start() + 1]))  # with its stop
        start = match.end()
    if value[start:].strip():
        found.append((start, value[start:]))
    return found

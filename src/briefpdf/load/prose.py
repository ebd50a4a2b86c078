"""Prose that YAML would misread, kept exactly as the user typed it.

Board administrators paste sentences such as ``Key point: the school had raised
concerns`` or ``callout: Remember: always ask``. YAML reads the first as a key and a
value, and refuses the second ("mapping values are not allowed here"). This module
helps the loader keep such text as typed:

- ``mask_colons`` lets a colon inside a value through the parser by replacing it, in a
  copy of the text, with a stand-in character of the same length (so every position
  stays right); the converter puts the colon back.
- ``item_text`` is the source text of a one-key mapping in a list (``- Key: value``),
  for the model to use when the key is plainly prose (see model/prose.py).
- ``continuation_lines`` are the lines of a value that spans several lines, for
  spotting lines pasted from Word that start with a bullet.
"""

from __future__ import annotations

import re

import yaml

from briefpdf.load.lines import line_starts

MASK = "\ue000"
"""Stands in for a colon inside a value while the YAML is parsed (a private-use
character; masking is skipped for a file that contains it)."""

MAX_MASKS = 1_000
"""Colons let through in one file at most (each costs one more parse)."""

_KEY_LINE = re.compile(r"^(?P<lead>\s*(?:-\s+)*)(?P<key>[^\s#\-\"'{\[][^:#]*?):(?:\s|$)")
"""A line that starts with ``key:`` (perhaps after list dashes)."""


def maskable(text: str, error: yaml.MarkedYAMLError) -> int | None:
    """The offset of the colon to mask for ``error``, or None when the error is not a
    colon inside the value of a ``key: value`` line (a mis-indented key, say, which the
    user has to fix)."""
    mark = error.problem_mark
    if "mapping values are not allowed" not in (error.problem or "") or mark is None:
        return None
    lines = text.split("\n")
    if mark.line >= len(lines):
        return None
    line = lines[mark.line]
    match = _KEY_LINE.match(line)
    if match is None or line[mark.column: mark.column + 1] != ":" \
            or mark.column < match.end():
        return None  # the colon is the line's own key colon, or the line has no key
    return sum(len(before) + 1 for before in lines[: mark.line]) + mark.column


def mask(text: str, offset: int) -> str:
    return text[:offset] + MASK + text[offset + 1:]


def unmask(value: str) -> str:
    return value.replace(MASK, ":")


class Text:
    """The text of a file, with offsets from the line and column of YAML marks (libyaml's
    own ``index`` counts bytes, not characters)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = line_starts(text)

    def at(self, mark: yaml.Mark) -> int:
        if mark.line >= len(self.starts):
            return len(self.text)
        return min(self.starts[mark.line] + mark.column, len(self.text))


def scalar_text(text: Text, node: yaml.ScalarNode) -> str:
    """A value of a file with masked colons: the colons back, and for a plain value with
    one (prose, then) a ``# …`` after it on its last line kept as text, not a comment."""
    value = unmask(node.value)
    start, end = text.at(node.start_mark), text.at(node.end_mark)
    if not node.style and MASK in text.text[start:end]:
        value += text.text[end: _line_end(text.text, end)].rstrip()
    return value


def item_text(text: Text, key: yaml.Node, value: yaml.Node) -> str:
    """``Key: value`` exactly as typed, from the file's text: lines of a long value joined
    with single spaces, and a ``# …`` that YAML would have cut as a comment kept."""
    end = text.at(value.end_mark)
    if isinstance(value, yaml.ScalarNode) and not value.style:
        end = _line_end(text.text, end)  # a plain value: the rest of its last line too
    raw = unmask(text.text[text.at(key.start_mark): end])
    return " ".join(part.strip() for part in raw.split("\n") if part.strip())


def _line_end(text: str, index: int) -> int:
    newline = text.find("\n", index)
    return len(text) if newline < 0 else newline


def continuation_lines(text: Text, node: yaml.ScalarNode) -> list[tuple[int, int, str]]:
    """(line, column, text) of each line after the first of a value written on several
    lines (1-based positions of the first character that is not a space)."""
    found = []
    end = text.at(node.end_mark)
    for line in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(text.starts))):
        begin = text.starts[line]
        raw = unmask(text.text[begin: min(_line_end(text.text, begin), end)])
        stripped = raw.lstrip(" ")
        if stripped.strip():
            found.append((line + 1, len(raw) - len(stripped) + 1, stripped.rstrip()))
    return found

"""The briefing data → YAML text that is pleasant to edit and loads back exactly.

Keys come in the order of `briefpdf new`. Each text is written plain where YAML reads
it back unchanged, in double quotes where it is short and would not (a colon and a
space, a leading ``@``, ``#`` or ``-``, spaces at the ends…), and folded (``>-``) over
several lines where it is long. Every choice is checked by loading it with PyYAML's
safe loader before it is taken, so the file always means what was imported.
"""

from __future__ import annotations

import re

import yaml

from briefpdf.importer.assemble import Comment

WIDTH = 88
"""Folded text is wrapped to about this many columns."""

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def dump(data: dict, header: list[str]) -> str:
    """The whole file: a comment header, then the data."""
    lines = _comment(header, "")
    lines.append("")
    for key, value in data.items():
        if key == "sections":
            lines.append("")
            lines.append("sections:")
            for section in value:
                lines.extend(_mapping_item(section, 2))
                lines.append("")
        elif key == "feedback":
            lines.append("feedback:")
            lines.extend(_mapping(value, 2))
        else:
            lines.extend(_pair(key, value, 0))
    return "\n".join(lines).rstrip("\n") + "\n"


def _mapping(data: dict, indent: int) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        lines.extend(_pair(key, value, indent))
    return lines


def _mapping_item(data: dict, indent: int) -> list[str]:
    """``- key: value`` then the other keys lined up under the first."""
    lines = _mapping(data, indent + 2)
    first = lines[0]
    lines[0] = " " * indent + "- " + first[indent + 2:]
    return lines


def _pair(key: str, value, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, bool):
        return [f"{pad}{key}: {'true' if value else 'false'}"]
    if isinstance(value, str):
        return _scalar_lines(f"{pad}{key}:", value, indent)
    if isinstance(value, dict):
        return [f"{pad}{key}:", *_mapping(value, indent + 2)]
    if all(isinstance(item, Comment) for item in value):  # nothing but comments: empty
        return [f"{pad}{key}: []", *_sequence(value, indent + 2)]
    lines = [f"{pad}{key}:"]
    lines.extend(_sequence(value, indent + 2))
    return lines


def _sequence(items: list, indent: int) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for item in items:
        if isinstance(item, Comment):
            lines.extend(_comment(item.lines, pad))
        elif isinstance(item, str):
            lines.extend(_scalar_lines(f"{pad}-", item, indent))
        else:
            lines.extend(_mapping_item(item, indent))
    return lines


def _comment(texts: list[str], pad: str) -> list[str]:
    """Comment lines: any line break inside a text starts a new comment line, and
    characters YAML does not allow in a file are shown as U+FFFD."""
    lines = [line for text in texts for line in (text.splitlines() or [""])]
    return [f"{pad}# {_UNPRINTABLE.sub(chr(0xFFFD), line)}".rstrip() for line in lines]


def _scalar_lines(prefix: str, text: str, indent: int) -> list[str]:
    """``prefix`` (``key:`` or ``-``) followed by ``text`` written as YAML needs it."""
    context = "- " if prefix.endswith("-") else "key: "
    fits = len(prefix) + 1 + len(text) <= WIDTH or " " not in text
    if fits and _reads_back(context + text, text, context):
        return [f"{prefix} {text}"]
    if len(prefix) + 3 + len(text) <= WIDTH:
        return [f"{prefix} {quoted(text)}"]
    folded = _folded(text, max(WIDTH - indent - 2, 40))
    if folded and len(folded) > 1 and _reads_back(
            context + ">-\n" + "\n".join("  " + line for line in folded), text, context):
        return [f"{prefix} >-", *(" " * (indent + 2) + line for line in folded)]
    return [f"{prefix} {quoted(text)}"]


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (only ``\\``, ``"`` and unprintable characters are
    escaped; everything else is kept as typed)."""
    out = []
    for ch in text:
        if ch in '\\"':
            out.append("\\" + ch)
        elif _UNPRINTABLE.match(ch):
            code = ord(ch)
            out.append(f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _folded(text: str, width: int) -> list[str] | None:
    """``text`` in lines of a folded block scalar, or None when one cannot hold it.
    Lines break only at single spaces between words, so folding gives the text back."""
    if (text != text.strip() or "\n" in text or "\t" in text or _UNPRINTABLE.search(text)
            or not text):
        return None
    words = text.split(" ")
    if "" in words:  # two spaces in a row cannot be broken safely: keep such runs whole
        return [text]
    lines: list[str] = []
    line = ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def _reads_back(document: str, text: str, context: str) -> bool:
    try:
        loaded = yaml.safe_load(document)
    except yaml.YAMLError:
        return False
    if context == "- ":
        return loaded == [text] and isinstance(loaded[0], str)
    return loaded == {"key": text} and isinstance(loaded["key"], str)

"""Forgiving authoring: text that YAML misread is taken back as the user typed it.

Runs on a briefing's plain data before validation (model/document.py):

- ``- Key point: the school had raised concerns`` in a paragraph or list position is a
  one-key mapping to YAML. When the key is plainly prose (it has a space, or it is not
  close to any block keyword) the item becomes the text exactly as typed
  (load/prose.py keeps it); when it is close to a keyword (``bulets:``, ``Callout:``) it
  is an error that names the keyword.
- Lines pasted from Word that start with a bullet (``•``, ``·``, ``o``, ``-``) inside a
  paragraph or list item become list items, with a warning that says so.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from briefpdf.errors import Problem
from briefpdf.load.yaml_source import Source
from briefpdf.model.briefing import BLOCK_KEYS

FIELD_KEYS = ("title", "by", "alt", "width", "decorative")
"""Keys of blocks other than the block keywords: written lower case they are keys."""

_BULLET = re.compile(r"^(?:[•·◦▪‣o*-]|\d{1,2}[.)])\s+")
"""A line pasted from a Word list: a bullet (or o, -, *) or a number, then a space."""
_PASTED = re.compile(r"^[•·◦▪‣o-]\s+")
"""The bullets the warning is about (a number or * could be text: 2019. was a year)."""


def recover_prose(source: Source) -> tuple[list[Problem], list[Problem]]:
    """Turn prose that YAML read as keys back into text, and pasted bullet lines into
    list items, in ``source.data`` (in place). Returns (problems, warnings)."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    data = source.data
    if not isinstance(data, dict):
        return problems, warnings
    if isinstance(data.get("questions"), list):
        _items(source, ("questions",), problems, warnings)
    for s, section in _enumerate(data.get("sections")):
        if not isinstance(section, dict) or not isinstance(section.get("content"), list):
            continue
        content_path = ("sections", s, "content")
        index = 0
        while index < len(section["content"]):
            index += _block(source, content_path, index, problems, warnings)
    return problems, warnings


def _enumerate(value: Any) -> list[tuple[int, Any]]:
    return list(enumerate(value)) if isinstance(value, list) else []


def _block(source: Source, content_path: tuple, index: int, problems: list[Problem],
           warnings: list[Problem]) -> int:
    """Recover one block of a section's content; the number of blocks it became."""
    content = _at(source.data, content_path)
    path = (*content_path, index)
    block = content[index]
    if isinstance(block, dict):
        if any(key in block for key in BLOCK_KEYS):
            for key in ("bullets", "numbered"):
                if isinstance(block.get(key), list):
                    _items(source, (*path, key), problems, warnings)
            return 1
        text = _prose(source, path, block, problems, nested="paragraph")
        if text is None:
            return 1
        content[index] = block = text
    if isinstance(block, str) and path in source.lines:
        split = _pasted_list(block, source.lines[path])
        if split is not None:
            intro, items, first = split
            warnings.append(_pasted_warning(source, path, first, item=False))
            if not intro:
                content[index] = {"bullets": items}
                return 1
            content[index] = intro
            _insert(source, content_path, index + 1, {"bullets": items})
            return 2
    return 1


def _items(source: Source, list_path: tuple, problems: list[Problem],
           warnings: list[Problem]) -> None:
    """Recover the items of a bullets:, numbered: or questions: list."""
    items = _at(source.data, list_path)
    recovered: list[Any] = []
    for index, item in enumerate(items):
        path = (*list_path, index)
        if isinstance(item, dict):
            text = _prose(source, path, item, problems, nested="item")
            item = item if text is None else text
        if isinstance(item, str) and path in source.lines:
            split = _pasted_list(item, source.lines[path])
            if split is not None:
                intro, more, first = split
                warnings.append(_pasted_warning(source, path, first, item=True))
                recovered.extend(([intro] if intro else []) + more)
                continue
        recovered.append(item)
    if len(recovered) != len(items):
        _renumber(source, list_path, items, recovered)
    items[:] = recovered


def _prose(source: Source, path: tuple, value: dict, problems: list[Problem],
           nested: str) -> str | None:
    """The text typed for a one-key mapping whose key is prose; None (and perhaps a
    problem) when it is not."""
    if len(value) != 1:
        return None
    key = next(iter(value))
    close = _close_keyword(key)
    if close is not None:
        problems.append(source.problem((*path, key), _keyword_message(key, close), key=True))
        return None
    if key in FIELD_KEYS:
        return None  # a block's own key without its keyword: validation says so
    if path in source.items:
        return source.items[path]
    if isinstance(value[key], list) and nested == "item":
        problems.append(source.problem((*path, key), (
            f"'{key}:' starts a list inside a list item, and a briefing's lists have one "
            f"level; write '{key}:' as an item of its own and move the items under it "
            "left, so that each '-' is under the '-' of that item"), key=True))
    return None


def _close_keyword(key: str) -> str | None:
    """The block keyword ``key`` is close to (``bulets``, ``Callout``), or None when
    ``key`` is plainly prose: it has a space, or it is not close to any keyword."""
    if not isinstance(key, str) or " " in key.strip() or key in BLOCK_KEYS:
        return None
    close = difflib.get_close_matches(key.lower(), BLOCK_KEYS, n=1, cutoff=0.75)
    return close[0] if close else None


def _keyword_message(key: str, keyword: str) -> str:
    if key.lower() == keyword:
        fix = f"keys are written in lower case: {keyword}:"
    else:
        fix = f"did you mean '{keyword}'?"
    return (f"'{key}:' is not a kind of block; {fix} (if this line is text, not a key, "
            "put the whole line in double quotes)")


def _pasted_list(text: str, lines: list[tuple[int, int, str]]
                 ) -> tuple[str, list[str], tuple[int, int, str]] | None:
    """(text before the list, the items, the first bulleted line) when lines of ``text``
    start with a pasted bullet; None when none does."""
    parts = _lines_of(text, [line for _, _, line in lines])
    if parts is None:
        return None
    bulleted = [i for i, part in enumerate(parts) if _PASTED.match(part)]
    if not bulleted or (bulleted[0] == 0 and len(bulleted) < 2):
        return None
    first = bulleted[0]
    items: list[str] = []
    for part in parts[first:]:
        match = _BULLET.match(part)
        if match:
            items.append(part[match.end():])
        else:
            items[-1] += " " + part
    intro = " ".join(parts[:first])
    shown = next(line for line in lines if line[2] == parts[first]) if first else \
        (lines[0][0] - 1, 1, parts[0])
    return intro, items, shown


def _lines_of(text: str, continuations: list[str]) -> list[str] | None:
    """The lines of a value as typed: a literal (``|``) value keeps its line breaks; a
    plain one was joined with spaces, so it is split again at its source lines."""
    if "\n" in text.strip():
        return [line.strip() for line in text.strip().split("\n") if line.strip()]
    tail = " ".join(continuations)
    if not continuations or not text.endswith(tail):
        return None
    head = text[: len(text) - len(tail)].strip()
    return [head, *continuations] if head else continuations


def _pasted_warning(source: Source, path: tuple, first: tuple[int, int, str], *,
                    item: bool) -> Problem:
    line, column, text = first
    bullet = text.split()[0]
    if item:
        message = (f"this line starts with '{bullet} ' inside the item above, so it is read "
                   "as an item of its own (a list has one level); to say so, start it with "
                   "'- ' directly under the '-' of the item above")
    else:
        message = (f"lines starting with '{bullet} ' are read as list items (pasted from a "
                   "list in another program?); to say so, write them as a bullets: list, "
                   "one '- ' item per line")
    return Problem(source.origin(path), line, column, message, severity="warning")


def _at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _insert(source: Source, list_path: tuple, index: int, value: Any) -> None:
    """Insert ``value`` into the list at ``list_path``, moving the positions of the items
    after it along, so later problems still point at the right lines."""
    _at(source.data, list_path).insert(index, value)
    depth = len(list_path)
    for table in (source.positions, source.key_positions, source.items, source.lines):
        moved = {path: table.pop(path) for path in list(table)
                 if len(path) > depth and path[:depth] == list_path
                 and isinstance(path[depth], int) and path[depth] >= index}
        for path, found in moved.items():
            table[(*list_path, path[depth] + 1, *path[depth + 1:])] = found
    source.positions[(*list_path, index)] = source.positions.get(
        (*list_path, index - 1), source.where(list_path))


def _renumber(source: Source, list_path: tuple, old: list, new: list) -> None:
    """Positions of a list's items after some items were split into several: each new
    item points at the item it came from."""
    depth = len(list_path)
    origin: list[int] = []
    for index, item in enumerate(old):
        count = 1
        if isinstance(item, str) and (*list_path, index) in source.lines:
            split = _pasted_list(item, source.lines[(*list_path, index)])
            if split is not None:
                count = len(split[1]) + (1 if split[0] else 0)
        origin.extend([index] * count)
    for table in (source.positions, source.key_positions):
        inside = {path: table.pop(path) for path in list(table)
                  if len(path) > depth and path[:depth] == list_path
                  and isinstance(path[depth], int)}
        for new_index, old_index in enumerate(origin[: len(new)]):
            for path, found in inside.items():
                if path[depth] == old_index:
                    table[(*list_path, new_index, *path[depth + 1:])] = found

"""Plain text (.txt): the shape of a Word document saved as text, or typed by hand.

A title line; headings in CAPITALS or wholly ``**bold**``; paragraphs separated by blank
lines (lines in between are joined); ``- ``, ``* `` or pasted ``•`` bullets and ``1.``
numbers; links typed as ``<https://…>`` or bare. Inline text is taken as briefpdf's
Markdown subset, which is what such a file already uses.
"""

from __future__ import annotations

import re

from briefpdf.importer.blocks import (
    CONTACT_LINE,
    Block,
    Read,
    is_all_caps,
    looks_like_heading,
)

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣]|\u2022)\s+(?P<text>\S.*)$")
_NUMBER = re.compile(r"^\s*(?:\d{1,3}|[a-z])[.)]\s+(?P<text>\S.*)$")
_BOLD_LINE = re.compile(r"^\*\*(?P<text>[^*]+?)\*\*:?$")
_GLUED_HEADING = re.compile(r"^(?P<before>.*?\S)\s*\*\*(?P<heading>[^*]+)\*\*$")


def read_text(text: str) -> Read:
    """The blocks of a text file."""
    read = Read()
    paragraph: list[str] = []
    start = 0
    item: Block | None = None

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            _paragraph(" ".join(paragraph), f"line {start}", read)
        paragraph = []

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            flush()
            item = None
            continue
        bullet = _BULLET.match(raw)
        numbered = None if bullet else _NUMBER.match(raw)
        if bullet or numbered:
            flush()
            match = bullet or numbered
            item = Block("item", match.group("text").strip(), f"line {number}",
                         ordered=numbered is not None)
            read.blocks.append(item)
        elif item is not None and raw[:1].isspace():
            item.text += " " + line  # an item's wrapped line
        elif CONTACT_LINE.match(line) and not _BOLD_LINE.match(line):
            flush()  # contacts typed one per line, without bullets: one block each
            item = None
            read.blocks.append(Block("para", line, f"line {number}"))
        else:
            item = None
            if not paragraph:
                start = number
            paragraph.append(line)
    flush()
    return read


def _paragraph(text: str, where: str, read: Read) -> None:
    """A paragraph, or a heading (in capitals, or wholly bold). A first line that runs
    straight into a bold heading (``… FAMILY L**What is a CPIR?**``) is two blocks."""
    glued = _GLUED_HEADING.match(text)
    if glued and is_all_caps(glued.group("before")) and not read.blocks:
        read.blocks.append(Block("para", glued.group("before"), where))
        text = f"**{glued.group('heading')}**"
    bold = _BOLD_LINE.match(text)
    if bold and looks_like_heading(bold.group("text")):
        read.blocks.append(Block("heading", bold.group("text").strip(), where))
    elif is_all_caps(text) and looks_like_heading(text):
        read.blocks.append(Block("heading", text, where))
    else:
        read.blocks.append(Block("para", text, where))

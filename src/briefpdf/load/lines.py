"""Where each line of a file's text starts, to turn a line and column into an offset."""

from __future__ import annotations


def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts (lines end at a newline). Found
    with str.find, not by looking at every character in Python: files are read whole
    several times per build."""
    starts = [0]
    found = text.find("\n")
    while found >= 0:
        starts.append(found + 1)
        found = text.find("\n", found + 1)
    return starts

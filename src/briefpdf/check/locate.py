"""Where a match inside a text is written in the file (line and column).

The loader knows where each value starts. A match inside it is found by searching the
file's text from there for the matched words, with any run of spaces, line breaks and
indentation between them (a folded ``>-`` block breaks lines where the value has
spaces). A match that cannot be found verbatim (a quoted string with escapes) is put at
the start of the value.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from briefpdf.load.lines import line_starts
from briefpdf.load.yaml_source import Source


class Locator:
    """Positions of matches in one file's text."""

    def __init__(self, source: Source, text: str):
        self.source = source
        self.text = text
        self.line_starts = line_starts(text)

    def at(self, path: tuple, value: str, start: int = 0, matched: str = "") -> tuple[int, int]:
        """(line, column) of ``matched``, found at ``start`` in the value at ``path``."""
        line, column = self.source.where(path)
        if not matched.strip() or line > len(self.line_starts):
            return line, column
        offset = self.line_starts[line - 1] + column - 1
        window = offset + 3 * len(value) + 400
        pattern = _pattern(matched.strip())
        # The same words may occur earlier in the value: skip as many as precede ``start``.
        earlier = len(pattern.findall(value[:start])) if start else 0
        for index, found in enumerate(pattern.finditer(self.text, offset, window)):
            if index == earlier:
                return self.position(found.start())
        return line, column

    def position(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.line_starts, offset) - 1
        return row + 1, offset - self.line_starts[row] + 1


@lru_cache(maxsize=512)
def _pattern(matched: str) -> re.Pattern:
    return re.compile(r"\s+".join(re.escape(word) for word in matched.split()))

"""Markdown (.md) with markdown-it-py's CommonMark parser (a dependency already).

Headings (``#``; a first ``#`` is the title), paragraphs, lists, block quotes (→ quote)
and pictures (``![alt](file.png)``, read from beside the file; web addresses are never
fetched). Inline formatting is rewritten into briefpdf's subset. Tables, code and HTML
are not placed; their text is kept as comments.
"""

from __future__ import annotations

from pathlib import Path

from briefpdf.importer.blocks import (
    CONTACT_LINE,
    Block,
    Note,
    Read,
    is_all_caps,
    looks_like_heading,
    shown,
)
from briefpdf.importer.inline import to_markdown
from briefpdf.model.inline import spans_of


def read_markdown(text: str, folder: Path, name: str) -> Read:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return _Reader(folder, name).read(tokens)


class _Reader:
    def __init__(self, folder: Path, name: str):
        self.folder = folder.resolve()
        self.name = name
        self.out = Read()
        self.lists: list[bool] = []  # ordered? for each open list
        self.item: Block | None = None
        self.quote: list[str] | None = None
        self.table: list[list[str]] | None = None
        self.row: list[str] = []

    def read(self, tokens: list) -> Read:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            where = f"line {token.map[0] + 1}" if token.map else ""
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.lists.append(kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "list_item_open":
                self.item = None
            elif kind == "heading_open":
                inline = tokens[index + 1]
                text = self._inline(inline, where)
                first = not self.out.blocks and token.tag == "h1"
                self.out.blocks.append(Block("title" if first else "heading", text, where))
                index += 2
            elif kind == "paragraph_open":
                self._paragraph(tokens[index + 1], where)
                index += 1
            elif kind == "blockquote_open":
                self.quote = []
                self.quote_where = where
            elif kind == "blockquote_close" and self.quote is not None:
                self._end_quote()
            elif kind == "table_open":
                self.table = []
                self.table_where = where
            elif kind == "tr_open":
                self.row = []
            elif kind == "inline" and self.table is not None:
                self.row.append(token.content)
            elif kind == "tr_close" and self.table is not None:
                self.table.append(self.row)
            elif kind == "table_close" and self.table is not None:
                rows = self.table
                self.table = None
                self._unplaced(f"a table of {len(rows)} rows", self.table_where,
                               "\n".join(" | ".join(row) for row in rows))
            elif kind in ("fence", "code_block"):
                self._unplaced("a code block", where, token.content.rstrip("\n"))
            elif kind == "html_block":
                self._unplaced("HTML", where, token.content.rstrip("\n"))
            index += 1
        return self.out

    def _paragraph(self, inline, where: str) -> None:
        lines = inline.content.splitlines()
        if len(lines) > 1 and all(CONTACT_LINE.match(line.strip()) for line in lines):
            for line in lines:  # contacts one per line: a block each
                self.out.blocks.append(Block("para", line.strip(), where))
            return
        images = [c for c in inline.children or [] if c.type == "image"]
        text = self._inline(inline, where)
        for image in images:
            self._image(image, where)
        if not text:
            return
        if self.quote is not None:
            self.quote.append(text)
        elif self.lists:
            if self.item is None:
                self.item = Block("item", text, where, ordered=self.lists[-1])
                self.out.blocks.append(self.item)
            else:
                self.item.text += " " + text
        elif self._bold_only(inline) or (is_all_caps(text) and looks_like_heading(text)):
            self.out.blocks.append(Block("heading", text.strip("*").strip(), where))
        else:
            self.out.blocks.append(Block("para", text, where))

    @staticmethod
    def _bold_only(inline) -> bool:
        """A paragraph that is wholly ``**bold**`` and short: a heading typed by hand."""
        children = [c for c in inline.children or [] if c.type != "softbreak"]
        if len(children) < 3 or children[0].type != "strong_open" or (
                children[-1].type != "strong_close"):
            return False
        inner = children[1:-1]
        return all(c.type == "text" for c in inner) and looks_like_heading(
            "".join(c.content for c in inner))

    def _inline(self, inline, where: str) -> str:
        tokens = [c for c in inline.children or [] if c.type != "image"]  # placed apart
        text, exact = to_markdown(spans_of(tokens))
        if not exact:
            self.out.notes.append(_inexact(where, text))
        return text

    def _image(self, token, where: str) -> None:
        from briefpdf.importer.images import image_block

        src = str(token.attrs.get("src", ""))
        alt = token.content or ""
        if ":" in src.split("/", 1)[0]:
            self.out.notes.append(Note(where, f"the picture {src} is not in a file beside the "
                                              "document and was not fetched; save it next to "
                                              "the .md file and import again"))
            return
        path = (self.folder / src).resolve()
        if not path.is_relative_to(self.folder) or not path.is_file():
            self.out.notes.append(Note(where, f"the picture {src} was not found beside the "
                                              "document; it was not placed"))
            return
        found = image_block(path.read_bytes(), alt, where, self.name)
        if isinstance(found, Note):
            self.out.notes.append(found)
        else:
            self.out.blocks.append(found)

    def _end_quote(self) -> None:
        parts, self.quote = self.quote or [], None
        by = ""
        if len(parts) > 1 and parts[-1].startswith(("—", "–", "-")):
            by = parts.pop().lstrip("—–- ").strip()
        if parts:
            self.out.blocks.append(Block("quote", " ".join(parts), self.quote_where, title=by))

    def _unplaced(self, what: str, where: str, text: str) -> None:
        self.out.blocks.append(Block("unplaced", text, where, what=what))


def _inexact(where: str, text: str) -> Note:
    return Note(where, f"{shown(text)} has * _ [ or < that briefpdf reads as formatting and "
                       "has no way to escape; check how it prints")

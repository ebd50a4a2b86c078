"""Read a YAML file into plain Python data, remembering where every value was written.

Scalars are kept as the text the user typed (``"2017"``, ``"yes"``, ``"1.10"``), so
nothing is silently turned into a number, a date or a boolean; the model decides
what each field means. ``null`` and empty values become ``None``.

The YAML is composed with PyYAML's safe composer (no Python object tags) and
converted by hand so that duplicate keys, alias bombs and over-deep nesting are
reported as problems with a position instead of being accepted or crashing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent

from briefpdf.errors import InputError, Problem
from briefpdf.invocation import command
from briefpdf.load import prose

Path_ = tuple  # a path into the data: keys and list indexes


@dataclass(frozen=True)
class Limits:
    """Input limits; each is documented in docs/limits.md."""

    max_file_bytes: int = 2_000_000
    max_nodes: int = 100_000  # after alias expansion
    max_depth: int = 50
    max_items: int = 5_000  # in any one list


DEFAULT_LIMITS = Limits()


@dataclass
class Source:
    """Plain data from one YAML file, with positions (1-based line, column)."""

    file: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    origins: dict[Path_, str] = field(default_factory=dict)
    """For merged sources (style chains): the file each value came from."""
    items: dict[Path_, str] = field(default_factory=dict)
    """For a list item written ``- Key: value``: ``Key: value`` exactly as typed, in case
    it is prose rather than a key (see load/prose.py and model/prose.py)."""
    lines: dict[Path_, list[tuple[int, int, str]]] = field(default_factory=dict)
    """For a text written on several lines: (line, column, text) of each line after the
    first, to spot lines pasted with a bullet (model/prose.py)."""

    @property
    def base_dir(self) -> Path:
        """The folder that relative paths in this file are resolved against."""
        return Path(self.file).resolve().parent

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of the value (or, with key=True, the key) at the longest known prefix."""
        path = tuple(path)
        while path:
            if key and path in self.key_positions:
                return self.key_positions[path]
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def origin(self, path: Path_) -> str:
        """The file that wrote the value at ``path`` (the longest known prefix)."""
        path = tuple(path)
        while path and path not in self.origins:
            path = path[:-1]
        return self.origins.get(path, self.file)

    def problem(self, path: Path_, message: str, *, key: bool = False, **kw: Any) -> Problem:
        """A Problem located at ``path`` in the file that wrote it."""
        line, column = self.where(path, key=key)
        return Problem(self.origin(path), line, column, message, **kw)

    def merged_over(self, parent: Source) -> Source:
        """This source's data deep-merged over ``parent``'s (mappings merge, others replace)."""
        merged = Source(self.file, None)
        merged.data = _merge(parent, self, (), merged)
        return merged


def _merge(parent: Source, child: Source, path: Path_, into: Source) -> Any:
    """Merge the values at ``path``, copying positions and origins into ``into``."""
    p_value, c_value = _value_at(parent.data, path), _value_at(child.data, path)
    if isinstance(p_value, dict) and isinstance(c_value, dict):
        _copy_position(child if path else parent, path, into)
        result = {}
        for key in list(p_value) + [k for k in c_value if k not in p_value]:
            sub = path + (key,)
            result[key] = _merge(parent, child, sub, into) if key in c_value and key in p_value \
                else _take(child if key in c_value else parent, sub, into)
        return result
    return _take(child, path, into)


def _value_at(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def _take(source: Source, path: Path_, into: Source) -> Any:
    """Copy the value at ``path`` from ``source`` with all positions beneath it."""
    for table, target in ((source.positions, into.positions),
                          (source.key_positions, into.key_positions)):
        for known, position in table.items():
            if known[: len(path)] == path:
                target[known] = position
    for known in list(source.positions):
        if known[: len(path)] == path:
            into.origins[known] = source.origin(known)
    return _value_at(source.data, path)


def _copy_position(source: Source, path: Path_, into: Source) -> None:
    if path in source.positions:
        into.positions[path] = source.positions[path]
        into.origins[path] = source.origin(path)
    if path in source.key_positions:
        into.key_positions[path] = source.key_positions[path]


def load_yaml(path: str | Path, limits: Limits = DEFAULT_LIMITS,
              display: str | None = None) -> Source:
    """Read and parse one YAML file. Raises InputError with located problems."""
    name = display or str(path)
    text = _read_text(Path(path), name, limits)
    return parse_yaml(text, name, limits)


def parse_yaml(text: str, name: str, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Parse YAML text (already decoded) into a Source."""
    try:
        root, parsed = _compose_forgiving(text, name, limits)
    except yaml.MarkedYAMLError as exc:
        raise InputError([_yaml_problem(name, exc, text)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its errors
        raise InputError([Problem(name, 1, 1, f"not valid YAML: {exc}")]) from None
    except RecursionError:  # pragma: no cover - the composer stops at max_depth first
        raise InputError([Problem(name, 1, 1, _too_deep(limits))]) from None
    source = Source(name, None)
    if root is None:
        raise InputError([Problem(name, 1, 1, "the file is empty; "
                                              f"see `{command('new')}` for a template")])
    converter = _Converter(source, limits, parsed)
    source.data = converter.convert(root, (), 0)
    if converter.problems:
        raise InputError(converter.problems)
    return source


try:  # libyaml's parser is ~10x faster than the pure-Python one; same grammar and marks
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str):
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParser.__init__(self)


class _CountingComposer(Composer):
    """PyYAML's composer, stopping as soon as the document grows past the limits.

    Nodes are counted as if aliases were expanded (an alias counts the whole subtree
    it repeats), so an alias bomb is refused after a bounded amount of work."""

    def __init__(self, name: str, limits: Limits):
        Composer.__init__(self)
        self._name, self._limits = name, limits
        self._count = self._depth = 0
        self._sizes: dict[int, int] = {}

    def _stop(self, mark: Any, message: str) -> InputError:
        return InputError([Problem(self._name, mark.line + 1, mark.column + 1, message)])

    def compose_node(self, parent: Any, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            node = Composer.compose_node(self, parent, index)
            if id(node) not in self._sizes:
                raise self._stop(event.start_mark, (
                    f"*{event.anchor} repeats the list or group that contains it, "
                    "which never ends; remove the alias"))
            self._add(self._sizes[id(node)], event)
            return node
        self._depth += 1
        if self._depth > self._limits.max_depth:
            raise self._stop(event.start_mark, _too_deep(self._limits))
        before = self._count
        self._add(1, event)
        node = Composer.compose_node(self, parent, index)
        self._sizes[id(node)] = self._count - before
        self._depth -= 1
        return node

    def _add(self, count: int, event: Any) -> None:
        self._count += count
        if self._count > self._limits.max_nodes:
            raise self._stop(event.start_mark, _too_many(self._limits))


class _Loader(_CountingComposer, _Parser, yaml.resolver.Resolver):
    def __init__(self, stream: str, name: str, limits: Limits):
        _Parser.__init__(self, stream)
        _CountingComposer.__init__(self, name, limits)
        yaml.resolver.Resolver.__init__(self)


def _compose_forgiving(text: str, name: str, limits: Limits) -> tuple[yaml.Node | None, str]:
    """Compose the document, letting a colon inside a value through (load/prose.py):
    the node tree and the text it was composed from (with those colons masked)."""
    original = prose.MASK in text  # the stand-in itself typed: nothing can be masked
    for _ in range(prose.MAX_MASKS):
        try:
            return _compose(text, name, limits), text
        except yaml.MarkedYAMLError as exc:
            offset = None if original else prose.maskable(text, exc)
            if offset is None:
                raise
            text = prose.mask(text, offset)
    return _compose(text, name, limits), text


def _compose(text: str, name: str, limits: Limits) -> yaml.Node | None:
    """Compose one YAML document into nodes, within the limits."""
    loader = _Loader(text, name, limits)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _too_deep(limits: Limits) -> str:
    return (f"the YAML is nested more than {limits.max_depth} levels deep; "
            "check the indentation (a briefing needs only a few levels)")


def _too_many(limits: Limits) -> str:
    return (f"the file expands to more than {limits.max_nodes:,} values "
            "(too many items, or YAML aliases that repeat each other); simplify it")


def _read_text(path: Path, name: str, limits: Limits) -> str:
    """Read a file as UTF-8 text (UTF-8 BOM and UTF-16 with BOM accepted): a regular file
    only (a pipe or device would hang or never end), at most the limit plus one byte."""
    from briefpdf.load.files import Refused, read_input

    try:
        raw = read_input(path, limits.max_file_bytes)
    except Refused as exc:
        message = {
            "missing": "no such file; check the name and folder",
            "folder": "is a folder, not a YAML file",
            "special": ("is not a regular file (a pipe, device or socket); give a briefing "
                        "saved as a file"),
            "too_big": (f"the file is {exc.size or limits.max_file_bytes + 1:,} bytes, over "
                        f"the limit of {limits.max_file_bytes:,}; split it into several "
                        "briefings" if exc.size else
                        f"the file is over the limit of {limits.max_file_bytes:,} bytes; "
                        "split it into several briefings"),
        }.get(exc.kind, f"cannot read the file: {exc}")
        raise InputError([Problem(name, 1, 1, message)]) from None
    return decode_text(raw, name)


_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
                       "\ufffe\uffff]")
"""Characters YAML does not allow (C0/C1 controls, DEL, U+FFFE/FFFF) plus the invisible
line breaks U+0085, U+2028 and U+2029, which YAML would count as new lines. (The few
ranges not allowed are listed, rather than the allowed ones: that compiles ten times faster.)"""


def decode_text(raw: bytes, name: str) -> str:
    """Decode file bytes, with a located message for anything that is not text.

    Line endings (CRLF, CR) become LF, as YAML reads them anyway, so positions match
    what an editor shows."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError([Problem(name, 1, 1, "the file claims to be UTF-16 but is not; "
                                                  "save it as UTF-8")]) from None
    else:
        text = _decode_utf8(raw.removeprefix(b"\xef\xbb\xbf"), name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _NOT_TEXT.search(text)
    if bad:
        line, col = _position_of(text, bad.start())
        code = ord(bad.group())
        hint = {0x85: " (often a '…' from a Windows-1252 file: type ... or … instead)",
                0x2028: " (an invisible line break: press Enter instead)",
                0x2029: " (an invisible paragraph break: press Enter instead)"}.get(code, "")
        raise InputError([Problem(name, line, col, (
            f"invisible control character U+{code:04X} is not allowed{hint}; delete it "
            "(it often comes from copying text out of another program)"))])
    return text


def _decode_utf8(raw: bytes, name: str) -> str:
    if b"\x00" in raw:
        nul = raw.index(b"\x00")
        line, col = _position_of(raw, nul)
        if raw[1::2].count(0) > len(raw) // 4 or raw[0::2].count(0) > len(raw) // 4:
            message = ("the file looks like UTF-16 without a byte-order mark; "
                       "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)")
        else:
            message = ("this is a binary file, not YAML text; "
                       "save the briefing as plain text (UTF-8)")
        raise InputError([Problem(name, line, col, message)])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position_of(raw, exc.start)
        byte = raw[exc.start]
        raise InputError([Problem(name, line, col, (
            f"the file is not UTF-8 (byte 0x{byte:02X} here); save it as UTF-8 "
            "(in most editors: Save As, Encoding: UTF-8)"))]) from None


def _position_of(data: bytes | str, offset: int) -> tuple[int, int]:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    before = data[:offset]
    line = before.count(newline) + 1
    column = offset - (before.rfind(newline) + 1) + 1
    return line, column


def here_of(text: str, line: int) -> str:
    """Line number ``line`` (1-based) of ``text``, or ''."""
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _yaml_problem(name: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """Turn a PyYAML error into a located, actionable message."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = exc.problem or "not valid YAML"
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in problem or "'\\t'" in problem or ("\t" in here[: max(column, 1)]):
        message = "a tab is used for indentation; YAML needs spaces (indent with 2 spaces)"
    elif "mapping values are not allowed" in problem:
        message = ("a colon followed by a space inside text; put the whole text in double "
                   'quotes, e.g. note: "Time: 10am"')
    elif "found character" in problem and "that cannot start any token" in problem:
        char = here[column - 1: column] if 0 < column <= len(here) else ""
        message = (f"a value cannot start with '{char}' unless the text is in double quotes; "
                   f'write it like "{char}…"') if char.strip() else \
            f"{problem}; put the text in double quotes"
    elif "expected a single document" in (exc.context or "") \
            or "but found another document" in problem:
        message = "the file holds more than one YAML document (a line with ---); keep only one"
    elif "found undefined alias" in problem:
        alias = problem.split("alias", 1)[1].strip().strip("'")
        message = (f"*{alias} refers to an anchor &{alias} that is not defined before it; "
                   "define it first or write the value out")
    elif "found duplicate anchor" in (exc.context or ""):
        anchor = exc.context.split("anchor", 1)[1].split(";")[0].strip().strip("'")
        first = exc.context_mark.line + 1 if exc.context_mark else "?"
        message = f"the anchor &{anchor} is defined twice (first at line {first}); rename one"
    elif "maximum nesting depth" in problem:
        message = _too_deep(DEFAULT_LIMITS)
    elif "while parsing a flow" in (exc.context or "") and exc.context_mark:
        line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
        opener = here_of(text, line)[column - 1: column] or "["
        closer = {"[": "]", "{": "}"}.get(opener, "]")
        message = (f"this {opener} is never closed with {closer}; add it at the end, or put "
                   "the text in double quotes if the brackets are part of it")
    elif "unexpected end of stream" in problem and "quoted" in (exc.context or "") \
            and exc.context_mark:
        line, column = exc.context_mark.line + 1, exc.context_mark.column + 1
        message = "this quoted text is never closed; add the closing quote mark"
    else:
        context = f" ({exc.context})" if exc.context else ""
        message = f"not valid YAML: {problem}{context}; check the indentation and quotes here"
    return Problem(name, line, column, message)


class _Converter:
    """Convert a composed node tree to plain data, recording positions and problems."""

    def __init__(self, source: Source, limits: Limits, text: str = ""):
        self.source = source
        self.limits = limits
        self.text = prose.Text(text)
        self.masked = prose.MASK in text
        self.count = 0
        self.problems: list[Problem] = []

    def _at(self, node: yaml.Node, message: str) -> Problem:
        mark = node.start_mark
        return Problem(self.source.file, mark.line + 1, mark.column + 1, message)

    def convert(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > self.limits.max_nodes:
            raise InputError([self._at(node, _too_many(self.limits))])
        if depth > self.limits.max_depth:
            raise InputError([self._at(node, _too_deep(self.limits))])
        self.source.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:null":
                return None
            if node.end_mark.line > node.start_mark.line:
                self.source.lines[path] = prose.continuation_lines(self.text, node)
            return prose.scalar_text(self.text, node) if self.masked else node.value
        if isinstance(node, yaml.SequenceNode):
            if len(node.value) > self.limits.max_items:
                raise InputError([self._at(node, (
                    f"this list has {len(node.value):,} items, over the limit of "
                    f"{self.limits.max_items:,}; split it (or the briefing) into smaller ones"))])
            for i, child in enumerate(node.value):
                if isinstance(child, yaml.MappingNode) and len(child.value) == 1 \
                        and not child.flow_style:  # - Key: value, perhaps prose
                    key, value = child.value[0]
                    if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode):
                        self.source.items[path + (i,)] = prose.item_text(self.text, key, value)
            return [self.convert(child, path + (i,), depth + 1)
                    for i, child in enumerate(node.value)]
        return self._mapping(node, path, depth)

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) \
                    or key_node.tag == "tag:yaml.org,2002:null":
                self.problems.append(self._at(key_node, "a key must be a plain word, like title:"))
                continue
            key = key_node.value
            if key == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(self._at(key_node, (
                    "YAML merge keys (<<) are not supported; write the keys out in full")))
                continue
            if key in result:
                first = self.source.key_positions[path + (key,)]
                self.problems.append(self._at(key_node, (
                    f"'{key}' is written twice (first at line {first[0]}); keep one")))
                continue
            self.source.key_positions[path + (key,)] = (
                key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result

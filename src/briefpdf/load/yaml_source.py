"""Read a YAML file into plain Python data, remembering where every value was written.

Scalars are kept as the text the user typed (``"2017"``, ``"yes"``, ``"1.10"``), so
nothing is silently turned into a number, a date or a boolean; the model decides
what each field means. ``null`` and empty values become ``None``.

The YAML is composed with PyYAML's safe composer (no Python object tags) and
converted by hand so that duplicate keys, alias bombs and over-deep nesting are
reported as problems with a position instead of being accepted or crashing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefpdf.errors import InputError, Problem

Path_ = tuple  # a path into the data: keys and list indexes


@dataclass(frozen=True)
class Limits:
    """Input limits; each is documented in docs/limits.md."""

    max_file_bytes: int = 2_000_000
    max_nodes: int = 100_000  # after alias expansion
    max_depth: int = 50


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
            result[key] = (
                _merge(parent, child, sub, into)
                if key in c_value and key in p_value
                else _take(child if key in c_value else parent, sub, into)
            )
        return result
    return _take(child, path, into)


def _value_at(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def _take(source: Source, path: Path_, into: Source) -> Any:
    """Copy the value at ``path`` from ``source`` with all positions beneath it."""
    for table, target in (
        (source.positions, into.positions),
        (source.key_positions, into.key_positions),
    ):
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


def load_yaml(
    path: str | Path, limits: Limits = DEFAULT_LIMITS, display: str | None = None
) -> Source:
    """Read and parse one YAML file. Raises InputError with located problems."""
    name = display or str(path)
    text = _read_text(Path(path), name, limits)
    return parse_yaml(text, name, limits)


def parse_yaml(text: str, name: str, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Parse YAML text (already decoded) into a Source."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise InputError([_yaml_problem(name, exc, text)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its errors
        raise InputError([Problem(name, 1, 1, f"not valid YAML: {exc}")]) from None
    except RecursionError:
        raise InputError([Problem(name, 1, 1, "the YAML is nested too deeply")]) from None
    source = Source(name, None)
    if root is None:
        raise InputError(
            [Problem(name, 1, 1, "the file is empty; see `briefpdf new` for a template")]
        )
    converter = _Converter(source, limits)
    source.data = converter.convert(root, (), 0)
    if converter.problems:
        raise InputError(converter.problems)
    return source


def _read_text(path: Path, name: str, limits: Limits) -> str:
    """Read a file as UTF-8 text (UTF-8 BOM and UTF-16 with BOM accepted)."""
    try:
        if path.is_dir():
            raise InputError([Problem(name, 1, 1, "is a folder, not a YAML file")])
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise InputError(
                [
                    Problem(
                        name,
                        1,
                        1,
                        (
                            f"the file is {size:,} bytes, over the limit of "
                            f"{limits.max_file_bytes:,}; split it into several briefings"
                        ),
                    )
                ]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError([Problem(name, 1, 1, "no such file; check the name and folder")]) from None
    except OSError as exc:
        raise InputError([Problem(name, 1, 1, f"cannot read the file: {exc.strerror}")]) from None
    return decode_text(raw, name)


def decode_text(raw: bytes, name: str) -> str:
    """Decode file bytes, with a located message for anything that is not text."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(
                [Problem(name, 1, 1, "the file claims to be UTF-16 but is not; save it as UTF-8")]
            ) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw:
        line, col = _position_of(raw, raw.index(b"\x00"))
        raise InputError(
            [
                Problem(
                    name,
                    line,
                    col,
                    "this is a binary file, not YAML text; save the briefing as plain text (UTF-8)",
                )
            ]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position_of(raw, exc.start)
        byte = raw[exc.start]
        raise InputError(
            [
                Problem(
                    name,
                    line,
                    col,
                    (
                        f"the file is not UTF-8 (byte 0x{byte:02X} here); save it as UTF-8 "
                        "(in most editors: Save As, Encoding: UTF-8)"
                    ),
                )
            ]
        ) from None
    for index, char in enumerate(text):
        if (
            char in "\x0b\x0c"
            or (ord(char) < 32 and char not in "\t\n\r")
            or char in "\ufffe\uffff"
        ):
            line, col = _position_of(text, index)
            raise InputError(
                [
                    Problem(
                        name,
                        line,
                        col,
                        (
                            f"control character U+{ord(char):04X} is not allowed; delete it "
                            "(it often comes from copying text out of another program)"
                        ),
                    )
                ]
            )
    return text


def _position_of(data: bytes | str, offset: int) -> tuple[int, int]:
    newline = b"\n" if isinstance(data, bytes) else "\n"
    before = data[:offset]
    line = before.count(newline) + 1
    column = offset - (before.rfind(newline) + 1) + 1
    return line, column


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
        message = (
            "a colon followed by a space inside text; put the whole text in double "
            'quotes, e.g. note: "Time: 10am"'
        )
    elif "found character" in problem and "that cannot start any token" in problem:
        message = f"{problem}; put the text in double quotes"
    elif (
        "expected a single document" in (exc.context or "")
        or "but found another document" in problem
    ):
        message = "the file holds more than one YAML document (a line with ---); keep only one"
    elif "found duplicate anchor" in problem or "found undefined alias" in problem:
        message = problem
    else:
        context = f" ({exc.context})" if exc.context else ""
        message = f"not valid YAML: {problem}{context}; check the indentation and quotes here"
    return Problem(name, line, column, message)


class _Converter:
    """Convert a composed node tree to plain data, recording positions and problems."""

    def __init__(self, source: Source, limits: Limits):
        self.source = source
        self.limits = limits
        self.count = 0
        self.problems: list[Problem] = []

    def _at(self, node: yaml.Node, message: str) -> Problem:
        return Problem(
            self.source.file, node.start_mark.line + 1, node.start_mark.column + 1, message
        )

    def convert(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > self.limits.max_nodes:
            raise InputError(
                [
                    self._at(
                        node,
                        (
                            f"the file expands to more than {self.limits.max_nodes:,} values "
                            "(too many items, or YAML aliases that repeat each other); simplify it"
                        ),
                    )
                ]
            )
        if depth > self.limits.max_depth:
            raise InputError([self._at(node, "the YAML is nested too deeply")])
        self.source.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            if node.tag == "tag:yaml.org,2002:null":
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [
                self.convert(child, path + (i,), depth + 1) for i, child in enumerate(node.value)
            ]
        return self._mapping(node, path, depth)

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if (
                not isinstance(key_node, yaml.ScalarNode)
                or key_node.tag == "tag:yaml.org,2002:null"
            ):
                self.problems.append(self._at(key_node, "a key must be a plain word, like title:"))
                continue
            key = key_node.value
            if key in result:
                first = self.source.key_positions[path + (key,)]
                self.problems.append(
                    self._at(
                        key_node, (f"'{key}' is written twice (first at line {first[0]}); keep one")
                    )
                )
                continue
            self.source.key_positions[path + (key,)] = (
                key_node.start_mark.line + 1,
                key_node.start_mark.column + 1,
            )
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result

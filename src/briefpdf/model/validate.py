"""Turn plain data into a model, reporting every problem at its file:line:column.

pydantic validates the models (stdlib dataclasses, model/base.py) from their annotated
field types (model/types.py). pydantic-core's validator for a model is built once per
process, from the core schema pydantic generated and model/schemacache.py kept.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic_core import SchemaValidator, ValidationError

from briefpdf.errors import InputError, Problem
from briefpdf.load.yaml_source import Source

if TYPE_CHECKING:
    from pydantic import TypeAdapter

M = TypeVar("M")

_EXPECTED = {
    "string_type": "should be text",
    "list_type": "should be a list (one item per line, each starting with '- ')",
    "dict_type": "should be a group of keys (key: value lines, indented beneath)",
    "dataclass_type": "should be a group of keys (key: value lines, indented beneath)",
    "dataclass_args_type": "should be a group of keys (key: value lines, indented beneath)",
    "bool_parsing": "should be true or false",
    "bool_type": "should be true or false",
    "float_parsing": "should be a number, like 10.5",
    "float_type": "should be a number, like 10.5",
    "int_parsing": "should be a whole number",
}


@cache
def validator(model: type) -> SchemaValidator:
    """pydantic-core's validator for a model class, built once per process from its kept
    core schema (generating that is what costs; see model/schemacache.py)."""
    from briefpdf.model.schemacache import kept_schema

    return SchemaValidator(kept_schema(model, lambda: adapter(model).core_schema))


@cache
def adapter(model: type[M]) -> TypeAdapter[M]:
    """pydantic's TypeAdapter for a model class (its core schema and JSON Schema); built
    only to fill the schema cache, to explain a problem, or for `briefpdf schema`."""
    from pydantic import TypeAdapter

    return TypeAdapter(model)


@cache
def field_names(model: type) -> dict[type, tuple[str, ...]]:
    """Every model class reachable from ``model``, with its field names (from the schema)."""
    found: dict[type, tuple[str, ...]] = {}
    stack: list[Any] = [adapter(model).core_schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("type") == "dataclass":
                found.setdefault(node["cls"], tuple(node["fields"]))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def to_model(source: Source, model: type[M]) -> M:
    """Validate ``source.data`` as ``model``; raise InputError with all problems."""
    try:
        return validator(model).validate_python(source.data)
    except ValidationError as exc:
        raise InputError(problems_from(source, exc, model)) from None


def problems_from(source: Source, exc: ValidationError, model: type) -> list[Problem]:
    """One located, actionable Problem per pydantic error (duplicates dropped)."""
    problems: dict[tuple, Problem] = {}
    for error in exc.errors(include_url=False):
        path, leftover = _data_path(source.data, error["loc"])
        problem = _problem(source, path, leftover, error, model)
        problems.setdefault((problem.line, problem.column, problem.message), problem)
    return _drop_explained_missing(list(problems.values()))


def _drop_explained_missing(problems: list[Problem]) -> list[Problem]:
    """A misspelt key also makes the right one 'required': say only 'did you mean'."""
    meant = {(p.file, p.message.split("did you mean '")[1].split("'")[0])
             for p in problems if "did you mean '" in p.message}
    return [p for p in problems if not (
        p.message.startswith("'") and " is required here" in p.message
        and (p.file, p.message.split("'")[1]) in meant)]


def _data_path(data: Any, loc: tuple) -> tuple[tuple, tuple]:
    """Follow pydantic's loc through the data, skipping union tags and validator names."""
    path: list = []
    leftover: list = []
    node = data
    for index, part in enumerate(loc):
        after = loc[index + 1] if index + 1 < len(loc) else None
        if isinstance(node, dict) and isinstance(part, str) and part in node \
                and isinstance(after, str) and after in node and not (
                    isinstance(node[part], dict) and after in node[part]):
            continue  # a union tag (like 'image') that is also a key of this block
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
            path.append(part)
            leftover = []
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            path.append(part)
            leftover = []
        else:
            leftover.append(part)
    return tuple(path), tuple(leftover)


def _problem(source: Source, path: tuple, leftover: tuple, error: dict, model) -> Problem:
    kind = error["type"]
    field = _field_name(path, leftover)
    if kind == "missing":
        missing = leftover[-1] if leftover else field
        return source.problem(path, f"'{missing}' is required here; add {missing}: …"
                              + _context(path))
    if kind == "unexpected_keyword_argument":
        key = path[-1] if path else str(leftover[-1])
        return source.problem(path, _unknown_key(key, path, source.data, model), key=True)
    if kind in _EXPECTED:
        got = _describe(source_value(source, path))
        return source.problem(path, f"'{field or 'this item'}' {_EXPECTED[kind]}, not {got}")
    if kind == "too_short" and isinstance(source_value(source, path), list):
        return source.problem(path, f"'{field or 'this list'}' needs at least one item")
    if kind == "block_kind":
        keys = sorted(source_value(source, path) or {}) if isinstance(
            source_value(source, path), dict) else []
        hint = _suggest_any(keys, ("bullets", "numbered", "callout", "quote", "image", "links"))
        return source.problem(path, f"{error['msg']}{hint}")
    message = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if kind == "literal_error":
        message = message.replace("Input should be", "should be")
    elif kind not in ("value_error",):
        message = message[0].lower() + message[1:] if message else message
        message = message.replace("input should", "should")
    return source.problem(path, f"'{field}': {message}" if field else message)


def source_value(source: Source, path: tuple) -> Any:
    node = source.data
    for part in path:
        node = node[part]
    return node


def _field_name(path: tuple, leftover: tuple) -> str:
    """The key the problem is about: the last key in the data path, or a list item."""
    if path and isinstance(path[-1], str):
        return path[-1]
    if len(path) >= 2 and isinstance(path[-1], int) and isinstance(path[-2], str):
        return f"{path[-2]}: item {path[-1] + 1}"
    return ""


def _context(path: tuple) -> str:
    where = ".".join(str(p) for p in path if isinstance(p, str))
    return f" (in {where})" if where else ""


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, dict):
        return "a group of keys"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'" if len(str(value)) < 40 else "a text"


def _unknown_key(key: str, path: tuple, data: Any, model: type) -> str:
    """Say what the unknown ``key`` at ``path`` is: a key that belongs in another part of
    the file (and where), or a misspelling of a key allowed here."""
    known = _fields_here(key, path, data, model)
    allowed = f"allowed here: {', '.join(sorted(known))}" if known else ""
    owners = {cls.__name__ for cls, names in field_names(model).items() if key in names}
    places = [place for name, place in _PLACES.items() if name in owners]
    if places:
        where = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " or " + places[-1]
        return f"'{key}' does not go here; it goes {where}" + (f" ({allowed})" if allowed else "")
    hint = _suggest_any([key], known) or (f"; {allowed}" if allowed else "")
    return f"unknown key '{key}'{hint}"


def _fields_here(key: str, path: tuple, data: Any, model: type) -> set[str]:
    """The keys allowed in the group of keys that holds ``key`` at ``path``: the fields
    of the model class found by following ``path`` through the models' field types
    (the one sharing most keys with the group when several could be there)."""
    siblings = set(source_value_of(data, path[:-1]) or {})
    try:
        candidates = _classes_at(model, path[:-1])
    except (TypeError, NameError, KeyError):  # a field type not followed: guess
        candidates = []
    named = field_names(model)
    candidates = [cls for cls in candidates or named if key not in named.get(cls, ())] \
        or candidates  # the group the key is unknown in is not one that has it
    scored = [((len(set(named.get(cls, ())) & siblings),  # a block's keyword comes first
                named.get(cls, ("",))[0] in siblings), cls) for cls in candidates]
    top = max(score for score, _ in scored)
    return set().union(*(set(named.get(cls, ())) for score, cls in scored if score == top))


def _classes_at(model: type, path: tuple) -> list[type]:
    """The model classes a group of keys at ``path`` can be, from the field types."""
    import dataclasses
    import typing

    types: list[Any] = [model]
    for part in path:
        found: list[Any] = []
        for tp in _expand(types):
            origin = typing.get_origin(tp)
            if isinstance(part, int) and origin is list:
                found.append(typing.get_args(tp)[0])
            elif isinstance(part, str) and origin is dict:
                found.append(typing.get_args(tp)[1])
            elif isinstance(part, str) and dataclasses.is_dataclass(tp):
                hint = _hints(tp).get(part)
                if hint is not None:
                    found.append(hint)
        types = found
    return [tp for tp in _expand(types) if dataclasses.is_dataclass(tp)]


def _expand(types: list[Any]) -> list[Any]:
    """Types with Annotated, unions and None taken apart."""
    import types as pytypes
    import typing

    out: list[Any] = []
    for tp in types:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            out.extend(_expand([typing.get_args(tp)[0]]))
        elif origin in (typing.Union, pytypes.UnionType):
            out.extend(_expand(list(typing.get_args(tp))))
        elif tp is not type(None):
            out.append(tp)
    return out


@cache
def _hints(cls: type) -> dict[str, Any]:
    import typing

    return typing.get_type_hints(cls, include_extras=True)


def source_value_of(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


_PLACES = {
    "Briefing": "at the top of the briefing, not indented",
    "Section": "in a section of sections:",
    "Feedback": "in the feedback: block",
    "Link": "in an entry of a links: list, beside title: and url:",
    "Callout": "in a callout: block",
    "Quote": "in a quote: block",
    "Image": "in an image: block",
    "Bullets": "in a section's content:, as - bullets:",
    "Numbered": "in a section's content:, as - numbered:",
    "Links": "in a section's content:, as - links:",
    "Style": "at the top of a style file, not indented",
    "Page": "in page:",
    "Margins": "in page: margins:",
    "Colours": "in colours:",
    "Sizes": "in sizes:",
    "Logo": "in an entry of logos:",
    "Footer": "in footer:",
    "LinkOptions": "in the style's links:",
    "FontFiles": "in a family of fonts:",
    "PackSpec": "in pack:",
}
"""Where the keys of each model class are written, for a key that belongs elsewhere."""


def _suggest_any(words: list[str], vocabulary) -> str:
    import difflib  # only a file with problems needs it

    for word in words:
        close = difflib.get_close_matches(str(word).lower(), list(vocabulary), n=1, cutoff=0.6)
        if close:
            return f"; did you mean '{close[0]}'?"
    return ""

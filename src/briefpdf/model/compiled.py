"""Validators for the models: compiled by pydantic once, then kept on disk.

pydantic turns the models' annotations (model/types.py) into a pydantic-core schema.
Importing pydantic and building that schema costs more than the rest of a cold
``briefpdf validate``, so the schema is kept in the cache folder (model/filecache.py),
keyed by the text of the model modules and the pydantic-core version, and a later run
validates with pydantic-core alone. pydantic stays the only definition of what is valid:
this module only stores what it compiled.

The stored schema names our classes and check functions; it is read back by an
unpickler that refuses anything else (``STORED_FROM``), and a missing, stale,
unreadable or refused entry means the schema is compiled again, never an error.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic_core import SchemaValidator
from pydantic_core import __version__ as core_version

from briefpdf.model.filecache import cache_dir, store

FORMAT = 1
"""Bump when what is stored changes shape."""

SOURCES = ("briefing.py", "style.py", "pack.py", "types.py", "rules.py")
"""The modules whose text decides the compiled schema."""

_validators: dict[type, SchemaValidator] = {}


def validator(model: type) -> SchemaValidator:
    """The pydantic-core validator of a model class, compiled at most once per version."""
    found = _validators.get(model)
    if found is None:
        found = _validators[model] = SchemaValidator(schema(model))
    return found


def schema(model: type) -> dict:
    """The model's validation schema: from the cache, else compiled (and then stored)."""
    try:
        key = _key(model)
    except OSError:  # the model sources are not there to read (a zipped install)
        return compile_schema(model)
    entry = cache_dir() / "validators" / f"{model.__module__}.{model.__qualname__}.pickle"
    try:
        stored_key, stored = _ModelsOnly(io.BytesIO(entry.read_bytes())).load()
        if stored_key == key:
            return stored
    except Exception:  # noqa: BLE001 - any unreadable entry is compiled again
        pass
    compiled = compile_schema(model)
    try:
        store(entry, pickle.dumps((key, compiled), protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        pass  # not storable: it is compiled again next time
    return compiled


def adapter(model: type) -> Any:
    """pydantic's TypeAdapter for a model, with the field types of model/types.py in scope
    (the models name them only under TYPE_CHECKING). Imports pydantic."""
    from pydantic import TypeAdapter

    from briefpdf.model import types

    built = TypeAdapter(model)
    built.rebuild(force=True, _types_namespace=vars(types))
    return built


def compile_schema(model: type) -> dict:
    """Ask pydantic for the model's schema, keeping only what validation uses."""
    return _validation_only(adapter(model).core_schema)


def field_names(model: type) -> dict[type, tuple[str, ...]]:
    """Every model class reachable from ``model``, with its field names (from the schema)."""
    found: dict[type, tuple[str, ...]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "dataclass":
                found.setdefault(node["cls"], tuple(node["fields"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema(model))
    return found


def _validation_only(node: Any) -> Any:
    """The schema without what only serialising and JSON Schema use (those parts name
    pydantic's own functions, which would make reading it back import pydantic)."""
    if isinstance(node, dict):
        drop = ("metadata", "serialization") if "type" in node else ()
        return {k: _validation_only(v) for k, v in node.items() if k not in drop}
    if isinstance(node, list):
        return [_validation_only(value) for value in node]
    return node


def _key(model: type) -> str:
    return (f"{FORMAT}:{model.__module__}.{model.__qualname__}:{core_version}:"
            f"{sys.version_info[0]}.{sys.version_info[1]}:{_sources_digest()}")


@lru_cache(maxsize=1)
def _sources_digest() -> str:
    """The digest of the model sources, read once per process (not once per model)."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in SOURCES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


STORED_FROM = frozenset({"briefpdf.model.briefing", "briefpdf.model.style",
                         "briefpdf.model.pack", "briefpdf.model.rules"})
"""The modules whose classes and functions a stored schema names."""


class _ModelsOnly(pickle.Unpickler):
    """Reads a stored schema, refusing any global but a public class or function defined
    in one of the model modules: not a dotted name, and not what such a module imports
    (``Path``, say, whose ``write_text`` would let a planted entry write any file)."""

    def find_class(self, module: str, name: str) -> Any:
        if module in STORED_FROM and name.isidentifier() and not name.startswith("_"):
            found = super().find_class(module, name)
            if getattr(found, "__module__", None) == module:
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of briefpdf's models")

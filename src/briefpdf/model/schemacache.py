"""pydantic's core schema of each model, kept in the cache folder between runs.

Before it can validate, pydantic generates a model's core schema from its annotations
(model/types.py): with the import of the pydantic modules that do it, about a quarter
of a second of CPU in every new process, a third of a cold `briefpdf build` beyond the
libraries' own imports (docs/performance.md). The schema is a plain structure of dicts
and lists that names the model classes and the check functions of model/rules.py, so it
is kept (pickled, without the metadata only JSON Schema uses) and a later process hands
it straight to pydantic-core.

pydantic stays the only definition of what is valid: this module only stores what it
generated, through public API (``TypeAdapter.core_schema``, pydantic-core's
``SchemaValidator``). An entry is keyed by the text of every model module and the
Python, pydantic and pydantic-core versions, and read back by an unpickler that accepts
nothing but the public classes and functions of the model modules. A missing, stale,
unreadable or refused entry means the schema is generated again, never an error.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import pickle
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import FunctionType
from typing import Any

import pydantic_core

from briefpdf.model.filecache import cache_dir, store

FORMAT = 1
"""Bump when what is stored changes shape."""

MODELS = Path(__file__).parent
"""The model package: the text of its modules decides every schema."""


def kept_schema(model: type, generate: Callable[[], dict]) -> dict:
    """The core schema of ``model``: the one kept for these model sources and library
    versions, else ``generate()`` (then kept, without its metadata)."""
    key = _key()
    if key is None:  # the sources cannot be read (a zipped install): nothing is kept
        return generate()
    entry = cache_dir() / "schemas" / f"{model.__module__}.{model.__qualname__}.pickle"
    try:
        stored_key, stored = _ModelsOnly(io.BytesIO(entry.read_bytes())).load()
        if stored_key == key and isinstance(stored, dict):
            return stored
    except Exception:  # noqa: BLE001 - any unreadable or refused entry is generated again
        pass
    schema = without_metadata(generate())
    try:
        store(entry, pickle.dumps((key, schema), protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        pass  # something in it cannot be named: it is generated again next time
    return schema


def without_metadata(node: Any) -> Any:
    """The schema without its ``metadata`` entries (what pydantic keeps for JSON Schema,
    bound methods of pydantic's own classes among it; validation never reads them)."""
    if isinstance(node, dict):
        return {k: without_metadata(v) for k, v in node.items() if k != "metadata"}
    if isinstance(node, list):
        return [without_metadata(v) for v in node]
    return node


@cache
def _key() -> str | None:
    """What decides the schemas: the model modules' text and the library versions
    (pydantic's read from its version.py: importing pydantic is what a kept schema
    saves)."""
    spec = importlib.util.find_spec("pydantic")
    if spec is None or spec.origin is None:
        return None
    digest = hashlib.sha256()
    try:
        for module in [*sorted(MODELS.glob("*.py")), Path(spec.origin).with_name("version.py")]:
            digest.update(module.name.encode() + b"\0" + module.read_bytes() + b"\0")
    except OSError:
        return None
    return "|".join([str(FORMAT), sys.version, pydantic_core.__version__, digest.hexdigest()])



class _ModelsOnly(pickle.Unpickler):
    """Reads back a kept schema, refusing any name but the model modules' public classes
    and functions: a planted entry can make briefpdf generate the schema again, nothing
    else."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("briefpdf.model.") and not name.startswith("_") \
                and "." not in name:
            found = getattr(sys.modules.get(module), name, None)
            if isinstance(found, (type, FunctionType)) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"not a model name: {module}.{name}")

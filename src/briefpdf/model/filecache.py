"""Facts derived from slow-to-read files (a font's characters, an image's verdict), kept
on disk between runs so that a cold `briefpdf validate` or `build` need not parse them.

Each fact is one small JSON file in the user's cache folder ($XDG_CACHE_HOME/briefpdf,
else ~/.cache/briefpdf; BRIEFPDF_CACHE_DIR overrides it), keyed by the file's path,
size, modification time, inode and the briefpdf version. An edited, replaced or moved
file therefore misses the cache. The cache is only an accelerator: an unwritable folder
or an unreadable or corrupt entry means the fact is computed again, never an error.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from briefpdf import __version__

FORMAT = 1
"""Bump when the shape of a stored fact changes."""


def cache_dir() -> Path:
    """The folder the facts are kept in (it may not exist yet)."""
    explicit = os.environ.get("BRIEFPDF_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefpdf"


def file_fact(kind: str, path: str | os.PathLike, compute: Callable[[str], Any]) -> Any:
    """``compute(path)`` (a JSON-serialisable value), from the cache when the file is
    unchanged since it was last computed. Files that cannot be stat'ed are not cached."""
    key = _key(kind, path)
    if key is None:
        return compute(str(path))
    return _kept(kind, key, lambda: compute(str(path)))


def data_fact(kind: str, data: bytes, compute: Callable[[bytes], Any]) -> Any:
    """``compute(data)`` (a JSON-serialisable value), from the cache when these very bytes
    were seen before: keyed by their content, so a fact always describes what is used."""
    key = json.dumps([FORMAT, __version__, kind, hashlib.sha256(data).hexdigest()])
    return _kept(kind, key, lambda: compute(data))


def _key(kind: str, path: str | os.PathLike) -> str | None:
    """What identifies one version of one file (None when it cannot be stat'ed)."""
    try:
        stat = os.stat(path)
        real = os.path.realpath(path)
    except OSError:
        return None
    return json.dumps([FORMAT, __version__, kind, real, stat.st_size, stat.st_mtime_ns,
                       stat.st_ino])


def _entry(kind: str, key: str, suffix: str) -> Path:
    return cache_dir() / kind / (hashlib.sha1(key.encode()).hexdigest() + suffix)


def store(entry: Path, data: bytes) -> None:
    """Write one entry atomically; give up silently when the folder is not writable."""
    temp = entry.with_name(f".{entry.stem}.{os.getpid()}-{id(data)}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(data)
        os.replace(temp, entry)
    except OSError:
        with suppress(OSError):
            temp.unlink()


def _kept(kind: str, key: str, compute: Callable[[], Any]) -> Any:
    """The value stored under ``key``, or ``compute()`` stored there: a missing, corrupt or
    unwritable entry only costs the computing."""
    entry = _entry(kind, key, ".json")
    try:
        stored = json.loads(entry.read_bytes())
        if isinstance(stored, dict) and stored.get("key") == key:
            return stored["value"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    value = compute()
    with suppress(TypeError, ValueError):
        store(entry, json.dumps({"key": key, "value": value}, separators=(",", ":")).encode())
    return value

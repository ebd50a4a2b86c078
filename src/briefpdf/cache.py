"""Incremental builds: skip a briefing whose PDF is already up to date.

After a build, ``OUT/.briefpdf-cache.json`` records, for each input file, the
content hash of every file its PDF was made from (the briefing, its style chain,
its images, the style's logos and fonts), the paths that would have shadowed a
style had they existed, the briefpdf version and the build options. A later build
hashes those files again and rebuilds only when something differs, so an edit to
one style or logo rebuilds exactly the briefings that use it.

This module must stay light: the no-op check runs without importing ReportLab,
pypdf or pydantic.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefpdf import __version__

CACHE_NAME = ".briefpdf-cache.json"
FORMAT = 1
MAX_CACHE_BYTES = 64_000_000
"""A record for thousands of briefings is a few MB; a bigger file is not one of ours."""
SAVE_EVERY = 1.0
"""Seconds between saves of the record during a build."""


@dataclass
class Inputs:
    """What one output was made from: file → content hash, and paths that must stay absent."""

    files: dict[str, str] = field(default_factory=dict)
    absent: list[str] = field(default_factory=list)


def file_digest(path: str | Path) -> str | None:
    """The SHA-256 of a file's content, or None when it cannot be read (or is not a
    regular file, or is too big to be an input).

    Kept for the rest of the process while the file's size, modification time and
    inode stay the same: a pack or a batch hashes the same style, logo and font files
    for every briefing (fonts are large)."""
    from briefpdf.load.files import MAX_IMAGE_BYTES, Refused, read_input

    try:
        info = os.stat(path)
        key = (str(path), info.st_ino, info.st_size, info.st_mtime_ns)
        digest = _digests.get(key)
        if digest is None:
            data = read_input(path, MAX_IMAGE_BYTES, keep=False)
            digest = _digests[key] = hashlib.sha256(data).hexdigest()
        return digest
    except (OSError, Refused):
        return None


def used_digest(path: str | Path) -> str | None:
    """The SHA-256 of the bytes a build used for ``path`` (kept when it was read and
    checked, load/files.py), so the record describes what is in the PDF."""
    from briefpdf.load.files import kept_or_none

    data = kept_or_none(path)
    return hashlib.sha256(data).hexdigest() if data is not None else file_digest(path)


_digests: dict[tuple, str] = {}
"""(path, inode, size, modification time) → SHA-256 of the content, for this process."""


def inputs_of(loaded: Any) -> Inputs:
    """Every file a loaded briefing's PDF depends on, hashed now (before rendering)."""
    from briefpdf.load.styles import style_folders

    real = os.path.realpath  # what Path.resolve gives, without its extra stat and objects
    files: list[Path] = [Path(loaded.path), *loaded.style_files, *loaded.image_files.values(),
                         *loaded.style.asset_files()]
    inputs = Inputs()
    for path in files:
        digest = used_digest(path)
        if digest is not None:
            inputs.files[real(path)] = digest
    # A style is found by name along a search path: a file that appears earlier on that
    # path would change which style is used, so its absence is part of the inputs.
    near = Path(loaded.path).parent
    for style_file in loaded.style_files:
        found = real(style_file)
        for folder in style_folders(near):
            candidate = os.path.join(real(folder), style_file.name)
            if candidate == found:
                break
            inputs.absent.append(candidate)
        near = style_file.parent
    return inputs


def _valid_entry(entry: Any) -> bool:
    """True when ``entry`` has the shape BuildCache.record writes."""
    if not isinstance(entry, dict):
        return False
    stat, files, absent = entry.get("output_stat"), entry.get("files"), entry.get("absent")
    return (isinstance(entry.get("fingerprint"), str) and isinstance(entry.get("output"), str)
            and isinstance(stat, list) and len(stat) == 2
            and all(type(n) is int for n in stat)
            and isinstance(files, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in files.items())
            and isinstance(absent, list) and all(isinstance(a, str) for a in absent))


class BuildCache:
    """The record of what each PDF in one output folder was built from."""

    def __init__(self, out_dir: Path, options: dict[str, Any]):
        self.path = Path(out_dir) / CACHE_NAME
        self.fingerprint = hashlib.sha256(json.dumps(
            {"version": __version__, "options": options}, sort_keys=True, default=str
        ).encode()).hexdigest()
        self.notes: list[str] = []
        self.changed = False
        self.entries: dict[str, dict[str, Any]] = self._read()
        self._digests: dict[str, str | None] = {}
        self._saved_at = 0.0

    def _read(self) -> dict[str, dict[str, Any]]:
        """The recorded entries; anything that is not what briefpdf writes (a damaged or
        hand-edited file, a pipe or device in its place) is ignored, noted and rewritten."""
        from briefpdf.load.files import Refused, read_input

        try:
            data = json.loads(read_input(self.path, MAX_CACHE_BYTES, keep=False))
        except Refused as exc:
            if exc.kind == "missing":
                return {}
            data = None
        except ValueError:
            data = None
        if isinstance(data, dict) and data.get("format") != FORMAT \
                and isinstance(data.get("format"), int):
            return {}  # another version's record: simply rebuilt
        entries = data.get("entries") if isinstance(data, dict) else None
        if not isinstance(entries, dict) or not all(
                isinstance(key, str) and _valid_entry(entry) for key, entry in entries.items()):
            self.notes.append(f"note: {self.path} was not what briefpdf writes; it was "
                              "ignored and will be written again")
            self.changed = True
            return {}
        return entries

    def _digest(self, path: str) -> str | None:
        if path not in self._digests:
            self._digests[path] = file_digest(path)
        return self._digests[path]

    @staticmethod
    def key(source: Path) -> str:
        return str(Path(source).resolve())

    def is_fresh(self, source: Path) -> bool:
        """True when the recorded output exists and none of its inputs changed."""
        entry = self.entries.get(self.key(source))
        if not entry or entry.get("fingerprint") != self.fingerprint:
            return False
        try:
            stat = os.stat(entry["output"])
        except (OSError, KeyError, TypeError):
            return False
        if [stat.st_size, stat.st_mtime_ns] != entry.get("output_stat"):
            return False
        if any(self._digest(path) != digest for path, digest in entry["files"].items()):
            return False
        return not any(os.path.exists(path) for path in entry.get("absent", []))

    def output_of(self, source: Path) -> str | None:
        entry = self.entries.get(self.key(source))
        return entry.get("output") if entry else None

    def dependencies(self) -> set[str]:
        """Every file any recorded output depends on (for `briefpdf watch`)."""
        found: set[str] = set()
        for entry in self.entries.values():
            found.update(entry.get("files", {}))
            found.update(entry.get("absent", []))
        return found

    def findings_of(self, source: Path) -> dict[str, int] | None:
        """The `briefpdf check` counts recorded when ``source`` was built, if any."""
        entry = self.entries.get(self.key(source))
        found = entry.get("findings") if entry else None
        return found if isinstance(found, dict) else None

    def record(self, source: Path, output: Path, inputs: Inputs,
               findings: dict[str, int] | None = None) -> None:
        """Remember that ``output`` was built from ``inputs`` (hashed before rendering),
        with the counts of its `briefpdf check` findings."""
        stat = os.stat(output)
        self.entries[self.key(source)] = {
            "fingerprint": self.fingerprint, "output": str(Path(output).resolve()),
            "output_stat": [stat.st_size, stat.st_mtime_ns],
            "files": inputs.files, "absent": inputs.absent, "findings": findings}
        self.changed = True

    def forget(self, source: Path) -> None:
        if self.entries.pop(self.key(source), None) is not None:
            self.changed = True

    def save_now_and_then(self) -> None:
        """Save after the first output, then at most every SAVE_EVERY seconds: a build
        that is killed keeps the record of what it finished."""
        if time.monotonic() - self._saved_at >= SAVE_EVERY:
            try:
                self.save()
            except OSError:
                pass  # reported by the last save
            except Exception:  # noqa: BLE001 - an OutputError: the last save reports it
                pass

    def save(self) -> None:
        """Write the record atomically (only if something changed)."""
        self._saved_at = time.monotonic()
        if not self.changed:
            return
        from briefpdf.finish.write import write_atomic

        text = json.dumps({"format": FORMAT, "briefpdf": __version__, "entries": self.entries},
                          indent=1, sort_keys=True)
        write_atomic(self.path, text.encode("utf-8"))
        self.changed = False

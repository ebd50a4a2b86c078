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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefpdf import __version__

CACHE_NAME = ".briefpdf-cache.json"
FORMAT = 1


@dataclass
class Inputs:
    """What one output was made from: file → content hash, and paths that must stay absent."""

    files: dict[str, str] = field(default_factory=dict)
    absent: list[str] = field(default_factory=list)


def file_digest(path: str | Path) -> str | None:
    """The SHA-256 of a file's content, or None when it cannot be read.

    Kept for the rest of the process while the file's size, modification time and
    inode stay the same: a pack or a batch hashes the same style, logo and font files
    for every briefing (fonts are large)."""
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            key = (str(path), info.st_ino, info.st_size, info.st_mtime_ns)
            digest = _digests.get(key)
            if digest is None:
                digest = _digests[key] = hashlib.sha256(handle.read()).hexdigest()
            return digest
    except OSError:
        return None


_digests: dict[tuple, str] = {}
"""(path, inode, size, modification time) → SHA-256 of the content, for this process."""


def inputs_of(loaded: Any) -> Inputs:
    """Every file a loaded briefing's PDF depends on, hashed now (before rendering)."""
    from briefpdf.load.styles import style_folders

    files: list[Path] = [Path(loaded.path), *loaded.style_files, *loaded.image_files.values(),
                         *loaded.style.asset_files()]
    inputs = Inputs()
    for path in files:
        digest = file_digest(path)
        if digest is not None:
            inputs.files[str(Path(path).resolve())] = digest
    # A style is found by name along a search path: a file that appears earlier on that
    # path would change which style is used, so its absence is part of the inputs.
    near = Path(loaded.path).parent
    for style_file in loaded.style_files:
        for folder in style_folders(near):
            candidate = folder.resolve() / style_file.name
            if candidate == style_file.resolve():
                break
            inputs.absent.append(str(candidate))
        near = style_file.parent
    return inputs


class BuildCache:
    """The record of what each PDF in one output folder was built from."""

    def __init__(self, out_dir: Path, options: dict[str, Any]):
        self.path = Path(out_dir) / CACHE_NAME
        self.fingerprint = hashlib.sha256(json.dumps(
            {"version": __version__, "options": options}, sort_keys=True, default=str
        ).encode()).hexdigest()
        self.entries: dict[str, dict[str, Any]] = self._read()
        self._digests: dict[str, str | None] = {}
        self.changed = False

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

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

    def save(self) -> None:
        """Write the record atomically (only if something changed)."""
        if not self.changed:
            return
        from briefpdf.finish.write import write_atomic

        text = json.dumps({"format": FORMAT, "briefpdf": __version__, "entries": self.entries},
                          indent=1, sort_keys=True)
        write_atomic(self.path, text.encode("utf-8"))
        self.changed = False

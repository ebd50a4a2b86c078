"""Write output atomically: a temporary file in the same folder, then a rename.

A failed or interrupted build never leaves a half-written PDF where a good one
was, and two builds writing the same file at once each replace it whole.

There is no fsync (it cost about 8 ms a file, more than some briefings take to lay
out): like most build tools, a crash of the whole computer just after a build may
lose the newest outputs, and rebuilding gives the same bytes again.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from briefpdf.errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
        raise

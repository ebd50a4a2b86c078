"""Write output atomically: a temporary file in the same folder, then a rename.

A failed or interrupted build never leaves a half-written PDF where a good one
was, and two builds writing the same file at once each replace it whole.

There is no fsync (it cost about 8 ms a file, more than some briefings take to lay
out): like most build tools, a crash of the whole computer just after a build may
lose the newest outputs, and rebuilding gives the same bytes again.

What may be replaced (``refuse_target``): never an input of the command, never a
``.yaml``/``.yml`` file, and otherwise only a PDF or HTML page briefpdf wrote itself,
unless the user says ``--force``. Permissions follow the user's umask for a new file;
an existing file keeps its mode.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from briefpdf.errors import OutputError

PDF_MARK = b"<xmp:CreatorTool>briefpdf "
"""In the XMP metadata of every PDF briefpdf writes (near the end of the file)."""
HTML_MARK = b'<meta name="generator" content="briefpdf">'
"""In the head of every HTML twin briefpdf writes."""
STALE_SECONDS = 24 * 3600
"""A temporary file this old is stale even when its process id is in use again."""
_PART = re.compile(r"^\..+\.(\d+)\.[A-Za-z0-9_]+\.part$")
"""The temporary files write_atomic makes: ``.NAME.PID.RANDOM.part``."""


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (keeping an existing file's mode)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".part",
                                    dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write: {exc.strerror}") from None
        raise


def _mode_for(path: Path) -> int:
    """The existing file's permissions, else what the umask gives a new file."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def written_by_briefpdf(path: Path) -> bool:
    """True when ``path`` is a regular file holding a PDF or HTML page briefpdf wrote."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    with os.fdopen(fd, "rb") as handle:
        import stat

        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return False
        head = handle.read(4096)
        if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
            return HTML_MARK in head
        if not head.startswith(b"%PDF-"):
            return False
        handle.seek(max(0, info.st_size - 256 * 1024))
        return PDF_MARK in handle.read()


def refuse_target(path: Path, inputs: Iterable[str | Path] = (), *, force: bool = False
                  ) -> str | None:
    """Why ``path`` must not be written over, or None when it may be."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return (f"{path} is a YAML file; briefpdf never writes over one. "
                "Give the output a .pdf name")
    try:
        real = path.resolve()
    except (OSError, RuntimeError):
        real = path
    if any(real == Path(i).resolve() for i in inputs):
        return f"{path} is one of the files being read; choose another output name"
    if path.is_dir():
        return f"{path} is a folder; give a file name for the output"
    if force or not os.path.lexists(path) or written_by_briefpdf(path):
        return None
    return (f"{path} already exists and was not written by briefpdf; move it away, choose "
            "another name, or use --force to replace it")


def clean_stale_parts(folder: Path) -> list[Path]:
    """Remove temporary files left in ``folder`` by a write_atomic that was killed (its
    process is gone, or the file is a day old); return what was removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        found = _PART.match(name)
        if not found:
            continue
        path = folder / name
        try:
            info = os.lstat(path)
            if _alive(int(found.group(1))) and now - info.st_mtime < STALE_SECONDS:
                continue
            os.unlink(path)
            removed.append(path)
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # someone else's process, or a number no process can have
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A process that has ended but was never reaped (its parent was killed and nothing
    adopted it) still answers kill(0): on Linux its state in /proc says so."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]

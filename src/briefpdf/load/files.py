"""Read input files once, safely, and keep the bytes that were checked.

Every file a build reads (briefings, styles, images, logos, fonts) goes through
``read_input``: a path that must be inside the project is checked *before* it is
opened; only regular files are opened (a FIFO, a device or a socket is refused, never
waited on or read without end); at most the limit plus one byte is read, whatever
the file's size claims. The bytes read are kept (``kept``) so that the checks, the
PDF, the HTML twin and the build record all use the very same bytes: a file swapped
for another (or for a link to somewhere else) after it was checked is never read.

This module is light (standard library only): `validate` uses it.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

MAX_YAML_BYTES = 2_000_000
MAX_IMAGE_BYTES = 50_000_000
MAX_FONT_BYTES = 30_000_000
"""Size limits (docs/limits.md). The largest usual TrueType font (a CJK family) is about
20 MB; the largest image a briefing needs is a few MB."""


class Refused(Exception):
    """A file that may not or cannot be read; str() says why (without naming the file's
    position, which the caller adds). ``kind``: missing, folder, special, outside,
    too_big or unreadable; ``size``: the size a too-big regular file claims."""

    def __init__(self, message: str, kind: str = "unreadable", size: int | None = None):
        super().__init__(message)
        self.kind, self.size = kind, size


def inside(path: Path, root: Path) -> bool:
    """True when ``path`` (links followed) is inside folder ``root``."""
    return Path(os.path.realpath(path)).is_relative_to(Path(os.path.realpath(root)))


def read_input(path: str | os.PathLike, limit: int, *, root: Path | None = None,
               what: str = "file", too_big: str = "", keep: bool = True) -> bytes:
    """The bytes of regular file ``path`` (at most ``limit``), kept for ``kept``.

    With ``root``, the file (links followed) must be inside that folder; this is checked
    before the file is opened and again on the open file itself (Linux), so a link
    swapped in between is not followed out of the project. Raises Refused."""
    real = os.path.realpath(path)
    if root is not None and not inside(Path(real), root):
        raise Refused(f"is outside the project folder ({root})", "outside")
    flags = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        fd = os.open(real, flags)
    except FileNotFoundError:
        raise Refused(f"{what} not found", "missing") from None
    except IsADirectoryError:
        raise Refused("is a folder, not a file", "folder") from None
    except OSError as exc:
        raise Refused(f"cannot be read: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            if stat.S_ISDIR(info.st_mode):
                raise Refused("is a folder, not a file", "folder")
            raise Refused("is a device, pipe or socket, not a regular file", "special")
        if root is not None and not _open_file_inside(fd, root):
            raise Refused(f"is outside the project folder ({root})", "outside")
        if info.st_size > limit:
            raise Refused(f"is {info.st_size:,} bytes, over the limit of {limit:,}"
                          + (f"; {too_big}" if too_big else ""), "too_big", info.st_size)
        data = _read_at_most(fd, limit + 1)
    except OSError as exc:
        raise Refused(f"cannot be read: {exc.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise Refused(f"is over the limit of {limit:,} bytes" + (f"; {too_big}" if too_big
                                                                else ""), "too_big")
    if keep:
        _kept[os.path.abspath(path)] = data
    return data


def _read_at_most(fd: int, count: int) -> bytes:
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)  # a regular file: O_NONBLOCK only kept a FIFO from waiting
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _open_file_inside(fd: int, root: Path) -> bool:
    """Where the open file really is, asked of the system (Linux), inside ``root``."""
    if not sys.platform.startswith("linux"):
        return True
    try:
        where = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return True  # no /proc: the checks before opening stand
    return inside(Path(where), root)


def kept(path: str | os.PathLike, limit: int = MAX_FONT_BYTES) -> bytes:
    """The bytes ``read_input`` read for ``path`` in this process; a file never read
    (a bundled font) is read now, with the same rules but no folder check."""
    data = _kept.get(os.path.abspath(path))
    return data if data is not None else read_input(path, limit)


def kept_or_none(path: str | os.PathLike) -> bytes | None:
    """The kept bytes of ``path``, or None when it was not read in this process."""
    return _kept.get(os.path.abspath(path))


_kept: dict[str, bytes] = {}
"""Path as given (made absolute, links not followed: a link swapped later must not
change what it names) → the bytes last read and checked from it in this process."""

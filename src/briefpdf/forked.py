"""Work shared with a forked copy of this process (Linux), its results handed back
pickled through a pipe: ``map_halves`` here, and a big pack's layout (render/halves.py).

Used where the work is independent and its results are small next to it: loading the
briefings of a pack (each is read, parsed and validated on its own; a loaded briefing
pickles in a tenth of the time it takes to load). Anything unusual means the loop runs
here as usual: no ``fork`` on this system, other threads in this process (a forked
child would inherit their locks), too few items, or a child that fails.
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS = 24
"""Below this, forking costs more than it saves."""


def can_fork() -> bool:
    """``fork`` is there and safe: no other thread whose locks a child would inherit."""
    return hasattr(os, "fork") and threading.active_count() == 1


def send(sink: int, value: Any) -> None:
    """In a child: hand ``value`` to the parent through the pipe end ``sink``."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    with os.fdopen(sink, "wb") as pipe:
        pipe.write(data)


def receive(source: int, pid: int) -> Any:
    """In the parent: what child ``pid`` sent through ``source``, once it has ended;
    None when it sent nothing whole (it failed, or gave up)."""
    with os.fdopen(source, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    try:
        return pickle.loads(data) if data else None
    except Exception:  # noqa: BLE001 - a child that died half-way through writing
        return None


def map_halves(work: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``[work(item) for item in items]``, the second half done in a forked child."""
    if len(items) < MIN_ITEMS or not can_fork():
        return [work(item) for item in items]
    half = len(items) // 2
    source, sink = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, hand the results back, leave without cleaning up
        try:
            os.close(source)
            send(sink, [work(item) for item in items[half:]])
        finally:
            os._exit(0)
    os.close(sink)
    try:
        mine = [work(item) for item in items[:half]]
    finally:
        theirs = receive(source, pid)
    if not isinstance(theirs, list) or len(theirs) != len(items) - half:
        theirs = [work(item) for item in items[half:]]  # the child failed: done here
    return mine + theirs

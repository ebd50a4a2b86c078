"""Share a loop with a forked copy of this process (Linux): the second half of the items
is worked on by a child, whose results come back pickled.

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
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS = 24
"""Below this, forking costs more than it saves."""


def map_halves(work: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``[work(item) for item in items]``, the second half done in a forked child."""
    if len(items) < MIN_ITEMS or not hasattr(os, "fork") or threading.active_count() > 1:
        return [work(item) for item in items]
    half = len(items) // 2
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, hand the results back, leave without cleaning up
        try:
            os.close(read_end)
            data = pickle.dumps([work(item) for item in items[half:]],
                                protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        mine = [work(item) for item in items[:half]]
    finally:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
    try:
        theirs = pickle.loads(data)
    except Exception:  # noqa: BLE001 - the child failed: its half is done here instead
        theirs = None
    if not isinstance(theirs, list) or len(theirs) != len(items) - half:
        theirs = [work(item) for item in items[half:]]
    return mine + theirs

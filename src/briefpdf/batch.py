"""Build many files: skip the ones that are up to date, build the rest on every core.

Used by `briefpdf build` and `briefpdf watch`. A briefing is skipped when
``cache.BuildCache`` says nothing it was made from has changed (that check hashes
files and imports no PDF library). The rest are built in this process when there is
one to build or one job, else in a process pool: packs first, then briefings from the
largest, so that no long build is left for last. Where workers are forked (Linux),
this process first loads and composes one briefing, so that they all start warm.
"""

from __future__ import annotations

import gc
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefpdf.build import Outcome, build_file, warm_up
from briefpdf.cache import BuildCache
from briefpdf.errors import BriefpdfError


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class Batch:
    """The outcomes of one run over many files, and how long it took."""

    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    """Things to say after the summary (the build record could not be saved, ...)."""

    def count(self, status: str) -> int:
        return sum(o.status == status for o in self.outcomes)

    def summary(self) -> str:
        return (f"{self.count('built')} built, {self.count('unchanged')} unchanged, "
                f"{self.count('failed')} failed in {self.seconds:.1f}s")

    def check_line(self) -> str | None:
        """One line counting the `briefpdf check` findings of the files, or None."""
        counted = [o.findings for o in self.outcomes if o.findings is not None]
        if not counted:
            return None
        totals = {kind: sum(c.get(kind, 0) for c in counted) for kind in LABELS}
        total = sum(totals.values())
        if not total:
            return f"check: no findings in {len(counted)} file{'s' * (len(counted) != 1)}"
        kinds = ", ".join(f"{n} {LABELS.get(kind, kind)}" for kind, n in totals.items())
        return (f"check: {total} finding{'s' * (total != 1)} ({kinds}); run `briefpdf check` "
                "to see them and the reading ages")


def build_many(files: list[Path], out_dir: Path, options: dict[str, Any], *,
               jobs: int | None = None, force: bool = False, progress: bool = False) -> Batch:
    """Build ``files`` into ``out_dir``; ``options`` go to ``build_file`` and into the cache
    fingerprint (so changing an option rebuilds everything). ``force`` rebuilds every
    file and lets a build replace a file briefpdf did not write."""
    from briefpdf.build import check_source_date_epoch
    from briefpdf.finish.write import clean_stale_parts

    check_source_date_epoch()
    started = time.perf_counter()
    clean_stale_parts(out_dir)
    cache = BuildCache(out_dir, {**options, "SOURCE_DATE_EPOCH":
                                 os.environ.get("SOURCE_DATE_EPOCH")})
    files = list({path.resolve(): path for path in reversed(files)}.values())[::-1]
    # (a file named twice, even as two different paths, is built once)
    results: dict[Path, Outcome] = dict(clashes(files, out_dir))
    todo: list[Path] = []
    for path in files:
        if path in results:
            cache.forget(path)
        elif not force and cache.is_fresh(path):
            results[path] = Outcome(path, output=Path(cache.output_of(path) or ""),
                                    status="unchanged", findings=cache.findings_of(path))
        else:
            todo.append(path)

    def done(outcome: Outcome) -> None:
        results[outcome.path] = outcome
        if outcome.status == "built" and outcome.inputs is not None and outcome.output:
            cache.record(outcome.path, outcome.output, outcome.inputs, outcome.findings)
        else:
            cache.forget(outcome.path)
        cache.save_now_and_then()  # a killed build keeps what it finished

    warnings: list[str] = []
    try:
        _run(todo, out_dir, options, jobs or default_jobs(), done, progress, force)
    finally:
        clean_stale_parts(out_dir)  # what stopped workers were writing
        warnings.extend(cache.notes)
        try:
            cache.save()
        except BriefpdfError as exc:
            warnings.append(f"warning: the build record was not saved ({exc}); the next "
                            "build will build these files again")
    return Batch([results[p] for p in files if p in results], time.perf_counter() - started,
                 warnings)


def clashes(files: list[Path], out_dir: Path) -> Iterator[tuple[Path, Outcome]]:
    """A failed outcome for each file whose output another file would write too (``a b.yaml``,
    ``a-b.yaml``, ``a-b.yml`` and ``a-b.pack.yaml`` all make ``a-b.pdf``): neither is built,
    so neither silently replaces the other's PDF."""
    from briefpdf.errors import Problem
    from briefpdf.load.styles import _show
    from briefpdf.model.slug import slug_of

    by_output: dict[str, list[Path]] = {}
    for path in files:
        by_output.setdefault(slug_of(path).casefold(), []).append(path)
    for group in by_output.values():
        if len(group) < 2:
            continue
        output = out_dir / f"{slug_of(group[0])}.pdf"
        for path in group:
            others = ", ".join(_show(other) for other in group if other != path)
            yield path, Outcome(path, status="failed", problems=[Problem(_show(path), 1, 1, (
                f"this file and {others} would both be written to {output}; rename one of "
                "them so that each has its own name"))])


def _run(todo: list[Path], out_dir: Path, options: dict[str, Any], jobs: int,
         done: Callable[[Outcome], None], progress: bool, force: bool = False) -> None:
    """Build ``todo``: in this process for one job or one file, else in a process pool."""
    context = None
    here, rest = todo, []
    if jobs > 1 and len(todo) > 1:
        todo, packs = schedule(todo)
        here, rest = [], todo
        context = fork_context()
        if context is not None and packs < len(todo):
            # With 'fork', the first briefing is loaded and composed here (not laid out):
            # that imports ReportLab, reads the validators, registers the fonts and fills the
            # caches once, and the workers forked afterwards inherit it all warm instead
            # of each paying for it, while no core waits for a whole build.
            warm_up(todo[packs], **options)
    with _progress(len(todo), progress and not rest) as advance:
        for path in here:
            done(build_file(path, out_dir, **options, force=force))
            advance()
    if rest:
        _pool(rest, out_dir, {**options, "force": force}, min(jobs, len(rest)), context, done,
              len(todo), len(here) if progress else None)


def _pool(todo: list[Path], out_dir: Path, options: dict[str, Any], jobs: int, context: Any,
          done: Callable[[Outcome], None], total: int, shown: int | None) -> None:
    """Build ``todo`` in ``jobs`` worker processes; ``shown`` files were already done
    (None: no progress bar)."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    frozen = context is not None
    if frozen:  # the inherited objects stay shared: the workers' GC never touches them
        gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=max(jobs, 1), mp_context=context,
                                 initializer=worker_started, initargs=(os.getpid(),)) as pool:
            # Submit before the progress display starts its thread: workers fork without it.
            futures = [pool.submit(build_file, path, out_dir, **options) for path in todo]
            try:
                with _progress(total, shown is not None, shown or 0) as advance:
                    for future in as_completed(futures):
                        done(future.result())
                        advance()
            except BaseException:  # Ctrl-C, TERM, HUP: stop the workers now, not after
                stop_workers(pool)
                pool.shutdown(wait=True, cancel_futures=True)
                raise
    finally:
        if frozen:
            gc.unfreeze()


def worker_started(parent: int) -> None:
    """In each worker: leave Ctrl-C, TERM and HUP to the main process (which stops the
    workers itself), and die with it, however it dies (even killed outright)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    die_with_parent(parent)


PR_SET_PDEATHSIG = 1
"""prctl(2): the signal a process gets when its parent dies (Linux)."""


def die_with_parent(parent: int) -> None:
    """Have this process killed when ``parent`` dies: Linux's parent-death signal, else a
    thread that watches for the parent to be gone."""
    import signal

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # it died before the signal was asked for
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def stop_workers(pool: Any) -> None:
    """End every worker process of ``pool`` now (concurrent.futures keeps them in
    ``_processes``; it has no public way to stop a running call)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.terminate()
        except (OSError, ValueError, AttributeError):
            pass


def schedule(paths: list[Path]) -> tuple[list[Path], int]:
    """``paths`` in the order to start them, so that no long build is left for last: packs
    first (each builds many briefings), then briefings by decreasing file size; and how
    many packs lead. A file that cannot be read goes last."""
    def weight(path: Path) -> tuple[bool, int]:
        try:  # (never waiting on a pipe: its build reports it)
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return False, -1
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return False, -1
            return PACK.search(handle.read(4096)) is not None, info.st_size  # the head tells

    weights = {path: weight(path) for path in paths}
    ordered = sorted(paths, key=weights.__getitem__, reverse=True)
    return ordered, sum(weights[path][0] for path in paths)


LABELS = {"personal-data": "personal data", "plain-english": "plain English",
          "accessibility": "accessibility"}
"""How the build's check line names each kind of finding."""

PACK = re.compile(rb"^pack[ \t]*:", re.MULTILINE)
"""A top-level ``pack:`` key: the file is a pack (spec section 3)."""


def fork_context() -> Any:
    """The 'fork' start method where it is safe and the default would not inherit a warm
    process (Linux), else None: workers then start fresh and import what they need."""
    if not sys.platform.startswith("linux"):
        return None
    import multiprocessing

    return multiprocessing.get_context("fork")


def show_progress() -> bool:
    """A progress bar only for a person watching a terminal, never under CI."""
    return sys.stderr.isatty() and not os.environ.get("CI")


@contextmanager
def _progress(total: int, enabled: bool, done: int = 0) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for more than one file (rich), ``done`` of them already
    built, or nothing."""
    if not enabled or total <= 1:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    bar = Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=Console(stderr=True), transient=True)
    with bar:
        task = bar.add_task("build", total=total, completed=done)
        yield lambda: bar.advance(task)

"""`briefpdf watch [PATH ...]`: rebuild briefings whenever they, their styles or images change.

Polls file times every ``--interval`` seconds with the standard library (no extra
dependency, and it works the same on network drives and in containers, where file
system events are unreliable). Each change runs an incremental build, so only the
briefings whose inputs changed are rebuilt. Problems are printed and watching goes on;
Ctrl-C stops it.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

from briefpdf.build import OUT_DIR, discover
from briefpdf.commands.build import add_speed_options, build_options
from briefpdf.commands.report import print_problems
from briefpdf.errors import BriefpdfError

Snapshot = dict[str, tuple[int, int] | None]


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("watch", help="rebuild briefings whenever they, their styles or "
                                     "images change",
                       description="Build, then rebuild each briefing within a second of it, "
                                   "its style or its images changing. Press Ctrl-C to stop.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="briefing or pack files, or folders (default: briefings/)")
    p.add_argument("-o", "--out", default=str(OUT_DIR), metavar="DIR",
                   help="output folder (default: out)")
    p.add_argument("--style", metavar="NAME", help="use this style instead of each file's own")
    add_speed_options(p)
    p.add_argument("--interval", type=float, default=0.3, metavar="SECONDS",
                   help="how often to look for changes (default: 0.3)")
    return p


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    signal.signal(signal.SIGTERM, _stop)
    print(f"watching {_describe(args.paths)}; press Ctrl-C to stop", file=sys.stderr)
    last: Snapshot | None = None
    try:
        while True:
            files = discover(args.paths)
            current = snapshot(files, out, set(last or ()))
            if current != last:
                _rebuild(files, out, args)
                # Files first read by this build join the watch as they are now; the
                # others keep their times from before it, so an edit made while it
                # ran is still seen as a change.
                last = {**snapshot(files, out, set(current)), **current}
            time.sleep(max(args.interval, 0.05))
    except KeyboardInterrupt:
        print("stopped watching", file=sys.stderr)
        return 0


def _stop(signum: int, frame: object) -> None:
    """SIGTERM stops watching the way Ctrl-C does."""
    raise KeyboardInterrupt


def _describe(paths: list[str]) -> str:
    return ", ".join(paths) if paths else "briefings/"


def _rebuild(files: list[Path], out: Path, args: argparse.Namespace) -> None:
    """One incremental build; report problems and carry on whatever happens."""
    from briefpdf.batch import build_many

    if not files:
        print("no briefings found yet", file=sys.stderr)
        return
    try:
        batch = build_many(files, out, build_options(args), jobs=args.jobs)
    except BriefpdfError as exc:
        print(f"briefpdf: {exc}", file=sys.stderr)
        return
    except Exception as exc:  # noqa: BLE001 - keep watching; the next change may fix it
        print(f"briefpdf: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return
    print_problems(batch.outcomes)
    for outcome in batch.outcomes:
        if outcome.status == "built":
            print(f"wrote {outcome.output}", flush=True)
    if batch.count("built") or batch.count("failed"):
        print(f"{time.strftime('%H:%M:%S')} {batch.summary()}", file=sys.stderr, flush=True)
    for warning in batch.warnings:
        print(f"briefpdf: {warning}", file=sys.stderr, flush=True)


def snapshot(files: list[Path], out: Path, known: set[str]) -> Snapshot:
    """Size and modification time of every file the builds read, and of the style files
    that could be picked up (so fixing or adding a style is noticed too). ``known`` are
    paths watched before: a file stays watched after a failed build forgets it."""
    from briefpdf.cache import BuildCache
    from briefpdf.load.styles import BUILTIN_STYLES, style_folders

    watched: set[str] = {str(p.resolve()) for p in files} | known
    watched.update(BuildCache(out, {}).dependencies())
    for parent in {p.resolve().parent for p in files}:
        for folder in style_folders(parent):
            if folder != BUILTIN_STYLES:
                watched.update(str(p) for p in folder.glob("*.y*ml"))
    return {path: _stat(path) for path in watched}


def _stat(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size

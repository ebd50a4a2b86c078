"""`briefpdf build [PATH ...] [-o DIR]`: briefings and packs to PDF."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from briefpdf.build import OUT_DIR, build_file, discover
from briefpdf.commands.report import print_problems
from briefpdf.errors import UsageError


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("build", help="build briefings and packs into PDFs",
                       description="Build each briefing (and pack) into OUT/<slug>.pdf. "
                                   "With no PATH, every YAML file in briefings/.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="briefing or pack files, or folders")
    p.add_argument("-o", "--out", default=str(OUT_DIR), metavar="DIR",
                   help="output folder (default: out)")
    p.add_argument("--style", metavar="NAME", help="use this style instead of each file's own")
    return p


def run(args: argparse.Namespace) -> int:
    files = discover(args.paths)
    if not files:
        raise UsageError("no briefings found: give a file, or run in a folder with briefings/")
    started = time.perf_counter()
    outcomes = [build_file(path, Path(args.out), args.style) for path in files]
    failed = print_problems(outcomes)
    built = [o for o in outcomes if o.status == "built"]
    for outcome in built:
        print(f"wrote {outcome.output}")
    elapsed = time.perf_counter() - started
    print(f"{len(built)} built, {failed} failed in {elapsed:.1f}s", file=sys.stderr)
    return 1 if failed else 0

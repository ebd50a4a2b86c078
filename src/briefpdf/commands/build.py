"""`briefpdf build [PATH ...] [-o DIR] [-j N] [--force]`: briefings and packs to PDF."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefpdf.build import OUT_DIR, discover
from briefpdf.commands.report import add_strict_option, print_problems, strict_failure
from briefpdf.errors import UsageError


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("build", help="build briefings and packs into PDFs",
                       description="Build each briefing (and pack) into OUT/<slug>.pdf. "
                                   "With no PATH, every YAML file in briefings/. A file "
                                   "whose PDF is up to date is skipped.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="briefing or pack files, or folders")
    p.add_argument("-o", "--out", default=str(OUT_DIR), metavar="DIR",
                   help="output folder (default: out)")
    p.add_argument("--style", metavar="NAME", help="use this style instead of each file's own")
    p.add_argument("--grayscale", action="store_true",
                   help="render everything in grays, for black-and-white printers")
    add_speed_options(p)
    p.add_argument("--force", action="store_true",
                   help="rebuild every file, even those whose PDF is up to date, and replace "
                        "an output file that briefpdf did not write")
    p.add_argument("--html", action="store_true",
                   help="also write OUT/<slug>.html: an accessible web page of each briefing")
    add_strict_option(p, build=True)
    return p


def add_speed_options(p: argparse.ArgumentParser) -> None:
    """``-j N``: shared by build and watch."""
    p.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                   help="build N files at once (default: the number of cores)")


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of jobs; give 1 or more")
    return value


def build_options(args: argparse.Namespace) -> dict:
    """The options that change what a PDF looks like: passed to ``build_file`` and part of
    the incremental-build fingerprint. Add every new output-changing flag here, read with
    getattr and a default, because `briefpdf watch` shares this function."""
    return {"style": getattr(args, "style", None),
            "grayscale": getattr(args, "grayscale", False),
            "html": getattr(args, "html", False),
            "strict": getattr(args, "strict", False)}


def run(args: argparse.Namespace) -> int:
    from briefpdf.batch import build_many, show_progress

    files = discover(args.paths)
    if not files:
        raise UsageError("no briefings found: give a file, or run in a folder with briefings/")
    out_problem(Path(args.out))
    batch = build_many(files, Path(args.out), build_options(args), jobs=args.jobs,
                       force=args.force, progress=show_progress())
    outcomes = batch.outcomes
    if getattr(args, "strict", False):  # an up-to-date PDF's warnings count too
        from briefpdf.build import validate_file

        outcomes = [validate_file(o.path, args.style) if o.status == "unchanged" else o
                    for o in outcomes]
    failed = print_problems(outcomes)
    for outcome in batch.outcomes:
        if outcome.status == "built":
            print(f"wrote {outcome.output}")
            if outcome.html:
                print(f"wrote {outcome.html}")
    check_line = batch.check_line()
    if check_line:
        print(check_line, file=sys.stderr)
    print(batch.summary(), file=sys.stderr)
    for warning in batch.warnings:
        print(f"briefpdf: {warning}", file=sys.stderr)
    strict = strict_failure(outcomes) if getattr(args, "strict", False) else None
    if strict:
        print(strict, file=sys.stderr)
    return 1 if failed or strict else 0


def out_problem(out: Path) -> None:
    """-o must name a folder (or nothing yet): a file there is a usage error, said once,
    not once per briefing."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"-o {out}: that is a file, not a folder; give the folder to write "
                         "the PDFs into (it is made if it does not exist)")

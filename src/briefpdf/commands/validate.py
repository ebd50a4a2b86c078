"""`briefpdf validate [PATH ...]`: check without writing anything."""

from __future__ import annotations

import argparse
import sys

from briefpdf.build import discover, validate_file
from briefpdf.commands.report import add_strict_option, print_problems, strict_failure
from briefpdf.errors import UsageError


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("validate", help="check briefings and packs; write nothing",
                       description="Report every problem as file:line:column: message.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="briefing or pack files, or folders")
    p.add_argument("--style", metavar="NAME", help="check against this style instead")
    add_strict_option(p)
    return p


def run(args: argparse.Namespace) -> int:
    files = discover(args.paths)
    if not files:
        raise UsageError("no briefings found: give a file, or run in a folder with briefings/")
    outcomes = [validate_file(path, args.style) for path in files]
    failed = print_problems(outcomes)
    print(f"{len(files) - failed} valid, {failed} with problems", file=sys.stderr)
    strict = strict_failure(outcomes) if args.strict else None
    if strict:
        print(strict, file=sys.stderr)
    return 1 if failed or strict else 0

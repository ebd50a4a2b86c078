"""The command line: thin. Each command lives in briefpdf/commands/<name>.py and
imports what it needs only when it runs, so `--help` and `validate` stay fast."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from briefpdf import __version__
from briefpdf.errors import BriefpdfError

COMMANDS = ("build", "watch", "validate", "pack", "new", "schema", "styles", "links",
            "check-links")
"""Command modules, in the order `--help` lists them."""


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefpdf",
        description="Turn briefing YAML files into branded, printable, accessible PDFs.",
        epilog="Run `briefpdf COMMAND --help` for a command's options.")
    parser.add_argument("--version", action="version", version=f"briefpdf {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"briefpdf.commands.{name.replace('-', '_')}")
        command = module.add_parser(sub)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 input errors, 2 usage)."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except BriefpdfError as exc:
        print(f"briefpdf: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("briefpdf: interrupted; nothing half-written was left behind", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        if os.environ.get("BRIEFPDF_DEBUG"):
            raise
        print(f"briefpdf: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in briefpdf; please report it with the input file "
              "(set BRIEFPDF_DEBUG=1 to see the details).", file=sys.stderr)
        return 1

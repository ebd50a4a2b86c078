"""The command line: thin. Each command lives in briefpdf/commands/<name>.py and
imports what it needs only when it runs, so `--help` and `validate` stay fast."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import signal
import sys
from functools import partial

from briefpdf import __version__
from briefpdf.errors import BriefpdfError, Stopped

COMMANDS = ("build", "watch", "serve", "validate", "check", "pack", "new", "import",
            "schema", "styles", "links", "check-links")
"""Command modules, in the order `--help` lists them."""


def make_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser. When ``argv`` starts with a command's name, only that command is set up
    (and its module imported): argparse cannot then need the others, as it lists them
    only in the main help and in the error for an unknown command."""
    wanted = _command_named(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(
        formatter_class=HelpFormatter,
        prog="briefpdf",
        description="Turn briefing YAML files into branded, printable, accessible PDFs.",
        epilog="Run `briefpdf COMMAND --help` for a command's options.")
    parser.add_argument("--version", action="version", version=f"briefpdf {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=partial(
        argparse.ArgumentParser, formatter_class=HelpFormatter))
    for name in COMMANDS:
        if wanted is not None and name != wanted:
            continue
        module = importlib.import_module(f"briefpdf.commands.{_module_name(name)}")
        command = module.add_parser(sub)
        command.set_defaults(run=module.run)
    return parser


def _module_name(command: str) -> str:
    """``check-links`` → ``check_links``; ``import`` (a Python keyword) → ``import_``."""
    return "import_" if command == "import" else command.replace("-", "_")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout at the terminal's width, found as argparse would (COLUMNS,
    else the terminal, else 80 columns) but without importing shutil for it: argparse
    makes a formatter for every option it is given, and shutil brings bz2 and lzma."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position,
                         width if width is not None else _columns() - 2)


def _columns() -> int:
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def _stop_on_term_and_hup() -> None:
    """TERM (a service manager, `kill`) and HUP (the terminal closed) stop a command as
    Ctrl-C does: workers stopped, temporary files removed, a message, status 128+N.
    (A command may set its own handler afterwards, as `watch` does.)"""
    def stop(signum: int, _frame: object) -> None:
        raise Stopped(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            try:
                signal.signal(getattr(signal, name), stop)
            except ValueError:  # not the main thread (main() called from a thread)
                pass


def _command_named(argv: list[str]) -> str | None:
    """The command ``argv`` starts with, or None (no command, an unknown one, or an option
    such as --help before it: then every command is described)."""
    if argv and argv[0] in COMMANDS:
        return argv[0]
    return None


def run() -> None:
    """The program's entry point (``briefpdf``, ``python -m briefpdf``)."""
    code = main(exiting=True)
    if code >= 128:
        # Interrupted or stopped, cleaned up and reported: leave with that status now.
        # CPython remembers a Ctrl-C that interrupted code it ran from C (some imports)
        # even once caught, and at its normal exit would kill the process by SIGINT
        # (status -2 instead of 130).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    # The process ends here: freeze what it made, so that the cycle collector's passes
    # at interpreter exit do not scan every object once more (about 0.1 s of a cold
    # build, docs/performance.md). Files are still closed and atexit handlers still run.
    gc.freeze()
    raise SystemExit(code)


def main(argv: list[str] | None = None, *, exiting: bool = False) -> int:
    """Run the command line; return the exit status (0 ok, 1 input errors, 2 usage)."""
    # pydantic's documented switch: no search of every installed package's metadata for
    # pydantic plugins when the models' validators are built (model/validate.py); the
    # command line uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _stop_on_term_and_hup()
    try:  # (a Ctrl-C while the command is still being set up is an interruption too)
        parser = make_parser(argv)
        args = parser.parse_args(argv)
        if not getattr(args, "run", None):
            parser.print_help()
            return 2
        return args.run(args)
    except BriefpdfError as exc:
        print(f"briefpdf: {exc}", file=sys.stderr)
        return exc.exit_code
    except Stopped as stop:
        name = signal.Signals(stop.signum).name
        print(f"briefpdf: stopped ({name}); nothing half-written was left behind",
              file=sys.stderr)
        return 128 + stop.signum
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
    finally:
        if exiting:
            # The command is over: a Ctrl-C while Python tidies up on the way out would
            # only turn a finished, fully written run into a kill.
            signal.signal(signal.SIGINT, signal.SIG_IGN)

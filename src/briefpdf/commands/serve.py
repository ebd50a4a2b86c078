"""`briefpdf serve [PROJECT_DIR] [--port N] [--no-open]`: edit and preview in the browser.

Thin: the server is in briefpdf/serve, imported only when this command runs.
"""

from __future__ import annotations

import argparse
import os
import signal
from pathlib import Path

from briefpdf.errors import UsageError


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("serve", help="write and preview briefings in the browser",
                       description="Start a web page on this computer (127.0.0.1 only) "
                                   "where briefings can be written, checked and previewed "
                                   "as printed pages. Press Ctrl-C to stop.")
    p.add_argument("project", nargs="?", default=".", metavar="PROJECT_DIR",
                   help="the folder with briefings/ (default: this folder)")
    p.add_argument("--port", type=_port, default=0, metavar="N",
                   help="the port to listen on (default: a free one)")
    p.add_argument("--no-open", action="store_true",
                   help="do not open the browser; just print the address")
    return p


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port; give a number such as 8000")
    return int(text)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.project)
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder; give the folder that has briefings/ in it")
    os.chdir(folder)  # paths in messages and out/ are then as `briefpdf build` has them
    root = Path.cwd()
    (root / "briefings").mkdir(exist_ok=True)
    from briefpdf.serve.server import serve
    from briefpdf.serve.workspace import Workspace

    signal.signal(signal.SIGTERM, _stop)
    opened = None
    if not args.no_open:
        import webbrowser

        opened = webbrowser.open
    try:
        serve(Workspace(root), args.port, opened)
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        raise UsageError(f"cannot listen on port {args.port}: {exc.strerror}; "
                         "give another with --port, or leave it out") from None
    return 0


def _stop(signum: int, frame: object) -> None:
    """SIGTERM stops the server the way Ctrl-C does."""
    raise KeyboardInterrupt

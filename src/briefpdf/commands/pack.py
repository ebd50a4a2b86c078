"""`briefpdf pack A.yaml B.yaml … -o pack.pdf --title "…"`: an ad-hoc training pack.

The same as writing a pack file (docs/packs.md) and building it, for a one-off.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefpdf.errors import InputError


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("pack", help="bind briefings into one printable pack",
                       description="Bind briefings into one PDF with a cover, contents and "
                                   "bookmarks (like a pack file, see docs/packs.md).")
    p.add_argument("briefings", nargs="+", metavar="BRIEFING", help="briefing files, in order")
    p.add_argument("-o", "--out", required=True, metavar="FILE", help="the PDF to write")
    p.add_argument("--title", required=True, help="the pack's title, on the cover")
    p.add_argument("--subtitle", help="a line under the title")
    p.add_argument("--intro", help="a paragraph before the contents")
    p.add_argument("--date", help="the pack's date: YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--layout", choices=("a4", "booklet", "2up"), default="a4",
                   help="a4 (default); booklet: A5 pages on A4 sheets to fold; "
                        "2up: two pages per A4 sheet")
    p.add_argument("--no-duplex", dest="duplex", action="store_false",
                   help="do not add blank pages so that each briefing starts on a right-hand "
                        "page (for single-sided printing)")
    p.add_argument("--no-contents", dest="contents", action="store_false",
                   help="leave out the contents page")
    p.add_argument("--style", metavar="NAME", help="use this style for every briefing")
    p.add_argument("--force", action="store_true",
                   help="replace FILE even if briefpdf did not write it (never a briefing, a "
                        "style or any .yaml file)")
    return p


def run(args: argparse.Namespace) -> int:
    from briefpdf.build import Outcome, pack_inputs, render_pack
    from briefpdf.commands.report import print_problems
    from briefpdf.errors import UsageError
    from briefpdf.finish.write import refuse_target, write_atomic
    from briefpdf.load.yaml_source import Source
    from briefpdf.model.pack import load_pack

    spec = {"title": args.title, "briefings": [str(Path(b)) for b in args.briefings],
            "duplex": args.duplex, "contents": args.contents, "layout": args.layout}
    for key in ("subtitle", "intro", "date"):
        if getattr(args, key):
            spec[key] = getattr(args, key)
    name = "briefpdf pack"
    source = Source(name, {"pack": spec})
    from briefpdf.build import check_source_date_epoch

    check_source_date_epoch()
    here = Path.cwd() / "command-line.pack.yaml"
    out = Path(args.out)
    refused = refuse_target(out, args.briefings, force=args.force)
    if refused:
        raise UsageError(f"-o {refused}")
    try:
        loaded = load_pack(here, args.style, source=source)
        refused = refuse_target(out, pack_inputs(loaded).files, force=args.force)
        if refused:  # (a style or an image is an input too)
            raise UsageError(f"-o {refused}")
        write_atomic(out, render_pack(loaded))
    except InputError as exc:
        print_problems([Outcome(here, problems=exc.problems, status="failed")])
        print("no pack written", file=sys.stderr)
        return 1
    print(f"wrote {args.out}")
    return 0

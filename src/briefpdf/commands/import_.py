"""`briefpdf import FILE… [-o DIR] [--style NAME] [--force]`: Word (.docx), Markdown or
text briefings → briefing YAML files. The work is in briefpdf/importer/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefpdf.build import BRIEFINGS_DIR


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("import", help="turn a Word, Markdown or text briefing into YAML",
                       description="Read each FILE (.docx, .md or .txt) and write "
                                   "DIR/<name>.yaml, a briefing file to check and build. "
                                   "Pictures are saved in DIR/assets/. Nothing is "
                                   "replaced without --force.")
    p.add_argument("files", nargs="+", metavar="FILE", help=".docx, .md or .txt files")
    p.add_argument("-o", "--out", default=str(BRIEFINGS_DIR), metavar="DIR",
                   help="folder for the briefing files (default: briefings)")
    p.add_argument("--style", metavar="NAME", help="write style: NAME into each briefing")
    p.add_argument("--force", action="store_true", help="replace files that already exist")
    return p


def run(args: argparse.Namespace) -> int:
    from briefpdf.errors import BriefpdfError, InputError
    from briefpdf.importer.report import describe
    from briefpdf.importer.run import import_file

    failed = 0
    for file in args.files:
        try:
            result = import_file(Path(file), Path(args.out), style=args.style,
                                 force=args.force)
        except InputError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            failed += 1
            continue
        except BriefpdfError as exc:
            print(f"briefpdf: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(describe(result))
    return 1 if failed else 0

"""`briefpdf check [PATH ...] [--json] [--strict]`: personal data, plain English and
accessible wording of briefings, each finding at file:line:column (see docs/check.md)."""

from __future__ import annotations

import argparse
import json
import sys

from briefpdf.build import discover
from briefpdf.errors import UsageError


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("check", help="check briefings for personal data, plain English and "
                                     "accessible wording",
                       description="Check each briefing for personal data (names, dates of "
                                   "birth, addresses, phone, NHS and National Insurance "
                                   "numbers …), plain English (reading age, long sentences, "
                                   "acronyms) and accessible wording (link text, capitals, "
                                   "italics, alt text, type sizes). With no PATH, every "
                                   "briefing in briefings/. Exit status 1 when personal data "
                                   "is found (with --strict, when anything is found).")
    p.add_argument("paths", nargs="*", metavar="PATH", help="briefing or pack files, or folders")
    p.add_argument("--json", action="store_true",
                   help="print the findings as JSON (the shape is in docs/check.md)")
    p.add_argument("--strict", action="store_true",
                   help="fail (exit status 1) on any finding, not only personal data")
    return p


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from briefpdf.check.finding import KINDS, PERSONAL
    from briefpdf.check.runner import MEASURE, check_paths

    files = discover(args.paths)
    if not files:
        raise UsageError("no briefings found: give a file, or run in a folder with briefings/")
    reports, problems = check_paths([Path(f) for f in files])
    totals = {kind: sum(r.counts()[kind] for r in reports) for kind in KINDS}
    failed = bool(problems) or totals[PERSONAL] > 0 or (args.strict and any(totals.values()))
    if args.json:
        print(json.dumps({
            "version": 1, "measure": MEASURE, "strict": args.strict, "passed": not failed,
            "counts": totals, "files": [r.as_dict() for r in reports],
            "problems": [{"file": p.file, "line": p.line, "column": p.column,
                          "message": p.message} for p in problems]},
            indent=2, ensure_ascii=False))
        return 1 if failed else 0
    for problem in problems:
        print(problem, file=sys.stderr)
    shown: set = set()
    for report in reports:
        for finding in report.findings:
            key = (finding.file, finding.line, finding.column, finding.message)
            if key not in shown:  # a style's findings are shown once, not per briefing
                shown.add(key)
                print(finding)
        print(report.summary())
    print(f"{len(reports)} briefing{'s' if len(reports) != 1 else ''} checked: "
          f"{totals[PERSONAL]} personal data, {totals['plain-english']} plain English, "
          f"{totals['accessibility']} accessibility"
          + (f"; {len({p.file for p in problems})} not loaded" if problems else ""),
          file=sys.stderr)
    return 1 if failed else 0

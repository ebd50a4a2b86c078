"""`briefpdf links [PATH ...]`: every link in the briefings, for an administrator to review."""

from __future__ import annotations

import argparse
import sys

from briefpdf.build import discover
from briefpdf.errors import UsageError

TITLE_WIDTH = 40
"""Titles longer than this are shortened with … so the addresses line up."""


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("links", help="list every link in briefings, with where it is written",
                       description="List each link (link sections, links in text, feedback "
                                   "contacts) as: file:line:column, title, address. "
                                   "With no PATH, every briefing in briefings/.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="briefing files, or folders")
    return p


def gather(paths: list[str]) -> tuple[list, list, list]:
    """(links, problems, files) for the command line's PATHs (problems are printed)."""
    from briefpdf.links.collect import links_in_files

    files = discover(paths)
    if not files:
        raise UsageError("no briefings found: give a file, or run in a folder with briefings/")
    refs, problems = links_in_files(files)
    for problem in problems:
        print(problem, file=sys.stderr)
    return refs, problems, files


def run(args: argparse.Namespace) -> int:
    refs, problems, files = gather(args.paths)
    from briefpdf.links.safety import punycode_of

    print(table([(f"{r.file}:{r.line}:{r.column}", r.title, _with_punycode(r.url, punycode_of))
                 for r in refs]), end="")
    errors = [p for p in problems if p.severity == "error"]
    noun = "link" if len(refs) == 1 else "links"
    print(f"{len(refs)} {noun} in {len(files)} file{'s' if len(files) != 1 else ''}"
          + (f"; {len({p.file for p in errors})} with problems" if errors else ""),
          file=sys.stderr)
    return 1 if errors else 0


def _with_punycode(url: str, punycode_of) -> str:
    """An international address with the form a browser really visits beside it."""
    other = punycode_of(url)
    return f"{url}  (host: {other})" if other else url


def table(rows: list[tuple[str, str, str]]) -> str:
    """Rows as aligned columns under a header; addresses are never shortened."""
    if not rows:
        return ""
    rows = [(where, _shorten(title), url) for where, title, url in rows]
    header = ("WHERE", "TITLE", "URL")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(2)]
    return "".join(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}\n"
                   for row in [header, *rows])


def _shorten(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1] + "…"

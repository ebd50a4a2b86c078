"""`briefpdf check-links [PATH ...]`: check that every link still answers."""

from __future__ import annotations

import argparse

from briefpdf.errors import UsageError


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("check-links", help="check that every link in briefings still works",
                       description="Fetch every web link (concurrently, following redirects) "
                                   "and report each as ok, redirected (to where), broken "
                                   "(status) or unreachable (why); email links are skipped. "
                                   "Exit status 1 when any link is broken or unreachable. "
                                   "With no PATH, every briefing in briefings/.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="briefing files, or folders")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("-j", "--jobs", type=int, default=8, metavar="N",
                   help="check at most N addresses at once (default: 8)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="S",
                   help="give up on an address after S seconds in all: connecting, the "
                        "answer and any redirects (default: 10)")
    p.add_argument("--allow-host", action="append", default=[], metavar="HOST",
                   help="check HOST (a name or an address) even if it is internal: "
                        "loopback, private or link-local addresses are not contacted "
                        "otherwise (repeatable; see docs/links.md)")
    return p


def run(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise UsageError("-j/--jobs must be 1 or more")
    if not args.timeout > 0:
        raise UsageError("--timeout must be a number of seconds above 0, like 10")
    import sys

    from briefpdf.commands.links import gather
    from briefpdf.links.check import (
        Interrupted,
        check_links,
        exit_code,
        format_json,
        format_text,
    )

    refs, problems, _ = gather(args.paths)
    try:
        results = check_links(refs, jobs=args.jobs, timeout=args.timeout,
                              allow_hosts=args.allow_host)
    except Interrupted as stop:  # Ctrl-C: what was checked, then stop at once
        print(format_json(stop.results) if args.json else format_text(stop.results), end="",
              flush=True)
        print(f"briefpdf: interrupted; {len(stop.results)} of {stop.total} links checked",
              file=sys.stderr, flush=True)
        return 130
    print(format_json(results) if args.json else format_text(results), end="")
    return 1 if any(p.severity == "error" for p in problems) else exit_code(results)

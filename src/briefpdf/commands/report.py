"""Printing outcomes and problems the same way for every command."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from briefpdf.build import Outcome


def print_problems(outcomes: Iterable[Outcome]) -> int:
    """Print every problem to stderr; return how many files failed."""
    failed = 0
    for outcome in outcomes:
        for problem in outcome.problems:
            print(problem, file=sys.stderr)
        failed += outcome.status == "failed"
    return failed


def add_strict_option(p, *, build: bool = False) -> None:
    """``--strict``: shared by build and validate."""
    extra = ("; a briefing with any `briefpdf check` finding fails and is not written, "
             "and the findings are shown" if build else "")
    p.add_argument("--strict", action="store_true",
                   help="treat warnings as problems: exit with status 1 if there is any "
                        f"(for a board's own checks before publishing){extra}")


def strict_failure(outcomes: Iterable[Outcome]) -> str | None:
    """With --strict: the line that says why the run fails, or None when there is no
    warning."""
    count = sum(p.severity == "warning" for o in outcomes for p in o.problems)
    if not count:
        return None
    return (f"--strict: {count} warning{'s' if count != 1 else ''} above; fix "
            f"{'them' if count != 1 else 'it'}, or build without --strict")

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

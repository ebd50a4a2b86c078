"""The small exception tree. Every error a user can cause is a BriefpdfError.

The CLI catches BriefpdfError and prints its problems; nothing else reaches
the user as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, at a position (1-based line and column)."""

    file: str
    line: int
    column: int
    message: str
    severity: str = field(default="error", compare=False)

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}"


class BriefpdfError(Exception):
    """Base class: an error the user can fix. Its str() is the message to show."""

    exit_code = 1


class InputError(BriefpdfError):
    """One or more problems in input files, all collected before raising."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(BriefpdfError):
    """The command line was wrong (exit status 2)."""

    exit_code = 2


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: stop as Ctrl-C does (every ``except KeyboardInterrupt`` cleans up)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class OutputError(BriefpdfError):
    """The output could not be written (permissions, disk full, ...)."""

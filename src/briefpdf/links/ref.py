"""A link as written in a briefing: what collecting links gives, checking takes.

Apart from links/check.py, so that a build, which collects links to warn about
deceptive ones, does not import the network code that only `briefpdf links` needs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkRef:
    """A link as written in a source file (1-based line and column)."""

    url: str
    title: str
    file: str
    line: int
    column: int

"""A finding of `briefpdf check`: a Problem (so every front end can show it beside its
line) that also says which kind of check raised it, which rule, and the text it matched."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefpdf.errors import Problem

PERSONAL = "personal-data"
PLAIN = "plain-english"
ACCESS = "accessibility"
KINDS = (PERSONAL, PLAIN, ACCESS)


@dataclass(frozen=True, order=True)
class Finding(Problem):
    """One finding at file:line:column. ``severity`` is "warning" (counted: it should be
    fixed or accepted with ``allow:``) or "note" (information, such as a section's
    reading age, never counted)."""

    severity: str = field(default="warning", compare=False)
    kind: str = field(default=PLAIN, compare=False)
    rule: str = field(default="", compare=False)
    text: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: [{self.rule}] " \
               f"{self.message}"

    @property
    def counted(self) -> bool:
        return self.severity == "warning"

    def as_dict(self) -> dict:
        """The JSON shape of one finding (documented in docs/check.md)."""
        return {"file": self.file, "line": self.line, "column": self.column,
                "kind": self.kind, "rule": self.rule, "severity": self.severity,
                "text": self.text, "message": self.message}


@dataclass(frozen=True)
class Hit:
    """A match inside one text: where (offsets into the text), which rule, and why."""

    start: int
    end: int
    rule: str
    message: str

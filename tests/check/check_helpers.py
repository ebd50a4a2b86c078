"""Helpers for the `briefpdf check` tests: run the command and read its JSON back."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import ROOT, run_cli

HERE = Path(__file__).resolve().parent
CORPUS = sorted((HERE / "corpus").glob("*.yaml"))
PLANTED = HERE / "planted"
SAMPLES = sorted((ROOT / "briefings").glob("*.yaml"))


def check_json(*paths: Path | str, cwd: Path | None = None, strict: bool = False
               ) -> tuple[int, dict]:
    """Run `briefpdf check --json` as a user would; (exit status, parsed output)."""
    args = ["check", "--json", *(["--strict"] if strict else []), *map(str, paths)]
    result = run_cli(*args, cwd=cwd)
    assert result.out.strip(), result.err
    return result.code, json.loads(result.out)


def findings(report: dict, kind: str | None = None) -> list[dict]:
    """Every finding in a `--json` report, of one kind if given."""
    return [f for file in report["files"] for f in file["findings"]
            if kind is None or f["kind"] == kind]


def position_of(path: Path, text: str) -> tuple[int, int]:
    """(line, column) where ``text`` is written in a file: once, with any run of spaces or
    line breaks between its words (as a folded YAML block writes it)."""
    content = path.read_text(encoding="utf-8")
    pattern = r"\s+".join(re.escape(word) for word in text.split())
    found = list(re.finditer(pattern, content))
    assert len(found) == 1, f"{text!r} is written {len(found)} times in {path.name}"
    offset = found[0].start()
    line = content.count("\n", 0, offset) + 1
    return line, offset - (content.rfind("\n", 0, offset) + 1) + 1

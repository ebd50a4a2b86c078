"""The import report: what was recognised, and where what could not be placed was."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefpdf.importer.run import Result


def describe(result: Result) -> str:
    seen = result.imported.recognised
    target = result.target.as_posix()
    lines = [f"{result.source} → {target}"]
    lines.append(f"  title: {seen['title']}")
    for key in ("subtitle", "kind", "summary"):
        if seen.get(key):
            lines.append(f"  {key}: {_short(seen[key])}")
    lines.append(f"  sections: {len(seen['sections'])}" + (
        f" ({'; '.join(_short(h, 30) for h in seen['sections'])})" if seen["sections"] else ""))
    counts = [f"{seen[k]} {k}" for k in ("paragraphs", "lists", "items", "links", "images",
                                          "callouts", "quotes")]
    lines.append("  " + ", ".join(counts))
    lines.append("  feedback contacts: " + (", ".join(seen["feedback"]) or "none"))
    notes = result.imported.notes
    if notes:
        lines.append(f"  to check ({len(notes)}):")
        lines.extend(f"    {note.where}: {note.message}" for note in notes)
    lines.append(f"  next: read it through, then run: briefpdf build {target}")
    return "\n".join(lines)


def _short(text: str, size: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= size else text[:size - 1] + "…"

"""Run every check on a loaded briefing: walk its texts in reading order, ask each kind
of check, place each match at its file:line:column, and drop what ``allow:`` accepts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefpdf.check import access, personal, plain
from briefpdf.check.finding import ACCESS, KINDS, PERSONAL, PLAIN, Finding, Hit
from briefpdf.check.locate import Locator
from briefpdf.check.texts import Text, briefing_texts
from briefpdf.errors import InputError, Problem
from briefpdf.load.styles import _show
from briefpdf.load.yaml_source import Source, decode_text, load_yaml

MEASURE = ("Flesch–Kincaid grade level + 5, syllables from Pyphen’s en_GB hyphenation "
           "dictionary")
"""The reading-age measure, named in every report."""


@dataclass
class Report:
    """The findings of one briefing, with each section's reading age."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    reading_ages: list[dict] = field(default_factory=list)
    allowed: int = 0

    @property
    def counted(self) -> list[Finding]:
        return [f for f in self.findings if f.counted]

    def counts(self) -> dict[str, int]:
        return {kind: sum(f.kind == kind for f in self.counted) for kind in KINDS}

    def summary(self) -> str:
        """One line: the counts of each kind and the range of reading ages."""
        counts = self.counts()
        ages = [a["reading_age"] for a in self.reading_ages]
        age = ("" if not ages else f"; reading age {min(ages)}" if min(ages) == max(ages)
               else f"; reading age {min(ages)}–{max(ages)}")
        accepted = f"; {self.allowed} accepted by allow:" if self.allowed else ""
        return (f"{self.file}: {counts[PERSONAL]} personal data, {counts[PLAIN]} plain "
                f"English, {counts[ACCESS]} accessibility{age}{accepted}")

    def as_dict(self) -> dict:
        """The JSON shape of one file (docs/check.md)."""
        return {"file": self.file, "counts": self.counts(), "allowed": self.allowed,
                "reading_ages": self.reading_ages, "summary": self.summary(),
                "findings": [f.as_dict() for f in self.findings]}


def check_loaded(loaded, text: str | None = None, *, reading_age: bool = True) -> Report:
    """Every finding of a loaded briefing (``text``: the file's text, if already read).
    ``reading_age=False`` leaves out the reading ages: loading the hyphenation dictionary
    they need costs a third of a second, which `briefpdf build` does not pay unless
    asked to be strict."""
    source: Source = loaded.source
    if text is None:
        text = decode_text(Path(loaded.path).read_bytes(), source.file)
    locator = Locator(source, text)
    texts = briefing_texts(source.data)
    report = Report(source.file)
    found: list[Finding] = []
    for item in texts:
        for hit in personal.check_personal(item):
            found.append(_finding(locator, item, hit, PERSONAL))
        if item.role != "keyword":
            for hit in plain.long_sentences(item) + access.check_wording(item):
                found.append(_finding(locator, item, hit,
                                      PLAIN if hit.rule == "long-sentence" else ACCESS))
    for item, hit in plain.acronyms(texts):
        found.append(_finding(locator, item, hit, PLAIN))
    if reading_age:
        found += _reading_ages(source, texts, report)
    found += style_findings(loaded)
    allow = {_normal(entry) for entry in loaded.briefing.allow}
    kept = [f for f in found if not (f.counted and _normal(f.text) in allow)]
    report.allowed = len(found) - len(kept)
    report.findings = sorted(set(kept), key=lambda f: (f.file != source.file, f))
    return report


def _finding(locator: Locator, item: Text, hit: Hit, kind: str) -> Finding:
    matched = item.value[hit.start:hit.end]
    line, column = locator.at(item.path, item.value, hit.start, matched)
    return Finding(locator.source.file, line, column, hit.message, kind=kind, rule=hit.rule,
                   text=" ".join(matched.split()))


def _normal(value: str) -> str:
    return " ".join(value.split()).casefold()


def _reading_ages(source: Source, texts: list[Text], report: Report) -> list[Finding]:
    """A note with each section's reading age, a warning when it is over the limit."""
    by_section: dict[int, list[str]] = {}
    for item in texts:
        if item.section is not None and item.role in ("prose", "link-note"):
            by_section.setdefault(item.section, []).append(item.value)
    found: list[Finding] = []
    for index, values in sorted(by_section.items()):
        measured = plain.reading_age(values)
        if measured is None:
            continue
        grade, words = measured
        age = round(grade + 5)
        where = ("sections", index, "heading")
        line, column = source.where(where)
        heading = str(source.data["sections"][index].get("heading") or "")
        report.reading_ages.append({"section": heading, "line": line, "reading_age": age,
                                    "grade": round(grade, 1), "words": words})
        over = age > plain.READING_AGE_LIMIT
        message = (f"reading age {age} (Flesch–Kincaid grade {grade:.1f}, {words} words)"
                   + (f", over {plain.READING_AGE_LIMIT}: use shorter sentences and "
                      "shorter words" if over else ""))
        found.append(Finding(source.file, line, column, message, kind=PLAIN,
                             rule="reading-age", text=heading,
                             severity="warning" if over else "note"))
    return found


_style_cache: dict[tuple, list[Finding]] = {}


def style_findings(loaded) -> list[Finding]:
    """Type sizes under GOV.UK's minimum, each at the line of the style that sets it."""
    key = (tuple(str(p) for p in loaded.style_files), loaded.style.sizes)
    if key not in _style_cache:
        found: list[Finding] = []
        hits = access.size_hits(loaded.style)
        sources = [load_yaml(p, display=_show(p)) for p in loaded.style_files] if hits else []
        for where, message in hits:
            source = next((s for s in sources if where in s.positions), None)
            file, (line, column) = (source.file, source.where(where)) if source else \
                (loaded.source.file, loaded.source.where(("style",)))
            found.append(Finding(file, line, column, message, kind=ACCESS,
                                 rule="type-size", text=f"{where[0]}.{where[1]}"))
        _style_cache[key] = found
    return list(_style_cache[key])


def check_paths(paths: list[Path], style: str | None = None
                ) -> tuple[list[Report], list[Problem]]:
    """Reports for briefings (a pack's briefings each get one) and the problems of files
    that do not load."""
    from briefpdf.model.document import is_pack, load_briefing

    reports: list[Report] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for path in paths:
        try:
            source = load_yaml(path, display=_show(path))
            if is_pack(source):
                from briefpdf.model.pack import load_pack

                loaded_all = load_pack(path, style, source=source).briefings
            else:
                loaded_all = [load_briefing(path, style, source=source)]
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        for loaded in loaded_all:
            if Path(loaded.path).resolve() not in seen:
                seen.add(Path(loaded.path).resolve())
                reports.append(check_loaded(loaded))
    return reports, problems


def findings_for(path: Path | str, style: str | None = None) -> list[Problem]:
    """Findings of one briefing file as Problems (file, line, column, message, severity),
    for front ends that show problems beside their lines (the `serve` preview page).
    A file that does not load gives its load problems instead."""
    reports, problems = check_paths([Path(path)], style)
    return problems + [f for report in reports for f in report.findings]

"""Helpers for the pack tests: briefings of a chosen length, and reading packs back."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf

from conftest import Project, normalise, pdf_pages_text

PARAGRAPH = ("Practitioners met often and shared what they knew, but nobody held the whole "
             "picture of the family; each agency saw one part and assumed another saw the rest. ")


def briefing_text(title: str, subtitle: str, sections: int, paragraphs: int = 4) -> str:
    """A briefing whose length grows with ``sections`` × ``paragraphs``."""
    lines = [f"title: {title}", f"subtitle: {subtitle}", "kind: CPIR", "date: 2017-06",
             "sections:"]
    for s in range(1, sections + 1):
        lines += [f"  - heading: {subtitle} section {s}", "    content:"]
        lines += [f"      - {PARAGRAPH * 3}" for _ in range(paragraphs)]
    return "\n".join(lines) + "\n"


def make_briefings(project: Project, lengths: dict[str, int]) -> None:
    """One briefing per slug, ``lengths[slug]`` sections of four long paragraphs each."""
    for slug, sections in lengths.items():
        project.briefing(slug, briefing_text(f"Briefing {slug}", f"Case {slug}", sections))


def pack_yaml(slugs: list[str], **options: object) -> str:
    lines = ["pack:", "  title: Learning from reviews", "  subtitle: Autumn term",
             "  briefings:"]
    lines += [f"    - {slug}" for slug in slugs]
    for key, value in options.items():
        value = str(value).lower() if isinstance(value, bool) else value
        lines.append(f"  {key}: {value}")
    return "\n".join(lines) + "\n"


def build_pack(project: Project, name: str, slugs: list[str], **options: object) -> Path:
    project.write(f"briefings/{name}.pack.yaml", pack_yaml(slugs, **options))
    result = project.run("build", f"briefings/{name}.pack.yaml")
    assert result.code == 0, result.err
    return project.root / "out" / f"{name}.pdf"


def build_pack_here(project: Project, monkeypatch, out: str,
                    pack: str = "briefings/big.pack.yaml") -> bytes:
    """Build ``pack`` in this process (so a test can patch it), into the folder ``out``,
    with a fixed SOURCE_DATE_EPOCH; return the PDF's bytes."""
    from briefpdf.build import build_file

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    monkeypatch.chdir(project.root)
    folder = project.root / out
    folder.mkdir()
    outcome = build_file(Path(pack), folder)
    assert outcome.status == "built", outcome.problems
    return (folder / Path(pack).name.replace(".pack.yaml", ".pdf")).read_bytes()


def outline(reader: pypdf.PdfReader) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """Top-level outline entries: (title, page index, [(child title, page index)])."""
    result: list = []
    for item in reader.outline:
        if isinstance(item, list):
            result[-1][2].extend((c.title, reader.get_destination_page_number(c))
                                 for c in item if not isinstance(c, list))
        else:
            result.append((item.title, reader.get_destination_page_number(item), []))
    return result


def internal_links(reader: pypdf.PdfReader, page_index: int) -> list[tuple[int, tuple]]:
    """(target page index, rect) of every GoTo link on a page."""
    found = []
    for annot in reader.pages[page_index].get("/Annots", []) or []:
        annot = annot.get_object()
        dest = annot.get("/Dest")
        if dest is None and annot.get("/A", {}).get("/S") == "/GoTo":
            dest = annot["/A"]["/D"]
        if dest is None:
            continue
        if isinstance(dest, (str, pypdf.generic.NameObject, pypdf.generic.TextStringObject)):
            target = reader.get_destination_page_number(reader.named_destinations[str(dest)])
        else:
            target = reader.get_page_number(dest[0].get_object())
        found.append((target, tuple(float(v) for v in annot["/Rect"])))
    return found


def page_texts(path: Path) -> list[str]:
    return [normalise(t) for t in pdf_pages_text(path)]


def footer_number(text: str) -> str | None:
    match = re.search(r"Page (\w+) of (\d+)", text)
    return match.group(1) if match else None

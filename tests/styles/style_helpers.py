"""Helpers for the style tests: the shipped styles in a temporary project, pixels and
images read back from a PDF. (Imported by name; the fixtures are in tests/conftest.py.)"""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf

from conftest import ROOT, Project

BRIEFING = """\
title: Learning from a review
kind: CPIR
subtitle: Family Q
summary: What agencies learnt, in one paragraph.
sections:
  - heading: What happened
    content:
      - Something happened, and [a link](https://example.org) explains it.
      - {callout: Check the records., title: Remember}
"""


def with_shipped_styles(project: Project) -> Project:
    """Copy the shipped styles (and their logos) into the project's styles/."""
    shutil.copytree(ROOT / "styles", project.root / "styles", dirs_exist_ok=True)
    return project


def pixels(pdf: Path, page: int = 0, scale: float = 1.0):
    """Page ``page`` rendered to an RGB Pillow image."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return doc[page].render(scale=scale).to_pil().convert("RGB")
    finally:
        doc.close()


def page_count(pdf: Path) -> int:
    return len(pypdf.PdfReader(str(pdf)).pages)


def images_on_page(pdf: Path, page: int = 0) -> list[tuple[int, int]]:
    """(width, height) in pixels of every image XObject drawn on a page."""
    reader = pypdf.PdfReader(str(pdf))
    found: list[tuple[int, int]] = []

    def visit(resources) -> None:
        if not resources:
            return
        for xobject in (resources.get_object().get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Image":
                found.append((int(xobject["/Width"]), int(xobject["/Height"])))
            elif xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    visit(reader.pages[page].get("/Resources"))
    return found


def warnings_in(text: str) -> list[str]:
    return [line for line in text.splitlines() if ": warning: " in line]

"""Real briefings for the accessibility tests, built once per test session: the samples
in briefings/, a briefing with every block type, and a one-page briefing."""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

from conftest import ROOT, Project

RICH = """\
title: Every block & <img> a board can use
subtitle: A *test* briefing
kind: SAR
style: partnership
date: 2024-03-05
classification: OFFICIAL-SENSITIVE
language: en-GB
summary: One short standfirst with a [link](https://example.org/standfirst).
sections:
  - heading: Paragraphs and lists
    content:
      - First paragraph with **bold**, *italic* and https://example.org/bare.
      - bullets:
          - Bullet one
          - Bullet two with [a link](https://example.org/two)
      - numbered:
          - Number one
          - Number two
      - Closing paragraph of the first section.
  - heading: Panels and pictures
    content:
      - callout: Remember to record **why** a decision was made.
        title: Key message
      - quote: “We don’t know” is exactly that.
        by: A reviewer
      - image: chart.png
        alt: Bar chart of referrals by month, rising in the spring
        width: 60mm
      - image: flourish.png
        decorative: true
        width: 30mm
      - Paragraph after the pictures.
  - heading: Further reading
    content:
      - links:
          - title: Escalation procedure
            url: https://example.org/escalation.pdf
            note: What to do when professionals disagree
    links:
      - title: Information sharing guidance
        url: https://example.org/sharing
feedback:
  heading: Feedback
  text: Tell us how you used this briefing.
  email: board@example.org
  website: https://example.org/contact
  closing: Thank you.
"""


def _png(path: Path, colour: tuple[int, int, int], size: tuple[int, int]) -> None:
    from PIL import Image

    Image.new("RGB", size, colour).save(path)


def rich_project(root: Path) -> Project:
    """A project with the sample styles and a briefing that uses every block type."""
    project = Project(root)
    shutil.copytree(ROOT / "styles", root / "styles", dirs_exist_ok=True)
    project.briefing("rich", RICH)
    _png(root / "briefings" / "chart.png", (40, 90, 160), (400, 200))
    _png(root / "briefings" / "flourish.png", (230, 120, 0), (300, 40))
    return project


def sample_files() -> list[Path]:
    """Every briefing and pack in the project's briefings/ folder."""
    return sorted(p for p in (ROOT / "briefings").glob("*.y*ml")
                  if p.suffix in (".yaml", ".yml"))


def slugs() -> list[str]:
    """The names of everything built() builds: every sample, then the test briefings."""
    return [p.stem for p in sample_files()] + ["rich", "one-page"]


@cache
def built() -> dict[str, Path]:
    """Slug → PDF for the samples in briefings/, a rich briefing and a one-page one."""
    base = Path(tempfile.mkdtemp(prefix="briefpdf-a11y-"))
    pdfs = {p.stem: build(p, base / "samples") for p in sample_files()}
    (base / "project").mkdir()
    project = rich_project(base / "project")
    pdfs["rich"] = build(project.root / "briefings" / "rich.yaml", project.root / "out")
    path = project.briefing("one-page", """\
        title: A one-page note on what we learnt from a review of a case
        style: bscb
        sections:
          - heading: What happened
            content:
              - Something happened, and this is what we learnt from it.
        """)
    pdfs["one-page"] = build(path, project.root / "out")
    return pdfs


def build(path: Path, out: Path) -> Path:
    """Build one briefing in this process (the CLI's own build step); return the PDF."""
    from briefpdf.build import build_file

    outcome = build_file(path, out)
    assert outcome.status == "built", outcome.problems
    return outcome.output

"""Real briefings for the accessibility tests, built once per test session: the samples
in briefings/, a briefing with every block type, a one-page briefing, and a regional
pack of briefings with different styles, footers and contacts."""

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
    return [p.stem for p in sample_files()] + ["rich", "one-page", "regional-pack"]


@cache
def built() -> dict[str, Path]:
    """Slug → PDF for the samples in briefings/, a rich briefing, a one-page one and the
    regional pack."""
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
    pdfs["regional-pack"] = build(regional_pack(project), project.root / "out")
    return pdfs


REGIONAL_SEVEN = """\
title: Waiting for certainty in Anytown
subtitle: What three children's reviews taught the partnership about acting on concerns
kind: 7-minute briefing
style: partnership
layout: seven-minute
action_plan: true
feedback:
  heading: Tell the Anytown partnership what your team thought
  text: We would like to hear how your team used this briefing and what you will change.
  email: learning.reviews@anytown-safeguarding.example
  website: https://www.anytown-safeguarding.example/learning/seven-minute-briefings/feedback
sections:
""" + "".join(f"  - heading: Point {n}\n    content:\n      - The review found that the "
              f"agencies waited for a test result before acting on what they knew.\n"
              for n in range(1, 8))

REGIONAL_LONG = """\
title: Learning from a review of how the agencies in the county worked with a family over ten years
language: en-GB
sections:
""" + "".join(f"  - heading: Finding {n}\n    content:\n      - >-\n        "
              + "Practitioners met often and shared what they knew, but nobody held the "
              "whole picture of the family and each agency assumed another saw the rest. "
              * 6 + "\n" for n in range(1, 4)) + """\
feedback:
  email: county.learning@county-board.example
  website: https://www.county-board.example/learning-from-reviews/briefings/feedback-form
"""


def regional_pack(project: Project) -> Path:
    """A regional training pack: briefings from three boards (the bscb, partnership and
    built-in styles), each with its own footer and contacts, of one, two and more pages."""
    for name in ("family-l-7-minute", "adults-review-mr-a"):
        shutil.copy(ROOT / "briefings" / f"{name}.yaml", project.root / "briefings")
    project.briefing("anytown-seven", REGIONAL_SEVEN)
    project.briefing("county-long", REGIONAL_LONG)
    return project.write("briefings/regional.pack.yaml", """\
        pack:
          title: Regional learning pack
          subtitle: Briefings from three boards
          date: 2024-05
          briefings: [family-l-7-minute, anytown-seven, one-page, county-long,
                      adults-review-mr-a]
        """)


def build(path: Path, out: Path) -> Path:
    """Build one briefing in this process (the CLI's own build step); return the PDF."""
    from briefpdf.build import build_file

    outcome = build_file(path, out)
    assert outcome.status == "built", outcome.problems
    return outcome.output

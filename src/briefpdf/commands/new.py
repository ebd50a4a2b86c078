"""`briefpdf new SLUG`: a briefing file to fill in, which validates as it stands."""

from __future__ import annotations

import argparse
import datetime
import re
from pathlib import Path

from briefpdf.build import BRIEFINGS_DIR
from briefpdf.errors import BriefpdfError, UsageError

TEMPLATE = """\
# A learning briefing. Fill in the text, then run: briefpdf build {path}
# The format is described in docs/format.md. Text may use **bold**, *italic*
# and [links](https://example.org). Indent with spaces, never tabs.
title: {title}
subtitle: Name of the family or case
kind: CPIR                     # a short label: CPIR, SCR, SAR, 7MB …
date: {date}
# style: bscb                  # a style in styles/, or leave out for the default
# classification: OFFICIAL
summary: One or two sentences saying what this briefing is about and who it is for.

sections:
  - heading: What happened
    content:
      - A paragraph of text.
      - bullets:
          - A point
          - Another point

  - heading: What we have learnt
    content:
      - callout: The one thing every reader should remember.
        title: Key message

  - heading: Guidance related to this review
    links:
      - title: Name of the guidance
        url: https://www.example.org/guidance
        note: What the reader will find there

feedback:
  heading: Feedback, suggestions and ideas
  text: Tell us how you have used this briefing to improve practice.
  email: name@example.org
  website: https://www.example.org/contact
"""


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("new", help="start a new briefing file",
                       description="Write briefings/SLUG.yaml, a template that validates.")
    p.add_argument("slug", help="file name without .yaml, e.g. family-m")
    p.add_argument("-d", "--dir", default=str(BRIEFINGS_DIR), help="folder (default: briefings)")
    return p


def run(args: argparse.Namespace) -> int:
    path = create(args.slug, Path(args.dir))
    print(f"wrote {path}; fill it in, then run: briefpdf build {path}")
    return 0


def create(slug: str, folder: Path) -> Path:
    """Write ``folder/SLUG.yaml`` from the template and return its path (also used by
    `briefpdf serve`'s New briefing button). Never replaces a file."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", slug) or ".." in slug:
        raise UsageError(f"'{slug}' is not a usable name; use letters, digits and dashes, "
                         "like family-m")
    path = folder / f"{slug}.yaml"
    if path.exists():
        raise BriefpdfError(f"{path} already exists; choose another name or edit that file")
    title = slug.replace("-", " ").replace("_", " ").strip().capitalize() + " briefing"
    text = TEMPLATE.format(path=path, title=title, date=datetime.date.today().strftime("%Y-%m"))
    from briefpdf.finish.write import write_atomic

    write_atomic(path, text.encode("utf-8"))
    return path

"""The pack model: several briefings bound into one printable document.

``load_pack`` validates a pack file, finds each briefing it names and loads it
(with the pack's style, if it has one). Every problem is collected: a missing or
invalid briefing is reported at its line in the pack's ``briefings:`` list, followed
by the briefing's own problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field

from briefpdf.errors import InputError, Problem
from briefpdf.model.briefing import Strict
from briefpdf.model.types import DateText, RequiredText, Text


class PackSpec(Strict):
    title: RequiredText
    subtitle: Text | None = None
    style: str | None = None
    briefings: list[str] = Field(min_length=1, description="Slugs in briefings/ or paths")
    intro: Text | None = None
    contents: bool = True
    duplex: bool = True
    layout: Literal["a4", "booklet", "2up"] = "a4"
    date: DateText | None = Field(None, description="Shown on the cover: YYYY, YYYY-MM or "
                                                    "YYYY-MM-DD")
    author: Text | None = Field(None, description="Shown on the cover; default: the style's "
                                                  "organisation")
    classification: Text | None = Field(
        None, description="Protective marking for the cover and front matter; default: the "
                          "briefings' own markings")


class Pack(Strict):
    """A pack file: its top-level key is ``pack``."""

    pack: PackSpec


@dataclass
class LoadedPack:
    """A validated pack with every briefing loaded and its style resolved."""

    path: Path
    source: object  # load.yaml_source.Source
    spec: PackSpec
    briefings: list  # list[model.document.LoadedBriefing], in pack order
    style: object  # model.style.Style: the style of the cover and front matter
    style_files: list[Path]

    @property
    def layout(self) -> str:
        return self.spec.layout

    @property
    def warnings(self) -> list[Problem]:
        """The briefings' warnings (design checks of their styles), each once."""
        found: list[Problem] = []
        for loaded in self.briefings:
            found.extend(w for w in loaded.warnings if w not in found)
        return found

    @property
    def image_files(self) -> dict[str, Path]:
        """A pack has no images of its own (its briefings do)."""
        return {}


def resolve_entry(entry: str, pack_dir: Path) -> Path:
    """A ``briefings:`` entry → a file: a slug in the pack's folder, or a path from it."""
    if entry.endswith((".yaml", ".yml")) or "/" in entry or "\\" in entry:
        return (pack_dir / entry)
    for suffix in (".yaml", ".yml"):
        candidate = pack_dir / f"{entry}{suffix}"
        if candidate.is_file():
            return candidate
    return pack_dir / f"{entry}.yaml"


def load_pack(path: Path, style_override: str | None = None, source=None, *,
              grayscale: bool = False) -> LoadedPack:
    """Load and check a pack file and every briefing in it; raise InputError with all problems.

    The style used for each briefing is, in order: ``style_override`` (the command line's
    ``--style``), the pack's ``style:``, the briefing's own. ``grayscale`` forces every
    style into grays (``build --grayscale``).
    """
    from briefpdf.load.styles import _show
    from briefpdf.load.yaml_source import load_yaml
    from briefpdf.model.document import is_pack, load_briefing, load_style
    from briefpdf.model.validate import to_model

    source = source or load_yaml(path, display=_show(path))
    spec = to_model(source, Pack).pack
    problems: list[Problem] = []
    style = style_files = None
    asked = style_override or spec.style
    if asked:
        at = None if style_override else (source.file, *source.where(("pack", "style")))
        try:
            style, style_files = load_style(asked, path.parent, asked_at=at)
        except InputError as exc:
            problems.extend(exc.problems)
            asked = None  # check each briefing with its own style meanwhile
    loaded = []
    for index, entry in enumerate(spec.briefings):
        where = ("pack", "briefings", index)
        file = resolve_entry(entry.strip(), path.parent)
        if not file.is_file():
            problems.append(source.problem(where, (
                f"briefing '{entry}' not found (looked for {_show(file)}); write the slug of "
                "a briefing in this folder, or a path relative to the pack file")))
            continue
        if file.resolve() == path.resolve():
            problems.append(source.problem(where, "a pack cannot contain itself"))
            continue
        try:
            briefing_source = load_yaml(file, display=_show(file))
            if is_pack(briefing_source):
                problems.append(source.problem(where, (
                    f"'{entry}' is a pack; a pack can only bind briefings (list the "
                    "briefings of that pack here instead)")))
                continue
            loaded.append(load_briefing(file, asked, source=briefing_source,
                                        grayscale=grayscale))
        except InputError as exc:
            problems.append(source.problem(where, (
                f"briefing '{entry}' has {len(exc.problems)} problem"
                f"{'s' if len(exc.problems) != 1 else ''} (listed with its file name); fix "
                "them, or take it out of the pack")))
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    if style is None:
        style, style_files = loaded[0].style, loaded[0].style_files
    elif grayscale and not style.grayscale:
        style = style.model_copy(update={"grayscale": True})
    return LoadedPack(path, source, spec, loaded, style, list(style_files or []))

"""The pack model: several briefings bound into one printable document.

``load_pack`` validates a pack file, finds each briefing it names and loads it
(with the pack's style, if it has one). Every problem is collected: a missing or
invalid briefing is reported at its line in the pack's ``briefings:`` list, followed
by the briefing's own problems.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Literal

from briefpdf.errors import InputError, Problem
from briefpdf.load.styles import _show
from briefpdf.load.yaml_source import Source, load_yaml
from briefpdf.model.base import Strict, record
from briefpdf.model.document import LoadedBriefing, is_pack, load_briefing, load_style
from briefpdf.model.style import Style
from briefpdf.model.types import DateText, Field, RequiredText, Text
from briefpdf.model.validate import to_model


@record
class PackSpec(Strict):
    """The pack: its cover, its briefings in order, and how it is printed."""

    title: RequiredText
    subtitle: Text | None = None
    style: str | None = None
    briefings: Annotated[list[str], Field(min_length=1,
                                          description="Slugs in briefings/ or paths")]
    intro: Text | None = None
    contents: bool = True
    duplex: bool = True
    layout: Literal["a4", "booklet", "2up"] = "a4"
    date: Annotated[DateText | None, Field(
        description="Shown on the cover: YYYY, YYYY-MM or YYYY-MM-DD")] = None
    author: Annotated[Text | None, Field(
        description="Shown on the cover; default: the style's organisation")] = None
    classification: Annotated[Text | None, Field(
        description="Protective marking for the cover and front matter; default: the "
                    "briefings' own markings")] = None


@record
class Pack(Strict):
    """A pack file: its top-level key is ``pack``."""

    pack: PackSpec


@dataclass
class LoadedPack:
    """A validated pack with every briefing loaded and its style resolved."""

    path: Path
    source: Source
    spec: PackSpec
    briefings: list[LoadedBriefing]
    """In pack order."""
    style: Style
    """The style of the cover and front matter."""
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


def _load_entry(file: Path, style: str | None, grayscale: bool
                ) -> LoadedBriefing | str | list[Problem]:
    """One briefing of a pack: the loaded briefing, "pack" when it is a pack itself, or
    its problems."""
    try:
        briefing_source = load_yaml(file, display=_show(file))
        if is_pack(briefing_source):
            return "pack"
        return load_briefing(file, style, source=briefing_source, grayscale=grayscale)
    except InputError as exc:
        return exc.problems


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
    found: dict[int, list[Problem]] = {}  # each entry's problems, reported in pack order
    files: list[tuple[int, str, Path]] = []
    for index, entry in enumerate(spec.briefings):
        where = ("pack", "briefings", index)
        file = resolve_entry(entry.strip(), path.parent)
        if not file.is_file():
            found[index] = [source.problem(where, (
                f"briefing '{entry}' not found (looked for {_show(file)}); write the slug of "
                "a briefing in this folder, or a path relative to the pack file"))]
        elif file.resolve() == path.resolve():
            found[index] = [source.problem(where, "a pack cannot contain itself")]
        else:
            files.append((index, entry, file))
    results = [_load_entry(file, asked, grayscale) for _, _, file in files]
    loaded = []
    for (index, entry, _), outcome in zip(files, results, strict=True):
        where = ("pack", "briefings", index)
        if outcome == "pack":
            found[index] = [source.problem(where, (
                f"'{entry}' is a pack; a pack can only bind briefings (list the "
                "briefings of that pack here instead)"))]
        elif isinstance(outcome, list):
            found[index] = [source.problem(where, (
                f"briefing '{entry}' has {len(outcome)} problem"
                f"{'s' if len(outcome) != 1 else ''} (listed with its file name); fix "
                "them, or take it out of the pack")), *outcome]
        else:
            loaded.append(outcome)
    for index in sorted(found):
        problems.extend(found[index])
    if problems:
        raise InputError(problems)
    if style is None:
        style, style_files = loaded[0].style, loaded[0].style_files
    elif grayscale and not style.grayscale:
        style = replace(style, grayscale=True)
    return LoadedPack(path, source, spec, loaded, style, list(style_files or []))

"""Load one briefing file with its style, checking everything and reporting all problems."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefpdf.errors import InputError, Problem
from briefpdf.invocation import command
from briefpdf.load.styles import DEFAULT_STYLE, _show, load_style_chain
from briefpdf.load.yaml_source import Source, load_yaml
from briefpdf.model.briefing import Briefing, Image
from briefpdf.model.images import image_path, image_verdict
from briefpdf.model.slug import slug_of
from briefpdf.model.style import Style
from briefpdf.model.validate import to_model


@dataclass
class LoadedBriefing:
    """A validated briefing with its resolved style and the files it depends on."""

    path: Path
    source: Source
    briefing: Briefing
    style: Style
    style_files: list[Path] = field(default_factory=list)
    image_files: dict[str, Path] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slug_of(self.path)


def is_pack(source: Source) -> bool:
    return isinstance(source.data, dict) and "pack" in source.data


def load_briefing(path: Path, style_override: str | None = None,
                  source: Source | None = None, *, grayscale: bool = False) -> LoadedBriefing:
    """Load, validate and resolve a briefing; raise InputError with every problem found.
    ``grayscale`` forces the style's grayscale option on (``build --grayscale``)."""
    source = source or load_yaml(path, display=_show(path))
    if not isinstance(source.data, dict):
        raise InputError([source.problem((), "a briefing is a group of keys starting with "
                                             "title: and sections: (see "
                                             f"`{command('new')}`)")])
    from briefpdf.model.prose import recover_prose

    problems, pasted = recover_prose(source)  # prose YAML read as keys, pasted bullets
    briefing = None
    try:
        briefing = to_model(source, Briefing)
    except InputError as exc:  # a line recover_prose explained needs no second message
        explained = {(p.file, p.line) for p in problems}
        problems.extend(p for p in exc.problems if (p.file, p.line) not in explained)
    warnings: list[Problem] = list(pasted)
    style, style_files = _style_for(source, path, style_override, problems, warnings)
    images: dict[str, Path] = {}
    if briefing is not None:
        images = _check_images(source, briefing, path, problems)
        problems.extend(_check_layout(source, briefing))
    if problems or briefing is None or style is None:
        raise InputError(problems)
    from briefpdf.model.style_checks import glyph_warnings

    if grayscale and not style.grayscale:
        style = replace(style, grayscale=True)
    warnings.extend(glyph_warnings(source, style))
    warnings.extend(markup_warnings(source))
    from briefpdf.model.contacts import empty_feedback_warnings

    warnings.extend(empty_feedback_warnings(source, style.feedback))
    return LoadedBriefing(path, source, briefing, style, style_files, images,
                          sorted(set(warnings)))


def _style_for(source: Source, path: Path, override: str | None, problems: list[Problem],
               warnings: list[Problem] | None = None) -> tuple[Style | None, list[Path]]:
    asked = override or source.data.get("style") or DEFAULT_STYLE
    if not isinstance(asked, str):
        return None, []  # the model reports the wrong type
    at = None if override else (source.file, *source.where(("style",)))
    try:
        return load_style(asked, path.parent, asked_at=at, warnings=warnings)
    except InputError as exc:
        problems.extend(exc.problems)
        return None, []


def load_style(name: str, near: Path, asked_at: tuple[str, int, int] | None = None,
               warnings: list[Problem] | None = None) -> tuple[Style, list[Path]]:
    """Resolve a style name to a validated Style and its chain of files; design
    warnings (contrast, logo resolution, missing characters) go into ``warnings``.

    A style that loaded cleanly is kept for the rest of the process (a batch of
    briefings, a pack, ``watch``) and reused while none of its files, nor the folders
    a style name is looked up in, has changed.
    """
    key = (name, str(Path(near).resolve()), warnings is not None)  # not asked_at: it
    # only places the "no style named" error, and a style that failed is not kept
    kept = _styles.get(key)
    if kept is not None and kept[0] == _stamp(kept[1]):
        _, _, style, chain, found = kept
        if warnings is not None:
            warnings.extend(found)
        return style, chain
    merged, chain = load_style_chain(name, near, asked_at=asked_at)
    style = to_model(merged, Style)
    problems = _check_style_files(merged, style)
    if problems:
        raise InputError(problems)
    found: list[Problem] = []
    if warnings is not None:
        from briefpdf.model.style_checks import STYLE_TEXT_KEYS, glyph_warnings, style_warnings

        found = [*style_warnings(style, merged),
                 *glyph_warnings(merged, style, keys=STYLE_TEXT_KEYS)]
        warnings.extend(found)
    watched = _style_inputs(Path(near), chain, style)
    _styles[key] = (_stamp(watched), watched, style, chain, found)
    return style, chain


_styles: dict[tuple, tuple] = {}
"""Styles loaded in this process: key → (stamp, watched paths, style, chain, warnings)."""


def _style_inputs(near: Path, chain: list[Path], style: Style) -> list[Path]:
    """What a loaded style depends on: its files, its logos and fonts, and the folders
    its name and its parents' names are looked up in (a new file there could win)."""
    from briefpdf.load.styles import style_folders

    paths = [*chain, *style.asset_files()]
    for folder in [near, *(file.parent for file in chain)]:
        paths += style_folders(folder, include_near=True)
    return paths


def _stamp(paths: list[Path]) -> tuple:
    """Size and modification time of each path (None when it cannot be read)."""
    stamps = []
    for path in paths:
        try:
            info = path.stat()
            stamps.append((info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def project_root(file: Path) -> Path:
    """The project folder of an input file: the folder holding the briefings/ or styles/
    folder it is in, or else the file's own folder. Images, logos and fonts must be
    inside it, so a briefing cannot pull in files from elsewhere on the computer."""
    folder = Path(file).resolve().parent
    return folder.parent if folder.name in ("briefings", "styles") else folder


def outside_problem(file: Path, shown: str, owner: Path, what: str) -> str | None:
    """Why ``file`` may not be used by ``owner`` (outside its project folder), or None."""
    root = project_root(owner)
    if Path(file).resolve().is_relative_to(root):
        return None
    return _outside(shown, owner, what)


def _outside(shown: str, owner: Path, what: str) -> str:
    return (f"{shown} is outside the project folder ({project_root(owner)}); copy the {what} "
            f"into the project (for example into assets/) and use a path relative to "
            f"{owner.name}")


def read_asset(file: Path | str, shown: str, owner: Path, what: str) -> tuple[bytes | None,
                                                                             str | None]:
    """(the bytes of an image, logo or font, or None; why it cannot be used, or None).

    The location is checked before the file is opened, only a regular file of at most
    the size limit is read, and the bytes are kept for the PDF and the HTML twin."""
    from briefpdf.load.files import MAX_FONT_BYTES, MAX_IMAGE_BYTES, Refused, read_input

    limit = MAX_FONT_BYTES if what == "font" else MAX_IMAGE_BYTES
    try:
        return read_input(file, limit, root=project_root(owner), what=what,
                          too_big=f"use a smaller {what} file"), None
    except Refused as exc:
        if exc.kind == "outside":
            return None, _outside(shown, owner, what)
        if exc.kind in ("missing", "folder"):
            noun = "font file" if what == "font" else "image"
            return None, (f"{noun} not found: {shown}"
                          + (" is a folder" if exc.kind == "folder" else "")
                          + "; paths are relative to the file that names it")
        return None, f"{shown} {exc}"


def _check_style_files(merged: Source, style: Style) -> list[Problem]:
    """Logos are readable images and fonts are TrueType files, inside the project."""
    from briefpdf.model.fontfiles import font_problem, shown_path

    problems: list[Problem] = []
    for index, logo in enumerate(style.logos):
        where = ("logos", index, "file")
        owner = Path(merged.origin(where))
        data, problem = read_asset(logo.file, shown_path(logo.file), owner, "logo")
        if data is not None:
            problem = image_verdict(data, Path(logo.file).name)
        if problem:
            problems.append(merged.problem(where, problem))
    fonts = merged.data.get("fonts") if isinstance(merged.data, dict) else None
    for family, faces in (fonts or {}).items():
        for face, file in (faces.items() if isinstance(faces, dict) else ()):
            if not isinstance(file, str):
                continue  # the model reports the wrong type
            where = ("fonts", family, face)
            owner = Path(merged.origin(where))
            data, problem = read_asset(file, shown_path(file), owner, "font")
            if data is not None:
                problem = font_problem(data, Path(file).name)
            if problem:
                problems.append(merged.problem(where, problem))
    return problems


_PASTED_MARKUP = re.compile(
    r"</?(?:p|br|b|i|u|a|em|strong|span|div|font|img|ul|ol|li|h[1-6]|table|tr|td|th|sup|sub"
    r"|seq|para|script|style)\b[^<>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);", re.IGNORECASE)
_NOT_PROSE = {"style", "date", "language", "layout", "image", "url", "email", "website",
              "survey", "twitter", "width"}
MAX_WARNINGS = 10


def markup_warnings(source: Source) -> list[Problem]:
    """Warn where text looks like pasted HTML or entities: it is printed exactly as typed,
    which is rarely what the writer meant, so say how to format text instead."""
    warnings: list[Problem] = []
    stack: list[tuple[tuple, object]] = [((), source.data)]
    while stack and len(warnings) < MAX_WARNINGS:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((path + (k,), v) for k, v in reversed(value.items())
                         if k not in _NOT_PROSE)
        elif isinstance(value, list):
            stack.extend((path + (i,), v) for i, v in reversed(list(enumerate(value))))
        elif isinstance(value, str):
            found = _PASTED_MARKUP.search(value)
            if found:
                warnings.append(source.problem(path, (
                    f"{found.group()} looks like pasted HTML and is printed exactly as typed; "
                    "to format text write **bold**, *italic* or [link text](https://…), "
                    "and type characters such as & directly"), severity="warning"))
    return warnings


SEVEN_MINUTE_PANELS = 7


def _check_layout(source: Source, briefing: Briefing) -> list[Problem]:
    """A seven-minute briefing has exactly seven sections, one per numbered panel."""
    count = len(briefing.sections)
    if briefing.layout != "seven-minute" or count == SEVEN_MINUTE_PANELS:
        return []
    change = (f"add {SEVEN_MINUTE_PANELS - count}" if count < SEVEN_MINUTE_PANELS
              else f"merge or remove {count - SEVEN_MINUTE_PANELS}")
    return [source.problem(("sections",), (
        f"layout: seven-minute needs exactly {SEVEN_MINUTE_PANELS} sections, one per "
        f"numbered panel, but this briefing has {count}; {change}, or use layout: standard"),
        key=True)]


def _check_images(source: Source, briefing: Briefing, path: Path, problems: list[Problem]
                  ) -> dict[str, Path]:
    """Every image is inside the project, a PNG or JPEG, and not a decompression bomb;
    its bytes are read once here and kept for the PDF and the HTML twin."""
    found: dict[str, Path] = {}
    for s, section in enumerate(briefing.sections):
        for b, block in enumerate(section.content):
            if not isinstance(block, Image):
                continue
            where = ("sections", s, "content", b, "image")
            file = image_path(path.parent, block.image)
            data, problem = read_asset(file, block.image, path, "image")
            if data is not None:
                problem = image_verdict(data, block.image)
            if problem:
                problems.append(source.problem(where, problem))
            else:
                found[block.image] = file
    return found

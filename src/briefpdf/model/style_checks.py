"""Checks a designer would make, as warnings: colour contrast (WCAG 2.1 AA) for every
colour pair the layout uses, logo resolution for print, and characters no font has.

Pure Python plus fontTools and Pillow headers: `briefpdf validate` runs these without
ReportLab. Every warning is a located `Problem(..., severity="warning")`.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from briefpdf.errors import Problem
from briefpdf.load.lines import line_starts
from briefpdf.load.yaml_source import Source
from briefpdf.model.fontfiles import DEFAULT_FAMILY, FaceKey, bundled_faces, family_coverage
from briefpdf.model.lookalikes import LAST_RESORT, lookalike, replacement
from briefpdf.model.style import Style

BODY_TEXT_RATIO = 4.5
LARGE_TEXT_RATIO = 3.0
SYMBOL_RATIO = 3.0  # WCAG 1.4.11: graphical objects such as bullets
PRINT_DPI = 150


@dataclass(frozen=True)
class Use:
    """One way the layout sets a colour on a background (see compose/theme.py)."""

    fg: str
    bg: str
    what: str
    size: str = "body"  # the style size it is set at
    factor: float = 1.0
    bold: bool = False
    symbol: bool = False


USES = (
    Use("text", "background", "body text"),
    Use("text", "background", "protective marking", "small", bold=True),
    Use("muted", "background", "footer, running head and link addresses", "small"),
    Use("muted", "background", "quote attributions", "small", 1.15),
    Use("primary", "background", "section headings", "heading", bold=True),
    Use("primary", "background", "links, the summary and quotes", "body"),
    Use("primary", "background", "list numbers", "body", bold=True),
    Use("accent", "background", "bullets and link arrows", symbol=True),
    Use("on_primary", "primary", "the title", "title", bold=True),
    Use("on_primary", "primary", "the subtitle and date in the title band", "small", 1.2),
    Use("on_primary", "accent", "the kind badge", "small", 1.1, bold=True),
    Use("text", "panel", "callout and feedback text"),
    Use("primary", "panel", "panel titles and links in panels", "body", bold=True),
    # the seven-minute layout (compose/seven_minute.py)
    Use("on_primary", "accent", "seven-minute panel numbers", "heading", 1.25, bold=True),
    Use("on_primary", "primary", "action-plan table headings", "body", bold=True),
    Use("primary", "panel", "seven-minute panel headings", "heading", 0.9, bold=True),
    Use("muted", "background", "the action-plan introduction"),
)
"""Every text colour / background pair the layouts draw (see compose/theme.py)."""


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.1 relative luminance of #RRGGBB."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    value = hex_colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two #RRGGBB colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _needed(use: Use, style: Style) -> tuple[float, str]:
    if use.symbol:
        return SYMBOL_RATIO, "symbols"
    size = getattr(style.sizes, use.size) * use.factor
    large = size >= 18 or (use.bold and size >= 14)
    return (LARGE_TEXT_RATIO, "large text") if large else (BODY_TEXT_RATIO, "body text")


def contrast_warnings(style: Style, source: Source) -> list[Problem]:
    """One warning per colour pair below what its smallest use needs."""
    pairs: dict[tuple[str, str], list[Use]] = {}
    for use in USES:
        pairs.setdefault((use.fg, use.bg), []).append(use)
    colours = style.colours
    problems = []
    for (fg, bg), uses in pairs.items():
        ratio = contrast_ratio(getattr(colours, fg), getattr(colours, bg))
        needed, kind = max(_needed(use, style) for use in uses)
        if ratio + 1e-9 >= needed:
            continue
        failing = [u.what for u in uses if ratio < _needed(u, style)[0]]
        # point at the colour the style itself set, rather than one it inherited
        where = bg if source.origin(("colours", fg)) != source.file \
            and source.origin(("colours", bg)) == source.file else fg
        problems.append(source.problem(("colours", where), (
            f"{fg} {getattr(colours, fg)} on {bg} {getattr(colours, bg)} has a contrast of "
            f"{ratio:.2f}:1, below the {needed:g}:1 WCAG AA needs for {kind} "
            f"({'; '.join(failing)}); make {fg} darker or {bg} lighter (or the other way "
            "round)"), severity="warning"))
    return problems


def logo_warnings(style: Style, source: Source) -> list[Problem]:
    """A logo with fewer than PRINT_DPI pixels per inch at its printed height."""
    from briefpdf.model.images import image_size

    problems = []
    for index, logo in enumerate(style.logos):
        try:
            size = image_size(logo.file)
        except OSError:  # the model already reported missing files
            continue
        if size is None:  # ... and unreadable ones
            continue
        width, height = size
        inches = logo.height / 72
        dpi = height / inches
        if dpi < PRINT_DPI:
            mm = logo.height * 25.4 / 72
            problems.append(source.problem(("logos", index, "file"), (
                f"logo {Path(logo.file).name} is {width}×{height} pixels: only {dpi:.0f} dpi "
                f"at its printed height of {mm:.0f}mm, so it will print blurred; use an image "
                f"at least {round(PRINT_DPI * inches)} pixels tall ({PRINT_DPI} dpi; "
                f"{round(300 * inches)} for 300 dpi) or a smaller height"), severity="warning"))
    return problems


def style_warnings(style: Style, source: Source) -> list[Problem]:
    """Every design warning for a resolved style (``source``: the merged chain)."""
    return [*contrast_warnings(style, source), *logo_warnings(style, source)]


# --- characters no font has -------------------------------------------------------------

SKIP_KEYS = {"image", "alt", "style", "language", "keywords", "decorative", "width", "date",
             "url", "kind"}
"""Keys whose values are not set in a font on the page (or set by another check)."""

STYLE_TEXT_KEYS = ("organisation", "short_name", "footer", "feedback")
"""The style's keys whose text is printed."""


def _strings(data: Any, path: tuple = ()) -> Any:
    """(path, text) for every string value, skipping keys that are not printed."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in SKIP_KEYS:
                yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def _role(path: tuple) -> tuple[str, bool]:
    """The font role a value is set in, and whether it is set bold."""
    if path == ("title",) or (len(path) == 3 and path[0] == "sections"
                              and path[2] == "heading"):
        return "heading", True
    if path == ("subtitle",):
        return "heading", False
    return "body", False


def glyph_warnings(source: Source, style: Style, *, keys: tuple[str, ...] | None = None,
                   text: str | None = None) -> list[Problem]:
    """A warning for each character in ``source`` (only under ``keys``, if given) that
    neither the style's font for its role nor the default font has, in the face (bold,
    italic) it is set in. ``text`` is the file's text, to find the character's column
    (read from the file if not given)."""
    from briefpdf.model.inline import parse_inline

    available = {role: _available(tuple(sorted(style.faces(role).items())))
                 for role in ("body", "heading")}
    texts = {source.file: text} if text is not None else {}
    problems = []
    for path, value in _strings(source.data):
        if keys is not None and (not path or path[0] not in keys):
            continue
        role, bold = _role(path)
        faces, common = available[role]
        if common.issuperset(map(ord, value)) or all(
                ord(char) in common or _invisible(char) for char in value):
            continue
        cursor: dict[str, int] = {}  # every occurrence, each at its own column
        for span in parse_inline(value) if role == "body" else [None]:
            face = (bold or span.bold, span.italic) if span else (bold, False)
            has = faces[face]
            for char in span.text if span else value:
                if ord(char) in has or _invisible(char) or \
                        lookalike(char, lambda c, has=has: ord(c) in has) is not None:
                    continue
                file = source.origin(path)
                if file not in texts:
                    texts[file] = _read(file)
                (line, column), cursor[char] = _locate(texts[file], source.where(path), char,
                                                       cursor.get(char))
                family = f"{_family_label(style, role)} {_face_name(face)}"
                fonts = f"not in the font {family}" if style.family(role) == DEFAULT_FAMILY else \
                    f"in neither {family} nor the fallback source-sans-pro"
                drawn = replacement(char, lambda c, has=has: ord(c) in has)
                instead = "words, or a character the font has" if drawn == LAST_RESORT \
                    else f"'{drawn}'"
                problems.append(Problem(file, line, column, (
                    f"'{char}' (U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}) is "
                    f"{fonts}, so '{drawn}' is printed in its place (copied text keeps "
                    f"'{char}'); replace it with {instead}, or choose a font that has it"),
                    severity="warning"))
    return problems


@lru_cache(maxsize=32)
def _available(files: tuple[tuple[str, str], ...]
               ) -> tuple[dict[FaceKey, frozenset[int]], frozenset[int]]:
    """The characters each face of a family has, with the default family as fallback, and
    those every face has (computed once per family, not once per text)."""
    fallback = family_coverage(bundled_faces(DEFAULT_FAMILY))
    own = family_coverage(dict(files))
    faces = {face: own[face] | fallback[face] for face in own}
    return faces, frozenset.intersection(*faces.values())


def _face_name(face: tuple[bool, bool]) -> str:
    return {(False, False): "regular", (True, False): "bold", (False, True): "italic",
            (True, True): "bold italic"}[face]


def _invisible(char: str) -> bool:
    return char in "\n\r\t " or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")


def _family_label(style: Style, role: str) -> str:
    family = style.family(role)
    if isinstance(family, str):
        return family
    return Path(family.regular).stem


def _read(file: str) -> str:
    try:
        return Path(file).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _locate(text: str, start: tuple[int, int], char: str, after: int | None = None
            ) -> tuple[tuple[int, int], int | None]:
    """The position of the next ``char`` at or after the value's start (after offset
    ``after``, the one found before), and its offset; the value's start itself when the
    character is not in the file as typed (written as an escape such as \\u2011)."""
    line, column = start
    offsets = line_starts(text)
    if not text or line > len(offsets):
        return start, after
    begin = offsets[line - 1] + column - 1 if after is None else after + 1
    found = text.find(char, begin)
    if found < 0:
        return start, after
    line = bisect.bisect_right(offsets, found)
    return (line, found - offsets[line - 1] + 1), found

"""Every link in a loaded briefing, with where it is written (file:line:column).

Three kinds of link are found, in the order a reader meets them:

- link-section entries (``links:`` lists, in a section or as a content block): at
  their ``url:`` value;
- inline links in any text field (``[text](url)``, ``<https://…>``, bare addresses):
  at the address inside the text, or at the start of the text if it cannot be found
  verbatim (a quoted string with escapes, say);
- the feedback block's email, twitter, website and survey, in the briefing or, when
  the briefing leaves them to its style, in the style file that sets them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from briefpdf.errors import InputError, Problem
from briefpdf.links.contacts import CONTACT_KEYS, contact_link, effective_feedback
from briefpdf.links.ref import LinkRef
from briefpdf.load.files import MAX_YAML_BYTES, kept
from briefpdf.load.lines import line_starts
from briefpdf.load.styles import _show
from briefpdf.load.yaml_source import Source, decode_text, load_yaml, parse_yaml
from briefpdf.model.document import LoadedBriefing
from briefpdf.model.inline import normalise_url, parse_inline

NOT_INLINE_TEXT = frozenset({
    "style", "date", "language", "layout", "keywords", "image", "alt", "width", "decorative",
    "qr", "action_plan", "url",
})
"""Keys whose values are not inline Markdown (so hold no inline links)."""


def collect_links(loaded: LoadedBriefing) -> list[LinkRef]:
    """Every link of ``loaded``, sorted by position: the briefing file first, then styles."""
    source = loaded.source
    text = decode_text(kept(loaded.path, MAX_YAML_BYTES), source.file)  # the bytes loaded
    finder = _Finder(source, text)
    refs: list[LinkRef] = []
    for path, value in _strings(source.data, ()):
        key = path[-1]
        if _is_entry_field(path, "url"):
            title = source.data
            for part in path[:-1]:
                title = title[part]
            line, column = source.where(path)
            refs.append(LinkRef(normalise_url(value), str(title.get("title") or ""), source.file,
                                line, column))
        elif _is_entry_field(path, "title") or key in NOT_INLINE_TEXT or (
                path[0] == "feedback" and key in CONTACT_KEYS):
            continue
        else:
            refs.extend(finder.inline_links(path, value))
    refs.extend(_feedback_links(loaded))
    briefing_file = source.file
    return sorted(refs, key=lambda r: (r.file != briefing_file, r.file, r.line, r.column))


def _strings(data: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    """(path, value) for every string in the data, depth first, in file order."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))


def _is_entry_field(path: tuple, field: str) -> bool:
    """Whether ``path`` is ``…links, N, field`` (a key of a link-section entry)."""
    return len(path) >= 3 and path[-1] == field and isinstance(path[-2], int) \
        and path[-3] == "links"


class _Finder:
    """Finds where an inline link's address is written in the file's text."""

    def __init__(self, source: Source, text: str):
        self.source = source
        self.text = text
        self.line_starts = line_starts(text)

    def inline_links(self, path: tuple, value: str) -> list[LinkRef]:
        refs: list[LinkRef] = []
        line, column = self.source.where(path)
        cursor = self.line_starts[line - 1] + column - 1 if line <= len(self.line_starts) else 0
        for shown, href in _inline(value):
            found = -1
            for written in _spellings(href):
                found = self.text.find(written, cursor)
                if found >= 0:
                    break
            at = (line, column)
            if found >= 0:
                at = self._position(found)
                cursor = found + 1
            title = "(address in the text)" if _is_address(shown, href) else shown
            refs.append(LinkRef(href, title, self.source.file, *at))
        return refs

    def _position(self, offset: int) -> tuple[int, int]:
        low, high = 0, len(self.line_starts) - 1
        while low < high:  # the last line starting at or before offset
            middle = (low + high + 1) // 2
            if self.line_starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low + 1, offset - self.line_starts[low] + 1


def _inline(value: str) -> list[tuple[str, str]]:
    """(shown text, address) of each inline link in a text, in order."""
    found: list[tuple[str, str]] = []
    previous = None
    for span in parse_inline(value):
        if span.href is None:
            previous = None
            continue
        if span.href == previous:  # one link written in several styles (**bold** part)
            found[-1] = (found[-1][0] + span.text, span.href)
        else:
            found.append((span.text, span.href))
        previous = span.href
    return [(shown.strip(), href) for shown, href in found]


def _is_address(shown: str, href: str) -> bool:
    """Whether a link's visible text is its address (an autolink or bare URL)."""
    shown = shown.rstrip("/").lower()
    return any(shown == spelling.rstrip("/").lower() for spelling in _spellings(href))


def _spellings(href: str) -> list[str]:
    """How an address may be written in the file: as is, or as ``www.…`` without https."""
    spellings = [href]
    if href.lower().startswith("https://www."):
        spellings.append(href[len("https://"):])
    if href.lower().startswith("mailto:"):
        spellings.append(href[len("mailto:"):])
    return spellings


def _feedback_links(loaded: LoadedBriefing) -> list[LinkRef]:
    """The feedback contacts, each located where its value is written."""
    feedback = effective_feedback(loaded.briefing.feedback, loaded.style.feedback)
    if feedback is None:
        return []
    refs: list[LinkRef] = []
    style_sources: list[Source] | None = None
    for key in CONTACT_KEYS:
        value = getattr(feedback, key)
        if not value:
            continue
        label, _, href = contact_link(key, value)
        where = ("feedback", key)
        source = loaded.source if where in loaded.source.positions else None
        if source is None:
            if style_sources is None:
                style_sources = [parse_yaml(decode_text(kept(file, MAX_YAML_BYTES), _show(file)),
                                            _show(file)) for file in loaded.style_files]
            source = next((s for s in style_sources if where in s.positions), loaded.source)
        refs.append(LinkRef(href, f"Feedback {label.lower()}", source.file,
                            *source.where(where)))
    return refs



def links_in_files(paths: list[Path], style: str | None = None
                   ) -> tuple[list[LinkRef], list[Problem]]:
    """The links of every briefing in ``paths`` and the problems of those that do not
    load, with a warning at each link that may deceive a reader (links/safety.py);
    packs are skipped: their briefings are listed on their own."""
    from briefpdf.links.safety import link_warnings
    from briefpdf.model.document import is_pack, load_briefing

    refs: list[LinkRef] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            source = load_yaml(path, display=_show(path))
            if is_pack(source):
                continue
            found = collect_links(load_briefing(path, style, source=source))
            refs.extend(found)
            problems.extend(link_warnings(found))
        except InputError as exc:
            problems.extend(exc.problems)
    return refs, problems

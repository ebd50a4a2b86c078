"""Formatted runs of text (Spans, from Word or Markdown) → briefpdf's inline Markdown subset.

The result is checked by parsing it back with the very parser a build uses
(model/inline.py), so bold, italic and links come out as they went in. That parser has
no escape character (docs/format.md: backslashes print as typed), so a literal ``*x*``
or ``[a](b)`` in the source cannot be protected; such a text is kept as typed and the
caller is told, so the import report can point at it.
"""

from __future__ import annotations

import re

from briefpdf.model.inline import Span, normalise_url, parse_inline

_SPACE = re.compile(r"\s+")


def to_markdown(runs: list[Span]) -> tuple[str, bool]:
    """The inline Markdown for ``runs``, and whether it reads back exactly (text,
    bold, italic and links).

    Some formatting has no Markdown form (an italic colon touching a word: ``*:*A``);
    then the formatting of the runs most likely at fault (those that start or end
    with punctuation or a space) is dropped, one at a time, until the text reads back
    right. Literal ``*x*`` or ``[a](b)`` in the text itself cannot be protected: the
    result then keeps the text as typed and says it is not exact."""
    runs = [r if _has_word(r.text) else Span(r.text, href=r.href if r.text.strip() else None)
            for r in _merged(_tidied(runs))]  # (a link on spaces alone shows nothing: dropped)
    runs = _merged(runs)
    if not runs:
        return "", True
    suspects = sorted((i for i, r in enumerate(runs) if r.bold or r.italic),
                      key=lambda i: _has_clean_edges(runs[i].text))
    trial = list(runs)
    for dropped in range(len(suspects) + 1):
        if dropped:
            index = suspects[dropped - 1]
            trial[index] = Span(trial[index].text, href=trial[index].href)
        for star in "*_":
            markdown = _render(_merged(trial), star)
            if _matches(markdown, _chars(trial)):
                return markdown, not dropped
    return _render(runs, "*"), False


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _has_clean_edges(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and stripped[0].isalnum() and stripped[-1].isalnum()


def _tidied(runs: list[Span]) -> list[Span]:
    """Whitespace collapsed (as a build does), the paragraph's ends trimmed."""
    out: list[Span] = []
    for run in runs:
        text = _SPACE.sub(" ", run.text)
        if out and out[-1].text.endswith(" ") and text.startswith(" "):
            text = text[1:]
        if text:
            href = normalise_url(run.href) if run.href else None
            out.append(Span(text, run.bold, run.italic, href or None))
    while out and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].text.strip():
        out.pop()
    if out:
        out[0] = Span(out[0].text.lstrip(), out[0].bold, out[0].italic, out[0].href)
        out[-1] = Span(out[-1].text.rstrip(), out[-1].bold, out[-1].italic, out[-1].href)
    return out


def _merged(runs: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href) == (
                run.bold, run.italic, run.href):
            last = merged.pop()
            run = Span(last.text + run.text, run.bold, run.italic, run.href)
        merged.append(run)
    return merged


def _render(runs: list[Span], star: str) -> str:
    """Markdown for the runs: a link's runs are grouped inside one ``[...](...)``."""
    parts: list[str] = []
    index = 0
    while index < len(runs):
        href = runs[index].href
        end = index + 1
        while end < len(runs) and href and runs[end].href == href:
            end += 1
        group = runs[index:end]
        inner = "".join(_emphasised(r, star) for r in group)
        if href:
            parts.append(_link(inner, "".join(r.text for r in group), href))
        else:
            parts.append(inner)
        index = end
    return "".join(parts)


def _emphasised(run: Span, star: str) -> str:
    """``**text**`` etc., with spaces at the ends moved outside the markers (CommonMark
    does not read ``** text**`` as bold)."""
    core = run.text.strip()
    if not core or not (run.bold or run.italic):
        return run.text
    lead = run.text[: len(run.text) - len(run.text.lstrip())]
    trail = run.text[len(run.text.rstrip()):]
    marker = ("**" if run.bold else "") + (star if run.italic else "")
    closing = (star if run.italic else "") + ("**" if run.bold else "")
    return f"{lead}{marker}{core}{closing}{trail}"


def _link(inner: str, text: str, href: str) -> str:
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()):]
    inner = inner.strip()
    if text.strip() == href and re.fullmatch(r"[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]+", href):
        return f"{lead}<{href}>{trail}"
    target = f"<{href}>" if re.search(r"[\s()<>]", href) else href
    return f"{lead}[{inner}]({target}){trail}"


def _chars(runs: list[Span]) -> list[tuple[str, bool, bool, str | None]]:
    return [(ch, r.bold, r.italic, r.href) for r in runs for ch in r.text]


def _plain(markdown: str) -> str:
    return "".join(span.text for span in parse_inline(markdown))


def _matches(markdown: str, wanted: list[tuple[str, bool, bool, str | None]]) -> bool:
    """The Markdown reads back as the wanted characters with the same formatting. A bare
    address that the build makes into a link is fine (its text is unchanged)."""
    got = [(ch, s.bold, s.italic, s.href) for s in parse_inline(markdown) for ch in s.text]
    if [c[0] for c in got] != [c[0] for c in wanted]:
        return False
    for (ch, *have), (_, *want) in zip(got, wanted, strict=True):
        if ch.isspace():
            continue
        if have[:2] != want[:2]:
            return False
        if have[2] != want[2] and want[2] is not None:
            return False
    return True

"""The inline Markdown subset: **bold**, *italic*, [text](url), <https://autolink>, bare URLs.

Text is parsed with markdown-it-py (CommonMark) with every rule switched off except
emphasis, links, autolinks and linkify. Everything else, including ``<``, ``&``,
HTML tags, entities and backslashes, stays literal: exactly as typed.

The parser is only loaded when a text could contain markup, so plain text (and
``briefpdf validate``) stays fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

ALLOWED_SCHEMES = ("https", "http", "mailto", "tel")
_MAILTO_WITH_SPACES = re.compile(r"\]\((mailto:[^()<>\n]*\s[^()<>\n]*)\)", re.IGNORECASE)
"""``[text](mailto:a@b.org?subject=Feedback on Family L)``: CommonMark ends a link's
address at a space unless it is in <>, so such an address is put in <> before parsing."""
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass(frozen=True)
class Span:
    """A run of text with the same formatting; ``href`` is set inside a link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("zero", {"linkify": True})
    md.enable(["emphasis", "link", "autolink", "linkify"])
    md.linkify.set({"fuzzy_email": True})  # bare name@example.org; other fuzzy links are
    # filtered to www. in parse_inline
    md.validateLink = lambda url: True  # unsafe schemes are reported by validation instead
    md.normalizeLink = lambda url: url  # keep the address exactly as typed
    md.normalizeLinkText = lambda text: text
    return md


def normalise_url(url: str) -> str:
    """``www.example.org`` means ``https://www.example.org``; surrounding spaces are dropped."""
    url = url.strip()
    if url.lower().startswith("www."):
        return "https://" + url
    return url


def url_problem(url: str) -> str | None:
    """Why ``url`` is not allowed, or None when it is fine."""
    url = normalise_url(url)
    if not url:
        return "the link address is empty"
    match = _SCHEME.match(url)
    if not match:
        return (f"'{url}' is not a full web address; start it with https:// "
                "(or write www.…, mailto:… or tel:…)")
    scheme = match.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        return (f"links with '{scheme}:' are not allowed (only https, http, mailto and "
                "tel); use a web address starting with https://")
    rest = url[len(scheme) + 1:]
    if scheme == "mailto" and "@" not in rest:
        return f"'{url}' is not an email address; write mailto:name@example.org"
    if scheme == "tel":
        if not re.fullmatch(r"\+?[0-9][0-9 ()./-]*", rest.strip()):
            return f"'{url}' is not a phone number; write it like tel:+441174960123"
        return None
    if scheme != "mailto" and (not rest.startswith("//") or len(rest) <= 2):
        return f"'{url}' has no host; write it like https://www.example.org/page"
    # a mailto subject may contain spaces: they are percent-encoded in the PDF
    address = url.split("?", 1)[0] if scheme == "mailto" else url
    if any(ch.isspace() for ch in address) or any(ch in "\t\r\n" for ch in url):
        return f"'{url}' contains a space; remove it or write it as %20"
    return None


def parse_inline(text: str) -> list[Span]:
    """Split inline text into formatted spans."""
    if not _maybe_markup(text):
        return [Span(text)] if text else []
    return list(_parsed(text))


_LIKE_ASCII = str.maketrans({"ſ": "s", "İ": "i", "ı": "i"})
"""The letters a case-blind regular expression takes for s and i, which lower() keeps."""


def fold_case(text: str) -> str:
    """``text`` in lower case as a case-blind regular expression compares it with ASCII
    words: ſ, İ and ı read as s, i and i. A substring test on it answers as such an
    expression would, some ten times faster."""
    if "ſ" in text or "İ" in text or "ı" in text:  # (translate is slow: only when needed)
        text = text.translate(_LIKE_ASCII)
    return text.lower()


def _maybe_markup(text: str) -> bool:
    """Whether ``text`` may hold markup or a link (most texts hold neither)."""
    if "*" in text or "_" in text or "[" in text or "<" in text or "@" in text:
        return True
    lowered = fold_case(text)
    return ("http://" in lowered or "https://" in lowered or "www." in lowered
            or "mailto:" in lowered)


@lru_cache(maxsize=2048)
def _parsed(text: str) -> tuple[Span, ...]:
    """The spans of a text with markup (the same text is checked, composed and searched
    for links, so it is parsed once)."""
    tokens = _parser().parseInline(_MAILTO_WITH_SPACES.sub(r"](<\1>)", text))[0].children \
        or []
    return tuple(spans_of(tokens))


def spans_of(tokens: list) -> list[Span]:
    """Formatted spans from markdown-it inline tokens: this module's parser, and the
    Markdown reader of `briefpdf import` (importer/markdown.py)."""
    spans: list[Span] = []
    bold = italic = 0
    href: list[str | None] = []
    for token in tokens:
        kind = token.type
        if kind == "text":
            spans.append(Span(token.content, bold > 0, italic > 0, href[-1] if href else None))
        elif kind in ("softbreak", "hardbreak"):
            spans.append(Span(" ", bold > 0, italic > 0, href[-1] if href else None))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href.append(_target(tokens, token))
        elif kind == "link_close":
            href.pop()
        else:  # any other token: keep its source text literally
            spans.append(Span(token.content or token.markup, bold > 0, italic > 0,
                              href[-1] if href else None))
    return _merge(spans)


def _target(tokens: list, opener) -> str | None:
    """The address of a link token; bare domains without www. are not links."""
    target = str(opener.attrs.get("href", ""))
    if opener.markup != "linkify":
        return normalise_url(target)
    index = tokens.index(opener)
    shown = tokens[index + 1].content.lower() if index + 1 < len(tokens) else ""
    if shown.startswith("www."):
        return "https://" + target.split("://", 1)[-1]
    if shown.startswith(("http://", "https://")):
        return target
    if target.lower().startswith("mailto:") and "@" in shown:  # a bare email address
        return target
    return None


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href) == (
                span.bold, span.italic, span.href):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic, span.href)
        elif span.text:
            merged.append(span)
    return merged


def plain_text(text: str) -> str:
    """The text a reader sees, without markup."""
    return "".join(span.text for span in parse_inline(text))


def links_in(text: str) -> list[str]:
    """Every link address in an inline text, in order."""
    seen: list[str] = []
    for span in parse_inline(text):
        if span.href and (not seen or seen[-1] != span.href):
            seen.append(span.href)
    return seen

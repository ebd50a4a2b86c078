"""Accessible wording and type sizes, after GOV.UK's guidance on publishing accessible
documents: link text that says where it goes, no blocks of capitals or long italics,
alt text that describes the image, and text of at least 12 points."""

from __future__ import annotations

import re

from briefpdf.check.finding import Hit
from briefpdf.check.texts import Text
from briefpdf.model.inline import Span, fold_case, parse_inline

WEAK_LINK_TEXT = frozenset({
    "click here", "here", "read more", "more", "link", "this link", "this", "click",
    "more info", "more information", "find out more", "learn more", "see here", "go",
    "website", "this page", "page", "download", "click this link", "follow this link"})
POINTING = re.compile(r"\b(?:click(?:ing)?\s+(?:here|on\s+(?:this|the)\s+link|this\s+link)"
                      r"|read\s+more|find\s+out\s+more|follow\s+this\s+link|see\s+here)\b",
                      re.IGNORECASE)
"""Phrases that point at a link instead of saying what it is (and mean nothing on paper)."""
ADDRESS_LIKE = re.compile(r"^(?:https?://|www\.|mailto:)\S+$|^[\w.-]+\.(?:org|com|uk|net|gov)"
                          r"(?:\.uk)?(?:/\S*)?$", re.IGNORECASE)
CAPITAL_WORDS = 4
"""This many words in capitals in a row are a block of capitals ("beyond a few words")."""
CAPITALS = re.compile(r"\b[A-Z]{2,}")
ITALIC_WORDS = 12
"""An italic passage longer than this is hard to read (a few words of emphasis are fine)."""
IMAGE_FILE = re.compile(r"\.(?:png|jpe?g|gif|svg|bmp|tiff?|webp)\s*$|^(?:img|dsc|image|photo|"
                        r"screenshot|scan)[\s_-]*\d+", re.IGNORECASE)
MIN_POINTS = 12
"""GOV.UK: "Use a minimum size of 12 points"."""


def check_wording(text: Text) -> list[Hit]:
    """Weak link text, capitals and long italics in one text; alt text of an image."""
    if text.role == "alt":
        return _alt_text(text.value)
    if text.role == "link-title":
        if ADDRESS_LIKE.match(text.value.strip()):
            return [Hit(0, len(text.value), "bare-address", (
                "this link’s title is its address; give a title that says what the page "
                "is, and the address is printed beside it"))]
        if _normal(text.value) in WEAK_LINK_TEXT:
            return [_weak(0, len(text.value), text.value)]
        return []
    spans = parse_inline(text.value)
    hits = _links(text.value, spans) + _capitals(text.value) + _italics(text.value, spans)
    if _may_point(text.value):
        hits += [Hit(m.start(), m.end(), "weak-link-text", (
            f"“{m.group()}” points at a link without saying what it is, and means nothing "
            "on paper; say what the reader will find (in the link’s title)"))
            for m in POINTING.finditer(text.value)
            if not any(h.start <= m.start() < h.end for h in hits)]
    return hits


POINTING_WORDS = ("click", "read", "find", "follow", "see")
"""A word every phrase of POINTING holds: a text without one skips the expression."""


def _may_point(value: str) -> bool:
    folded = fold_case(value)
    return any(word in folded for word in POINTING_WORDS)


def _normal(value: str) -> str:
    return " ".join(value.lower().strip(" .:…!").split())


def _weak(start: int, end: int, shown: str) -> Hit:
    return Hit(start, end, "weak-link-text", (
        f"the link text “{shown.strip()}” does not say where the link goes; screen reader "
        "users hear links out of context, so describe the page instead"))


def _links(value: str, spans: list[Span]) -> list[Hit]:
    hits: list[Hit] = []
    cursor = 0
    for span in spans:
        if span.href is None:
            continue
        found = value.find(span.text, cursor)
        start = found if found >= 0 else 0
        cursor = start + len(span.text) if found >= 0 else cursor
        shown = span.text.strip()
        if _normal(shown) in WEAK_LINK_TEXT:
            hits.append(_weak(start, start + len(span.text), shown))
        elif _is_bare(shown, span.href) and not span.href.startswith("mailto:"):
            hits.append(Hit(start, start + len(span.text), "bare-address", (
                f"the address {shown} stands where a title belongs; write "
                f"[what the page is]({span.href}) so it reads well aloud")))
    return hits


def _is_bare(shown: str, href: str) -> bool:
    shown = shown.lower().rstrip("/")
    target = href.lower().rstrip("/")
    return shown == target or "https://" + shown == target or "http://" + shown == target


def _capitals(value: str) -> list[Hit]:
    hits: list[Hit] = []
    if len(CAPITALS.findall(value)) < CAPITAL_WORDS:
        return hits
    run: list[re.Match] = []
    for match in [*re.finditer(r"\S+", value), None]:
        word = re.sub(r"[^A-Za-z]", "", match.group()) if match else ""
        if match and len(word) > 1 and word.isupper():
            run.append(match)
            continue
        if len(run) >= CAPITAL_WORDS:
            start, end = run[0].start(), run[-1].end()
            hits.append(Hit(start, end, "capitals", (
                f"{len(run)} words in capitals (“{value[start:end]}”) are hard to read; "
                "write them in sentence case, in **bold** if they must stand out")))
        if match:
            run = []
    return hits


def _italics(value: str, spans: list[Span]) -> list[Hit]:
    hits: list[Hit] = []
    passage = ""
    for span in [*spans, None]:
        if span is not None and span.italic:
            passage += span.text
            continue
        count = len(passage.split())
        if count > ITALIC_WORDS:
            opening = " ".join(passage.split()[:5])
            at = value.find(passage.split()[0])
            hits.append(Hit(max(at, 0), max(at, 0) + len(opening), "italics", (
                f"{count} words in italics (“{opening} …”) are hard to read; keep italics "
                "to a few words, or use **bold** or a callout")))
        passage = ""
    return hits


def _alt_text(value: str) -> list[Hit]:
    shown = value.strip()
    if IMAGE_FILE.search(shown):
        return [Hit(0, len(value), "alt-text", (
            f"the alt text “{shown}” is a file name; say what the image shows"))]
    if len(shown.split()) == 1:
        return [Hit(0, len(value), "alt-text", (
            f"the alt text “{shown}” is a single word; say what the image shows and why it "
            "is there"))]
    return []


def size_hits(style) -> list[tuple[tuple, str]]:
    """(style key, message) for each text size under GOV.UK's 12 points."""
    found: list[tuple[tuple, str]] = []
    for key, what in (("body", "body text"), ("small", "the footer and other small text")):
        size = getattr(style.sizes, key)
        if size < MIN_POINTS:
            found.append((("sizes", key), (
                f"sizes.{key} is {size:g} pt: {what} under GOV.UK’s minimum of "
                f"{MIN_POINTS} pt is hard to read; set {key}: {MIN_POINTS} or more")))
    return found

"""Inline text → ReportLab paragraph markup, with every character the user typed escaped.

ReportLab's paragraph parser understands tags (<b>, <font>, <img>, <a>, <seq>) and
entities. User text never reaches it unescaped: only the tags written here are markup.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape as _html_escape
from typing import Any

from briefpdf.links.address import link_uri
from briefpdf.model.inline import Span, parse_inline


def escape_text(text: str) -> str:
    """Escape text so ReportLab prints it exactly as typed (&, < and >, as
    xml.sax.saxutils.escape does; that module is not used because importing it imports
    urllib.request, http, email and ssl, a tenth of a cold build)."""
    return _html_escape(text, quote=False)


escape = escape_text


def quoteattr(value: str) -> str:
    """``value`` escaped and quoted as an attribute, exactly as xml.sax.saxutils.quoteattr
    does (see escape_text)."""
    value = escape(value).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"{}"'.format(value.replace('"', "&quot;"))


def spans_to_markup(spans: list[Span], link_colour: str | None = None, *,
                    underline: bool = True) -> str:
    """Render spans as ReportLab markup; links become <a href> with the link colour."""
    out: list[str] = []
    for span in spans:
        piece = escape_text(span.text)
        if span.italic:
            piece = f"<i>{piece}</i>"
        if span.bold:
            piece = f"<b>{piece}</b>"
        if span.href:
            colour = f" color={quoteattr(link_colour)}" if link_colour else ""
            line = ' underline="1"' if underline else ""
            href = quoteattr(link_uri(span.href))
            piece = f"<a href={href}{colour}{line}>{piece}</a>"
        out.append(piece)
    return "".join(out)


def inline(text: str, link_colour: str | None = None) -> str:
    """Inline Markdown text → ReportLab markup."""
    return spans_to_markup(parse_inline(text), link_colour)


def link(text: str, href: str, link_colour: str | None = None, *, bold: bool = False,
         underline: bool = True) -> str:
    """Literal text as one link."""
    return spans_to_markup([Span(text, bold=bold, href=href)], link_colour,
                           underline=underline)


def plain(text: str) -> str:
    """Literal text, no Markdown."""
    return escape_text(text)


@lru_cache(maxsize=32)
def _common_cover(family: Any) -> frozenset[str]:
    """The characters every face of a registered family has (computed once per family)."""
    return frozenset(map(chr, frozenset.intersection(*family.covers.values())))


def _all_covered(text: str, cover: frozenset[str]) -> bool:
    if text.isascii() and text.isprintable() and _PRINTABLE_ASCII <= cover:
        return True  # most text, checked in C instead of character by character
    return cover.issuperset(text)


_PRINTABLE_ASCII = frozenset(map(chr, range(0x20, 0x7F)))


_TOKEN = re.compile(r"(<[^>]*>|&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);)")
"""A tag or an entity: markup that is not text to be checked."""
_FACE_TAGS = {"<b>": (0, True), "</b>": (0, False), "<i>": (1, True), "</i>": (1, False)}


def with_fallback(markup: str, font_name: str) -> str:
    """Make every character printable: a run of characters that the paragraph's font
    lacks (and the default font has) is wrapped in ``<font face=default>``, so it prints
    in Source Sans Pro instead of a box; a character neither has is drawn as a look-alike
    glyph under its own code (model/lookalikes.py, compose/standins.py).

    ``markup`` is already escaped; tags and entities are kept as they are. The face
    (bold, italic) is followed through <b> and <i>; the run uses the same face of the
    default family.
    """
    from briefpdf.compose.fonts import fallback_family, family_of

    if "\u2007" in markup or "\u202f" in markup:
        markup = markup.translate(_NO_BREAK)
    found = family_of(font_name)
    if found is None:
        return markup
    family, face = found
    if _all_covered(markup, _common_cover(family)):
        return markup
    fallback = fallback_family()
    same = fallback.regular == family.regular
    own_names = _face_names(family)
    names = _face_names(fallback)
    state = list(face)
    out: list[str] = []
    for piece in _TOKEN.split(markup):
        if not piece or _TOKEN.fullmatch(piece):
            if piece in _FACE_TAGS:
                index, on = _FACE_TAGS[piece]
                state[index] = on or face[index]
            out.append(piece)
            continue
        key = (state[0], state[1])
        covers = family.covers[key]
        spare = frozenset() if same else fallback.covers[key]
        name = quoteattr(names[key])
        run: list[str] = []
        for char in piece:
            if ord(char) not in covers and _in_fallback(char, covers, spare, own_names[key],
                                                         names[key]):
                run.append(char)
                continue
            if run:
                out.append(f"<font face={name}>{''.join(run)}</font>")
                run = []
            out.append(char)
        if run:
            out.append(f"<font face={name}>{''.join(run)}</font>")
    return "".join(out)


_NO_BREAK = str.maketrans({"\u2007": "\xa0", "\u202f": "\xa0"})
"""A figure space and a narrow no-break space (as in ``10 000``) join what they separate
like a no-break space, the one no-break space ReportLab keeps from breaking a line (it
breaks at every other Unicode space)."""


def _face_names(family: Any) -> dict[tuple[bool, bool], str]:
    return {(False, False): family.regular, (True, False): family.bold,
            (False, True): family.italic, (True, True): family.bold_italic}


def _in_fallback(char: str, covers: frozenset[int], spare: frozenset[int], own: str,
                 fallback: str) -> bool:
    """Whether ``char``, which the font ``own`` lacks, is drawn in ``fallback``: when
    that has it, or a look-alike of it that ``own`` has not. Otherwise ``own`` is made to
    draw a look-alike (or, as a last resort, a question mark) under the char's code."""
    from briefpdf.compose.standins import draw_as
    from briefpdf.model.lookalikes import lookalike, replacement

    if ord(char) in spare:
        return True
    alike = lookalike(char, lambda c: ord(c) in covers)
    if alike is not None:
        return not draw_as(own, char, alike)
    alike = lookalike(char, lambda c: ord(c) in spare)
    if alike is not None and draw_as(fallback, char, alike):
        return True
    draw_as(own, char, replacement(char, lambda c: ord(c) in covers))
    return False


def plain_frags(markup: str, style: Any) -> tuple[str, list] | None:
    """The text and fragments ReportLab's parser would make of ``markup`` when it is
    plain text (no tag, no entity: most paragraphs) or plain text that is one link as
    ``link()`` writes it (link titles and addresses). None for anything else, which
    goes through the parser.

    The parser was a third of the time it took to compose a briefing; these need none
    of it. tests/core/test_plain_paragraphs.py checks the result equals the parser's."""
    if "&" in markup:
        return None
    from reportlab.platypus.paragraph import textTransformFrags

    text = clean_whitespace(markup)
    if "<" not in text:
        if not text:
            return None
        frags = [_template(style, "x").clone(text=text, link=[], us_lines=[])]
    else:
        whole = _WHOLE_LINK.fullmatch(text)
        if whole is None or not whole["text"] or whole["close"] != _CLOSE[whole["open"]]:
            return None
        href, inner = whole["href"], f'{whole["open"]}x{whole["close"]}'
        template = _template(style, f'<a href="x"{whole["attributes"]}>{inner}</a>')
        frags = [template.clone(text=whole["text"], link=[(0, href)],
                                us_lines=list(template.us_lines))]
    textTransformFrags(frags, style)
    return text, frags


def clean_whitespace(text: str) -> str:
    """What ReportLab's ``cleanBlockQuotedText`` makes of a paragraph's text: runs of
    whitespace, line breaks included, become one space, none at either end. Without a
    no-break space (which ReportLab keeps) or a zero-width space (which it strips from
    the ends of lines) that is Python's own split and join, in C;
    tests/core/test_plain_paragraphs.py checks the two agree."""
    if "\xa0" in text or "\u200b" in text:
        from reportlab.platypus.paragraph import cleanBlockQuotedText

        return cleanBlockQuotedText(text)
    return " ".join(text.split())


_WHOLE_LINK = re.compile(
    r'<a href="(?P<href>[^"<>]*)"(?P<attributes>(?: color="[^"<>]*")?(?: underline="1")?)>'
    r"(?P<open>(?:<b>)?(?:<i>)?)(?P<text>[^<>]*)(?P<close>(?:</i>)?(?:</b>)?)</a>")
"""One link around plain text, perhaps bold or italic, as link() writes it (no entity:
'&' is checked first)."""
_CLOSE = {"": "", "<b>": "</b>", "<i>": "</i>", "<b><i>": "</i></b>"}


def _template(style: Any, sample: str) -> Any:
    """The parser's first fragment of ``sample`` in ``style`` (made once per sample and
    the style values the parser reads: each briefing has its own style objects)."""
    key = (sample, *(getattr(style, name, None) for name in _FRAG_STYLE))
    found = _frags.get(key)
    if found is None:
        from reportlab.platypus.paraparser import ParaParser

        found = _frags[key] = ParaParser().parse(sample, style)[1][0]
    return found


_FRAG_STYLE = ("fontName", "fontSize", "textColor", "linkUnderline", "underlineWidth",
               "underlineColor", "underlineOffset", "underlineGap", "strikeWidth",
               "strikeColor", "strikeOffset", "strikeGap")
"""What ReportLab's parser takes from a paragraph style for plain text and a link."""
_frags: dict[tuple, Any] = {}
"""(sample, style values) → the parser's first fragment of the sample."""

"""Inline text → ReportLab paragraph markup, with every character the user typed escaped.

ReportLab's paragraph parser understands tags (<b>, <font>, <img>, <a>, <seq>) and
entities. User text never reaches it unescaped: only the tags written here are markup.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from briefpdf.links.address import link_uri
from briefpdf.model.inline import Span, parse_inline


def escape_text(text: str) -> str:
    """Escape text so ReportLab prints it exactly as typed."""
    return escape(text)


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

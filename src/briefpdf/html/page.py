"""A briefing as one self-contained HTML5 page, for the board's website.

The page says what the PDF says, in the same order, with the same semantics:
``<html lang>``, ``<title>``, a header with the logos (``alt``), ``h1`` for the title
and ``h2`` for sections, ``p``, ``ul``/``ol``, ``blockquote``, ``figure``/``img alt``,
links, and the feedback block. Inline Markdown goes through the same
:func:`~briefpdf.model.inline.parse_inline` spans as the PDF, and every character the
user typed is escaped. Nothing is fetched from elsewhere: styles are inline, images
and logos are ``data:`` URIs, and the brand colours come from the style as CSS
custom properties.
"""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from briefpdf.compose.document import effective_feedback
from briefpdf.compose.feedback import contact_rows
from briefpdf.compose.questions import QUESTIONS_HEADING
from briefpdf.model import briefing as m
from briefpdf.model.document import LoadedBriefing
from briefpdf.model.images import image_path
from briefpdf.model.inline import parse_inline, plain_text
from briefpdf.model.rules import format_date

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--background); color: var(--text);
  font: 1.0625rem/1.55 "Source Sans Pro", "Source Sans 3", system-ui, sans-serif; }
.page { max-width: 46rem; margin: 0 auto; padding: 0 1.25rem 3rem; }
.marking { margin: 0; padding: .3rem; text-align: center; font-weight: 700;
  letter-spacing: .05em; background: var(--text); color: var(--background); }
.logos { display: flex; gap: 1.5rem; justify-content: flex-end; align-items: center;
  flex-wrap: wrap; padding: 1rem 1.25rem; max-width: 46rem; margin: 0 auto; }
.logos img { height: 3rem; width: auto; }
.organisation { margin: 0 auto 0 0; font-weight: 700; color: var(--primary); }
.band { background: var(--primary); color: var(--on-primary);
  border-bottom: .4rem solid var(--accent); }
.band .page { padding-top: 1.5rem; padding-bottom: 1.5rem; }
.kind { display: inline-block; margin: 0 0 .5rem; padding: .1rem .7rem; border-radius: 1rem;
  background: var(--accent); color: var(--on-primary); font-weight: 700; font-size: .85rem; }
h1 { margin: 0; font-size: 2rem; line-height: 1.2; }
.subtitle { margin: .3rem 0 0; font-size: 1.3rem; }
.meta { margin: .6rem 0 0; font-size: .9rem; }
.lead { font-size: 1.2rem; color: var(--primary); }
h2 { color: var(--primary); font-size: 1.35rem; margin: 2rem 0 .5rem; }
h2::before { content: ""; display: block; width: 2.5rem; height: .25rem;
  margin-bottom: .5rem; background: var(--accent); }
a { color: var(--primary); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
li::marker { color: var(--accent); }
.callout, .feedback { background: var(--panel); border-left: .4rem solid var(--accent);
  padding: .8rem 1rem; margin: 1rem 0; }
.feedback { border-left-color: var(--primary); margin-top: 2rem; }
.feedback h2 { margin-top: 0; }
.feedback h2::before { display: none; }
.callout-title { font-weight: 700; color: var(--primary); margin: 0 0 .3rem; }
.callout p:last-child, .feedback p:last-child { margin-bottom: 0; }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: .3rem solid var(--accent);
  font-style: italic; color: var(--primary); font-size: 1.15rem; }
blockquote footer { font-style: normal; font-size: .95rem; color: var(--muted); }
figure { margin: 1rem 0; }
figure img, .decorative { max-width: 100%; height: auto; }
.links { list-style: "→  "; padding-left: 1.5rem; }
.links li { margin-bottom: .6rem; }
.links .url { display: block; font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
.links .note { display: block; }
.contacts { list-style: none; padding: 0; }
.site-footer { border-top: 2px solid var(--accent); margin-top: 3rem; padding-top: .5rem;
  font-size: .85rem; color: var(--muted); }
@media print { .band { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
"""


def render_html(loaded: LoadedBriefing) -> str:
    """The whole page for one loaded briefing."""
    b, style = loaded.briefing, loaded.style
    page = _Page(loaded)
    title = plain_text(b.title)
    colours = style.colours
    variables = "".join(
        f"--{name.replace('_', '-')}: {escape(str(getattr(colours, name)))}; "
        for name in ("primary", "accent", "text", "muted", "panel", "on_primary", "background"))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(b.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        '<meta name="generator" content="briefpdf">',
        *([f'<meta name="description" content="{escape(plain_text(b.summary))}">']
          if b.summary else []),
        *([f'<meta name="keywords" content="{escape(", ".join(b.keywords))}">']
          if b.keywords else []),
        f"<style>:root {{ {variables}}}{CSS}</style>",
        "</head>",
        "<body>",
        page.header(),
        '<main class="page">',
        page.body(),
        "</main>",
        page.footer(),
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


class _Page:
    """Writes the parts of one page; knows the briefing's folder for images."""

    def __init__(self, loaded: LoadedBriefing):
        self.loaded = loaded
        self.b = loaded.briefing
        self.style = loaded.style
        self.ids: set[str] = set()

    # text ----------------------------------------------------------------------------

    def text(self, text: str) -> str:
        """Inline Markdown → escaped HTML with <strong>, <em> and <a href>."""
        out = []
        for span in parse_inline(text):
            piece = escape(span.text, quote=False)
            if span.italic:
                piece = f"<em>{piece}</em>"
            if span.bold:
                piece = f"<strong>{piece}</strong>"
            if span.href:
                piece = f'<a href="{escape(span.href)}">{piece}</a>'
            out.append(piece)
        return "".join(out)

    def anchor(self, text: str) -> str:
        """A unique id for a heading, from its words."""
        base = "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())[:60]
        base = base or "section"
        anchor, n = base, 1
        while anchor in self.ids:
            n += 1
            anchor = f"{base}-{n}"
        self.ids.add(anchor)
        return anchor

    # header, body, footer ------------------------------------------------------------

    def header(self) -> str:
        b, style = self.b, self.style
        out = []
        if b.classification:
            out.append(f'<p class="marking">{escape(b.classification)}</p>')
        out.append("<header>")
        logos = [f'<img src="{data_uri(Path(logo.file))}" alt="{escape(logo.alt)}">'
                 for logo in style.logos]
        if logos or style.organisation:
            organisation = f'<p class="organisation">{escape(style.organisation)}</p>' \
                if style.organisation and not logos else ""
            out.append(f'<div class="logos">{organisation}{"".join(logos)}</div>')
        out.append('<div class="band"><div class="page">')
        if b.kind:
            out.append(f'<p class="kind">{escape(b.kind)}</p>')
        out.append(f"<h1>{self.text(b.title)}</h1>")
        if b.subtitle:
            out.append(f'<p class="subtitle">{self.text(b.subtitle)}</p>')
        author = b.author or style.organisation or ""
        meta = " · ".join(x for x in (format_date(b.date, b.language), author) if x)
        if meta:
            out.append(f'<p class="meta">{escape(meta)}</p>')
        out.append("</div></div>")
        out.append("</header>")
        return "\n".join(out)

    def body(self) -> str:
        b = self.b
        out = []
        if b.summary:
            out.append(f'<p class="lead">{self.text(b.summary)}</p>')
        for section in b.sections:
            out.append(self.section(section))
        if b.questions:
            out.append(self.questions(list(b.questions)))
        feedback = effective_feedback(b, self.style.feedback)
        if feedback is not None:
            out.append(self.feedback(feedback))
        return "\n".join(out)

    def footer(self) -> str:
        style = self.style
        parts = []
        if style.organisation:
            parts.append(f"<p>{escape(style.organisation)}</p>")
        if self.b.classification:
            parts.append(f"<p>{escape(self.b.classification)}</p>")
        if not parts:
            return ""
        return '<footer class="site-footer page">' + "".join(parts) + "</footer>"

    # sections and blocks ---------------------------------------------------------------

    def section(self, section: m.Section) -> str:
        anchor = self.anchor(plain_text(section.heading))
        out = [f'<section aria-labelledby="{anchor}">',
               f'<h2 id="{anchor}">{self.text(section.heading)}</h2>']
        out.extend(self.block(block) for block in section.content)
        if section.links:
            out.append(self.links(section.links))
        out.append("</section>")
        return "\n".join(out)

    def block(self, block: object) -> str:
        if isinstance(block, str):
            return f"<p>{self.text(block)}</p>"
        if isinstance(block, m.Bullets):
            return self.items("ul", block.bullets)
        if isinstance(block, m.Numbered):
            return self.items("ol", block.numbered)
        if isinstance(block, m.Callout):
            title = f'<p class="callout-title">{self.text(block.title)}</p>' \
                if block.title else ""
            return f'<div class="callout">{title}<p>{self.text(block.callout)}</p></div>'
        if isinstance(block, m.Quote):
            by = f"<footer>— {self.text(block.by)}</footer>" if block.by else ""
            return f"<blockquote><p>{self.text(block.quote)}</p>{by}</blockquote>"
        if isinstance(block, m.Image):
            return self.image(block)
        if isinstance(block, m.Links):
            return self.links(block.links)
        return ""

    def items(self, tag: str, items: list[str]) -> str:
        rows = "".join(f"<li>{self.text(item)}</li>" for item in items)
        return f"<{tag}>{rows}</{tag}>"

    def image(self, block: m.Image) -> str:
        path = image_path(self.loaded.path.parent, block.image)
        width = f' style="width: {block.width:.0f}pt"' if block.width else ""
        if block.decorative:
            return f'<p><img class="decorative" src="{data_uri(Path(path))}" alt=""{width}></p>'
        return (f'<figure><img src="{data_uri(Path(path))}" alt="{escape(block.alt or "")}"'
                f"{width}></figure>")

    def links(self, links: list[m.Link]) -> str:
        rows = []
        for entry in links:
            note = f'<span class="note">{self.text(entry.note)}</span>' if entry.note else ""
            shown = entry.url.removeprefix("mailto:")
            rows.append(f'<li><a href="{escape(entry.url)}"><strong>'
                        f"{escape(entry.title)}</strong></a>"
                        f'<span class="url">{escape(shown)}</span>{note}</li>')
        return f'<ul class="links">{"".join(rows)}</ul>'

    def questions(self, questions: list[str]) -> str:
        anchor = self.anchor(QUESTIONS_HEADING)
        return (f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">'
                f"{escape(QUESTIONS_HEADING)}</h2>{self.items('ol', questions)}</section>")

    def feedback(self, feedback: m.Feedback) -> str:
        heading = feedback.heading or "Feedback"
        anchor = self.anchor(plain_text(heading))
        out = [f'<section class="feedback" aria-labelledby="{anchor}">',
               f'<h2 id="{anchor}">{self.text(heading)}</h2>']
        if feedback.text:
            out.append(f"<p>{self.text(feedback.text)}</p>")
        rows = [f'<li><strong>{escape(label)}:</strong> <a href="{escape(href)}">'
                f"{escape(shown)}</a></li>" for label, shown, href in contact_rows(feedback)]
        if rows:
            out.append(f'<ul class="contacts">{"".join(rows)}</ul>')
        if feedback.closing:
            out.append(f"<p>{self.text(feedback.closing)}</p>")
        out.append("</section>")
        return "\n".join(out)


def data_uri(path: Path) -> str:
    """A checked image as a data: URI (PNG or JPEG), so the page needs nothing from
    elsewhere: the very bytes the image check read (load/files.py), never read again."""
    from briefpdf.load.files import kept_or_none

    data = kept_or_none(path) or b""
    kind = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
    return f"data:{kind};base64," + base64.b64encode(data).decode("ascii")

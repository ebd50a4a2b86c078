"""Finish a rendered briefing: the last step before the bytes are written."""

from __future__ import annotations

from briefpdf import __version__
from briefpdf.render.document import RenderedDocument
from briefpdf.render.tagging import TaggingMarker


def finish_briefing(rendered: RenderedDocument) -> bytes:
    """Return the final PDF bytes for one briefing.

    ReportLab already wrote the document information (title, author, subject,
    keywords), the language and the outline. When the render stage tagged the
    content (the default), the structure tree, ParentTree and PDF/UA metadata
    are added here (see finish/tagging.py).
    """
    if not isinstance(rendered.marker, TaggingMarker):
        return rendered.pdf
    from briefpdf.finish.tagging import DocumentFacts, tag_pdf

    composed = rendered.composed
    facts = DocumentFacts(
        title=composed.title, language=composed.language, author=composed.author,
        subject=composed.subject, keywords=composed.keywords,
        producer=f"briefpdf {__version__} (ReportLab)", creator=f"briefpdf {__version__}")
    return tag_pdf(rendered.pdf, composed.root, rendered.marker, facts)

"""Finish a rendered briefing: the last step before the bytes are written."""

from __future__ import annotations

from briefpdf.render.document import RenderedDocument


def finish_briefing(rendered: RenderedDocument) -> bytes:
    """Return the final PDF bytes for one briefing.

    ReportLab already wrote the metadata (title, author, subject, keywords,
    language, DisplayDocTitle) and the outline during rendering.
    """
    return rendered.pdf

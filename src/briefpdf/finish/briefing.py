"""Finish a briefing: the last step before ReportLab writes the bytes."""

from __future__ import annotations

from briefpdf import __version__
from briefpdf.compose.document import ComposedDocument
from briefpdf.render.document import Finisher, SavingDocument


def briefing_finisher(composed: ComposedDocument) -> Finisher:
    """The finishing step for ``composed``, run by the render stage just before the file
    is written.

    ReportLab already writes the document information (title, author, subject,
    keywords), the language, the viewer preferences and the outline. When the render
    stage tagged the content (the default), the structure tree, ParentTree and PDF/UA
    metadata are added here (see finish/tagging.py).
    """
    from briefpdf.finish.metadata import DocumentFacts
    from briefpdf.finish.tagging import add_structure

    facts = DocumentFacts(
        title=composed.title, language=composed.language, author=composed.author,
        subject=composed.subject, keywords=composed.keywords,
        producer=f"briefpdf {__version__} (ReportLab)", creator=f"briefpdf {__version__}")

    def finish(doc: SavingDocument) -> None:
        add_structure(doc, composed.root, facts)

    return finish

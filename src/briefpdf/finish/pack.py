"""Render and finish a pack: one layout of one document, then the chosen imposition.

Everything is one ReportLab document, so the outline, internal links, page labels
(roman front matter, arabic body) and fonts embedded once come from ReportLab; the
duplex blanks and the contents page numbers are settled during that one layout (see
compose/pack.py).
"""

from __future__ import annotations

from collections.abc import Callable

from briefpdf.compose.document import ComposedDocument
from briefpdf.compose.pack import compose_pack
from briefpdf.finish.impose import impose
from briefpdf.model.pack import LoadedPack
from briefpdf.render.document import Finisher, RenderedDocument, render

MAX_PACK_PAGES = 1000
"""A pack longer than this is almost certainly a mistake (see docs/packs.md)."""


def render_pack(pack: LoadedPack,
                finish: Callable[[ComposedDocument], Finisher | None] = lambda c: None,
                renderer: Callable[..., RenderedDocument] = render) -> bytes:
    """The pack's final PDF bytes: compose, lay out and finish, impose.

    ``finish`` makes the finishing step (metadata, tagging) of the A4 pack, run as it
    is written, before imposition; ``renderer`` is the render stage (with its marker).
    """
    composed = compose_pack(pack).document
    rendered = renderer(composed, max_pages=MAX_PACK_PAGES, finish=finish(composed))
    return impose(rendered.pdf, pack.spec.layout)

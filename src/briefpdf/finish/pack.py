"""Render and finish a pack: two layouts of one document, then the chosen imposition.

The first layout measures (front matter and each briefing's page count); the second
knows where every briefing starts, so the contents can give page numbers and duplex
packs get a blank page wherever a briefing would otherwise start on a left-hand page.
Everything is one ReportLab document, so the outline, internal links, page labels
(roman front matter, arabic body) and fonts embedded once come from ReportLab.
"""

from __future__ import annotations

from collections.abc import Callable

from briefpdf.compose.document import ComposedDocument
from briefpdf.compose.pack import ComposedPack, PackPlan, compose_pack
from briefpdf.finish.impose import impose
from briefpdf.model.pack import LoadedPack
from briefpdf.render.document import Finisher, RenderedDocument, render

MAX_PACK_PAGES = 1000
"""A pack longer than this is almost certainly a mistake (see docs/packs.md)."""


class PackLayoutError(Exception):
    """The second layout did not put the briefings where the first one measured them."""


def plan_from(measured: ComposedPack, pages: int, duplex: bool) -> PackPlan:
    """Page counts read from the first (measuring) layout."""
    starts = [part.first_page for part in measured.briefings]
    front = starts[0] - 2 if measured.front is not None else 0
    counts = [b - a for a, b in zip(starts, starts[1:], strict=False)] + [pages - starts[-1] + 1]
    return PackPlan(front_pages=front, briefing_pages=counts, duplex=duplex)


def render_pack(pack: LoadedPack,
                finish: Callable[[ComposedDocument], Finisher | None] = lambda c: None,
                renderer: Callable[..., RenderedDocument] = render) -> bytes:
    """The pack's final PDF bytes: measure, lay out with the plan, finish, impose.

    ``finish`` makes the finishing step (metadata, tagging) of the A4 pack, run as it
    is written, before imposition; ``renderer`` is the render stage (with its marker).
    """
    measured = compose_pack(pack)
    first = renderer(measured.document, max_pages=MAX_PACK_PAGES)
    plan = plan_from(measured, first.pages, pack.spec.duplex)
    final = compose_pack(pack, plan)
    rendered = renderer(final.document, max_pages=MAX_PACK_PAGES,
                        finish=finish(final.document))
    expected = [plan.front_total + start for start, _ in plan.starts()]
    if [part.first_page for part in final.briefings] != expected:
        raise PackLayoutError(f"briefings start on pages {[p.first_page for p in final.briefings]}"
                              f", expected {expected}")
    return impose(rendered.pdf, pack.spec.layout)

"""Internal links (a pack's contents page uses them) are tagged like web links."""

from __future__ import annotations

from pathlib import Path

import pypdf
from test_checkers import findings_outloud, findings_pdfua

from conftest import ROOT


def test_internal_link_is_a_tagged_link(tmp_path):
    from briefpdf.compose.document import compose_briefing
    from briefpdf.compose.flowables import Para
    from briefpdf.finish.briefing import briefing_finisher
    from briefpdf.model.document import load_briefing
    from briefpdf.render.document import render

    composed = compose_briefing(load_briefing(ROOT / "briefings" / "family-l.yaml"))
    section = composed.root.add("Sect")
    composed.flowables += [
        Para('<a name="start"/>A paragraph to come back to.', composed.theme.body,
             section.add("P")),
        Para('Back to <a href="#start">the first section</a>.', composed.theme.body,
             section.add("P"))]
    path = Path(tmp_path / "internal.pdf")
    path.write_bytes(render(composed, finish=briefing_finisher(composed)).pdf)

    reader = pypdf.PdfReader(str(path))
    annots = [a.get_object() for page in reader.pages for a in page.get("/Annots", []) or []]
    internal = [a for a in annots if "/Dest" in a]
    assert len(internal) == 1
    assert internal[0]["/Contents"] == "the first section"
    assert internal[0]["/F"] == 4 and "/StructParent" in internal[0]
    assert findings_pdfua(path) == []
    assert findings_outloud(path) == []

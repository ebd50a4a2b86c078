"""Every font a PDF references is embedded (a FontFile, FontFile2 or FontFile3 in its
descriptor): print preflight and PDF/UA 7.21.4.1 reject any other. Read from the font
dictionaries of every sample in every shipped style, in colour and in grays, and of the
booklet and 2-up packs. (tests/conftest.py checks every PDF a test writes in its
temporary folder the same way; tests/accessibility checks the accessibility samples.)"""

from __future__ import annotations

import pytest
from builds import SAMPLES, built, shipped_styles

from conftest import ROOT, pdf_fonts, run_cli, unembedded_fonts


@pytest.mark.parametrize("grayscale", [False, True], ids=["colour", "gray"])
@pytest.mark.parametrize("style", shipped_styles())
def test_every_sample_embeds_every_font(style: str, grayscale: bool) -> None:
    folder = built(style, grayscale)
    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) == len(list(SAMPLES.glob("*.yaml")))
    for pdf in pdfs:
        assert pdf_fonts(pdf), f"{pdf.name} has no fonts at all"
    assert unembedded_fonts(folder) == {}


@pytest.mark.parametrize("layout", ["booklet", "2up"])
def test_imposed_packs_embed_every_font(tmp_path, layout: str) -> None:
    """Built with QR codes (partnership) and drawn tick boxes (the 7-minute sample)."""
    out = tmp_path / f"{layout}.pdf"
    briefings = [str(ROOT / "briefings" / f"{slug}.yaml")
                 for slug in ("family-l-7-minute", "adults-review-mr-a")]
    result = run_cli("pack", *briefings, "-o", str(out), "--title", "Fonts",
                     "--layout", layout, "--style", "partnership", cwd=ROOT)
    assert result.code == 0, result.err
    assert pdf_fonts(out)
    assert unembedded_fonts(tmp_path) == {}


def test_the_check_does_see_an_unembedded_font(tmp_path) -> None:
    """ReportLab's standard Helvetica is referenced, never embedded: the check says so."""
    from reportlab.pdfgen.canvas import Canvas

    canv = Canvas(str(tmp_path / "helvetica.pdf"))
    canv.drawString(72, 720, "Helvetica")
    canv.save()
    assert unembedded_fonts(tmp_path) == {str(tmp_path / "helvetica.pdf"): ["/Helvetica"]}
    (tmp_path / "helvetica.pdf").unlink()  # or the suite's own check would fail this test

"""Both PDF/UA checkers from PyPI find nothing at warning level or above."""

from __future__ import annotations

import pytest
from samples import built, slugs

SAMPLES = slugs()


def findings_pdfua(path) -> list[str]:
    import pdfua

    report = pdfua.validate(str(path))
    bad = [f"{f.rule_id} {f.severity.name}: {f.message}" for f in report.findings
           if f.severity >= pdfua.Severity.WARNING]
    bad += [f"{o.rule_id} skipped: {o.skipped_reason}" for o in report.skipped]
    return bad


def findings_outloud(path) -> list[str]:
    import outloud

    result = outloud.check(str(path))
    assert result.error is None, result.error
    return [f"{f.rule} {f.severity} p.{f.page}: {f.message} [{f.evidence}]"
            for f in result.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize("slug", SAMPLES)
def test_pdfua_finds_nothing(slug):
    assert findings_pdfua(built()[slug]) == []


@pytest.mark.parametrize("slug", SAMPLES)
def test_outloud_finds_nothing(slug):
    assert findings_outloud(built()[slug]) == []


def test_checkers_do_flag_an_untagged_pdf(tmp_path):
    """The checkers are really looking: ReportLab's own untagged output fails both."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "untagged.pdf"
    canv = Canvas(str(path))
    canv.drawString(72, 720, "Untagged text that no structure element announces.")
    canv.save()
    assert findings_pdfua(path)
    assert findings_outloud(path)
    path.unlink()  # its Helvetica is not embedded: the suite's font check would object


@pytest.mark.parametrize("slug", SAMPLES)
def test_every_font_is_embedded(slug):
    """PDF/UA 7.21.4.1: every font a page (or a form it draws) references is embedded."""
    from conftest import pdf_fonts

    fonts = pdf_fonts(built()[slug])
    assert fonts and all(fonts.values()), fonts

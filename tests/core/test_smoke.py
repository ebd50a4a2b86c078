"""The smallest end-to-end check: a minimal briefing builds and reads back."""

from conftest import MINIMAL, pdf_text


def test_minimal_briefing_builds(project):
    project.briefing("mini", MINIMAL)
    pdf = project.build("mini")
    text = pdf_text(pdf)
    assert "A short briefing" in text
    assert "Something happened." in text

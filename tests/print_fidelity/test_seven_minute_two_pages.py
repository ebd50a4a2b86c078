"""A 7-minute briefing prints on one sheet, both sides, in every style: every 7-minute
sample and test briefing, in every shipped style and in a serif style and a wide-font
style, has exactly two pages, and the action plan's header words are whole (read back
from page two)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from builds import shipped_styles

from conftest import ROOT, Project, pdf_pages_text, run_cli

HEADERS = ("Action", "Who", "By when", "Done")
SAMPLE = ROOT / "briefings" / "family-l-7-minute.yaml"



def _vera_folder() -> Path:
    """ReportLab ships Bitstream Vera (the wide face DejaVu grew from): a wide TrueType
    family that is on every machine with briefpdf, nothing downloaded."""
    import reportlab

    return Path(reportlab.__file__).parent / "fonts"


STYLES = {
    "serif": """\
        name: All serif
        extends: default
        fonts: {body: source-serif-pro, heading: source-serif-pro}
        """,
    "wide": """\
        name: Wide type
        extends: default
        fonts:
          body: {regular: fonts/Vera.ttf, bold: fonts/VeraBd.ttf, italic: fonts/VeraIt.ttf,
                 bold_italic: fonts/VeraBI.ttf}
          heading: body
        sizes: {body: 11, small: 8.5, heading: 15, title: 26}
        """,
}


def panels(text: str = "Something short and clear to say about this point.") -> str:
    lines = ["sections:"]
    for n in range(1, 8):
        lines += [f"  - heading: Point number {n}", "    content:", f"      - \"{text}\""]
    return "\n".join(lines) + "\n"


BRIEFINGS = {
    "plain": "title: Seven things\nkind: 7-minute briefing\nlayout: seven-minute\n"
             "action_plan: true\n" + panels(),
    "busy": """\
title: A briefing whose worksheet is full
subtitle: Own questions, an action plan and every kind of contact
kind: 7-minute briefing
layout: seven-minute
action_plan: true
questions:
  - What did this review tell you about how information moves between the agencies in
    your area, and where it stops?
  - Which of the seven points would have changed what your team did last month?
  - How will you check that the voice of the child is in every record you write?
  - Who else in your organisation needs to hear this briefing, and who will tell them?
  - What will your team do differently as a result, starting on Monday?
feedback:
  heading: Send us your reflections and your team's action plan
  text: >-
    Tell the partnership how your team used this briefing, what you discussed, what
    you agreed to change, and anything that got in the way, so that the next
    briefing is more useful to you and to your colleagues in other agencies.
  email: learning-and-improvement@partnership.example
  twitter: "@PartnershipExample"
  website: https://www.partnership.example/learning/briefings/seven-minute/feedback-and-contacts
  survey: https://forms.partnership.example/seven-minute-briefing-feedback-2024
  closing: Thank you for taking the time to reflect with your team.
""" + panels("A longer panel text that takes a few lines of the column: what happened, "
             "what the review found and why it matters to every practitioner."),
    "no-questions": "title: Only the plan\nlayout: seven-minute\naction_plan: true\n"
                    "questions: []\nfeedback: {email: team@partnership.example, survey: "
                    "'https://forms.partnership.example/plan'}\n" + panels(),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Project:
    project = Project(tmp_path_factory.mktemp("seven"))
    shutil.copytree(ROOT / "styles", project.root / "styles", dirs_exist_ok=True)
    shutil.copy(SAMPLE, project.root / "briefings" / SAMPLE.name)
    for slug, text in BRIEFINGS.items():
        project.briefing(slug, text)
    fonts = project.root / "styles" / "fonts"
    fonts.mkdir()
    for face in ("Vera", "VeraBd", "VeraIt", "VeraBI"):
        shutil.copy(_vera_folder() / f"{face}.ttf", fonts / f"{face}.ttf")
    for name, text in STYLES.items():
        project.write(f"styles/{name}.yaml", text)
    return project


@pytest.fixture(scope="module")
def built(project) -> dict[str, Path]:
    """Style → the output folder with every 7-minute briefing built in it."""
    out = {}
    for style in [*shipped_styles(), *STYLES]:
        folder = project.root / "out" / style
        result = run_cli("build", "briefings", "-o", str(folder), "--style", style,
                         "-j", "1", cwd=project.root)
        assert result.code == 0, result.err
        out[style] = folder
    return out


SLUGS = [SAMPLE.stem, *BRIEFINGS]


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("style", [*shipped_styles(), *STYLES])
def test_exactly_two_pages_with_whole_header_words(built, style: str, slug: str) -> None:
    pdf = built[style] / f"{slug}.pdf"
    pages = pdf_pages_text(pdf)
    assert len(pages) == 2, f"{slug} in {style}: {len(pages)} pages"
    lines = [line.strip() for line in pages[1].splitlines()]
    for header in HEADERS:
        assert any(header in line for line in lines), (header, lines[:40])
    if slug == "busy":
        assert "Thank you for taking the time" in " ".join(lines)  # the panel's last line


def test_the_wide_style_really_is_wide(built) -> None:
    """The wide style's header text is measurably wider than the default's (else the
    test above proves nothing about wide fonts)."""
    from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
    from reportlab.pdfbase.ttfonts import TTFont

    registerFont(TTFont("VeraBd-test", str(_vera_folder() / "VeraBd.ttf")))
    from briefpdf.compose.fonts import register_family  # noqa: F401 (registers bundled)

    assert stringWidth("By when", "VeraBd-test", 11) > 1.2 * stringWidth(
        "By when", "Helvetica-Bold", 10.5)


def test_questions_that_cannot_fit_are_an_error_at_the_questions_line(tmp_path) -> None:
    """Rather than a third page: the build stops, says what to shorten, writes nothing."""
    project = Project(tmp_path)
    question = "What did this review tell you about how the agencies in your area share " \
               "what they know, and where does that information stop moving?"
    lines = "".join(f"  - {question} ({n})\n" for n in range(1, 16))
    project.briefing("many", "title: Too many questions\nlayout: seven-minute\n"
                     f"questions:\n{lines}" + panels())
    result = project.run("build", "briefings/many.yaml")
    assert result.code == 1
    assert "briefings/many.yaml:3:1: the questions for reflection do not fit" in result.err
    assert "shorten them or ask fewer" in result.err
    assert "Traceback" not in result.err
    assert not (project.root / "out" / "many.pdf").exists()

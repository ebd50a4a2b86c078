"""Styles come from styles/, extend each other key by key, and --style overrides."""

from pypdf import PdfReader
from style_helpers import BRIEFING, pixels, with_shipped_styles

BASE = """\
name: Base board
page:
  size: A4
  margins: {top: 20mm, bottom: 25mm, left: 30mm, right: 15mm}
colours: {primary: "#123456", accent: "#8A4B00"}
"""
CHILD = """\
name: Child board
extends: base
colours: {primary: "#8B0000"}
"""


def band_colour(pdf):
    """The first non-white colour down the page's left edge: the masthead band."""
    image = pixels(pdf)
    for y in range(image.height):
        colour = image.getpixel((2, y))
        if colour != (255, 255, 255):
            return colour
    return None


def test_child_changes_only_the_primary_colour(project):
    project.write("styles/base.yaml", BASE)
    project.write("styles/child.yaml", CHILD)
    project.briefing("base", "style: base\n" + BRIEFING)
    project.briefing("child", "style: child\n" + BRIEFING)
    result = project.run("build")
    assert result.code == 0, result.err
    base_pdf, child_pdf = (project.root / "out" / f"{slug}.pdf" for slug in ("base", "child"))
    assert band_colour(base_pdf) == (0x12, 0x34, 0x56)
    assert band_colour(child_pdf) == (0x8B, 0x00, 0x00)
    # everything else is inherited: the accent stripe right under the band, and margins
    for pdf in (base_pdf, child_pdf):
        image = pixels(pdf)
        column = [image.getpixel((2, y)) for y in range(image.height)]
        assert (0x8A, 0x4B, 0x00) in column
    from conftest import pdf_words_boxes

    left = min(box[0] for char, box in pdf_words_boxes(child_pdf) if char.strip())
    assert abs(left - 30 * 72 / 25.4) < 1.5


def test_command_line_style_overrides_the_briefings(project):
    with_shipped_styles(project)
    project.write("styles/child.yaml", CHILD.replace("base", "bscb"))
    project.briefing("b", "style: partnership\n" + BRIEFING)
    project.briefing("d", BRIEFING)  # no style: the built-in default
    assert project.run("build").code == 0
    out = project.root / "out"
    assert band_colour(out / "b.pdf") == (0x00, 0x59, 0x4F)
    assert band_colour(out / "d.pdf") == (0x1F, 0x3A, 0x5F)
    assert project.run("build", "--style", "child").code == 0
    assert band_colour(out / "b.pdf") == band_colour(out / "d.pdf") == (0x8B, 0x00, 0x00)


def test_page_sizes(project):
    for size in ("A5", "Letter", "A4"):
        project.write(f"styles/{size}.yaml", f"name: {size}\npage: {{size: {size}}}\n")
        project.briefing(size, f"style: {size}\n" + BRIEFING)
    assert project.run("build").code == 0
    for size, (width, height) in {"A5": (148, 210), "Letter": (215.9, 279.4),
                                  "A4": (210, 297)}.items():
        box = PdfReader(str(project.root / "out" / f"{size}.pdf")).pages[0].mediabox
        assert abs(float(box.width) - width * 72 / 25.4) < 0.5
        assert abs(float(box.height) - height * 72 / 25.4) < 0.5


def test_footer_placeholders_and_sizes(project):
    project.write("styles/f.yaml", """\
        name: F
        organisation: Anytown Board
        short_name: ATB
        footer: {text: "{organisation} · {title} · {date}", page_numbers: "p. {page}/{pages}"}
        sizes: {body: 12}
        """)
    project.briefing("f", "style: f\ndate: 2024-03\n" + BRIEFING)
    from conftest import pdf_text

    text = pdf_text(project.build("f"))
    assert "Anytown Board · Learning from a review · March 2024" in text
    assert "p. 1/1" in text

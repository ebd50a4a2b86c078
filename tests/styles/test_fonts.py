"""Any TrueType family a user points at is embedded; characters it lacks fall back to
Source Sans Pro; characters no font has are reported, never printed silently as boxes."""

import shutil
from pathlib import Path

import font_source_serif_pro
from style_helpers import BRIEFING, warnings_in

from conftest import pdf_fonts, pdf_text

SERIF = Path(font_source_serif_pro.font_directory)
FONT_STYLE = """\
name: Serif board
fonts:
  body: {regular: fonts/Serif-Regular.ttf, bold: fonts/Serif-Bold.ttf,
         italic: fonts/Serif-Italic.ttf, bold_italic: fonts/Serif-BoldItalic.ttf}
  heading: body
"""


def add_serif(project):
    for face, file in (("Regular", "Regular"), ("Bold", "Bold"), ("Italic", "It"),
                       ("BoldItalic", "BoldIt")):
        target = project.root / "styles" / "fonts" / f"Serif-{face}.ttf"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SERIF / f"SourceSerifPro-{file}.ttf", target)
    project.write("styles/serif.yaml", FONT_STYLE)


def families(pdf):
    """The PostScript names of the fonts in the PDF (all must be embedded)."""
    fonts = pdf_fonts(pdf)
    assert all(fonts.values()), fonts
    return {name.split("+")[-1] for name in fonts}


def test_configured_truetype_files_are_the_fonts_embedded(project):
    add_serif(project)
    project.briefing("s", "style: serif\n" + BRIEFING.replace(
        "Something happened", "So *Something* **happened** ***now***"))
    pdf = project.build("s")
    assert families(pdf) == {"SourceSerifPro-Regular", "SourceSerifPro-Bold",
                             "SourceSerifPro-It", "SourceSerifPro-BoldIt"}
    assert "So Something happened now" in pdf_text(pdf)


def test_default_and_bundled_families_by_name(project):
    project.write("styles/mixed.yaml", "name: M\nfonts: {heading: source-serif-pro}\n")
    project.briefing("m", "style: mixed\n" + BRIEFING)
    found = families(project.build("m"))
    assert "SourceSerifPro-Bold" in found  # headings and title
    assert "SourceSansPro-Regular" in found  # body text


def test_character_the_font_lacks_falls_back_to_the_default(project):
    add_serif(project)
    # ŋ (U+014B) is in Source Sans Pro but not in Source Serif Pro
    project.briefing("f", "style: serif\n" + BRIEFING.replace("Family Q", "Family Q")
                     .replace("Something happened", "Ŋaŋa said **ŋ** happened"))
    result = project.run("build", "briefings/f.yaml")
    assert result.code == 0 and not warnings_in(result.err), result.err
    pdf = project.root / "out" / "f.pdf"
    assert "Ŋaŋa said ŋ happened" in pdf_text(pdf)
    found = families(pdf)
    assert {"SourceSansPro-Regular", "SourceSansPro-Bold"} <= found
    assert "SourceSerifPro-Regular" in found


def test_character_no_font_has_is_a_located_warning(project):
    project.briefing("w", BRIEFING.replace("Something happened", "Snow ☃ happened"))
    for command in ("validate", "build"):
        result = project.run(command, "briefings/w.yaml")
        assert result.code == 0, result.err
        [warning] = warnings_in(result.err)
        assert warning.startswith("briefings/w.yaml:8:14: warning: '☃' (U+2603 SNOWMAN)")
        assert "is not in the font source-sans-pro regular" in warning
    assert (project.root / "out" / "w.pdf").is_file()


def test_font_file_errors_are_located(project):
    project.write("styles/fonts/notes.ttf", "this is not a font")
    project.write("styles/fonts/PostScript.otf", b"OTTO" + bytes(100))
    project.write("styles/bad.yaml", """\
        name: Bad fonts
        fonts:
          body: {regular: fonts/missing.ttf, bold: fonts/notes.ttf, italic: fonts/PostScript.otf}
          heading: body
        """)
    project.briefing("b", "style: bad\n" + BRIEFING)
    result = project.run("build", "briefings/b.yaml")
    assert result.code == 1
    lines = result.err.splitlines()
    assert any(line.startswith("styles/bad.yaml:3:19: ") and "font file not found" in line
               and "missing.ttf" in line for line in lines), result.err
    assert any(line.startswith("styles/bad.yaml:3:44: ") and "notes.ttf is not a TrueType"
               in line for line in lines), result.err
    assert any(line.startswith("styles/bad.yaml:3:69: ") and "PostScript (CFF)" in line
               for line in lines), result.err
    assert not (project.root / "out" / "b.pdf").exists()
    assert "Traceback" not in result.err


def test_unknown_family_name(project):
    project.write("styles/x.yaml", "name: X\nfonts: {heading: comic-sans}\n")
    project.briefing("x", "style: x\n" + BRIEFING)
    result = project.run("validate", "briefings/x.yaml")
    assert result.code == 1
    assert "unknown family 'comic-sans'" in result.err and "source-serif-pro" in result.err


def test_character_in_neither_the_style_font_nor_the_fallback(project):
    add_serif(project)
    project.briefing("n", "style: serif\n" + BRIEFING.replace("Family Q", "Family ☃"))
    [warning] = warnings_in(project.run("validate", "briefings/n.yaml").err)
    assert warning.startswith("briefings/n.yaml:4:18: warning: '☃' (U+2603 SNOWMAN) is in "
                              "neither Serif-Regular regular nor the fallback source-sans-pro")

"""Design checks: contrast and logo resolution warn (and never fail a build); bad style
files are located errors; the shipped styles are silent."""

import pytest
from PIL import Image
from style_helpers import BRIEFING, warnings_in, with_shipped_styles

from conftest import ROOT, run_cli


@pytest.mark.parametrize("style", ["default", "bscb", "partnership"])
def test_shipped_styles_give_no_warnings(style):
    result = run_cli("validate", "--style", style, cwd=ROOT)  # every sample briefing
    assert result.code == 0, result.err
    assert " 0 with problems" in result.err and not warnings_in(result.err), result.err


def test_low_contrast_pairs_are_named_with_their_ratio(project):
    project.write("styles/pale.yaml", """\
        name: Pale
        colours:
          primary: "#1F3A5F"
          accent: "#F5A623"
          muted: "#AAAAAA"
        """)
    project.briefing("p", "style: pale\n" + BRIEFING)
    for command in ("validate", "build"):
        result = project.run(command, "briefings/p.yaml")
        assert result.code == 0, result.err
        found = warnings_in(result.err)
        assert len(found) == 3, result.err
        muted, on_accent, bullets = _by_pair(found)
        assert muted.startswith("styles/pale.yaml:5:10: warning: muted #AAAAAA on background "
                                "#FFFFFF has a contrast of 2.32:1, below the 4.5:1")
        # located at the colour this style set, not at the inherited one
        assert on_accent.startswith("styles/pale.yaml:4:11: warning: on_primary #FFFFFF on "
                                    "accent #F5A623 has a contrast of 2.03:1")
        assert "the kind badge" in on_accent
        assert "accent #F5A623 on background #FFFFFF has a contrast of 2.03:1, below the 3:1" \
            in bullets
    assert (project.root / "out" / "p.pdf").is_file()


def _by_pair(warnings):
    def pick(prefix):
        return next(w for w in warnings if w.split(": warning: ")[1].startswith(prefix))

    return pick("muted"), pick("on_primary"), pick("accent")


def test_large_text_needs_only_three_to_one(project):
    # 3.95:1 passes for the bold 14pt headings but not for links in body text
    project.write("styles/mid.yaml", 'name: Mid\ncolours: {primary: "#808080"}\n')
    project.briefing("m", "style: mid\n" + BRIEFING)
    found = warnings_in(project.run("validate", "briefings/m.yaml").err)
    [pair] = [w for w in found if "primary #808080 on background" in w]
    assert "3.95:1, below the 4.5:1 WCAG AA needs for body text" in pair
    assert "links" in pair and "section headings" not in pair


def logo(project, name, size):
    path = project.root / "styles" / "assets" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (200, 30, 30)).save(path)


def test_coarse_logo_warns_and_a_fine_one_does_not(project):
    logo(project, "coarse.png", (120, 40))   # 40 px over 14 mm: 73 dpi
    logo(project, "fine.png", (900, 300))    # 300 px over 14 mm: 544 dpi
    project.write("styles/l.yaml", """\
        name: Logos
        logos:
          - {file: assets/fine.png, alt: Fine, height: 14mm}
          - {file: assets/coarse.png, alt: Coarse, height: 14mm}
        """)
    project.briefing("l", "style: l\n" + BRIEFING)
    result = project.run("build", "briefings/l.yaml")
    assert result.code == 0
    [warning] = warnings_in(result.err)
    assert warning.startswith("styles/l.yaml:4:12: warning: logo coarse.png is 120×40 pixels: "
                              "only 73 dpi at its printed height of 14mm")
    assert "at least 83 pixels tall" in warning


@pytest.mark.parametrize("text, where, message", [
    ('colours: {primary: "#12345"}', "2:20", "'#12345' is not a colour"),
    ("colours: {primary: navy}", "2:20", "'navy' is not a colour"),
    ("page: {margins: {top: 2 inches}}", "2:23", "'2 inches' is not a length"),
    ("page: {size: A3}", "2:14", "should be 'A4', 'A5' or 'Letter'"),
    ("colors: {primary: '#123456'}", "2:1", "unknown key 'colors'; did you mean 'colours'?"),
    ("fonts: {body: {regular: x.ttf, bolt: y.ttf}}", "2:32",
     "unknown key 'bolt'; did you mean 'bold'?"),
    ("logos: [{file: nothing.png, alt: X}]", "2:16", "image not found"),
    ("logos: [{file: l.yaml, alt: X}]", "2:16", "l.yaml is not a PNG or JPEG image"),
    ('footer: {text: "{board} · {title}"}', "2:16", "unknown placeholder {board}"),
    ("logos: [{file: l.yaml, alt: X, height: 0mm}]", "2:40", "give a height between 3mm"),
    ("page: {size: A5, margins: {left: 50mm, right: 50mm}}", "2:7",
     "the left and right margins leave 48mm for text on A5 paper"),
])
def test_bad_style_files_give_located_errors(project, text, where, message):
    project.write("styles/l.yaml", "name: Bad\n" + text + "\n")
    project.briefing("b", "style: l\n" + BRIEFING)
    result = project.run("validate", "briefings/b.yaml")
    assert result.code == 1, result.err
    assert f"styles/l.yaml:{where}: " in result.err and message in result.err, result.err
    assert "Traceback" not in result.err


def test_build_with_a_bad_style_writes_nothing(project):
    project.write("styles/l.yaml", 'name: Bad\ncolours: {primary: "#12345"}\n')
    project.briefing("b", "style: l\n" + BRIEFING)
    result = project.run("build", "briefings/b.yaml")
    assert result.code == 1
    assert "styles/l.yaml:2:20: 'primary': '#12345' is not a colour" in result.err
    assert not (project.root / "out" / "b.pdf").exists()


def test_extends_cycle_names_the_files(project):
    project.write("styles/a.yaml", "name: A\nextends: b\n")
    project.write("styles/b.yaml", "name: B\nextends: c\n")
    project.write("styles/c.yaml", "name: C\nextends: a\n")
    project.briefing("x", "style: a\n" + BRIEFING)
    result = project.run("validate", "briefings/x.yaml")
    assert result.code == 1
    assert ("styles/c.yaml:2:10: styles extend each other in a circle (styles/a.yaml → "
            "styles/b.yaml → styles/c.yaml → styles/a.yaml)") in result.err, result.err


def test_unknown_style_lists_the_available_ones(project):
    with_shipped_styles(project)
    project.briefing("x", "style: bsbc\n" + BRIEFING)
    result = project.run("validate", "briefings/x.yaml")
    assert result.code == 1
    assert "briefings/x.yaml:1:8: no style named 'bsbc'" in result.err
    assert "bscb, default, partnership" in result.err

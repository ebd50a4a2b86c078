"""Incremental builds: only briefings whose inputs changed are rebuilt."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from PIL import Image

from conftest import MINIMAL, pdf_text


def png(width: int, height: int, colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "PNG")
    return buffer.getvalue()


def style(name: str) -> str:
    return f"name: {name}\nlogos:\n  - {{file: assets/{name}.png, alt: {name} logo}}\n"


def two_briefings(project) -> tuple[Path, Path]:
    """Briefing one uses style alpha (logo alpha.png); briefing two uses style beta."""
    for name, colour in (("alpha", "red"), ("beta", "blue")):
        project.write(f"styles/assets/{name}.png", png(40, 20, colour))
        project.write(f"styles/{name}.yaml", style(name))
    project.briefing("one", "style: alpha\n" + MINIMAL.replace("A short", "First"))
    project.briefing("two", "style: beta\n" + MINIMAL.replace("A short", "Second"))
    return project.root / "out" / "one.pdf", project.root / "out" / "two.pdf"


def logo_widths(pdf: Path) -> list[int]:
    return [image.image.width for image in pypdf.PdfReader(pdf).pages[0].images]


def summary(result) -> str:
    return result.err.strip().splitlines()[-1]


def test_logo_edit_rebuilds_only_the_briefing_that_uses_it(project):
    one, two = two_briefings(project)
    first = project.run("build")
    assert first.code == 0, first.err
    assert summary(first).startswith("2 built, 0 unchanged, 0 failed")
    assert 40 in logo_widths(one)
    two_before, two_stat = two.read_bytes(), two.stat().st_mtime_ns

    again = project.run("build")
    assert summary(again).startswith("0 built, 2 unchanged, 0 failed")
    assert "wrote" not in again.out

    project.write("styles/assets/alpha.png", png(80, 20, "green"))
    after = project.run("build")
    assert after.code == 0, after.err
    assert summary(after).startswith("1 built, 1 unchanged, 0 failed")
    assert after.out.strip() == f"wrote {Path('out') / 'one.pdf'}"
    assert 80 in logo_widths(one) and 40 not in logo_widths(one)
    assert two.read_bytes() == two_before and two.stat().st_mtime_ns == two_stat


def test_style_edit_briefing_edit_and_force(project):
    one, two = two_briefings(project)
    assert project.run("build").code == 0
    project.write("styles/beta.yaml", style("beta") + "colours: {primary: '#225522'}\n")
    assert summary(project.run("build")).startswith("1 built, 1 unchanged")

    project.briefing("one", "style: alpha\n" + MINIMAL.replace("A short", "Renamed"))
    result = project.run("build")
    assert summary(result).startswith("1 built, 1 unchanged")
    assert "Renamed briefing" in pdf_text(one)

    assert summary(project.run("build", "--force")).startswith("2 built, 0 unchanged")


def test_missing_output_option_change_and_shadowing_style_rebuild(project):
    one, two = two_briefings(project)
    assert project.run("build").code == 0
    one.unlink()
    assert summary(project.run("build")).startswith("1 built, 1 unchanged")
    assert one.is_file()
    # A different --style changes every PDF.
    assert summary(project.run("build", "--style", "beta")).startswith("2 built")
    assert summary(project.run("build", "--style", "beta")).startswith("0 built, 2 unchanged")
    # alpha extends the built-in default; a project default.yaml now shadows it.
    assert summary(project.run("build")).startswith("2 built")
    project.write("styles/default.yaml", "name: Project default\nextends: default\n")
    assert summary(project.run("build")).startswith("2 built, 0 unchanged")


def test_failed_briefing_is_retried_and_the_others_stay_unchanged(project):
    two_briefings(project)
    assert project.run("build").code == 0
    project.briefing("three", "title: [unclosed\n")
    result = project.run("build")
    assert result.code == 1
    assert "three.yaml:" in result.err
    assert summary(result).startswith("0 built, 2 unchanged, 1 failed")
    again = project.run("build")
    assert summary(again).startswith("0 built, 2 unchanged, 1 failed")
    assert not (project.root / "out" / "three.pdf").exists()

"""Faults from the fault-injection trial (issue 21) in reading inputs.

Files swapped between check and use, paths outside the project opened before the
location check, pipes and devices as inputs, a huge sparse "font", damaged fonts,
and a SOURCE_DATE_EPOCH that is not a number.
"""

from __future__ import annotations

import base64
import os
import random
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from briefpdf.model.fontfiles import bundled_faces
from conftest import MINIMAL, pdf_text

HANG_GUARD = 60
"""Seconds a command may take before the test calls it a hang (they take a few)."""


def png(path: Path, colour: tuple[int, int, int]) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), colour).save(path)
    return path.read_bytes()


WITH_IMAGE = MINIMAL + """\
      - image: ../assets/chart.png
        alt: A chart
"""


# --- swapped between check and use ---


SWAP_AFTER_CHECK = textwrap.dedent("""\
    import os, sys
    from pathlib import Path
    from briefpdf import build
    real = build.render_briefing
    def render_briefing(loaded):
        chart = Path("assets/chart.png")
        chart.unlink()  # checked already: now a link to a file outside the project
        os.symlink(sys.argv[-1], chart)
        return real(loaded)
    build.render_briefing = render_briefing
    from briefpdf.cli import main
    sys.exit(main(sys.argv[1:-1]))
    """)


def test_an_image_swapped_after_its_check_is_never_read_again(project, tmp_path_factory):
    checked = png(project.root / "assets" / "chart.png", (0, 90, 200))
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.png"
    secret_bytes = png(secret, (250, 0, 0))
    project.briefing("img", WITH_IMAGE)
    run = subprocess.run([sys.executable, "-c", SWAP_AFTER_CHECK, "build", "--html",
                          "briefings/img.yaml", str(secret)], cwd=project.root,
                         capture_output=True, text=True, timeout=HANG_GUARD)
    assert run.returncode == 0, run.stderr
    assert (project.root / "assets" / "chart.png").is_symlink()  # the swap happened
    html = (project.root / "out" / "img.html").read_text()
    embedded = [base64.b64decode(b) for b in re.findall(r"base64,([A-Za-z0-9+/=]+)", html)]
    assert checked in embedded and secret_bytes not in embedded
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(project.root / "out" / "img.pdf"))[0]
    [image] = [obj for obj in page.get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    pixel = image.get_bitmap().to_pil().convert("RGB").getpixel((5, 5))
    assert pixel == (0, 90, 200)  # the checked image, not the red one from outside


def test_a_font_outside_the_project_is_refused_before_it_is_opened(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere")
    (outside / "notes.ttf").write_text("not a font, and not the project's")
    os.mkfifo(outside / "pipe.ttf")  # opening it would wait for ever
    relative = os.path.relpath(outside, project.root / "styles")
    project.write("styles/far.yaml", f"""\
        name: Far
        fonts:
          body: {{regular: {relative}/notes.ttf, bold: {relative}/pipe.ttf}}
        logos:
          - file: {relative}/notes.ttf
            alt: Logo
        """)
    project.briefing("b", "style: far\n" + MINIMAL)
    result = project.run("validate", "briefings/b.yaml", timeout=HANG_GUARD)
    assert result.code == 1
    lines = [line for line in result.err.splitlines() if line.startswith("styles/far.yaml:")]
    assert len(lines) == 3, result.err
    assert all("is outside the project folder" in line for line in lines), result.err
    assert "TrueType" not in result.err and "PNG" not in result.err  # its type never read


# --- pipes, devices, huge files ---


@pytest.mark.parametrize("command", [("validate",), ("build",), ("build", "-j", "1")])
def test_a_fifo_briefing_is_refused_not_waited_on(project, command):
    os.mkfifo(project.root / "briefings" / "x.yaml")
    project.briefing("fine", MINIMAL)
    result = project.run(*command, timeout=HANG_GUARD)
    assert result.code == 1
    assert "briefings/x.yaml:1:1: is not a regular file (a pipe, device or socket)" in result.err


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_is_refused(project, device):
    os.symlink(device, project.root / "briefings" / "x.yaml")
    result = project.run("validate", "briefings/x.yaml", timeout=HANG_GUARD)
    assert result.code == 1
    assert "briefings/x.yaml:1:1: is not a regular file" in result.err


def test_an_image_that_is_a_fifo_is_refused(project):
    os.makedirs(project.root / "assets")
    os.mkfifo(project.root / "assets" / "chart.png")
    project.briefing("img", WITH_IMAGE)
    result = project.run("build", "briefings/img.yaml", timeout=HANG_GUARD)
    assert result.code == 1
    assert "briefings/img.yaml:6:16: ../assets/chart.png is a device, pipe or socket" \
        in result.err


def test_a_huge_sparse_font_is_refused_by_its_size(project):
    huge = project.root / "styles" / "fonts" / "huge.ttf"
    huge.parent.mkdir(parents=True)
    with open(huge, "wb") as handle:  # 1 GB on paper, nothing on disk
        handle.write(b"\x00\x01\x00\x00")
        handle.truncate(1 << 30)
    project.write("styles/big.yaml", """\
        name: Big
        fonts:
          body: {regular: fonts/huge.ttf}
        """)
    project.briefing("b", "style: big\n" + MINIMAL)
    for command in ("validate", "build"):
        result = project.run(command, "briefings/b.yaml", timeout=HANG_GUARD)
        assert result.code == 1
        assert ("styles/big.yaml:3:19: styles/fonts/huge.ttf is 1,073,741,824 bytes, over the "
                "limit of 30,000,000") in result.err, result.err


# --- damaged fonts ---


def damaged_fonts() -> dict[str, bytes]:
    good = Path(bundled_faces("source-sans-pro")["regular"]).read_bytes()
    middle = bytearray(good)
    noise = random.Random(21).randbytes(4096)
    start = len(good) // 2
    middle[start:start + len(noise)] = noise
    return {"truncated": good[: len(good) * 2 // 3], "noise": bytes(middle)}


@pytest.mark.parametrize("kind", ["truncated", "noise"])
def test_a_damaged_font_is_an_error_at_its_style_line(project, kind):
    project.write("styles/fonts/broken.ttf", damaged_fonts()[kind])
    project.write("styles/broken.yaml", """\
        name: Broken
        fonts:
          body: {regular: fonts/broken.ttf}
        """)
    project.briefing("uses-it", "style: broken\n" + MINIMAL)
    project.briefing("other-1", MINIMAL.replace("A short briefing", "Other one"))
    project.briefing("other-2", MINIMAL.replace("A short briefing", "Other two"))
    validate = project.run("validate", timeout=HANG_GUARD)
    assert validate.code == 1
    assert "styles/broken.yaml:3:19: broken.ttf is damaged" in validate.err, validate.err
    assert "2 valid, 1 with problems" in validate.err
    for jobs in ("1", "2"):
        build = project.run("build", "-j", jobs, "--force", timeout=HANG_GUARD)
        assert build.code == 1
        assert "styles/broken.yaml:3:19: broken.ttf is damaged" in build.err, build.err
        assert "internal error" not in build.err
        assert "2 built, 0 unchanged, 1 failed" in build.err, build.err
        assert "Other two" in pdf_text(project.root / "out" / "other-2.pdf")


# --- SOURCE_DATE_EPOCH ---


@pytest.mark.parametrize("value", ["abc", "1e9", "-5", "1.5", "99999999999999"])
def test_a_source_date_epoch_that_is_not_a_time_is_an_error(project, value):
    project.briefing("a", MINIMAL)
    for command in (("build",), ("pack", "briefings/a.yaml", "-o", "p.pdf", "--title", "T")):
        result = project.run(*command, env={"SOURCE_DATE_EPOCH": value}, timeout=HANG_GUARD)
        assert result.code == 2, result.err
        assert f"SOURCE_DATE_EPOCH='{value}'" in result.err
        assert "whole number of seconds since 1970" in result.err
        assert "Traceback" not in result.err and "internal error" not in result.err
        assert not (project.root / "out" / "a.pdf").exists()


def test_a_good_source_date_epoch_is_used(project):
    project.briefing("a", MINIMAL)
    result = project.run("build", env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.code == 0, result.err
    assert b"D:20231114" in (project.root / "out" / "a.pdf").read_bytes()

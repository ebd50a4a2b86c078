"""Screenshots of `briefpdf serve`'s pages, to look at and for docs/serve.md.

Copies the samples to a temporary folder, starts `briefpdf serve` there, and drives
Debian's Chromium (headless, /usr/bin/chromium) with Playwright at a desktop size
(1920×1080) and a laptop size (1280×800). Usage:

    .venv/bin/python tools/serve_screenshots.py [OUT_DIR]     # default: out/_look/serve
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SIZES = {"laptop": (1280, 800), "desktop": (1920, 1080)}


def save(page, path: Path) -> None:
    """A screenshot, as a 256-colour PNG (a third of the size, the same to the eye)."""
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(page.screenshot())).convert("RGB")
    image.quantize(256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def shoot(url: str, out: Path, project: Path) -> None:
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(url)
            save(page, out / f"serve-home-{size}.png")
            page.goto(url + "edit/family-l.yaml")
            page.wait_for_selector("#pages[data-pdf] img")
            save(page, out / f"serve-edit-{size}.png")
            page.goto(url + "edit/learning-pack-2017.pack.yaml")
            page.wait_for_selector("#pages[data-pdf] img")
            save(page, out / f"serve-pack-{size}.png")
            page.close()
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url + "edit/family-l.yaml")
        page.wait_for_selector("#pages[data-pdf] img")
        before = page.get_attribute("#pages", "data-pdf")
        page.select_option("#style-picker", "partnership")
        page.check("#grayscale")
        page.wait_for_function("old => document.getElementById('pages').dataset.pdf !== old",
                               arg=before)
        page.wait_for_function("() => document.getElementById('preview-note')"
                               ".textContent.includes('grays')")
        save(page, out / "serve-style-laptop.png")
        page.select_option("#style-picker", "")
        page.uncheck("#grayscale")
        text = (project / "briefings" / "family-l.yaml").read_text()
        broken = text.replace("date: 2017-06", "date: June the something").replace(
            "  - heading: What is a CPIR?", "  - heading: What is a CPIR?\n    colour: red")
        page.evaluate("t => document.querySelector('.CodeMirror').CodeMirror.setValue(t)",
                      broken)
        page.click("#save")
        page.wait_for_selector("#problems li button.error")  # (warnings were listed before)
        save(page, out / "serve-error-laptop.png")
        browser.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out/_look/serve").resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefpdf-shots-") as temp:
        project = Path(temp) / "project"
        shutil.copytree(ROOT / "briefings", project / "briefings")
        shutil.copytree(ROOT / "styles", project / "styles")
        command = [sys.executable, "-m", "briefpdf", "serve", str(project), "--no-open"]
        server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        try:
            url = server.stdout.readline().split("open ", 1)[1].split()[0]
            shoot(url, out, project)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Redraw the reference pages: every sample in briefings/, each page as a small PNG in
tests/reference/pages/. Run it (`make reference`, or `python tools/update_reference.py`
with the project's Python) after a change meant to alter how pages look, look at the
new pages, and commit them with the change; tests/reference fails on any other change.

The samples are built with a fixed SOURCE_DATE_EPOCH into a temporary folder, and each
page is drawn by PDFium (pypdfium2) at DPI dots per inch.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "reference" / "pages"
DPI = 40
"""Enough to see a moved block, a lost logo or a changed colour; small to keep in git."""


def build_samples(out: Path) -> list[Path]:
    """Build every sample in briefings/ into ``out``; return the PDFs."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1500000000", "CI": "1"}
    subprocess.run([sys.executable, "-m", "briefpdf", "build", "--force", "-o", str(out)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return sorted(out.glob("*.pdf"))


def page_images(pdf: Path) -> list:
    """Each page of ``pdf`` as an RGB PIL image at DPI."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return [page.render(scale=DPI / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()


def rendered_pages(out: Path) -> dict[str, object]:
    """Every sample page, keyed by its reference file's name (``family-l-p1.png``)."""
    pages = {}
    for pdf in build_samples(out):
        for number, image in enumerate(page_images(pdf), start=1):
            pages[f"{pdf.stem}-p{number}.png"] = image
    return pages


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="briefpdf-reference-") as temp:
        pages = rendered_pages(Path(temp))
    PAGES.mkdir(parents=True, exist_ok=True)
    for stale in PAGES.glob("*.png"):
        if stale.name not in pages:
            stale.unlink()
            print(f"removed {stale.relative_to(ROOT)}")
    for name, image in pages.items():
        image.save(PAGES / name, optimize=True)
    print(f"wrote {len(pages)} pages to {PAGES.relative_to(ROOT)}; look at them, then commit")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

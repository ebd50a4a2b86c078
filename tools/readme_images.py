"""Render page images of built PDFs for the README and docs (from real output).

    python tools/readme_images.py out/family-l.pdf            # → docs/images/family-l-p1.png
    python tools/readme_images.py out/x.pdf --page 2 --dpi 60

Needs pypdfium2 (in the test extra).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pypdfium2 as pdfium


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="+", type=Path)
    parser.add_argument("--page", type=int, default=1, help="1-based page number")
    parser.add_argument("--dpi", type=float, default=72)
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for pdf in args.pdfs:
        doc = pdfium.PdfDocument(str(pdf))
        image = doc[args.page - 1].render(scale=args.dpi / 72).to_pil().convert("RGB")
        target = args.out / f"{pdf.stem}-p{args.page}.png"
        image.save(target, optimize=True)
        print(f"wrote {target} ({image.width}×{image.height})")


if __name__ == "__main__":
    main()

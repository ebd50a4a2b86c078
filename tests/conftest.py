"""Shared test helpers: build briefings into a temporary project and read the PDFs back.

Tests assert on the real output (text, links, fonts, structure read from the PDF
with pypdf and pypdfium2), never on the in-memory model.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = next(p for p in (ROOT.parent / "shared" / "seeds" / "cpir-family-l-briefing.txt",
                        ROOT / "tests" / "data" / "cpir-family-l-briefing.txt") if p.is_file())
"""The seed document: ../shared when it is beside the clone, else the copy in tests/data."""


def seed_sentences() -> list[str]:
    """Every sentence of the seed document, with list markers and autolink brackets removed
    (the title line, which runs into the first heading, is left to the tests)."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("whether\n\nthe children", "whether the children")  # a broken line
    sentences: list[str] = []
    for line in text.splitlines():
        line = line.strip().removeprefix("- ").strip()
        if not line or line.startswith("CHILD PROTECTION INCIDENT REVIEW BRIEFING"):
            continue
        for part in re.split(r":?\s*<(https://[^>]+)>", line):
            part = part.strip()
            if part:
                sentences.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“])", part) if s)
    return sentences

if "BRIEFPDF_CACHE_DIR" not in os.environ:  # the suite never writes to the user's cache
    import atexit
    import shutil
    import tempfile

    os.environ["BRIEFPDF_CACHE_DIR"] = tempfile.mkdtemp(prefix="briefpdf-test-cache-")
    atexit.register(shutil.rmtree, os.environ["BRIEFPDF_CACHE_DIR"], ignore_errors=True)


@dataclass
class Run:
    """The result of running the briefpdf command line."""

    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None,
            timeout: float = 120) -> Run:
    """Run ``python -m briefpdf ARGS`` in a subprocess, as a user would."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "briefpdf", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)
    return Run(proc.returncode, proc.stdout, proc.stderr)


class Project:
    """A throwaway project folder with briefings/, styles/ and out/."""

    def __init__(self, root: Path):
        self.root = root
        (root / "briefings").mkdir()
        (root / "styles").mkdir()

    def write(self, relative: str, text: str | bytes) -> Path:
        """Write a file (text is dedented) and return its path."""
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def briefing(self, slug: str, text: str) -> Path:
        return self.write(f"briefings/{slug}.yaml", text)

    def run(self, *args: str, **kw) -> Run:
        return run_cli(*args, cwd=self.root, **kw)

    def build(self, slug: str, *extra: str) -> Path:
        """Build one briefing; fail the test with the messages if it does not build."""
        result = self.run("build", f"briefings/{slug}.yaml", *extra)
        assert result.code == 0, result.err
        return self.root / "out" / f"{slug}.pdf"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


@pytest.fixture(autouse=True)
def _every_font_embedded(request: pytest.FixtureRequest) -> Iterator[None]:
    """After each test that has a temporary folder, every PDF it wrote there must embed
    each font it references (print preflight and PDF/UA 7.21.4.1 reject any other)."""
    if "tmp_path" not in request.fixturenames:
        yield
        return
    folder = request.getfixturevalue("tmp_path")
    yield
    bare = unembedded_fonts(folder)
    assert not bare, f"unembedded fonts: {bare}"


def unembedded_fonts(folder: Path) -> dict[str, list[str]]:
    """PDF path → the fonts it references without a font file, for every PDF in
    ``folder`` (files that are not PDFs, such as a test's deliberately broken ones,
    are skipped)."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.pdf")):
        with path.open("rb") as handle:
            if handle.read(5) != b"%PDF-":
                continue
        try:
            fonts = pdf_fonts(path)
        except (pypdf.errors.PdfReadError, ValueError, KeyError):
            continue
        bare = sorted(name for name, embedded in fonts.items() if not embedded)
        if bare:
            found[str(path)] = bare
    return found


MINIMAL = """\
title: A short briefing
sections:
  - heading: What happened
    content:
      - Something happened.
"""


@contextmanager
def serving(server) -> Iterator:
    """Run a local HTTP server (on 127.0.0.1) in a thread for the test; then release any
    handler waiting on ``server.release`` and shut it down."""
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- reading PDFs back ---------------------------------------------------------------


def pdf_pages_text(path: Path) -> list[str]:
    """The text of each page, as pdfium extracts it (reading order)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in doc]
    finally:
        doc.close()


def normalise(text: str) -> str:
    """Collapse whitespace and undo hyphen-free line breaks so sentences can be found."""
    text = text.replace("\r", " ").replace("\n", " ").replace("\ufffe", "").replace("\x02", "")
    return re.sub(r"\s+", " ", text).strip()


def pdf_text(path: Path) -> str:
    return normalise(" ".join(pdf_pages_text(path)))


def pdf_links(path: Path) -> list[tuple[int, str, tuple[float, float, float, float]]]:
    """(page index, URI, rect) of every URI link annotation."""
    reader = pypdf.PdfReader(str(path), strict=True)
    links = []
    for index, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []) or []:
            annot = annot.get_object()
            action = annot.get("/A")
            if annot.get("/Subtype") == "/Link" and action and "/URI" in action:
                links.append((index, str(action["/URI"]),
                              tuple(float(v) for v in annot["/Rect"])))
    return links


def pdf_fonts(path: Path) -> dict[str, bool]:
    """Font base name → whether it is embedded, for every font on every page."""
    reader = pypdf.PdfReader(str(path))
    fonts: dict[str, bool] = {}

    def visit(resources) -> None:
        if not resources:
            return
        for font in (resources.get_object().get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font.get("/BaseFont"))] = embedded
        for xobject in (resources.get_object().get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                visit(xobject.get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return fonts


def pdf_words_boxes(path: Path, page_index: int = 0):
    """Characters with their boxes from pdfium: list of (char, (left, bottom, right, top))."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        textpage = doc[page_index].get_textpage()
        return [(textpage.get_text_range(i, 1), textpage.get_charbox(i))
                for i in range(textpage.count_chars())]
    finally:
        doc.close()

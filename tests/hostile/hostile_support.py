"""Helpers for the hostile-input corpus: run a build as a user would, then check that
the answer is either a correct PDF or located messages, and that out/ was not damaged.

Nothing here measures time: the subprocess timeout is only a hang guard, far above
the bound stated in docs/limits.md.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pypdfium2 as pdfium

from conftest import Project, Run, pdf_pages_text

CORPUS = Path(__file__).resolve().parent / "corpus"
HANG_GUARD = 120
"""Seconds before a build counts as hung (docs/limits.md states the real bound)."""

OLD_PDF = (b"%PDF-1.4\n% an earlier good build that must survive a failed one\n"
           b"<xmp:CreatorTool>briefpdf 0.1.0</xmp:CreatorTool>\n%%EOF\n")
"""(with the mark of a PDF briefpdf wrote: it replaces only its own files)"""
PROBLEM = re.compile(r"^(?P<file>[^\n:]+):(?P<line>\d+):(?P<column>\d+): (?P<message>\S.*)$")
SUMMARY = re.compile(r"^\d+ built, .*\d+ failed in [\d.]+s$|^\d+ valid, \d+ with problems$")
CACHE = ".briefpdf-cache.json"
"""What a successful build records next to its outputs (briefpdf.cache)."""


@dataclass(frozen=True)
class Located:
    """One reported problem."""

    file: str
    line: int
    column: int
    message: str


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``: its bytes and modification time."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def hostile_project(project: Project) -> Project:
    """A project with the corpus styles and assets, and an out/ holding earlier builds."""
    shutil.copytree(CORPUS / "styles", project.root / "styles", dirs_exist_ok=True)
    shutil.copytree(CORPUS / "assets", project.root / "assets", dirs_exist_ok=True)
    return project


def seed_out(project: Project, slug: str) -> dict[str, tuple[bytes, int]]:
    """Put an earlier output for ``slug`` and an unrelated file in out/; snapshot it."""
    out = project.root / "out"
    out.mkdir(exist_ok=True)
    (out / f"{slug}.pdf").write_bytes(OLD_PDF)
    (out / "unrelated.pdf").write_bytes(OLD_PDF)
    return snapshot(out)


def problems_of(run: Run) -> list[Located]:
    """Parse stderr: every line must be a located problem or the closing summary."""
    assert "Traceback" not in run.err, run.err
    assert "internal error" not in run.err, run.err
    found = []
    for line in run.err.splitlines():
        if SUMMARY.match(line):
            continue
        match = PROBLEM.match(line)
        assert match, f"not a file:line:column: message line: {line!r}\n{run.err}"
        found.append(Located(match["file"], int(match["line"]), int(match["column"]),
                             match["message"]))
    return found


def build_case(project: Project, name: str, content: str | bytes, *args: str) -> BuildResult:
    """Write briefings/<name>.yaml, seed out/, build it in a subprocess."""
    project.write(f"briefings/{name}.yaml", content)
    before = seed_out(project, name)
    run = project.run("build", f"briefings/{name}.yaml", *args, timeout=HANG_GUARD)
    return BuildResult(project, name, run, before)


@dataclass
class BuildResult:
    project: Project
    slug: str
    run: Run
    before: dict[str, tuple[bytes, int]]

    @property
    def pdf(self) -> Path:
        return self.project.root / "out" / f"{self.slug}.pdf"

    def failed(self) -> list[Located]:
        """The build refused the input: exit 1, located messages, out/ untouched."""
        assert self.run.code == 1, (self.run.code, self.run.err)
        problems = problems_of(self.run)
        assert problems, self.run.err
        assert all(p.file == f"briefings/{self.slug}.yaml" or p.file.startswith("styles/")
                   for p in problems), self.run.err
        assert snapshot(self.project.root / "out") == self.before, "out/ was changed"
        return problems

    def built(self) -> str:
        """The build succeeded: a valid PDF replaced the old one and nothing else changed.

        Returns the text of all pages with all whitespace removed (line breaks are the
        layout's, not the user's), for exact comparisons with :func:`squash`."""
        assert self.run.code == 0, self.run.err
        assert "Traceback" not in self.run.err and "internal error" not in self.run.err
        after = snapshot(self.project.root / "out")
        after.pop(CACHE, None)
        assert set(after) == set(self.before), "out/ gained or lost files"
        changed = {k for k in after if after[k] != self.before[k]}
        assert changed == {f"{self.slug}.pdf"}, changed
        return check_pdf(self.pdf)


def check_pdf(path: Path) -> str:
    """The PDF opens in pypdf (strict) and renders with pdfium; return its squashed text."""
    reader = pypdf.PdfReader(str(path), strict=True)
    assert len(reader.pages) >= 1
    for page in reader.pages:
        page.extract_text()
    doc = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(doc)):
            bitmap = doc[index].render(scale=0.25)
            assert bitmap.width > 0 and bitmap.height > 0
    finally:
        doc.close()
    return squash("".join(pdf_pages_text(path)))


def body_text(path: Path) -> str:
    """The squashed text inside the default style's body frame on every page, without
    the page furniture (running head, footer) that would interrupt text split across
    pages. Page one's frame reaches the top edge (the masthead bleeds)."""
    from briefpdf.model.document import load_style

    margins = load_style("default", path.parent)[0].page.margins
    doc = pdfium.PdfDocument(str(path))
    try:
        parts = []
        for index in range(len(doc)):
            page = doc[index]
            width, height = page.get_size()
            top = height if index == 0 else height - margins.top + 0.5
            parts.append(page.get_textpage().get_text_bounded(
                0, margins.bottom - 0.5, width, top))
        return squash("".join(parts))
    finally:
        doc.close()


def squash(text: str) -> str:
    """Text without whitespace or pdfium's line-break markers."""
    text = text.replace("\ufffe", "").replace("\x02", "")
    return re.sub(r"\s+", "", text)


def assert_problem(problems: list[Located], line: int, column: int, *fragments: str) -> None:
    """Some problem is at line:column and its message has every fragment."""
    here = [p for p in problems if (p.line, p.column) == (line, column)]
    assert here, f"no problem at {line}:{column}; got {problems}"
    assert any(all(f.lower() in p.message.lower() for f in fragments) for p in here), \
        f"at {line}:{column} expected {fragments}; got {[p.message for p in here]}"

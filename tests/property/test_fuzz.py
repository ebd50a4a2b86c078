"""Property-based tests: random valid and invalid briefings never make an exception
escape the CLI, and every PDF produced opens strictly in pypdf and renders in pdfium.

CI runs a few examples; `HYPOTHESIS_PROFILE=long` runs thousands (docs/limits.md)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefpdf.cli import main

_QUIET = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
settings.register_profile("ci", max_examples=20, deadline=None, suppress_health_check=_QUIET,
                          print_blob=True)
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=_QUIET)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

MARKUP = ["<b>", "</i>", "<img src='x'/>", "<font size=40>", "&amp;", "&#x41;", "&lt;",
          "<seq/>", "<para>", "<a href='javascript:x'>", "**", "*", "_", "[", "](", ")",
          "https://example.org", "www.example.org", "…", "“", "’", "–", "\\"]
_chars = st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"))
TEXT = st.lists(st.one_of(st.text(_chars, min_size=1, max_size=12), st.sampled_from(MARKUP)),
                min_size=1, max_size=8).map("".join).filter(lambda s: s.strip())

BLOCK = st.one_of(
    TEXT,
    st.builds(lambda items: {"bullets": items}, st.lists(TEXT, min_size=1, max_size=3)),
    st.builds(lambda items: {"numbered": items}, st.lists(TEXT, min_size=1, max_size=3)),
    st.builds(lambda t, title: {"callout": t, "title": title}, TEXT, TEXT),
    st.builds(lambda t, by: {"quote": t, "by": by}, TEXT, TEXT),
    st.builds(lambda t, n: {"links": [{"title": t, "url": "https://example.org/a", "note": n}]},
              TEXT, TEXT),
)
SECTION = st.builds(lambda h, blocks: {"heading": h, "content": blocks}, TEXT,
                    st.lists(BLOCK, max_size=4))
BRIEFING = st.fixed_dictionaries(
    {"title": TEXT, "sections": st.lists(SECTION, min_size=1, max_size=3)},
    optional={"subtitle": TEXT, "kind": TEXT.map(lambda s: s[:40]).filter(str.strip),
              "summary": TEXT, "classification": TEXT.map(lambda s: s[:60]).filter(str.strip),
              "author": TEXT, "questions": st.lists(TEXT, min_size=1, max_size=2),
              "feedback": st.fixed_dictionaries({}, optional={"heading": TEXT, "text": TEXT,
                                                              "closing": TEXT})})


def _run(content: bytes) -> tuple[int, str, Path | None]:
    """Build ``content`` in a fresh project with the real CLI, in this process."""
    import contextlib
    import io

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "briefings").mkdir()
        (root / "briefings" / "fuzz.yaml").write_bytes(content)
        err = io.StringIO()
        cwd = os.getcwd()
        os.chdir(root)
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = main(["build", "briefings/fuzz.yaml"])
        finally:
            os.chdir(cwd)
        pdf = root / "out" / "fuzz.pdf"
        if pdf.exists():
            _check_pdf(pdf)
        return code, err.getvalue(), pdf if pdf.exists() else None


def _check_pdf(path: Path) -> None:
    reader = pypdf.PdfReader(str(path), strict=True)
    for page in reader.pages:
        page.extract_text()
    doc = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(doc)):
            assert doc[index].render(scale=0.2).width > 0
    finally:
        doc.close()


def _answered(code: int, err: str) -> None:
    assert code in (0, 1), err
    assert "Traceback" not in err and "internal error" not in err, err


@given(BRIEFING)
def test_random_valid_briefings_build_clean_pdfs(data):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    code, err, pdf = _run(text.encode("utf-8"))
    _answered(code, err)
    assert code == 1 or pdf is not None


YAMLISH = st.lists(st.sampled_from(list("abc :-[]{}#&*!|>'\"\n\t %@`,?<;\\")
                                   + ["title: ", "sections:\n", "- heading: ", "content:\n",
                                      "  ", "&a ", "*a", "---\n"]),
                   max_size=80).map("".join)


@given(YAMLISH)
def test_random_yamlish_documents_are_answered(text):
    code, err, _ = _run(text.encode("utf-8"))
    _answered(code, err)


@given(BRIEFING, st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=3)),
                          min_size=1, max_size=4))
def test_mutated_valid_briefings_are_answered(data, edits):
    raw = bytearray(yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8"))
    for position, replacement in edits:
        at = position % (len(raw) + 1)
        raw[at:at + len(replacement) % 3] = replacement
    code, err, _ = _run(bytes(raw))
    _answered(code, err)


@pytest.fixture(autouse=True)
def _no_debug(monkeypatch):
    monkeypatch.delenv("BRIEFPDF_DEBUG", raising=False)

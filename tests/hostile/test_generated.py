"""Hostile inputs made byte by byte: encodings, binary and empty files, control
characters, huge files and lists, 5,000-character words and ReportLab markup in every
text field, and the page limit. Same rule as the corpus: a correct PDF with the text
exactly as typed, or located messages with out/ untouched."""

from __future__ import annotations

import random

import pytest
import yaml
from hostile_support import assert_problem, body_text, build_case, hostile_project, squash

BODY = "title: Encodings\nsections:\n  - heading: Café – “quoted” ‘text’ … Zürich ŵ ł ğ ệ\n"
TYPED = "Café – “quoted” ‘text’ … Zürich ŵ ł ğ ệ"


@pytest.mark.parametrize("name, data", [
    ("utf8-bom", b"\xef\xbb\xbf" + BODY.encode("utf-8")),
    ("utf16-le-bom", BODY.encode("utf-16")),
    ("utf16-be-bom", b"\xfe\xff" + BODY.encode("utf-16-be")),
    ("crlf", BODY.replace("\n", "\r\n").encode("utf-8")),
])
def test_accepted_encodings_keep_the_text(project, name, data):
    text = build_case(hostile_project(project), name, data).built()
    assert squash(TYPED) in text


@pytest.mark.parametrize("name, data, line, column, words", [
    ("latin-1", "title: Café\nsections: []\n".encode("latin-1"), 1, 11,
     ("not UTF-8", "0xE9", "save it as UTF-8")),
    ("windows-1252", "title: x\nsummary: “Quoted”\n".encode("cp1252"), 2, 10,
     ("not UTF-8", "0x93")),
    ("utf16-no-bom", BODY.encode("utf-16-le"), 1, 2, ("UTF-16 without a byte-order mark",)),
    ("png-bytes", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 3, 1,
     ("binary file",)),
    ("random-bytes", random.Random(6).randbytes(4096), 1, 36, ("binary file",)),
    ("nul-in-text", b"title: a\x00b\nsections: []\n", 1, 9, ("binary file",)),
    ("empty", b"", 1, 1, ("empty", "briefpdf new")),
    ("whitespace-only", b"  \n\n   \n", 1, 1, ("empty",)),
    ("bell", b"title: a\x07b\nsections: []\n", 1, 9, ("U+0007", "delete it")),
    ("escape", b"title: T\nsummary: \x1b[31mred\n", 2, 10, ("U+001B",)),
    ("form-feed", b"title: T\n\x0csections: []\n", 2, 1, ("U+000C",)),
    ("delete", b"title: T\x7f\n", 1, 9, ("U+007F",)),
    ("c1-ellipsis", "title: Wait\x85\n".encode(), 1, 12, ("U+0085", "…")),
    ("line-separator", "title: a\u2028b\n".encode("utf-8"), 1, 9, ("U+2028", "Enter")),
    ("too-big", b"title: x\nsummary: " + b"word " * 400_001, 1, 1,
     ("bytes, over the limit of 2,000,000", "split")),
], ids=lambda value: value if isinstance(value, str) and len(value) < 40 else "")
def test_refused_bytes(project, name, data, line, column, words):
    problems = build_case(hostile_project(project), name, data).failed()
    assert len(problems) == 1, problems
    assert_problem(problems, line, column, *words)


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, width=10**9, sort_keys=False)


def test_list_of_20000_items_is_refused_at_the_list(project):
    items = "".join(f"          - item {i}\n" for i in range(20_000))
    text = f"title: T\nsections:\n  - heading: H\n    content:\n      - bullets:\n{items}"
    problems = build_case(hostile_project(project), "items", text).failed()
    assert_problem(problems, 6, 11, "20,000 items", "limit of 5,000")


def test_very_deep_nesting_is_refused(project):
    text = "title: T\nsections:\n" + "".join("  " * i + "- a:\n" for i in range(1, 70))
    problems = build_case(hostile_project(project), "deep", text).failed()
    assert len(problems) == 1 and "nested more than 50 levels" in problems[0].message


def test_flow_nesting_bomb_is_refused(project):
    problems = build_case(hostile_project(project), "brackets",
                          "title: " + "[" * 5000 + "]" * 5000 + "\n").failed()
    assert len(problems) == 1 and "nested more than" in problems[0].message


def test_past_the_page_limit_is_refused(project):
    """Each image takes most of a page; 230 of them pass the 200-page limit."""
    images = [{"image": "../assets/tall.png", "alt": f"Photo {i}"} for i in range(230)]
    text = _dump({"title": "Many pages", "sections": [{"heading": "H", "content": images}]})
    problems = build_case(hostile_project(project), "pages", text).failed()
    assert_problem(problems, 1, 1, "past 200 pages", "split")


def _word(letter: str) -> str:
    return letter * 5000


# Fields printed in the body: a 5,000-character word is laid out (broken across lines).
def _long_body() -> tuple[dict, list[str]]:
    w = _word
    data = {
        "title": "Long words", "summary": w("a"), "questions": [w("b")],
        "sections": [{"heading": w("c"), "content": [
            w("d"), {"bullets": [w("e")]}, {"numbered": [w("f")]},
            {"callout": w("g"), "title": w("h")}, {"quote": w("i"), "by": w("j")},
            {"links": [{"title": w("k"), "url": "https://example.org/", "note": w("m")}]},
            {"image": "../assets/photo.png", "alt": w("n")},
        ]}],
        "feedback": {"heading": w("p"), "text": w("q"), "closing": w("r"),
                     "email": "team@example.org"},
    }
    return data, [w(c) for c in "abcdefghijkmpqr"]


def test_5000_character_words_in_body_fields_are_laid_out(project):
    data, expected = _long_body()
    result = build_case(hostile_project(project), "long-body", _dump(data))
    result.built()
    text = body_text(result.pdf)
    for word in expected:
        assert word in text, word[0]


def test_5000_character_words_in_short_fields_are_refused(project):
    """Title band, page furniture and link addresses have tighter limits, each located."""
    w = _word("W")
    data = {"title": w, "subtitle": w, "kind": w, "author": w, "classification": w,
            "sections": [{"heading": "H", "content": [
                {"links": [{"title": "T", "url": "https://example.org/" + w}]}]}],
            "feedback": {"email": "a@" + w + ".org", "twitter": "@" + w,
                         "website": "https://" + w + ".org", "survey": "https://e.org/" + w}}
    problems = build_case(hostile_project(project), "long-short", _dump(data)).failed()
    limits = {"title": "200", "subtitle": "300", "kind": "40", "author": "200",
              "classification": "60", "url": "2,000", "email": "254", "twitter": "50",
              "website": "2,000", "survey": "2,000"}
    assert sorted(p.message.split("'")[1] for p in problems) == sorted(limits), problems
    for problem in problems:
        field = problem.message.split("'")[1]
        assert "too long (5,0" in problem.message
        assert f"the limit is {limits[field]})" in problem.message


MARKUP = ('<img src="/etc/passwd"/> <font size="40" color="red">big</font> '
          '<a href="javascript:alert(1)">x</a> <seq id="n"/><seqreset/> <para>p</para> '
          "&amp; &#x41; &lt; &nbsp; <br/> <b>bold?</b> <![CDATA[x]]> <!-- c -->")
SHORT = '<font color="red">&#x41;</font>'


HEADER = '<img src="/etc/passwd"/> <font size="40">big</font> &amp; &#x41; <seq/> <para>'


def test_reportlab_markup_in_every_field_is_printed_literally(project):
    m = MARKUP
    data = {
        "title": HEADER, "subtitle": m, "kind": "<b>&amp;</b>", "author": HEADER,
        "classification": SHORT, "summary": m, "questions": [m],
        "sections": [{"heading": m, "content": [
            m, {"bullets": [m]}, {"numbered": [m]}, {"callout": m, "title": m},
            {"quote": m, "by": m},
            {"links": [{"title": m, "url": "https://example.org/a?b=<i>&amp;c", "note": m}]},
        ], "links": [{"title": m, "url": "https://example.org/"}]}],
        "feedback": {"heading": m, "text": m, "closing": m, "email": "team@example.org"},
    }
    result = build_case(hostile_project(project), "markup", _dump(data))
    text = result.built()
    assert text.count(squash(m)) >= 17
    assert text.count(squash(HEADER)) >= 2
    for typed in ("<b>&amp;</b>", SHORT, "https://example.org/a?b=<i>&amp;c"):
        assert squash(typed) in text
    assert "warning:" in result.run.err  # and the writer is told how to format text

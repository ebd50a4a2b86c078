"""The YAML the import writes loads back (with briefpdf's own loader) to exactly the
imported text, however awkward the text is for YAML; and Word formatting turned into
briefpdf's inline Markdown reads back as the same bold, italic and links."""

from __future__ import annotations

import itertools
import string

from docx_maker import full_briefing
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefpdf.importer.assemble import Comment
from briefpdf.importer.inline import to_markdown
from briefpdf.importer.writer import dump
from briefpdf.load.yaml_source import parse_yaml
from briefpdf.model.inline import Span, parse_inline

AWKWARD = ["key: value", "ends with a colon:", "# not a comment", "- not a list", "@handle",
           "'single'", '"double"', "`tick`", "!tag", "&anchor", "*alias", "%percent",
           "|pipe", ">fold", "{brace}", "[bracket]", "  leading", "trailing  ", "yes", "No",
           "null", "~", "2017", "3.50", "0x1F", "1e3", "---", "...", "a\\b", "tab\there",
           "a  two  spaces", "x #y", "x: ", "?", "? q", ":", "-", "–", "“curly”", "…",
           "\u00a0nbsp", "\u2028", "\x07bell", "ü", "😀", "=", "<<"]
_chars = st.characters(blacklist_categories=("Cs",))
TEXT = st.lists(st.one_of(st.text(_chars, min_size=1, max_size=20), st.sampled_from(AWKWARD)),
                min_size=1, max_size=6).map("".join)
LONG = st.lists(st.sampled_from(AWKWARD + ["word", "another", "x" * 30]), min_size=10,
                max_size=40).map(" ".join)
ANY_TEXT = st.one_of(TEXT, LONG)

BLOCK = st.one_of(
    ANY_TEXT,
    st.builds(lambda items: {"bullets": items}, st.lists(ANY_TEXT, min_size=1, max_size=3)),
    st.builds(lambda items: {"numbered": items}, st.lists(ANY_TEXT, min_size=1, max_size=3)),
    st.builds(lambda t, title: {"callout": t, "title": title}, ANY_TEXT, ANY_TEXT),
    st.builds(lambda t, by: {"quote": t, "by": by}, ANY_TEXT, ANY_TEXT),
    st.builds(lambda t, u, n: {"links": [{"title": t, "url": u, "note": n}]},
              ANY_TEXT, ANY_TEXT, ANY_TEXT),
)
SECTION = st.builds(lambda h, c: {"heading": h, "content": c}, ANY_TEXT,
                    st.lists(BLOCK, min_size=1, max_size=4))
BRIEFING = st.builds(
    lambda t, s, sections, feedback: {"title": t, "subtitle": s, "sections": sections,
                                      "feedback": feedback},
    ANY_TEXT, ANY_TEXT, st.lists(SECTION, min_size=1, max_size=3),
    st.fixed_dictionaries({"heading": ANY_TEXT, "text": ANY_TEXT, "twitter": ANY_TEXT,
                           "closing": ANY_TEXT}))


def _without_comments(value):
    if isinstance(value, dict):
        return {k: _without_comments(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_comments(v) for v in value if not isinstance(v, Comment)]
    return value


def _loaded(text: str):
    return parse_yaml(text, "round-trip.yaml").data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BRIEFING, st.lists(TEXT, max_size=2))
def test_any_text_loads_back_exactly(data, comment_lines):
    data["sections"][0]["content"].insert(0, Comment(["Not placed:", *comment_lines]))
    text = dump(data, ["header: with a colon", "# and a hash"])
    assert _loaded(text) == _without_comments(data)


def test_awkward_strings_one_by_one():
    for text in AWKWARD + [" ".join(AWKWARD)]:
        data = {"title": text, "sections": [{"heading": text, "content": [
            text, {"bullets": [text]}, {"callout": text, "title": text}]}],
            "feedback": {"text": text}}
        assert _loaded(dump(data, [])) == data, text


def test_a_list_of_nothing_but_comments_is_an_empty_list():
    data = {"title": "T", "sections": [{"heading": "H", "content": [Comment(["a table"])]}]}
    text = dump(data, [])
    assert "    content: []\n      # a table\n" in text
    assert _loaded(text) == _without_comments(data)


def test_plain_text_stays_plain_and_special_text_is_quoted():
    data = {"title": "Family L", "sections": [{"heading": "What is a CPIR?", "content": [
        "Family L is: Mother, Father"]}], "feedback": {"twitter": "@BristolLSCB"}}
    text = dump(data, [])
    assert "title: Family L\n" in text
    assert "  - heading: What is a CPIR?\n" in text
    assert '      - "Family L is: Mother, Father"\n' in text
    assert '  twitter: "@BristolLSCB"\n' in text


def test_an_imported_word_file_loads_back_to_every_imported_string(tmp_path):
    """Import → load with briefpdf's loader → compare every string with the intermediate."""
    from briefpdf.importer.run import import_file

    full_briefing(tmp_path / "mr-a.docx")
    result = import_file(tmp_path / "mr-a.docx", tmp_path / "briefings")
    loaded = _loaded(result.target.read_text("utf-8"))
    assert loaded == _without_comments(result.imported.data)
    strings = []

    def collect(value):
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(loaded)
    assert len(strings) > 30


RUN_TEXT = st.text(st.sampled_from(string.ascii_letters + " .,:;-'’–"), min_size=1,
                   max_size=15)
RUNS = st.lists(st.builds(Span, RUN_TEXT, st.booleans(), st.booleans(),
                          st.sampled_from([None, None, "https://example.org/a",
                                           "mailto:x@example.org"])),
                min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(RUNS)
@example([Span(":"), Span(" ", href="https://example.org/a"), Span(":")])  # a link on a space
def test_formatting_reads_back_as_it_went_in(runs):
    """Bold, italic and links of Word runs come back from briefpdf's own inline parser:
    always the same text and links; the same bold and italic wherever Markdown can say
    it: formatting that starts and ends on a letter, changing between words (as Word's
    formatting nearly always does)."""
    markdown, exact = to_markdown(runs)
    wanted = "".join(r.text for r in runs)
    spans = parse_inline(markdown)
    assert " ".join("".join(s.text for s in spans).split()) == " ".join(wanted.split())
    for run in runs:
        if run.href and run.text.strip():
            assert any(s.href == run.href for s in spans), (runs, markdown)
    clean = all(r.text.strip()[:1].isalnum() and r.text.strip()[-1:].isalnum()
                for r in runs if (r.bold or r.italic) and r.text.strip()) and all(
        a.text[-1:].isspace() or b.text[:1].isspace() for a, b in itertools.pairwise(runs))
    if clean:
        assert exact, (runs, markdown)


def test_text_that_would_read_as_formatting_is_reported():
    markdown, exact = to_markdown([Span("Use *this* and [that](https://x.org) literally")])
    assert not exact
    markdown, exact = to_markdown([Span("5 * 3 = 15 and a_b_c < d")])
    assert exact and markdown == "5 * 3 = 15 and a_b_c < d"

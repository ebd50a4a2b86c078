"""The hostile-input corpus: every file in corpus/briefings/ is built as a user would
(`briefpdf build`, in a subprocess with a hang guard). Each answer is either a correct
PDF whose text is exactly what was typed, or exit 1 with `file:line:column: message`
lines, no traceback, and out/ byte-for-byte untouched (see hostile_support)."""

from __future__ import annotations

import pytest
from hostile_support import CORPUS, assert_problem, build_case, hostile_project, squash

# name → every (line, column, words the message must contain) expected
REFUSED: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {
    "tab-indent": [(3, 1, ("tab", "spaces"))],
    "unclosed-quote": [(1, 8, ("never closed", "quote"))],
    "unclosed-list": [(2, 11, ("[", "never closed", "]"))],
    "two-documents": [(4, 1, ("more than one YAML document", "---"))],
    "alias-bomb": [(7, 8, ("more than 100,000 values", "aliases"))],
    "alias-loop": [(4, 14, ("*s", "contains it"))],
    "undefined-alias": [(1, 8, ("*name", "not defined"))],
    "python-tag": [(1, 8, ("'title' should be text",))],
    "top-level-list": [(1, 1, ("group of keys", "title:", "briefpdf new"))],
    "top-level-text": [(1, 1, ("group of keys", "title:"))],
    "comments-only": [(1, 1, ("empty", "briefpdf new"))],
    "list-for-mapping": [(3, 3, ("'sections' should be a list", "- ")),
                         (5, 3, ("'feedback' should be a group of keys",))],
    "text-for-list": [(2, 12, ("'questions' should be a list",)),
                      (6, 18, ("'bullets' should be a list",)),
                      (7, 16, ("'links' should be a list",))],
    "wrong-types": [(2, 7, ("2017-13", "not a real date")),
                    (3, 17, ("'classification' should be text", "list")),
                    (4, 10, ("'summary' should be text", "group of keys")),
                    (5, 14, ("true or false", "maybe")),
                    (6, 9, ("standard", "seven-minute")),
                    (7, 11, ("English (UK)", "language tag", "en-GB")),
                    (9, 13, ("'heading' should be text", "empty")),
                    (11, 9, ("a block is a paragraph",)),
                    (12, 9, ("a block is a paragraph",)),
                    (13, 9, ("a block is a paragraph",)),
                    (14, 19, ("must not be empty",)),
                    (15, 17, ("alt text",)),
                    (16, 59, ("'huge' is not a length", "18mm")),
                    (17, 5, ("sections: item 2", "group of keys"))],
    "duplicate-keys": [(2, 1, ("'title' is written twice", "line 1", "keep one")),
                       (5, 5, ("'heading' is written twice", "line 4"))],
    "misspelt-nested": [(4, 5, ("unknown key 'contnet'", "did you mean 'content'")),
                        (6, 5, ("unknown key 'haeding'", "did you mean 'heading'")),
                        (8, 9, ("did you mean 'bullets'",)),
                        (10, 9, ("unknown key 'tilte'", "did you mean 'title'")),
                        (12, 3, ("unknown key 'emial'", "did you mean 'email'"))],
    "unsafe-links": [(2, 10, ("'javascript:' are not allowed", "https://")),
                     (6, 9, ("'file:' are not allowed",)),
                     (9, 18, ("'javascript:' are not allowed",)),
                     (11, 18, ("'file:' are not allowed",)),
                     (13, 18, ("'data:' are not allowed",)),
                     (15, 18, ("not a full web address", "https://")),
                     (18, 14, ("'vbscript:' are not allowed",)),
                     (20, 12, ("'javascript:' are not allowed",))],
    "images-outside": [(5, 17, ("outside the project folder", "copy the image")),
                       (6, 17, ("/etc/hostname", "outside the project folder")),
                       (7, 17, ("outside the project folder",))],
    "images-fake": [(5, 17, ("not a PNG or JPEG",)),
                    (6, 17, ("looks like a JPEG but cannot be read",)),
                    (7, 17, ("looks like a PNG but cannot be read",)),
                    (8, 17, ("image not found",)),
                    (9, 17, ("image not found",))],
    "style-missing": [(2, 8, ("no style named 'no-such-style'", "available: cycle-a"))],
}

# Problems reported in a style file rather than the briefing: (file, line, column, words)
REFUSED_IN_STYLE: dict[str, tuple[str, int, int, tuple[str, ...]]] = {
    "style-cycle-a": ("styles/cycle-b.yaml", 2, 10, ("circle", "cycle-a.yaml → ")),
    "style-fake-font": ("styles/fake-font.yaml", 3, 19, ("not a TrueType font",)),
    "style-fake-logo": ("styles/fake-logo.yaml", 3, 12, ("not a PNG or JPEG",)),
    "style-outside-logo": ("styles/outside-logo.yaml", 3, 12, ("/etc/passwd",)),
    "style-not-a-mapping": ("styles/not-a-mapping.yaml", 1, 1, ("group of keys",)),
    "style-wrong-values": ("styles/wrong-values.yaml", 3, 20, ("'purple' is not a colour",)),
}

# Built: every string here must appear in the PDF exactly as typed (whitespace aside).
BUILT: dict[str, list[str]] = {
    "colon-in-text": ["Meeting note: read before Monday"],
    "pasted-html": ["<h1>Pasted from a web page</h1>", "<b>What happened</b>",
                    '<p>The family moved <a href="https://example.org">twice</a> &amp; '
                    "changed GP.</p>", "<ul><li>first</li><li>second</li></ul>"],
    "typed-scalars": ["2017", "true", "3.50", "0x1F", "no", "1e3", "007", "12:30", "yes",
                      "1.0", "off", "~tilde", ".inf"],
}


def test_every_corpus_file_has_an_expectation():
    names = {p.stem for p in (CORPUS / "briefings").glob("*.yaml")}
    assert names == set(REFUSED) | set(REFUSED_IN_STYLE) | set(BUILT) | {"misspelt-keys"}


def _copy(name: str) -> bytes:
    return (CORPUS / "briefings" / f"{name}.yaml").read_bytes()


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_located_messages(project, name):
    result = build_case(hostile_project(project), name, _copy(name))
    problems = result.failed()
    for line, column, words in REFUSED[name]:
        assert_problem(problems, line, column, *words)
    assert len(problems) == len(REFUSED[name]), problems
    assert not (project.root / "owned.txt").exists()


@pytest.mark.parametrize("name", sorted(REFUSED_IN_STYLE))
def test_broken_styles_are_located_in_the_style_file(project, name):
    result = build_case(hostile_project(project), name, _copy(name))
    file, line, column, words = REFUSED_IN_STYLE[name]
    problems = [p for p in result.failed() if p.file == file]
    assert_problem(problems, line, column, *words)


@pytest.mark.parametrize("name", sorted(BUILT))
def test_built_with_text_exactly_as_typed(project, name):
    result = build_case(hostile_project(project), name, _copy(name))
    text = result.built()
    for typed in BUILT[name]:
        assert squash(typed) in text, typed


def test_new_user_misspells_a_key(project):
    """`titel:` is answered with the right key, not with a second 'title is required'."""
    result = build_case(hostile_project(project), "misspelt-keys",
                        _copy("misspelt-keys"))
    problems = result.failed()
    assert [(p.line, p.column) for p in problems] == [(1, 1), (2, 1)]
    assert_problem(problems, 1, 1, "unknown key 'titel'", "did you mean 'title'?")
    assert_problem(problems, 2, 1, "unknown key 'sectons'", "did you mean 'sections'?")


def test_new_user_indents_with_a_tab(project):
    result = build_case(hostile_project(project), "tab", "title: T\nsections:\n\t- heading: H\n")
    [problem] = result.failed()
    assert (problem.line, problem.column) == (3, 1)
    assert "YAML needs spaces (indent with 2 spaces)" in problem.message


def test_new_user_pastes_html(project):
    """Pasted HTML is printed as typed (the format's rule) and a warning says what to do."""
    result = build_case(hostile_project(project), "pasted-html", _copy("pasted-html"))
    text = result.built()
    assert squash("<h1>Pasted from a web page</h1>") in text
    assert "briefings/pasted-html.yaml:1:8: warning: <h1> looks like pasted HTML" in result.run.err
    assert "**bold**, *italic* or [link text](https://…)" in result.run.err


def test_a_real_image_outside_the_project_is_refused(project, tmp_path_factory):
    """Even a valid PNG is refused when it lies outside the project folder."""
    outside = tmp_path_factory.mktemp("elsewhere") / "photo.png"
    outside.write_bytes((CORPUS / "assets" / "photo.png").read_bytes())
    text = (f"title: T\nsections:\n  - heading: H\n    content:\n"
            f"      - {{image: {outside}, alt: A photo}}\n")
    problems = build_case(hostile_project(project), "outside", text).failed()
    assert_problem(problems, 5, 17, "outside the project folder", "copy the image")

"""Safe schemes only: https, http, mailto; www. means https; anything else is an error
at file:line:column, for `validate` and `build` alike (and nothing is written)."""

from __future__ import annotations

import pytest

from conftest import pdf_links

HEAD = "title: Schemes\nsections:\n  - heading: Guidance\n"


@pytest.mark.parametrize(("body", "line", "column", "scheme"), [
    # a link-section entry: reported at its url: value
    ("    links:\n      - title: Click me\n        url: javascript:alert(1)\n", 6, 14,
     "javascript"),
    ("    links:\n      - title: A file\n        url: file:///etc/passwd\n", 6, 14, "file"),
    # inline links in text: reported at the text
    ("    content:\n      - Open [x](data:text/html;base64,PHNjcmlwdD4=) now.\n", 5, 9, "data"),
    ("    content:\n      - bullets:\n          - See <ftp://example.org/file>\n", 6, 13, "ftp"),
    ("    content:\n      - callout: '[run](vbscript:msgbox)'\n", 5, 18, "vbscript"),
])
def test_unsafe_schemes_fail_validation_at_their_line(project, body, line, column,
                                                      scheme) -> None:
    project.briefing("bad", HEAD + body)
    result = project.run("validate", "briefings/bad.yaml")
    assert result.code == 1
    assert f"briefings/bad.yaml:{line}:{column}: " in result.err, result.err
    assert (f"links with '{scheme}:' are not allowed (only https, http, mailto and tel)"
            in result.err)
    assert "Traceback" not in result.err


def test_build_refuses_an_unsafe_link_and_writes_nothing(project) -> None:
    project.briefing("bad", HEAD + "    links:\n      - {title: X, url: 'javascript:alert(1)'}\n")
    build = project.run("build", "briefings/bad.yaml")
    assert build.code == 1 and "briefings/bad.yaml:5:" in build.err
    assert not (project.root / "out" / "bad.pdf").exists()


def test_unsafe_scheme_in_feedback_is_located(project) -> None:
    project.briefing("bad", HEAD + "    content: [Text.]\nfeedback:\n"
                                   "  survey: javascript:void(0)\n")
    result = project.run("validate", "briefings/bad.yaml")
    assert result.code == 1
    assert "briefings/bad.yaml:6:11: " in result.err and "'javascript:'" in result.err


def test_every_bad_link_is_reported_at_once(project) -> None:
    project.briefing("bad", HEAD + (
        "    content:\n      - '[a](javascript:x)'\n"
        "    links:\n      - {title: B, url: 'file:///c'}\n"))
    result = project.run("validate", "briefings/bad.yaml")
    assert result.code == 1
    assert "bad.yaml:5:9:" in result.err and "bad.yaml:7:" in result.err


def test_safe_schemes_become_the_right_uris(project) -> None:
    project.briefing("ok", HEAD + (
        "    content:\n"
        "      - Go to www.example.org/a, [b](http://example.org/b) or [c](www.example.org/c).\n"
        "    links:\n"
        "      - {title: W, url: www.example.org/w}\n"
        "      - {title: M, url: 'mailto:a@example.org?subject=Feedback on Family L&body=Hi'}\n"
        "      - {title: U, url: 'https://example.org/caf\u00e9?q=a%20b'}\n"))
    assert project.run("validate", "briefings/ok.yaml").code == 0
    uris = {uri for _, uri, _ in pdf_links(project.build("ok"))}
    assert uris == {
        "https://www.example.org/a", "http://example.org/b", "https://www.example.org/c",
        "https://www.example.org/w",
        "mailto:a@example.org?subject=Feedback%20on%20Family%20L&body=Hi",
        "https://example.org/caf%C3%A9?q=a%20b",
    }


def test_a_space_in_a_web_address_is_an_error(project) -> None:
    project.briefing("bad", HEAD + "    links:\n"
                                   "      - {title: S, url: 'https://example.org/a b'}\n")
    result = project.run("validate", "briefings/bad.yaml")
    assert result.code == 1 and "contains a space" in result.err

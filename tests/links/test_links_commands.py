"""`briefpdf links` and `briefpdf check-links`, run as a user runs them.

check-links talks only to a server on 127.0.0.1 that the test starts: never the internet.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import serving

STYLE = """\
name: House
extends: default
feedback:
  heading: Feedback
  email: board@example.org
"""

BRIEFING = """\
title: Links to review
style: house
summary: Start with the [overview](https://example.org/overview).
sections:
  - heading: Guidance
    content:
      - >-
        Folded text that runs on
        and links to www.example.org/folded here.
      - links:
          - title: In the flow
            url: https://example.org/flow
    links:
      - title: Information sharing
        url: https://example.org/info
feedback:
  survey: https://example.org/survey
  twitter: "@BoardLSCB"
"""


@pytest.fixture
def reviewed(project):
    project.write("styles/house.yaml", STYLE)
    project.briefing("b", BRIEFING)
    return project


def at(text: str, needle: str) -> str:
    """``line:column`` (1-based) of the first ``needle`` in ``text``."""
    before = text[: text.index(needle)]
    return f"{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10))}"


QUOTED_HANDLE = '"@BoardLSCB"'


def _rows(out: str) -> list[list[str]]:
    return [line.split(None, 1)[:1] + [line.split(None, 1)[1].rsplit(None, 1)[0].strip(),
                                       line.rsplit(None, 1)[1]]
            for line in out.splitlines()[1:]]


def test_links_lists_every_link_with_where_it_is(reviewed) -> None:
    result = reviewed.run("links", "briefings/b.yaml")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0].split() == ["WHERE", "TITLE", "URL"]
    b, style = "briefings/b.yaml", "styles/house.yaml"
    assert _rows(result.out) == [
        [f"{b}:{at(BRIEFING, 'https://example.org/overview')}", "overview",
         "https://example.org/overview"],
        [f"{b}:{at(BRIEFING, 'www.example.org/folded')}", "(address in the text)",
         "https://www.example.org/folded"],
        [f"{b}:{at(BRIEFING, 'https://example.org/flow')}", "In the flow",
         "https://example.org/flow"],
        [f"{b}:{at(BRIEFING, 'https://example.org/info')}", "Information sharing",
         "https://example.org/info"],
        [f"{b}:{at(BRIEFING, 'https://example.org/survey')}", "Feedback survey",
         "https://example.org/survey"],
        [f"{b}:{at(BRIEFING, QUOTED_HANDLE)}", "Feedback twitter",  # a value: at its quote
         "https://twitter.com/BoardLSCB"],
        # left to the style: found where the style writes it
        [f"{style}:{at(STYLE, 'board@example.org')}", "Feedback email",
         "mailto:board@example.org"],
    ]
    assert at(BRIEFING, "https://example.org/info") == "15:14"  # the helper itself


def test_links_reports_bad_files_and_lists_the_rest(reviewed) -> None:
    reviewed.briefing("bad", "title: Bad\nsections:\n  - heading: H\n    links:\n"
                             "      - {title: X, url: 'javascript:alert(1)'}\n")
    result = reviewed.run("links")  # no PATH: every briefing in briefings/
    assert result.code == 1
    assert "briefings/bad.yaml:5:" in result.err and "'javascript:'" in result.err
    assert "https://example.org/info" in result.out


def test_links_without_briefings_is_a_usage_error(project) -> None:
    result = project.run("links")
    assert result.code == 2 and "no briefings found" in result.err


LOCAL = ("--allow-host", "127.0.0.1")
"""The test server is on loopback, which check-links does not contact unless allowed."""


# --- check-links against a local server ------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.release = threading.Event()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    """/ok 200, /moved 301 → /ok, /gone 404, /slow answers only when the test ends."""

    server: _Server

    def do_HEAD(self) -> None:  # noqa: N802 - http.server naming
        self._answer()

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._answer()

    def _answer(self) -> None:
        if self.path == "/slow":
            self.server.release.wait(30)
        code = {"/ok": 200, "/slow": 200, "/moved": 301}.get(self.path, 404)
        self.send_response(code)
        if code == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server() -> Iterator[_Server]:
    with serving(_Server()) as srv:
        yield srv


def _checked(project, server: _Server) -> str:
    base = server.base
    text = f"""\
title: Site
sections:
  - heading: Links
    content:
      - Fine at [ok]({base}/ok), gone at {base}/gone.
    links:
      - {{title: Moved, url: "{base}/moved"}}
      - {{title: Slow, url: "{base}/slow"}}
      - {{title: Write, url: "mailto:a@example.org"}}
"""
    project.briefing("site", text)
    return text


def test_check_links_reports_each_link_and_fails_on_broken(project, server) -> None:
    text = _checked(project, server)
    result = project.run("check-links", "--timeout", "0.5", "-j", "4", *LOCAL)
    base, f = server.base, "briefings/site.yaml"
    assert result.code == 1, result.err
    lines = result.out.splitlines()
    moved, slow, mail = (at(text, f'"{value}') for value in (
        f"{base}/moved", f"{base}/slow", "mailto:"))  # values: at their opening quote
    assert f"{f}:{at(text, base + '/ok')}: OK {base}/ok — HTTP 200 OK" in lines
    assert f"{f}:{at(text, base + '/gone')}: BROKEN {base}/gone — HTTP 404 Not Found" in lines
    assert (f"{f}:{moved}: REDIRECTED {base}/moved — HTTP 200 OK after "
            f"1 redirect to {base}/ok") in lines
    assert f"{f}:{slow}: UNREACHABLE {base}/slow — timed out after 0.5s" in lines
    assert f"{f}:{mail}: SKIPPED mailto:a@example.org — mailto: not checked" in lines
    assert lines[-1] == "5 links: 1 ok, 1 redirected, 1 broken, 1 unreachable, 1 skipped"


def test_check_links_json(project, server) -> None:
    _checked(project, server)
    result = project.run("check-links", "briefings/site.yaml", "--json", "--timeout", "0.5",
                         *LOCAL)
    assert result.code == 1
    document = json.loads(result.out)
    statuses = {link["url"].rsplit("/", 1)[-1]: link["status"] for link in document["links"]}
    assert statuses == {"ok": "ok", "gone": "broken", "moved": "redirected",
                        "slow": "unreachable", "mailto:a@example.org": "skipped"}
    moved = next(link for link in document["links"] if link["url"].endswith("/moved"))
    assert moved["final_url"] == f"{server.base}/ok" and moved["line"] == 7
    assert document["summary"]["total"] == 5


def test_check_links_passes_when_every_link_works(project, server) -> None:
    project.briefing("fine", f"title: Fine\nsections:\n  - heading: H\n    links:\n"
                             f"      - {{title: A, url: '{server.base}/ok'}}\n"
                             f"      - {{title: B, url: '{server.base}/moved'}}\n")
    result = project.run("check-links", "briefings/fine.yaml", *LOCAL)
    assert result.code == 0, result.out + result.err
    assert result.out.splitlines()[-1] == "2 links: 1 ok, 1 redirected"


@pytest.mark.parametrize("option", [["-j", "0"], ["--timeout", "0"], ["--timeout", "soon"]])
def test_check_links_rejects_bad_options(project, option) -> None:
    project.briefing("b", "title: T\nsections: [{heading: H}]\n")
    result = project.run("check-links", *option)
    assert result.code == 2 and "Traceback" not in result.err

"""Faults from the fault-injection trial (issue 21) in link handling.

check-links must not be a way into internal addresses (loopback, private, link-local,
numeric hosts), neither directly, after DNS resolution nor after a redirect; a slow
server cannot hold it past --timeout; Ctrl-C stops it at once with what was checked.
Deceptive links are warnings at their line; `briefpdf links` shows punycode.

Every request goes to a server this test starts on 127.0.0.1 (loopback is itself an
internal address: that is how the refusal is proven).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from briefpdf.links.check import LinkRef, check_links
from conftest import serving

DRIBBLE_GAP = 0.2
"""Seconds between the bytes of the slow server's answer."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.counts: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.release = threading.Event()
        self.dribbling = threading.Event()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


class _Handler(BaseHTTPRequestHandler):
    """/ok; /to-loopback redirects to 127.0.0.1's /ok; /dribble answers one byte at a time
    until released (at most 30 s)."""

    server: _Server

    def do_HEAD(self) -> None:  # noqa: N802 - http.server naming
        with self.server.lock:
            self.server.counts[self.path] += 1
        if self.path == "/dribble":
            self.server.dribbling.set()
            answer = b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"
            for index in range(len(answer)):
                if self.server.release.wait(DRIBBLE_GAP):
                    return
                try:
                    self.wfile.write(answer[index:index + 1])
                    self.wfile.flush()
                except OSError:
                    return
            return
        self.send_response(301 if self.path == "/to-loopback" else 200)
        if self.path == "/to-loopback":
            self.send_header("Location", self.server.url("/ok"))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet."""


@pytest.fixture
def server() -> Iterator[_Server]:
    with serving(_Server()) as srv:
        yield srv


def check(url: str, **kwargs):
    [result] = check_links([LinkRef(url, "a link", "b.yaml", 1, 1)], **kwargs)
    return result


# --- internal addresses ---


def test_loopback_is_not_contacted_unless_allowed(server):
    refused = check(server.url("/ok"))
    assert refused.status == "skipped"
    assert refused.detail.startswith("not checked: internal address (127.0.0.1)")
    assert server.counts == Counter()
    allowed = check(server.url("/ok"), allow_hosts=["127.0.0.1"])
    assert (allowed.status, allowed.code) == ("ok", 200)
    assert server.counts == Counter({"/ok": 1})


def test_a_name_is_judged_by_the_address_it_resolves_to(server):
    result = check(server.url("/ok", host="localhost"))
    assert result.status == "skipped" and "internal address (localhost is " in result.detail
    assert server.counts == Counter()


def test_a_numeric_host_is_judged_as_the_address_it_means(server):
    result = check(server.url("/ok", host="2130706433"))  # 127.0.0.1 written as one number
    assert result.status == "skipped" and "internal address" in result.detail
    assert server.counts == Counter()


def test_a_redirect_to_an_internal_address_is_not_followed(server):
    result = check(server.url("/to-loopback", host="localhost"), allow_hosts=["localhost"])
    assert result.status == "skipped"
    assert "redirected to an internal address (127.0.0.1)" in result.detail
    assert result.final_url == server.url("/ok")
    assert server.counts == Counter({"/to-loopback": 1})  # /ok never requested


def test_check_links_command_refuses_and_allows_hosts(project, server):
    project.briefing("site", f"""\
        title: Links
        sections:
          - heading: Where
            links:
              - title: Local
                url: {server.url("/ok")}
        """)
    refused = project.run("check-links")
    assert refused.code == 0, refused.err  # not checked is not broken
    assert "SKIPPED" in refused.out and "not checked: internal address" in refused.out
    assert server.counts == Counter()
    allowed = project.run("check-links", "--allow-host", "nowhere.example",
                          "--allow-host", "127.0.0.1")
    assert allowed.code == 0 and "OK" in allowed.out
    assert server.counts == Counter({"/ok": 1})


# --- a slow server; Ctrl-C ---


def test_timeout_is_a_deadline_for_the_whole_request(server):
    result = check(server.url("/dribble"), timeout=1.0, allow_hosts=["127.0.0.1"])
    assert (result.status, result.detail) == ("unreachable", "timed out after 1s")
    assert server.dribbling.is_set()


def test_ctrl_c_stops_at_once_with_a_summary(project, server):
    project.briefing("site", f"""\
        title: Links
        sections:
          - heading: Where
            links:
              - title: Fast
                url: {server.url("/ok")}
              - title: Slow
                url: {server.url("/dribble")}
        """)
    proc = subprocess.Popen([sys.executable, "-m", "briefpdf", "check-links", "-j", "1",
                             "--timeout", "60", "--allow-host", "127.0.0.1"],
                            cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert server.dribbling.wait(60), "the slow link was never requested"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)  # a hang guard: the slow answer takes 60 s
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert "OK" in out and "1 link: 1 ok" in out
    assert "interrupted; 1 of 2 links checked" in err
    assert "Traceback" not in err


# --- deceptive links ---


DECEPTIVE = """\
title: Links
sections:
  - heading: Where
    links:
      - title: Our partners
        url: https://user:secret@partners.example/
      - title: Pay here
        url: https://p\u0430ypal.example/
      - title: "Reversed \u202etxt.exe"
        url: https://fine.example/
    content:
      - See [the form](https://fine.example/\u202eform) today.
"""


def test_deceptive_links_are_warnings_at_their_line(project):
    project.briefing("d", DECEPTIVE)
    for command in ("validate", "links", "build"):
        result = project.run(command, "briefings/d.yaml")
        assert result.code == 0, result.err
        lines = result.err.splitlines()

        def at(line: int, words: str, lines: list[str] = lines) -> bool:
            return any(x.startswith(f"briefings/d.yaml:{line}:") and "warning:" in x
                       and words in x for x in lines)

        assert at(6, "user name or password"), (command, result.err)
        assert at(8, "mixes Cyrillic and Latin letters"), (command, result.err)
        assert at(8, "xn--pypal-"), (command, result.err)
        assert at(10, "U+202E"), (command, result.err)
        assert at(12, "U+202E"), (command, result.err)


def test_links_shows_the_punycode_beside_the_unicode_host(project):
    project.briefing("d", DECEPTIVE)
    result = project.run("links", "briefings/d.yaml")
    row = next(line for line in result.out.splitlines() if "Pay here" in line)
    assert "https://p\u0430ypal.example/" in row
    assert "xn--pypal-" in row


def test_an_inline_link_has_the_same_length_limit(project):
    long_url = "https://example.org/" + "a" * 2100
    project.briefing("long", f"""\
        title: Long link
        sections:
          - heading: Where
            content:
              - See [the page]({long_url}).
        """)
    result = project.run("validate", "briefings/long.yaml")
    assert result.code == 1
    assert "briefings/long.yaml:5:" in result.err and "the limit is 2,000" in result.err

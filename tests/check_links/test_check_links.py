"""Tests for briefpdf.links.check against a local HTTP server (never the internet)."""

from __future__ import annotations

import json
import socket
import ssl
import threading
import time
import urllib.error
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from briefpdf.links.check import (
    USER_AGENT,
    LinkRef,
    LinkResult,
    _describe_error,
    check_links,
    exit_code,
    format_json,
    format_text,
    summarise,
)
from conftest import serving

SLOW_SECONDS = 3.0


class _Server(ThreadingHTTPServer):
    """A test server that counts requests and can release slow handlers early."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.counts: Counter[tuple[str, str]] = Counter()
        self.agents: set[str] = set()
        self.lock = threading.Lock()
        self.release = threading.Event()

    def base(self) -> str:
        """The server's base URL, without a trailing slash."""
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    """Serves /ok, /moved, /gone, /slow, /nohead, /loop and /chain."""

    server: _Server

    def do_HEAD(self) -> None:  # noqa: N802 - http.server naming
        self._answer("HEAD")

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self._answer("GET")

    def _answer(self, method: str) -> None:
        with self.server.lock:
            self.server.counts[(method, self.path)] += 1
            self.server.agents.add(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            self.server.release.wait(SLOW_SECONDS)
        if self.path == "/nohead" and method == "HEAD":
            return self._send(405, method)
        redirects = {"/moved": "/ok", "/loop": "/loop", "/chain": "/moved", "/bad": "/gone"}
        if self.path in redirects:
            return self._send(301, method, location=redirects[self.path])
        if self.path == "/gone":
            return self._send(404, method)
        self._send(200, method)

    def _send(self, code: int, method: str, location: str | None = None) -> None:
        body = b"hello\n" * 2000
        self.send_response(code)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if method == "GET":
            try:
                self.wfile.write(body)
            except OSError:
                pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep test output quiet."""


@pytest.fixture
def server() -> Iterator[_Server]:
    """A local server in a thread, shut down (and slow handlers released) afterwards."""
    with serving(_Server()) as srv:
        yield srv


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make sure urllib talks to 127.0.0.1 directly, never via a proxy."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def ref(url: str, line: int = 1, title: str = "a link") -> LinkRef:
    """A LinkRef in a made-up file."""
    return LinkRef(url=url, title=title, file="brief.yaml", line=line, column=5)


LOCAL = ("127.0.0.1",)
"""The test server's address, allowed as --allow-host allows it (loopback is internal)."""


def check_one(url: str, **kwargs: float) -> LinkResult:
    """Check a single URL (the test server allowed) and return its result."""
    [result] = check_links([ref(url)], allow_hosts=LOCAL, **kwargs)
    return result


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


# --------------------------------------------------------------------------- statuses


def test_ok_uses_head_only(server: _Server) -> None:
    result = check_one(server.base() + "/ok")
    assert (result.status, result.code, result.final_url) == ("ok", 200, None)
    assert result.detail == "HTTP 200 OK"
    assert server.counts == Counter({("HEAD", "/ok"): 1})
    assert server.agents == {USER_AGENT}


def test_redirect_is_followed_and_recorded(server: _Server) -> None:
    result = check_one(server.base() + "/moved")
    assert (result.status, result.code) == ("redirected", 200)
    assert result.final_url == server.base() + "/ok"
    assert "after 1 redirect to" in result.detail
    assert server.counts == Counter({("HEAD", "/moved"): 1, ("HEAD", "/ok"): 1})


def test_redirect_chain_keeps_head(server: _Server) -> None:
    result = check_one(server.base() + "/chain")
    assert (result.status, result.final_url) == ("redirected", server.base() + "/ok")
    assert "after 2 redirects" in result.detail
    assert all(method == "HEAD" for method, _ in server.counts)


def test_404_is_broken(server: _Server) -> None:
    result = check_one(server.base() + "/gone")
    assert (result.status, result.code, result.detail) == ("broken", 404, "HTTP 404 Not Found")


def test_redirect_to_404_is_broken_with_final_url(server: _Server) -> None:
    result = check_one(server.base() + "/bad")
    assert (result.status, result.code) == ("broken", 404)
    assert result.final_url == server.base() + "/gone"


def test_slow_server_times_out(server: _Server) -> None:
    started = time.monotonic()
    result = check_one(server.base() + "/slow", timeout=0.5)
    assert time.monotonic() - started < 2
    assert (result.status, result.code) == ("unreachable", None)
    assert result.detail == "timed out after 0.5s"


def test_head_refused_falls_back_to_get(server: _Server) -> None:
    result = check_one(server.base() + "/nohead")
    assert (result.status, result.code) == ("ok", 200)
    assert server.counts == Counter({("HEAD", "/nohead"): 1, ("GET", "/nohead"): 1})


def test_redirect_loop_is_broken_not_a_hang(server: _Server) -> None:
    result = check_one(server.base() + "/loop", timeout=2)
    assert (result.status, result.code) == ("broken", 301)
    assert result.detail.startswith("redirect loop")
    assert server.counts[("HEAD", "/loop")] == 1


def test_closed_port_is_connection_refused() -> None:
    result = check_one(f"http://127.0.0.1:{closed_port()}/x", timeout=2)
    assert (result.status, result.detail) == ("unreachable", "connection refused")


def test_mailto_is_skipped_without_a_request(server: _Server) -> None:
    result = check_one("mailto:someone@example.org")
    assert (result.status, result.code, result.detail) == ("skipped", None, "mailto: not checked")
    assert not server.counts


def test_relative_url_is_broken() -> None:
    result = check_one("docs/page.html")
    assert (result.status, result.detail) == ("broken", "not an absolute http(s) URL")


def test_malformed_url_is_broken_not_raised() -> None:
    result = check_one("http://[::1")
    assert (result.status, result.detail) == ("broken", "invalid URL: Invalid IPv6 URL")


def test_non_ascii_path_is_percent_encoded(server: _Server) -> None:
    result = check_one(server.base() + "/ünï cödé")
    assert result.status == "ok"
    assert server.counts == Counter({("HEAD", "/%C3%BCn%C3%AF%20c%C3%B6d%C3%A9"): 1})


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (urllib.error.URLError(TimeoutError("timed out")), "timed out after 10s"),
        (TimeoutError("The read operation timed out"), "timed out after 10s"),
        (urllib.error.URLError(ConnectionRefusedError(111, "refused")), "connection refused"),
        (urllib.error.URLError(socket.gaierror(-2, "Name unknown")), "name not resolved"),
        (
            urllib.error.URLError(ssl.SSLCertVerificationError(1, "bad cert")),
            "SSL: certificate verify failed",
        ),
    ],
)
def test_error_reasons_are_short(error: BaseException, reason: str) -> None:
    assert _describe_error(error, 10.0) == reason


# --------------------------------------------------------------------------- scheduling


def test_duplicates_are_fetched_once(server: _Server) -> None:
    url = server.base() + "/ok"
    seen: list[LinkResult] = []
    results = check_links([ref(url, line=n) for n in (1, 2, 3)], on_result=seen.append,
                          allow_hosts=LOCAL)
    assert server.counts == Counter({("HEAD", "/ok"): 1})
    assert [r.ref.line for r in results] == [1, 2, 3]
    assert {r.status for r in results} == {"ok"}
    assert sorted(r.ref.line for r in seen) == [1, 2, 3]


def test_order_is_preserved(server: _Server) -> None:
    paths = ["/slow", "/gone", "/ok", "/moved", "/nohead", "/ok"]
    refs = [ref(server.base() + p, line=n) for n, p in enumerate(paths, start=1)]
    refs.insert(2, ref("mailto:x@example.org", line=99))
    results = check_links(refs, jobs=4, timeout=0.5, allow_hosts=LOCAL)
    assert [r.ref for r in results] == refs
    statuses = [r.status for r in results]
    assert statuses == ["unreachable", "broken", "skipped", "ok", "redirected", "ok", "ok"]


def test_no_refs_and_bad_arguments() -> None:
    assert check_links([]) == []
    with pytest.raises(ValueError):
        check_links([], jobs=0)
    with pytest.raises(ValueError):
        check_links([], timeout=0)


# --------------------------------------------------------------------------- reporting


def result(status: str, line: int, code: int | None = None, detail: str = "d") -> LinkResult:
    """A hand-made result for the formatting tests."""
    return LinkResult(ref(f"https://example.org/{line}", line), status, code, None, detail)


SAMPLE = [
    result("ok", 1, 200, "HTTP 200 OK"),
    result("broken", 2, 404, "HTTP 404 Not Found"),
    result("ok", 3, 200, "HTTP 200 OK"),
    result("skipped", 4, None, "mailto: not checked"),
]


def test_summarise_counts_every_status() -> None:
    assert summarise(SAMPLE) == {
        "ok": 2,
        "redirected": 0,
        "broken": 1,
        "unreachable": 0,
        "skipped": 1,
    }


def test_format_text() -> None:
    lines = format_text(SAMPLE).splitlines()
    assert lines[1] == "brief.yaml:2:5: BROKEN https://example.org/2 — HTTP 404 Not Found"
    assert lines[-1] == "4 links: 2 ok, 1 broken, 1 skipped"
    assert format_text([]).strip() == "0 links"


def test_format_json() -> None:
    document = json.loads(format_json(SAMPLE))
    first = document["links"][0]
    assert list(first) == [
        "file", "line", "column", "title", "url", "status", "code", "final_url", "detail",
    ]  # fmt: skip
    assert first["status"] == "ok" and first["code"] == 200 and first["final_url"] is None
    assert document["summary"] == {
        "total": 4,
        "ok": 2,
        "redirected": 0,
        "broken": 1,
        "unreachable": 0,
        "skipped": 1,
    }
    assert format_json(SAMPLE) == format_json(list(SAMPLE))


def test_exit_code() -> None:
    assert exit_code([]) == 0
    assert exit_code([result("ok", 1), result("redirected", 2), result("skipped", 3)]) == 0
    assert exit_code(SAMPLE) == 1
    assert exit_code([result("ok", 1), result("unreachable", 2)]) == 1

"""What `briefpdf serve` refuses, shown with plain HTTP requests to 127.0.0.1: other
Host names (DNS rebinding), other origins, missing or wrong tokens, paths out of the
project, and uploads too large or of the wrong type. And what it escapes."""

from __future__ import annotations

import socket

import pytest
from serve_helpers import sample_project, serving

from conftest import MINIMAL


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = sample_project(tmp_path_factory.mktemp("refusals") / "project")
    outside = root.parent / "secret.yaml"
    outside.write_text(MINIMAL.replace("A short briefing", "Outside secret"))
    (root / "briefings" / "leak.yaml").symlink_to(outside)
    (root / "briefings" / "hostile.yaml").write_text(
        MINIMAL.replace("A short briefing", "<script>alert('x')</script> & <b>bold</b>"))
    with serving(root) as server:
        yield server


def test_listens_on_loopback_only(tmp_path):
    from briefpdf.serve.server import Server
    from briefpdf.serve.workspace import Workspace

    server = Server(Workspace(tmp_path), 0)
    try:
        assert server.socket.getsockname()[0] == "127.0.0.1"
        assert server.url == f"http://127.0.0.1:{server.port}/"
    finally:
        server.server_close()


@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1:1", "localhost",
                                  "127.0.0.1.evil.example:{port}"])
def test_other_host_names_are_refused(served, host):
    reply = served.request("GET", "/", headers={"Host": host.format(port=served.port)})
    assert reply.status == 403
    assert "only answers requests addressed to" in reply.json()["error"]
    assert b"briefpdf-token" not in reply.body


def test_localhost_is_this_server(served):
    assert served.request("GET", "/", headers={"Host": f"localhost:{served.port}"}).status == 200


def test_other_origins_are_refused(served):
    token = served.token()
    for method, path in [("GET", "/api/view/family-l.yaml"), ("POST", "/api/build-all")]:
        reply = served.request(method, path, b"", {"Origin": "http://evil.example",
                                                    "X-Briefpdf-Token": token})
        assert reply.status == 403
        assert reply.json()["error"] == "requests from other web sites are refused"


def test_changes_need_the_session_token(served):
    text = (served.root / "briefings" / "family-l.yaml").read_text()
    edit = {"text": text.replace("What is a CPIR?", "Changed by a stranger")}
    for token in ["", "wrong-token"]:
        reply = served.post("/api/save/family-l.yaml", edit, token=token)
        assert reply.status == 403
        assert "token" in reply.json()["error"]
    reply = served.request("POST", "/api/new", '{"slug": "x"}')  # no token header at all
    assert reply.status == 403
    assert (served.root / "briefings" / "family-l.yaml").read_text() == text
    assert not (served.root / "briefings" / "x.yaml").exists()


@pytest.mark.parametrize("path", [
    "/edit/..%2F..%2Fetc%2Fpasswd", "/edit/../../etc/passwd", "/edit/%2Fetc%2Fpasswd",
    "/api/view/..%2Fsecret.yaml", "/api/view/leak.yaml", "/edit/leak.yaml",
    "/download/leak.yaml?as=pdf", "/download/..%2Fsecret.yaml?as=html",
    "/static/..%2F..%2F__init__.py", "/static/../server.py", "/preview/..%2F..%2F/1.jpg"])
def test_no_path_outside_the_project(served, path):
    reply = served.request("GET", path)
    assert reply.status == 404
    assert b"Outside secret" not in reply.body
    assert b"root:" not in reply.body


def test_no_write_outside_the_project(served):
    token = served.token()
    for name in ["..%2Fescaped.yaml", "leak.yaml"]:
        reply = served.post(f"/api/save/{name}", {"text": "title: x\n"}, token=token)
        assert reply.status == 404
    assert not (served.root.parent / "escaped.yaml").exists()
    assert "Outside secret" in (served.root.parent / "secret.yaml").read_text()
    reply = served.post("/api/new", {"slug": "../escaped"}, token=token)
    assert reply.status == 400
    assert "not a usable name" in reply.json()["error"]


def test_uploads_are_size_limited_and_type_checked(served):
    token = served.token()
    headers = {"X-Briefpdf-Token": token, "Origin": served.url.rstrip("/")}
    # The size is refused from the header, before any of the body is read.
    with socket.create_connection(("127.0.0.1", served.port), timeout=30) as s:
        s.sendall((f"POST /api/import HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
                   f"X-Briefpdf-Token: {token}\r\nX-File-Name: big.txt\r\n"
                   f"Content-Length: {20 * 1024 * 1024 + 1}\r\n\r\n").encode())
        assert s.recv(100).startswith(b"HTTP/1.0 413")
    exe = served.request("POST", "/api/import", b"MZ\x90\x00", {**headers,
                                                                "X-File-Name": "tool.exe"})
    assert exe.status == 415 and "not a file briefpdf can import" in exe.json()["error"]
    fake = served.request("POST", "/api/import", b"not a zip",
                          {**headers, "X-File-Name": "report.docx"})
    assert fake.status == 415 and "not a Word (.docx) file" in fake.json()["error"]
    binary = served.request("POST", "/api/import", b"\xff\xfe\x00bad",
                            {**headers, "X-File-Name": "notes.txt"})
    assert binary.status == 415


def test_briefing_text_is_escaped(served):
    home = served.request("GET", "/").text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold" in home
    assert "<script>alert" not in home and "<b>bold" not in home
    page = served.request("GET", "/edit/hostile.yaml")
    assert page.status == 200
    assert "<script>alert" not in page.text
    assert "&lt;script&gt;alert" in page.text
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]

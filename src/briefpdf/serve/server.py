"""The HTTP server: the standard library's ThreadingHTTPServer and one handler.

A framework would bring more than this needs: a dozen routes, JSON in and out, and one
stream of server-sent events per open page. Each request is checked by ``guard`` first
(Host, Origin, and the token for every POST), then routed by its first path segment.
"""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from briefpdf.errors import BriefpdfError
from briefpdf.serve import guard, pages, preview
from briefpdf.serve.workspace import Workspace

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}
"""Sent with every response: the pages run only this server's own scripts (CodeMirror
sets styles from script, hence 'unsafe-inline' for styles only)."""

KEEP_AN_HOUR = {"Cache-Control": "private, max-age=3600"}
"""For the editor, styles, scripts and fonts: the same for as long as the server runs."""
STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


class Server(ThreadingHTTPServer):
    """The server, with the workspace, the session token and the static files."""

    daemon_threads = True  # open event streams do not keep the program from stopping

    def __init__(self, workspace: Workspace, port: int = 0):
        super().__init__(("127.0.0.1", port), Handler)
        self.workspace = workspace
        self.token = guard.new_token()
        self.stopping = threading.Event()
        self.static = _static_files()

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


def _static_files() -> dict[str, bytes]:
    """The assets shipped in briefpdf/serve/static, by their path under it: the only
    files the static route can send."""
    root = resources.files("briefpdf.serve") / "static"
    found: dict[str, bytes] = {}

    def walk(folder: Any, prefix: str) -> None:
        for item in folder.iterdir():
            if item.is_dir():
                walk(item, f"{prefix}{item.name}/")
            elif Path(item.name).suffix in STATIC_TYPES:
                found[prefix + item.name] = item.read_bytes()

    walk(root, "")
    return found


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = "briefpdf"
    sys_version = ""

    # --- plumbing ------------------------------------------------------------------------

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        """Quiet: a person at a browser needs no request log in the terminal."""

    def _send(self, status: int, body: bytes, content_type: str,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in {"Cache-Control": "no-store", **SECURITY_HEADERS,
                           **(headers or {})}.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, data: Any, status: int = 200) -> None:
        self._send(status, json.dumps(data).encode("utf-8"), "application/json")

    def _html(self, text: str, status: int = 200) -> None:
        self._send(status, text.encode("utf-8"), "text/html; charset=utf-8")

    def _refuse(self, status: int, message: str) -> None:
        """A refusal: JSON for the page's scripts, and readable as plain text."""
        self._json({"error": message}, status)

    def _not_found(self) -> None:
        if self.path.startswith("/api/"):
            self._refuse(404, "no such file in briefings/")
        else:
            self._html(pages.error_page(self.server.token, 404, "There is no such page or "
                                        "file in this project."), 404)

    def _allowed(self, changing: bool) -> bool:
        """Host and Origin must be this server's; a changing request needs the token."""
        port = self.server.port
        if not guard.host_ok(self.headers.get("Host"), port):
            self._refuse(403, "this server only answers requests addressed to "
                              f"127.0.0.1:{port} or localhost:{port}")
            return False
        if not guard.origin_ok(self.headers.get("Origin"), port):
            self._refuse(403, "requests from other web sites are refused")
            return False
        if changing and not guard.token_ok(self.headers.get(guard.TOKEN_HEADER),
                                           self.server.token):
            self._refuse(403, "missing or wrong session token; reload the page")
            return False
        return True

    def _body(self, limit: int) -> bytes | None:
        """The request body, or None (and a 413 sent) when it is larger than ``limit``."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > limit:
            self._refuse(413, f"too large: at most {limit // (1024 * 1024)} MB")
            return None
        return self.rfile.read(length)

    # --- routing -------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 (the base class's name)
        if not self._allowed(changing=False):
            return
        parts = urlsplit(self.path)
        route, _, rest = unquote(parts.path).lstrip("/").partition("/")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        handler = {"": self._home, "edit": self._edit, "static": self._static_file,
                   "fonts": self._font, "preview": self._preview, "download": self._download,
                   "api": self._api_get}.get(route)
        if handler is None or (route == "" and rest):
            self._not_found()
            return
        try:
            handler(rest, query)
        except (BrokenPipeError, ConnectionResetError):
            pass

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        if not self._allowed(changing=True):
            return
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        action, _, name = path.removeprefix("/api/").partition("/")
        if not path.startswith("/api/"):
            self._not_found()
            return
        handler = {"save": self._save, "new": self._new, "build-all": self._build_all,
                   "import": self._import}.get(action)
        if handler is None:
            self._not_found()
            return
        handler(name)

    # --- pages ---------------------------------------------------------------------------

    def _home(self, rest: str, query: dict[str, str]) -> None:
        ws = self.server.workspace
        from briefpdf.serve.uploads import import_available

        self._html(pages.home_page(self.server.token, str(ws.root), ws.listing(),
                                   import_available()))

    def _edit(self, name: str, query: dict[str, str]) -> None:
        from briefpdf.load.styles import available_styles

        ws = self.server.workspace
        view = ws.view(name)
        if view is None:
            self._not_found()
            return
        title = ws.describe(name)["title"]
        styles = sorted(available_styles(ws.folder))
        self._html(pages.edit_page(self.server.token, name, view.text, styles, title,
                                   pack=view.kind == "pack"))

    def _static_file(self, name: str, query: dict[str, str]) -> None:
        data = self.server.static.get(name)
        if data is None:
            self._not_found()
            return
        self._send(200, data, STATIC_TYPES[Path(name).suffix], KEEP_AN_HOUR)

    def _font(self, name: str, query: dict[str, str]) -> None:
        """``/fonts/FACE.ttf``: the briefings' own typeface (Source Sans Pro, from its
        PyPI package), so the pages look like the PDFs with no internet."""
        from briefpdf.model.fontfiles import DEFAULT_FAMILY, bundled_faces

        face = bundled_faces(DEFAULT_FAMILY).get(name.removesuffix(".ttf"))
        if face is None or not name.endswith(".ttf"):
            self._not_found()
            return
        self._send(200, Path(face).read_bytes(), "font/ttf", KEEP_AN_HOUR)

    def _preview(self, rest: str, query: dict[str, str]) -> None:
        """``/preview/KEY/N.jpg``: page N of a PDF the workspace rendered."""
        key, _, page = rest.partition("/")
        number = page.removesuffix(".jpg")
        image = preview.page_image(key, int(number)) if number.isdigit() else None
        if image is None:
            self._not_found()
            return
        self._send(200, image, "image/jpeg", KEEP_AN_HOUR)  # a key names one PDF's pages

    def _download(self, name: str, query: dict[str, str]) -> None:
        from briefpdf.model.document import slug_of

        ws = self.server.workspace
        path = ws.path_of(name)
        if path is None:
            self._not_found()
            return
        slug = slug_of(path)
        if query.get("as") == "html":
            page = ws.html_twin(name)
            if page is None:
                self._refuse(409, "no web page: a pack has none, and a briefing with "
                                  "errors must be fixed first")
                return
            self._send(200, page, "text/html; charset=utf-8",
                       {"Content-Disposition": f'attachment; filename="{slug}.html"'})
            return
        view = ws.view(name)
        pdf = ws.out / f"{slug}.pdf"
        if view is None or not pdf.is_file():
            self._refuse(409, "no PDF yet: fix the problems listed, then save")
            return
        self._send(200, pdf.read_bytes(), "application/pdf",
                   {"Content-Disposition": f'attachment; filename="{slug}.pdf"'})

    # --- the page's API ------------------------------------------------------------------

    def _api_get(self, rest: str, query: dict[str, str]) -> None:
        action, _, name = rest.partition("/")
        ws = self.server.workspace
        if action == "view":
            view = ws.view(name)
            if view is None:
                self._not_found()
            else:
                self._json(view.as_json())
        elif action == "variant":
            data = ws.variant(name, query.get("style") or None, query.get("gray") == "1")
            if data is None:
                self._not_found()
            else:
                self._json(data)
        elif action == "events":
            self._events(name, query)
        else:
            self._not_found()

    def _events(self, name: str, query: dict[str, str]) -> None:
        """Server-sent events: the view's version, each time it changes."""
        ws = self.server.workspace
        if ws.view(name) is None:
            self._not_found()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        for key, value in SECURITY_HEADERS.items():
            self.send_header(key, value)
        self.end_headers()
        version = -1
        while not self.server.stopping.is_set():
            current = ws.wait(name, version, timeout=15)
            if current != version:
                self.wfile.write(f"data: {current}\n\n".encode())
                version = current
            else:
                self.wfile.write(b": still here\n\n")
            self.wfile.flush()

    def _read_json(self) -> dict[str, Any] | None:
        body = self._body(guard.MAX_TEXT)
        if body is None:
            return None
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        if not isinstance(data, dict):
            self._refuse(400, "the request is not a JSON object")
            return None
        return data

    def _save(self, name: str) -> None:
        data = self._read_json()
        if data is None:
            return
        text = data.get("text")
        if not isinstance(text, str):
            self._refuse(400, "nothing to save: no text")
            return
        try:
            view = self.server.workspace.save(name, text)
        except BriefpdfError as exc:
            self._refuse(500, str(exc))
            return
        if view is None:
            self._not_found()
        else:
            self._json(view.as_json())

    def _new(self, rest: str) -> None:
        from briefpdf.serve.uploads import new_briefing

        data = self._read_json()
        if data is None:
            return
        slug = data.get("slug")
        try:
            name = new_briefing(self.server.workspace, slug if isinstance(slug, str) else "")
        except BriefpdfError as exc:
            self._refuse(400, str(exc))
            return
        self._json({"name": name, "url": f"/edit/{name}"})

    def _build_all(self, rest: str) -> None:
        try:
            summary = self.server.workspace.build_all()
        except BriefpdfError as exc:
            self._refuse(500, str(exc))
            return
        self._json({"summary": summary})

    def _import(self, rest: str) -> None:
        from briefpdf.serve.uploads import import_upload

        name = unquote(self.headers.get("X-File-Name") or "")
        body = self._body(guard.MAX_UPLOAD)
        if body is None:
            return
        try:
            result = import_upload(self.server.workspace, Path(name).name, body)
        except guard.UploadRefused as exc:
            self._refuse(415, str(exc))
            return
        except BriefpdfError as exc:
            self._refuse(400, str(exc))
            return
        self._json(result)


def serve(workspace: Workspace, port: int, opened: Any = None) -> None:
    """Run until Ctrl-C (or SIGTERM): the server, and the file watcher beside it."""
    server = Server(workspace, port)
    watcher = threading.Thread(target=workspace.watch, args=(server.stopping,), daemon=True)
    watcher.start()
    print(f"briefpdf serve: open {server.url} in your browser; press Ctrl-C to stop",
          flush=True)
    if opened is not None:
        opened(server.url)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.stopping.set()
        server.server_close()
        with workspace.changed:  # wake the event streams so they notice
            workspace.changed.notify_all()
        watcher.join(timeout=2)
        print("briefpdf serve: stopped", file=sys.stderr, flush=True)

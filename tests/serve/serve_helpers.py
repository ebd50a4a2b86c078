"""Run `briefpdf serve` as a user would (a subprocess on 127.0.0.1) and talk to it."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LIMIT = 60.0
"""Seconds to wait for something that happens well within one (a busy CI machine)."""


def browser_driver():
    """Playwright's sync API for a module of browser tests: the whole module is skipped
    where Debian's Chromium is missing, except in CI, where that is an error (.ci/run
    installs it)."""
    import pytest

    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs it with apt-get")
        pytest.skip(f"needs Debian's Chromium at {CHROMIUM} (apt-get install chromium)",
                    allow_module_level=True)
    return pytest.importorskip("playwright.sync_api")


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str]

    def json(self):
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass
class Served:
    """A running server: its folder, port and process."""

    root: Path
    port: int
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def request(self, method: str, path: str, body: bytes | str | None = None,
                headers: dict[str, str] | None = None) -> Reply:
        """One plain HTTP request to the server; ``headers`` may replace Host."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=LIMIT)
        try:
            wanted = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            data = body.encode() if isinstance(body, str) else body
            for key, value in wanted.items():
                connection.putheader(key, value)
            if data is not None:
                connection.putheader("Content-Length", str(len(data)))
            connection.endheaders(data)
            response = connection.getresponse()
            return Reply(response.status, response.read(), dict(response.getheaders()))
        finally:
            connection.close()

    def token(self) -> str:
        page = self.request("GET", "/").text
        return re.search(r'name="briefpdf-token" content="([^"]+)"', page).group(1)

    def post(self, path: str, data: dict, token: str | None = None) -> Reply:
        headers = {"Content-Type": "application/json",
                   "Origin": f"http://127.0.0.1:{self.port}",
                   "X-Briefpdf-Token": token if token is not None else self.token()}
        return self.request("POST", path, json.dumps(data), headers)


def sample_project(folder: Path) -> Path:
    """A copy of the repository's samples (briefings/ and styles/) in ``folder``."""
    shutil.copytree(ROOT / "briefings", folder / "briefings")
    shutil.copytree(ROOT / "styles", folder / "styles")
    return folder


@contextmanager
def serving(root: Path) -> Iterator[Served]:
    """`briefpdf serve ROOT --no-open` until the block ends; then Ctrl-C, which must stop
    it cleanly (exit status 0)."""
    log = root.parent / f"{root.name}-serve.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "briefpdf", "serve", str(root),
                                    "--no-open"], stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        port = None
        deadline = time.monotonic() + LIMIT
        while port is None and time.monotonic() < deadline and process.poll() is None:
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", log.read_text())
            port = int(found.group(1)) if found else None
            time.sleep(0.05)
        assert port is not None, f"briefpdf serve did not start:\n{log.read_text()}"
        yield Served(root, port, process)
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=LIMIT)
    assert code == 0, log.read_text()
    assert "stopped" in log.read_text()


def wait_for(condition, what: str):
    deadline = time.monotonic() + LIMIT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"the server did not {what} within {LIMIT:.0f}s")

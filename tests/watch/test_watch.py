"""`briefpdf watch` rebuilds on changes, reports errors without stopping, stops on Ctrl-C."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from conftest import MINIMAL, pdf_text

LIMIT = 60.0
"""Seconds to wait for something that should happen well within one (a slow CI machine)."""


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + LIMIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"watch did not {what} within {LIMIT:.0f}s")


def text_of(pdf: Path) -> str:
    try:
        return pdf_text(pdf)
    except Exception:  # noqa: BLE001 - not written yet
        return ""


def test_watch_rebuilds_reports_errors_and_stops_cleanly(project):
    project.write("styles/house.yaml", "name: House\n")
    briefing = project.briefing("live", "style: house\n" + MINIMAL)
    pdf = project.root / "out" / "live.pdf"
    errors = project.root / "watch.err"
    with open(errors, "w") as err, open(project.root / "watch.out", "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "briefpdf", "watch", "--interval", "0.1"],
                                cwd=project.root, stdout=out, stderr=err)
    try:
        wait_for(lambda: "A short briefing" in text_of(pdf), "build at start")

        briefing.write_text("style: house\n" + MINIMAL.replace("A short", "An edited"))
        wait_for(lambda: "An edited briefing" in text_of(pdf), "rebuild after an edit")

        style = project.root / "styles" / "house.yaml"
        style.write_text("name: House\ncolours: [not, a, group\n")
        wait_for(lambda: "styles/house.yaml:2:10: this [ is never closed" in errors.read_text(),
                 "report a style error")
        assert proc.poll() is None, "watch stopped on an error"

        style.write_text("name: House\n")
        briefing.write_text("style: house\n" + MINIMAL.replace("A short", "A fixed"))
        wait_for(lambda: "A fixed briefing" in text_of(pdf), "rebuild after the fix")
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=LIMIT)
    assert code == 0
    shown = errors.read_text()
    assert "stopped watching" in shown
    assert "Traceback" not in shown

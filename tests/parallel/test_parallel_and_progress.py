"""`build -j N` builds many files at once; a progress bar only for a person at a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from conftest import MINIMAL, pdf_text


def many(project, count: int) -> None:
    for n in range(count):
        project.briefing(f"b{n}", MINIMAL.replace("A short briefing", f"Briefing number {n}"))


def test_parallel_build_writes_every_pdf(project):
    many(project, 4)
    project.briefing("broken", "title: [unclosed\n")
    result = project.run("build", "-j", "2", env={"CI": "1"})
    assert result.code == 1
    assert "broken.yaml:1:8: this [ is never closed" in result.err
    assert result.err.strip().splitlines()[-1].startswith("4 built, 0 unchanged, 1 failed in ")
    for n in range(4):
        assert f"Briefing number {n}" in pdf_text(project.root / "out" / f"b{n}.pdf")
    assert "\x1b[" not in result.err  # no progress bar when stderr is not a terminal


def test_jobs_must_be_a_positive_number(project):
    many(project, 1)
    result = project.run("build", "-j", "0")
    assert result.code == 2
    assert "'0' is not a number of jobs" in result.err


def run_on_terminal(project, *args: str, env: dict) -> str:
    """Run briefpdf with stderr on a pseudo-terminal; return what the terminal showed.

    CI is taken out of the inherited environment (CI itself sets it); pass it in ``env``.
    """
    main, secondary = pty.openpty()
    inherited = {k: v for k, v in os.environ.items() if k != "CI"}
    proc = subprocess.Popen([sys.executable, "-m", "briefpdf", *args], cwd=project.root,
                            stdout=subprocess.DEVNULL, stderr=secondary,
                            env={**inherited, "COLUMNS": "80", **env})
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    assert proc.wait(timeout=120) == 0
    os.close(main)
    return shown.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_but_not_under_ci(project):
    many(project, 3)
    shown = run_on_terminal(project, "build", "-j", "2", env={"TERM": "xterm"})
    assert "building" in shown and "3/3" in shown
    assert "3 built, 0 unchanged, 0 failed" in shown
    quiet = run_on_terminal(project, "build", "--force", env={"CI": "true"})
    assert "building" not in quiet
    assert "3 built, 0 unchanged, 0 failed" in quiet

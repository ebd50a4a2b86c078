"""Faults from the fault-injection trial (issue 21): a `-j` build's workers outlived a
killed main process and went on writing PDFs; TERM and HUP did not stop a build cleanly.

The workers here are real worker processes of `briefpdf build -j 2` whose build of a
briefing is replaced by one that never ends (it starts writing its PDF's temporary file,
then waits): so a worker stops only if it is stopped. The tests wait for what they need
(both workers at work, then gone) under a hang guard, never for a fixed time.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import MINIMAL

GUARD = 30
"""Seconds before a wait is called a hang (a stuck worker would wait an hour)."""

ENDLESS_WORKERS = textwrap.dedent("""\
    import os, sys, time
    from pathlib import Path
    from briefpdf import batch

    def build_file(path, out_dir, *args, **kwargs):
        if os.getpid() == PARENT:  # (the main process builds nothing here)
            raise AssertionError("expected a worker")
        out_dir.mkdir(exist_ok=True)
        temp = out_dir / f".{path.stem}.pdf.{os.getpid()}.abcd1234.part"
        temp.write_bytes(b"%PDF half written")  # as write_atomic would be, mid-write
        Path(f"started-{os.getpid()}").touch()
        time.sleep(3600)

    PARENT = os.getpid()
    batch.build_file = build_file
    from briefpdf.cli import main
    sys.exit(main(sys.argv[1:]))
    """)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, what: str) -> None:
    end = time.monotonic() + GUARD
    while not condition():
        assert time.monotonic() < end, f"gave up waiting for {what}"
        time.sleep(0.05)


def start_build(project) -> tuple[subprocess.Popen, list[int]]:
    """A -j 2 build of three briefings, once both workers are at work."""
    for name in ("a", "b", "c"):
        project.briefing(name, MINIMAL)
    proc = subprocess.Popen([sys.executable, "-c", ENDLESS_WORKERS, "build", "-j", "2"],
                            cwd=project.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    started = lambda: sorted(project.root.glob("started-*"))  # noqa: E731

    def both_started() -> bool:
        assert proc.poll() is None, proc.communicate()
        return len(started()) >= 2

    wait_for(both_started, "two workers")
    return proc, [int(p.name.split("-")[1]) for p in started()]


def finish(proc: subprocess.Popen, workers: list[int]) -> None:
    proc.kill()
    for pid in workers:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the parent-death signal and /proc are Linux's")


def test_workers_stop_when_the_main_process_is_killed(project):
    proc, workers = start_build(project)
    try:
        proc.kill()
        proc.communicate(timeout=GUARD)
        wait_for(lambda: not any(alive(pid) for pid in workers), "the workers to stop")
    finally:
        finish(proc, workers)
    # the next build removes what the killed workers left half-written
    leftovers = list((project.root / "out").glob(".*.part"))
    assert len(leftovers) == 2
    result = subprocess.run([sys.executable, "-m", "briefpdf", "build", "-j", "1"],
                            cwd=project.root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert not list((project.root / "out").glob(".*.part"))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_term_and_hup_stop_the_whole_build_cleanly(project, signum):
    proc, workers = start_build(project)
    try:
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=GUARD)
        wait_for(lambda: not any(alive(pid) for pid in workers), "the workers to stop")
    finally:
        finish(proc, workers)
    assert proc.returncode == 128 + signum, err
    assert f"stopped ({signal.Signals(signum).name})" in err
    assert "Traceback" not in err
    assert not list((project.root / "out").glob(".*.part")), "temporary files were left"

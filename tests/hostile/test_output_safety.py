"""Output safety: two builds writing the same PDF at once leave a complete file, and an
interrupted build (Ctrl-C) leaves no partial file and no traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import yaml
from hostile_support import HANG_GUARD, OLD_PDF, check_pdf, hostile_project, snapshot


def _big_briefing(items: int) -> str:
    sections = [{"heading": f"Section {s}", "content": [
        {"bullets": [f"Point {s}.{i}: a line of ordinary text to lay out." for i in range(40)]}]}
        for s in range(items // 40)]
    return yaml.safe_dump({"title": "A long briefing", "sections": sections})


def _start(project, *args):
    return subprocess.Popen([sys.executable, "-m", "briefpdf", *args], cwd=project.root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_builds_of_the_same_pdf_at_once(project):
    hostile_project(project)
    project.write("briefings/same.yaml", _big_briefing(400))
    first, second = (_start(project, "build", "briefings/same.yaml") for _ in range(2))
    results = [p.communicate(timeout=HANG_GUARD) for p in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), results
    check_pdf(project.root / "out" / "same.pdf")
    assert sorted(snapshot(project.root / "out")) in (
        ["same.pdf"], [".briefpdf-cache.json", "same.pdf"])


def test_interrupted_build_leaves_nothing_half_written(project):
    hostile_project(project)
    project.write("briefings/long.yaml", _big_briefing(3000))
    out = project.root / "out"
    out.mkdir()
    (out / "long.pdf").write_bytes(OLD_PDF)
    before = snapshot(out)
    proc = _start(project, "build", "briefings/long.yaml")
    time.sleep(1.5)  # not a timing assertion: only lets the build get under way
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=HANG_GUARD)
    assert "Traceback" not in err, err
    assert not [p for p in os.listdir(out) if p.endswith(".part")]
    if proc.returncode == 130:
        assert "interrupted; nothing half-written" in err
        if snapshot(out) != before:  # Ctrl-C came just after the PDF was replaced whole
            check_pdf(out / "long.pdf")
    else:  # the machine was fast enough to finish first: then the PDF is whole
        assert proc.returncode == 0, err
        check_pdf(out / "long.pdf")


def test_a_ctrl_c_after_the_build_has_finished_is_not_a_kill(project):
    hostile_project(project)
    project.write("briefings/short.yaml", _big_briefing(80))
    codes = []
    for _ in range(3):
        proc = subprocess.Popen([sys.executable, "-m", "briefpdf", "build", "--force",
                                 "briefings/short.yaml"], cwd=project.root,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONUNBUFFERED": "1"})
        summary = proc.stderr.readline()
        while summary and "built" not in summary:
            summary = proc.stderr.readline()
        proc.send_signal(signal.SIGINT)  # the summary is out: the run is finishing
        _, err = proc.communicate(timeout=HANG_GUARD)
        assert "Traceback" not in err, err
        codes.append(proc.returncode)
    assert set(codes) <= {0, 130}, codes  # never killed by the signal (-2)
    check_pdf(project.root / "out" / "short.pdf")

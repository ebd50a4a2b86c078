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


def _build_with_one_broken(project, count: int, broken: str, where: str):
    """Build ``count`` good briefings and a broken one with -j 2: the broken one is
    reported at ``where``, every other PDF is written, the summary counts them all."""
    many(project, count)
    project.briefing("broken", broken)
    result = project.run("build", "-j", "2", env={"CI": "1"})
    assert result.code == 1
    assert f"broken.yaml:{where}: this [ is never closed" in result.err
    assert result.err.strip().splitlines()[-1].startswith(
        f"{count} built, 0 unchanged, 1 failed in ")
    for n in range(count):
        assert f"Briefing number {n}" in pdf_text(project.root / "out" / f"b{n}.pdf")
    assert not (project.root / "out" / "broken.pdf").exists()
    return result


def test_parallel_build_writes_every_pdf(project):
    result = _build_with_one_broken(project, 4, "title: [unclosed\n", "1:8")
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


def test_parallel_pdfs_are_identical_to_one_job_pdfs(project):
    """This process builds the largest file itself and the workers it forks build the rest,
    warm: every PDF is still byte for byte what a one-job build makes."""
    many(project, 4)
    project.briefing("b0", MINIMAL.replace("Something happened.", "The longest one. " * 200))
    env = {"CI": "1", "SOURCE_DATE_EPOCH": "1500000000"}
    assert project.run("build", "-j", "1", "-o", "one", env=env).code == 0
    result = project.run("build", "-j", "3", "-o", "many", env=env)
    assert result.code == 0, result.err
    assert result.err.strip().splitlines()[-1].startswith("4 built, 0 unchanged, 0 failed")
    for n in range(4):
        pdf = f"b{n}.pdf"
        assert (project.root / "many" / pdf).read_bytes() == (
            project.root / "one" / pdf).read_bytes()
    assert "The longest one." in pdf_text(project.root / "many" / "b0.pdf")


def test_parallel_build_whose_first_file_fails(project):
    """The largest file (loaded first, in this process, to warm the workers) is broken: it
    is still reported with its position, and the workers build every other file."""
    _build_with_one_broken(project, 3, "# " + "a long comment " * 200
                           + "\ntitle: [unclosed\n", "2:8")


def test_parallel_build_without_fork(project, monkeypatch):
    """Where workers cannot be forked (macOS, Windows) they start fresh and build it all."""
    from briefpdf import batch

    many(project, 3)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    monkeypatch.setattr(batch, "fork_context", lambda: None)
    files = sorted((project.root / "briefings").glob("*.yaml"))
    options = {"style": None, "grayscale": False, "html": False}
    result = batch.build_many(files, project.root / "out", options, jobs=2)
    assert [o.status for o in result.outcomes] == ["built"] * 3
    for n in range(3):
        assert f"Briefing number {n}" in pdf_text(project.root / "out" / f"b{n}.pdf")


def test_packs_start_first_then_the_largest_briefings(project):
    """No long build is left for last: packs (many briefings each) go to the workers first,
    then briefings by decreasing size; the largest briefing is the one built first here."""
    from briefpdf.batch import schedule

    many(project, 3)
    project.briefing("b1", MINIMAL.replace("Something happened.", "Much happened. " * 50))
    project.write("briefings/term.pack.yaml",
                  "pack:\n  title: Term pack\n  briefings: [b0, b2]\n")
    files = sorted((project.root / "briefings").glob("*.yaml"))
    order, packs = schedule([*files, project.root / "briefings" / "gone.yaml"])
    assert [p.name for p in order] == ["term.pack.yaml", "b1.yaml", "b0.yaml", "b2.yaml",
                                       "gone.yaml"]
    assert packs == 1
    result = project.run("build", "-j", "2", env={"CI": "1"})
    assert result.code == 0, result.err
    assert result.err.strip().splitlines()[-1].startswith("4 built, 0 unchanged, 0 failed")
    pack = pdf_text(project.root / "out" / "term.pdf")
    assert "Briefing number 0" in pack and "Briefing number 2" in pack
    assert "Much happened." in pdf_text(project.root / "out" / "b1.pdf")

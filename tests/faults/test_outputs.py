"""Faults from the fault-injection trial (issue 21) that lost or exposed data: outputs.

Two inputs with one output, writing over an input or a file briefpdf did not write,
permissions, `-o` naming a file, write failures hiding the report, stale temporary
files and build progress lost to a kill.
"""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
import sys
import textwrap

from conftest import MINIMAL, pdf_text

CACHE = ".briefpdf-cache.json"


def briefing(title: str) -> str:
    return MINIMAL.replace("A short briefing", title)


def cli(project, *args: str, umask: int | None = None, limit_file_size: int | None = None,
        script: str | None = None) -> subprocess.CompletedProcess:
    """Run briefpdf in ``project`` with a umask, a file-size limit (a full disk), or
    a script in place of ``-m briefpdf``."""
    def prepare() -> None:
        if limit_file_size is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails (EFBIG) instead
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    command = [sys.executable, "-c", script, *args] if script else \
        [sys.executable, "-m", "briefpdf", *args]
    return subprocess.run(command, cwd=project.root, capture_output=True, text=True,
                          timeout=120, umask=-1 if umask is None else umask,
                          preexec_fn=prepare)


# --- one output from several inputs ---


def test_two_inputs_with_one_output_are_an_error_naming_both(project):
    project.briefing("family l", briefing("With a space"))
    project.briefing("family-l", briefing("With a dash"))
    project.write("briefings/family-l.yml", briefing("Short suffix"))
    project.briefing("other", briefing("Another one"))
    for _ in range(2):  # a second build does not call them built or unchanged either
        result = project.run("build")
        assert result.code == 1
        err = result.err
        for name in ("family l.yaml", "family-l.yaml", "family-l.yml"):
            line = next(x for x in err.splitlines() if x.startswith(f"briefings/{name}:1:1:"))
            assert "out/family-l.pdf" in line and "rename" in line
        assert "1 built" in err or "1 unchanged" in err
        assert "3 failed" in err
        assert not (project.root / "out" / "family-l.pdf").exists()
    assert "Another one" in pdf_text(project.root / "out" / "other.pdf")


def test_a_pack_and_a_briefing_with_one_output_are_an_error(project):
    project.briefing("family-l", briefing("Briefing"))
    project.write("briefings/family-l.pack.yaml", """\
        pack:
          title: A pack
          briefings: [family-l.yaml]
        """)
    result = project.run("build")
    assert result.code == 1
    assert "briefings/family-l.pack.yaml:1:1:" in result.err
    assert "briefings/family-l.yaml:1:1:" in result.err


def test_the_same_file_named_twice_is_built_once(project):
    project.briefing("a", briefing("Once"))
    result = project.run("build", "briefings/a.yaml", "./briefings/a.yaml", "briefings")
    assert result.code == 0, result.err
    assert "1 built" in result.err


# --- never over an input, a YAML file, or a file briefpdf did not write ---


def test_pack_never_writes_over_its_input(project):
    source = project.briefing("fl", briefing("Family L"))
    before = source.read_bytes()
    for extra in ((), ("--force",)):
        result = project.run("pack", "briefings/fl.yaml", "-o", "briefings/fl.yaml",
                             "--title", "T", *extra)
        assert result.code == 2, result.err
        assert "YAML file" in result.err and "never writes over" in result.err
        assert source.read_bytes() == before


def test_pack_never_writes_over_a_style_it_reads(project):
    project.write("styles/house.yaml", "name: House\n")
    project.briefing("fl", "style: house\n" + briefing("Family L"))
    project.write("styles/house.pdf", b"not a PDF at all")
    os.symlink("house.yaml", project.root / "styles" / "house-link.pdf")
    result = project.run("pack", "briefings/fl.yaml", "-o", "styles/house-link.pdf",
                         "--title", "T", "--force")
    assert result.code == 2, result.err
    assert "one of the files being read" in result.err
    assert (project.root / "styles" / "house.yaml").read_text() == "name: House\n"


def test_pack_replaces_only_a_file_it_wrote_unless_forced(project):
    project.briefing("fl", briefing("Family L"))
    notes = project.write("notes.pdf", b"my own notes, not a briefpdf PDF")
    result = project.run("pack", "briefings/fl.yaml", "-o", "notes.pdf", "--title", "T")
    assert result.code == 2
    assert "was not written by briefpdf" in result.err and "--force" in result.err
    assert notes.read_bytes() == b"my own notes, not a briefpdf PDF"
    assert project.run("pack", "briefings/fl.yaml", "-o", "notes.pdf", "--title", "T",
                       "--force").code == 0
    assert "Family L" in pdf_text(notes)
    again = project.run("pack", "briefings/fl.yaml", "-o", "notes.pdf", "--title", "Again")
    assert again.code == 0, again.err  # its own PDF is replaced without --force
    assert "Again" in pdf_text(notes)


def test_build_does_not_replace_a_file_it_did_not_write(project):
    project.briefing("fl", briefing("Family L"))
    mine = project.write("out/fl.pdf", b"%PDF-1.4\n% the user's own file\n%%EOF\n")
    result = project.run("build")
    assert result.code == 1
    assert "briefings/fl.yaml:1:1: out/fl.pdf already exists and was not written by " \
           "briefpdf" in result.err
    assert mine.read_bytes().startswith(b"%PDF-1.4\n% the user's own file")
    html = project.write("out/fl.html", "<!doctype html><title>mine</title>")
    mine.unlink()
    result = project.run("build", "--html")
    assert result.code == 1 and "out/fl.html already exists" in result.err
    assert html.read_text() == "<!doctype html><title>mine</title>"
    assert project.run("build", "--html", "--force").code == 0
    assert "Family L" in pdf_text(mine)
    assert 'content="briefpdf"' in html.read_text()


# --- permissions ---


def test_outputs_follow_the_umask_and_keep_an_existing_mode(project):
    project.briefing("fl", briefing("Family L"))
    result = cli(project, "build", "--html", umask=0o077)
    assert result.returncode == 0, result.stderr
    out = project.root / "out"
    for name in ("fl.pdf", "fl.html", CACHE):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600, name
    os.chmod(out / "fl.pdf", 0o640)
    assert cli(project, "build", "--force", umask=0o022).returncode == 0
    assert stat.S_IMODE((out / "fl.pdf").stat().st_mode) == 0o640  # kept, not widened
    project.briefing("new", briefing("New"))
    assert cli(project, "build", umask=0o022).returncode == 0
    assert stat.S_IMODE((out / "new.pdf").stat().st_mode) == 0o644


# --- -o naming a file; write failures ---


def test_out_naming_an_existing_file_says_so_once(project):
    project.briefing("a", briefing("A"))
    project.briefing("b", briefing("B"))
    project.write("report.pdf", b"something")
    result = project.run("build", "-o", "report.pdf")
    assert result.code == 2
    assert result.err.count("report.pdf") == 1
    assert "is a file, not a folder" in result.err
    assert "briefings/" not in result.err  # no briefing line is blamed


def test_a_failed_write_shows_each_pdf_error_and_the_summary(project):
    project.briefing("a", briefing("A"))
    project.briefing("b", briefing("B"))
    result = cli(project, "build", "-j", "1", limit_file_size=4096)  # as if the disk were full
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    for slug in ("a", "b"):
        assert any(line.startswith(f"briefings/{slug}.yaml:1:1: out/{slug}.pdf: cannot write")
                   for line in lines), result.stderr
    summary = next(i for i, line in enumerate(lines) if "0 built" in line and "2 failed" in line)
    assert summary >= 2
    assert not list((project.root / "out").glob(".*.part"))


def test_a_build_record_that_cannot_be_saved_is_a_warning_after_the_summary(project):
    project.briefing("a", briefing("A"))
    (project.root / "out" / CACHE).mkdir(parents=True)
    (project.root / "out" / CACHE / "keep").write_text("x")  # it cannot be replaced
    result = project.run("build")
    assert result.code == 0, result.err
    lines = result.err.splitlines()
    summary = next(i for i, line in enumerate(lines) if "1 built" in line)
    warning = next(i for i, line in enumerate(lines) if "cannot write" in line)
    assert warning > summary and "warning" in lines[warning]
    assert "A" in pdf_text(project.root / "out" / "a.pdf")


# --- leftovers and lost progress ---


def test_stale_temporary_files_of_briefpdfs_own_naming_are_removed(project):
    project.briefing("a", briefing("A"))
    out = project.root / "out"
    dead = project.write("out/.a.pdf.999999999.k2j4h5g6.part", b"%PDF half")  # no such process
    alive = project.write(f"out/.a.pdf.{os.getppid()}.k2j4h5g6.part", b"%PDF in progress")
    other = project.write("out/.notes.part", b"not ours")
    assert project.run("build").code == 0
    assert not dead.exists()
    assert alive.exists() and other.exists()
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == ["a.pdf"]


KILL_AT_SECOND = textwrap.dedent("""\
    import os, signal, sys
    from briefpdf import batch
    real, calls = batch.build_file, []
    def build_file(*args, **kwargs):
        calls.append(args[0])
        if len(calls) == 2:  # killed while building the second briefing
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    batch.build_file = build_file
    from briefpdf.cli import main
    sys.exit(main(sys.argv[1:]))
    """)


def test_a_killed_build_keeps_the_progress_it_made(project):
    for slug in ("a", "b", "c"):
        project.briefing(slug, briefing(slug.upper()))
    killed = cli(project, "build", "-j", "1", script=KILL_AT_SECOND)
    assert killed.returncode == -signal.SIGKILL
    assert (project.root / "out" / "a.pdf").exists()
    again = project.run("build", "-j", "1")
    assert again.code == 0, again.err
    assert "2 built, 1 unchanged" in again.err


# --- the build record ---


def test_a_malformed_build_record_is_ignored_and_rewritten_with_a_note(project):
    project.briefing("a", briefing("A"))
    assert project.run("build").code == 0
    record = project.root / "out" / CACHE
    for bad in ('{"format": 1, "entries": "a string"}',
                '{"format": 1, "entries": {"x": {"fingerprint": "f", "output": "o", '
                '"output_stat": [1, 2], "files": {}, "absent": 5}}}',
                '[1, 2, 3]', '{"format": 1, "entries": {"x": 7}}', "not json at all"):
        record.write_text(bad)
        result = project.run("build")
        assert result.code == 0, result.err
        notes = [line for line in result.err.splitlines() if "was not what briefpdf writes" in line]
        assert len(notes) == 1, result.err
        assert "1 built" in result.err
        again = project.run("build")
        assert "1 unchanged" in again.err and "not what briefpdf" not in again.err


def test_a_build_record_that_is_a_pipe_or_device_is_not_read(project):
    project.briefing("a", briefing("A"))
    out = project.root / "out"
    out.mkdir()
    os.mkfifo(out / CACHE)
    result = project.run("build", timeout=60)
    assert result.code == 0, result.err
    assert "1 built" in result.err
    assert (out / CACHE).is_file()  # rewritten as a file
    (out / CACHE).unlink()
    os.symlink("/dev/zero", out / CACHE)
    result = project.run("build", timeout=60)
    assert result.code == 0 and "1 built" in result.err

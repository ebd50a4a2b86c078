"""briefpdf installs with plain pip (no make, not editable) into a fresh virtual
environment and builds the samples with `python -m briefpdf`, as the README's setup
for Windows and macOS says.

No network: the wheel is built from a copy of the source without build isolation, the
fresh environment sees only the installed distributions briefpdf declares (and theirs),
linked in through a .pth file, and pip installs the wheel with --no-index, so an
undeclared dependency fails the install or the build."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from conftest import ROOT, pdf_text

PIP = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PIP_NO_INDEX": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


def declared_closure(name: str) -> set[str]:
    """The distributions ``name`` requires (not its extras), and theirs, installed here."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        dist = metadata.distribution(todo.pop())
        for requirement in dist.requires or []:
            if "extra ==" in requirement:
                continue
            marker = requirement.split(";", 1)
            if len(marker) == 2 and not _marker_holds(marker[1]):
                continue
            wanted = re.split(r"[\s<>=!~\[(;]", requirement.strip(), maxsplit=1)[0]
            key = wanted.lower().replace("_", "-")
            if key not in seen:
                seen.add(key)
                todo.append(wanted)
    return seen


def _marker_holds(marker: str) -> bool:
    from packaging.markers import Marker

    return Marker(marker).evaluate()


def link_dependencies(into: Path) -> None:
    """Link each top-level file and folder of the declared dependencies into ``into``."""
    into.mkdir()
    for name in declared_closure("briefpdf"):
        for file in metadata.distribution(name).files or []:
            top = file.parts[0]
            source = Path(file.locate()).resolve()
            while source.name != top and source.parent != source:
                source = source.parent
            if top.startswith("..") or top == "__pycache__" or not source.exists():
                continue
            target = into / top
            if not target.exists():
                target.symlink_to(source, target_is_directory=source.is_dir())


def test_plain_pip_install_builds_the_samples(tmp_path):
    # 1. a wheel of briefpdf, built from a copy of the source (the clone stays clean)
    source = tmp_path / "source"
    shutil.copytree(ROOT / "src", source / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    run(*PIP, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
        "-w", tmp_path / "dist", source)
    [wheel] = (tmp_path / "dist").glob("briefpdf-*.whl")

    # 2. a fresh environment that sees only what briefpdf declares
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))")
                .stdout.strip())
    link_dependencies(tmp_path / "deps")
    (site / "dependencies.pth").write_text(str(tmp_path / "deps") + "\n", encoding="utf-8")

    # 3. plain pip, no index: every dependency must already be satisfied
    run(*PIP, "--python", python, "install", "--no-index", "--no-compile", "-q", wheel)
    where = run(python, "-c", "import briefpdf; print(briefpdf.__file__)").stdout.strip()
    assert Path(where).resolve().is_relative_to(site.resolve())  # not the editable one

    # 4. the samples, built as the README says
    project = tmp_path / "project"
    shutil.copytree(ROOT / "briefings", project / "briefings")
    shutil.copytree(ROOT / "styles", project / "styles")
    result = run(python, "-m", "briefpdf", "build", cwd=project)
    built = sorted(p.name for p in (project / "out").glob("*.pdf"))
    assert built == sorted(re.sub(r"(\.pack)?\.yaml$", ".pdf", p.name)
                           for p in (ROOT / "briefings").glob("*.yaml")), result.stderr
    assert "Family L" in pdf_text(project / "out" / "family-l.pdf")

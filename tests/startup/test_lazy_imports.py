"""`--help`, `validate` and a no-op build import no PDF library (they must start fast)."""

from __future__ import annotations

import subprocess
import sys

from conftest import MINIMAL

PROBE = """
import sys
from briefpdf.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'pypdf', 'pydantic'})
print('HEAVY=' + ','.join(heavy))
"""


def heavy_modules(project, *args: str, env: dict | None = None) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=project.root,
                          capture_output=True, text=True, timeout=120, env=env)
    line = [x for x in proc.stdout.splitlines() if x.startswith("HEAVY=")][-1]
    return [m for m in line.removeprefix("HEAVY=").split(",") if m]


def test_help_imports_no_heavy_package(project):
    assert heavy_modules(project, "--help") == []
    assert heavy_modules(project, "build", "--help") == []


def test_validate_imports_neither_reportlab_nor_pypdf(project):
    project.briefing("mini", MINIMAL)
    # pydantic only to generate the models' core schemas, when none is kept yet
    assert heavy_modules(project, "validate") in (["pydantic"], [])
    assert heavy_modules(project, "validate") == []  # kept: pydantic-core alone validates


def test_up_to_date_build_only_hashes_files(project):
    project.briefing("mini", MINIMAL)
    assert "reportlab" in heavy_modules(project, "build")
    assert heavy_modules(project, "build") == []


MODULES = """
import sys
from briefpdf.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print('MODULES=' + ','.join(sorted(sys.modules)))
"""


def loaded_modules(project, *args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", MODULES, *args], cwd=project.root,
                          capture_output=True, text=True, timeout=120)
    line = [x for x in proc.stdout.splitlines() if x.startswith("MODULES=")][-1]
    return set(line.removeprefix("MODULES=").split(","))


def test_a_command_loads_only_its_own_module(project):
    project.briefing("mini", MINIMAL)
    loaded = loaded_modules(project, "validate")
    commands = {m for m in loaded if m.startswith("briefpdf.commands.")}
    assert commands == {"briefpdf.commands.validate", "briefpdf.commands.report"}


def test_help_reads_no_yaml(project):
    loaded = loaded_modules(project, "--help")
    assert "yaml" not in loaded
    assert "briefpdf.commands.check_links" in loaded  # every command is described


SERVE_ONLY = {"briefpdf.serve", "briefpdf.serve.server", "briefpdf.serve.workspace",
              "watchfiles", "pypdfium2", "http.server"}
"""What `briefpdf serve` imports when it runs, and no other command may."""


def test_only_serve_imports_the_server(project):
    project.briefing("mini", MINIMAL)
    for args in (["--help"], ["validate"], ["build"], ["serve", "--help"]):
        assert loaded_modules(project, *args) & SERVE_ONLY == set(), args

"""`briefpdf serve`'s packages are imported by serve alone: other commands start no slower."""

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
print('MODULES=' + ','.join(sorted(sys.modules)))
"""
SERVE_ONLY = {"briefpdf.serve", "briefpdf.serve.server", "briefpdf.serve.workspace",
              "watchfiles", "pypdfium2", "http.server"}


def loaded(project, *args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=project.root,
                          capture_output=True, text=True, timeout=120)
    line = [x for x in proc.stdout.splitlines() if x.startswith("MODULES=")][-1]
    return set(line.removeprefix("MODULES=").split(","))


def test_other_commands_do_not_import_the_server(project):
    project.briefing("mini", MINIMAL)
    for args in (["--help"], ["validate"], ["build"], ["serve", "--help"]):
        assert loaded(project, *args) & SERVE_ONLY == set(), args

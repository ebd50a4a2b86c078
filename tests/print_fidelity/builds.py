"""Every sample in every shipped style, in colour and in grays, built once per test
process (the built-in default style and each file in styles/)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from conftest import ROOT, run_cli

SAMPLES = ROOT / "briefings"


def shipped_styles() -> list[str]:
    """The built-in default and the name of every style file in styles/."""
    return ["default", *sorted(p.stem for p in (ROOT / "styles").glob("*.yaml"))]


@cache
def _folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="briefpdf-print-"))


@cache
def built(style: str, grayscale: bool = False) -> Path:
    """The folder holding every sample (briefings and the pack) built in ``style``."""
    out = _folder() / (style + ("-gray" if grayscale else ""))
    args = ["build", str(SAMPLES), "-o", str(out), "--style", style, "-j", "1", "--force"]
    result = run_cli(*args, *(["--grayscale"] if grayscale else []), cwd=ROOT)
    assert result.code == 0, result.err
    return out


def cleanup() -> None:
    shutil.rmtree(_folder(), ignore_errors=True)


atexit.register(cleanup)

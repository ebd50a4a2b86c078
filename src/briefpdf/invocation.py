"""How the user started briefpdf, so that a message suggesting a command shows one they
can type as it is.

On Windows without an activated virtual environment `briefpdf` is not on PATH; the
user typed `.venv\\Scripts\\briefpdf` or `py -m briefpdf`. A message saying "run
`briefpdf styles`" would then not work, so suggestions repeat what the user typed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def command(*words: str) -> str:
    """``briefpdf WORDS…`` in the form this run was started with (``briefpdf``, a path to
    it, or ``python -m briefpdf``)."""
    return " ".join([_program(), *words])


def _program() -> str:
    argv0 = sys.argv[0] if sys.argv and sys.argv[0] else "briefpdf"
    if Path(argv0).name == "__main__.py":  # python -m briefpdf
        return f"{_typed(sys.executable, ('python', 'python3', 'py'))} -m briefpdf"
    if Path(argv0).stem.lower() != "briefpdf":  # imported by something else (tests)
        return "briefpdf"
    return _typed(argv0, ("briefpdf",))


def _typed(program: str, names: tuple[str, ...]) -> str:
    """The shortest way to type ``program``: a bare name when PATH finds this very file,
    else its path (relative to the working folder when inside it), quoted if needed."""
    import shutil

    try:
        target = Path(program).resolve()
        for name in names:
            found = shutil.which(name)
            if found and Path(found).resolve() == target:
                return name
        try:
            shown = str(Path(program).absolute().relative_to(Path.cwd()))
            shown = shown if os.sep in shown else os.path.join(".", shown)
        except ValueError:
            shown = str(Path(program).absolute())
    except OSError:
        return names[0]
    return f'"{shown}"' if " " in shown else shown

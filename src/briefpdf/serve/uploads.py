"""The home page's New briefing and Import buttons.

New briefing writes the same template as `briefpdf new`. Import hands the uploaded file
to the `briefpdf import` command, run as a user would run it, once the command exists;
the upload is checked (size, type, content) before anything is written.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from briefpdf.serve import guard
from briefpdf.serve.workspace import Workspace


def new_briefing(workspace: Workspace, slug: str) -> str:
    """Write briefings/SLUG.yaml from `briefpdf new`'s template; return its file name."""
    from briefpdf.commands.new import create

    return create(slug.strip(), workspace.folder).name


def import_available() -> bool:
    """True when this briefpdf has the `import` command."""
    from briefpdf.cli import COMMANDS

    return "import" in COMMANDS


def import_upload(workspace: Workspace, name: str, data: bytes) -> dict[str, Any]:
    """Check the upload, then run `briefpdf import` on it in the project folder.
    Raises guard.UploadRefused for a file that is too big or of the wrong type."""
    suffix = guard.check_upload(name, data)
    kind = guard.UPLOAD_TYPES[suffix]
    if not import_available():
        return {"imported": False, "message": (
            f"{name} ({kind}, {max(len(data) // 1024, 1)} KB) was received, but this "
            "version of briefpdf cannot import files yet. Start a New briefing and copy "
            "the text into it instead.")}
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip("-.") or "imported"
    with tempfile.TemporaryDirectory(prefix="briefpdf-upload-") as folder:
        upload = Path(folder) / f"{stem}{suffix}"
        upload.write_bytes(data)
        proc = subprocess.run([sys.executable, "-m", "briefpdf", "import", str(upload)],
                              cwd=workspace.root, capture_output=True, text=True,
                              timeout=300)
    written = re.findall(r"(\S+\.ya?ml)", proc.stdout)
    created = [Path(w).name for w in written if workspace.path_of(Path(w).name)]
    return {"imported": proc.returncode == 0, "files": created,
            "message": (proc.stderr.strip() or proc.stdout.strip())[-2000:]}

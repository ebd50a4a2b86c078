"""The home page's New briefing and Import buttons.

New briefing writes the same template as `briefpdf new`; Import does what
`briefpdf import` does (briefpdf/importer), into briefings/. The upload is checked
(size, type, content) before anything is written, and kept only in a temporary folder.
"""

from __future__ import annotations

import re
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
    """Check the upload, then import it as `briefpdf import` does, into briefings/.
    Raises guard.UploadRefused for a file that is too big or of the wrong type."""
    suffix = guard.check_upload(name, data)
    kind = guard.UPLOAD_TYPES[suffix]
    if not import_available():
        return {"imported": False, "message": (
            f"{name} ({kind}, {max(len(data) // 1024, 1)} KB) was received, but this "
            "version of briefpdf cannot import files. Start a New briefing and copy "
            "the text into it instead.")}
    from briefpdf.errors import BriefpdfError, InputError
    from briefpdf.importer.report import describe
    from briefpdf.importer.run import import_file

    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name).stem).strip("-.") or "imported"
    with tempfile.TemporaryDirectory(prefix="briefpdf-upload-") as folder:
        upload = Path(folder) / f"{stem}{suffix}"  # its name gives the briefing's name
        upload.write_bytes(data)
        try:
            result = import_file(upload, workspace.folder)
        except InputError as exc:
            return {"imported": False, "message": "; ".join(
                _without_folder(p.message if p.file == str(upload) else str(p), folder)
                for p in exc.problems)}
        except BriefpdfError as exc:
            return {"imported": False, "message": _without_folder(str(exc), folder)}
    return {"imported": True, "files": [result.target.name],
            "message": _without_folder(describe(result), folder)}


def _without_folder(text: str, folder: str) -> str:
    """Messages name the upload as the person knows it, not by its temporary folder."""
    return text.replace(folder + "/", "")

"""What makes a request acceptable. The server is for the person at this computer only.

- It listens on 127.0.0.1, so nothing else on the network reaches it.
- A web page elsewhere could still make the browser send requests to it, or point a
  name of its own at 127.0.0.1 (DNS rebinding). So the Host header must name this
  server, any Origin must be this server, and every request that changes something
  must carry the token that only this server's own pages know.
- Files are named by a plain file name inside briefings/; the resolved path must stay in
  the project folder, so ``..``, absolute paths and symlinks pointing out are refused.
"""

from __future__ import annotations

import hmac
import re
import secrets
from pathlib import Path

TOKEN_HEADER = "X-Briefpdf-Token"
MAX_UPLOAD = 20 * 1024 * 1024
"""Bytes: a Word file of a long briefing with a few photos is well under this."""
MAX_TEXT = 2 * 1024 * 1024
"""Bytes of YAML a save may send: just over the loader's own limit (2,000,000 bytes),
so a file a little too large is saved and gets the loader's message at its line."""

FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*\.ya?ml")
"""A briefing or pack file name: no folder part, no leading dot, no ``..``."""
SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}")
"""A name for a new briefing, as `briefpdf new` accepts it (no ``..``; checked below)."""

UPLOAD_TYPES = {".docx": "Word", ".md": "Markdown", ".markdown": "Markdown", ".txt": "text"}


def new_token() -> str:
    """A per-session secret, put in the pages this server sends."""
    return secrets.token_urlsafe(32)


def own_addresses(port: int) -> set[str]:
    """The host:port forms by which a browser on this computer names this server."""
    return {f"127.0.0.1:{port}", f"localhost:{port}"}


def host_ok(host: str | None, port: int) -> bool:
    """True when the Host header names this server (refuses DNS rebinding)."""
    return host is not None and host.strip().lower() in own_addresses(port)


def origin_ok(origin: str | None, port: int) -> bool:
    """True when there is no Origin header or it is this server (refuses cross-site
    requests). Browsers send Origin with every POST and with cross-site fetches."""
    if origin is None:
        return True
    return origin.strip().lower() in {f"http://{a}" for a in own_addresses(port)}


def token_ok(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def inside(root: Path, path: Path) -> bool:
    """True when ``path``, with every symlink followed, is in the folder ``root``."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return False


def project_file(root: Path, folder: Path, name: str) -> Path | None:
    """``folder/name`` when ``name`` is a plain briefing file name and the file, links
    followed, stays inside the project ``root``; otherwise None."""
    if not FILE_NAME.fullmatch(name) or ".." in name:
        return None
    path = folder / name
    return path if inside(root, path) else None


def slug_ok(slug: str) -> bool:
    return bool(SLUG.fullmatch(slug)) and ".." not in slug


class UploadRefused(ValueError):
    """An upload that is too big or not a file type we accept; the message says which."""


def check_upload(name: str, data: bytes) -> str:
    """The upload's suffix (``.docx``, ``.md``, ``.txt`` …) when it is one of the accepted
    types, checked by content as well as name; raise UploadRefused otherwise."""
    suffix = Path(name).suffix.lower()
    if len(data) > MAX_UPLOAD:
        raise UploadRefused(f"{name} is larger than {MAX_UPLOAD // (1024 * 1024)} MB; "
                            "save it without large pictures and try again")
    if suffix not in UPLOAD_TYPES:
        kinds = ", ".join(sorted(UPLOAD_TYPES))
        raise UploadRefused(f"{name} is not a file briefpdf can import; use one of {kinds}")
    if suffix == ".docx":
        if not data.startswith(b"PK\x03\x04"):
            raise UploadRefused(f"{name} is not a Word (.docx) file; open it in Word and "
                                "save it as .docx")
        return suffix
    if b"\0" in data:
        raise UploadRefused(f"{name} is not a text file; save it as plain text (UTF-8)")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise UploadRefused(f"{name} is not UTF-8 text; save it with the UTF-8 encoding") \
            from None
    return suffix

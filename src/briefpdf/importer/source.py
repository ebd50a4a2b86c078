"""Which reader a file needs, decided from its first bytes (not only its name), and the
checks every file passes first: size, emptiness, old and protected Word files.
"""

from __future__ import annotations

from pathlib import Path

from briefpdf.importer.blocks import Read, fail

MAX_INPUT_BYTES = 50_000_000
"""The largest file read at all (a .docx with pictures; text files are far smaller)."""
MAX_TEXT_BYTES = 2_000_000
"""A .txt or .md briefing: the same as a briefing YAML file (docs/limits.md)."""

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"


def read_source(path: Path, name: str) -> Read:
    """Read any supported file into blocks, or raise InputError naming the file."""
    try:
        if path.is_dir():
            raise fail(name, "is a folder; name a .docx, .md or .txt file")
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise fail(name, f"the file is {size:,} bytes, over the limit of "
                             f"{MAX_INPUT_BYTES:,}; make the pictures smaller or split it")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise fail(name, "no such file; check the name and folder") from None
    except OSError as exc:
        raise fail(name, f"cannot read the file: {exc.strerror}") from None
    if not raw.strip():
        raise fail(name, "the file is empty; there is nothing to import")
    suffix = path.suffix.lower()
    if raw.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in raw:
            raise fail(name, "the document is protected with a password; open it in Word, "
                             "remove the password (File > Info > Protect Document > Encrypt "
                             "with Password, then clear it), save, and import it again")
        raise fail(name, "this is an old Word document (.doc), which briefpdf cannot read; "
                         "open it in Word and save it as .docx (File > Save As > Word "
                         "Document), then import the .docx")
    if raw.startswith(ZIP_MAGIC) or suffix in (".docx", ".docm", ".dotx"):
        from briefpdf.importer.docx import read_docx

        return read_docx(raw, name)
    if suffix in (".doc", ".rtf", ".odt", ".pdf", ".pages"):
        raise fail(name, f"briefpdf cannot read {suffix} files; open it in Word and save it "
                         "as .docx (File > Save As > Word Document)")
    if len(raw) > MAX_TEXT_BYTES:
        raise fail(name, f"the file is {len(raw):,} bytes, over the limit of "
                         f"{MAX_TEXT_BYTES:,} for text; split it into several briefings")
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail(name, "this is a binary file, not text; briefpdf imports Word documents "
                         "(.docx), Markdown (.md) and text (.txt)")
    from briefpdf.load.yaml_source import decode_text

    text = decode_text(raw, name)
    if suffix in (".md", ".markdown"):
        from briefpdf.importer.markdown import read_markdown

        return read_markdown(text, path.parent, name)
    from briefpdf.importer.text import read_text

    return read_text(text)

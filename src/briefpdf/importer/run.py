"""One import: read a file, assemble a briefing, check the YAML, then write it (and its
pictures) — or raise InputError having written nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from briefpdf.errors import InputError, Problem
from briefpdf.importer.assemble import Imported, assemble
from briefpdf.importer.source import fail, read_source
from briefpdf.importer.writer import dump


@dataclass
class Result:
    """What was written, and what was recognised on the way."""

    source: str
    target: Path
    imported: Imported


def slug_for(path: Path) -> str:
    """``Family L briefing.docx`` → ``family-l-briefing``."""
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "briefing"


def import_file(path: Path, out_dir: Path, *, style: str | None = None,
                force: bool = False) -> Result:
    name = str(path)
    read = read_source(path, name)
    slug = slug_for(path)
    target = out_dir / f"{slug}.yaml"
    imported = assemble(read, slug, style)
    text = dump(imported.data, [
        f"Imported from {path.name} by `briefpdf import`. Check the text, then run:",
        f"  briefpdf build {target.as_posix()}",
        "The format is described in docs/format.md.",
    ])
    _check(text, target, name, style)
    images = [(out_dir / relative, data) for relative, data in imported.images]
    _may_write(target, name, force, yaml_file=True)
    for image, _ in images:
        _may_write(image, name, force, yaml_file=False)
    from briefpdf.finish.write import write_atomic

    for image, data in images:
        write_atomic(image, data)
    write_atomic(target, text.encode("utf-8"))
    return Result(name, target, imported)


def _check(text: str, target: Path, name: str, style: str | None) -> None:
    """The YAML loads and validates as it will when built (else nothing is written)."""
    from briefpdf.load.yaml_source import DEFAULT_LIMITS, parse_yaml
    from briefpdf.model.briefing import Briefing
    from briefpdf.model.validate import to_model

    size = len(text.encode("utf-8"))
    if size > DEFAULT_LIMITS.max_file_bytes:
        raise fail(name, f"the document makes a briefing of {size:,} bytes, over the limit "
                         f"of {DEFAULT_LIMITS.max_file_bytes:,}; split it into several "
                         "documents and import each")
    if style:
        from briefpdf.model.document import load_style

        load_style(style, target.parent)
    try:
        to_model(parse_yaml(text, str(target)), Briefing)
    except InputError as exc:  # a fault of the import itself: say so, with the reason
        raise InputError([Problem(name, 1, 1, "the briefing made from this file would not "
                                              f"build ({p.message}); please report this")
                          for p in exc.problems]) from None


def _may_write(path: Path, name: str, force: bool, *, yaml_file: bool) -> None:
    """Never overwrite without --force, and never write over a file of another kind."""
    if path.is_dir():
        raise fail(name, f"{path} is a folder; choose another output folder with -o")
    if not path.exists():
        return
    if not force:
        raise fail(name, f"{path} already exists; add --force to replace it, or choose "
                         "another folder with -o")
    head = path.read_bytes()[:4096]
    if yaml_file:
        kind_ok = b"\x00" not in head
    else:
        kind_ok = head.startswith((b"\x89PNG", b"\xff\xd8\xff"))
    if not kind_ok:
        raise fail(name, f"{path} exists and is not a {'YAML' if yaml_file else 'picture'} "
                         "file; it is not replaced, even with --force: move it away first")

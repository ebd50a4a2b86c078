"""The build, as a linear sequence of steps: load → model → compose → render → finish → write.

Each step is a function of its own stage package; this module only strings them
together and decides where output goes.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefpdf.cache import Inputs
from briefpdf.errors import BriefpdfError, InputError, Problem

# The stages are imported inside the functions that use them, so that `--help`, the
# incremental no-op check and the worker start-up only pay for what they use.

BRIEFINGS_DIR = Path("briefings")
OUT_DIR = Path("out")


@dataclass
class Outcome:
    """What happened to one input file."""

    path: Path
    output: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    status: str = "built"  # built | unchanged | failed | valid
    inputs: Inputs | None = None  # what the output was made from (for incremental builds)
    html: Path | None = None  # the HTML twin, when asked for
    findings: dict[str, int] | None = None  # `briefpdf check` findings by kind, when checked


def discover(paths: list[str]) -> list[Path]:
    """The files to work on: the given ones, or every YAML file in briefings/."""
    if paths:
        found: list[Path] = []
        for name in paths:
            path = Path(name)
            found.extend(_yaml_files(path) if path.is_dir() else [path])
        return found
    return _yaml_files(BRIEFINGS_DIR)


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml")
                  and not p.name.startswith("."))


MAX_EPOCH = 253_402_300_799
"""The last second of the year 9999: PDF dates have four-digit years."""


def check_source_date_epoch() -> None:
    """SOURCE_DATE_EPOCH (reproducible builds: the time written into every PDF), when set,
    must be a whole number of seconds since 1970; anything else is said before a build."""
    import os
    import re

    from briefpdf.errors import UsageError

    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or not value.strip():
        return
    if not re.fullmatch(r"[0-9]+", value.strip()) or int(value) > MAX_EPOCH:
        raise UsageError(
            f"SOURCE_DATE_EPOCH={value!r} is not a time briefpdf can use: it must hold a whole "
            "number of seconds since 1970-01-01 (digits only, like 1700000000; at most "
            f"{MAX_EPOCH}, the end of 9999); correct it, or unset it to use the current time")


def validate_file(path: Path, style: str | None = None) -> Outcome:
    """Load and check one briefing or pack without rendering it."""
    from briefpdf.load.styles import _show
    from briefpdf.load.yaml_source import load_yaml
    from briefpdf.model.document import is_pack, load_briefing

    warnings: list[Problem] = []
    try:
        source = load_yaml(path, display=_show(path))
        if is_pack(source):
            from briefpdf.model.pack import load_pack

            warnings = load_pack(path, style, source=source).warnings
        else:
            loaded = load_briefing(path, style, source=source)
            warnings = loaded.warnings + deceptive_links(loaded)
    except InputError as exc:
        return Outcome(path, problems=exc.problems, status="failed")
    return Outcome(path, problems=warnings, status="valid")


def warm_up(path: Path, style: str | None = None, *, grayscale: bool = False,
            html: bool = False, strict: bool = False) -> None:
    """Do the work every build shares, without building: import the stages, load the
    style, register its fonts, prepare its logos and compose ``path``. Worker processes
    forked afterwards inherit all of it warm (see batch.py). A problem with ``path`` is
    left for its real build to report."""
    from briefpdf.finish import briefing, write  # noqa: F401 (imported for the workers)
    from briefpdf.load.styles import _show
    from briefpdf.load.yaml_source import load_yaml
    from briefpdf.model.document import is_pack, load_briefing
    from briefpdf.render import document  # noqa: F401

    try:
        source = load_yaml(path, display=_show(path))
        if not is_pack(source):
            from briefpdf.compose.document import compose_briefing

            loaded = load_briefing(path, style, source=source, grayscale=grayscale)
            compose_briefing(loaded)
            check_findings(loaded, strict=strict)
    except BriefpdfError:
        pass


def build_file(path: Path, out_dir: Path, style: str | None = None, *,
               grayscale: bool = False, html: bool = False, strict: bool = False,
               force: bool = False) -> Outcome:
    """Build one briefing into ``out_dir/<slug>.pdf`` (in grays if ``grayscale``; and
    ``<slug>.html``, the HTML twin, with ``html``). Its `briefpdf check` findings are
    counted; with ``strict`` any finding fails the build before anything is written.
    An existing output that briefpdf did not write, or that is one of the inputs, is not
    replaced (``force``: unless it is not an input). Anything unexpected fails this file
    only, never the whole batch."""
    try:
        return _build_file(path, out_dir, style, grayscale=grayscale, html=html,
                           strict=strict, force=force)
    except Exception as exc:  # noqa: BLE001 - one file's bug must not stop the others
        import os

        from briefpdf.load.styles import _show

        if os.environ.get("BRIEFPDF_DEBUG"):
            raise
        return Outcome(path, status="failed", problems=[Problem(_show(path), 1, 1, (
            f"internal error while building this file: {type(exc).__name__}: {exc}; this is "
            "a bug in briefpdf, please report it with the file"))])


def _build_file(path: Path, out_dir: Path, style: str | None, *, grayscale: bool,
                html: bool, strict: bool, force: bool) -> Outcome:
    from briefpdf.load.styles import _show
    from briefpdf.model.document import slug_of

    try:
        made = make_pdf(path, style, grayscale=grayscale,      # 1-5. load … finish
                        strict=strict)
        page = render_html(made.loaded) if html and not made.pack else None
        output = out_dir / f"{slug_of(path)}.pdf"
        html_output = out_dir / f"{slug_of(path)}.html" if page is not None else None
        from briefpdf.finish.write import refuse_target, write_atomic

        for target in (output, html_output):                    #    never over a file
            refused = target and refuse_target(target, made.inputs.files, force=force)
            if refused:
                raise InputError([Problem(_show(path), 1, 1, refused)])

        write_atomic(output, made.pdf)                         # 6. write atomically
        if page is not None and html_output is not None:
            write_atomic(html_output, page.encode("utf-8"))
    except InputError as exc:  # (with ``strict``, the findings are the problems)
        return Outcome(path, problems=exc.problems, status="failed",
                       findings=count_findings(exc.problems) if strict and any(
                           hasattr(p, "kind") for p in exc.problems) else None)
    except BriefpdfError as exc:
        return Outcome(path, problems=[Problem(_show(path), 1, 1, str(exc))], status="failed")
    warnings = made.loaded.warnings if made.pack else \
        made.loaded.warnings + deceptive_links(made.loaded)
    return Outcome(path, output=output, inputs=made.inputs, html=html_output,
                   problems=warnings,  # warnings only
                   findings=None if made.findings is None else count_findings(made.findings))


def deceptive_links(loaded) -> list[Problem]:
    """A warning at each link of a briefing that may deceive a reader (links/safety.py)."""
    from briefpdf.links.collect import collect_links
    from briefpdf.links.safety import link_warnings

    return link_warnings(collect_links(loaded))


@dataclass
class Made:
    """One PDF made in memory, with what it was made from."""

    pdf: bytes
    loaded: Any  # a LoadedBriefing, or a LoadedPack when ``pack``
    inputs: Inputs
    pack: bool
    findings: list | None = None  # `briefpdf check`'s counted findings, if checked


def make_pdf(path: Path, style: str | None = None, *, grayscale: bool = False,
             strict: bool = False) -> Made:
    """Load one briefing or pack and make its PDF in memory, writing nothing: for
    ``build_file``, and for `briefpdf serve`'s previews in another style.
    Raises InputError with every problem found (with ``strict``, with every `briefpdf
    check` finding too, before anything is laid out)."""
    from briefpdf.cache import inputs_of

    check_source_date_epoch()
    from briefpdf.load.styles import _show
    from briefpdf.load.yaml_source import load_yaml
    from briefpdf.model.document import is_pack, load_briefing

    source = load_yaml(path, display=_show(path))               # 1. load the YAML
    if is_pack(source):
        from briefpdf.model.pack import load_pack

        with no_cycle_collection():
            pack = load_pack(path, style, source=source,        # 2. validate the pack and
                             grayscale=grayscale)               #    each of its briefings
            # (a pack's briefings are counted when they are built on their own: checking
            # a 300-briefing pack costs seconds, paid only when asked to be strict)
            findings = check_findings(*pack.briefings, strict=True) if strict else None
            pdf = render_pack(pack)                             # 3-6. see render_pack
        return Made(pdf, pack, pack_inputs(pack), pack=True,    #    (a pack has no HTML twin)
                    findings=findings)
    loaded = load_briefing(path, style, source=source,          # 2. validate the model
                           grayscale=grayscale)
    findings = check_findings(loaded, strict=strict)            #    `briefpdf check`
    with no_cycle_collection():
        pdf = render_briefing(loaded)                           # 3-5. see render_briefing
    return Made(pdf, loaded, inputs_of(loaded), pack=False, findings=findings)


def check_findings(*briefings, strict: bool = False) -> list:
    """The counted `briefpdf check` findings of loaded briefings (a style's once); with
    ``strict``, all of them, reading ages too, and InputError when there are any.
    Without ``strict`` the reading ages are left to `briefpdf check` (see check_loaded)."""
    from briefpdf.check.runner import check_loaded

    found: dict = {}
    for loaded in briefings:
        for finding in check_loaded(loaded, reading_age=strict).counted:
            found.setdefault((finding.file, finding.line, finding.column, finding.message),
                             finding)
    if strict and found:
        raise InputError(list(found.values()))
    return list(found.values())


def count_findings(findings: list) -> dict[str, int]:
    """Findings counted by kind (other problems are not findings)."""
    from briefpdf.check.finding import KINDS

    return {kind: sum(getattr(f, "kind", None) == kind for f in findings) for kind in KINDS}


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off while one briefing or pack is built, on again after.

    Layout makes many short-lived objects that reference counting frees anyway; the
    collector scanning them meanwhile cost about 7% of a briefing's build, and a quarter
    of a 300-briefing pack's (whose live objects it scans again and again). Peak memory
    stays the same: little of what a build makes is cyclic garbage."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_html(loaded) -> str:
    """The HTML twin of a loaded briefing (see briefpdf/html)."""
    from briefpdf.html import render_html as page

    return page(loaded)


def render_briefing(loaded) -> bytes:
    """Compose, render and finish a loaded briefing into PDF bytes."""
    from reportlab.platypus.doctemplate import LayoutError

    from briefpdf.compose.document import compose_briefing
    from briefpdf.finish.briefing import briefing_finisher
    from briefpdf.render.document import MAX_PAGES, PageLimitError, render

    composed = compose_briefing(loaded)                         # 3. compose: flowables with
    try:                                                        #    their semantic roles
        rendered = render(composed,                             # 4. render: lay out, draw
                          finish=briefing_finisher(composed))   # 5. finish as it is written:
    except PageLimitError:                                      #    tags, metadata
        raise InputError([loaded.source.problem((), (
            f"the briefing runs past {MAX_PAGES} pages; split it into several briefings"))]
        ) from None
    except LayoutError as exc:  # something taller than a page that cannot be split
        part = "title band" if "Masthead" in str(exc) else "block"
        where = ("title",) if part == "title band" else ()
        raise InputError([loaded.source.problem(where, (
            f"a {part} is too big to fit on one page; shorten its text "
            "(or, in the style, use smaller sizes)"))]) from None
    return rendered.pdf


def render_pack(pack) -> bytes:
    """Compose, render, finish and impose a loaded pack into PDF bytes: the steps of a
    briefing, for one document holding every briefing (docs/packs.md), then imposition."""
    from reportlab.platypus.doctemplate import LayoutError

    from briefpdf.compose.pack import MAX_PACK_PAGES, compose_pack
    from briefpdf.finish.briefing import briefing_finisher
    from briefpdf.finish.impose import impose
    from briefpdf.render.document import PageLimitError, render

    composed = compose_pack(pack).document                      # 3. compose: cover, contents,
    try:                                                        #    each briefing as a Part
        rendered = render(composed, max_pages=MAX_PACK_PAGES,   # 4. render: one layout
                          finish=briefing_finisher(composed))   # 5. finish as it is written
    except PageLimitError:
        raise InputError([pack.source.problem(("pack",), (
            f"the pack runs past {MAX_PACK_PAGES} pages; split it into several packs"))]
        ) from None
    except LayoutError:  # a block taller than a page: the briefing alone says which
        raise InputError([pack.source.problem(("pack", "briefings"), (
            "a block in one of these briefings is too big to fit on one page; build each "
            "briefing on its own to see which, and shorten it"))]) from None
    return impose(rendered.pdf, pack.spec.layout)               # 6. impose: booklet, 2-up


def pack_inputs(pack) -> Inputs:
    """Every file a pack's PDF depends on: the pack, its style, and each briefing's inputs."""
    from briefpdf.cache import inputs_of

    merged = inputs_of(pack)
    for loaded in pack.briefings:
        inputs = inputs_of(loaded)
        merged.files.update(inputs.files)
        merged.absent.extend(a for a in inputs.absent if a not in merged.absent)
    return merged

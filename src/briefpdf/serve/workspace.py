"""The project as the browser sees it: the files in briefings/, their builds and versions.

Every build goes through ``batch.build_many`` (the one `briefpdf build` uses), one at a
time: ReportLab keeps fonts and caches in globals. A file's default view is its PDF in
out/, so a text with errors leaves the last good PDF there and in the preview. Each
file open in a browser has a version, raised whenever what the page shows changes (a
save, or a change on disk seen by the watcher); pages wait on it for news.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefpdf.build import BRIEFINGS_DIR, OUT_DIR, Outcome
from briefpdf.errors import BriefpdfError, InputError, Problem
from briefpdf.serve import guard, preview

OPTIONS = {"style": None, "grayscale": False, "html": False}
"""The build options of a plain `briefpdf build`, so both share out/ and its cache."""


@dataclass
class View:
    """What a briefing page shows: the file's text, its problems and preview pages."""

    name: str
    text: str = ""
    status: str = "ok"  # ok | warnings | errors
    problems: list[dict[str, Any]] = field(default_factory=list)
    pdf: str | None = None  # the preview's key (see preview.py), None: no good PDF yet
    pages: int = 0
    stale: bool = False  # the preview is the last good PDF, not this text
    version: int = 0
    kind: str = "briefing"  # briefing | pack

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "text": self.text, "status": self.status,
                "problems": self.problems, "pdf": self.pdf, "pages": self.pages,
                "stale": self.stale, "version": self.version, "kind": self.kind,
                "digest": digest(self.text)}

    def same_as(self, other: View) -> bool:
        return (self.text, self.status, self.problems, self.pdf, self.stale) == \
            (other.text, other.status, other.problems, other.pdf, other.stale)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Workspace:
    """The project folder (the working folder) and the views of its files."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.folder = BRIEFINGS_DIR
        self.out = OUT_DIR
        self.views: dict[str, View] = {}
        self.changed = threading.Condition()
        self._building = threading.Lock()
        self._listing: dict[tuple, dict[str, Any]] = {}

    # --- files -------------------------------------------------------------------------

    def path_of(self, name: str) -> Path | None:
        """The file ``name`` in briefings/, when it is safe to read and exists."""
        path = guard.project_file(self.root, self.folder, name)
        return path if path is not None and path.is_file() else None

    def names(self) -> list[str]:
        from briefpdf.build import discover

        return [p.name for p in discover([]) if guard.project_file(self.root, self.folder,
                                                                     p.name)]

    def listing(self) -> list[dict[str, Any]]:
        """Every briefing and pack with title, kind, date and status, newest first."""
        rows = [self.describe(name) for name in self.names()]
        return sorted(rows, key=lambda r: (r["date"], r["title"].lower()), reverse=True)

    def describe(self, name: str) -> dict[str, Any]:
        path = self.folder / name
        stat = path.stat()
        key = (name, stat.st_mtime_ns, stat.st_size, _styles_time(self.root))
        if key not in self._listing:
            self._listing[key] = describe(path)
        return self._listing[key]

    # --- views and builds -----------------------------------------------------------------

    def view(self, name: str) -> View | None:
        """The view of ``name``, built when first asked for."""
        if name not in self.views:
            path = self.path_of(name)
            if path is None:
                return None
            self.refresh(name)
        return self.views.get(name)

    def save(self, name: str, text: str) -> View | None:
        """Write ``text`` to the file atomically, build it, and return the new view."""
        from briefpdf.finish.write import write_atomic

        path = self.path_of(name)
        if path is None:
            return None
        write_atomic(path, text.encode("utf-8"))
        self.refresh(name)
        return self.views.get(name)

    def refresh(self, name: str) -> None:
        """Build ``name`` when anything it is made from changed, and raise its version
        when what its page shows is different."""
        path = self.path_of(name)
        if path is None:
            return
        with self._building:
            new = self._build(name, path, self.views.get(name))
        with self.changed:
            old = self.views.get(name)
            if old is not None and new.same_as(old):
                return
            new.version = (old.version if old else 0) + 1
            self.views[name] = new
            self.changed.notify_all()

    def refresh_all(self) -> None:
        """Refresh every open view (after a change on disk)."""
        for name in list(self.views):
            self.refresh(name)

    def wait(self, name: str, version: int, timeout: float) -> int:
        """Wait until the view of ``name`` is past ``version`` (or ``timeout`` seconds);
        return its version."""
        with self.changed:
            self.changed.wait_for(lambda: self._version(name) != version, timeout)
            return self._version(name)

    def _version(self, name: str) -> int:
        view = self.views.get(name)
        return view.version if view else 0

    def _build(self, name: str, path: Path, old: View | None) -> View:
        from briefpdf.batch import build_many
        from briefpdf.build import validate_file
        from briefpdf.model.document import slug_of

        text = _read(path)
        try:
            outcome = build_many([path], self.out, OPTIONS, jobs=1).outcomes[0]
        except BriefpdfError as exc:  # out/ cannot be written
            outcome = Outcome(path, problems=[Problem(name, 1, 1, str(exc))], status="failed")
        if outcome.status == "unchanged":
            if old is not None and old.text == text:  # e.g. the watcher seeing our save
                return old
            outcome.problems = validate_file(path).problems  # (warnings are not cached)
        if outcome.status != "failed" and ".pack." not in name:  # `briefpdf check`'s
            from briefpdf.check.runner import findings_for  # findings, beside their lines

            outcome.problems = [*outcome.problems, *(
                f for f in findings_for(path) if f.severity == "warning")]
        view = View(name, text=text, kind="pack" if ".pack." in name else "briefing")
        view.problems = [problem_json(p, path) for p in outcome.problems]
        view.status = status_of(outcome.problems)
        pdf_path = self.out / f"{slug_of(path)}.pdf"
        try:
            pdf = pdf_path.read_bytes()
        except OSError:
            pdf = None
        if pdf:
            view.pdf, view.pages = preview.render_all(pdf)
        view.stale = outcome.status == "failed" and view.pdf is not None
        return view

    def variant(self, name: str, style: str | None, grayscale: bool) -> dict[str, Any] | None:
        """The file's PDF in another style or in grays, made in memory (nothing written)."""
        from briefpdf.build import make_pdf

        path = self.path_of(name)
        if path is None:
            return None
        problems: list[Problem] = []
        key, pages = None, 0
        with self._building:
            try:
                made = make_pdf(path, style or None, grayscale=grayscale)
                problems = [*made.loaded.warnings, *(made.findings or [])]
            except InputError as exc:
                problems = exc.problems
                made = None
            except BriefpdfError as exc:
                problems = [Problem(name, 1, 1, str(exc))]
                made = None
        if made is not None:
            key, pages = preview.render_all(made.pdf)
        return {"pdf": key, "pages": pages, "status": status_of(problems),
                "problems": [problem_json(p, path) for p in problems]}

    def html_twin(self, name: str) -> bytes | None:
        """The HTML twin of a briefing, made now; None for a pack or a file with errors."""
        from briefpdf.build import make_pdf, render_html

        path = self.path_of(name)
        if path is None:
            return None
        with self._building:
            try:
                made = make_pdf(path)
            except BriefpdfError:
                return None
        return None if made.pack else render_html(made.loaded).encode("utf-8")

    def build_all(self) -> str:
        """`briefpdf build` of every file (one job: forking a threaded server is unsafe)."""
        from briefpdf.batch import build_many
        from briefpdf.build import discover

        with self._building:
            batch = build_many(discover([]), self.out, OPTIONS, jobs=1)
        self.refresh_all()
        return batch.summary()

    # --- watching ------------------------------------------------------------------------

    def watch(self, stop: threading.Event) -> None:
        """Refresh the open views whenever a file in the project changes on disk (another
        editor, a style, an image), until ``stop`` is set."""
        import watchfiles

        folders = [str(p) for p in (self.root / "briefings", self.root / "styles")
                   if p.is_dir()] or [str(self.root)]
        for _changes in watchfiles.watch(*folders, stop_event=stop, debounce=100, step=20,
                                         rust_timeout=500, yield_on_timeout=False,
                                         raise_interrupt=False):
            try:
                self.refresh_all()
            except Exception:  # noqa: BLE001 - keep watching; the next change may fix it
                continue


def status_of(problems: list[Problem]) -> str:
    if any(p.severity != "warning" for p in problems):
        return "errors"
    return "warnings" if problems else "ok"


def problem_json(problem: Problem, path: Path) -> dict[str, Any]:
    """A problem for the page; ``here`` when it is in the file being edited (so it can be
    shown at its line)."""
    from briefpdf.load.styles import _show

    return {"file": problem.file, "line": problem.line, "column": problem.column,
            "message": problem.message, "severity": problem.severity,
            "here": problem.file == _show(path)}


def describe(path: Path) -> dict[str, Any]:
    """A home-page row: title, kind, date and status of one file, read with the
    pipeline's own loader and validator."""
    from briefpdf.build import validate_file
    from briefpdf.load.styles import _show
    from briefpdf.load.yaml_source import load_yaml

    data: Any = {}
    try:
        source = load_yaml(path, display=_show(path))
        data = source.data if isinstance(source.data, dict) else {}
    except BriefpdfError:
        pass
    pack = isinstance(data.get("pack"), dict)
    fields = data["pack"] if pack else data
    outcome = validate_file(path)

    def text(key: str) -> str:
        value = fields.get(key)
        return str(value) if isinstance(value, (str, int, float)) else ""

    return {"name": path.name, "title": text("title") or path.name,
            "kind": "Pack" if pack else text("kind") or "Briefing",
            "date": text("date"), "pack": pack, "status": status_of(outcome.problems),
            "problems": len(outcome.problems)}


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _styles_time(root: Path) -> int:
    """When the project's styles last changed (a style change can change a status)."""
    folder = root / "styles"
    try:
        return max([folder.stat().st_mtime_ns] +
                   [p.stat().st_mtime_ns for p in folder.glob("*.y*ml")])
    except OSError:
        return 0

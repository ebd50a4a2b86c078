"""Find style files by name and merge their ``extends`` chains."""

from __future__ import annotations

import re
from pathlib import Path

from briefpdf.errors import InputError, Problem
from briefpdf.invocation import command
from briefpdf.load.yaml_source import Source, load_yaml

BUILTIN_STYLES = Path(__file__).resolve().parent.parent / "builtin" / "styles"
DEFAULT_STYLE = "default"
_PATH_KEYS = (("fonts",), ("logos",))


def style_folders(near: Path, *, include_near: bool = True, existing: bool = True
                  ) -> list[Path]:
    """Where a style name is looked up for a file in folder ``near``, in order: beside
    the file (``include_near``), the styles/ folder beside the briefings/ folder that
    holds it (or inside ``near``), the styles/ folder of the project the command runs in
    (the working folder), then the built-in styles (docs/format.md, Styles).
    ``existing``: only the folders that exist."""
    near = near.resolve()
    candidates = [near.parent / "styles", near / "styles", Path.cwd().resolve() / "styles"]
    if near.name == "styles" or include_near:
        candidates.insert(0, near)
    folders: list[Path] = []
    for folder in candidates:
        if (folder.is_dir() or not existing) and folder not in folders:
            folders.append(folder)
    return [*folders, BUILTIN_STYLES]


def find_style(name: str, near: Path, *, skip: Path | None = None,
               include_near: bool = True) -> Path | None:
    """The file for style ``name`` (or a path to a .yaml file), or None."""
    if name.endswith((".yaml", ".yml")):
        path = (near / name).resolve()
        return path if path.is_file() else None
    for folder in style_folders(near, include_near=include_near):
        path = (folder / f"{name}.yaml").resolve()
        if path.is_file() and path != skip and (folder.name == "styles" or _is_style(path)):
            return path
    return None


_NOT_STYLE = re.compile(r"^(?:title|sections|pack)\s*:", re.MULTILINE)


def _is_style(path: Path) -> bool:
    """Whether a YAML file outside a styles/ folder is a style, not a briefing or pack
    (which have title:, sections: or pack: at the top)."""
    try:
        return _NOT_STYLE.search(path.read_text(encoding="utf-8-sig", errors="replace")) is None
    except OSError:
        return False


def available_styles(near: Path) -> dict[str, Path]:
    """Every style name visible from folder ``near`` (project styles shadow built-in ones)."""
    found: dict[str, Path] = {}
    for folder in style_folders(near):
        if folder.name != "styles":
            continue  # a briefings/ folder holds briefings, not styles worth listing
        for path in sorted(folder.glob("*.yaml")):
            found.setdefault(path.stem, path)
    return found


def load_style_chain(name: str, near: Path, *, asked_at: tuple[str, int, int] | None = None
                     ) -> tuple[Source, list[Path]]:
    """Load style ``name`` and everything it extends, merged (child over parent).

    Returns the merged source and the files of the chain (child first), so a
    build can hash them. Paths inside each file are made absolute first.
    """
    path = find_style(name, near)
    if path is None:
        raise InputError([_not_found(name, near, asked_at)])
    chain: list[Path] = []
    sources: list[Source] = []
    while True:
        if path in chain:
            cycle = " → ".join(_show(p) for p in [*chain[chain.index(path):], path])
            raise InputError([sources[-1].problem(("extends",), (
                f"styles extend each other in a circle ({cycle}); "
                "remove one of these extends: lines"))])
        chain.append(path)
        source = load_yaml(path, display=_show(path))
        if not isinstance(source.data, dict):
            raise InputError([source.problem((), "a style file is a group of keys like name:, "
                                                 "colours:, fonts:")])
        _absolutise_paths(source)
        sources.append(source)
        parent_name = source.data.get("extends")
        if parent_name is None and path.parent == BUILTIN_STYLES and path.stem == DEFAULT_STYLE:
            break
        parent_name = parent_name or DEFAULT_STYLE
        if not isinstance(parent_name, str):
            raise InputError([source.problem(("extends",), "extends: should be a style name")])
        parent = find_style(parent_name, path.parent, include_near=True,
                            skip=path if parent_name == path.stem else None)
        if parent is None:
            line, col = source.where(("extends",))
            raise InputError([_not_found(parent_name, path.parent, (source.file, line, col))])
        path = parent
    merged = sources[-1]
    for source in reversed(sources[:-1]):
        merged = source.merged_over(merged)
    merged.data.pop("extends", None)
    return merged, chain


def _absolutise_paths(source: Source) -> None:
    """Make font and logo paths absolute, relative to the file that wrote them."""
    data = source.data
    fonts = data.get("fonts")
    if isinstance(fonts, dict):
        for family in fonts.values():
            if isinstance(family, dict):
                for key, value in family.items():
                    if isinstance(value, str):
                        family[key] = str(source.base_dir / value)
    logos = data.get("logos")
    if isinstance(logos, list):
        for logo in logos:
            if isinstance(logo, dict) and isinstance(logo.get("file"), str):
                logo["file"] = str(source.base_dir / logo["file"])


def _not_found(name: str, near: Path, asked_at: tuple[str, int, int] | None) -> Problem:
    """No style ``name``: every place looked in, the nearest name, what there is."""
    import difflib

    styles = sorted(available_styles(near))
    places = [_show(folder) + "/" if folder != BUILTIN_STYLES else "the built-in styles"
              for folder in style_folders(near, existing=False)]
    looked = ", ".join(places[:-1]) + " and " + places[-1]
    close = difflib.get_close_matches(name.lower(), styles, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    file, line, col = asked_at or ("<command line>", 1, 1)
    return Problem(file, line, col, (
        f"no style named '{name}' (looked for {name}.yaml in {looked}); {hint}available: "
        f"{', '.join(styles) or 'none'} (run `{command('styles')}`)"))


def _show(path: Path) -> str:
    """A path as shown in messages: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)

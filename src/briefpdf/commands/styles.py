"""`briefpdf styles`: list the styles a briefing can use, with a one-line description."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefpdf.build import BRIEFINGS_DIR
from briefpdf.errors import InputError


def add_parser(sub) -> argparse.ArgumentParser:
    return sub.add_parser("styles", help="list the styles available (project and built-in)",
                          description="List every style a briefing can name in style: or "
                                      "--style: the project's styles/ folder first, then the "
                                      "built-in ones.")


def describe(path: Path) -> str:
    """The style's description: line, else its name:, else a note that it cannot be read."""
    from briefpdf.load.styles import _show
    from briefpdf.load.yaml_source import load_yaml

    try:
        data = load_yaml(path, display=_show(path)).data
    except InputError as exc:
        return f"(cannot be read: {exc.problems[0]})"
    if not isinstance(data, dict):
        return "(not a style file)"
    for key in ("description", "name"):
        if isinstance(data.get(key), str) and data[key].strip():
            text = " ".join(data[key].split())
            extends = data.get("extends")
            return f"{text} (extends {extends})" if isinstance(extends, str) else text
    return "(no description: add a description: line)"


def run(args: argparse.Namespace) -> int:
    from briefpdf.load.styles import BUILTIN_STYLES, _show, available_styles

    styles = available_styles(BRIEFINGS_DIR)
    width = max(map(len, styles), default=0)
    for name, path in styles.items():
        where = "built-in" if path.parent == BUILTIN_STYLES else _show(path)
        print(f"{name:<{width}}  {describe(path)}  [{where}]")
    return 0

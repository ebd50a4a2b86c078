"""The house's layers, read from the source with ``ast``: the pipeline's stages import
only earlier stages, and no import, at the top of a module or inside a function, closes
a circle (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import briefpdf

SRC = Path(briefpdf.__file__).parent

STAGES = {
    "errors": 0, "seam": 0, "invocation": 0,
    "load": 1,
    "model": 2,
    "links": 3,
    "compose": 4,
    "render": 5, "html": 5,
    "finish": 6,
}
"""Each package (or top-level module) of the pipeline and its place; the front ends
(cli, commands, build, batch, cache) sit on top and may import any stage. Two stages at
the same place (render, html) may not import each other."""


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in SRC.rglob("*.py")}


def imports_of(path: Path, known: dict[str, Path]) -> list[tuple[str, int]]:
    """Every briefpdf module ``path`` imports, wherever the import statement is."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names if a.name.startswith("briefpdf")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module \
                and node.module.startswith("briefpdf"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.append((sub if sub in known else node.module, node.lineno))
    return found


def graph() -> dict[str, list[tuple[str, int]]]:
    known = modules()
    return {name: [(m, line) for m, line in imports_of(path, known) if m != name]
            for name, path in known.items()}


def stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def test_no_stage_imports_a_later_stage():
    wrong = []
    for module, imported in graph().items():
        here = stage(module)
        if here is None:
            continue
        for target, line in imported:
            there = stage(target)
            if there is None and target != "briefpdf":
                wrong.append(f"{module}:{line} imports {target}, a front end")
            elif there is not None and there != here and STAGES[there] >= STAGES[here]:
                wrong.append(f"{module}:{line} imports {target}, a later or parallel stage")
    assert not wrong, "\n".join(wrong)


def cycles(edges: dict[str, list[tuple[str, int]]]) -> list[list[str]]:
    """The circles of imports (one per strongly connected group), found by Tarjan."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target, _ in edges.get(node, []):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in list(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle():
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    edges = {"a": [("b", 1)], "b": [("c", 1)], "c": [("a", 1)], "d": [("a", 1)]}
    assert cycles(edges) == [["a", "b", "c"]]


def test_the_graph_sees_imports_inside_functions():
    edges = dict(graph())
    assert ("briefpdf.model.pack", 0) not in edges["briefpdf.build"]
    assert any(target == "briefpdf.model.pack" for target, _ in edges["briefpdf.build"])

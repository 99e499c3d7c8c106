"""The project's import graph, read with ``ast`` (nothing is imported): every import, lazy ones too."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("app", "ui")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                found[module_name(path)] = path
    return found


def _imported(path: Path, name: str) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            submodules = [f"{target}.{alias.name}" for alias in node.names]
            if not all(s in modules() for s in submodules):
                yield target  # names from the module itself
            # ``from app.services import budget`` imports the module app.services.budget
            yield from (s for s in submodules if s in modules())


@cache
def graph() -> dict[str, frozenset[str]]:
    """module -> project modules it imports (``from pkg import name`` counts when ``pkg.name`` is a module)."""
    known = modules()
    return {
        name: frozenset(t for t in _imported(path, name) if t in known and t != name)
        for name, path in known.items()
    }


def cycles(edges: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def with_packages(edges: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The graph as Python runs it: importing ``a.b.c`` first runs ``a/__init__`` and ``a/b/__init__``."""
    known = modules()
    out: dict[str, set[str]] = {}
    for source, targets in edges.items():
        expanded: set[str] = set()
        for target in targets:
            parts = target.split(".")
            for n in range(1, len(parts) + 1):
                parent = ".".join(parts[:n])
                if parent in known and parent != source and not source.startswith(parent + "."):
                    expanded.add(parent)
        out[source] = expanded
    return {k: frozenset(v) for k, v in out.items()}

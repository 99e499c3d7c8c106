"""The architecture of docs/architecture.md, checked from the imports (nothing is imported to check it).

Each rule is the issue's words: one-way layers, no Qt under app/, no ORM in ui/, one composition
root opening databases, no module over 900 lines, no import circles, no discovery by module name.
"""

from __future__ import annotations

import ast
import re

import pytest

from tests.architecture.imports import cycles, graph, modules, with_packages

# What each part of app/ may import from the project, besides itself, app.errors and app.paths.
ALLOWED = {
    "domain": set(),
    "db": {"domain"},
    "services": {"db", "domain"},
    "interchange": {"services", "domain"},
    "reports": {"services", "domain"},
    "publish": {"services", "domain", "reports", "interchange"},
    "demo": {"services", "domain", "interchange"},
    "cli": {"services", "domain", "reports", "interchange", "publish", "demo", "db"},
}
EVERYONE = {"app", "app.errors", "app.paths"}
# The Database handle may be passed to the layers above services; only services open sessions.
HANDLE = {"app.db", "app.db.engine"}
IO_LIBRARIES = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "PySide6", "shiboken6", "psycopg", "sqlite3",
                "pypdf", "PIL", "platformdirs", "cryptography", "argon2")


def part(module: str) -> str | None:
    bits = module.split(".")
    if bits[0] == "ui":
        return "ui"
    return bits[1] if bits[0] == "app" and len(bits) > 1 and bits[1] in ALLOWED else None


def external_imports(path_module: str) -> set[str]:
    path = modules()[path_module]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module)
    return found


def test_layers_point_one_way() -> None:
    breaches = []
    for source, targets in graph().items():
        me = part(source)
        if me is None or me == "ui":
            continue
        for target in targets - EVERYONE:
            other = part(target)
            if other is None or other == me:
                continue
            if other == "ui" or (other not in ALLOWED[me] and not (target in HANDLE and me != "domain")):
                breaches.append(f"{source} -> {target}")
    assert breaches == []


def test_domain_is_pure() -> None:
    impure = [f"{name} imports {lib}" for name in modules() if part(name) == "domain"
              for lib in external_imports(name) if lib.split(".")[0] in IO_LIBRARIES]
    assert impure == []


def test_nothing_under_app_imports_qt() -> None:
    qt = [f"{name} imports {lib}" for name in modules() if name.startswith("app") and name != "app.__main__"
          for lib in external_imports(name) if lib.split(".")[0] in ("PySide6", "shiboken6", "ui")]
    assert qt == []


def test_ui_never_touches_orm_or_sqlalchemy() -> None:
    bad = [f"{name} imports {lib}" for name in modules() if name.startswith("ui")
           for lib in external_imports(name) if lib.startswith(("sqlalchemy", "app.db.models", "app.db.base"))]
    assert bad == []


def test_one_ui_module_opens_databases() -> None:
    opening = sorted(name for name in modules() if name.startswith("ui")
                     and any(lib.startswith("app.db") and lib != "app.db.engine" for lib in external_imports(name))
                     or name.startswith("ui") and "open_database" in modules()[name].read_text(encoding="utf-8"))
    assert opening == ["ui.db_choice"]


def test_sessions_are_opened_only_by_services_and_db() -> None:
    pattern = re.compile(r"\b(db|database)\.(write|read)\(")
    outside = [name for name, path in modules().items()
               if part(name) not in ("services", "db") and pattern.search(path.read_text(encoding="utf-8"))]
    assert outside == []


@pytest.mark.parametrize("view", ["modules", "with packages"])
def test_no_import_circles(view: str) -> None:
    edges = graph() if view == "modules" else with_packages(graph())
    assert cycles(edges) == []


def test_no_module_over_900_lines() -> None:
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 900}
    assert long == {}


def test_nothing_is_found_by_module_name() -> None:
    """Areas register through imported lists: no importlib/pkgutil discovery, no optional own packages."""
    found = []
    for name, path in modules().items():
        source = path.read_text(encoding="utf-8")
        if name != "app.__main__" and re.search(r"\bimport (importlib|pkgutil)\b|importlib\.import_module", source):
            found.append(f"{name}: importlib/pkgutil")
        if re.search(r"try:\s*\n\s*(from app|import app)[^\n]*\n\s*except ImportError", source):
            found.append(f"{name}: optional import of the project's own package")
    assert found == []

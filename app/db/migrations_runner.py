"""Alembic, run programmatically when a database opens.

The scripts live inside the package (``app/db/migrations``) so a frozen build carries
them. Before upgrading an SQLite file that already holds data, the file is copied
aside. A database stamped with a revision this program does not know was written by a
newer version and is refused.
"""

from __future__ import annotations

import ast
import logging
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import inspect, text

from app.db.sqlite_files import copy_sqlite_aside
from app.errors import DatabaseOpenError

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine


class Database(Protocol):
    """What migrating needs of an open database (app.db.engine.Database has it)."""

    engine: Engine
    path: Path | None

    def describe(self) -> str: ...

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(db: Database | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if db is not None:
        cfg.attributes["engine"] = db.engine
    return cfg


_ASSIGN = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


@cache
def _revision_graph() -> dict[str, tuple[str, ...]]:
    """revision -> its down revisions, read from the scripts' text.

    Importing Alembic costs a tenth of a second; at start-up we only need to know
    whether the database is at the heads, so the graph is read directly.
    """
    graph: dict[str, tuple[str, ...]] = {}
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        values = dict(_ASSIGN.findall(script.read_text(encoding="utf-8")))
        if "revision" not in values:
            continue
        revision = ast.literal_eval(values["revision"].strip())
        down = ast.literal_eval(values.get("down_revision", "None").strip())
        graph[revision] = tuple(down) if isinstance(down, tuple | list) else ((down,) if down else ())
    return graph


def script_heads() -> set[str]:
    graph = _revision_graph()
    referenced = {down for downs in graph.values() for down in downs}
    return set(graph) - referenced


def known_revisions() -> set[str]:
    return set(_revision_graph())


def current_revisions(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return set()
        return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


def upgrade(db: Database, target: str = "heads") -> bool:
    """Bring the schema up to date; returns True when anything was applied."""
    current = current_revisions(db)
    unknown = current - known_revisions()
    if unknown:
        raise DatabaseOpenError(
            f"Базу даних «{db.describe()}» створено новішою версією Hromada Desk "
            f"(схема {', '.join(sorted(unknown))}). Оновіть програму, щоб її відкрити; базу не змінено.",
            f"The database «{db.describe()}» was made by a newer Hromada Desk; update the program to open it.",
        )
    if target == "heads" and current == script_heads():
        return False
    if current and db.path is not None and db.path.exists():
        copy = copy_sqlite_aside(db.path, "before-upgrade")
        log.info("copied %s to %s before upgrading", db.path, copy)
    from alembic import command

    command.upgrade(alembic_config(db), target)
    return True

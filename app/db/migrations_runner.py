"""Alembic, run programmatically when a database opens.

The scripts live inside the package (``app/db/migrations``) so a frozen build carries
them. Before upgrading an SQLite file that already holds data, the file is copied
aside. A database stamped with a revision this program does not know was written by a
newer version and is refused.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.services.errors import DatabaseOpenError

if TYPE_CHECKING:
    from app.db.engine import Database

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(db: Database | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if db is not None:
        cfg.attributes["engine"] = db.engine
    return cfg


def script_heads() -> set[str]:
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revisions(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def upgrade(db: Database, target: str = "heads") -> bool:
    """Bring the schema up to date; returns True when anything was applied."""
    from app.db.engine import copy_sqlite_aside

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
    command.upgrade(alembic_config(db), target)
    return True

"""The same Alembic migrations on both backends: every script runs on PostgreSQL, and the schema
they build matches the models exactly (so no area's tables differ between SQLite and the server)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

import app.db.models  # noqa: F401
from app.db import migrations_runner
from app.db.base import Base
from app.db.engine import Database, open_database
from tests import dbutil


@contextmanager
def empty_database(tmp_path: Path, backend: str) -> Iterator[Database]:
    """A database with no schema at all (migrations not run)."""
    if backend == "postgres":
        with dbutil.fresh_pg_url() as url:
            db = open_database(url, migrate=False)
            try:
                yield db
            finally:
                db.dispose()
    else:
        db = open_database(tmp_path / "empty.sqlite3", migrate=False)
        try:
            yield db
        finally:
            db.dispose()


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _differences(db: Database) -> list[object]:
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)


@pytest.mark.parametrize("backend_name", BACKENDS)
def test_every_migration_runs_and_matches_the_models(tmp_path: Path, backend_name: str) -> None:
    with empty_database(tmp_path, backend_name) as db:
        assert migrations_runner.upgrade(db)
        assert migrations_runner.current_revisions(db) == migrations_runner.script_heads()
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert _differences(db) == []


@pytest.mark.parametrize("backend_name", BACKENDS)
def test_each_revision_applies_one_by_one(tmp_path: Path, backend_name: str) -> None:
    """Walk the revision graph base → heads one script at a time (each area's branch on its own)."""
    script = ScriptDirectory.from_config(migrations_runner.alembic_config())
    revisions = list(reversed(list(script.walk_revisions())))
    with empty_database(tmp_path, backend_name) as db:
        config = migrations_runner.alembic_config(db)
        for revision in revisions:
            command.upgrade(config, revision.revision)
            assert revision.revision in _applied(db, script)
        assert migrations_runner.current_revisions(db) == migrations_runner.script_heads()


def _applied(db: Database, script: ScriptDirectory) -> set[str]:
    current = migrations_runner.current_revisions(db)
    applied: set[str] = set()
    for head in current:
        applied |= {r.revision for r in script.iterate_revisions(head, "base")}
    return applied


@pytest.mark.postgres
def test_reopening_a_current_server_database_changes_nothing() -> None:
    with dbutil.fresh_pg_url(migrated=True) as url:
        db = open_database(url)
        try:
            assert migrations_runner.upgrade(db) is False
        finally:
            db.dispose()

"""Fresh test databases on SQLite (a file in tmp_path) or PostgreSQL (a new database per test)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db.engine import Database, open_database

PG_URL_ENV = "HROMADA_TEST_PG_URL"


def pg_admin_url() -> str:
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {PG_URL_ENV}, e.g. postgresql+psycopg://postgres@127.0.0.1:5433/postgres")
    return url


@contextmanager
def fresh_pg_url() -> Iterator[str]:
    """Create a throwaway database on the test server; drop it afterwards."""
    admin_url = make_url(pg_admin_url())
    name = f"hromada_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def fresh_database(tmp_path: Path, backend: str = "sqlite") -> Iterator[Database]:
    if backend == "postgres":
        with fresh_pg_url() as url:
            database = open_database(url)
            try:
                yield database
            finally:
                database.dispose()
        return
    database = open_database(tmp_path / "test.sqlite3")
    try:
        yield database
    finally:
        database.dispose()

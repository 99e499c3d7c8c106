"""Fresh test databases on SQLite (a file in tmp_path) or PostgreSQL (on the server at HROMADA_TEST_PG_URL).

Running every migration for every test is the slow part of a fresh database, so each
backend migrates once per test run and hands out copies:

* SQLite: a migrated template file, copied into the test's ``tmp_path``;
* PostgreSQL: ``CREATE DATABASE`` alone takes ~0.5 s, so a small pool of migrated
  databases is reused: each is emptied (every row deleted, id counters reset) when a test
  takes it. A database whose schema a test changed (other revision, extra or missing
  tables) is dropped instead of reused. :func:`fresh_pg_url` still makes a brand-new one
  (empty, or from the migrated template) for tests that need exactly that.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, Integer, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SAWarning

import app.db.models  # noqa: F401  (every table in Base.metadata)
from app.db import migrations_runner
from app.db.base import Base
from app.db.engine import Database, open_database

PG_URL_ENV = "HROMADA_TEST_PG_URL"


def pg_admin_url() -> str:
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {PG_URL_ENV} (scripts/pg_test_cluster start prints one)")
    return url


def _admin_engine(url: str) -> Engine:
    return create_engine(url, isolation_level="AUTOCOMMIT")


def _drop(admin_url: str, name: str) -> None:
    admin = _admin_engine(admin_url)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@functools.cache
def _migrated_template(admin_url: str) -> str:
    """A database at the current schema, made once per test run on this server."""
    name = f"hromada_tmpl_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = _admin_engine(admin_url)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    atexit.register(_drop, admin_url, name)
    open_database(make_url(admin_url).set(database=name).render_as_string(hide_password=False)).dispose()
    return name


@contextmanager
def fresh_pg_url(*, migrated: bool = False) -> Iterator[str]:
    """A brand-new database on the test server (empty, or at the current schema); dropped afterwards."""
    admin_url = pg_admin_url()
    name = f"hromada_test_{uuid.uuid4().hex[:12]}"
    template = f' TEMPLATE "{_migrated_template(admin_url)}"' if migrated else ""
    admin = _admin_engine(admin_url)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{template}'))
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


# --- the pool of reusable PostgreSQL databases ------------------------------------------

_idle: dict[str, list[str]] = {}  # server URL -> names of migrated databases not in use


def _tables() -> list:  # noqa: ANN202 - list[Table]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)  # table cycles: deleting children first is enough here
        return list(Base.metadata.sorted_tables)


def _empty(url: str) -> bool:
    """Delete every row and reset every id counter; False if the schema is not the current one."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            tables = _tables()
            known = {t.name for t in tables} | {"alembic_version"}
            if set(inspect(conn).get_table_names()) != known:
                return False
            db = Database(url=engine.url, engine=engine, path=None)
            if migrations_runner.current_revisions(db) != migrations_runner.script_heads():
                return False
            quote = conn.dialect.identifier_preparer.quote
            statements = [f"DELETE FROM {quote(t.name)}" for t in reversed(tables)]
            counters = [f"setval(pg_get_serial_sequence('{quote(t.name)}', '{t.c.id.name}'), 1, false)"
                        for t in tables if "id" in t.c and isinstance(t.c.id.type, Integer) and t.c.id.primary_key]
            if counters:
                statements.append("SELECT " + ", ".join(counters))
            conn.exec_driver_sql(";\n".join(statements))
        return True
    finally:
        engine.dispose()


@contextmanager
def pooled_pg_url() -> Iterator[str]:
    """A migrated, empty database on the test server, reused across tests."""
    admin_url = pg_admin_url()
    idle = _idle.setdefault(admin_url, [])
    while True:
        if idle:
            name = idle.pop()
        else:
            name = f"hromada_pool_{os.getpid()}_{uuid.uuid4().hex[:6]}"
            admin = _admin_engine(admin_url)
            try:
                with admin.connect() as conn:
                    conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{_migrated_template(admin_url)}"'))
            finally:
                admin.dispose()
            atexit.register(_drop, admin_url, name)
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        if _empty(url):
            break
        _drop(admin_url, name)  # a test changed its schema: never reuse it
    try:
        yield url
    finally:
        idle.append(name)


@contextmanager
def fresh_database(tmp_path: Path, backend: str = "sqlite") -> Iterator[Database]:
    if backend == "postgres":
        with pooled_pg_url() as url:
            database = open_database(url)
            try:
                yield database
            finally:
                database.dispose()
        return
    database = open_database(migrated_sqlite_file(tmp_path / "test.sqlite3"))
    try:
        yield database
    finally:
        database.dispose()


@functools.cache
def _sqlite_template() -> Path:
    """An SQLite file at the current schema, made once per test run and copied for each test."""
    folder = Path(tempfile.mkdtemp(prefix="hromada-template-"))
    path = folder / "template.sqlite3"
    open_database(path).dispose()  # the last connection closing checkpoints the WAL into the file
    atexit.register(shutil.rmtree, folder, True)
    return path


def migrated_sqlite_file(path: Path) -> Path:
    """Put an empty SQLite database at the current schema at ``path`` (a copy of the template)."""
    shutil.copyfile(_sqlite_template(), path)
    return path

"""Opening a database: SQLite file (default) or a PostgreSQL URL.

:func:`open_database` checks the target, runs pending migrations (copying an SQLite
file aside first) and refuses a database newer than this program. The returned
:class:`Database` owns one engine and two session factories: ``read()`` for queries
and ``write()`` for changes. On SQLite ``write()`` starts ``BEGIN IMMEDIATE`` so two
writers queue on the busy timeout instead of failing half-way with a stale snapshot.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.db.sqlite_files import SQLITE_HEADER, check_sqlite_file, copy_sqlite_aside, remove_sqlite_files
from app.errors import DatabaseOpenError

BUSY_TIMEOUT_MS = 15_000


def is_url(target: str | Path) -> bool:
    return isinstance(target, str) and "://" in target


def _sqlite_connect_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling is off).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    if conn.get_execution_options().get("hromada_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def normalize_url(url: str | URL) -> URL:
    """``postgresql://`` and ``postgres://`` mean the psycopg 3 driver (the one we ship), not psycopg2."""
    url = make_url(url)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def make_engine(url: str | URL) -> Engine:
    """An engine with our SQLite pragmas (WAL, foreign keys, busy timeout) when it is SQLite."""
    url = normalize_url(url)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


@dataclass
class Database:
    """An open database: engine, session factories, and where it lives."""

    url: URL
    engine: Engine
    path: Path | None  # the SQLite file, None for a server database

    def __post_init__(self) -> None:
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(hromada_write=True), expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; rolled back at the end (reads never write)."""
        with self._read() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        with self._write.begin() as session:
            yield session

    def describe(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(target: str | Path, *, create: bool = True, migrate: bool = True) -> Database:
    """Open (creating if allowed) and migrate a database given as a file path or a URL."""
    from app.db import migrations_runner

    if is_url(target):
        url = normalize_url(str(target))
        path = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
    else:
        path = Path(target).expanduser().resolve()
        url = URL.create("sqlite", database=str(path))
    if path is not None:
        check_sqlite_file(path, create=create)
    engine = make_engine(url)
    db = Database(url=url, engine=engine, path=path)
    try:
        if migrate:
            migrations_runner.upgrade(db)
    except OperationalError as exc:  # server unreachable, no such database, wrong password...
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise DatabaseOpenError(
            f"Не вдається відкрити базу даних «{db.describe()}»: {reason}",
            f"Cannot open the database «{db.describe()}»: {reason}",
        ) from exc
    except Exception:
        engine.dispose()
        raise
    return db


def table_names(db: Database) -> list[str]:
    return inspect(db.engine).get_table_names()


__all__ = ["SQLITE_HEADER", "Database", "copy_sqlite_aside", "make_engine", "open_database", "remove_sqlite_files"]

"""Copying a whole database to another one: SQLite → PostgreSQL when an office grows, and back.

``hromada migrate-db --from SOURCE --to TARGET``. The target must hold no records; it
gets the same schema through the same Alembic migrations, then every table of
``Base.metadata`` is copied generically in foreign-key order inside one transaction
(all or nothing), ids and UUIDs kept, audit chain included. Afterwards each table is
compared (row count and a digest of its content) and the audit chain of the copy is
verified. The one place with dialect-specific SQL is :func:`_reset_sequences`
(PostgreSQL's serial counters must move past the copied ids); both directions are tested.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, Integer, Table, bindparam, func, insert, inspect, select, text, update
from sqlalchemy.exc import OperationalError, SAWarning

import app.db.models  # noqa: F401  (fills Base.metadata with every table)
from app.db import migrations_runner
from app.db.base import Base
from app.db.engine import Database, is_url, make_engine, normalize_url, open_database
from app.errors import DatabaseOpenError, ValidationError
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require, writes
from app.services.core.progress import ProgressCallback, report

BATCH = 2000
ALEMBIC_TABLE = "alembic_version"



@dataclass(frozen=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    same_content: bool

    @property
    def ok(self) -> bool:
        return self.source_rows == self.target_rows and self.same_content


@dataclass(frozen=True)
class CopyResult:
    source: str
    target: str
    tables: list[TableCheck]
    chain: audit.ChainReport
    chain_head_matches: bool

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables) and self.chain.ok and self.chain_head_matches

    @property
    def rows(self) -> int:
        return sum(t.target_rows for t in self.tables)


def sorted_tables() -> list[Table]:
    """Every table of the app, parents before children (cycles are broken by :func:`_late_columns`)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)  # "cannot sort tables; cycles" — handled below
        return list(Base.metadata.sorted_tables)


def _late_columns(tables: Sequence[Table]) -> dict[str, list[Column[Any]]]:
    """Nullable foreign keys pointing at the same or a later table: inserted empty, filled in at the end."""
    order = {t.name: i for i, t in enumerate(tables)}
    late: dict[str, list[Column[Any]]] = {}
    for table in tables:
        for fk in table.foreign_keys:
            target = fk.column.table.name
            if order.get(target, -1) >= order[table.name] and fk.parent.nullable:
                late.setdefault(table.name, []).append(fk.parent)
    return late


def _pk(table: Table) -> list[Column[Any]]:
    return list(table.primary_key.columns)


def _canonical(value: Any) -> Any:
    """A backend-independent form of a value, for comparing the two copies."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return str(value)


def _stream(conn: Connection, table: Table) -> Iterator[Sequence[Any]]:
    result = conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*_pk(table)))
    yield from result.partitions()


def table_digest(conn: Connection, table: Table) -> tuple[int, str]:
    """Row count and SHA-256 over every row's values in primary-key order."""
    digest = hashlib.sha256()
    count = 0
    for chunk in _stream(conn, table):
        for row in chunk:
            count += 1
            digest.update(json.dumps([_canonical(v) for v in row], ensure_ascii=False).encode("utf-8"))
            digest.update(b"\n")
    return count, digest.hexdigest()


@contextmanager
def _snapshot(db: Database) -> Iterator[Connection]:
    """A read connection that sees one consistent state of ``db`` for the whole copy."""
    conn = db.engine.connect()
    try:
        if db.url.get_backend_name() == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn
    finally:
        conn.close()


def _reset_sequences(conn: Connection, tables: Sequence[Table]) -> None:
    """PostgreSQL: move each serial counter past the copied ids (SQLite needs nothing)."""
    if conn.dialect.name != "postgresql":
        return
    quote = conn.dialect.identifier_preparer.quote
    for table in tables:
        pk = _pk(table)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        conn.execute(
            text(f"SELECT setval(pg_get_serial_sequence(:table, :column), "
                 f"COALESCE(MAX({quote(pk[0].name)}), 0) + 1, false) FROM {quote(table.name)}"),
            {"table": quote(table.name), "column": pk[0].name},
        )


def _row_counts(conn: Connection, tables: Sequence[Table]) -> dict[str, int]:
    return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}


def _check_schema(source: Database, target: Database, tables: Sequence[Table]) -> None:
    source_revs, target_revs = migrations_runner.current_revisions(source), migrations_runner.current_revisions(target)
    if source_revs != target_revs:
        raise ValidationError(
            "Схеми баз різняться (" + ", ".join(sorted(source_revs)) + " / " + ", ".join(sorted(target_revs))
            + "): відкрийте обидві цією версією програми.",
            "The two databases have different schema versions.",
        )
    known = {t.name for t in tables} | {ALEMBIC_TABLE}
    unknown = sorted(set(inspect(source.engine).get_table_names()) - known)
    if unknown:
        raise ValidationError(
            "У вихідній базі є таблиці, яких ця версія програми не знає: " + ", ".join(unknown)
            + ". Копіювання їх втратило б; оновіть програму.",
            "The source has tables this version does not know: " + ", ".join(unknown) + ".",
        )


@writes(Permission.BACKUP)
def copy_database(source: Database, actor: Actor, target: Database,
                  progress: ProgressCallback | None = None) -> CopyResult:
    """Copy every record of ``source`` into the empty, migrated ``target``, then verify the copy."""
    tables = sorted_tables()
    _check_schema(source, target, tables)
    late = _late_columns(tables)
    with _snapshot(source) as src:
        totals = _row_counts(src, tables)
        all_rows = sum(totals.values()) or 1
        with target.engine.begin() as dst:
            filled = {name: n for name, n in _row_counts(dst, tables).items() if n}
            if filled:
                raise ValidationError(
                    "База призначення не порожня (" + ", ".join(f"{k}: {v}" for k, v in filled.items())
                    + "); копіювати можна лише в порожню базу.",
                    "The target database is not empty; copy only into an empty database.",
                )
            done = 0
            pending: list[tuple[Table, list[Column[Any]], list[dict[str, Any]]]] = []
            for table in tables:
                deferred = late.get(table.name, [])
                # Filled in by a later UPDATE, with the columns an UPDATE would otherwise stamp (updated_at).
                refill = deferred + [c for c in table.c if c.onupdate is not None and c not in deferred]
                fills: list[dict[str, Any]] = []
                for chunk in _stream(src, table):
                    rows = [{c.key: row._mapping[c] for c in table.c} for row in chunk]
                    for values in rows:
                        if deferred and any(values[c.key] is not None for c in deferred):
                            fills.append({**{f"_{c.key}": values[c.key] for c in refill},
                                          **{f"_pk_{c.key}": values[c.key] for c in _pk(table)}})
                            for c in deferred:
                                values[c.key] = None
                    dst.execute(insert(table), rows)
                    done += len(rows)
                    report(progress, done, all_rows, f"{table.name}: {len(rows)}")
                if fills:
                    pending.append((table, refill, fills))
            for table, refill, fills in pending:
                stmt = update(table).where(*[c == bindparam(f"_pk_{c.key}") for c in _pk(table)])
                dst.execute(stmt.values({c.key: bindparam(f"_{c.key}") for c in refill}), fills)
            _reset_sequences(dst, tables)
    return verify_copy(source, target)


def verify_copy(source: Database, target: Database) -> CopyResult:
    """Compare every table (count and content digest) and verify the copy's audit chain."""
    tables = sorted_tables()
    checks: list[TableCheck] = []
    with _snapshot(source) as src, _snapshot(target) as dst:
        for table in tables:
            n_src, d_src = table_digest(src, table)
            n_dst, d_dst = table_digest(dst, table)
            checks.append(TableCheck(table.name, n_src, n_dst, d_src == d_dst))
        head = Base.metadata.tables["audit_chain_head"]
        heads_match = (list(src.execute(select(head.c.last_seq, head.c.last_hash)))
                       == list(dst.execute(select(head.c.last_seq, head.c.last_hash))))
    return CopyResult(source.describe(), target.describe(), checks, audit.verify_chain(target), heads_match)


# --- the whole operation, from two addresses -------------------------------------------

def _describe(target: str) -> str:
    return normalize_url(target).render_as_string(hide_password=True) if is_url(target) else str(Path(target))


def _same_place(a: str, b: str) -> bool:
    if is_url(a) != is_url(b):
        return False
    if is_url(a):
        return normalize_url(a).render_as_string(hide_password=True) == normalize_url(b).render_as_string(
            hide_password=True)
    return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()


def ensure_empty_target(target: str) -> None:
    """Refuse a target that already holds records (checked before anything is created there)."""
    if not is_url(target):
        path = Path(target).expanduser().resolve()
        if not path.exists() or path.stat().st_size == 0:
            return
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                filled = [n for n in names if n != ALEMBIC_TABLE and not n.startswith("sqlite_")
                          and con.execute(f'SELECT EXISTS (SELECT 1 FROM "{n}")').fetchone()[0]]
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise DatabaseOpenError(f"Файл «{path}» не є порожньою базою даних: {exc}.") from exc
    else:
        engine = make_engine(target)
        try:
            with engine.connect() as conn:
                quote = conn.dialect.identifier_preparer.quote
                filled = [name for name in inspect(conn).get_table_names() if name != ALEMBIC_TABLE
                          and conn.execute(text(f"SELECT 1 FROM {quote(name)} LIMIT 1")).first() is not None]
        except OperationalError as exc:
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
            raise DatabaseOpenError(
                f"Не вдається з’єднатися з базою призначення «{_describe(target)}»: {reason}. "
                "Базу даних на сервері треба створити заздалегідь (наприклад, createdb).",
                f"Cannot connect to the target «{_describe(target)}»: {reason}.",
            ) from exc
        finally:
            engine.dispose()
    if filled:
        raise ValidationError(
            f"База призначення «{_describe(target)}» не порожня (таблиці з даними: {', '.join(sorted(filled))}). "
            "Копіювати можна лише в порожню базу.",
            f"The target «{_describe(target)}» is not empty; copy only into an empty database.",
        )


def _clear(target: Database, tables: Sequence[Table]) -> None:
    """Delete rows that the migrations themselves inserted into the (checked-empty) target."""
    with target.engine.begin() as conn:
        counts = _row_counts(conn, tables)
        for table in reversed(tables):
            if counts[table.name]:
                conn.execute(table.delete())


def migrate(source_target: str, dest_target: str, actor_for: Callable[[Database], Actor],
            progress: ProgressCallback | None = None) -> CopyResult:
    """Copy the database at ``source_target`` into the empty ``dest_target`` (a file path or a URL).

    ``actor_for(source_db)`` signs in on the source; the user needs :data:`Permission.BACKUP`.
    After a verified copy, the copy's audit trail gets one more event naming the source.
    """
    if _same_place(source_target, dest_target):
        raise ValidationError("Звідки і куди копіювати — одна й та сама база.", "Source and target are the same.")
    source = open_database(source_target, create=False)
    try:
        actor = actor_for(source)
        require(actor, Permission.BACKUP)
        ensure_empty_target(dest_target)
        target = open_database(dest_target, create=True)
        try:
            _clear(target, sorted_tables())
            result = copy_database(source, actor, target, progress)
            if result.ok:
                with target.write() as s:
                    audit.record(s, actor, audit.Action.IMPORT, "database",
                                 changes={"source": source.describe(), "rows": result.rows},
                                 summary=f"Базу даних скопійовано з «{source.describe()}»")
            return result
        finally:
            target.dispose()
    finally:
        source.dispose()

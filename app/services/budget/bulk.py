"""Many ballots at once, inside one transaction: Pabulib and online-vote imports, the demo hromada.

Ballots go in through the driver's ``executemany`` with Core-compiled statements (several times faster
than the ORM for hundreds of thousands of rows) and their ids are matched back by voter hash.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, insert, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.budget import Ballot, BallotChoice
from app.domain.budget import Channel
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.progress import ProgressCallback, report


class NewBallot(NamedTuple):
    """A ballot for :func:`insert_ballots`: choices are (project id, points) in ballot order.

    A named tuple rather than a frozen dataclass: imports build tens of thousands of them.
    """

    voter_hash: str
    choices: tuple[tuple[int, int | None], ...]
    age: int | None = None
    district: str = ""
    channel: str = Channel.ONLINE.value
    voting_point_id: int | None = None
    cast_on: date | None = None


def existing_hashes(s: Session, cycle_id: int) -> dict[str, int]:
    """voter hash → ballot id for every ballot of a cycle."""
    return dict(_fetch(s, select(Ballot.voter_hash, Ballot.id).where(Ballot.cycle_id == cycle_id)))


BULK_CHUNK = 20_000


def _fetch(s: Session, stmt: Any) -> list[tuple[Any, ...]]:
    """Rows of a simple SELECT of plain columns through the DBAPI cursor (no result processing)."""
    conn = s.connection()
    compiled = stmt.compile(dialect=conn.dialect)
    params = compiled.params
    args: Any = tuple(params[name] for name in compiled.positiontup or ()) if compiled.positional else params
    cursor = conn.connection.cursor()
    try:
        cursor.execute(str(compiled), args)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _executemany(s: Session, table: Table, columns: Sequence[str], rows: Sequence[tuple[object, ...]]) -> None:
    """INSERT many rows through the driver's executemany, without SQLAlchemy's per-row parameter handling.

    Several times faster than ``session.execute(insert(table), dicts)`` for hundreds of thousands of rows.
    The statement is compiled for the session's dialect and every value goes through the column type's
    bind processor (memoised: imports repeat the same dates), so the stored values are exactly what the
    ORM would store, on SQLite and PostgreSQL alike.
    """
    if not rows:
        return
    conn = s.connection()
    dialect = conn.dialect
    compiled = insert(table).values({c: bindparam(c) for c in columns}).compile(dialect=dialect)
    names = list(compiled.positiontup or ()) if compiled.positional else list(columns)
    order = [columns.index(name) for name in names]
    processors = {i: table.c[columns[i]].type._cached_bind_processor(dialect) for i in order}
    if order == list(range(len(columns))) and not any(processors.values()):
        params: list[Any] = list(rows)
    else:
        by_column = list(zip(*rows, strict=True))  # columnar: the per-value work stays in C where it can
        out_columns: list[Sequence[object]] = []
        for i in order:
            processor = processors[i]
            if processor is None:
                out_columns.append(by_column[i])
                continue
            memo: dict[object, object] = {None: None}  # imports repeat the same dates over and over

            def convert(value: object, memo: dict[object, object] = memo, processor: Any = processor) -> object:
                try:
                    return memo[value]
                except KeyError:
                    memo[value] = done = processor(value)
                    return done

            out_columns.append(list(map(convert, by_column[i])))
        params = list(zip(*out_columns, strict=True))
    if not compiled.positional:
        params = [dict(zip(names, r, strict=True)) for r in params]
    cursor = conn.connection.cursor()  # the DBAPI cursor (PEP 249), inside the session's transaction
    try:
        cursor.executemany(str(compiled), params)
    finally:
        cursor.close()


def _uuids(count: int) -> list[str]:
    """``count`` distinct version-4-format UUIDs that sort in creation order.

    90 random bits per batch and a 32-bit counter: unique across PCs like ``uuid4()``, but several times
    cheaper to make and appended at the end of the UUID index instead of at random places.
    """
    base = ((secrets.randbits(48) << 80) | (0x4 << 76) | (secrets.randbits(12) << 64) | (0b10 << 62)
            | (secrets.randbits(30) << 32))
    out = []
    for n in range(count):
        h = f"{base | n:032x}"
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


BALLOT_TABLE = cast(Table, Ballot.__table__)
CHOICE_TABLE = cast(Table, BallotChoice.__table__)
_BALLOT_COLUMNS = ("uuid", "created_at", "updated_at", "version", "cycle_id", "voter_hash", "age", "district",
                   "channel", "voting_point_id", "cast_on", "entered_by_id", "entered_by", "source")
_CHOICE_COLUMNS = ("ballot_id", "project_id", "position", "points")


def insert_ballots(s: Session, actor: Actor, cycle_id: int, ballots: Sequence[NewBallot], *, source: str = "",
                   progress: ProgressCallback | None = None) -> int:
    """Insert many ballots with bulk inserts inside the caller's transaction; returns how many.

    The caller has removed duplicates (``UNIQUE(cycle_id, voter_hash)`` would refuse the whole batch).
    Ballots go in ordered by voter hash, so the unique index grows at its end; ids are matched back by
    voter hash, which is unique within the cycle, so no RETURNING is needed.
    """
    if not ballots:
        return 0
    now = utcnow()
    total = len(ballots)
    ordered = sorted(ballots, key=lambda b: b.voter_hash)
    uuids = _uuids(total)
    user_id, username = actor.user_id, actor.username
    for start in range(0, total, BULK_CHUNK):
        chunk = ordered[start:start + BULK_CHUNK]
        _executemany(s, BALLOT_TABLE, _BALLOT_COLUMNS, [
            (uuids[start + i], now, now, 1, cycle_id, b.voter_hash, b.age, b.district, b.channel,
             b.voting_point_id, b.cast_on, user_id, username, source)
            for i, b in enumerate(chunk)
        ])
        report(progress, start + len(chunk), total * 2, "Бюлетені")
    ids = existing_hashes(s, cycle_id)
    rows = [(ids[b.voter_hash], pid, pos, pts) for b in ordered for pos, (pid, pts) in enumerate(b.choices)]
    step = BULK_CHUNK * 4
    for start in range(0, len(rows), step):
        _executemany(s, CHOICE_TABLE, _CHOICE_COLUMNS, rows[start:start + step])
        report(progress, total + min(total, (start + step) * total // max(len(rows), 1)), total * 2,
               "Вибір у бюлетенях")
    return total


def add_ballots(db: Database, actor: Actor, cycle_id: int, ballots: Sequence[NewBallot], *, source: str,
                label: str) -> int:
    """Insert ready ballots (voter hashes made, duplicates removed) in one transaction, with one audit event.

    The path of generated ballots (the demo hromada); ``label`` starts the audit summary.
    """
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        count = insert_ballots(s, actor, cycle_id, ballots, source=source)
        audit.record(s, actor, audit.Action.IMPORT, "pb_ballot", changes={"cycle_id": [None, cycle_id],
                                                                           "accepted": [None, count]},
                     summary=f"{label}: {count}")
    return count

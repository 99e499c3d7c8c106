"""Helpers for the data-safety tests (backup, exchange, publish, crash and bad-input proofs); not a test module."""

from __future__ import annotations

import errno
import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import func, inspect, select, text

from app.db.engine import Database, open_database
from app.services.budget import ballots
from app.services.core.auth import Actor
from app.services.safety import backup, identity


def clone_pc(db: Database, actor: Actor, target: Path, name: str, *, source_name: str | None = None,
             fast: bool = False) -> Database:
    """A second PC set up from this PC's backup, the way the office sets up the library PC.

    The voter-hash key exists before the copy, so both PCs hash voters alike. ``fast`` copies the
    file with SQLite's backup API and gives the copy its own identity, skipping the full restore
    (which the backup tests prove) to keep many small tests quick.
    """
    ballots.voter_key(db)
    if source_name:
        identity.set_pc_name(db, actor, source_name)
    if fast:
        source = sqlite3.connect(str(db.path))
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
        other = open_database(target)
        identity.set_pc_name(other, actor, name, new_identity=True)
        return other
    folder = target.parent / f"{target.stem}-usb"
    folder.mkdir(exist_ok=True)
    result = backup.create_backup(db, actor, folder)
    other = open_database(target)
    backup.restore_into_empty(other, result.path)
    identity.set_pc_name(other, actor, name)
    return other


def table_counts(db: Database) -> dict[str, int]:
    """Row count of every table (bookkeeping included): "nothing was written" compares these."""
    names = sorted(inspect(db.engine).get_table_names())
    with db.read() as s:
        return {n: s.execute(text(f'SELECT COUNT(*) FROM "{n}"')).scalar_one() for n in names}


def data_digest(db: Database, *, skip: tuple[str, ...] = ()) -> str:
    """A digest of every row of every table: equal digests mean an untouched database."""
    digest = hashlib.sha256()
    with db.read() as s:
        for name in sorted(inspect(db.engine).get_table_names()):
            if name in skip:
                continue
            digest.update(name.encode())
            for row in s.execute(text(f'SELECT * FROM "{name}" ORDER BY 1')):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def integrity(path: Path) -> str:
    con = sqlite3.connect(str(path))
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def audit_events(db: Database) -> int:
    from app.db.models.core import AuditEvent

    with db.read() as s:
        return s.execute(select(func.count(AuditEvent.id))).scalar_one()


class FailingWriter:
    """A file that accepts ``limit`` bytes and then fails like a full (or write-protected) USB stick."""

    def __init__(self, path: Path, limit: int, code: int = errno.ENOSPC) -> None:
        self._fh = open(path, "xb")  # noqa: SIM115 - closed by the code under test
        self.limit = limit
        self.code = code
        self.written = 0

    def write(self, data: bytes | memoryview) -> int:
        if self.written + len(data) > self.limit:
            raise OSError(self.code, "No space left on device" if self.code == errno.ENOSPC else "Read-only")
        self.written += len(data)
        return self._fh.write(data)

    def flush(self) -> None:
        self._fh.flush()

    def fileno(self) -> int:
        return self._fh.fileno()

    def close(self) -> None:
        self._fh.close()


def failing_opener(limit: int, code: int = errno.ENOSPC) -> Callable[[Path], BinaryIO]:
    return lambda path: FailingWriter(path, limit, code)  # type: ignore[return-value]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "partial" in p.name or p.name.startswith("."))


def bulk_ballots(db: Database, actor: Actor, count: int, *, prefix: str = "ID", cycle_id: int | None = None) -> int:
    """``count`` paper ballots (with 1–3 choices each) inserted in bulk into a voting cycle; returns the cycle id.

    Builds the small test cycle of ``tests.budget_support`` when ``cycle_id`` is None. Voter hashes use
    the database's own key, exactly as the ballot service computes them.
    """
    import uuid as uuid_module

    from sqlalchemy import insert

    from app.db.base import utcnow
    from app.db.models.budget import Ballot, BallotChoice
    from tests.budget_support import TODAY, voting_cycle

    if cycle_id is None:
        vc = voting_cycle(db, actor)
        cycle_id, point = vc.cycle.id, vc.points[1].id
        projects = [vc.projects[n].id for n in (1, 2, 4)]
    else:
        from app.db.models.budget import BudgetProject, VotingPoint

        with db.read() as s:
            point = s.execute(select(VotingPoint.id).order_by(VotingPoint.id)).scalars().first()
            projects = list(s.execute(select(BudgetProject.id).where(BudgetProject.cycle_id == cycle_id)
                                      .order_by(BudgetProject.number).limit(3)).scalars())
    key = ballots.voter_key(db)
    now = utcnow()
    rows = []
    for n in range(count):
        rows.append({"cycle_id": cycle_id, "voter_hash": ballots.hash_identifier(key, f"{prefix}{n:08d}"),
                     "age": 18 + n % 60, "district": "", "channel": "paper", "voting_point_id": point,
                     "cast_on": TODAY, "entered_by_id": actor.user_id, "entered_by": actor.username,
                     "source": "bulk", "uuid": str(uuid_module.uuid4()), "created_at": now, "updated_at": now,
                     "version": 1})
    with db.write() as s:
        ids = [rid for (rid,) in s.execute(insert(Ballot).returning(Ballot.id), rows)]
        choices = [{"ballot_id": bid, "project_id": projects[k], "position": k, "points": None}
                   for i, bid in enumerate(ids) for k in range(1 + i % 3)]
        s.execute(insert(BallotChoice), choices)
    return cycle_id

"""Several PCs writing at once: the audit chain stays one chain, voters and signers stay unique.

Each "PC" is its own :class:`Database` (engine and connection pool) on the same database,
running in its own thread. The tests use the ``db`` fixture, so they run on SQLite by
default and on PostgreSQL with ``--backend=postgres``; the ones marked ``postgres`` always
need the server (they test what only a server can get wrong).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, UniqueConstraint, func, insert, select
from sqlalchemy.exc import IntegrityError

from app.db.engine import Database, open_database
from app.db.models.core import AuditChainHead, AuditEvent
from app.domain.ballots import BallotRefused, RefusalCode
from app.services.core import audit
from app.services.core.auth import SYSTEM_ACTOR, Actor
from tests import dbutil

CLIENTS = 3


@contextmanager
def pcs(db: Database, count: int) -> Iterator[list[Database]]:
    """``count`` separate connections to the same database, as if from different PCs."""
    with ExitStack() as stack:
        opened = []
        for _ in range(count):
            other = open_database(db.url.render_as_string(hide_password=False))
            stack.callback(other.dispose)
            opened.append(other)
        yield opened


def run_together(workers: list[Callable[[], Any]]) -> list[Any]:
    """Start every worker at the same moment (a barrier); return results, re-raise the first failure."""
    barrier = threading.Barrier(len(workers))
    results: list[Any] = [None] * len(workers)
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = workers[index]()
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(workers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    if errors:
        raise errors[0]
    return results


def test_audit_chain_serializes_concurrent_writers(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    before = audit.event_count(db)
    per_client = 40

    def writer(pc: Database, client: int) -> Callable[[], None]:
        def run() -> None:
            for n in range(per_client):
                with pc.write() as s:
                    audit.record(s, admin, audit.Action.OTHER, "test", summary=f"ПК {client}, подія {n}")
        return run

    with pcs(db, 4) as machines:
        run_together([writer(pc, i) for i, pc in enumerate(machines)])
    report = audit.verify_chain(db)
    assert report.ok, report.message()
    assert report.events == before + 4 * per_client
    with db.read() as s:
        seqs = list(s.execute(select(AuditEvent.seq).order_by(AuditEvent.seq)).scalars())
    assert seqs == list(range(1, before + 4 * per_client + 1))


@pytest.mark.postgres
def test_first_event_on_a_new_server_database_from_many_pcs() -> None:
    """No chain head yet and several writers at once: still exactly one head and one chain."""
    with dbutil.fresh_pg_url(migrated=True) as url:
        db = open_database(url)
        try:
            def first(pc: Database, n: int) -> Callable[[], None]:
                def run() -> None:
                    with pc.write() as s:
                        audit.record(s, SYSTEM_ACTOR, audit.Action.OTHER, "test", summary=f"перша {n}")
                return run

            with pcs(db, 6) as machines:
                run_together([first(pc, i) for i, pc in enumerate(machines)])
            with db.read() as s:
                assert s.execute(select(func.count(AuditChainHead.id))).scalar_one() == 1
            report = audit.verify_chain(db)
            assert report.ok and report.events == 6, report.message()
        finally:
            db.dispose()


# --- three clients entering ballots for the same voters -----------------------------------

def _budget_ready(db: Database, admin: Actor) -> tuple[int, list[int], list[int]] | None:
    """A cycle open for voting with three projects and three voting points, via the budget services."""
    try:
        from app.services import budget
        from app.services.budget import ballots  # noqa: F401
    except ImportError:
        return None
    today = date.today()
    cycle = budget.create_cycle(db, admin, budget.CycleData(
        title="Бюджет участі — тест", year=today.year, total_budget=1_000_000_00,
        voting_start=today - timedelta(days=1), voting_end=today + timedelta(days=10),
        min_age=14, max_choices=3), [budget.CategoryData(name="Малі проєкти", budget=1_000_000_00)])
    category = budget.get_cycle(db, cycle.id).categories[0].id
    projects = []
    for n in range(1, 4):
        p = budget.add_project(db, admin, cycle.id, budget.ProjectData(
            category_id=category, title=f"Проєкт {n}", items=(budget.CostItemData("Роботи", 10_000_00),), number=n))
        budget.review_project(db, admin, p.id, True, "", p.version)
        projects.append(n)
    points = [budget.add_point(db, admin, f"Пункт {n}", "").id for n in range(1, CLIENTS + 1)]
    return cycle.id, projects, points


def test_three_clients_enter_ballots_for_the_same_voters(council_db: tuple[Database, Actor]) -> None:
    """Every client tries every voter (in its own order): each voter ends with exactly one ballot."""
    db, admin = council_db
    ready = _budget_ready(db, admin)
    if ready is None:  # pragma: no cover - the budget area is in the tree
        pytest.skip("the budget area's ballot service is not there")
    from app.services.budget import ballots

    cycle_id, projects, points = ready
    voters = [f"АА{100000 + n}" for n in range(60)]

    def client(pc: Database, index: int) -> Callable[[], tuple[int, int]]:
        def run() -> tuple[int, int]:
            accepted = refused = 0
            order = voters[index::CLIENTS] + voters[:index:] + voters  # overlapping orders
            seen: set[str] = set()
            for voter in order:
                if voter in seen:
                    continue
                seen.add(voter)
                try:
                    ballots.enter_ballot(pc, admin, ballots.BallotEntry(
                        cycle_id=cycle_id, identifier=voter, projects=f"{projects[index % 3]}", age=30,
                        voting_point_id=points[index]))
                    accepted += 1
                except BallotRefused as exc:
                    assert exc.code == RefusalCode.ALREADY_VOTED, exc.message
                    refused += 1
            return accepted, refused
        return run

    with pcs(db, CLIENTS) as machines:
        outcomes = run_together([client(pc, i) for i, pc in enumerate(machines)])
    accepted = sum(a for a, _ in outcomes)
    refused = sum(r for _, r in outcomes)
    assert accepted == len(voters)  # no ballot lost
    assert refused == (CLIENTS - 1) * len(voters)  # every second attempt refused as a duplicate
    from app.db.models.budget import Ballot

    with db.read() as s:
        assert s.execute(select(func.count(Ballot.id)).where(Ballot.cycle_id == cycle_id)).scalar_one() == len(voters)
        duplicates = s.execute(select(Ballot.voter_hash).group_by(Ballot.voter_hash)
                               .having(func.count() > 1)).all()
    assert duplicates == []
    assert audit.verify_chain(db).ok


# --- the same guarantee at the database level, without any service ------------------------

def test_unique_signer_holds_at_the_database_level(db: Database) -> None:
    """A table of our own with the petition's rule (one signature per signer): three clients
    inserting the same signers at once leave exactly one row per signer, none lost."""
    meta = MetaData()
    signature = Table(
        "test_signature", meta,
        Column("id", Integer, primary_key=True),
        Column("petition_id", Integer, nullable=False),
        Column("signer_key", String(64), nullable=False),
        Column("client", Integer, nullable=False),
        UniqueConstraint("petition_id", "signer_key"),
    )
    meta.create_all(db.engine)
    signers = [f"signer-{n}" for n in range(150)]

    def client(pc: Database, index: int) -> Callable[[], int]:
        def run() -> int:
            stored = 0
            for key in signers[index * 50:] + signers[:index * 50]:
                try:
                    with pc.write() as s:
                        s.execute(insert(signature).values(petition_id=1, signer_key=key, client=index))
                        audit.record(s, SYSTEM_ACTOR, audit.Action.CREATE, "test_signature", summary=key)
                    stored += 1
                except IntegrityError:
                    pass
            return stored
        return run

    try:
        with pcs(db, CLIENTS) as machines:
            stored = run_together([client(pc, i) for i, pc in enumerate(machines)])
        with db.read() as s:
            rows = s.execute(select(signature.c.signer_key)).scalars().all()
        assert sum(stored) == len(signers) == len(rows) == len(set(rows))
        report = audit.verify_chain(db)
        assert report.ok and report.events == len(signers), report.message()
    finally:
        meta.drop_all(db.engine)

"""Three PCs entering paper ballots at once: PostgreSQL on loopback, and SQLite (WAL) side by side.

    python bench/concurrent_ballots.py [--ballots 10000] [--clients 3] [--repeat 0.02] [--pg-url URL]

Each client is its own process with its own connection (a PC at its voting point), signed
in as that point's operator, and enters ballots through the real service
(``app.services.budget.ballots.enter_ballot``): one transaction per ballot, with its audit event
(the audit chain's head row is locked per ballot, so this also measures how writers queue
on it). The voters are split between the clients; on top of that each client re-enters
a share of the *next* client's voters at the same time (the same voter at two points),
which the database must refuse. Printed per backend: ballots per second (accepted ballots
over wall time), latency per ballot (p50, p95, max), refusals, and the checks: exactly
N ballots stored, zero duplicate voters, audit chain intact.

PostgreSQL: ``--pg-url`` (a server URL whose user may CREATE DATABASE), else
HROMADA_BENCH_PG_URL or HROMADA_TEST_PG_URL, else a throwaway durable cluster started with
``scripts/pg_test_cluster`` (fsync on) and stopped afterwards.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-parol"
PROJECTS = 6


@dataclass
class Setup:
    cycle_id: int
    points: list[int]
    operators: list[str]


def prepare(target: str, clients: int) -> Setup:
    """A council, a cycle open for voting with a few projects, one voting point and operator per client."""
    from app.db.engine import open_database
    from app.demo import profile as demo_profile
    from app.services import budget
    from app.services.core import council, passwords, users
    from app.services.core.auth import Role

    db = open_database(target)
    try:
        _, admin = council.setup_council(db, demo_profile.DEMO_PROFILE, admin_username="admin",
                                         password_hash=passwords.hash_password(PASSWORD))
        today = date.today()
        cycle = budget.create_cycle(db, admin, budget.CycleData(
            title="Бюджет участі (бенчмарк)", year=today.year, total_budget=3_000_000_00,
            voting_start=today - timedelta(days=1), voting_end=today + timedelta(days=30), min_age=14,
            max_choices=3), [budget.CategoryData(name="Проєкти", budget=3_000_000_00)])
        category = budget.get_cycle(db, cycle.id).categories[0].id
        for n in range(1, PROJECTS + 1):
            p = budget.add_project(db, admin, cycle.id, budget.ProjectData(
                category_id=category, title=f"Проєкт {n}", items=(budget.CostItemData("Роботи", 200_000_00),),
                number=n))
            budget.review_project(db, admin, p.id, True, "", p.version)
        points, operators = [], []
        for n in range(1, clients + 1):
            point = budget.add_point(db, admin, f"Пункт голосування №{n}", f"вул. Центральна, {n}").id
            name = f"operator{n}"
            role = Role.OPERATOR if users.supports_voting_points() else Role.CLERK
            users.create_user(db, admin, users.UserData(name, f"Оператор {n}", role, point), PASSWORD)
            points.append(point)
            operators.append(name)
        return Setup(cycle.id, points, operators)
    finally:
        db.dispose()


def client(target: str, setup: Setup, index: int, voters: list[str], barrier: mp.Barrier,  # type: ignore[valid-type]
           results: mp.Queue) -> None:  # type: ignore[type-arg]
    from app.db.engine import open_database
    from app.domain.ballots import BallotRefused, RefusalCode
    from app.services.budget import ballots
    from app.services.core import login

    db = open_database(target)
    rng = random.Random(index)
    try:
        actor = login.authenticate(db, setup.operators[index], PASSWORD)
        ballots.voter_key(db)  # warm: created once per database
        latencies: list[float] = []
        accepted = refused = 0
        barrier.wait()
        start = time.perf_counter()
        for voter in voters:
            chosen = rng.sample(range(1, PROJECTS + 1), rng.randint(1, 3))
            entry = ballots.BallotEntry(cycle_id=setup.cycle_id, identifier=voter, age=rng.randint(16, 90),
                                        projects=" ".join(map(str, chosen)), voting_point_id=setup.points[index])
            t = time.perf_counter()
            try:
                ballots.enter_ballot(db, actor, entry)
                accepted += 1
            except BallotRefused as exc:
                if exc.code != RefusalCode.ALREADY_VOTED:
                    raise
                refused += 1
            latencies.append(time.perf_counter() - t)
        results.put((index, accepted, refused, latencies, start, time.perf_counter()))
    except BaseException as exc:  # noqa: BLE001 - reported by the parent
        results.put((index, exc))
        raise
    finally:
        db.dispose()


def workload(ballots: int, clients: int, repeat: float) -> list[list[str]]:
    """Each client's voters in entry order: its own share, plus some of the next client's, interleaved."""
    voters = [f"АВ{100000 + n:06d}" for n in range(ballots)]
    own = [voters[i::clients] for i in range(clients)]
    rng = random.Random(42)
    plans = []
    for i in range(clients):
        others = own[(i + 1) % clients] if clients > 1 else []
        again = rng.sample(others, int(len(others) * repeat))
        plan = own[i] + again
        rng.shuffle(plan)
        plans.append(plan)
    return plans


@dataclass
class Outcome:
    backend: str
    ballots_per_s: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    accepted: int
    refused: int
    stored: int
    duplicate_voters: int
    chain_ok: bool
    seconds: float


def run(backend: str, target: str, ballots: int, clients: int, repeat: float) -> Outcome:
    from sqlalchemy import func, select

    from app.db.engine import open_database
    from app.db.models.budget import Ballot
    from app.services.core import audit

    setup = prepare(target, clients)
    plans = workload(ballots, clients, repeat)
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(clients)
    results = ctx.Queue()
    procs = [ctx.Process(target=client, args=(target, setup, i, plans[i], barrier, results)) for i in range(clients)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=3600) for _ in procs]
    for p in procs:
        p.join()
    failures = [o for o in outcomes if len(o) == 2]
    if failures:
        raise RuntimeError(f"client {failures[0][0]} failed: {failures[0][1]!r}")
    latencies = sorted(x for o in outcomes for x in o[3])
    start = min(o[4] for o in outcomes)
    end = max(o[5] for o in outcomes)
    accepted = sum(o[1] for o in outcomes)
    db = open_database(target)
    try:
        with db.read() as s:
            stored = s.execute(select(func.count(Ballot.id))).scalar_one()
            distinct = s.execute(select(func.count(func.distinct(Ballot.voter_hash)))).scalar_one()
        chain_ok = audit.verify_chain(db).ok
    finally:
        db.dispose()
    return Outcome(
        backend=backend,
        ballots_per_s=accepted / (end - start),
        p50_ms=statistics.median(latencies) * 1000,
        p95_ms=latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        max_ms=latencies[-1] * 1000,
        accepted=accepted,
        refused=sum(o[2] for o in outcomes),
        stored=stored,
        duplicate_voters=stored - distinct,
        chain_ok=chain_ok,
        seconds=end - start,
    )


def _server_url(given: str | None) -> tuple[str, str | None]:
    """A server URL, and the folder of a cluster we started ourselves (to stop afterwards)."""
    url = given or os.environ.get("HROMADA_BENCH_PG_URL") or os.environ.get("HROMADA_TEST_PG_URL")
    if url:
        return url, None
    started = subprocess.run([str(ROOT / "scripts" / "pg_test_cluster"), "start"], capture_output=True, text=True,
                             check=True)
    url = started.stdout.strip().splitlines()[-1]
    folder = started.stderr.split("data in ", 1)[1].split(";", 1)[0].strip()
    return url, folder


def _pg_settings(url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar()
            fsync = conn.execute(text("SHOW fsync")).scalar()
            sync = conn.execute(text("SHOW synchronous_commit")).scalar()
        return f"PostgreSQL {str(version).split()[0]} (fsync={fsync}, synchronous_commit={sync})"
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ballots", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--repeat", type=float, default=0.02,
                        help="share of the next client's voters each client enters again (refused)")
    parser.add_argument("--pg-url", help="PostgreSQL server URL (a user that may CREATE DATABASE)")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    outcomes: list[Outcome] = []
    if not args.skip_postgres:
        server, cluster = _server_url(args.pg_url)
        name = f"hromada_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            url = make_url(server).set(database=name).render_as_string(hide_password=False)
            label = _pg_settings(url)
            outcomes.append(run(label, url, args.ballots, args.clients, args.repeat))
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
            if cluster:
                subprocess.run([str(ROOT / "scripts" / "pg_test_cluster"), "stop", cluster], check=False)
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory(prefix="hromada-bench-") as tmp:
            outcomes.append(run("SQLite 3 (WAL, synchronous=NORMAL)", str(Path(tmp) / "bench.sqlite3"),
                                args.ballots, args.clients, args.repeat))

    print(f"{args.clients} concurrent clients, {args.ballots} ballots in total through ballots.enter_ballot "
          f"(one transaction + audit event each); each client also re-enters {args.repeat:.0%} of another "
          f"client's voters. {os.cpu_count()} CPU cores, server on loopback.")
    print(f"{'backend':52} {'ballots/s':>9} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'accepted':>8} "
          f"{'refused':>7} {'stored':>7} {'dup':>4} {'chain':>5} {'wall s':>7}")
    ok = True
    for o in outcomes:
        print(f"{o.backend:52} {o.ballots_per_s:9.1f} {o.p50_ms:7.1f} {o.p95_ms:7.1f} {o.max_ms:7.1f} "
              f"{o.accepted:8d} {o.refused:7d} {o.stored:7d} {o.duplicate_voters:4d} "
              f"{'ok' if o.chain_ok else 'BROKEN':>5} {o.seconds:7.1f}")
        ok = ok and o.accepted == o.stored == args.ballots and o.duplicate_voters == 0 and o.chain_ok
    print("checks: " + ("every voter stored exactly once, no duplicates, audit chain intact" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

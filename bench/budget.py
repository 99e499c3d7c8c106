"""Participatory budget in the database: how long the heavy operations take on this machine.

    python bench/budget.py [FILE.pb] [--runs N]     default: shared/data/pabulib/Poland_Warszawa_2026.pb

Each run starts from a fresh SQLite database with a council and prints:

* the import of the Pabulib file into a new cycle (parse, projects, every ballot; one transaction,
  Core bulk inserts) — the target is under 3 s for Warsaw 2026's 61,668 voters;
* the outcome computed from the database (the same rules the PB engine applies to the file);
* the export of the cycle back to ``.pb``;
* the demo builder (15 projects, ~1,500 ballots, results, implementation; target under 3 s);
* paper ballots entered one at a time through the service (what a voting point does).

The speed comparison with pabutools is the PB engine's benchmark (``bench/pb_outcome.py``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db.engine import Database, open_database  # noqa: E402
from app.demo import budget as budget_demo
from app.interchange import pb_cycles  # noqa: E402
from app.services import budget
from app.services.budget import ballots  # noqa: E402
from app.services.budget import results as budget_results
from app.services.core import council
from app.services.core.auth import Actor  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "pabulib" / "Poland_Warszawa_2026.pb"
PROFILE = council.CouncilProfileData("Тестова громада", "Тестова сільська рада", 8, 26)
IMPORT_TARGET_S = 3.0
DEMO_TARGET_S = 3.0


def fresh(folder: Path, name: str) -> tuple[Database, Actor]:
    db = open_database(folder / f"{name}.sqlite3")
    _, actor = council.setup_council(db, PROFILE)
    ballots.voter_key(db)  # created once per database, not part of any measured step
    return db, actor


def timed(fn):  # noqa: ANN001, ANN201
    started = time.perf_counter()
    result = fn()
    return time.perf_counter() - started, result


def bench_import(path: Path, runs: int, folder: Path) -> None:
    imports, outcomes, exports = [], [], []
    winners = ""
    for run in range(runs):
        db, actor = fresh(folder, f"import{run}")
        try:
            seconds, imported = timed(lambda db=db, actor=actor: pb_cycles.import_pabulib(db, actor, path))
            imports.append(seconds)
            seconds, results = timed(lambda db=db, c=imported.cycle.id: budget_results.compute_results(db, c))
            outcomes.append(seconds)
            seconds, _ = timed(lambda db=db, c=imported.cycle.id: pb_cycles.export_pabulib(db, c, folder / "x.pb"))
            exports.append(seconds)
            cat = results.categories[0]
            winners = f"{len(cat.winners)} winners, rule {cat.rule}" + (f" ({cat.error})" if cat.error else "")
            count = imported.ballots
        finally:
            db.dispose()
    best = min(imports)
    verdict = "OK" if best < IMPORT_TARGET_S else "TOO SLOW"
    print(f"{path.name}: {count:,} ballots".replace(",", " "))
    print(f"  import into the database  best {best:6.2f} s  median {statistics.median(imports):6.2f} s  "
          f"(target < {IMPORT_TARGET_S:.0f} s: {verdict})")
    print(f"  outcome from the database best {min(outcomes):6.2f} s  ({winners})")
    print(f"  export to .pb             best {min(exports):6.2f} s")


def bench_demo(folder: Path) -> None:
    db, actor = fresh(folder, "demo")
    try:
        seconds, _ = timed(lambda: budget_demo.build(db, actor))
    finally:
        db.dispose()
    verdict = "OK" if seconds < DEMO_TARGET_S else "TOO SLOW"
    print(f"demo builder (15 projects, ~1 500 ballots, results, milestones): {seconds:6.2f} s "
          f"(target < {DEMO_TARGET_S:.0f} s: {verdict})")


def bench_entry(folder: Path, count: int = 200) -> None:
    db, actor = fresh(folder, "entry")
    today = date.today()
    try:
        cycle = budget.create_cycle(db, actor, budget.CycleData(
            "Бенчмарк", today.year, 100_000_000, voting_start=today - timedelta(days=1),
            voting_end=today + timedelta(days=1), max_choices=3), [budget.CategoryData("Усі", 100_000_000)])
        for n in range(1, 11):
            p = budget.add_project(db, actor, cycle.id, budget.ProjectData(
                cycle.categories[0].id, f"Проєкт {n}", (budget.CostItemData("Роботи", 1_000_000),)))
            budget.review_project(db, actor, p.id, True, "", p.version)
        point = budget.add_point(db, actor, "Пункт")
        started = time.perf_counter()
        for i in range(count):
            ballots.enter_ballot(db, actor, ballots.BallotEntry(cycle.id, f"АВ{i:06d}", 30, f"{i % 10 + 1}",
                                                                point.id))
        per = (time.perf_counter() - started) / count
    finally:
        db.dispose()
    print(f"paper ballot entered through the service (check, insert, audit): {per * 1000:6.1f} ms each")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hromada-bench-") as tmp:
        folder = Path(tmp)
        bench_import(args.file, args.runs, folder)
        bench_demo(folder)
        bench_entry(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How the council register copes with a large city's convocation.

    python bench/deputies.py [--deputies 64] [--sessions 300] [--items 40] [--db PATH]

Builds (with bulk Core inserts; services would audit 12,000 roll calls one by one) a council of 64
deputies in 5 factions, 300 sessions over five years with 40 agenda items each and one complete roll
call per item (~770,000 individual votes), then prints the time of:

* the attendance table for a year (the service, and the whole landscape PDF)   — target < 1 s
* a deputy card PDF (statistics over the whole convocation included)            — target < 0.5 s
* the deputies search, per keystroke                                            — target < 50 ms
* and, for information, a deputy's statistics, their votes list, the Popolo export.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from app.db.base import new_uuid, utcnow  # noqa: E402
from app.db.engine import Database, open_database  # noqa: E402
from app.db.models.deputies import (  # noqa: E402
    AgendaItem,
    CouncilSession,
    Deputy,
    Faction,
    RollCall,
    SessionAttendance,
    Vote,
)
from app.domain.deputies import deputy_search_key  # noqa: E402
from app.domain.names import search_key  # noqa: E402
from app.domain.votes import Majority, VoteOption, compute_result  # noqa: E402
from app.services import deputies
from app.services.core import council  # noqa: E402

SURNAMES = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Д’яченко", "Мельник", "Ґудзь",
            "Їжакевич", "Олійник", "Савчук", "Поліщук", "Руденко", "Лисенко", "Мороз", "Зінченко"]
GIVEN = ["Олена", "Ігор", "Марія", "Юрій", "Ганна", "Олег", "Тетяна", "Богдан", "Ярина", "Василь"]
BATCH = 50_000


def _common() -> dict[str, object]:
    now = utcnow()
    return {"created_at": now, "updated_at": now, "version": 1}


def build(db: Database, n_deputies: int, n_sessions: int, n_items: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    profile = council.CouncilProfileData("Велике місто", "Міська рада", 8, n_deputies)
    council.setup_council(db, profile)
    common = _common()
    with db.engine.begin() as conn:
        conn.execute(insert(Faction.__table__), [
            {"name": f"Фракція {i + 1}", "short_name": "", "description": "", "uuid": new_uuid(), **common}
            for i in range(5)])
        faction_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM faction ORDER BY id")]
        deps = []
        for i in range(n_deputies):
            sn, gn = SURNAMES[i % len(SURNAMES)] + ("" if i < len(SURNAMES) else f"-{i}"), GIVEN[i % len(GIVEN)]
            deps.append({"surname": sn, "given_name": gn, "patronymic": "Петрович",
                         "search_key": deputy_search_key(sn, gn, "Петрович"), "convocation": 8,
                         "faction_id": faction_ids[i % 5], "district_id": None,
                         "mandate_start": dt.date(2020, 11, 20), "mandate_end": None, "mandate_end_reason": "",
                         "position": "", "biography": "Біографія депутата. " * 8, "phone": "", "phone_public": False,
                         "email": "", "email_public": False, "reception_hours": "щопонеділка 10:00–12:00",
                         "reception_place": "міська рада", "photo": None, "photo_mime": "", "uuid": new_uuid(),
                         **common})
        conn.execute(insert(Deputy.__table__), deps)
        deputy_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM deputy ORDER BY id")]
        faction_of = {d: faction_ids[i % 5] for i, d in enumerate(deputy_ids)}
        start = dt.date(2021, 1, 14)
        step = max(1, (5 * 365) // n_sessions)
        conn.execute(insert(CouncilSession.__table__), [
            {"number": n + 1, "convocation": 8, "date": start + dt.timedelta(days=n * step), "kind": "regular",
             "place": "", "notes": "", "uuid": new_uuid(), **common} for n in range(n_sessions)])
        sessions = list(conn.execute(select(CouncilSession.id, CouncilSession.date).order_by(CouncilSession.id)))
        attendance, present_by_session = [], {}
        lazy = set(deputy_ids[:3])  # three deputies who skip most sessions
        for sid, _ in sessions:
            present = {d for d in deputy_ids if rng.random() < (0.3 if d in lazy else 0.92)}
            present_by_session[sid] = present
            attendance += [{"session_id": sid, "deputy_id": d, "status": "present" if d in present else "absent",
                            "reason": "", "uuid": new_uuid(), **common} for d in deputy_ids]
        conn.execute(insert(SessionAttendance.__table__), attendance)
        conn.execute(insert(AgendaItem.__table__), [
            {"session_id": sid, "number": k + 1, "title": f"Про питання {k + 1} сесії {n + 1}",
             "search_key": search_key(f"Про питання {k + 1} сесії {n + 1}"), "initiator_kind": "head",
             "initiator_deputy_id": None, "initiator_committee_id": None, "initiator_note": "", "draft_number": "",
             "majority": "simple_of_composition", "status": "considered", "uuid": new_uuid(), **common}
            for n, (sid, _) in enumerate(sessions) for k in range(n_items)])
        items = list(conn.exec_driver_sql("SELECT id, session_id FROM agenda_item ORDER BY id"))
        session_date = dict(sessions)
        majority = Majority.SIMPLE_OF_COMPOSITION
        roll_rows, vote_plans = [], []
        for item_id, sid in items:
            present = present_by_session[sid]
            support = rng.uniform(0.4, 1.0)
            options = {d: (VoteOption.ABSENT if d not in present else VoteOption.FOR if rng.random() < support
                           else rng.choice((VoteOption.AGAINST, VoteOption.ABSTAINED, VoteOption.NOT_VOTING)))
                       for d in deputy_ids}
            result = compute_result(options, n_deputies, majority)
            roll_rows.append({"agenda_item_id": item_id, "session_id": sid, "number": 1, "title": "в цілому",
                              "vote_date": session_date[sid], "majority": majority.value, "composition": n_deputies,
                              "required": result.required, "votes_for": result.votes_for,
                              "votes_against": result.against, "abstained": result.abstained,
                              "not_voting": result.not_voting, "absent": result.absent, "passed": result.passed,
                              "source": "bench", "uuid": new_uuid(), **common})
            vote_plans.append(options)
        conn.execute(insert(RollCall.__table__), roll_rows)
        roll_ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM roll_call ORDER BY id")]
        batch: list[dict[str, object]] = []
        total = 0
        for rc, options in zip(roll_ids, vote_plans, strict=True):
            for d, option in options.items():
                batch.append({"roll_call_id": rc, "deputy_id": d, "faction_id": faction_of[d], "option": option.value,
                              "uuid": new_uuid(), **common})
            if len(batch) >= BATCH:
                conn.execute(insert(Vote.__table__), batch)
                total += len(batch)
                batch = []
        if batch:
            conn.execute(insert(Vote.__table__), batch)
            total += len(batch)
    return {"deputies": n_deputies, "sessions": n_sessions, "roll_calls": len(roll_ids), "votes": total}


def timed(fn, repeat: int = 3) -> float:  # noqa: ANN001
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deputies", type=int, default=64)
    parser.add_argument("--sessions", type=int, default=300)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--db", type=Path, help="reuse (or keep) the database file")
    args = parser.parse_args()
    from app.interchange import popolo
    from app.reports import registry

    folder = Path(tempfile.mkdtemp(prefix="bench-deputies-"))
    path = args.db or folder / "bench.sqlite3"
    fresh = not path.exists()
    db = open_database(path)
    if fresh:
        started = time.perf_counter()
        counts = build(db, args.deputies, args.sessions, args.items)
        print(f"built {counts['deputies']} deputies, {counts['sessions']} sessions, {counts['roll_calls']:,} roll "
              f"calls, {counts['votes']:,} votes in {time.perf_counter() - started:.1f} s ({path})")
    years = deputies.session_years(db)
    year = years[1] if len(years) > 1 else years[0]
    rows = deputies.list_deputies(db)
    deputy = rows[len(rows) // 2]

    table_s = timed(lambda: deputies.attendance_table(db, year))
    table = deputies.attendance_table(db, year)
    pdf_s = timed(lambda: registry.render_report(db, "attendance", year, folder / "attendance.pdf"))
    card_s = timed(lambda: registry.render_report(db, "deputy-card", deputy.id, folder / "card.pdf"))
    stats_s = timed(lambda: deputies.deputy_statistics(db, deputy.id))
    votes_s = timed(lambda: deputies.deputy_votes(db, deputy.id, year), repeat=1)
    keystrokes = ["ш", "ше", "шев", "шевч", "ґ", "ґу", "д'я", "олій"]
    per_key = max(timed(lambda q=q: deputies.list_deputies(db, deputies.DeputyFilter(query=q))) for q in keystrokes)
    popolo_s = timed(lambda: popolo.write_popolo(db, folder / "popolo.json"), repeat=1)

    def line(label: str, seconds: float, target: float | None = None) -> None:
        verdict = "" if target is None else ("  OK" if seconds < target else f"  SLOWER than {target:g} s")
        print(f"{label:58} {seconds * 1000:9.1f} ms{verdict}")

    print(f"year {year}: {len(table.sessions)} sessions × {len(table.lines)} deputies")
    line("attendance table for a year (service)", table_s, 1.0)
    line("attendance table for a year (landscape PDF, whole report)", pdf_s, 1.0)
    line("deputy card PDF", card_s, 0.5)
    line("deputies search, slowest keystroke", per_key, 0.05)
    line("deputy statistics over the convocation", stats_s)
    line(f"deputy's votes in {year} (with against-faction marks)", votes_s)
    line("Popolo JSON export, whole convocation", popolo_s)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

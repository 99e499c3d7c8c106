"""The demo council: realistic, complete, consistent, and quick to build."""

from __future__ import annotations

from pathlib import Path

from app.db.engine import open_database
from app.demo import create as demo_create
from app.demo.deputies import build as build_deputies_demo
from app.demo.deputies import demo_year
from app.domain.votes import VoteOption
from app.services import deputies
from app.services.core import audit
from app.services.deputies import initiatives, rollcalls, sessions
from tests.deputies_setup import build_demo_council, demo_path  # noqa: F401 - fixture


def test_demo_builds_quickly(tmp_path: Path) -> None:
    db = open_database(tmp_path / "demo.sqlite3")
    try:
        build_demo_council(db)
        assert build_deputies_demo in demo_create.BUILDERS
        assert audit.verify_chain(db).ok
    finally:
        db.dispose()


def test_demo_council(demo_path: Path) -> None:  # noqa: F811
    db = open_database(demo_path)
    try:
        year = demo_year()
        active = deputies.list_deputies(db, deputies.DeputyFilter(status="active"))
        assert len(active) == 26
        assert len(deputies.list_factions(db)) == 4
        assert sum(f.members for f in deputies.list_factions(db)) == 26
        committees = deputies.list_committees(db)
        assert len(committees) == 3 and all(c.members[0].role == "head" for c in committees)
        rows = sessions.list_sessions(db, year=year)
        assert len(rows) == 12
        assert all(8 <= r.items <= 15 and r.roll_calls >= r.items for r in rows)
        # complete roll calls: every deputy with a mandate on the date has an entry
        for session in rows[:3]:
            expected = len(sessions.attendance(db, session.id))
            for item in sessions.agenda(db, session.id):
                for rc in item.roll_calls:
                    assert len(rollcalls.votes(db, rc.id)) == expected
                    assert rc.votes_for + rc.votes_against + rc.abstained + rc.not_voting + rc.absent == expected
        table = deputies.attendance_table(db, year)
        assert [line.name for line in table.flagged] == ["Олійник В. П."]
        assert any(line.attendance and line.attendance.sessions < 12 for line in table.lines)  # mid-year change
        assert len(initiatives.list_initiatives(db)) >= 6
        assert len(sessions.list_decisions(db)) > 50
        options = {row.option for rc in rollcalls.all_roll_calls(db)[:40] for row in rollcalls.votes(db, rc.id)}
        assert options == set(VoteOption)
    finally:
        db.dispose()

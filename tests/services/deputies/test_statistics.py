"""Deputies' statistics: attendance table and the recall flag, participation, faction discipline, votes."""

from __future__ import annotations

import datetime as dt

from app.db.engine import Database
from app.domain.deputies import AttendanceStatus
from app.domain.votes import VoteOption
from app.services import deputies
from app.services.core.auth import Actor
from app.services.deputies import rollcalls, sessions
from tests.deputies_setup import build_council


def test_statistics(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    c = build_council(db, actor, absent=(25,))
    second = sessions.create_session(db, actor, sessions.SessionData(number=13, date=dt.date(2025, 4, 17)))
    sessions.set_attendance(db, actor, second, {
        d: AttendanceStatus.ABSENT.value if i in (25, 24) else AttendanceStatus.PRESENT.value
        for i, d in enumerate(c.deputy_ids)})
    third = sessions.create_session(db, actor, sessions.SessionData(number=14, date=dt.date(2025, 5, 15)))
    sessions.set_attendance(db, actor, third, {
        d: AttendanceStatus.ABSENT.value if i == 25 else AttendanceStatus.PRESENT.value
        for i, d in enumerate(c.deputy_ids)})
    table = deputies.attendance_table(db, 2025)
    assert len(table.sessions) == 3
    flagged = [line.deputy_id for line in table.flagged]
    assert flagged == [c.deputy_ids[25]]
    absentee = next(line for line in table.lines if line.deputy_id == c.deputy_ids[24])
    assert absentee.marks == ("present", "absent", "present") and absentee.attendance.present == 2

    # faction 1 = even indexes; deputy 0 votes against their faction's majority
    options = {d: (VoteOption.ABSENT if i == 25 else VoteOption.FOR) for i, d in enumerate(c.deputy_ids)}
    options[c.deputy_ids[0]] = VoteOption.AGAINST
    rollcalls.save_roll_call(db, actor, c.item_id, options)
    stats = deputies.deputy_statistics(db, c.deputy_ids[0], 2025)
    assert stats.attendance.percent == 100.0 and stats.participation.voted == 1
    assert stats.vote_counts[VoteOption.AGAINST] == 1
    assert (stats.discipline.compared, stats.discipline.against) == (1, 1)
    votes = deputies.deputy_votes(db, c.deputy_ids[0])
    assert len(votes) == 1 and votes[0].against_faction and votes[0].option is VoteOption.AGAINST
    assert deputies.session_years(db) == [2025]
    assert [r.id for r in deputies.recall_candidates(db, 2025)] == [c.deputy_ids[25]]

"""Sessions around the roll calls: the attendance register, session rules, decisions."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.domain.deputies import AttendanceStatus
from app.errors import ValidationError
from app.services.deputies import rollcalls, sessions
from tests.deputies_setup import SESSION_DATE, Council, roll_call_options


def test_attendance_register_rules(council: Council) -> None:
    db, actor = council.db, council.actor
    rollcalls.save_roll_call(db, actor, council.item_id, roll_call_options(council, 20))
    marks = {r.deputy_id: r.status for r in sessions.attendance(db, council.session_id)}
    marks[council.deputy_ids[0]] = AttendanceStatus.ABSENT.value  # voted "for"
    with pytest.raises(ValidationError, match="Голосували на цій сесії, тож не можуть бути відсутніми: Шевченко"):
        sessions.set_attendance(db, actor, council.session_id, marks)
    del marks[council.deputy_ids[0]]
    with pytest.raises(ValidationError, match="Не позначено присутність депутатів: Шевченко О. І."):
        sessions.set_attendance(db, actor, council.session_id, marks)
    marks[council.deputy_ids[0]] = AttendanceStatus.PRESENT.value
    marks[council.deputy_ids[25]] = (AttendanceStatus.ABSENT_EXCUSED.value, "лікарняний")
    sessions.set_attendance(db, actor, council.session_id, marks)
    row = next(r for r in sessions.attendance(db, council.session_id) if r.deputy_id == council.deputy_ids[25])
    assert (row.status, row.reason) == ("absent_excused", "лікарняний")


def test_session_rules(council: Council) -> None:
    db, actor = council.db, council.actor
    with pytest.raises(ValidationError, match="Сесія №12 цього скликання вже є"):
        sessions.create_session(db, actor, sessions.SessionData(number=12, date=dt.date(2025, 4, 1)))
    rollcalls.save_roll_call(db, actor, council.item_id, roll_call_options(council, 20))
    session = sessions.get_session(db, council.session_id)
    with pytest.raises(ValidationError, match="не мали повноважень депутати"):
        sessions.update_session(db, actor, session.id, dataclasses.replace(session, date=dt.date(2019, 1, 1)),
                                session.version)
    with pytest.raises(ValidationError, match="у ній є поіменні голосування"):
        sessions.delete_session(db, actor, session.id, session.version)
    with pytest.raises(ValidationError, match="за нього вже голосували"):
        sessions.delete_agenda_item(db, actor, council.item_id, 1)
    sessions.update_session(db, actor, session.id, dataclasses.replace(session, date=dt.date(2025, 3, 21)),
                            session.version)
    assert sessions.get_agenda_item(db, council.item_id).roll_calls[0].vote_date == dt.date(2025, 3, 21)


def test_decisions(council: Council) -> None:
    db, actor = council.db, council.actor
    failed = rollcalls.save_roll_call(db, actor, council.item_id, roll_call_options(council, 10))
    passed = rollcalls.save_roll_call(db, actor, council.item_id, roll_call_options(council, 20))
    number = sessions.suggest_decision_number(db, council.item_id)
    assert number == "12-1/VIII"
    data = sessions.DecisionData(number=number, date=SESSION_DATE, title="Про бюджет громади",
                                 agenda_item_id=council.item_id, roll_call_id=failed.id)
    with pytest.raises(ValidationError, match="не набрало потрібних голосів \\(10 з 14\\)"):
        sessions.save_decision(db, actor, data)
    with pytest.raises(ValidationError, match="лише файл PDF"):
        sessions.save_decision(db, actor, dataclasses.replace(data, roll_call_id=passed.id, file=b"GIF89a"))
    decision_id = sessions.save_decision(db, actor, dataclasses.replace(
        data, roll_call_id=passed.id, file=b"%PDF-1.4 test", file_name="rishennia.pdf"))
    assert sessions.decision_file(db, decision_id) == ("rishennia.pdf", b"%PDF-1.4 test")
    assert sessions.get_agenda_item(db, council.item_id).decision == sessions.DecisionRef(decision_id, number)
    with pytest.raises(ValidationError, match="Рішення №12-1/VIII уже є"):
        sessions.save_decision(db, actor, dataclasses.replace(data, roll_call_id=passed.id))
    with pytest.raises(ValidationError, match="за ним ухвалено рішення"):
        rollcalls.delete_roll_call(db, actor, passed.id, passed.version)
    with pytest.raises(ValidationError, match="з новими голосами воно не проходить"):
        rollcalls.save_roll_call(db, actor, council.item_id, roll_call_options(council, 5), roll_call_id=passed.id,
                                 expected_version=passed.version)
    assert [d.number for d in sessions.list_decisions(db, query="БЮДЖЕТ")] == [number]
    rollcalls.delete_roll_call(db, actor, failed.id, failed.version)
    assert len(sessions.get_agenda_item(db, council.item_id).roll_calls) == 1

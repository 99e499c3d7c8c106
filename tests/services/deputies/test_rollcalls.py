"""Roll calls: the computed result, consistency refusals, one audit event per roll call, locking; sessions,
attendance, agenda and decisions around them; statistics."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.db.engine import Database
from app.domain.deputies import AttendanceStatus
from app.domain.votes import Majority, VoteOption
from app.errors import PermissionDeniedError, StaleRecordError, ValidationError
from app.services import deputies
from app.services.core import audit
from app.services.core.auth import Actor, Role
from app.services.deputies import rollcalls, sessions
from tests.deputies_setup import SESSION_DATE, Council, build_council


@pytest.fixture
def council(council_db: tuple[Database, Actor]) -> Council:
    db, actor = council_db
    return build_council(db, actor, absent=(24, 25))


def _options(c: Council, n_for: int) -> dict[int, VoteOption]:
    """``n_for`` present deputies for, the other present against, the two absent ones absent."""
    out = {}
    for i, d in enumerate(c.deputy_ids):
        out[d] = VoteOption.ABSENT if i >= 24 else (VoteOption.FOR if i < n_for else VoteOption.AGAINST)
    return out


def test_result_is_computed_against_composition(council: Council) -> None:
    row = rollcalls.save_roll_call(council.db, council.actor, council.item_id, _options(council, 14))
    assert (row.votes_for, row.votes_against, row.absent, row.required, row.composition) == (14, 10, 2, 14, 26)
    assert row.passed and row.result_label == "прийнято"
    row2 = rollcalls.save_roll_call(council.db, council.actor, council.item_id, _options(council, 13),
                                    rollcalls.RollCallData(title="за основу"))
    assert not row2.passed and row2.number == 2  # 13 of 24 present is a majority of those present, not of 26


def test_two_thirds(council: Council) -> None:
    options = _options(council, 17)
    row = rollcalls.save_roll_call(council.db, council.actor, council.item_id, options, rollcalls.RollCallData(
        majority=Majority.TWO_THIRDS_OF_COMPOSITION.value))
    assert row.required == 18 and not row.passed
    item = sessions.get_agenda_item(council.db, council.item_id)
    sessions.update_agenda_item(council.db, council.actor, item.id, dataclasses.replace(
        item, majority=Majority.TWO_THIRDS_OF_COMPOSITION.value), item.version)
    row = rollcalls.save_roll_call(council.db, council.actor, council.item_id, _options(council, 18))
    assert row.required == 18 and row.passed and row.majority == "two_thirds_of_composition"


def test_voted_but_absent_is_refused(council: Council) -> None:
    options = _options(council, 14)
    options[council.deputy_ids[25]] = VoteOption.FOR  # registered absent
    with pytest.raises(ValidationError) as err:
        rollcalls.save_roll_call(council.db, council.actor, council.item_id, options)
    assert "Голосування не збережено" in err.value.message
    assert "не зареєстровані присутніми на засіданні: Мар’яненко О. П." in err.value.message
    assert sessions.get_agenda_item(council.db, council.item_id).roll_calls == ()


def test_mandate_is_checked(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    c = build_council(db, actor, count=25)
    former = deputies.create_deputy(db, actor, deputies.DeputyData(
        surname="Колишній", given_name="Іван", mandate_start=dt.date(2020, 11, 20), mandate_end=dt.date(2025, 1, 31),
        mandate_end_reason="resignation"))
    options = dict.fromkeys(c.deputy_ids, VoteOption.FOR)
    options[former] = VoteOption.ABSENT
    with pytest.raises(ValidationError, match="На дату голосування 20.03.2025 не мали чинних повноважень: Колишній І."):
        rollcalls.save_roll_call(db, actor, c.item_id, options)
    del options[former]
    assert rollcalls.save_roll_call(db, actor, c.item_id, options).passed
    view = deputies.get_deputy(db, c.deputy_ids[0])
    with pytest.raises(ValidationError, match="не охоплюють 1 записів реєстрації і 1 голосів"):
        deputies.update_deputy(db, actor, view.id, dataclasses.replace(
            view, mandate_end=dt.date(2025, 1, 31), mandate_end_reason="resignation"), view.version)


def test_missing_deputy_is_refused(council: Council) -> None:
    options = _options(council, 14)
    del options[council.deputy_ids[0]]
    with pytest.raises(ValidationError, match="Не вказано результат голосування депутатів: Шевченко О. І."):
        rollcalls.save_roll_call(council.db, council.actor, council.item_id, options)


def test_counts_above_composition_refused(council_db: tuple[Database, Actor]) -> None:
    from app.services.core import council as council_service
    from tests.conftest import TEST_PROFILE

    db, actor = council_db
    c = build_council(db, actor, count=20)
    council_service.update_profile(db, actor, dataclasses.replace(TEST_PROFILE, composition=18), 1)
    with pytest.raises(ValidationError) as err:
        rollcalls.save_roll_call(db, actor, c.item_id, dict.fromkeys(c.deputy_ids, VoteOption.FOR))
    assert "Записів голосування (20) більше, ніж загальний склад ради (18)" in err.value.message


def test_one_audit_event_and_update_diff(council: Council) -> None:
    db, actor = council.db, council.actor
    before = audit.event_count(db)
    row = rollcalls.save_roll_call(db, actor, council.item_id, _options(council, 20))
    assert audit.event_count(db) == before + 1
    [event] = audit.list_events(db, audit.AuditFilter(entity_type="roll_call"))
    assert event.action == "create" and "прийнято (20 з 14)" in event.summary
    options = _options(council, 20)
    options[council.deputy_ids[0]] = VoteOption.ABSTAINED
    updated = rollcalls.save_roll_call(db, actor, council.item_id, options, roll_call_id=row.id,
                                       expected_version=row.version)
    assert updated.votes_for == 19 and updated.abstained == 1 and updated.version == row.version + 1
    event = audit.list_events(db, audit.AuditFilter(entity_type="roll_call"))[0]
    assert event.changes == {"Шевченко О. І.": ["for", "abstained"]}
    with pytest.raises(StaleRecordError):
        rollcalls.save_roll_call(db, actor, council.item_id, options, roll_call_id=row.id,
                                 expected_version=row.version)
    assert [v.option for v in rollcalls.votes(db, row.id)].count(VoteOption.FOR) == 19
    assert audit.verify_chain(db).ok


def test_viewer_cannot_vote(council: Council) -> None:
    with pytest.raises(PermissionDeniedError):
        rollcalls.save_roll_call(council.db, Actor(None, "v", Role.VIEWER), council.item_id, _options(council, 20))


def test_attendance_register_rules(council: Council) -> None:
    db, actor = council.db, council.actor
    rollcalls.save_roll_call(db, actor, council.item_id, _options(council, 20))
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
    rollcalls.save_roll_call(db, actor, council.item_id, _options(council, 20))
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
    failed = rollcalls.save_roll_call(db, actor, council.item_id, _options(council, 10))
    passed = rollcalls.save_roll_call(db, actor, council.item_id, _options(council, 20))
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
        rollcalls.save_roll_call(db, actor, council.item_id, _options(council, 5), roll_call_id=passed.id,
                                 expected_version=passed.version)
    assert [d.number for d in sessions.list_decisions(db, query="БЮДЖЕТ")] == [number]
    rollcalls.delete_roll_call(db, actor, failed.id, failed.version)
    assert len(sessions.get_agenda_item(db, council.item_id).roll_calls) == 1


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

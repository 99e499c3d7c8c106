"""Citizens' appeals: numbering, statutory terms, extension, repeats, due states, statistics, bulk load."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db.engine import Database
from app.domain.deadlines import DeadlineState
from app.errors import ImportRejectedError, PermissionDeniedError, StaleRecordError, ValidationError
from app.services import appeals, registry
from app.services.appeals import AppealAnswer, AppealFilter
from app.services.core import settings
from app.services.core.auth import Actor, Role
from tests.services.petitions.petition_helpers import TODAY, appeal_input, make_appeal

VIEWER = Actor(user_id=None, username="viewer", role=Role.VIEWER)
CLERK = Actor(user_id=None, username="clerk", role=Role.CLERK)


def detail(db: Database, appeal_id: int, today: dt.date = TODAY) -> appeals.AppealDetail:
    return appeals.get_appeal(db, appeal_id, today)


def test_numbers_follow_the_council_pattern_and_restart_each_year(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    first = make_appeal(db, admin, received_on=dt.date(2025, 12, 30), today=TODAY)
    second = make_appeal(db, admin)
    third = make_appeal(db, admin)
    assert [detail(db, i).reg_number for i in (first, second, third)] == ["1/2025", "1/2026", "2/2026"]
    settings.set_values(db, admin, {appeals.NUMBER_PATTERN: "{letter}-{seq}"})
    fourth = make_appeal(db, admin, applicant_name="Ґалаґан Ірина")
    assert detail(db, fourth).reg_number == "Ґ-3"
    settings.set_values(db, admin, {appeals.NUMBER_PATTERN: "К-{seq}/{yy}{kind}"})
    assert detail(db, make_appeal(db, admin, kind="complaint")).reg_number == "К-4/26С"
    assert appeals.appeal_id_by_number(db, "1/2026") == second
    for bad, message in (("{year}", "{seq}"), ("{seq}-{month}", "невідомі поля")):
        settings.set_values(db, admin, {appeals.NUMBER_PATTERN: bad})
        with pytest.raises(ValidationError, match=message):
            make_appeal(db, admin)


@pytest.mark.parametrize(("received", "needs_study", "due"), [
    (dt.date(2026, 5, 4), True, dt.date(2026, 6, 3)),  # 30 days
    (dt.date(2026, 5, 4), False, dt.date(2026, 5, 19)),  # 15 days: no extra study needed
    (dt.date(2026, 5, 1), True, dt.date(2026, 6, 1)),  # 31 May is a Sunday: the next working day
    (dt.date(2026, 1, 30), True, dt.date(2026, 3, 2)),  # 1 March is a Sunday too
])
def test_statutory_terms(council_db: tuple[Database, Actor], received: dt.date, needs_study: bool,
                         due: dt.date) -> None:
    db, admin = council_db
    appeal_id = make_appeal(db, admin, received_on=received, needs_study=needs_study)
    a = detail(db, appeal_id)
    assert (a.term_days, a.due_on) == (30 if needs_study else 15, due)
    assert appeals.due_date_for(db, received, needs_study=needs_study) == due


def test_extension_up_to_45_days_with_a_reason(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    appeal_id = make_appeal(db, admin, received_on=dt.date(2026, 5, 4))
    version = detail(db, appeal_id).version
    for days, reason, message in ((46, "огляд на місці", "45"), (45, "  ", "причин"), (30, "огляд", "продовж")):
        with pytest.raises(ValidationError, match=message):
            appeals.extend_appeal(db, admin, appeal_id, new_total_days=days, reason=reason,
                                  expected_version=version, today=TODAY)
    appeals.extend_appeal(db, admin, appeal_id, new_total_days=45, reason="Потрібне обстеження дороги на місці.",
                          expected_version=version, today=TODAY)
    a = detail(db, appeal_id)
    assert (a.term_days, a.due_on, a.extended, a.extended_on) == (45, dt.date(2026, 6, 18), True, TODAY)
    assert a.extension_reason == "Потрібне обстеження дороги на місці."
    with pytest.raises(StaleRecordError):
        appeals.extend_appeal(db, admin, appeal_id, new_total_days=45, reason="ще раз", expected_version=version,
                              today=TODAY)
    appeals.update_appeal(db, admin, appeal_id, appeal_input(received_on=dt.date(2026, 5, 4), needs_study=False),
                          a.version, today=TODAY)
    assert detail(db, appeal_id).term_days == 45  # an extended term is not reset by editing the card


def test_answer(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    appeal_id = make_appeal(db, admin, received_on=dt.date(2026, 4, 1))
    a = detail(db, appeal_id)
    with pytest.raises(ValidationError, match="раніше надходження"):
        appeals.answer_appeal(db, admin, appeal_id, answered_on=dt.date(2026, 3, 31), result="resolved",
                              answer_text="ok", answered_by="Голова", expected_version=a.version, today=TODAY)
    with pytest.raises(ValidationError, match="результат"):
        appeals.answer_appeal(db, admin, appeal_id, answered_on=TODAY, result="maybe", answer_text="ok",
                              answered_by="Голова", expected_version=a.version, today=TODAY)
    appeals.answer_appeal(db, admin, appeal_id, answered_on=dt.date(2026, 5, 6), result="resolved",
                          answer_text="Дорогу відремонтовано.", answered_by="Голова", expected_version=a.version,
                          today=TODAY)
    a = detail(db, appeal_id)
    assert a.deadline is DeadlineState.DONE and a.answered_on_time is False  # due 01.05.2026
    with pytest.raises(ValidationError, match="вже відповіли"):
        appeals.extend_appeal(db, admin, appeal_id, new_total_days=45, reason="…", expected_version=a.version,
                              today=TODAY)


def test_repeated_appeals_are_flagged(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    first = make_appeal(db, admin, received_on=dt.date(2026, 3, 2), applicant_name="Д’яченко Марія",
                        topic="Вивезення сміття")
    other_topic = make_appeal(db, admin, received_on=dt.date(2026, 3, 3), applicant_name="Д’яченко Марія",
                              topic="Освіта")
    again = make_appeal(db, admin, received_on=dt.date(2026, 4, 6), applicant_name="ДЯЧЕНКО марія",
                        topic="вивезення  сміття")
    assert not detail(db, again).is_repeat  # an apostrophe missing is a different spelling of the name
    repeat = make_appeal(db, admin, received_on=dt.date(2026, 4, 7), applicant_name="  д'яченко   МАРІЯ ",
                         topic="ВИВЕЗЕННЯ СМІТТЯ")
    a = detail(db, repeat)
    assert a.is_repeat and a.repeat_of_number == detail(db, first).reg_number
    assert not detail(db, first).is_repeat and not detail(db, other_topic).is_repeat
    assert [r.id for r in appeals.earlier_appeals(db, repeat, TODAY)] == [first]
    assert appeals.find_earlier(db, "Д'ЯЧЕНКО Марія", "вивезення сміття", TODAY) == a.reg_number
    assert [r.id for r in appeals.list_appeals(db, TODAY, AppealFilter(state="repeated"))] == [repeat]
    appeals.update_appeal(db, admin, repeat, appeal_input(received_on=dt.date(2026, 4, 7),
                                                          applicant_name="Інша Людина", topic="Вивезення сміття"),
                          a.version, today=TODAY)
    assert not detail(db, repeat).is_repeat


def test_due_states_colour_the_register(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    overdue = make_appeal(db, admin, received_on=dt.date(2026, 4, 1))  # due 01.05
    soon = make_appeal(db, admin, received_on=dt.date(2026, 4, 23))  # due 25.05: 3 working days after 20.05
    later = make_appeal(db, admin, received_on=dt.date(2026, 4, 24))  # due 25.05 as well (24.05 is a Sunday)
    fine = make_appeal(db, admin, received_on=dt.date(2026, 5, 18))
    states = {r.id: (r.deadline, r.working_days_left) for r in appeals.list_appeals(db, TODAY)}
    assert states[overdue][0] is DeadlineState.OVERDUE and states[overdue][1] == -13
    assert states[soon] == (DeadlineState.DUE_SOON, 3) and states[later] == (DeadlineState.DUE_SOON, 3)
    assert states[fine][0] is DeadlineState.OK
    due = {item.record_id: item.overdue for item in appeals.due_items(db, TODAY)}
    assert due == {overdue: True, soon: False, later: False}
    assert [r.id for r in appeals.list_appeals(db, TODAY, AppealFilter(state="overdue"))] == [overdue]
    assert {r.id for r in appeals.list_appeals(db, TODAY, AppealFilter(state="due_soon"))} == {soon, later}
    settings.set_values(db, admin, {registry.setting("deadlines.due_soon_working_days"): 1})
    assert {r.deadline for r in appeals.list_appeals(db, TODAY) if r.id == soon} == {DeadlineState.OK}


def test_filters(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    a = make_appeal(db, admin, applicant_name="Ґалаґан Ірина", topic="Освіта", kind="complaint", assignee="Кравець")
    b = make_appeal(db, admin, applicant_name="Мороз Юрій", topic="Ремонт доріг", assignee="")
    c = make_appeal(db, admin, received_on=dt.date(2025, 11, 3), topic="Освіта", assignee="Кравець")

    def ids(flt: AppealFilter) -> set[int]:
        return {r.id for r in appeals.list_appeals(db, TODAY, flt)}

    assert ids(AppealFilter(search="ґалаґан")) == {a}
    assert ids(AppealFilter(assignee="Кравець")) == {a, c}
    assert ids(AppealFilter(assignee="")) == {b}
    assert ids(AppealFilter(kind="complaint")) == {a}
    assert ids(AppealFilter(topic="освіта")) == {a, c}
    assert ids(AppealFilter(date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 12, 31))) == {a, b}
    choices = appeals.filter_choices(db)
    assert choices.years == [2026, 2025] and set(choices.assignees) == {"", "Кравець"}
    assert choices.topics == ["Освіта", "Ремонт доріг"]


def test_validation_and_permissions(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    with pytest.raises(ValidationError, match="майбутньому"):
        make_appeal(db, admin, received_on=dt.date(2026, 5, 21))
    with pytest.raises(ValidationError, match="петиці"):
        make_appeal(db, admin, channel="petition")
    with pytest.raises(ValidationError) as caught:
        make_appeal(db, admin, applicant_name=" ", topic="", summary="", applicant_email="x@")
    assert all(part in caught.value.message for part in ("заявника", "тему", "зміст", "пошти"))
    with pytest.raises(PermissionDeniedError):
        make_appeal(db, VIEWER)
    appeal_id = make_appeal(db, CLERK)
    with pytest.raises(ValidationError, match="того ж року"):
        appeals.update_appeal(db, admin, appeal_id, appeal_input(received_on=dt.date(2025, 12, 31)),
                              detail(db, appeal_id).version, today=TODAY)
    assert detail(db, appeal_id, TODAY).applicant_phone == "+380 67 000 11 22"
    hidden = appeals.get_appeal(db, appeal_id, TODAY, actor=VIEWER)
    assert hidden.applicant_name == "—" and hidden.applicant_phone == "—"


def test_statistics_and_the_overdue_list(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    on_time = make_appeal(db, admin, received_on=dt.date(2026, 3, 2), kind="complaint", channel="email")
    late = make_appeal(db, admin, received_on=dt.date(2026, 3, 3), topic="Освіта")
    make_appeal(db, admin, received_on=dt.date(2026, 4, 1), topic="освіта", assignee="Б. Кравець")  # overdue
    make_appeal(db, admin, received_on=dt.date(2026, 5, 18))  # open, in time
    make_appeal(db, admin, received_on=dt.date(2025, 12, 1))  # outside the period
    for appeal_id, day, result in ((on_time, dt.date(2026, 3, 20), "resolved"), (late, dt.date(2026, 4, 10),
                                                                                 "refused")):
        appeals.answer_appeal(db, admin, appeal_id, answered_on=day, result=result, answer_text="…",
                              answered_by="Голова", expected_version=detail(db, appeal_id).version, today=TODAY)
    st = appeals.statistics(db, dt.date(2026, 1, 1), dt.date(2026, 5, 31), TODAY)
    assert (st.total, st.answered, st.answered_on_time, st.open_in_time, st.open_overdue) == (4, 2, 1, 1, 1)
    assert st.share_on_time == 50.0
    assert st.by_kind == [("заява (клопотання)", 3), ("скарга", 1)]
    assert st.by_topic == [("Освіта", 2), ("Ремонт доріг", 2)]
    assert st.by_channel == [("поштою", 3), ("електронною поштою", 1)]
    assert st.by_result == [("вирішено позитивно", 1), ("відмовлено", 1), ("ще не розглянуто", 2)]
    assert [m for m, _ in st.by_month] == ["січень 2026", "лютий 2026", "березень 2026", "квітень 2026",
                                           "травень 2026"]
    overdue = appeals.overdue_appeals(db, TODAY)
    assert [(o.row.assignee, o.days_overdue, o.applicant_phone) for o in overdue] == [
        ("Б. Кравець", 19, "+380 67 000 11 22"), ("Оксана Мельничук", 140, "+380 67 000 11 22")]


def test_bulk_load_is_all_or_none_and_links_repeats(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    existing = make_appeal(db, admin, received_on=dt.date(2026, 1, 12))
    records = [
        (appeal_input(received_on=dt.date(2026, 2, 3)), AppealAnswer(dt.date(2026, 2, 10), "explained", "…", "Гол")),
        (appeal_input(received_on=dt.date(2026, 1, 20), applicant_name="Мороз Юрій"), None),
        (appeal_input(received_on=dt.date(2026, 3, 3)), None),
    ]
    with pytest.raises(ImportRejectedError) as caught:
        appeals.import_appeals(db, admin, [*records, (appeal_input(topic=""), None)], source="журнал", today=TODAY)
    assert caught.value.problems[0].startswith("Запис 4:")
    assert len(appeals.list_appeals(db, TODAY)) == 1
    assert appeals.import_appeals(db, admin, records, source="журнал 2026", today=TODAY) == 3
    rows = sorted(appeals.list_appeals(db, TODAY), key=lambda r: r.seq)
    assert [(r.reg_number, r.received_on) for r in rows] == [
        ("1/2026", dt.date(2026, 1, 12)), ("2/2026", dt.date(2026, 1, 20)), ("3/2026", dt.date(2026, 2, 3)),
        ("4/2026", dt.date(2026, 3, 3))]
    assert [r.repeat_of_id for r in rows] == [None, None, existing, rows[2].id]
    assert rows[2].answered_on == dt.date(2026, 2, 10)

"""Roll calls: the computed result, consistency refusals, one audit event per roll call, locking."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.db.engine import Database
from app.domain.votes import Majority, VoteOption
from app.errors import PermissionDeniedError, StaleRecordError, ValidationError
from app.services import deputies
from app.services.core import audit
from app.services.core.auth import Actor, Role
from app.services.deputies import rollcalls, sessions
from tests.deputies_setup import Council, build_council, roll_call_options


def test_result_is_computed_against_composition(council: Council) -> None:
    row = rollcalls.save_roll_call(council.db, council.actor, council.item_id, roll_call_options(council, 14))
    assert (row.votes_for, row.votes_against, row.absent, row.required, row.composition) == (14, 10, 2, 14, 26)
    assert row.passed and row.result_label == "прийнято"
    row2 = rollcalls.save_roll_call(council.db, council.actor, council.item_id, roll_call_options(council, 13),
                                    rollcalls.RollCallData(title="за основу"))
    assert not row2.passed and row2.number == 2  # 13 of 24 present is a majority of those present, not of 26


def test_two_thirds(council: Council) -> None:
    options = roll_call_options(council, 17)
    row = rollcalls.save_roll_call(council.db, council.actor, council.item_id, options, rollcalls.RollCallData(
        majority=Majority.TWO_THIRDS_OF_COMPOSITION.value))
    assert row.required == 18 and not row.passed
    item = sessions.get_agenda_item(council.db, council.item_id)
    sessions.update_agenda_item(council.db, council.actor, item.id, dataclasses.replace(
        item, majority=Majority.TWO_THIRDS_OF_COMPOSITION.value), item.version)
    row = rollcalls.save_roll_call(council.db, council.actor, council.item_id, roll_call_options(council, 18))
    assert row.required == 18 and row.passed and row.majority == "two_thirds_of_composition"


def test_voted_but_absent_is_refused(council: Council) -> None:
    options = roll_call_options(council, 14)
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
    options = roll_call_options(council, 14)
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
    row = rollcalls.save_roll_call(db, actor, council.item_id, roll_call_options(council, 20))
    assert audit.event_count(db) == before + 1
    [event] = audit.list_events(db, audit.AuditFilter(entity_type="roll_call"))
    assert event.action == "create" and "прийнято (20 з 14)" in event.summary
    options = roll_call_options(council, 20)
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
        rollcalls.save_roll_call(council.db, Actor(None, "v", Role.VIEWER), council.item_id,
                                 roll_call_options(council, 20))

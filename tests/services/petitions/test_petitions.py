"""Petitions service: register, publication rules, derived states, answer, hand-over to appeals, audit."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from app.db.engine import Database
from app.db.models.core import AuditEvent
from app.domain.deadlines import DeadlineState
from app.domain.petitions import PetitionOutcome, PetitionState
from app.errors import NotFoundError, PermissionDeniedError, StaleRecordError, ValidationError
from app.services import appeals, petitions, registry
from app.services.core import audit, settings
from app.services.core.auth import Actor, Role
from tests.services.petitions.petition_helpers import TODAY, make_petition, petition_input, sign

VIEWER = Actor(user_id=None, username="viewer", role=Role.VIEWER)
OPERATOR = Actor(user_id=None, username="operator", role=Role.OPERATOR)


def state(db: Database, pid: int, today: dt.date = TODAY) -> petitions.PetitionDetail:
    return petitions.get_petition(db, pid, today)


def test_new_petition_is_a_draft_due_for_publication_in_two_working_days(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin, published_on=None, submitted_on=dt.date(2026, 5, 15))  # a Friday
    d = state(db, pid, dt.date(2026, 5, 18))
    assert d.number == 1 and d.status.state is PetitionState.DRAFT
    assert d.status.due_on == dt.date(2026, 5, 19)  # Mon + Tue: two working days after Friday
    assert d.status.deadline is DeadlineState.DUE_SOON
    assert make_petition(db, admin, published_on=None) != pid
    assert [r.number for r in petitions.list_petitions(db, TODAY)] == [2, 1]


def test_threshold_and_window_are_copied_at_publication(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    settings.set_values(db, admin, {petitions.THRESHOLD: 150, petitions.WINDOW_LENGTH: 60,
                                    petitions.WINDOW_IN_MONTHS: False})
    pid = make_petition(db, admin, published_on=dt.date(2026, 3, 3))
    settings.set_values(db, admin, {petitions.THRESHOLD: 10, petitions.WINDOW_LENGTH: 1,
                                    petitions.WINDOW_IN_MONTHS: True})
    d = state(db, pid)
    assert d.threshold == 150
    assert d.window is not None and d.window.describe_uk() == "60 днів"
    assert d.status.window_ends_on == dt.date(2026, 5, 2)
    assert d.status.state is PetitionState.UNSUCCESSFUL  # 60 days passed, not 1 month from the new settings


def test_states_follow_from_dates_and_counts(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin, published_on=dt.date(2026, 3, 3))  # 100 signatures in 3 months → 03.06
    assert state(db, pid).status.state is PetitionState.COLLECTING
    sign(db, admin, pid, 99, dt.date(2026, 4, 1))
    d = state(db, pid)
    assert (d.signature_count, d.status.state, d.threshold_reached_on) == (99, PetitionState.COLLECTING, None)
    petitions.add_signature(db, admin, pid, petitions.SignatureInput("Нова Підписантка Іванівна",
                                                                     dt.date(2026, 5, 11)), today=TODAY)
    d = state(db, pid)
    assert d.status.state is PetitionState.THRESHOLD_REACHED
    assert d.threshold_reached_on == dt.date(2026, 5, 11)
    assert d.status.consideration_due_on == dt.date(2026, 5, 25)  # 10 working days (martial law: weekends only)
    assert state(db, pid, dt.date(2026, 5, 26)).status.deadline is DeadlineState.OVERDUE

    petitions.answer_petition(db, admin, pid, outcome=PetitionOutcome.SUPPORTED, answered_on=dt.date(2026, 5, 20),
                              answer_text="Підтримано.", answered_by="Сільський голова", expected_version=d.version,
                              today=TODAY)
    d = state(db, pid)
    assert d.status.state is PetitionState.ANSWERED and d.outcome is PetitionOutcome.SUPPORTED
    assert d.status.label_uk == "Розглянута: підтримана"


def test_threshold_date_is_the_day_of_the_threshold_th_signature_by_date(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    settings.set_values(db, admin, {petitions.THRESHOLD: 3})
    pid = make_petition(db, admin)
    for name, day in (("Мороз Іван Петрович", 20), ("Коваль Ганна Іванівна", 5), ("Бондар Юрій Іванович", 10)):
        petitions.add_signature(db, admin, pid, petitions.SignatureInput(name, dt.date(2026, 4, day)), today=TODAY)
    assert state(db, pid).threshold_reached_on == dt.date(2026, 4, 20)
    # A paper sheet from earlier, typed in later, moves the day the threshold was reached.
    petitions.add_signature(db, admin, pid, petitions.SignatureInput("Лисенко Остап Юрійович",
                                                                     dt.date(2026, 4, 7)), today=TODAY)
    assert state(db, pid).threshold_reached_on == dt.date(2026, 4, 10)


def test_signature_counts_do_not_make_an_open_form_stale(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    version = state(db, pid).version
    sign(db, admin, pid, 5, dt.date(2026, 4, 1))
    petitions.add_signature(db, admin, pid, petitions.SignatureInput("Гончар Софія Петрівна"), today=TODAY)
    assert state(db, pid).version == version
    petitions.update_petition(db, admin, pid, petition_input(title="Нова назва"), version, today=TODAY)
    with pytest.raises(StaleRecordError):
        petitions.update_petition(db, admin, pid, petition_input(title="Ще одна"), version, today=TODAY)
    assert state(db, pid).title == "Нова назва"


def test_publication_checks(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin, published_on=None, submitted_on=dt.date(2026, 5, 4))
    v = state(db, pid).version
    with pytest.raises(ValidationError, match="раніше дати подання"):
        petitions.publish_petition(db, admin, pid, dt.date(2026, 5, 1), v, today=TODAY)
    with pytest.raises(ValidationError, match="майбутньому"):
        petitions.publish_petition(db, admin, pid, dt.date(2026, 5, 21), v, today=TODAY)
    with pytest.raises(ValidationError, match="ще не оприлюднено"):
        petitions.add_signature(db, admin, pid, petitions.SignatureInput("Коваль Олена Іванівна"), today=TODAY)
    petitions.publish_petition(db, admin, pid, dt.date(2026, 5, 5), v, today=TODAY)
    with pytest.raises(StaleRecordError):
        petitions.publish_petition(db, admin, pid, dt.date(2026, 5, 5), v, today=TODAY)
    with pytest.raises(ValidationError, match="вже оприлюднено"):
        petitions.delete_petition(db, admin, pid, state(db, pid).version)


def test_validation_messages(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    with pytest.raises(ValidationError) as caught:
        petitions.create_petition(db, admin, petition_input(title=" ", author_name="", author_email="nope",
                                                            submitted_on=dt.date(2026, 6, 1)), today=TODAY)
    text = caught.value.message
    for expected in ("назву петиції", "автора", "майбутньому", "пошти"):
        assert expected in text


def test_signature_rules(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin, published_on=dt.date(2026, 3, 3))
    cases = [
        (petitions.SignatureInput("Петренко"), "два слова"),
        (petitions.SignatureInput("Петренко Марія", dt.date(2026, 3, 2)), "раніше оприлюднення"),
        (petitions.SignatureInput("Петренко Марія", dt.date(2026, 5, 21)), "ще не настала"),
        (petitions.SignatureInput("Петренко Марія", phone="дзвоніть"), "Телефон"),
        (petitions.SignatureInput("Петренко Марія 2"), "цифр"),
    ]
    for data, message in cases:
        with pytest.raises(ValidationError, match=message):
            petitions.add_signature(db, admin, pid, data, today=TODAY)
    with pytest.raises(ValidationError, match="після завершення"):
        petitions.add_signature(db, admin, pid, petitions.SignatureInput("Петренко Марія", dt.date(2026, 6, 4)),
                                today=dt.date(2026, 6, 10))
    assert state(db, pid).signature_count == 0


def test_answer_is_refused_before_the_threshold_and_before_it_was_reached(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    settings.set_values(db, admin, {petitions.THRESHOLD: 2})
    pid = make_petition(db, admin)
    kwargs = {"outcome": PetitionOutcome.NOT_SUPPORTED, "answer_text": "Ні.", "answered_by": "Голова",
              "today": TODAY}
    with pytest.raises(ValidationError, match="не набрала"):
        petitions.answer_petition(db, admin, pid, answered_on=TODAY, expected_version=state(db, pid).version,
                                  **kwargs)
    sign(db, admin, pid, 2, dt.date(2026, 5, 10))
    with pytest.raises(ValidationError, match="раніше дня"):
        petitions.answer_petition(db, admin, pid, answered_on=dt.date(2026, 5, 9),
                                  expected_version=state(db, pid).version, **kwargs)
    with pytest.raises(ValidationError, match="підписав"):
        petitions.answer_petition(db, admin, pid, answered_on=TODAY, expected_version=state(db, pid).version,
                                  outcome=PetitionOutcome.SUPPORTED, answer_text="Так", answered_by=" ", today=TODAY)
    petitions.answer_petition(db, admin, pid, answered_on=TODAY, expected_version=state(db, pid).version, **kwargs)
    with pytest.raises(ValidationError, match="вже розглянуто"):
        petitions.add_signature(db, admin, pid, petitions.SignatureInput("Мороз Юрій Іванович"), today=TODAY)


def test_unsuccessful_petition_becomes_a_linked_appeal(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin, published_on=dt.date(2026, 1, 12), submitted_on=dt.date(2026, 1, 9))  # → 12.04
    sign(db, admin, pid, 40, dt.date(2026, 2, 1))
    with pytest.raises(ValidationError, match="лише петицію"):
        petitions.register_as_appeal(db, admin, pid, today=dt.date(2026, 4, 12))
    d = state(db, pid)
    assert d.status.state is PetitionState.UNSUCCESSFUL
    assert d.status.due_on == dt.date(2026, 5, 12)  # 30 days from the close of the window
    due = [item for item in petitions.due_items(db, dt.date(2026, 5, 11)) if item.record_id == pid]
    assert due and "зареєструвати як звернення" in due[0].title

    appeal_id = petitions.register_as_appeal(db, admin, pid, today=TODAY)
    a = appeals.get_appeal(db, appeal_id, TODAY)
    assert (a.channel, a.kind, a.received_on, a.petition_number) == ("petition", "proposal", dt.date(2026, 4, 12), 1)
    assert a.applicant_name == "Коваль Олена Петрівна" and a.applicant_phone == "+380 50 111 22 33"
    assert a.due_on == dt.date(2026, 5, 12)
    assert state(db, pid).appeal_number == a.reg_number
    assert not [item for item in petitions.due_items(db, TODAY) if item.record_id == pid]
    with pytest.raises(ValidationError, match="вже зареєстровано"):
        petitions.register_as_appeal(db, admin, pid, today=TODAY)
    with pytest.raises(ValidationError, match="як звернення"):
        petitions.add_signature(db, admin, pid, petitions.SignatureInput("Мороз Юрій Іванович",
                                                                         dt.date(2026, 4, 1)), today=TODAY)
    with pytest.raises(ValidationError, match="після завершення збору"):
        appeals.answer_appeal(db, admin, appeal_id, answered_on=dt.date(2026, 4, 12), result="explained",
                              answer_text="…", answered_by="Голова", expected_version=a.version, today=TODAY)
    appeals.answer_appeal(db, admin, appeal_id, answered_on=dt.date(2026, 4, 20), result="explained",
                          answer_text="Роз’яснено.", answered_by="Голова", expected_version=a.version, today=TODAY)
    d = state(db, pid)
    assert d.status.state is PetitionState.UNSUCCESSFUL and d.status.deadline is DeadlineState.DONE
    assert d.answered_on == dt.date(2026, 4, 20)


def test_search_is_case_and_apostrophe_insensitive(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    make_petition(db, admin, title="Ремонт дороги на вул. Об’їзній", author_name="Д’ЯЧЕНКО Марія")
    make_petition(db, admin, title="Освітлення парку")
    assert [r.title for r in petitions.list_petitions(db, TODAY, search="об'їзн")] == ["Ремонт дороги на вул. Об’їзній"]
    assert len(petitions.list_petitions(db, TODAY, search="дʼяченко")) == 1
    assert len(petitions.list_petitions(db, TODAY, search="№2")) == 1
    assert petitions.list_petitions(db, TODAY, search="100%") == []
    collecting = petitions.list_petitions(db, TODAY, states=[PetitionState.COLLECTING])
    assert len(collecting) == 2


def test_private_contacts_are_hidden_from_viewers(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    petitions.add_signature(db, admin, pid, petitions.SignatureInput("Мороз Юрій Іванович", address="вул. Тиха, 1",
                                                                     phone="+380501234567"), today=TODAY)
    assert petitions.get_petition(db, pid, TODAY, actor=admin).author_phone == "+380 50 111 22 33"
    hidden = petitions.get_petition(db, pid, TODAY, actor=VIEWER)
    assert hidden.author_phone == "—" and not hidden.private_visible
    assert petitions.list_signatures(db, pid, actor=VIEWER)[0].address == "—"
    assert petitions.list_signatures(db, pid, actor=OPERATOR)[0].address == "вул. Тиха, 1"


def test_permissions(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    with pytest.raises(PermissionDeniedError):
        petitions.create_petition(db, VIEWER, petition_input(), today=TODAY)
    with pytest.raises(PermissionDeniedError):
        petitions.add_signature(db, VIEWER, pid, petitions.SignatureInput("Мороз Юрій Іванович"), today=TODAY)
    with pytest.raises(PermissionDeniedError):
        petitions.create_petition(db, OPERATOR, petition_input(), today=TODAY)
    row = petitions.add_signature(db, OPERATOR, pid, petitions.SignatureInput("Мороз Юрій Іванович"), today=TODAY)
    with pytest.raises(PermissionDeniedError):
        petitions.remove_signature(db, OPERATOR, row.id, "помилка")


def test_remove_signature_needs_a_reason_and_recounts(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    settings.set_values(db, admin, {petitions.THRESHOLD: 2})
    pid = make_petition(db, admin)
    sign(db, admin, pid, 2, dt.date(2026, 4, 1))
    assert state(db, pid).status.state is PetitionState.THRESHOLD_REACHED
    sig = petitions.list_signatures(db, pid)[0]
    with pytest.raises(ValidationError, match="чому"):
        petitions.remove_signature(db, admin, sig.id, " ")
    petitions.remove_signature(db, admin, sig.id, "підпис особи, що не проживає в громаді")
    d = state(db, pid)
    assert (d.signature_count, d.threshold_reached_on, d.status.state) == (1, None, PetitionState.COLLECTING)
    with pytest.raises(NotFoundError):
        petitions.remove_signature(db, admin, sig.id, "ще раз")


def test_draft_can_be_deleted_and_every_write_is_audited(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin, published_on=None)
    petitions.delete_petition(db, admin, pid, state(db, pid).version)
    with pytest.raises(NotFoundError):
        state(db, pid)
    pid = make_petition(db, admin)
    petitions.add_signature(db, admin, pid, petitions.SignatureInput("Мороз Юрій Іванович"), today=TODAY)
    sign(db, admin, pid, 3, dt.date(2026, 4, 1), offset=10)
    with db.read() as s:
        events = s.execute(select(AuditEvent.action, AuditEvent.entity_type, AuditEvent.changes_json)
                           .order_by(AuditEvent.seq)).all()
    kinds = [(action, entity) for action, entity, _ in events]
    assert ("create", "petition") in kinds and ("delete", "petition") in kinds
    assert ("create", "petition_signature") in kinds and ("import", "petition_signature") in kinds
    imported = next(changes for action, _, changes in events if action == "import")
    assert json.loads(imported)["count"] == [None, 3]
    assert audit.verify_chain(db).ok
    for table in ("petition", "petition_signature", "appeal", "petition_link"):
        assert table in registry.entity_labels()


def test_due_items_for_the_home_page(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    settings.set_values(db, admin, {petitions.THRESHOLD: 1})
    draft = make_petition(db, admin, published_on=None, submitted_on=dt.date(2026, 5, 19))
    reached = make_petition(db, admin, published_on=dt.date(2026, 4, 1))
    petitions.add_signature(db, admin, reached, petitions.SignatureInput("Мороз Юрій Іванович",
                                                                         dt.date(2026, 4, 2)), today=TODAY)
    quiet = make_petition(db, admin, published_on=dt.date(2026, 5, 1))
    items = {item.record_id: item for item in petitions.due_items(db, TODAY)}
    assert set(items) == {draft, reached}
    assert items[reached].overdue and not items[draft].overdue
    assert items[reached].page == "petitions"
    assert quiet not in items

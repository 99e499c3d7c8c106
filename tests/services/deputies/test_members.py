"""Deputies, factions, districts, committees: validation, Ukrainian search, permissions, locking, audit."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from app.db.engine import Database
from app.errors import PermissionDeniedError, StaleRecordError, ValidationError
from app.services import deputies, registry
from app.services.core import audit
from app.services.core.auth import Actor, Role
from tests.deputies_setup import MANDATE_START, add_deputies

VIEWER = Actor(None, "viewer", Role.VIEWER)
OPERATOR = Actor(None, "operator", Role.OPERATOR)


def _data(**kw: object) -> deputies.DeputyData:
    base = deputies.DeputyData(surname="Шевченко", given_name="Олена", patronymic="Петрівна",
                               mandate_start=MANDATE_START)
    return dataclasses.replace(base, **kw)


def test_create_and_read_back(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    faction = deputies.save_faction(db, actor, deputies.FactionData("Рідний край", "РК"))
    district = deputies.save_district(db, actor, deputies.DistrictData("Округ №3 (с. Черешневе)", 3))
    committee = deputies.save_committee(db, actor, deputies.CommitteeData("Бюджетна комісія"))
    deputy_id = deputies.create_deputy(db, actor, _data(
        surname="  Д’яченко ", given_name="Олег", faction_id=faction, district_id=district, email="o@rada.ua",
        email_public=True, phone="+380 67 123 45 67", committees=((committee, "head"),)))
    view = deputies.get_deputy(db, deputy_id)
    assert view.full_name == "Д’яченко Олег Петрівна"
    assert view.faction == "Рідний край" and view.district == "Округ №3 (с. Черешневе)"
    assert view.seats == (deputies.CommitteeSeat(committee, "Бюджетна комісія", "head"),)
    assert view.public_contacts() == [("Ел. пошта", "o@rada.ua")]  # the phone is not marked public
    assert view.convocation == 8
    assert deputies.list_factions(db, dt.date(2025, 1, 1))[0].members == 1


@pytest.mark.parametrize(("kw", "message"), [
    ({"surname": " "}, "Вкажіть прізвище депутата."),
    ({"given_name": ""}, "Вкажіть ім’я депутата."),
    ({"surname": "Шевченко2"}, "не може містити цифр"),
    ({"mandate_start": None}, "Вкажіть дату набуття повноважень."),
    ({"mandate_end": dt.date(2019, 1, 1), "mandate_end_reason": "resignation"}, "раніша за дату їх набуття"),
    ({"mandate_end": dt.date(2024, 1, 1)}, "Вкажіть підставу припинення"),
    ({"mandate_end_reason": "death"}, "дату припинення повноважень — ні"),
    ({"email": "not-an-email"}, "Адреса ел. пошти «not-an-email» неправильна."),
    ({"phone": "дзвоніть"}, "Номер телефону «дзвоніть» неправильний"),
    ({"phone_public": True}, "Телефон позначено публічним, але його не вказано."),
    ({"faction_id": 999}, "Обрану фракцію не знайдено"),
])
def test_validation_messages(council_db: tuple[Database, Actor], kw: dict, message: str) -> None:
    db, actor = council_db
    with pytest.raises(ValidationError) as err:
        deputies.create_deputy(db, actor, _data(**kw))
    assert message in err.value.message
    assert deputies.list_deputies(db) == []


def test_duplicate_deputy_refused(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    deputies.create_deputy(db, actor, _data())
    with pytest.raises(ValidationError, match="уже є в реєстрі"):
        deputies.create_deputy(db, actor, _data(surname="ШЕВЧЕНКО", given_name=" олена "))


def test_search_is_unicode_case_insensitive(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    add_deputies(db, actor, 26)

    def names(query: str) -> list[str]:
        return [r.surname for r in deputies.list_deputies(db, deputies.DeputyFilter(query=query))]

    assert names("ґУДЗ") == ["Ґудзь"]
    assert names("ЇЖАК") == ["Їжакевич"]
    assert names("мар'ян") == ["Мар’яненко"]  # ASCII apostrophe finds the typographic one
    assert names("МАРʼЯН") == ["Мар’яненко"]
    assert set(names("енко")) >= {"Шевченко", "Коваленко", "Д’яченко"}
    assert names("50%") == [] and names("_") == []  # LIKE wildcards are literal
    # Typing narrows the list keystroke by keystroke (speed: bench/deputies.py).
    counts = [len(deputies.list_deputies(db, deputies.DeputyFilter(query=p))) for p in ("ш", "ше", "шев", "шевч")]
    assert counts == sorted(counts, reverse=True) and counts[-1] >= 1


def test_list_is_in_ukrainian_alphabet_order(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    add_deputies(db, actor, 26)
    surnames = [r.surname for r in deputies.list_deputies(db)]
    assert surnames.index("Гончаренко") < surnames.index("Ґудзь") < surnames.index("Д’яченко")
    assert surnames.index("Зінченко") < surnames.index("Їжакевич") < surnames.index("Коваленко")


def test_filters(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    factions, ids = add_deputies(db, actor, 6)
    view = deputies.get_deputy(db, ids[0])
    deputies.update_deputy(db, actor, ids[0], dataclasses.replace(
        view, mandate_end=dt.date(2024, 5, 1), mandate_end_reason="resignation", committees=None), view.version)
    on = dt.date(2025, 1, 1)
    assert len(deputies.list_deputies(db, deputies.DeputyFilter(faction_id=factions[0]))) == 3
    assert len(deputies.list_deputies(db, deputies.DeputyFilter(status="active", on=on))) == 5
    assert [r.id for r in deputies.list_deputies(db, deputies.DeputyFilter(status="ended", on=on))] == [ids[0]]


def test_permissions(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    for who in (VIEWER, OPERATOR):
        with pytest.raises(PermissionDeniedError, match="не має права: зміна записів"):
            deputies.create_deputy(db, who, _data())
        with pytest.raises(PermissionDeniedError):
            deputies.save_faction(db, who, deputies.FactionData("Ф"))
        with pytest.raises(PermissionDeniedError):
            deputies.save_committee(db, who, deputies.CommitteeData("К"))
    clerk = Actor(actor.user_id, "clerk", Role.CLERK)
    deputies.create_deputy(db, clerk, _data())


def test_optimistic_locking(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    deputy_id = deputies.create_deputy(db, actor, _data())
    opened = deputies.get_deputy(db, deputy_id)
    deputies.update_deputy(db, actor, deputy_id, dataclasses.replace(opened, biography="Вчителька"), opened.version)
    with pytest.raises(StaleRecordError, match="змінив інший користувач"):
        deputies.update_deputy(db, actor, deputy_id, dataclasses.replace(opened, biography="Лікарка"),
                               opened.version)
    assert deputies.get_deputy(db, deputy_id).biography == "Вчителька"


def test_committee_only_change_bumps_version(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    committee = deputies.save_committee(db, actor, deputies.CommitteeData("Комісія"))
    deputy_id = deputies.create_deputy(db, actor, _data())
    opened = deputies.get_deputy(db, deputy_id)
    deputies.update_deputy(db, actor, deputy_id, dataclasses.replace(opened, committees=((committee, "member"),)),
                           opened.version)
    assert deputies.get_deputy(db, deputy_id).version == opened.version + 1
    event = audit.list_events(db, audit.AuditFilter(entity_type="deputy"))[0]
    assert event.changes == {"комісія: Комісія": [None, "member"]}


def test_composition_cannot_be_exceeded(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db  # composition 26
    _, ids = add_deputies(db, actor, 26)
    with pytest.raises(ValidationError, match="чинних мандатів стало б 27, а загальний склад ради — 26"):
        deputies.create_deputy(db, actor, _data(surname="Новенький", mandate_start=dt.date(2025, 1, 1)))
    # once a predecessor's mandate ends, the successor fits
    view = deputies.get_deputy(db, ids[3])
    deputies.update_deputy(db, actor, ids[3], dataclasses.replace(
        view, mandate_end=dt.date(2024, 12, 31), mandate_end_reason="resignation"), view.version)
    deputies.create_deputy(db, actor, _data(surname="Новенький", mandate_start=dt.date(2025, 1, 1)))


def test_delete_rules(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    faction = deputies.save_faction(db, actor, deputies.FactionData("Ф"))
    deputy_id = deputies.create_deputy(db, actor, _data(faction_id=faction))
    with pytest.raises(ValidationError, match="до неї належать депутати"):
        deputies.delete_faction(db, actor, faction, 1)
    deputies.delete_deputy(db, actor, deputy_id, deputies.get_deputy(db, deputy_id).version)
    deputies.delete_faction(db, actor, faction, deputies.list_factions(db)[0].version)
    assert deputies.list_factions(db) == [] and deputies.list_deputies(db) == []


def test_photo(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    from app.demo.logo import demo_logo_png

    deputy_id = deputies.create_deputy(db, actor, _data())
    with pytest.raises(ValidationError, match="не є зображенням"):
        deputies.set_deputy_photo(db, actor, deputy_id, b"not an image", 1)
    png = demo_logo_png()
    deputies.set_deputy_photo(db, actor, deputy_id, png, 1)
    assert deputies.get_deputy(db, deputy_id).has_photo
    assert deputies.get_deputy_photo(db, deputy_id) == (png, "image/png")
    event = audit.list_events(db, audit.AuditFilter(entity_type="deputy"))[0]
    assert event.summary.endswith(": фото") and "байт" in json.dumps(event.changes, ensure_ascii=False)


def test_audit_trail_and_labels(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    deputies.create_deputy(db, actor, _data(email="o@rada.ua"))
    [event] = audit.list_events(db, audit.AuditFilter(entity_type="deputy"))
    assert event.action == "create" and event.summary == "Шевченко Олена Петрівна"
    assert event.changes["email"] == [None, "o@rada.ua"]
    for table in ("faction", "electoral_district", "deputy", "committee", "committee_member", "council_session",
                  "session_attendance", "agenda_item", "roll_call", "vote", "decision", "deputy_initiative",
                  "deputy_annual_report"):
        assert table in registry.entity_labels()
    assert audit.verify_chain(db).ok

"""Builders shared by the petition, signature, appeal and holiday tests (not a test module)."""

from __future__ import annotations

import datetime as dt
import itertools

from app.db.engine import Database
from app.services import appeals, petitions
from app.services.core.auth import Actor

TODAY = dt.date(2026, 5, 20)  # a Wednesday
SURNAMES = ["Шевченко", "Коваль", "Бондар", "Ткачук", "Кравець", "Олійник", "Поліщук", "Мельник", "Лисенко",
            "Руденко", "Гнатюк", "Д’яченко", "Ґалаґан", "Їжак", "Юрченко", "Мороз", "Остапчук", "Пономар",
            "Савчук", "Гончар"]
GIVEN = ["Іван", "Олена", "Петро", "Ганна", "Юрій", "Марія", "Остап", "Ярина", "Тарас", "Мар’яна", "Ігор",
         "Софія", "Богдан", "Ірина", "Денис"]
PATRONYMIC = ["Іванович", "Петрівна", "Юрійович", "Андріївна", "Богданович"]


def people(count: int, offset: int = 0) -> list[str]:
    """``count`` different full names (no digits: the service refuses digits in names)."""
    combos = itertools.islice(itertools.product(SURNAMES, GIVEN, PATRONYMIC), offset, offset + count)
    names = [f"{s} {g} {p}" for s, g, p in combos]
    assert len(names) == count, "not enough distinct names"
    return names


def petition_input(**overrides: object) -> petitions.PetitionInput:
    values: dict[str, object] = {
        "title": "Облаштувати укриття в гімназії",
        "text": "Просимо облаштувати укриття.",
        "author_name": "Коваль Олена Петрівна",
        "submitted_on": dt.date(2026, 3, 2),
        "author_address": "с. Вишнівка, вул. Садова, 3",
        "author_phone": "+380 50 111 22 33",
        "author_email": "olena@example.org",
        "responsible": "Петро Гайовий",
    }
    values.update(overrides)
    return petitions.PetitionInput(**values)  # type: ignore[arg-type]


def make_petition(db: Database, actor: Actor, *, published_on: dt.date | None = dt.date(2026, 3, 3),
                  today: dt.date = TODAY, **overrides: object) -> int:
    pid = petitions.create_petition(db, actor, petition_input(**overrides), today=today)
    if published_on is not None:
        version = petitions.get_petition(db, pid, today).version
        petitions.publish_petition(db, actor, pid, published_on, version, today=today)
    return pid


def sign(db: Database, actor: Actor, pid: int, count: int, on: dt.date, *, offset: int = 0,
         today: dt.date = TODAY) -> None:
    rows = [petitions.SignatureInput(name, on, channel="online") for name in people(count, offset)]
    petitions.add_signatures(db, actor, pid, rows, source="test", today=today)


def appeal_input(**overrides: object) -> appeals.AppealInput:
    values: dict[str, object] = {
        "received_on": dt.date(2026, 5, 4),
        "channel": "post",
        "kind": "statement",
        "applicant_name": "Сидоренко Іван Петрович",
        "summary": "Прошу відремонтувати дорогу.",
        "topic": "Ремонт доріг",
        "applicant_address": "с. Липівка, вул. Польова, 7",
        "applicant_phone": "+380 67 000 11 22",
        "applicant_email": "ivan@example.org",
        "assignee": "Оксана Мельничук",
    }
    values.update(overrides)
    return appeals.AppealInput(**values)  # type: ignore[arg-type]


def make_appeal(db: Database, actor: Actor, *, today: dt.date = TODAY, **overrides: object) -> int:
    return appeals.register_appeal(db, actor, appeal_input(**overrides), today=today)

"""Builders and fixtures shared by the council-register tests (deputies, sessions, roll calls, reports, GUI).

Import the fixtures you use into the test module: ``from tests.deputies_setup import demo_copy  # noqa: F401``.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.db.engine import Database, open_database
from app.demo import profile as demo_profile
from app.domain.deputies import AttendanceStatus
from app.domain.votes import VoteOption
from app.services import deputies
from app.services.core.auth import Actor
from app.services.deputies import sessions

SURNAMES = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Д’яченко", "Мельник", "Ґудзь",
            "Їжакевич", "Олійник", "Савчук", "Поліщук", "Руденко", "Лисенко", "Мороз", "Зінченко", "Гончаренко",
            "Павленко", "Марченко", "Левченко", "Кузьменко", "Петренко", "Семенюк", "Вдовиченко", "Приходько",
            "Мар’яненко"]
GIVEN = ["Олена", "Ігор", "Марія", "Юрій", "Ганна", "Олег", "Тетяна", "Богдан", "Ярина", "Василь", "Людмила",
         "Андрій", "Оксана"]
MANDATE_START = dt.date(2020, 11, 20)
SESSION_DATE = dt.date(2025, 3, 20)


@dataclass
class Council:
    db: Database
    actor: Actor
    faction_ids: list[int]
    deputy_ids: list[int]
    session_id: int
    item_id: int


def add_deputies(db: Database, actor: Actor, count: int = 26, factions: int = 2) -> tuple[list[int], list[int]]:
    faction_ids = [deputies.save_faction(db, actor, deputies.FactionData(f"Фракція {n + 1}")) for n in range(factions)]
    ids = []
    for i in range(count):
        ids.append(deputies.create_deputy(db, actor, deputies.DeputyData(
            surname=SURNAMES[i % len(SURNAMES)] + ("" if i < len(SURNAMES) else f"-{i}"),
            given_name=GIVEN[i % len(GIVEN)], patronymic="Петрович" if i % 2 else "Іванівна",
            mandate_start=MANDATE_START, faction_id=faction_ids[i % factions])))
    return faction_ids, ids


def build_council(db: Database, actor: Actor, *, count: int = 26, absent: tuple[int, ...] = (),
                  title: str = "Про бюджет громади") -> Council:
    """``count`` deputies in two factions, a session on 20.03.2025 with attendance (``absent`` indexes absent),
    one agenda item."""
    faction_ids, ids = add_deputies(db, actor, count)
    session_id = sessions.create_session(db, actor, sessions.SessionData(number=12, date=SESSION_DATE))
    sessions.set_attendance(db, actor, session_id, {
        d: AttendanceStatus.ABSENT.value if i in absent else AttendanceStatus.PRESENT.value
        for i, d in enumerate(ids)})
    [item_id] = sessions.add_agenda_items(db, actor, session_id, [sessions.AgendaItemData(number=1, title=title)])
    return Council(db, actor, faction_ids, ids, session_id, item_id)


def roll_call_options(c: Council, n_for: int) -> dict[int, VoteOption]:
    """``n_for`` present deputies for, the other present against; deputies 24 and 25 absent."""
    out = {}
    for i, d in enumerate(c.deputy_ids):
        out[d] = VoteOption.ABSENT if i >= 24 else (VoteOption.FOR if i < n_for else VoteOption.AGAINST)
    return out


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database per test run (building it takes about a second); copy it before writing."""
    path = tmp_path_factory.mktemp("deputies-demo") / "demo.sqlite3"
    db = open_database(path)
    try:
        build_demo_council(db)
    finally:
        db.dispose()
    return path


def build_demo_council(db: Database) -> Actor:
    """The demo council profile and this area's demo records only (other areas' builders are theirs to test)."""
    from app.demo import deputies as deputies_demo
    from app.services.core import council

    _, actor = council.setup_council(db, demo_profile.DEMO_PROFILE, admin_username=demo_profile.DEMO_ADMIN,
                                     admin_full_name="Олена Д’яченко")
    deputies_demo.build(db, actor)
    return actor


@pytest.fixture
def demo_copy(demo_path: Path, tmp_path: Path) -> Iterator[tuple[Database, Actor]]:
    """A private copy of the demo database with its administrator."""
    target = tmp_path / "demo.sqlite3"
    shutil.copy(demo_path, target)
    db = open_database(target)
    from app.services.core import auth

    actor = auth.Actor(1, "admin", auth.Role.ADMIN, "Олена Д’яченко")
    try:
        yield db, actor
    finally:
        db.dispose()

"""Factions and electoral districts: names, numbers, active members, refusals."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.db.engine import Database
from app.errors import ValidationError
from app.services import deputies
from app.services.core.auth import Actor
from tests.deputies_setup import MANDATE_START


def test_faction_names_are_cleaned_and_unique(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    with pytest.raises(ValidationError, match="Вкажіть назву фракції"):
        deputies.save_faction(db, actor, deputies.FactionData("   "))
    with pytest.raises(ValidationError, match="задовга"):
        deputies.save_faction(db, actor, deputies.FactionData("Ф" * 201))
    first = deputies.save_faction(db, actor, deputies.FactionData("  Рідний   край ", "РК"))
    with pytest.raises(ValidationError, match="Фракція «Рідний край» уже є"):
        deputies.save_faction(db, actor, deputies.FactionData("Рідний край"))
    [view] = deputies.list_factions(db)
    assert (view.id, view.name, view.short_name) == (first, "Рідний край", "РК")
    deputies.save_faction(db, actor, dataclasses.replace(view, description="опис"), first, view.version)
    assert deputies.list_factions(db)[0].description == "опис"


def test_members_count_only_active_mandates(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    faction = deputies.save_faction(db, actor, deputies.FactionData("Ф"))
    for surname, end in (("Шевченко", None), ("Коваль", dt.date(2024, 12, 31))):
        deputies.create_deputy(db, actor, deputies.DeputyData(
            surname=surname, given_name="Олена", mandate_start=MANDATE_START, mandate_end=end,
            mandate_end_reason="resignation" if end else "", faction_id=faction))
    assert deputies.list_factions(db, on=dt.date(2025, 6, 1))[0].members == 1
    assert deputies.list_factions(db, on=dt.date(2024, 6, 1))[0].members == 2


def test_districts_are_numbered_and_listed_by_number(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    with pytest.raises(ValidationError, match="Вкажіть назву округу"):
        deputies.save_district(db, actor, deputies.DistrictData(""))
    with pytest.raises(ValidationError, match="від 1 до 999"):
        deputies.save_district(db, actor, deputies.DistrictData("Округ", number=1000))
    deputies.save_district(db, actor, deputies.DistrictData("Без номера"))
    deputies.save_district(db, actor, deputies.DistrictData("Другий", number=2))
    first = deputies.save_district(db, actor, deputies.DistrictData("Перший", number=1))
    with pytest.raises(ValidationError, match="Округ «Перший» уже є"):
        deputies.save_district(db, actor, deputies.DistrictData("Перший", number=3))
    assert [d.name for d in deputies.list_districts(db)] == ["Перший", "Другий", "Без номера"]
    view = deputies.list_districts(db)[0]
    deputies.save_district(db, actor, dataclasses.replace(view, name="Центральний"), first, view.version)
    assert deputies.list_districts(db)[0].name == "Центральний"

"""Factions and electoral districts of the council.

Same conventions as every deputies service: ``EDIT_RECORDS``, validation with a Ukrainian sentence,
one transaction with its audit event, stale saves refused.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models.deputies import Deputy, District, Faction, Vote
from app.errors import ValidationError
from app.services.core import audit
from app.services.core.auth import Actor
from app.services.core.records import check_version, get_or_404
from app.services.deputies.common import clean, mandate_active, one_line, require_edit


@dataclass(frozen=True)
class FactionData:
    name: str
    short_name: str = ""
    description: str = ""


@dataclass(frozen=True)
class FactionView(FactionData):
    id: int = 0
    version: int = 0
    uuid: str = ""
    members: int = 0  # deputies with an active mandate today in this faction


@dataclass(frozen=True)
class DistrictData:
    name: str
    number: int | None = None
    description: str = ""


@dataclass(frozen=True)
class DistrictView(DistrictData):
    id: int = 0
    version: int = 0
    uuid: str = ""


def _validate_faction(data: FactionData) -> FactionData:
    name = one_line(data.name)
    if not name:
        raise ValidationError("Вкажіть назву фракції.", "Enter the faction's name.")
    if len(name) > 200:
        raise ValidationError("Назва фракції задовга (понад 200 знаків).", "The faction's name is too long.")
    return FactionData(name=name, short_name=one_line(data.short_name)[:60], description=clean(data.description))


def list_factions(db: Database, on: dt.date | None = None) -> list[FactionView]:
    on = on or dt.date.today()
    with db.read() as s:
        counts = dict(s.execute(select(Deputy.faction_id, func.count(Deputy.id)).where(mandate_active(on))
                                .group_by(Deputy.faction_id)).all())
        return [FactionView(name=f.name, short_name=f.short_name, description=f.description, id=f.id,
                            version=f.version, uuid=f.uuid, members=counts.get(f.id, 0))
                for f in s.execute(select(Faction).order_by(Faction.name)).scalars()]


def save_faction(db: Database, actor: Actor, data: FactionData, faction_id: int | None = None,
                 expected_version: int | None = None) -> int:
    """Create (``faction_id`` None) or update a faction; returns its id."""
    require_edit(actor)
    data = _validate_faction(data)
    with db.write() as s:
        clash = s.execute(select(Faction.id).where(Faction.name == data.name)).scalar_one_or_none()
        if clash is not None and clash != faction_id:
            raise ValidationError(f"Фракція «{data.name}» уже є.", f"Faction «{data.name}» already exists.")
        if faction_id is None:
            faction = Faction(name=data.name, short_name=data.short_name, description=data.description)
            s.add(faction)
            audit.record_object(s, actor, audit.Action.CREATE, faction, summary=f"Фракція «{data.name}»")
        else:
            faction = get_or_404(s, Faction, faction_id, "Фракцію", "Faction")
            check_version(faction, expected_version, "Фракцію")
            before = audit.snapshot(faction)
            faction.name, faction.short_name, faction.description = data.name, data.short_name, data.description
            s.flush()
            changes = audit.diff(before, audit.snapshot(faction))
            if changes:
                audit.record_object(s, actor, audit.Action.UPDATE, faction, changes=changes,
                                    summary=f"Фракція «{data.name}»")
        return faction.id


def delete_faction(db: Database, actor: Actor, faction_id: int, expected_version: int) -> None:
    require_edit(actor)
    with db.write() as s:
        faction = get_or_404(s, Faction, faction_id, "Фракцію", "Faction")
        check_version(faction, expected_version, "Фракцію")
        used = s.execute(select(func.count(Deputy.id)).where(Deputy.faction_id == faction_id)).scalar_one()
        voted = s.execute(select(Vote.id).where(Vote.faction_id == faction_id).limit(1)).first()
        if used or voted:
            raise ValidationError(
                f"Фракцію «{faction.name}» не можна видалити: до неї належать депутати або їхні голоси. "
                "Спершу змініть фракцію цих депутатів.",
                "The faction has deputies or recorded votes and cannot be deleted.")
        audit.record_object(s, actor, audit.Action.DELETE, faction, summary=f"Фракція «{faction.name}»")
        s.delete(faction)


def list_districts(db: Database) -> list[DistrictView]:
    with db.read() as s:
        rows = s.execute(select(District).order_by(District.number.is_(None), District.number, District.name))
        return [DistrictView(name=d.name, number=d.number, description=d.description, id=d.id, version=d.version,
                             uuid=d.uuid) for d in rows.scalars()]


def save_district(db: Database, actor: Actor, data: DistrictData, district_id: int | None = None,
                  expected_version: int | None = None) -> int:
    require_edit(actor)
    name = one_line(data.name)
    if not name:
        raise ValidationError("Вкажіть назву округу.", "Enter the district's name.")
    if data.number is not None and not 1 <= data.number <= 999:
        raise ValidationError("Номер округу має бути від 1 до 999.", "District number must be 1 to 999.")
    with db.write() as s:
        clash = s.execute(select(District.id).where(District.name == name)).scalar_one_or_none()
        if clash is not None and clash != district_id:
            raise ValidationError(f"Округ «{name}» уже є.", f"District «{name}» already exists.")
        if district_id is None:
            district = District(name=name, number=data.number, description=clean(data.description))
            s.add(district)
            audit.record_object(s, actor, audit.Action.CREATE, district, summary=f"Округ «{name}»")
        else:
            district = get_or_404(s, District, district_id, "Округ", "District")
            check_version(district, expected_version, "Округ")
            before = audit.snapshot(district)
            district.name, district.number, district.description = name, data.number, clean(data.description)
            s.flush()
            changes = audit.diff(before, audit.snapshot(district))
            if changes:
                audit.record_object(s, actor, audit.Action.UPDATE, district, changes=changes, summary=f"Округ «{name}»")
        return district.id

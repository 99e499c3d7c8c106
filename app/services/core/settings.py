"""Council settings: typed rules stored in the database, so they travel with the records.

Each setting is declared once (key, type, default, labels) as a :class:`SettingDef` in its
area's module and listed in the area's :class:`~app.services.area.Area`; the Settings page
lists them all through :mod:`app.services.registry`. Window geometry, language and other per-PC preferences
are not here: the GUI keeps those in QSettings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.db.engine import Database
from app.db.models.core import CouncilSetting
from app.errors import ValidationError
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require


@dataclass(frozen=True)
class SettingDef:
    key: str
    type: type
    default: Any = field(hash=False)  # a list default is not hashable; the key identifies a setting
    label_uk: str
    label_en: str
    minimum: int | None = None
    maximum: int | None = None


def _check(defn: SettingDef, value: Any) -> Any:
    if defn.type is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(f"«{defn.label_uk}»: потрібне ціле число.")
        if defn.minimum is not None and value < defn.minimum:
            raise ValidationError(f"«{defn.label_uk}»: не менше {defn.minimum}.")
        if defn.maximum is not None and value > defn.maximum:
            raise ValidationError(f"«{defn.label_uk}»: не більше {defn.maximum}.")
    elif defn.type is bool:
        if not isinstance(value, bool):
            raise ValidationError(f"«{defn.label_uk}»: потрібно так або ні.")
    elif defn.type is str:
        if not isinstance(value, str):
            raise ValidationError(f"«{defn.label_uk}»: потрібен текст.")
    elif defn.type is list:
        if not isinstance(value, list):
            raise ValidationError(f"«{defn.label_uk}»: потрібен список.")
    return value


def get(db: Database, defn: SettingDef) -> Any:
    """The council's value of one setting (its default until someone changes it)."""
    return get_values(db, (defn,))[defn.key]


def get_values(db: Database, defs: Iterable[SettingDef]) -> dict[str, Any]:
    """The council's values of several settings, by key, in one query."""
    wanted = {d.key: d for d in defs}
    with db.read() as s:
        rows = s.execute(select(CouncilSetting.key, CouncilSetting.value_json)
                         .where(CouncilSetting.key.in_(list(wanted)))).all()
    stored = {key: json.loads(value) for key, value in rows}
    return {key: stored.get(key, defn.default) for key, defn in wanted.items()}


def set_values(db: Database, actor: Actor, values: Mapping[SettingDef, Any]) -> None:
    """Change several settings in one transaction (one audit event each)."""
    require(actor, Permission.MANAGE_SETTINGS)
    checked = {defn: _check(defn, value) for defn, value in values.items()}
    with db.write() as s:
        for defn, value in checked.items():
            row = s.execute(select(CouncilSetting).where(CouncilSetting.key == defn.key)).scalar_one_or_none()
            new_json = json.dumps(value, ensure_ascii=False)
            if row is None:
                old = defn.default
                row = CouncilSetting(key=defn.key, value_json=new_json)
                s.add(row)
            else:
                old = json.loads(row.value_json)
                if row.value_json == new_json:
                    continue
                row.value_json = new_json
            s.flush()
            audit.record(s, actor, audit.Action.UPDATE, "council_setting", entity_id=row.id, entity_uuid=row.uuid,
                         changes={defn.key: [old, value]}, summary=defn.label_uk)

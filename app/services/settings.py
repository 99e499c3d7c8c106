"""Council settings: typed rules stored in the database, so they travel with the records.

Each setting is declared once (key, type, default, labels). Areas declare theirs with
:func:`declare` at import time. Window geometry, language and other per-PC preferences
are not here: the GUI keeps those in QSettings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.db.engine import Database
from app.db.models.core import CouncilSetting
from app.services import audit
from app.services.auth import Actor, Permission, require
from app.services.errors import ValidationError


@dataclass(frozen=True)
class SettingDef:
    key: str
    type: type
    default: Any
    label_uk: str
    label_en: str
    minimum: int | None = None
    maximum: int | None = None


REGISTRY: dict[str, SettingDef] = {}


def declare(defn: SettingDef) -> SettingDef:
    REGISTRY[defn.key] = defn
    return defn


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


def get(db: Database, key: str) -> Any:
    defn = REGISTRY[key]
    with db.read() as s:
        row = s.execute(select(CouncilSetting).where(CouncilSetting.key == key)).scalar_one_or_none()
        # Read inside the block: read() ends with a rollback, which expires the loaded row.
        return json.loads(row.value_json) if row else defn.default


def get_all(db: Database) -> dict[str, Any]:
    with db.read() as s:
        stored = {r.key: json.loads(r.value_json) for r in s.execute(select(CouncilSetting)).scalars()}
    return {key: stored.get(key, defn.default) for key, defn in REGISTRY.items()}


def set_values(db: Database, actor: Actor, values: dict[str, Any]) -> None:
    """Change several settings in one transaction (one audit event each)."""
    require(actor, Permission.MANAGE_SETTINGS)
    checked = {}
    for key, value in values.items():
        if key not in REGISTRY:
            raise ValidationError(f"Невідоме налаштування «{key}».")
        checked[key] = _check(REGISTRY[key], value)
    with db.write() as s:
        for key, value in checked.items():
            row = s.execute(select(CouncilSetting).where(CouncilSetting.key == key)).scalar_one_or_none()
            new_json = json.dumps(value, ensure_ascii=False)
            if row is None:
                old = REGISTRY[key].default
                row = CouncilSetting(key=key, value_json=new_json)
                s.add(row)
            else:
                old = json.loads(row.value_json)
                if row.value_json == new_json:
                    continue
                row.value_json = new_json
            s.flush()
            audit.record(s, actor, audit.Action.UPDATE, "council_setting", entity_id=row.id, entity_uuid=row.uuid,
                         changes={key: [old, value]}, summary=REGISTRY[key].label_uk)


def load_all() -> dict[str, SettingDef]:
    """Import every service module so each declares its settings; returns the full registry.

    Settings are declared at import time by the areas' services. A page that lists them
    (Settings, the council profile sheet) must not depend on which modules happen to be
    imported already.
    """
    import importlib
    import pkgutil

    import app.services as package

    for module in pkgutil.iter_modules(package.__path__):
        if not module.name.startswith("_") and not module.name.endswith("_demo"):
            importlib.import_module(f"app.services.{module.name}")
    return REGISTRY

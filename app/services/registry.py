"""Every area of the app, in one imported list: the one place the shared services learn about areas.

Adding an area = its own package, its declaration in ``app/services/areas/<area>.py``
(:class:`~app.services.area.Area`) and one line in :data:`AREAS`. The shared services read
what they need from here: the Settings page its settings, the audit trail its table names,
the home page its due items, exchange its table policies, the open-data pack its public
datasets.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from app.db.engine import Database
from app.services.area import AfterImportHook, Area, Dataset, TablePolicy
from app.services.areas import appeals, budget, council, deputies, exchange, petitions, safety
from app.services.core.due import DueItem
from app.services.core.settings import SettingDef

AREAS: tuple[Area, ...] = (
    council.AREA,
    deputies.AREA,
    petitions.AREA,
    appeals.AREA,
    budget.AREA,
    safety.AREA,
    exchange.AREA,
)


def all_settings() -> tuple[SettingDef, ...]:
    return tuple(defn for area in AREAS for defn in area.settings)


def setting(key: str) -> SettingDef:
    for defn in all_settings():
        if defn.key == key:
            return defn
    raise KeyError(key)


def entity_labels() -> dict[str, tuple[str, str]]:
    """Human names of record types (table -> (uk, en)) for the audit trail."""
    return {table: label for area in AREAS for table, label in area.audit_labels.items()}


def entity_label(table: str, language: str = "uk") -> str:
    uk, en = entity_labels().get(table, (table, table))
    return en if language == "en" else uk


def due_soon(db: Database, today: date) -> list[DueItem]:
    """Deadlines near or past, from every area (the home page's list)."""
    items: list[DueItem] = []
    for area in AREAS:
        if area.due_items is not None:
            items.extend(area.due_items(db, today))
    return sorted(items, key=lambda item: (item.due, item.title))


def exchange_policies() -> dict[str, TablePolicy]:
    return {table: policy for area in AREAS for table, policy in area.exchange_policies.items()}


def after_import_hooks() -> Mapping[str, AfterImportHook]:
    return {table: hook for area in AREAS for table, hook in area.after_import.items()}


def datasets() -> list[Dataset]:
    """Every public dataset, in area order."""
    return [ds for area in AREAS for ds in area.open_data]


def area_titles(language: str = "uk") -> dict[str, str]:
    return {area.key: area.title(language) for area in AREAS}

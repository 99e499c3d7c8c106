"""The home page's "due soon" list: deadlines near or past, gathered from every area.

Each area adds a provider (``"module:function"``, ``function(db, today) -> list[DueItem]``)
to ``DUE_PROVIDERS``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.db.engine import Database


@dataclass(frozen=True)
class DueItem:
    due: date
    area_uk: str  # e.g. "Петиція", "Звернення"
    area_en: str
    title: str
    overdue: bool
    page: str = ""  # navigation key of the page that shows the record
    record_id: int | None = None
    title_en: str = ""  # the title in English for the GUI; "" falls back to ``title``

    def area(self, language: str = "uk") -> str:
        return self.area_en if language == "en" else self.area_uk

    def text(self, language: str = "uk") -> str:
        return self.title_en if language == "en" and self.title_en else self.title


DUE_PROVIDERS: list[str] = [
    "app.services.initiatives:due_items",
    "app.services.petitions:due_items",
    "app.services.appeals:due_items",
    "app.services.budget:due_items",
]


def due_soon(db: Database, today: date) -> list[DueItem]:
    items: list[DueItem] = []
    for spec in DUE_PROVIDERS:
        module_name, func_name = spec.split(":")
        provider: Callable[[Database, date], list[DueItem]] = getattr(importlib.import_module(module_name), func_name)
        items.extend(provider(db, today))
    return sorted(items, key=lambda item: (item.due, item.title))

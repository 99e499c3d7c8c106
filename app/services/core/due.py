"""The home page's "due soon" list: deadlines near or past, gathered from every area.

Each area's :class:`~app.services.area.Area` names its provider (``function(db, today) ->
list[DueItem]``); :func:`app.services.registry.due_soon` gathers them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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

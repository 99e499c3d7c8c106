"""What every page needs: the open database, the acting user, the UI language."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:  # importing SQLAlchemy is deferred until the window is on screen
    from app.db.engine import Database
    from app.services.core.auth import Actor, Permission


class DataSignals(QObject):
    """``AppContext.notify`` announces changed records here; pages follow it as ``ui.pages.base.Page`` says."""

    changed = Signal(str)  # area key, e.g. "council", "deputies"


@dataclass
class AppContext:
    db: Database
    actor: Actor
    language: str = "uk"
    today_override: date | None = None
    signals: DataSignals = field(default_factory=DataSignals)

    def can(self, permission: Permission) -> bool:
        return self.actor.can(permission)

    def today(self) -> date:
        return self.today_override or date.today()

    def notify(self, area: str) -> None:
        self.signals.changed.emit(area)

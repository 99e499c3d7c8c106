"""Who uses the app in this window: the actor for the session."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.db.engine import Database
from app.services import users
from app.services.auth import Actor


def obtain_actor(db: Database, parent: QWidget | None = None, username: str | None = None) -> Actor | None:
    """The acting user for this session; None when the user gave up (closes the app)."""
    if username:
        return users.get_actor(db, username)
    return users.default_admin(db)

"""Who uses the app in this window: the actor for the session.

In order: the demo signs in with its published password (``hromada --demo``); a PC set
to open directly as one named user does so (Settings → Цей комп’ютер; off by default);
otherwise the login dialog asks. A refused automatic sign-in (user disabled or locked)
falls back to the dialog, with the reason shown in it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from app.db.engine import Database
from app.demo import profile as demo_profile
from app.errors import ServiceError
from app.services.core import login
from app.services.core.auth import Actor
from ui import preferences
from ui.messages import current_language


def auto_open_user(db: Database) -> str:
    """The user this PC opens as on ``db`` without asking, or ""."""
    name = preferences.get(preferences.AUTO_LOGIN_USER)
    if name and preferences.get(preferences.AUTO_LOGIN_DB) == db.describe():
        return name
    return ""


def set_auto_open_user(db: Database, username: str) -> None:
    """Open this PC directly as ``username`` on ``db`` from the next start ("" turns it off)."""
    preferences.put(preferences.AUTO_LOGIN_USER, username)
    preferences.put(preferences.AUTO_LOGIN_DB, db.describe() if username else "")


def obtain_actor(db: Database, parent: QWidget | None = None, username: str | None = None, *,
                 demo_mode: bool = False) -> Actor | None:
    """The acting user for this session; None when the user gave up (closes the app)."""
    from ui.dialogs.login_dialog import LoginDialog

    if demo_mode and not username:
        actor = login.try_known_password(db, demo_profile.DEMO_ADMIN, demo_profile.DEMO_PASSWORD)
        if actor is not None:
            return actor
    note = ""
    auto = "" if username else auto_open_user(db)
    if auto:
        try:
            return login.open_as(db, auto)
        except ServiceError as exc:
            note = exc.text(current_language())
    dialog = LoginDialog(db, parent, username=username or auto or preferences.get(preferences.LAST_USER), note=note)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    preferences.put(preferences.LAST_USER, dialog.actor.username)
    return dialog.actor

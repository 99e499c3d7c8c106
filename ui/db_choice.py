"""The GUI's composition root for data: the one module of ui/ that opens databases.

Which database the GUI opens: ``--db``, HROMADA_DB, ``--demo``, then this PC's setting, then the local file.

The PC's setting (Settings → Цей комп’ютер) is read at start (:func:`open_for_gui`).
When the address it names cannot be opened (server down, wrong address), the clerk may
open the local file instead for this time; the setting stays, to be fixed or to work
again once the server is back.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app import paths
from app.db.engine import Database, open_database
from app.errors import DatabaseOpenError
from ui import preferences
from ui.messages import confirm, current_language


def gui_target(args: argparse.Namespace) -> tuple[str, bool]:
    """The database to open, and whether it came from this PC's setting."""
    if args.db or os.environ.get("HROMADA_DB") or getattr(args, "demo", False):
        return paths.db_target(args.db, demo=getattr(args, "demo", False)), False
    configured = preferences.get(preferences.DB_URL)
    if configured:
        return configured, True
    return paths.db_target(args.db, demo=getattr(args, "demo", False)), False


def ask_local_instead(parent: QWidget | None, exc: DatabaseOpenError) -> bool:
    """The address from this PC's settings failed: open the local database file instead, this time?"""
    text = QCoreApplication.translate(
        "DbChoice",
        "Не вдається відкрити базу даних, указану в налаштуваннях цього комп’ютера:\n\n%1\n\n"
        "Відкрити натомість базу даних на цьому комп’ютері? Адресу можна виправити в "
        "Налаштуваннях → Цей комп’ютер.").replace("%1", exc.text(current_language()))
    return confirm(parent, text)


def _open(target: str) -> Database:
    from app.services.safety.backup import startup_backup

    startup_backup(target)  # the daily copy, before the database opens (and migrates)
    return open_database(target)


def open_for_gui(args: argparse.Namespace, parent: QWidget | None) -> Database | None:
    """Open the chosen database; None when the clerk chose to quit after a failure."""
    target, configured = gui_target(args)
    try:
        return _open(target)
    except DatabaseOpenError as exc:
        if not configured:
            raise
        if not ask_local_instead(parent, exc):
            return None
    return _open(paths.db_target(args.db, demo=getattr(args, "demo", False)))


def open_scratch(path: Path) -> Database:
    """A fresh database at ``path`` (the build's smoke check)."""
    return open_database(path)

"""GUI fixtures: a main window on a council database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.services.core.auth import Actor
from ui.app import build_main_window, make_application
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, council_db: tuple[Database, Actor]) -> Iterator[MainWindow]:
    make_application()
    db, actor = council_db
    win = build_main_window(db, actor)
    qtbot.addWidget(win)
    win.show()
    yield win

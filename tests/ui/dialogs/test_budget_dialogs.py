"""Budget dialogs as QDialogs: nothing in them may hide QDialog's own methods."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.services.core.auth import Actor
from tests.budget_support import voting_cycle
from ui.app import make_application
from ui.context import AppContext
from ui.dialogs.budget_dialogs import MilestoneDialog


def test_milestone_dialog_closes_both_ways(qtbot: QtBot, council_db: tuple[Database, Actor],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Its "done" date field once hid QDialog.done(), which accept() and reject() call: closing crashed the app."""
    make_application()
    db, actor = council_db
    project = voting_cycle(db, actor).projects[1]  # not a winner: milestones are refused
    shown: list[str] = []
    monkeypatch.setattr("ui.messages.show_error", lambda _p, exc: shown.append(exc.text()))
    dialog = MilestoneDialog(AppContext(db=db, actor=actor), project.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.findChild(QLineEdit, "milestone_title").setText("Закупівля")
    dialog.accept()
    assert dialog.isVisible() and shown and "переможців" in shown[0]
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected

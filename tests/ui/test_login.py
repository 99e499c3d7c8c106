"""Signing in at start: the login dialog, the demo, a PC that opens as one user, the database from Settings."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.demo import profile as demo_profile
from app.services.core import audit, login, users
from app.services.core.auth import Actor, Role
from tests.ui.keys import type_text
from ui import db_choice, preferences
from ui import login as ui_login
from ui.dialogs.login_dialog import LoginDialog

PASSWORD = "parol-123"


@pytest.fixture(autouse=True)
def _clean_preferences() -> None:
    for pref in (preferences.AUTO_LOGIN_USER, preferences.AUTO_LOGIN_DB, preferences.LAST_USER, preferences.DB_URL):
        preferences.qsettings().remove(pref.key)


@pytest.fixture
def staff(council_db: tuple[Database, Actor]) -> Database:
    db, admin = council_db
    users.create_user(db, admin, users.UserData("sekretar", "Ганна Коваленко", Role.CLERK), PASSWORD)
    users.create_user(db, admin, users.UserData("Олена", "Олена Шевчук", Role.VIEWER), PASSWORD)
    return db


def test_sign_in_by_keyboard(qtbot: QtBot, staff: Database) -> None:
    dialog = LoginDialog(staff)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.username, "Олена")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role is Role.VIEWER
    assert audit.list_events(staff, audit.AuditFilter(username="Олена"))[0].changes == {"result": "ok"}


def test_wrong_password_shows_why_and_waits(qtbot: QtBot, staff: Database) -> None:
    dialog = LoginDialog(staff, username="sekretar")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.focusWidget() is dialog.password  # the name is known: straight to the password
    qtbot.keyClicks(dialog.password, "wrong-one")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Неправильне ім’я користувача або пароль" in dialog.message.text()
    assert dialog.password.text() == ""
    assert not dialog.ok.isEnabled() and "через 1 с" in dialog.ok.text()
    dialog._tick()  # one second later
    assert dialog.ok.isEnabled() and dialog.ok.text() == "Увійти"


def test_locked_account_says_until_when(qtbot: QtBot, staff: Database) -> None:
    from datetime import timedelta

    from app.db.base import utcnow

    now = utcnow()
    for _ in range(5):
        with pytest.raises(login.LoginRefused) as info:
            login.authenticate(staff, "sekretar", "wrong-one", now=now)
        now += timedelta(seconds=info.value.retry_after or 0)
    dialog = LoginDialog(staff, username="sekretar")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.accept()
    assert "заблоковано до" in dialog.message.text()
    assert "хв)" in dialog.ok.text() and not dialog.ok.isEnabled()


def _answer_dialog(monkeypatch: pytest.MonkeyPatch, username: str | None, password: str | None,
                   seen: list[LoginDialog]) -> None:
    """Replace the dialog's event loop: record it, optionally type and press Enter."""
    def fake_exec(self: LoginDialog) -> int:
        seen.append(self)
        if password is None:
            return QDialog.DialogCode.Rejected
        if username is not None:
            self.username.setText(username)
        self.password.setText(password)
        self.accept()
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)


def test_obtain_actor_asks_and_remembers_the_name(staff: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[LoginDialog] = []
    _answer_dialog(monkeypatch, "sekretar", PASSWORD, seen)
    actor = ui_login.obtain_actor(staff)
    assert actor is not None and actor.username == "sekretar"
    assert preferences.get(preferences.LAST_USER) == "sekretar"
    _answer_dialog(monkeypatch, None, None, seen)
    assert ui_login.obtain_actor(staff) is None  # "Вийти" closes the program
    assert seen[-1].username.text() == "sekretar"


def test_user_from_the_command_line_still_needs_the_password(staff: Database,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[LoginDialog] = []
    _answer_dialog(monkeypatch, None, PASSWORD, seen)
    actor = ui_login.obtain_actor(staff, None, "sekretar")
    assert actor is not None and actor.username == "sekretar" and seen[0].username.text() == "sekretar"


def test_pc_set_to_open_as_one_user(staff: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    ui_login.set_auto_open_user(staff, "sekretar")
    seen: list[LoginDialog] = []
    _answer_dialog(monkeypatch, None, None, seen)
    actor = ui_login.obtain_actor(staff)
    assert actor is not None and actor.username == "sekretar" and not seen
    assert "автоматичний вхід" in audit.list_events(staff, audit.AuditFilter(username="sekretar"))[0].summary


def test_auto_open_belongs_to_one_database(staff: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    ui_login.set_auto_open_user(staff, "sekretar")
    preferences.put(preferences.AUTO_LOGIN_DB, "/some/other/database.sqlite3")
    assert ui_login.auto_open_user(staff) == ""


def test_disabled_auto_open_user_falls_back_to_the_dialog(staff: Database, admin: Actor,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ui_login.set_auto_open_user(staff, "sekretar")
    users.set_active(staff, admin, users.get_user(staff, "sekretar").id, False)
    seen: list[LoginDialog] = []
    _answer_dialog(monkeypatch, "Олена", PASSWORD, seen)
    actor = ui_login.obtain_actor(staff)
    assert actor is not None and actor.username == "Олена"
    assert "вимкнено" in seen[0].message.text()


def test_demo_opens_as_its_administrator(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services.core import council, passwords

    # What demo_create.create_demo sets up, without every area's demo records.
    council.setup_council(db, demo_profile.DEMO_PROFILE, admin_username=demo_profile.DEMO_ADMIN,
                          password_hash=passwords.hash_password(demo_profile.DEMO_PASSWORD))
    seen: list[LoginDialog] = []
    _answer_dialog(monkeypatch, None, None, seen)
    actor = ui_login.obtain_actor(db, demo_mode=True)
    assert actor is not None and actor.username == demo_profile.DEMO_ADMIN and not seen
    admin = actor
    login.change_own_password(db, admin, demo_profile.DEMO_PASSWORD, "ne-demo-parol")
    assert ui_login.obtain_actor(db, demo_mode=True) is None  # the published password no longer works
    assert len(seen) == 1


def _args(**values: object) -> argparse.Namespace:
    defaults = {"db": None, "demo": False, "user": None, "lang": None, "smoke": False, "command": None}
    return argparse.Namespace(**{**defaults, **values})


def test_database_address_from_this_pcs_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HROMADA_DB", raising=False)
    assert db_choice.gui_target(_args()) == (str(Path(os.environ["HROMADA_DATA_DIR"]) / "hromada.sqlite3"), False)
    preferences.put(preferences.DB_URL, "postgresql+psycopg://clerk@server/rada")
    assert db_choice.gui_target(_args()) == ("postgresql+psycopg://clerk@server/rada", True)
    assert db_choice.gui_target(_args(db=str(tmp_path / "x.sqlite3")))[1] is False  # --db wins
    monkeypatch.setenv("HROMADA_DB", str(tmp_path / "y.sqlite3"))
    assert db_choice.gui_target(_args()) == (str(tmp_path / "y.sqlite3"), False)


def test_unreachable_configured_server_offers_the_local_file(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.app import Startup, make_application
    from ui.dialogs.setup_dialog import SetupDialog
    from ui.main_window import MainWindow

    monkeypatch.delenv("HROMADA_DB", raising=False)
    preferences.put(preferences.DB_URL, "postgresql+psycopg://nobody@127.0.0.1:1/rada")
    asked: list[str] = []

    def answer(yes: bool):  # noqa: ANN202
        def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
            asked.append(text)
            return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        return question

    app = make_application()
    window = MainWindow()
    qtbot.addWidget(window)
    monkeypatch.setattr(QMessageBox, "question", answer(False))
    startup = Startup(app, window, _args(), "uk")
    startup.run()
    assert startup.db is None and "127.0.0.1" in asked[0] and "Налаштуваннях" in asked[0]

    monkeypatch.setattr(QMessageBox, "question", answer(True))
    monkeypatch.setattr(SetupDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    startup = Startup(app, window, _args(), "uk")
    startup.run()
    try:
        assert startup.db is not None and startup.db.is_sqlite  # the local file, opened for this time
    finally:
        if startup.db is not None:
            startup.db.dispose()
    assert preferences.get(preferences.DB_URL)  # kept: the server may be back tomorrow


@pytest.mark.slow
def test_hromada_demo_opens_straight_into_the_app(tmp_path: Path) -> None:
    """The newcomer's path: no setup dialog, no login dialog (a modal dialog would hang this run)."""
    env = {**os.environ, "HROMADA_DATA_DIR": str(tmp_path), "HROMADA_EXIT_AFTER_SHOW": "ready",
           "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("HROMADA_DB", None)
    result = subprocess.run([sys.executable, "-m", "app", "--demo"], env=env, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 0, result.stderr
    from app.db.engine import open_database

    db = open_database(tmp_path / "demo.sqlite3")
    try:
        events = audit.list_events(db, audit.AuditFilter(username=demo_profile.DEMO_ADMIN))
        assert any("демонстраційний пароль" in e.summary for e in events)
    finally:
        db.dispose()

"""Settings → Користувачі and Цей комп’ютер; each role sees only what it may do."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QGroupBox, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.services.core import login, users
from app.services.core.auth import Actor, Permission, Role
from tests.ui.keys import type_text
from ui import login as ui_login
from ui import preferences
from ui.app import build_main_window, make_application
from ui.dialogs.user_dialogs import PasswordDialog, UserDialog
from ui.main_window import MainWindow, all_pages
from ui.pages.this_pc_section import ThisPcSection
from ui.pages.users_section import UsersSection

PASSWORD = "parol-123"


@pytest.fixture(autouse=True)
def _clean_preferences() -> None:
    for pref in (preferences.AUTO_LOGIN_USER, preferences.AUTO_LOGIN_DB, preferences.DB_URL):
        preferences.qsettings().remove(pref.key)


def _window(qtbot: QtBot, db: Database, actor: Actor) -> MainWindow:
    make_application()
    win = build_main_window(db, actor)
    qtbot.addWidget(win)
    win.show()
    return win


def _as(db: Database, admin: Actor, role: Role) -> Actor:
    users.create_user(db, admin, users.UserData(f"u-{role.value}", "", role), PASSWORD)
    return login.authenticate(db, f"u-{role.value}", PASSWORD)


def _nav_keys(win: MainWindow) -> list[str]:
    return list(win._keys)


def test_each_role_sees_only_its_pages(qtbot: QtBot, council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    every = [spec.key for spec in all_pages()]
    assert _nav_keys(_window(qtbot, db, admin)) == every
    for role in (Role.CLERK, Role.OPERATOR, Role.VIEWER):
        actor = _as(db, admin, role)
        keys = _nav_keys(_window(qtbot, db, actor))
        expected = [s.key for s in all_pages() if s.permission in actor_permissions(actor)]
        assert keys == expected
    operator_keys = _nav_keys(_window(qtbot, db, login.authenticate(db, "u-operator", PASSWORD)))
    assert "audit" not in operator_keys  # operators enter ballots, nothing else
    viewer_keys = _nav_keys(_window(qtbot, db, login.authenticate(db, "u-viewer", PASSWORD)))
    assert "audit" in viewer_keys and "settings" in viewer_keys


def actor_permissions(actor: Actor) -> set[Permission]:
    return {p for p in Permission if actor.can(p)}


def test_clerk_sees_own_password_but_not_the_user_list(qtbot: QtBot, council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    clerk = _as(db, admin, Role.CLERK)
    page = _window(qtbot, db, clerk).show_page("settings")
    section = page.findChild(UsersSection)
    assert section.findChild(QPushButton, "change_own_password").isEnabled()
    assert section.model is None and section.findChild(QPushButton, "user_add") is None
    pc = page.findChild(ThisPcSection)
    assert not pc.findChild(QLineEdit, "database_address").isEnabled()
    assert not pc.findChild(QPushButton, "database_save").isEnabled()
    assert not page.findChild(QPushButton, "save_profile").isEnabled()


def test_admin_adds_a_user_through_the_dialog(qtbot: QtBot, council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    page = _window(qtbot, db, admin).show_page("settings")
    section = page.findChild(UsersSection)
    dialog = UserDialog(section.ctx, section)
    qtbot.addWidget(dialog)
    type_text(dialog.username, "бібліотекар")
    type_text(dialog.full_name, "Марія Ґудзь")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.VIEWER.value))
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.confirm, PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    section.refresh()
    names = [u.username for u in section.model.rows()]
    assert "бібліотекар" in names
    assert login.authenticate(db, "бібліотекар", PASSWORD).full_name == "Марія Ґудзь"


def test_user_dialog_refuses_mismatched_passwords(qtbot: QtBot, council_db: tuple[Database, Actor],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    db, admin = council_db
    shown: list[str] = []
    monkeypatch.setattr("ui.messages.show_error", lambda _p, exc: shown.append(exc.text()))
    win = _window(qtbot, db, admin)
    dialog = UserDialog(win.ctx, win)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "kasyr")
    qtbot.keyClicks(dialog.password, "pershyi-1")
    qtbot.keyClicks(dialog.confirm, "druhyi-2")
    dialog.accept()
    assert shown == ["Паролі не збігаються."] and dialog.result() != QDialog.DialogCode.Accepted
    assert [u.username for u in users.list_users(db)] == ["admin"]


def test_operator_gets_a_voting_point(qtbot: QtBot, council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    from app.services import budget

    point = budget.add_point(db, admin, "Бібліотека", "")
    win = _window(qtbot, db, admin)
    dialog = UserDialog(win.ctx, win)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.point.isVisible()
    dialog.role.setCurrentIndex(dialog.role.findData(Role.OPERATOR.value))
    assert dialog.point.isVisible()
    dialog.point.setCurrentIndex(dialog.point.findData(point.id))
    qtbot.keyClicks(dialog.username, "operator1")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.confirm, PASSWORD)
    dialog.accept()
    assert login.authenticate(db, "operator1", PASSWORD).voting_point_id == point.id


def test_disable_reset_unlock_from_the_section(qtbot: QtBot, council_db: tuple[Database, Actor],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db, admin = council_db
    users.create_user(db, admin, users.UserData("sekretar", "Ганна", Role.CLERK), PASSWORD)
    with pytest.raises(login.LoginRefused):
        login.authenticate(db, "sekretar", "wrong-one")
    page = _window(qtbot, db, admin).show_page("settings")
    section = page.findChild(UsersSection)
    section.refresh()
    section.select_user("sekretar")
    assert section.unlock_button.isEnabled()
    qtbot.mouseClick(section.unlock_button, Qt.MouseButton.LeftButton)
    assert users.get_user(db, "sekretar").failed_logins == 0

    monkeypatch.setattr("ui.pages.users_section.confirm", lambda *_a: True)
    section.toggle_active()
    assert not users.get_user(db, "sekretar").is_active
    assert section.active_button.text() == "Увімкнути"
    section.toggle_active()
    assert users.get_user(db, "sekretar").is_active

    dialog = PasswordDialog(section.ctx, section, users.get_user(db, "sekretar"))
    qtbot.addWidget(dialog)
    assert dialog.current.parent() is None or not dialog.current.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.new, "novyi-parol")
    qtbot.keyClicks(dialog.confirm, "novyi-parol")
    dialog.accept()
    assert login.authenticate(db, "sekretar", "novyi-parol").username == "sekretar"


def test_change_own_password_dialog(qtbot: QtBot, council_db: tuple[Database, Actor],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    db, admin = council_db
    viewer = _as(db, admin, Role.VIEWER)
    shown: list[str] = []
    monkeypatch.setattr("ui.messages.show_error", lambda _p, exc: shown.append(exc.text()))
    win = _window(qtbot, db, viewer)
    dialog = PasswordDialog(win.ctx, win)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.current, "not-mine")
    qtbot.keyClicks(dialog.new, "inshyi-parol")
    qtbot.keyClicks(dialog.confirm, "inshyi-parol")
    dialog.accept()
    assert shown and "Поточний пароль неправильний" in shown[0]
    assert dialog.current.text() == ""
    users.unlock_user(db, admin, users.get_user(db, "u-viewer").id)
    qtbot.keyClicks(dialog.current, PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert login.authenticate(db, "u-viewer", "inshyi-parol").role is Role.VIEWER


def test_this_pc_database_address(qtbot: QtBot, council_db: tuple[Database, Actor],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    db, admin = council_db
    shown: list[str] = []
    monkeypatch.setattr("ui.messages.show_error", lambda _p, exc: shown.append(exc.text()))
    section = _window(qtbot, db, admin).show_page("settings").findChild(ThisPcSection)
    address = section.findChild(QLineEdit, "database_address")
    address.setText("mysql://x@y/z")
    assert not section.save_address() and "Підтримуються лише PostgreSQL" in shown[0]
    address.setText("postgresql://sekretar@192.168.1.10/rada")
    assert section.save_address()
    assert preferences.get(preferences.DB_URL) == "postgresql+psycopg://sekretar@192.168.1.10/rada"
    address.setText("postgresql://nobody@127.0.0.1:1/rada")
    assert not section.check() and "Не вдається з’єднатися" in section.result.text()
    address.setText("")
    assert section.check() and section.save_address()
    assert preferences.get(preferences.DB_URL) == ""


def test_this_pc_open_directly_as_a_user(qtbot: QtBot, council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    users.create_user(db, admin, users.UserData("punkt1", "Пункт №1", Role.VIEWER), PASSWORD)
    section = _window(qtbot, db, admin).show_page("settings").findChild(ThisPcSection)
    assert not section.auto.isChecked() and ui_login.auto_open_user(db) == ""  # off by default
    combo = section.findChild(QComboBox, "auto_open_user")
    combo.setCurrentIndex(combo.findData("punkt1"))
    section.auto.setChecked(True)
    assert ui_login.auto_open_user(db) == "punkt1"
    section.auto.setChecked(False)
    assert ui_login.auto_open_user(db) == ""


def test_audit_page_filters_by_user(qtbot: QtBot, council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    _as(db, admin, Role.CLERK)
    page = _window(qtbot, db, admin).show_page("audit")
    combo = page.findChild(QComboBox, "audit_user")
    page.reload()
    combo.setCurrentIndex(combo.findData("u-clerk"))
    rows = page.model.rows()
    assert rows and {r.username for r in rows} == {"u-clerk"}
    assert any(r.action == "login" for r in rows)


def test_settings_page_has_the_sections(qtbot: QtBot, council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    page = _window(qtbot, db, admin).show_page("settings")
    titles = [box.title() for box in page.findChildren(QGroupBox)]
    assert "Користувачі" in titles and "Цей комп’ютер" in titles

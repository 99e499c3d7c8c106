"""First-run setup, driven with real key presses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.errors import ValidationError
from app.services.core import audit, council, passwords
from tests.ui.keys import clear_and_type, type_text
from ui.dialogs.setup_dialog import SetupDialog


def _ok(dialog: SetupDialog):  # noqa: ANN202
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_setup_by_keyboard(qtbot: QtBot, db: Database) -> None:
    dialog = SetupDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.findChild(QLineEdit, "hromada_name"), "Їжачківська сільська територіальна громада")
    type_text(dialog.findChild(QLineEdit, "council_name"), "Їжачківська сільська рада")
    composition = dialog.findChild(QSpinBox, "composition")
    composition.setFocus()
    qtbot.keyClick(composition, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(composition, "22")
    type_text(dialog.findChild(QLineEdit, "address"), "вул. Д’яченка, 3")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "website"), "rada.example.ua")
    clear_and_type(dialog.findChild(QLineEdit, "admin_username"), "sekretar")
    type_text(dialog.findChild(QLineEdit, "admin_full_name"), "Ґалаґан Єва")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "admin_password"), "dobryi-den")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "admin_password_confirm"), "dobryi-den")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    assert dialog.result() == SetupDialog.DialogCode.Accepted
    profile = council.require_profile(db)
    assert profile.hromada_name == "Їжачківська сільська територіальна громада"
    assert profile.composition == 22
    assert profile.address == "вул. Д’яченка, 3"
    assert profile.website == "https://rada.example.ua"
    assert dialog.actor is not None and dialog.actor.username == "sekretar"
    assert audit.verify_chain(db).ok


def test_setup_refuses_mismatched_passwords(qtbot: QtBot, db: Database, monkeypatch) -> None:  # noqa: ANN001
    shown: list[str] = []
    monkeypatch.setattr("ui.messages.show_error", lambda _parent, exc: shown.append(exc.text()))
    dialog = SetupDialog(db)
    qtbot.addWidget(dialog)
    type_text(dialog.findChild(QLineEdit, "hromada_name"), "Громада")
    type_text(dialog.findChild(QLineEdit, "council_name"), "Рада")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "admin_password"), "secret-1")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "admin_password_confirm"), "secret-2")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert shown == ["Паролі не збігаються."]
    assert council.needs_setup(db)


def test_logo_that_is_not_an_image_is_refused(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    dialog = SetupDialog(db)
    qtbot.addWidget(dialog)
    fake = tmp_path / "logo.png"
    fake.write_bytes(b"this is text, not a picture")
    try:
        dialog.form.load_logo_file(fake)
    except ValidationError as exc:
        assert "не є зображенням" in exc.message
    else:  # pragma: no cover - the refusal is the point
        raise AssertionError("a text file was accepted as a logo")
    assert dialog.form.data().logo is None


def test_password_is_hashed_with_argon2(qtbot: QtBot, db: Database) -> None:
    dialog = SetupDialog(db)
    qtbot.addWidget(dialog)
    type_text(dialog.findChild(QLineEdit, "hromada_name"), "Громада")
    type_text(dialog.findChild(QLineEdit, "council_name"), "Рада")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "admin_password"), "parol-123")
    qtbot.keyClicks(dialog.findChild(QLineEdit, "admin_password_confirm"), "parol-123")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    from sqlalchemy import select

    from app.db.models.core import User

    with db.read() as s:
        stored = s.execute(select(User.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$")
    assert passwords.verify_password(stored, "parol-123")

"""First start with an empty database: the council profile and the administrator account."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.services.core import council, passwords
from app.services.core.auth import Actor
from ui.dialogs.common import accept_after, ok_cancel
from ui.widgets.profile_form import ProfileForm


class SetupDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Початкове налаштування — Hromada Desk"))
        intro = QLabel(self.tr(
            "Вітаємо! Ця база даних порожня. Заповніть профіль ради — його можна буде змінити "
            "пізніше в Налаштуваннях — і створіть обліковий запис адміністратора."))
        intro.setWordWrap(True)
        self.form = ProfileForm()
        profile_box = QGroupBox(self.tr("Профіль ради"))
        QVBoxLayout(profile_box).addWidget(self.form)

        admin_box = QGroupBox(self.tr("Адміністратор"))
        admin_form = QFormLayout(admin_box)
        self.username = QLineEdit("admin")
        self.username.setObjectName("admin_username")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("admin_full_name")
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_confirm = QLineEdit()
        self.password_confirm.setObjectName("admin_password_confirm")
        self.password_confirm.setEchoMode(QLineEdit.EchoMode.Password)
        admin_form.addRow(self.tr("Ім’я користувача:"), self.username)
        admin_form.addRow(self.tr("Прізвище та ім’я:"), self.full_name)
        admin_form.addRow(self.tr("Пароль:"), self.password)
        admin_form.addRow(self.tr("Пароль ще раз:"), self.password_confirm)

        buttons = ok_cancel(self, self.tr("Зберегти і почати"))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(profile_box)
        layout.addWidget(admin_box)
        layout.addWidget(buttons)
        self.resize(620, 640)

    def accept(self) -> None:
        accept_after(self, self._save)

    def _save(self) -> None:
        passwords.validate_new_password(self.password.text(), self.password_confirm.text())
        _, self.actor = council.setup_council(
            self.db,
            self.form.data(),
            admin_username=self.username.text(),
            admin_full_name=self.full_name.text(),
            password_hash=passwords.hash_password(self.password.text()),
        )

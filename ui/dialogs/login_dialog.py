"""Signing in at start: user name and password, with the wait after failed attempts shown as a countdown."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.errors import ServiceError
from app.services.core import council, login
from app.services.core.auth import Actor
from ui.dialogs.common import ok_cancel
from ui.messages import current_language


class LoginDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *, username: str = "", note: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self._wait = 0
        self.setWindowTitle(self.tr("Вхід — Hromada Desk"))
        profile = council.get_profile(db)
        title = QLabel(profile.council_name if profile else "Hromada Desk")
        title.setObjectName("login_council")
        title.setStyleSheet("font-size: 14pt; font-weight: 600; color: #1f3a5f;")
        title.setWordWrap(True)
        where = QLabel(self.tr("База даних: %1").replace("%1", db.describe()))
        where.setStyleSheet("color: #6b7785;")
        where.setWordWrap(True)

        self.username = QLineEdit(username)
        self.username.setObjectName("login_username")
        self.password = QLineEdit()
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Користувач:"), self.username)
        form.addRow(self.tr("Пароль:"), self.password)

        self.message = QLabel(note)
        self.message.setObjectName("login_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setVisible(bool(note))
        hint = QLabel(self.tr("Забули пароль? Адміністратор може задати новий у Налаштуваннях → Користувачі."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #6b7785;")

        self.buttons = ok_cancel(self, self.tr("Увійти"), cancel_text=self.tr("Вийти"))
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("login_ok")

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        (self.password if username else self.username).setFocus()

    def accept(self) -> None:
        if self._wait > 0:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.actor = login.authenticate(self.db, self.username.text(), self.password.text())
        except login.LoginRefused as exc:
            self._refused(exc.text(current_language()), exc.retry_after)
            return
        except ServiceError as exc:
            self._refused(exc.text(current_language()), None)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        super().accept()

    def _refused(self, text: str, retry_after: int | None) -> None:
        self.message.setText(text)
        self.message.setVisible(True)
        self.password.clear()
        self.password.setFocus()
        if retry_after:
            self._wait = retry_after
            self._tick_label()
            self.ok.setEnabled(False)
            self.timer.start()

    def _tick(self) -> None:
        self._wait -= 1
        if self._wait <= 0:
            self.timer.stop()
            self.ok.setEnabled(True)
            self.ok.setText(self.tr("Увійти"))
            return
        self._tick_label()

    def _tick_label(self) -> None:
        if self._wait >= 120:
            self.ok.setText(self.tr("Увійти (через %1 хв)").replace("%1", str((self._wait + 59) // 60)))
        else:
            self.ok.setText(self.tr("Увійти (через %1 с)").replace("%1", str(self._wait)))

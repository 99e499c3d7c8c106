"""Settings → Цей комп’ютер: which database this PC opens, and whether it opens directly as one user.

Both are per-PC preferences (QSettings), used from the next start. Administrators change them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError
from app.services.core import database_url, users
from app.services.core.auth import Permission
from ui import preferences
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service
from ui.login import auto_open_user, set_auto_open_user
from ui.messages import current_language, status


class ThisPcSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Цей комп’ютер"), parent)
        self.ctx = ctx
        self.setObjectName("this_pc_section")
        may_db = ctx.can(Permission.MANAGE_SETTINGS)
        may_users = ctx.can(Permission.MANAGE_USERS)

        current = QLabel(self.tr("Зараз відкрито: %1").replace("%1", ctx.db.describe()))
        current.setObjectName("current_database")
        current.setWordWrap(True)
        self.address = QLineEdit(preferences.get(preferences.DB_URL))
        self.address.setObjectName("database_address")
        self.address.setPlaceholderText(self.tr("порожньо — файл на цьому комп’ютері; або postgresql://користувач@сервер/база"))
        self.address.setEnabled(may_db)
        check = QPushButton(self.tr("Перевірити"))
        check.setObjectName("database_check")
        check.setEnabled(may_db)
        check.clicked.connect(self.check)
        save = QPushButton(self.tr("Зберегти"))
        save.setObjectName("database_save")
        save.setEnabled(may_db)
        save.clicked.connect(self.save_address)
        row = QHBoxLayout()
        row.addWidget(self.address, 1)
        row.addWidget(check)
        row.addWidget(save)
        self.result = QLabel()
        self.result.setObjectName("database_check_result")
        self.result.setWordWrap(True)
        self.result.setVisible(False)
        db_note = QLabel(self.tr(
            "Спільна база PostgreSQL дає змогу працювати з кількох комп’ютерів одночасно. Нова адреса діє після "
            "перезапуску програми; перенести наявні записи: hromada migrate-db --from ФАЙЛ --to АДРЕСА. "
            "Пароль, записаний в адресі, зберігається на цьому комп’ютері відкрито."))
        db_note.setWordWrap(True)
        db_note.setStyleSheet("color: #6b7785;")

        self.auto = QCheckBox(self.tr("Відкривати програму одразу від імені:"))
        self.auto.setObjectName("auto_open")
        self.auto_user = QComboBox()
        self.auto_user.setObjectName("auto_open_user")
        for u in users.list_users(ctx.db, active_only=True):
            self.auto_user.addItem(f"{u.display_name} ({u.username})", u.username)
        chosen = auto_open_user(ctx.db)
        self.auto.setChecked(bool(chosen))
        if chosen:
            self.auto_user.setCurrentIndex(max(0, self.auto_user.findData(chosen)))
        self.auto_user.setEnabled(bool(chosen) and may_users)
        self.auto.setEnabled(may_users)
        self.auto.toggled.connect(self.save_auto_open)
        self.auto_user.currentIndexChanged.connect(self.save_auto_open)
        auto_note = QLabel(self.tr(
            "Без пароля: будь-хто за цим комп’ютером працюватиме від імені обраного користувача. "
            "Вмикайте лише на комп’ютері, до якого мають доступ тільки свої (наприклад, пункт голосування)."))
        auto_note.setWordWrap(True)
        auto_note.setStyleSheet("color: #6b7785;")

        form = QFormLayout()
        form.addRow(self.tr("Адреса бази даних:"), row)
        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addLayout(form)
        layout.addWidget(self.result)
        layout.addWidget(db_note)
        auto_row = QHBoxLayout()
        auto_row.addWidget(self.auto)
        auto_row.addWidget(self.auto_user, 1)
        layout.addLayout(auto_row)
        layout.addWidget(auto_note)

    def check(self) -> bool:
        self.result.setVisible(True)
        try:
            outcome = database_url.probe(self.address.text())
        except ServiceError as exc:
            self.result.setText(exc.text(current_language()))
            self.result.setStyleSheet("color: #b00020;")
            return False
        self.result.setText(outcome.message)
        self.result.setStyleSheet("color: #1b6e3a;" if outcome.ok else "color: #b00020;")
        return outcome.ok

    def save_address(self) -> bool:
        value = call_service(self, lambda: database_url.clean(self.address.text()))
        if value is FAILED:
            return False
        preferences.put(preferences.DB_URL, value)
        self.address.setText(value)
        status(self, self.tr("Адресу бази даних збережено; вона діятиме після перезапуску програми.")
               if value else self.tr("Після перезапуску програма відкриє файл бази даних на цьому комп’ютері."))
        return True

    def save_auto_open(self) -> None:
        self.auto_user.setEnabled(self.auto.isChecked())
        username = self.auto_user.currentData() if self.auto.isChecked() else ""
        set_auto_open_user(self.ctx.db, username or "")
        if username:
            status(self, self.tr("Цей комп’ютер відкриватиме програму від імені «%1».").replace("%1", username))
        else:
            status(self, self.tr("Під час запуску програма питатиме користувача і пароль."))

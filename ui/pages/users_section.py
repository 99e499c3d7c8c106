"""Settings → Користувачі: one's own password for everyone; the list of users for administrators."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.formats import format_datetime, utc_to_local
from app.services.core import users
from app.services.core.auth import Permission
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service
from ui.dialogs.user_dialogs import PasswordDialog, UserDialog
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import confirm, status
from ui.models.table import Column, RowTableModel
from ui.widgets.common import table_view


class UsersSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Користувачі"), parent)
        self.ctx = ctx
        self.setObjectName("users_section")
        lang = ctx.language
        me = ctx.actor
        role = me.role.label_en if lang == "en" else me.role.label_uk
        who = QLabel(self.tr("Ви увійшли як %1 («%2»), %3.").replace("%1", me.display_name)
                     .replace("%2", me.username).replace("%3", role))
        who.setWordWrap(True)
        own = QPushButton(self.tr("Змінити мій пароль…"))
        own.setObjectName("change_own_password")
        own.setEnabled(me.user_id is not None)
        own.clicked.connect(self.change_own_password)
        mine = QHBoxLayout()
        mine.addWidget(who, 1)
        mine.addWidget(own)
        layout = QVBoxLayout(self)
        layout.addLayout(mine)

        self.model: RowTableModel[users.UserView] | None = None
        if not ctx.can(Permission.MANAGE_USERS):
            return
        points = dict(users.voting_point_choices(ctx.db))
        columns = [
            Column(_N("Columns", "Користувач"), lambda u: u.username),
            Column(_N("Columns", "Прізвище та ім’я"), lambda u: u.full_name),
            Column(_N("Columns", "Роль"), lambda u: u.role.label_en if lang == "en" else u.role.label_uk),
            Column(_N("Columns", "Пункт голосування"),
                   lambda u: points.get(u.voting_point_id, "") if u.voting_point_id else ""),
            Column(_N("Columns", "Стан"), self._state),
            Column(_N("Columns", "Останній вхід"),
                   lambda u: format_datetime(utc_to_local(u.last_login_at)) if u.last_login_at else "",
                   sort_key=lambda u: u.last_login_at),
        ]
        self.model = RowTableModel(columns, self, background=self._background)
        self.view = table_view(self)
        self.view.setObjectName("users_table")
        self.view.setModel(self.model)
        self.view.setMinimumHeight(180)
        self.view.doubleClicked.connect(lambda *_: self.edit())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

        self.add_button = QPushButton(self.tr("Додати…"))
        self.add_button.setObjectName("user_add")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("Змінити…"))
        self.edit_button.setObjectName("user_edit")
        self.edit_button.clicked.connect(self.edit)
        self.active_button = QPushButton(self.tr("Вимкнути"))
        self.active_button.setObjectName("user_toggle_active")
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button = QPushButton(self.tr("Новий пароль…"))
        self.reset_button.setObjectName("user_reset_password")
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton(self.tr("Розблокувати"))
        self.unlock_button.setObjectName("user_unlock")
        self.unlock_button.clicked.connect(self.unlock)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button, self.reset_button, self.unlock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel(self.tr("Користувачів не видаляють: вимкнений користувач не може увійти, "
                              "а його дії лишаються в журналі змін."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b7785;")
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(note)
        self.refresh()

    def _state(self, u: users.UserView) -> str:
        if not u.is_active:
            return self.tr("вимкнено")
        if u.locked and u.locked_until is not None:
            return self.tr("заблоковано до %1").replace("%1", format_datetime(utc_to_local(u.locked_until)))
        if not u.has_password:
            return self.tr("пароль не задано")
        return self.tr("активний")

    @staticmethod
    def _background(u: users.UserView) -> QColor | None:
        if not u.is_active:
            return QColor("#eeeeee")
        if u.locked:
            return QColor("#fde2e1")
        return None

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self.model is None:
            return
        selected = self.selected()
        self.model.set_rows(users.list_users(self.ctx.db))
        if selected is not None:
            for row, u in enumerate(self.model.rows()):
                if u.id == selected.id:
                    self.view.selectRow(row)
        self.view.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> users.UserView | None:
        if self.model is None:
            return None
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_user(self, username: str) -> None:
        assert self.model is not None
        for row, u in enumerate(self.model.rows()):
            if u.username == username:
                self.view.selectRow(row)
                return

    def _update_buttons(self) -> None:
        user = self.selected()
        for button in (self.edit_button, self.active_button, self.reset_button):
            button.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and (user.locked or user.failed_logins > 0))
        self.active_button.setText(self.tr("Увімкнути") if user is not None and not user.is_active
                                   else self.tr("Вимкнути"))

    def _done(self, text: str) -> None:
        self.refresh()
        status(self, text)
        self.ctx.notify("users")

    def add(self) -> None:
        dialog = UserDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._done(self.tr("Користувача «%1» додано.").replace("%1", dialog.saved.username))
            self.select_user(dialog.saved.username)

    def edit(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = UserDialog(self.ctx, self, user)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(self.tr("Зміни збережено."))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.is_active and not confirm(self, self.tr(
                "Вимкнути користувача «%1»? Він не зможе увійти; його дії лишаться в журналі змін.")
                .replace("%1", user.username)):
            return
        if call_service(self, lambda: users.set_active(self.ctx.db, self.ctx.actor, user.id,
                                                       not user.is_active)) is FAILED:
            return
        self._done(self.tr("Користувача «%1» увімкнено.").replace("%1", user.username) if not user.is_active
                   else self.tr("Користувача «%1» вимкнено.").replace("%1", user.username))

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        if PasswordDialog(self.ctx, self, user).exec() == QDialog.DialogCode.Accepted:
            self._done(self.tr("Пароль користувача «%1» змінено.").replace("%1", user.username))

    def unlock(self) -> None:
        user = self.selected()
        if user is None:
            return
        if call_service(self, lambda: users.unlock_user(self.ctx.db, self.ctx.actor, user.id)) is FAILED:
            return
        self._done(self.tr("Користувача «%1» розблоковано.").replace("%1", user.username))

    def change_own_password(self) -> None:
        if PasswordDialog(self.ctx, self).exec() == QDialog.DialogCode.Accepted:
            status(self, self.tr("Ваш пароль змінено."))
            self.refresh()

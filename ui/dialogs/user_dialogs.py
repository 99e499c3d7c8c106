"""Editing a user (administrators) and entering a new password (anyone for their own, administrators for a reset)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.core import login, users
from app.services.core.auth import Role
from ui.context import AppContext
from ui.dialogs.common import FAILED, accept_after, call_service, ok_cancel


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class UserDialog(QDialog):
    """A new user (with a first password) or an existing one (role, name, voting point)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, user: users.UserView | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.saved: users.UserView | None = None
        self.setWindowTitle(self.tr("Новий користувач") if user is None else
                            self.tr("Користувач «%1»").replace("%1", user.username))
        self.username = QLineEdit(user.username if user else "")
        self.username.setObjectName("user_username")
        self.username.setReadOnly(user is not None)
        self.full_name = QLineEdit(user.full_name if user else "")
        self.full_name.setObjectName("user_full_name")
        self.role = QComboBox()
        self.role.setObjectName("user_role")
        for role in Role:
            self.role.addItem(role.label_en if ctx.language == "en" else role.label_uk, role.value)
        self.role.setCurrentIndex(self.role.findData((user.role if user else Role.CLERK).value))
        self.point = QComboBox()
        self.point.setObjectName("user_voting_point")
        self.point.addItem(self.tr("—"), None)
        for point_id, name in users.voting_point_choices(ctx.db):
            self.point.addItem(name, point_id)
        if user and user.voting_point_id is not None:
            self.point.setCurrentIndex(max(0, self.point.findData(user.voting_point_id)))
        self.role.currentIndexChanged.connect(self._role_changed)

        form = QFormLayout()
        form.addRow(self.tr("Ім’я для входу:"), self.username)
        form.addRow(self.tr("Прізвище та ім’я:"), self.full_name)
        form.addRow(self.tr("Роль:"), self.role)
        self.point_label = QLabel(self.tr("Пункт голосування:"))
        form.addRow(self.point_label, self.point)
        self.password = _password_field("user_password")
        self.confirm = _password_field("user_password_confirm")
        if user is None:
            form.addRow(self.tr("Пароль:"), self.password)
            form.addRow(self.tr("Пароль ще раз:"), self.confirm)
        self.role_hint = QLabel()
        self.role_hint.setWordWrap(True)
        self.role_hint.setStyleSheet("color: #6b7785;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.role_hint)
        layout.addWidget(ok_cancel(self, self.tr("Зберегти")))
        self._role_changed()
        self.setMinimumWidth(440)

    def selected_role(self) -> Role:
        return Role(self.role.currentData())

    def _role_changed(self) -> None:
        operator = self.selected_role() is Role.OPERATOR
        self.point.setVisible(operator)
        self.point_label.setVisible(self.point.isVisible())
        hints = {
            Role.ADMIN: self.tr("Усе, зокрема налаштування, користувачі, резервні копії та відновлення."),
            Role.CLERK: self.tr("Усі записи і звіти; без користувачів, налаштувань ради і резервних копій."),
            Role.OPERATOR: self.tr("Лише введення бюлетенів і підписів на своєму пункті голосування."),
            Role.VIEWER: self.tr("Лише перегляд записів і звітів."),
        }
        self.role_hint.setText(hints[self.selected_role()])

    def data(self) -> users.UserData:
        return users.UserData(self.username.text(), self.full_name.text(), self.selected_role(),
                              self.point.currentData() if self.point.isVisible() else None)

    def accept(self) -> None:
        accept_after(self, self._save)

    def _save(self) -> None:
        if self.user is None:
            self.saved = users.create_user(self.ctx.db, self.ctx.actor, self.data(), self.password.text(),
                                           self.confirm.text())
        else:
            self.saved = users.update_user(self.ctx.db, self.ctx.actor, self.user.id, self.data(),
                                           self.user.version)


class PasswordDialog(QDialog):
    """A new password typed twice; with ``user`` it is an administrator's reset, else one's own change."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, user: users.UserView | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        form = QFormLayout()
        self.current = _password_field("password_current")
        if user is None:
            self.setWindowTitle(self.tr("Зміна мого пароля"))
            form.addRow(self.tr("Поточний пароль:"), self.current)
        else:
            self.setWindowTitle(self.tr("Новий пароль для «%1»").replace("%1", user.username))
        self.new = _password_field("password_new")
        self.confirm = _password_field("password_confirm")
        form.addRow(self.tr("Новий пароль:"), self.new)
        form.addRow(self.tr("Новий пароль ще раз:"), self.confirm)
        layout = QVBoxLayout(self)
        if user is not None:
            note = QLabel(self.tr("Повідомте користувачеві новий пароль; він зможе змінити його сам. "
                                  "Блокування після невдалих спроб входу буде знято."))
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, self.tr("Змінити пароль")))
        self.setMinimumWidth(400)

    def accept(self) -> None:
        if call_service(self, self._save) is FAILED:
            self.current.clear()
            return
        super().accept()

    def _save(self) -> None:
        if self.user is None:
            login.change_own_password(self.ctx.db, self.ctx.actor, self.current.text(), self.new.text(),
                                      self.confirm.text())
        else:
            users.reset_password(self.ctx.db, self.ctx.actor, self.user.id, self.new.text(), self.confirm.text())

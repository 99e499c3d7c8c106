"""Small form helpers for the council pages: dates (optional too), enum combos, record pickers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QWidget

from ui.widgets.dates import date_of, qdate


def date_edit(value: dt.date | None = None, object_name: str = "") -> QDateEdit:
    edit = QDateEdit(qdate(value) if value else QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setMinimumDate(QDate(1991, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    if object_name:
        edit.setObjectName(object_name)
    return edit


class OptionalDate(QWidget):
    """A date that may be absent: a checkbox enables the date edit."""

    def __init__(self, label: str, value: dt.date | None = None, object_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = date_edit(value)
        if object_name:
            self.setObjectName(object_name)
            self.check.setObjectName(object_name + "_set")
            self.edit.setObjectName(object_name + "_date")
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)

    def value(self) -> dt.date | None:
        return date_of(self.edit) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(qdate(value))


def enum_combo(enum: type[StrEnum], current: str | None = None, language: str = "uk", *,
               blank: str | None = None, object_name: str = "") -> QComboBox:
    combo = QComboBox()
    if object_name:
        combo.setObjectName(object_name)
    if blank is not None:
        combo.addItem(blank, "")
    for member in enum:
        label = getattr(member, "label_en" if language == "en" else "label_uk", member.value)
        combo.addItem(label, member.value)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def record_combo(choices: Iterable[tuple[int, str]], current: int | None = None, *, blank: str | None = None,
                 object_name: str = "") -> QComboBox:
    combo = QComboBox()
    if object_name:
        combo.setObjectName(object_name)
    if blank is not None:
        combo.addItem(blank, None)
    for record_id, label in choices:
        combo.addItem(label, record_id)
    if current is not None:
        combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo

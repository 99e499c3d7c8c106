"""Settings section: the working-day calendar used for every deadline (holidays year by year, working Saturdays)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import default_holidays
from app.domain.formats import format_date
from app.services.core import holidays
from app.services.core.auth import Permission
from app.services.core.holidays import CalendarSettings, HolidayEntry
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service
from ui.dialogs.petition_dialogs import date_edit
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import confirm, status
from ui.models.table import Column, RowTableModel
from ui.widgets.common import table_view
from ui.widgets.dates import date_of, qdate

WEEKDAYS = ("пн", "вт", "ср", "чт", "пт", "сб", "нд")
WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class CalendarLine:
    date: dt.date
    name: str
    working: bool  # an extra working day (a Saturday worked), not a holiday
    day_off: dt.date | None


def calendar_columns(lang: str) -> list[Column[CalendarLine]]:
    weekdays = WEEKDAYS_EN if lang == "en" else WEEKDAYS
    working = QCoreApplication.translate("HolidaysSection", "робочий день")
    moved = QCoreApplication.translate("HolidaysSection", "переноситься на %1")
    day_off = QCoreApplication.translate("HolidaysSection", "вихідний")

    def day(d: dt.date) -> str:
        return f"{format_date(d)} ({weekdays[d.weekday()]})"

    return [
        Column(_N("Columns", "Дата"), lambda r: day(r.date), sort_key=lambda r: r.date),
        Column(_N("Columns", "Назва"), lambda r: r.name),
        Column(_N("Columns", "Вихідний у мирний час"),
               lambda r: working if r.working else (
                   moved.replace("%1", day(r.day_off)) if r.day_off
                   else ("—" if r.date.weekday() >= 5 else day_off))),
    ]


class HolidaysSection(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Календар робочих днів для строків"), parent)
        self.setObjectName("holidays_section")
        self.ctx = ctx
        self.entries: list[HolidayEntry] = []
        self.extras: list[dt.date] = []
        editable = ctx.can(Permission.MANAGE_SETTINGS)
        self.martial = QLabel()
        self.martial.setObjectName("holidays_martial_state")
        self.martial.setWordWrap(True)
        self.year = QSpinBox()
        self.year.setObjectName("holidays_year")
        self.year.setRange(holidays.FIRST_YEAR, holidays.LAST_YEAR)
        self.year.setValue(ctx.today().year)
        self.year.valueChanged.connect(self.load)
        self.source = QLabel()
        self.source.setObjectName("holidays_source")
        self.model: RowTableModel[CalendarLine] = RowTableModel(
            calendar_columns(ctx.language), self, background=lambda r: QColor("#e6f2ea") if r.working else None)
        self.view = table_view(self)
        self.view.setObjectName("holidays_table")
        self.view.setModel(self.model)
        self.view.setMinimumHeight(370)
        self.new_date = date_edit(ctx.today(), "holidays_new_date")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("holidays_new_name")
        self.new_name.setPlaceholderText(self.tr("Назва свята або причина"))
        add = QPushButton(self.tr("Додати неробочий день"))
        add.setObjectName("holidays_add")
        add.clicked.connect(self.add_holiday)
        add_working = QPushButton(self.tr("Додати робочу суботу/неділю"))
        add_working.clicked.connect(self.add_working_day)
        remove = QPushButton(self.tr("Видалити вибране"))
        remove.setObjectName("holidays_remove")
        remove.clicked.connect(self.remove_selected)
        statutory = QPushButton(self.tr("Типовий перелік року"))
        statutory.clicked.connect(self.reset_statutory)
        save = QPushButton(self.tr("Зберегти календар року"))
        save.setObjectName("holidays_save")
        save.clicked.connect(self.save)
        for widget in (self.new_date, self.new_name, add, add_working, remove, statutory, save):
            widget.setEnabled(editable)

        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Рік:")))
        year_row.addWidget(self.year)
        year_row.addWidget(self.source, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_date)
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(add)
        add_row.addWidget(add_working)
        buttons = QHBoxLayout()
        buttons.addWidget(remove)
        buttons.addWidget(statutory)
        buttons.addStretch(1)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.martial)
        layout.addLayout(year_row)
        layout.addWidget(self.view)
        layout.addLayout(add_row)
        layout.addLayout(buttons)
        ctx.signals.changed.connect(lambda area: self.load() if area == "settings" else None)
        self.load()

    def load(self) -> None:
        """Read the calendar settings again and show the chosen year."""
        cal = holidays.calendar_settings(self.ctx.db)
        year = self.year.value()
        self.entries = cal.holidays_of(year)
        self.extras = [d for d in cal.extra_working_days if d.year == year]
        if cal.martial_law:
            self.martial.setText(self.tr(
                "Діє воєнний стан (правило «Воєнний стан» вище): святкові дні є робочими, і строки рахуються лише "
                "без субот і неділь. Перелік нижче зберігається на час після воєнного стану."))
            self.martial.setStyleSheet("color: #8a3b12; font-weight: 600;")
        else:
            self.martial.setText(self.tr(
                "Святкові дні — вихідні; свято, що припадає на суботу чи неділю, переносить вихідний на наступний "
                "робочий день (ст. 67 КЗпП). Строк, що закінчується у вихідний, переходить на наступний робочий."))
            self.martial.setStyleSheet("color: #1b6e3a;")
        self._show(statutory=cal.is_statutory(year))

    def _show(self, *, statutory: bool) -> None:
        preview = CalendarSettings(False, tuple(self.entries), tuple(self.extras))
        names = {h.name_uk: h.name_en for h in default_holidays(self.year.value())} \
            if self.ctx.language == "en" else {}  # the statutory names in English; the council's own as typed
        lines = [CalendarLine(d.holiday.date, names.get(d.holiday.name, d.holiday.name), False, d.day_off)
                 for d in holidays.days_off(preview, self.year.value())] if self.entries else []
        lines += [CalendarLine(d, self.tr("Робочий день"), True, None) for d in self.extras]
        self.model.set_rows(sorted(lines, key=lambda line: line.date))
        self.view.resizeColumnsToContents()
        self.source.setText(self.tr("типовий перелік (ст. 73 КЗпП)") if statutory
                            else self.tr("перелік, змінений радою"))

    def add_holiday(self) -> None:
        day = date_of(self.new_date)
        if day.year != self.year.value():
            self.year.setValue(day.year)
        self.entries = [e for e in self.entries if e.date != day] + [HolidayEntry(day, self.new_name.text().strip())]
        self.new_name.clear()
        self._show(statutory=False)

    def add_working_day(self) -> None:
        day = date_of(self.new_date)
        if day.year != self.year.value():
            self.year.setValue(day.year)
        self.extras = sorted(set(self.extras) | {day})
        self._show(statutory=False)

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        line = self.model.row_at(index.row())
        if line.working:
            self.extras = [d for d in self.extras if d != line.date]
        else:
            self.entries = [e for e in self.entries if e.date != line.date]
        self._show(statutory=False)

    def reset_statutory(self) -> None:
        self.entries = holidays.statutory_holidays(self.year.value())
        self.extras = []
        self._show(statutory=True)

    def save(self) -> bool:
        year = self.year.value()
        if not self.entries and not confirm(self, self.tr(
                "У переліку немає жодного свята: для %1 року буде застосовано типовий перелік. Продовжити?")
                .replace("%1", str(year))):
            return False
        if call_service(self, lambda: holidays.save_year(self.ctx.db, self.ctx.actor, year, self.entries,
                                                         self.extras)) is FAILED:
            return False
        status(self, self.tr("Календар %1 року збережено.").replace("%1", str(year)))
        self.ctx.notify("settings")
        return True

    def select_date(self, day: dt.date) -> None:
        """Select the line of ``day`` (tests and keyboard users)."""
        for i, line in enumerate(self.model.rows()):
            if line.date == day:
                self.view.selectRow(i)
                return
        self.new_date.setDate(qdate(day))

"""Settings: the working-day calendar section edits holidays year by year."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app.services.core import holidays
from tests.ui.keys import type_text
from ui.main_window import MainWindow
from ui.widgets.holidays_section import HolidaysSection


def test_holiday_list_is_edited_and_saved(qtbot: QtBot, window: MainWindow) -> None:
    page = window.show_page("settings")
    section = page.findChild(HolidaysSection)
    assert section is not None
    assert "Діє воєнний стан" in section.martial.text()
    section.year.setValue(2026)
    assert section.source.text() == "типовий перелік (ст. 73 КЗпП)"
    assert section.model.rowCount() == 11
    easter = next(r for r in section.model.rows() if r.date == dt.date(2026, 4, 12))
    assert section.model.index(section.model.rows().index(easter), 2).data() == "переноситься на 13.04.2026 (пн)"

    section.new_date.setDate(QDate(2026, 9, 14))
    section.new_name.setFocus()
    type_text(section.new_name, "День села Вишнівка")
    section.add_holiday()
    section.new_date.setDate(QDate(2026, 9, 19))
    section.add_working_day()
    section.select_date(dt.date(2026, 3, 8))
    section.remove_selected()
    assert section.source.text() == "перелік, змінений радою"
    assert section.save()
    cal = holidays.calendar_settings(window.ctx.db)
    assert dt.date(2026, 9, 14) in {h.date for h in cal.holidays_of(2026)}
    assert dt.date(2026, 3, 8) not in {h.date for h in cal.holidays_of(2026)}
    assert cal.extra_working_days == (dt.date(2026, 9, 19),)

    holidays.set_martial_law(window.ctx.db, window.ctx.actor, False)
    window.ctx.notify("settings")
    assert "Святкові дні — вихідні" in section.martial.text()
    assert not holidays.working_calendar(window.ctx.db).is_working_day(dt.date(2026, 9, 14))

    section.reset_statutory()
    assert section.save()
    assert holidays.calendar_settings(window.ctx.db).is_statutory(2026)

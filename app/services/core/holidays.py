"""The council's working-day calendar: which days the office is closed, for every deadline.

Three council settings, kept apart as :mod:`app.domain.calendar` explains:

* ``calendar.martial_law`` — under martial law (in force since 24.02.2022) public
  holidays are ordinary working days and nothing is transferred (Law № 2136-IX, art. 6).
  On by default: that is the law as it stands; a council turns it off when martial
  law ends. While it is on, the holiday list below is kept but not applied.
* ``calendar.holidays`` — the public holidays, as ``{"date": "YYYY-MM-DD", "name": "…"}``
  entries, edited year by year in Settings. A year with no entries follows the statutory
  list (:func:`app.domain.calendar.default_holidays`); once the clerk saves a year, the
  saved list is that year's list. In peacetime a holiday on a weekend gives the next
  working day off (:func:`app.domain.calendar.holiday_days_off`).
* ``calendar.extra_working_days`` — dates declared working although they fall on a
  weekend (a Saturday worked to bridge a day off), ISO strings.

:func:`working_calendar` builds a :class:`~app.domain.calendar.WorkingCalendar` from them;
petitions and appeals call it for every deadline.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.db.engine import Database
from app.domain.calendar import WorkingCalendar, default_holidays, holiday_days_off
from app.domain.deadlines import DUE_SOON_WORKING_DAYS
from app.domain.formats import format_date
from app.errors import ValidationError
from app.services.core import settings
from app.services.core.auth import Actor, Permission, require
from app.services.core.settings import SettingDef

MARTIAL_LAW = SettingDef(
    "calendar.martial_law", bool, True,
    "Воєнний стан: святкові дні є робочими (перелік свят не застосовується)",
    "Martial law: public holidays are working days (the holiday list is not applied)",
)
HOLIDAYS = SettingDef(
    "calendar.holidays", list, [], "Святкові та неробочі дні", "Public holidays and days off",
)
EXTRA_WORKING_DAYS = SettingDef(
    "calendar.extra_working_days", list, [], "Робочі дні, що припадають на вихідні", "Working days on weekends",
)
DUE_SOON_DAYS = SettingDef(
    "deadlines.due_soon_working_days", int, DUE_SOON_WORKING_DAYS,
    "Строки: попереджати за стільки робочих днів", "Deadlines: warn this many working days ahead", 0, 30,
)

# The calendar covers these years; deadlines outside them are not a council's business.
FIRST_YEAR = 2000
LAST_YEAR = 2075


@dataclass(frozen=True, order=True)
class HolidayEntry:
    """A public holiday (or another non-working day) on a date."""

    date: dt.date
    name: str


@dataclass(frozen=True)
class CalendarSettings:
    """The three calendar settings as plain values."""

    martial_law: bool
    holidays: tuple[HolidayEntry, ...]  # as saved (only the years the council edited)
    extra_working_days: tuple[dt.date, ...]

    def saved_years(self) -> set[int]:
        return {h.date.year for h in self.holidays}

    def holidays_of(self, year: int) -> list[HolidayEntry]:
        """The holidays of ``year``: the saved list, or the statutory one when that year was never edited."""
        saved = sorted(h for h in self.holidays if h.date.year == year)
        return saved or statutory_holidays(year)

    def is_statutory(self, year: int) -> bool:
        """True when ``year`` follows the statutory list (never edited)."""
        return year not in self.saved_years()


def statutory_holidays(year: int) -> list[HolidayEntry]:
    """Labour Code art. 73 holidays of ``year`` (Orthodox Easter and Trinity), see app.domain.calendar."""
    return [HolidayEntry(h.date, h.name_uk) for h in default_holidays(year)]


def _parse_entries(raw: Any) -> tuple[HolidayEntry, ...]:
    entries = []
    for item in raw or []:
        try:
            entries.append(HolidayEntry(dt.date.fromisoformat(item["date"]), str(item.get("name", ""))))
        except (KeyError, TypeError, ValueError):
            continue  # a hand-edited, broken entry is skipped rather than breaking every deadline
    return tuple(sorted(entries))


def _parse_dates(raw: Any) -> tuple[dt.date, ...]:
    dates = []
    for item in raw or []:
        try:
            dates.append(dt.date.fromisoformat(str(item)))
        except ValueError:
            continue
    return tuple(sorted(set(dates)))


def calendar_settings(db: Database) -> CalendarSettings:
    values = settings.get_values(db, (MARTIAL_LAW, HOLIDAYS, EXTRA_WORKING_DAYS))
    return CalendarSettings(
        martial_law=bool(values[MARTIAL_LAW.key]),
        holidays=_parse_entries(values[HOLIDAYS.key]),
        extra_working_days=_parse_dates(values[EXTRA_WORKING_DAYS.key]),
    )


@lru_cache(maxsize=16)
def _build(cal: CalendarSettings) -> WorkingCalendar:
    if cal.martial_law:
        return WorkingCalendar((), cal.extra_working_days)
    dates: list[dt.date] = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        dates.extend(h.date for h in cal.holidays_of(year))
    return WorkingCalendar(holiday_days_off(dates), cal.extra_working_days)


def calendar_from(cal: CalendarSettings) -> WorkingCalendar:
    """The working calendar these settings describe (cached: settings rarely change)."""
    return _build(cal)


def working_calendar(db: Database) -> WorkingCalendar:
    """The council's working calendar, as its settings stand now."""
    return calendar_from(calendar_settings(db))


def due_soon_days(db: Database) -> int:
    return int(settings.get(db, DUE_SOON_DAYS))


@dataclass(frozen=True)
class DayOff:
    """One line of the calendar view: a holiday and the day off it gives (if transferred)."""

    holiday: HolidayEntry
    day_off: dt.date | None  # the transferred day off when the holiday falls on a weekend, else None


def days_off(cal: CalendarSettings, year: int) -> list[DayOff]:
    """The holidays of ``year`` with the peacetime transfer of those that fall on a weekend."""
    holidays = cal.holidays_of(year)
    off = set(holiday_days_off(h.date for h in holidays))
    transferred = sorted(off - {h.date for h in holidays})
    lines = []
    for h in holidays:
        moved = None
        if h.date.weekday() >= 5:
            moved = next((d for d in transferred if d > h.date), None)
            if moved is not None:
                transferred.remove(moved)
        lines.append(DayOff(h, moved))
    return lines


def _check_entries(entries: Sequence[HolidayEntry]) -> list[HolidayEntry]:
    problems = []
    seen: dict[dt.date, str] = {}
    clean = []
    for entry in entries:
        name = " ".join(entry.name.split())
        if not name:
            problems.append(f"Вкажіть назву свята на {format_date(entry.date)}.")
        if entry.date in seen:
            problems.append(f"Дата {format_date(entry.date)} повторюється («{seen[entry.date]}» і «{name}»).")
        seen[entry.date] = name
        if not FIRST_YEAR <= entry.date.year <= LAST_YEAR:
            problems.append(f"Дата {format_date(entry.date)} поза межами {FIRST_YEAR}–{LAST_YEAR} років.")
        clean.append(HolidayEntry(entry.date, name))
    if problems:
        raise ValidationError(" ".join(problems), "The holiday list has errors.")
    return sorted(clean)


def save_year(
    db: Database,
    actor: Actor,
    year: int,
    holidays: Iterable[HolidayEntry],
    extra_working_days: Iterable[dt.date] = (),
) -> CalendarSettings:
    """Replace the holidays and extra working days of ``year`` (one transaction, audited).

    Saving exactly the statutory list of that year removes the year's entries instead, so it
    keeps following the statutory list.
    """
    require(actor, Permission.MANAGE_SETTINGS)
    entries = list(holidays)
    outside = [h for h in entries if h.date.year != year] + [d for d in extra_working_days if d.year != year]
    if outside:
        raise ValidationError(f"Усі дати мають належати до {year} року.", f"All dates must be in {year}.")
    clean = _check_entries(entries)
    extras = sorted(set(extra_working_days))
    weekday_extras = [d for d in extras if d.weekday() < 5]
    if weekday_extras:
        raise ValidationError(
            "Робочим можна оголосити лише суботу чи неділю; "
            + ", ".join(format_date(d) for d in weekday_extras) + " — і так робочі дні.",
            "Only a Saturday or Sunday can be declared a working day.",
        )
    clash = sorted({h.date for h in clean} & set(extras))
    if clash:
        raise ValidationError(
            "Дата не може бути водночас святом і робочим днем: " + ", ".join(format_date(d) for d in clash) + ".",
            "A date cannot be both a holiday and a working day.",
        )
    current = calendar_settings(db)
    if clean == statutory_holidays(year):
        clean = []
    kept = [h for h in current.holidays if h.date.year != year]
    kept_extras = [d for d in current.extra_working_days if d.year != year]
    settings.set_values(db, actor, {
        HOLIDAYS: [{"date": h.date.isoformat(), "name": h.name} for h in sorted(kept + clean)],
        EXTRA_WORKING_DAYS: [d.isoformat() for d in sorted(kept_extras + extras)],
    })
    return calendar_settings(db)


def set_martial_law(db: Database, actor: Actor, martial_law: bool) -> None:
    require(actor, Permission.MANAGE_SETTINGS)
    settings.set_values(db, actor, {MARTIAL_LAW: bool(martial_law)})


__all__ = [
    "CalendarSettings",
    "DayOff",
    "HolidayEntry",
    "calendar_from",
    "calendar_settings",
    "days_off",
    "due_soon_days",
    "save_year",
    "set_martial_law",
    "statutory_holidays",
    "working_calendar",
]

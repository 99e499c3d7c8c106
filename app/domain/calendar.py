"""Working-day calendar: weekends, Ukrainian public holidays and transferred days off.

Why this exists: statutory deadlines (citizens' appeals, e-petitions) end on a
*working* day, and some are counted *in* working days. Both need to know which
days the council office is closed.

Three separate ideas, kept apart on purpose:

1. **Which days are public holidays** (:func:`default_holidays`). The list follows
   art. 73 of the Labour Code of Ukraine as amended in 2023 (Law № 3107-IX of
   29.05.2023: 8 May instead of 9 May; the law from bill № 9431, signed
   28.07.2023: Christmas only on 25 December, Statehood Day on 15 July instead
   of 28 July, Defenders Day on 1 October instead of 14 October). Easter and
   Trinity still follow the Orthodox (Julian) paschalion, computed here and
   converted to the Gregorian calendar. The same list is produced for any year
   asked; it does not reproduce the older lists in force before mid-2023.

2. **Which of those holidays are days off.** In peacetime a holiday is a day
   off, and when it falls on a weekend the day off moves to the next working
   day (Labour Code art. 67 part 3), see :func:`holiday_days_off`. Under martial
   law (in force since 24.02.2022) art. 73 and art. 67 parts 3-5 are not applied
   (Law № 2136-IX "On the organisation of labour relations under martial law",
   art. 6): holidays are ordinary working days and nothing is transferred. A
   council under martial law therefore builds its calendar with no holiday
   dates at all: ``WorkingCalendar(())``.

3. **The calendar itself** (:class:`WorkingCalendar`) just takes dates. The
   council keeps an editable list of non-working dates (it can start from
   :func:`holiday_days_off` of :func:`default_holidays`, or stay empty under
   martial law) and of extra working days (a Saturday declared working, as the
   Cabinet used to do when moving days off). Nothing here knows whether martial
   law is in force: that is the council's setting, not a rule we can compute.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

SATURDAY = 5
SUNDAY = 6
DEFAULT_WEEKEND: tuple[int, ...] = (SATURDAY, SUNDAY)

TRINITY_OFFSET_DAYS = 49  # Trinity (Pentecost) is the seventh Sunday after Easter


@dataclass(frozen=True, order=True)
class Holiday:
    """A public holiday or religious non-working day on a concrete date."""

    date: dt.date
    name_uk: str
    name_en: str


# (month, day, Ukrainian name, English name): fixed-date holidays of art. 73.
_FIXED_HOLIDAYS: tuple[tuple[int, int, str, str], ...] = (
    (1, 1, "Новий рік", "New Year's Day"),
    (3, 8, "Міжнародний жіночий день", "International Women's Day"),
    (5, 1, "День праці", "Labour Day"),
    (
        5,
        8,
        "День пам’яті та перемоги над нацизмом у Другій світовій війні 1939–1945 років",
        "Day of Remembrance and Victory over Nazism in World War II 1939–1945",
    ),
    (6, 28, "День Конституції України", "Constitution Day"),
    (7, 15, "День Української Державності", "Ukrainian Statehood Day"),
    (8, 24, "День Незалежності України", "Independence Day"),
    (10, 1, "День захисників і захисниць України", "Defenders Day"),
    (12, 25, "Різдво Христове", "Christmas Day"),
)


def orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday (Julian paschalion) as a Gregorian date.

    Meeus' Julian algorithm, then the Julian→Gregorian shift for that century
    (13 days in 1900–2099, 14 days in 2100–2199). E.g. 2025 → 20 April,
    2026 → 12 April.
    """
    if not 1583 <= year <= 4099:
        raise ValueError(f"Рік поза підтримуваним діапазоном 1583–4099: {year}")
    a = year % 4
    b = year % 7
    c = year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_shift = year // 100 - year // 400 - 2
    # Build the Julian month/day on the Gregorian calendar, then add the shift.
    return dt.date(year, month, day + 1) + dt.timedelta(days=julian_shift)


def default_holidays(year: int) -> list[Holiday]:
    """Holidays and religious non-working days of Labour Code art. 73 in ``year``, sorted by date.

    Easter and Trinity are the Orthodox dates. Whether these are actually days
    off is a separate question (martial law): see the module docstring.
    """
    easter = orthodox_easter(year)
    holidays = [Holiday(dt.date(year, month, day), uk, en) for month, day, uk, en in _FIXED_HOLIDAYS]
    holidays.append(Holiday(easter, "Великдень (Пасха)", "Easter Sunday"))
    holidays.append(Holiday(easter + dt.timedelta(days=TRINITY_OFFSET_DAYS), "Трійця", "Trinity Sunday"))
    holidays.sort()
    return holidays


def _check_weekend(weekend: Iterable[int]) -> frozenset[int]:
    days = frozenset(weekend)
    if any(not 0 <= day <= 6 for day in days):
        raise ValueError("Вихідні дні тижня задаються числами 0 (понеділок) … 6 (неділя)")
    if len(days) == 7:
        raise ValueError("Усі дні тижня не можуть бути вихідними")
    return days


def holiday_days_off(holidays: Iterable[dt.date], *, weekend: Iterable[int] = DEFAULT_WEEKEND) -> list[dt.date]:
    """Peacetime days off for ``holidays``, with the Labour Code art. 67 transfer applied.

    Every holiday is a day off; a holiday on a weekend day also gives the next
    day that is neither a weekend day, a holiday nor an already transferred day
    off (Easter Sunday → Monday). Returns sorted dates. Not for martial law,
    when holidays are working days: see the module docstring.
    """
    weekend_days = _check_weekend(weekend)
    off = set(holidays)
    for holiday in sorted(off):
        if holiday.weekday() not in weekend_days:
            continue
        candidate = holiday + dt.timedelta(days=1)
        while candidate.weekday() in weekend_days or candidate in off:
            candidate += dt.timedelta(days=1)
        off.add(candidate)
    return sorted(off)


class WorkingCalendar:
    """Which days are working days, given non-working dates, extra working dates and the weekend.

    A day is a working day when it is listed in ``extra_working_days`` (that
    list wins over everything, e.g. a Saturday declared working), or else when
    it is neither in ``holidays`` nor a weekend day. ``holidays`` means *dates on
    which the office does not work* (transfers already applied), not the
    names of feasts: see the module docstring. ``weekend`` holds weekday
    numbers, Monday = 0 … Sunday = 6.
    """

    __slots__ = ("_holidays", "_extra", "_weekend", "_week_mask", "_off_on_workdays", "_extra_on_weekends")

    def __init__(
        self,
        holidays: Iterable[dt.date],
        extra_working_days: Iterable[dt.date] = (),
        weekend: Iterable[int] = DEFAULT_WEEKEND,
    ) -> None:
        self._weekend = _check_weekend(weekend)
        self._holidays = frozenset(holidays)
        self._extra = frozenset(extra_working_days)
        self._week_mask = tuple(day not in self._weekend for day in range(7))
        # For counting by arithmetic: only the dates that change a weekday-based count.
        self._off_on_workdays = sorted(
            d for d in self._holidays if self._week_mask[d.weekday()] and d not in self._extra
        )
        self._extra_on_weekends = sorted(d for d in self._extra if not self._week_mask[d.weekday()])

    @property
    def holidays(self) -> frozenset[dt.date]:
        """The non-working dates this calendar was built with."""
        return self._holidays

    @property
    def extra_working_days(self) -> frozenset[dt.date]:
        """Dates that are working days whatever the weekday."""
        return self._extra

    @property
    def weekend(self) -> frozenset[int]:
        """Weekday numbers (Monday = 0) that are days off."""
        return self._weekend

    def __repr__(self) -> str:
        return (
            f"WorkingCalendar(holidays={len(self._holidays)} dates, "
            f"extra_working_days={len(self._extra)} dates, weekend={sorted(self._weekend)})"
        )

    def is_working_day(self, d: dt.date) -> bool:
        """True when the office works on ``d``."""
        if d in self._extra:
            return True
        return self._week_mask[d.weekday()] and d not in self._holidays

    def next_working_day(self, d: dt.date) -> dt.date:
        """The first working day strictly after ``d``."""
        d += dt.timedelta(days=1)
        while not self.is_working_day(d):
            d += dt.timedelta(days=1)
        return d

    def roll_forward(self, d: dt.date) -> dt.date:
        """``d`` itself when it is a working day, else the next working day.

        This is how a deadline ending on a day off moves (Civil Code art. 254 part 5).
        """
        return d if self.is_working_day(d) else self.next_working_day(d)

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """The date ``n`` working days after ``d``, not counting ``d`` itself.

        ``add_working_days(friday, 1)`` is the next Monday (if it is a working
        day); ``n = 0`` returns ``d`` unchanged; a negative ``n`` counts back to
        the ``|n|``-th working day before ``d``. The result is always a working
        day when ``n != 0``.
        """
        step = dt.timedelta(days=1 if n >= 0 else -1)
        remaining = abs(n)
        while remaining:
            d += step
            if self.is_working_day(d):
                remaining -= 1
        return d

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """The signed number of working days stepped on going from ``a`` to ``b``.

        Forward (``b >= a``): the working days in ``(a, b]``, after ``a`` up to
        and including ``b``; backward: minus those in ``[b, a)``. This makes it
        the exact inverse of :meth:`add_working_days` for any ``n``:
        ``working_days_between(d, add_working_days(d, n)) == n``; and a task
        due on a Friday is "1 working day overdue" on the Saturday after.
        Computed by arithmetic, so long spans cost nothing.
        """
        if b < a:
            one = dt.timedelta(days=1)
            return -self.working_days_between(b - one, a - one)
        span = (b - a).days
        full_weeks, rest = divmod(span, 7)
        count = full_weeks * sum(self._week_mask)
        first = a.weekday()
        count += sum(self._week_mask[(first + i) % 7] for i in range(1, rest + 1))
        count -= bisect_right(self._off_on_workdays, b) - bisect_right(self._off_on_workdays, a)
        count += bisect_right(self._extra_on_weekends, b) - bisect_right(self._extra_on_weekends, a)
        return count


__all__ = [
    "DEFAULT_WEEKEND",
    "Holiday",
    "WorkingCalendar",
    "default_holidays",
    "holiday_days_off",
    "orthodox_easter",
]

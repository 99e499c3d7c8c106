"""Working-day calendar: Orthodox Easter, the 2023 holiday list, art. 67 transfers, working-day arithmetic."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from app.domain.calendar import (
    Holiday,
    WorkingCalendar,
    default_holidays,
    holiday_days_off,
    orthodox_easter,
)

# Orthodox Easter, as published (Gregorian dates).
ORTHODOX_EASTER = {
    2010: date(2010, 4, 4),
    2011: date(2011, 4, 24),
    2012: date(2012, 4, 15),
    2013: date(2013, 5, 5),
    2014: date(2014, 4, 20),
    2015: date(2015, 4, 12),
    2016: date(2016, 5, 1),
    2017: date(2017, 4, 16),
    2018: date(2018, 4, 8),
    2019: date(2019, 4, 28),
    2020: date(2020, 4, 19),
    2021: date(2021, 5, 2),
    2022: date(2022, 4, 24),
    2023: date(2023, 4, 16),
    2024: date(2024, 5, 5),
    2025: date(2025, 4, 20),
    2026: date(2026, 4, 12),
    2027: date(2027, 5, 2),
    2028: date(2028, 4, 16),
    2029: date(2029, 4, 8),
    2030: date(2030, 4, 28),
}


def peacetime(year: int) -> WorkingCalendar:
    return WorkingCalendar(holiday_days_off(h.date for h in default_holidays(year)))


MARTIAL_LAW = WorkingCalendar(())


@pytest.mark.parametrize(("year", "expected"), sorted(ORTHODOX_EASTER.items()))
def test_orthodox_easter_matches_published_dates(year: int, expected: date) -> None:
    assert orthodox_easter(year) == expected
    assert expected.weekday() == 6


def test_orthodox_easter_range_is_checked() -> None:
    with pytest.raises(ValueError, match="1583–4099"):
        orthodox_easter(1200)


def test_default_holidays_2026_follow_the_2023_amendments() -> None:
    holidays = default_holidays(2026)
    by_date = {h.date: h for h in holidays}
    assert [h.date for h in holidays] == sorted(by_date)
    assert len(holidays) == 11
    assert set(by_date) == {
        date(2026, 1, 1),
        date(2026, 3, 8),
        date(2026, 4, 12),  # Easter
        date(2026, 5, 1),
        date(2026, 5, 8),
        date(2026, 5, 31),  # Trinity = Easter + 49
        date(2026, 6, 28),
        date(2026, 7, 15),
        date(2026, 8, 24),
        date(2026, 10, 1),
        date(2026, 12, 25),
    }
    # Dropped or moved in 2023.
    for gone in (date(2026, 1, 7), date(2026, 5, 9), date(2026, 7, 28), date(2026, 10, 14)):
        assert gone not in by_date
    assert by_date[date(2026, 4, 12)].name_uk == "Великдень (Пасха)"
    assert by_date[date(2026, 5, 31)].name_en == "Trinity Sunday"
    assert by_date[date(2026, 10, 1)].name_uk == "День захисників і захисниць України"


def test_trinity_2025_is_seven_weeks_after_easter() -> None:
    dates = {h.name_en: h.date for h in default_holidays(2025)}
    assert dates["Easter Sunday"] == date(2025, 4, 20)
    assert dates["Trinity Sunday"] == date(2025, 6, 8)


def test_holiday_is_a_frozen_value() -> None:
    holiday = Holiday(date(2026, 1, 1), "Новий рік", "New Year's Day")
    with pytest.raises(AttributeError):
        holiday.name_uk = "x"  # type: ignore[misc]


def test_transfer_of_weekend_holidays_2026() -> None:
    off = holiday_days_off(h.date for h in default_holidays(2026))
    # Sunday holidays give the Monday: 8 March, Easter, Trinity, Constitution Day.
    for monday in (date(2026, 3, 9), date(2026, 4, 13), date(2026, 6, 1), date(2026, 6, 29)):
        assert monday in off
        assert monday.weekday() == 0
    # 24 August 2026 is a Monday itself: no transfer, Tuesday stays working.
    assert date(2026, 8, 24).weekday() == 0
    assert date(2026, 8, 25) not in off
    assert len(off) == 15


def test_transfer_chains_when_the_next_day_is_taken_2027() -> None:
    # 1 May 2027 is a Saturday and Easter is Sunday 2 May: the days off are Monday 3 and Tuesday 4 May.
    off = set(holiday_days_off(h.date for h in default_holidays(2027)))
    assert {date(2027, 5, 3), date(2027, 5, 4)} <= off
    assert date(2027, 5, 10) in off  # 8 May, a Saturday
    assert date(2027, 5, 5) not in off


def test_transfer_skips_a_weekday_holiday() -> None:
    saturday, monday = date(2026, 1, 3), date(2026, 1, 5)
    assert holiday_days_off([saturday, monday]) == [saturday, monday, date(2026, 1, 6)]


def test_transfer_respects_a_custom_weekend() -> None:
    # Six-day week: only Sunday is off, so a Saturday holiday transfers nothing.
    saturday, sunday = date(2026, 3, 7), date(2026, 3, 8)
    assert holiday_days_off([saturday], weekend=(6,)) == [saturday]
    assert holiday_days_off([sunday], weekend=(6,)) == [sunday, date(2026, 3, 9)]


def test_martial_law_calendar_has_only_weekends() -> None:
    independence_day = date(2026, 8, 24)
    assert MARTIAL_LAW.is_working_day(independence_day)
    assert not peacetime(2026).is_working_day(independence_day)
    assert not MARTIAL_LAW.is_working_day(date(2026, 8, 22))  # Saturday


def test_extra_working_day_wins_over_weekend_and_holiday() -> None:
    saturday, holiday = date(2026, 1, 10), date(2026, 1, 2)
    calendar = WorkingCalendar([holiday], extra_working_days=[saturday, holiday])
    assert calendar.is_working_day(saturday)
    assert calendar.is_working_day(holiday)
    assert not calendar.is_working_day(date(2026, 1, 11))


def test_next_working_day_is_strictly_after() -> None:
    friday = date(2026, 4, 10)
    assert MARTIAL_LAW.next_working_day(friday) == date(2026, 4, 13)
    assert peacetime(2026).next_working_day(friday) == date(2026, 4, 14)  # Easter Monday off
    wednesday = date(2026, 4, 15)
    assert MARTIAL_LAW.next_working_day(wednesday) == date(2026, 4, 16)


def test_roll_forward_keeps_working_days() -> None:
    assert MARTIAL_LAW.roll_forward(date(2026, 4, 15)) == date(2026, 4, 15)
    assert MARTIAL_LAW.roll_forward(date(2026, 4, 11)) == date(2026, 4, 13)


def test_add_working_days() -> None:
    friday = date(2026, 8, 21)
    assert MARTIAL_LAW.add_working_days(friday, 0) == friday
    assert MARTIAL_LAW.add_working_days(friday, 1) == date(2026, 8, 24)
    assert peacetime(2026).add_working_days(friday, 1) == date(2026, 8, 25)
    assert MARTIAL_LAW.add_working_days(friday, 5) == date(2026, 8, 28)
    assert MARTIAL_LAW.add_working_days(date(2026, 8, 24), -1) == friday
    # From a Saturday, the first working day is Monday.
    assert MARTIAL_LAW.add_working_days(date(2026, 8, 22), 1) == date(2026, 8, 24)


def test_add_working_days_across_new_year() -> None:
    calendar = WorkingCalendar(holiday_days_off([date(2025, 12, 25), date(2026, 1, 1)]))
    # Wed 24.12.2025 + 5: 26 (Fri), 29, 30, 31 Dec, 2 Jan (1 Jan and 25 Dec off).
    assert calendar.add_working_days(date(2025, 12, 24), 5) == date(2026, 1, 2)
    assert calendar.working_days_between(date(2025, 12, 24), date(2026, 1, 2)) == 5


def test_working_days_between_basic() -> None:
    monday = date(2026, 8, 24)
    assert MARTIAL_LAW.working_days_between(monday, monday) == 0
    assert MARTIAL_LAW.working_days_between(monday, monday + timedelta(days=7)) == 5
    assert MARTIAL_LAW.working_days_between(monday + timedelta(days=7), monday) == -5
    assert peacetime(2026).working_days_between(date(2026, 8, 21), monday) == 0
    assert MARTIAL_LAW.working_days_between(date(2026, 1, 1), date(2026, 12, 31)) == 260
    # Backward counts the days stepped on: Friday's task is 1 working day late on Saturday and Sunday.
    friday = date(2026, 8, 21)
    assert MARTIAL_LAW.working_days_between(friday + timedelta(days=1), friday) == -1
    assert MARTIAL_LAW.working_days_between(friday + timedelta(days=2), friday) == -1
    assert MARTIAL_LAW.working_days_between(monday, friday) == -1


def _brute_count(calendar: WorkingCalendar, a: date, b: date) -> int:
    """Forward: working days in (a, b]; backward: minus those in [b, a)."""
    if b >= a:
        return sum(calendar.is_working_day(a + timedelta(days=i)) for i in range(1, (b - a).days + 1))
    return -sum(calendar.is_working_day(b + timedelta(days=i)) for i in range((a - b).days))


@pytest.mark.parametrize("weekend", [(5, 6), (6,), (4, 5), ()])
def test_working_days_between_matches_day_by_day_count(weekend: tuple[int, ...]) -> None:
    rng = random.Random(20260824)
    base = date(2025, 1, 1)
    days = [base + timedelta(days=rng.randrange(800)) for _ in range(60)]
    calendar = WorkingCalendar(days[:40], extra_working_days=days[30:], weekend=weekend)
    for _ in range(300):
        a = base + timedelta(days=rng.randrange(800))
        b = a + timedelta(days=rng.randrange(-60, 120))
        assert calendar.working_days_between(a, b) == _brute_count(calendar, a, b)
        n = rng.randrange(-20, 40)
        assert calendar.working_days_between(a, calendar.add_working_days(a, n)) == n


@pytest.mark.parametrize("weekend", [(7,), (-1,), range(7)])
def test_bad_weekend_is_refused(weekend: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="дні"):
        WorkingCalendar((), weekend=weekend)


def test_calendar_exposes_its_inputs() -> None:
    calendar = WorkingCalendar([date(2026, 1, 1)], [date(2026, 1, 3)], weekend=[6, 5])
    assert calendar.holidays == frozenset({date(2026, 1, 1)})
    assert calendar.extra_working_days == frozenset({date(2026, 1, 3)})
    assert calendar.weekend == frozenset({5, 6})
    assert "1 dates" in repr(calendar)

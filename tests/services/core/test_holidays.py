"""The council's working-day calendar: martial law, statutory holidays year by year, edits in Settings."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db.engine import Database
from app.domain.petitions import PetitionState
from app.errors import PermissionDeniedError, ValidationError
from app.services import appeals, petitions
from app.services.core import audit, holidays, settings
from app.services.core.auth import Actor, Role
from app.services.core.holidays import HolidayEntry
from tests.services.petitions.petition_helpers import make_appeal, make_petition, sign

CLERK = Actor(user_id=None, username="clerk", role=Role.CLERK)


def peacetime(db: Database, admin: Actor) -> None:
    holidays.set_martial_law(db, admin, False)


def test_martial_law_is_the_default_and_counts_only_weekends(council_db: tuple[Database, Actor]) -> None:
    db, _ = council_db
    cal = holidays.working_calendar(db)
    assert holidays.calendar_settings(db).martial_law
    assert cal.is_working_day(dt.date(2026, 4, 13))  # Easter Monday works under martial law
    assert cal.is_working_day(dt.date(2026, 8, 24))  # so does Independence Day (a Monday in 2026)


def test_peacetime_holidays_with_weekend_transfers(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    peacetime(db, admin)
    cal = holidays.working_calendar(db)
    for day_off in (dt.date(2026, 1, 1), dt.date(2026, 3, 9), dt.date(2026, 4, 13), dt.date(2026, 6, 1),
                    dt.date(2026, 6, 29), dt.date(2026, 8, 24), dt.date(2026, 12, 25), dt.date(2025, 4, 21),
                    dt.date(2027, 5, 3)):
        assert not cal.is_working_day(day_off), day_off
    lines = {line.holiday.date: line.day_off for line in holidays.days_off(holidays.calendar_settings(db), 2026)}
    assert lines[dt.date(2026, 4, 12)] == dt.date(2026, 4, 13)  # Easter Sunday → Monday
    assert lines[dt.date(2026, 3, 8)] == dt.date(2026, 3, 9)
    assert lines[dt.date(2026, 1, 1)] is None


def test_deadlines_move_with_the_calendar(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    today = dt.date(2026, 4, 20)
    appeal_id = make_appeal(db, admin, received_on=dt.date(2026, 3, 14), today=today)  # +30 days = 13.04.2026
    assert appeals.get_appeal(db, appeal_id, today).due_on == dt.date(2026, 4, 13)
    settings.set_values(db, admin, {petitions.THRESHOLD: 1})
    pid = make_petition(db, admin, published_on=dt.date(2026, 4, 20), submitted_on=dt.date(2026, 4, 17),
                        today=dt.date(2026, 4, 30))
    sign(db, admin, pid, 1, dt.date(2026, 4, 30), today=dt.date(2026, 4, 30))
    status = petitions.get_petition(db, pid, dt.date(2026, 5, 4)).status
    assert status.state is PetitionState.THRESHOLD_REACHED and status.due_on == dt.date(2026, 5, 14)
    peacetime(db, admin)
    assert appeals.get_appeal(db, appeal_id, today).due_on == dt.date(2026, 4, 14)  # Easter Monday is off
    assert petitions.get_petition(db, pid, dt.date(2026, 5, 4)).status.due_on == dt.date(2026, 5, 18)  # 1 and 8 May


def test_a_year_edited_by_the_council(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    peacetime(db, admin)
    entries = [h for h in holidays.statutory_holidays(2026) if h.date != dt.date(2026, 3, 8)]
    entries.append(HolidayEntry(dt.date(2026, 5, 20), "  День  села "))
    saved = holidays.save_year(db, admin, 2026, entries, [dt.date(2026, 5, 23)])
    assert not saved.is_statutory(2026) and saved.is_statutory(2027)
    assert HolidayEntry(dt.date(2026, 5, 20), "День села") in saved.holidays_of(2026)
    cal = holidays.working_calendar(db)
    assert not cal.is_working_day(dt.date(2026, 5, 20))
    assert cal.is_working_day(dt.date(2026, 5, 23))  # a Saturday worked
    assert cal.is_working_day(dt.date(2026, 3, 9))  # Women's Day removed: no transfer any more
    assert not cal.is_working_day(dt.date(2027, 3, 8))  # other years keep the statutory list
    restored = holidays.save_year(db, admin, 2026, holidays.statutory_holidays(2026))
    assert restored.is_statutory(2026) and restored.holidays == () and restored.extra_working_days == ()
    assert audit.verify_chain(db).ok


@pytest.mark.parametrize(("entries", "extras", "message"), [
    ([HolidayEntry(dt.date(2026, 5, 20), " ")], [], "назву"),
    ([HolidayEntry(dt.date(2026, 5, 20), "А"), HolidayEntry(dt.date(2026, 5, 20), "Б")], [], "повторюється"),
    ([HolidayEntry(dt.date(2027, 1, 1), "Новий рік")], [], "2026"),
    ([], [dt.date(2026, 5, 20)], "суботу чи неділю"),
    ([HolidayEntry(dt.date(2026, 5, 23), "Свято")], [dt.date(2026, 5, 23)], "водночас"),
])
def test_bad_calendars_are_refused(council_db: tuple[Database, Actor], entries: list[HolidayEntry],
                                   extras: list[dt.date], message: str) -> None:
    db, admin = council_db
    with pytest.raises(ValidationError, match=message):
        holidays.save_year(db, admin, 2026, entries, extras)


def test_only_administrators_change_the_calendar(council_db: tuple[Database, Actor]) -> None:
    db, _ = council_db
    with pytest.raises(PermissionDeniedError):
        holidays.save_year(db, CLERK, 2026, holidays.statutory_holidays(2026))
    with pytest.raises(PermissionDeniedError):
        holidays.set_martial_law(db, CLERK, False)

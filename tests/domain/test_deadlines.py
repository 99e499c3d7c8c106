"""Appeal and petition deadlines: counting from the day after receipt, moving off non-working days, extensions."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.calendar import WorkingCalendar, default_holidays, holiday_days_off
from app.domain.deadlines import (
    DeadlineError,
    DeadlineState,
    appeal_days,
    appeal_due_date,
    deadline_state,
    extend_appeal_term,
    extended_appeal_due_date,
    petition_consideration_due,
    petition_publication_due,
    term_end,
)

MARTIAL_LAW = WorkingCalendar(())
PEACETIME = WorkingCalendar(holiday_days_off(h.date for y in (2025, 2026) for h in default_holidays(y)))


def test_default_terms() -> None:
    assert appeal_days() == 30
    assert appeal_days(needs_study=False) == 15


def test_appeal_due_in_30_days_from_the_day_after_receipt() -> None:
    # Received Monday 2 March 2026: day 1 is 3 March, day 30 is Wednesday 1 April.
    assert appeal_due_date(date(2026, 3, 2), MARTIAL_LAW) == date(2026, 4, 1)


def test_appeal_without_study_is_due_in_15_days() -> None:
    assert appeal_due_date(date(2026, 3, 2), MARTIAL_LAW, needs_study=False) == date(2026, 3, 17)


def test_appeal_due_on_saturday_moves_to_monday() -> None:
    # Received Thursday 5 March 2026 + 30 = Saturday 4 April → Monday 6 April.
    assert appeal_due_date(date(2026, 3, 5), MARTIAL_LAW) == date(2026, 4, 6)


def test_appeal_deadline_crossing_new_year() -> None:
    received = date(2025, 12, 2)
    # Day 30 is 1 January 2026: a working day under martial law, a day off in peacetime.
    assert appeal_due_date(received, MARTIAL_LAW) == date(2026, 1, 1)
    assert appeal_due_date(received, PEACETIME) == date(2026, 1, 2)
    assert appeal_due_date(date(2025, 12, 10), MARTIAL_LAW) == date(2026, 1, 9)


def test_appeal_due_on_easter_monday_in_peacetime() -> None:
    # 14 March 2026 + 30 = Monday 13 April 2026, the day off for Easter (12 April).
    assert appeal_due_date(date(2026, 3, 14), MARTIAL_LAW) == date(2026, 4, 13)
    assert appeal_due_date(date(2026, 3, 14), PEACETIME) == date(2026, 4, 14)


def test_appeal_term_longer_than_45_days_is_refused() -> None:
    with pytest.raises(DeadlineError, match="не може перевищувати 45 днів"):
        appeal_due_date(date(2026, 3, 2), MARTIAL_LAW, days=46)


def test_extension_to_45_days() -> None:
    assert extend_appeal_term(30, 45, "потрібен запит до обласної адміністрації") == 45
    due = extended_appeal_due_date(
        date(2026, 3, 2), MARTIAL_LAW, current_days=30, new_total_days=45, reason="запит до ОДА"
    )
    assert due == date(2026, 4, 16)


@pytest.mark.parametrize("reason", ["", "   ", "\n"])
def test_extension_needs_a_reason(reason: str) -> None:
    with pytest.raises(DeadlineError, match="потребує обґрунтування причини"):
        extend_appeal_term(30, 40, reason)


def test_extension_over_45_days_is_refused() -> None:
    with pytest.raises(DeadlineError, match=r"не може перевищувати 45 днів \(вказано 50\)"):
        extend_appeal_term(30, 50, "складне питання")


@pytest.mark.parametrize("new_total", [30, 20])
def test_extension_cannot_shorten_or_keep_the_term(new_total: int) -> None:
    with pytest.raises(DeadlineError, match="можна лише продовжити"):
        extend_appeal_term(30, new_total, "причина")


def test_extension_from_15_days_is_allowed() -> None:
    assert extend_appeal_term(15, 30, "виявилось, що потрібне додаткове вивчення") == 30


def test_custom_maximum_from_council_settings() -> None:
    assert extend_appeal_term(30, 50, "причина", max_days=60) == 50


def test_term_must_be_positive() -> None:
    with pytest.raises(DeadlineError, match="щонайменше 1 день"):
        term_end(date(2026, 3, 2), 0, MARTIAL_LAW)


def test_petition_publication_within_two_working_days() -> None:
    thursday = date(2026, 4, 9)
    assert petition_publication_due(thursday, MARTIAL_LAW) == date(2026, 4, 13)
    assert petition_publication_due(thursday, PEACETIME) == date(2026, 4, 14)  # Easter Monday off
    # Submitted on a Saturday: Monday and Tuesday.
    assert petition_publication_due(date(2026, 4, 4), MARTIAL_LAW) == date(2026, 4, 7)


def test_petition_consideration_within_ten_working_days() -> None:
    threshold_reached = date(2026, 8, 20)  # Thursday
    assert petition_consideration_due(threshold_reached, MARTIAL_LAW) == date(2026, 9, 3)
    # 24 August 2026 (Monday) is a day off only in peacetime.
    assert petition_consideration_due(threshold_reached, PEACETIME) == date(2026, 9, 4)


def test_deadline_state_done_wins() -> None:
    due = date(2026, 4, 1)
    assert deadline_state(due, date(2026, 5, 1), MARTIAL_LAW, done_on=date(2026, 4, 20)) is DeadlineState.DONE


def test_deadline_state_overdue_the_day_after() -> None:
    due = date(2026, 4, 1)
    assert deadline_state(due, date(2026, 4, 2), MARTIAL_LAW) is DeadlineState.OVERDUE


def test_deadline_state_due_soon_counts_working_days() -> None:
    due = date(2026, 4, 8)  # Wednesday
    assert deadline_state(due, due, MARTIAL_LAW) is DeadlineState.DUE_SOON
    assert deadline_state(due, date(2026, 4, 3), MARTIAL_LAW) is DeadlineState.DUE_SOON  # Friday: Mon, Tue, Wed
    assert deadline_state(due, date(2026, 4, 2), MARTIAL_LAW) is DeadlineState.OK  # Thursday: 4 working days
    assert deadline_state(due, date(2026, 4, 2), MARTIAL_LAW, due_soon_working_days=4) is DeadlineState.DUE_SOON
    # In peacetime Easter Monday (13 April) does not count.
    assert deadline_state(date(2026, 4, 16), date(2026, 4, 10), PEACETIME) is DeadlineState.DUE_SOON
    assert deadline_state(date(2026, 4, 16), date(2026, 4, 10), MARTIAL_LAW) is DeadlineState.OK


def test_deadline_state_labels() -> None:
    assert DeadlineState.OVERDUE.label_uk == "Прострочено"
    assert DeadlineState.DUE_SOON.label("en") == "Due soon"
    assert DeadlineState.OK.label() == "У строк"
    assert DeadlineState.DONE.value == "done"
    assert all(state.label_uk and state.label_en for state in DeadlineState)

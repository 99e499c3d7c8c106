"""Petition states derived from dates and counts; collection windows in days and months."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.domain.calendar import WorkingCalendar, default_holidays, holiday_days_off
from app.domain.deadlines import DeadlineState
from app.domain.petitions import (
    CollectionWindow,
    PetitionDataError,
    PetitionOutcome,
    PetitionState,
    PetitionStatus,
    WindowUnit,
    add_months,
    petition_state,
    window_end,
)

MARTIAL_LAW = WorkingCalendar(())
PEACETIME = WorkingCalendar(holiday_days_off(h.date for h in default_holidays(2026)))
PUBLISHED = date(2026, 5, 15)  # Friday
THREE_MONTHS = CollectionWindow.months(3)  # "100 signatures in 3 months" → window ends 15 August 2026


def state(**overrides: Any) -> PetitionStatus:
    args: dict[str, Any] = {
        "published_on": PUBLISHED,
        "window": THREE_MONTHS,
        "threshold": 100,
        "signature_count": 40,
        "threshold_reached_on": None,
        "answered_on": None,
        "today": date(2026, 6, 1),
        "calendar": MARTIAL_LAW,
    }
    args.update(overrides)
    return petition_state(**args)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 15), 3, date(2026, 4, 15)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2025, 11, 30), 3, date(2026, 2, 28)),  # across New Year, clamped
        (date(2025, 12, 15), 3, date(2026, 3, 15)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 5, 15), 12, date(2027, 5, 15)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_window_in_days_and_months() -> None:
    assert CollectionWindow.days(60).end_date(date(2026, 1, 1)) == date(2026, 3, 2)
    assert CollectionWindow.days(90).end_date(date(2026, 1, 1)) == date(2026, 4, 1)
    assert THREE_MONTHS.end_date(PUBLISHED) == date(2026, 8, 15)
    assert CollectionWindow(3, WindowUnit.MONTHS) == THREE_MONTHS
    assert window_end(PUBLISHED, date(2026, 7, 1)) == date(2026, 7, 1)


def test_window_is_validated() -> None:
    with pytest.raises(PetitionDataError, match="додатним"):
        CollectionWindow.days(0)
    with pytest.raises(PetitionDataError, match="раніше дати оприлюднення"):
        window_end(PUBLISHED, date(2026, 5, 1))


@pytest.mark.parametrize(
    ("window", "uk", "en"),
    [
        (CollectionWindow.days(1), "1 день", "1 day"),
        (CollectionWindow.days(2), "2 дні", "2 days"),
        (CollectionWindow.days(5), "5 днів", "5 days"),
        (CollectionWindow.days(11), "11 днів", "11 days"),
        (CollectionWindow.days(21), "21 день", "21 days"),
        (CollectionWindow.days(60), "60 днів", "60 days"),
        (CollectionWindow.days(92), "92 дні", "92 days"),
        (CollectionWindow.months(1), "1 місяць", "1 month"),
        (CollectionWindow.months(3), "3 місяці", "3 months"),
        (CollectionWindow.months(12), "12 місяців", "12 months"),
    ],
)
def test_window_descriptions(window: CollectionWindow, uk: str, en: str) -> None:
    assert window.describe_uk() == uk
    assert window.describe_en() == en


def test_draft_without_submission_date() -> None:
    status = state(published_on=None, signature_count=0)
    assert status.state is PetitionState.DRAFT
    assert status.due_on is None and status.deadline is None and status.days_left is None


def test_draft_is_due_for_publication_in_two_working_days() -> None:
    status = state(published_on=None, signature_count=0, submitted_on=date(2026, 4, 9), today=date(2026, 4, 10))
    assert status.state is PetitionState.DRAFT
    assert status.due_on == date(2026, 4, 13)
    assert status.deadline is DeadlineState.DUE_SOON
    assert status.working_days_left == 1
    assert status.days_left == 3
    late = state(published_on=None, signature_count=0, submitted_on=date(2026, 4, 9), today=date(2026, 4, 14))
    assert late.deadline is DeadlineState.OVERDUE


def test_draft_cannot_have_signatures() -> None:
    with pytest.raises(PetitionDataError, match="Неоприлюднена петиція"):
        state(published_on=None, signature_count=3)


def test_collecting() -> None:
    status = state(today=date(2026, 8, 5))
    assert status.state is PetitionState.COLLECTING
    assert status.window_ends_on == date(2026, 8, 15)
    assert status.due_on == date(2026, 8, 15)
    assert status.days_left == 10
    assert status.deadline is None  # collecting is no one's duty
    assert status.label_uk == "Збір підписів"


def test_still_collecting_on_the_last_day_of_the_window() -> None:
    status = state(today=date(2026, 8, 15))
    assert status.state is PetitionState.COLLECTING
    assert status.days_left == 0


def test_threshold_reached_is_due_in_ten_working_days() -> None:
    status = state(signature_count=100, threshold_reached_on=date(2026, 8, 14), today=date(2026, 8, 17))
    assert status.state is PetitionState.THRESHOLD_REACHED
    assert status.consideration_due_on == date(2026, 8, 28)
    assert status.due_on == date(2026, 8, 28)
    assert status.working_days_left == 9
    assert status.days_left == 11
    assert status.deadline is DeadlineState.OK


def test_consideration_due_date_skips_independence_day_in_peacetime() -> None:
    status = state(
        signature_count=120, threshold_reached_on=date(2026, 8, 14), today=date(2026, 8, 17), calendar=PEACETIME
    )
    assert status.consideration_due_on == date(2026, 8, 31)


def test_threshold_reached_overdue() -> None:
    status = state(signature_count=150, threshold_reached_on=date(2026, 6, 1), today=date(2026, 6, 30))
    assert status.state is PetitionState.THRESHOLD_REACHED
    assert status.deadline is DeadlineState.OVERDUE
    assert status.days_left is not None and status.days_left < 0
    assert status.working_days_left is not None and status.working_days_left < 0


def test_answered_supported() -> None:
    status = state(
        signature_count=130,
        threshold_reached_on=date(2026, 6, 1),
        answered_on=date(2026, 6, 10),
        outcome=PetitionOutcome.SUPPORTED,
        today=date(2026, 9, 1),
    )
    assert status.state is PetitionState.ANSWERED
    assert status.outcome is PetitionOutcome.SUPPORTED
    assert status.deadline is DeadlineState.DONE
    assert status.consideration_due_on == date(2026, 6, 15)
    assert status.days_left is None and status.working_days_left is None
    assert status.label_uk == "Розглянута: підтримана"
    assert status.label_en == "Answered: supported"


def test_answered_not_supported_label() -> None:
    status = state(
        signature_count=100,
        threshold_reached_on=date(2026, 6, 1),
        answered_on=date(2026, 6, 10),
        outcome=PetitionOutcome.NOT_SUPPORTED,
    )
    assert status.label_uk == "Розглянута: не підтримана"
    assert PetitionOutcome.NOT_SUPPORTED.label("en") == "Not supported"


def test_unsuccessful_becomes_an_appeal() -> None:
    status = state(signature_count=99, today=date(2026, 8, 16))
    assert status.state is PetitionState.UNSUCCESSFUL
    # Handled as an appeal received when the window closed (15 August): 30 days → 14 September.
    assert status.due_on == date(2026, 9, 14)
    assert status.deadline is DeadlineState.OK
    assert "звернення" in status.label_uk


def test_unsuccessful_answered_as_an_appeal() -> None:
    status = state(signature_count=10, answered_on=date(2026, 9, 1), today=date(2026, 9, 20))
    assert status.state is PetitionState.UNSUCCESSFUL
    assert status.deadline is DeadlineState.DONE
    assert status.days_left is None


def test_window_as_an_explicit_end_date() -> None:
    status = state(window=date(2026, 6, 1), today=date(2026, 6, 2))
    assert status.state is PetitionState.UNSUCCESSFUL
    assert status.window_ends_on == date(2026, 6, 1)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"signature_count": 100}, "дату досягнення порогу не вказано"),
        ({"signature_count": 100, "threshold_reached_on": date(2026, 8, 16)}, "в межах строку збору"),
        ({"signature_count": 100, "threshold_reached_on": date(2026, 5, 14)}, "в межах строку збору"),
        ({"threshold_reached_on": date(2026, 6, 1)}, "підписів лише 40 із 100"),
        (
            {"signature_count": 100, "threshold_reached_on": date(2026, 6, 1), "answered_on": date(2026, 6, 5)},
            "треба вказати результат",
        ),
        (
            {"signature_count": 100, "threshold_reached_on": date(2026, 6, 1), "outcome": PetitionOutcome.SUPPORTED},
            "дату відповіді — ні",
        ),
        (
            {
                "signature_count": 100,
                "threshold_reached_on": date(2026, 6, 10),
                "answered_on": date(2026, 6, 5),
                "outcome": PetitionOutcome.SUPPORTED,
            },
            "раніше дати досягнення порогу",
        ),
        ({"answered_on": date(2026, 6, 1)}, "лише після завершення збору"),
        ({"outcome": PetitionOutcome.NOT_SUPPORTED}, "лише в петиції, що набрала підписи"),
        ({"threshold": 0}, "Поріг підписів має бути додатним"),
        ({"signature_count": -1}, "не може бути від’ємною"),
    ],
)
def test_contradictory_data_is_refused(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(PetitionDataError, match=message):
        state(**overrides)


def test_every_state_has_both_labels() -> None:
    assert all(s.label_uk != s.value and s.label_en for s in PetitionState)
    for petition_state_ in PetitionState:
        assert petition_state_.label("uk") == petition_state_.label_uk != ""
        assert petition_state_.label("en") == petition_state_.label_en != ""
    assert PetitionState.THRESHOLD_REACHED.value == "threshold_reached"

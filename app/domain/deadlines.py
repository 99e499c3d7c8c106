"""Statutory deadlines for citizens' appeals and local e-petitions, and their traffic-light state.

Appeals (Law of Ukraine "On citizens' appeals", art. 20): an appeal is
considered within one month of receipt (counted here as 30 calendar days, the
council default); one that needs no additional study "immediately, but no later
than 15 days". When a month is not enough, the head of the body sets a longer
term, tells the applicant why, and the total may not exceed 45 days.

Counting follows the Civil Code (art. 253-254): the term starts the day after
receipt, so 30 days from 1 March end on 31 March; a term ending on a non-working
day ends on the next working day. "Non-working" comes from the council's
:class:`~app.domain.calendar.WorkingCalendar` (under martial law only weekends).

Local e-petitions (art. 23-1 and the community's statute): a submitted petition
is checked and published within 2 working days; one that reaches its signature
threshold is considered within 10 working days.

Every number is a default that the council may change; the functions take it
as a parameter.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from app.domain.calendar import WorkingCalendar

APPEAL_DAYS = 30
APPEAL_NO_STUDY_DAYS = 15
APPEAL_MAX_DAYS = 45
PETITION_PUBLICATION_WORKING_DAYS = 2
PETITION_CONSIDERATION_WORKING_DAYS = 10
DUE_SOON_WORKING_DAYS = 3


class DeadlineError(ValueError):
    """A term that the law does not allow; the message is in Ukrainian."""


class DeadlineState(StrEnum):
    """Where a task stands against its deadline; the value is a stable id for storage and exports."""

    OK = "ok"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    DONE = "done"

    @property
    def label_uk(self) -> str:
        return _DEADLINE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _DEADLINE_LABELS[self][1]

    def label(self, language: str = "uk") -> str:
        """The label in ``"uk"`` (default) or ``"en"``."""
        return self.label_en if language == "en" else self.label_uk


_DEADLINE_LABELS: dict[DeadlineState, tuple[str, str]] = {
    DeadlineState.OK: ("У строк", "On time"),
    DeadlineState.DUE_SOON: ("Спливає строк", "Due soon"),
    DeadlineState.OVERDUE: ("Прострочено", "Overdue"),
    DeadlineState.DONE: ("Виконано", "Done"),
}


def _check_days(days: int) -> None:
    if days < 1:
        raise DeadlineError(f"Строк має бути щонайменше 1 день, а не {days}")


def term_end(start: dt.date, days: int, calendar: WorkingCalendar) -> dt.date:
    """End of a term of ``days`` calendar days counted from the day after ``start``, moved off non-working days."""
    _check_days(days)
    return calendar.roll_forward(start + dt.timedelta(days=days))


def appeal_days(*, needs_study: bool = True) -> int:
    """The default term in days: 30, or 15 for an appeal that needs no additional study."""
    return APPEAL_DAYS if needs_study else APPEAL_NO_STUDY_DAYS


def appeal_due_date(
    received_on: dt.date,
    calendar: WorkingCalendar,
    *,
    days: int | None = None,
    needs_study: bool = True,
    max_days: int = APPEAL_MAX_DAYS,
) -> dt.date:
    """The date by which an appeal received on ``received_on`` must be answered.

    ``days`` is the term in calendar days (an extended term included); without
    it the default applies (:func:`appeal_days`). A term over ``max_days`` is
    refused.
    """
    term = appeal_days(needs_study=needs_study) if days is None else days
    if term > max_days:
        raise DeadlineError(f"Загальний строк розгляду звернення не може перевищувати {max_days} днів (вказано {term})")
    return term_end(received_on, term, calendar)


def extend_appeal_term(current_days: int, new_total_days: int, reason: str, *, max_days: int = APPEAL_MAX_DAYS) -> int:
    """Validate an extension of an appeal's term and return the new total in days.

    The law lets the head extend the term, with a reason given to the
    applicant, to at most ``max_days`` in total. An extension that does not
    lengthen the term is refused, as is one without a reason.
    """
    _check_days(current_days)
    if not reason.strip():
        raise DeadlineError("Продовження строку розгляду звернення потребує обґрунтування причини")
    if new_total_days <= current_days:
        raise DeadlineError(
            f"Новий строк ({new_total_days} дн.) має бути довшим за чинний ({current_days} дн.): "
            "строк розгляду можна лише продовжити"
        )
    if new_total_days > max_days:
        raise DeadlineError(
            f"Загальний строк розгляду звернення не може перевищувати {max_days} днів (вказано {new_total_days})"
        )
    return new_total_days


def extended_appeal_due_date(
    received_on: dt.date,
    calendar: WorkingCalendar,
    *,
    current_days: int,
    new_total_days: int,
    reason: str,
    max_days: int = APPEAL_MAX_DAYS,
) -> dt.date:
    """The new due date after a validated extension (see :func:`extend_appeal_term`)."""
    total = extend_appeal_term(current_days, new_total_days, reason, max_days=max_days)
    return term_end(received_on, total, calendar)


def petition_publication_due(
    submitted_on: dt.date, calendar: WorkingCalendar, *, working_days: int = PETITION_PUBLICATION_WORKING_DAYS
) -> dt.date:
    """By when a submitted e-petition must be checked and published: 2 working days after submission."""
    _check_days(working_days)
    return calendar.add_working_days(submitted_on, working_days)


def petition_consideration_due(
    threshold_reached_on: dt.date,
    calendar: WorkingCalendar,
    *,
    working_days: int = PETITION_CONSIDERATION_WORKING_DAYS,
) -> dt.date:
    """By when a petition that reached its threshold must be considered: 10 working days after that day."""
    _check_days(working_days)
    return calendar.add_working_days(threshold_reached_on, working_days)


def deadline_state(
    due_on: dt.date,
    today: dt.date,
    calendar: WorkingCalendar,
    *,
    done_on: dt.date | None = None,
    due_soon_working_days: int = DUE_SOON_WORKING_DAYS,
) -> DeadlineState:
    """Traffic light for a task due on ``due_on``, as seen on ``today``.

    DONE once ``done_on`` is set (late or not: compare the dates to tell);
    OVERDUE after the due date; DUE_SOON when at most ``due_soon_working_days``
    working days remain, counted after today up to and including the due day
    (so the due day itself shows 0 left and is DUE_SOON); OK otherwise.
    """
    if done_on is not None:
        return DeadlineState.DONE
    if today > due_on:
        return DeadlineState.OVERDUE
    if calendar.working_days_between(today, due_on) <= due_soon_working_days:
        return DeadlineState.DUE_SOON
    return DeadlineState.OK


__all__ = [
    "APPEAL_DAYS",
    "APPEAL_MAX_DAYS",
    "APPEAL_NO_STUDY_DAYS",
    "DUE_SOON_WORKING_DAYS",
    "PETITION_CONSIDERATION_WORKING_DAYS",
    "PETITION_PUBLICATION_WORKING_DAYS",
    "DeadlineError",
    "DeadlineState",
    "appeal_days",
    "appeal_due_date",
    "deadline_state",
    "extend_appeal_term",
    "extended_appeal_due_date",
    "petition_consideration_due",
    "petition_publication_due",
    "term_end",
]

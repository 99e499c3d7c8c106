"""Local e-petition states, derived from dates and the signature count, never typed in by a clerk.

Each community's statute sets a threshold and a collection window ("100
signatures in 3 months", "150 in 60 days"). The state follows from the facts:

* DRAFT: not published yet (the check and publication are due within 2 working
  days of submission);
* COLLECTING: published, the window is open and the threshold is not reached;
* THRESHOLD_REACHED: the threshold was reached within the window; the council
  must consider the petition within 10 working days of that day;
* ANSWERED: the council gave its answer, supported or not supported;
* UNSUCCESSFUL: the window closed short of the threshold; the petition is then
  handled as an ordinary citizens' appeal. Its answer is due as for an appeal
  received on the day the window closed (a default of this app: the statutes
  rarely say more).

The collection window ends on the last day on which signatures count, that day
included: N days after publication, or the same day of the month N months
later, clamped to the end of a shorter month (Civil Code art. 253-254).
"""

from __future__ import annotations

import calendar as _gregorian
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import (
    DUE_SOON_WORKING_DAYS,
    DeadlineState,
    appeal_due_date,
    deadline_state,
    petition_consideration_due,
    petition_publication_due,
)
from app.domain.enums import TitledEnum


class PetitionDataError(ValueError):
    """Dates and counts that contradict each other; the message is in Ukrainian."""


class PetitionState(TitledEnum):
    """Lifecycle state of a local e-petition; the value is a stable id for storage and exports."""

    DRAFT = "draft", "Чернетка", "Draft"
    COLLECTING = "collecting", "Збір підписів", "Collecting signatures"
    THRESHOLD_REACHED = "threshold_reached", "Набрала підписи, на розгляді", "Threshold reached, under consideration"
    ANSWERED = "answered", "Розглянута", "Answered"
    UNSUCCESSFUL = ("unsuccessful", "Не набрала підписів, розглядається як звернення",
                    "Too few signatures, handled as an appeal")


class PetitionOutcome(TitledEnum):
    """The council's answer to a petition that reached its threshold."""

    SUPPORTED = "supported", "Підтримана", "Supported"
    NOT_SUPPORTED = "not_supported", "Не підтримана", "Not supported"


class SignatureChannel(TitledEnum):
    """How a signature was given; ``IMPORTED`` is set only by an import from a file."""

    PAPER = "paper", "паперовий підписний лист", "paper sheet"
    ONLINE = "online", "онлайн-платформа", "online platform"
    IMPORTED = "imported", "імпорт із файлу", "imported from a file"


class WindowUnit(StrEnum):
    """How a statute states the collection window."""

    DAYS = "days"
    MONTHS = "months"


def add_months(d: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    last_day = _gregorian.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(d.day, last_day))


def _plural_uk(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


@dataclass(frozen=True)
class CollectionWindow:
    """A signature-collection window as the statute states it: N days or N months."""

    length: int
    unit: WindowUnit = WindowUnit.DAYS

    def __post_init__(self) -> None:
        if self.length < 1:
            raise PetitionDataError(f"Строк збору підписів має бути додатним, а не {self.length}")

    @classmethod
    def days(cls, n: int) -> CollectionWindow:
        return cls(n, WindowUnit.DAYS)

    @classmethod
    def months(cls, n: int) -> CollectionWindow:
        return cls(n, WindowUnit.MONTHS)

    def end_date(self, published_on: dt.date) -> dt.date:
        """The last day on which signatures count, for a petition published on ``published_on``."""
        if self.unit is WindowUnit.MONTHS:
            return add_months(published_on, self.length)
        return published_on + dt.timedelta(days=self.length)

    def describe_uk(self) -> str:
        """``"3 місяці"``, ``"60 днів"``."""
        if self.unit is WindowUnit.MONTHS:
            return f"{self.length} {_plural_uk(self.length, 'місяць', 'місяці', 'місяців')}"
        return f"{self.length} {_plural_uk(self.length, 'день', 'дні', 'днів')}"

    def describe_en(self) -> str:
        """``"3 months"``, ``"1 day"``."""
        word = "month" if self.unit is WindowUnit.MONTHS else "day"
        return f"{self.length} {word}{'' if self.length == 1 else 's'}"


@dataclass(frozen=True)
class PetitionStatus:
    """Where a petition stands on a given day, with the date that matters next.

    ``due_on`` is what is due in this state: publication (DRAFT, when the
    submission date is known), the end of the collection window (COLLECTING),
    consideration (THRESHOLD_REACHED) or the answer as an appeal
    (UNSUCCESSFUL). After the answer it stays set, so lateness can be judged,
    and the state of an answered unsuccessful petition stays UNSUCCESSFUL
    (with ``deadline`` DONE): it was answered as an appeal, not as a petition.
    ``days_left`` counts calendar days from today to ``due_on`` (0 on the day
    itself, negative when late), ``working_days_left`` the same in working
    days; both are None when nothing is pending. ``deadline`` is the
    traffic light for the council's own duty (publication, consideration,
    answer); None while signatures are being collected, which is no one's
    duty.
    """

    state: PetitionState
    window_ends_on: dt.date | None
    due_on: dt.date | None
    days_left: int | None
    working_days_left: int | None
    deadline: DeadlineState | None
    consideration_due_on: dt.date | None = None
    outcome: PetitionOutcome | None = None

    @property
    def label_uk(self) -> str:
        """State label, with the outcome once answered: ``"Розглянута: підтримана"``."""
        if self.outcome is not None and self.state is PetitionState.ANSWERED:
            return f"{self.state.label_uk}: {self.outcome.label_uk.lower()}"
        return self.state.label_uk

    @property
    def label_en(self) -> str:
        """State label, with the outcome once answered: ``"Answered: supported"``."""
        if self.outcome is not None and self.state is PetitionState.ANSWERED:
            return f"{self.state.label_en}: {self.outcome.label_en.lower()}"
        return self.state.label_en


def window_end(published_on: dt.date, window: CollectionWindow | dt.date) -> dt.date:
    """The window's last day: from a :class:`CollectionWindow`, or an explicit end date as given."""
    if isinstance(window, CollectionWindow):
        return window.end_date(published_on)
    if window < published_on:
        raise PetitionDataError("Кінець строку збору підписів не може бути раніше дати оприлюднення")
    return window


def _status(
    state: PetitionState,
    *,
    window_ends_on: dt.date | None,
    due_on: dt.date | None,
    today: dt.date,
    calendar: WorkingCalendar,
    deadline: DeadlineState | None,
    consideration_due_on: dt.date | None = None,
    outcome: PetitionOutcome | None = None,
) -> PetitionStatus:
    pending = due_on is not None and deadline is not DeadlineState.DONE
    return PetitionStatus(
        state=state,
        window_ends_on=window_ends_on,
        due_on=due_on,
        days_left=(due_on - today).days if pending and due_on is not None else None,
        working_days_left=calendar.working_days_between(today, due_on) if pending and due_on is not None else None,
        deadline=deadline,
        consideration_due_on=consideration_due_on,
        outcome=outcome,
    )


def petition_state(
    *,
    published_on: dt.date | None,
    window: CollectionWindow | dt.date,
    threshold: int,
    signature_count: int,
    threshold_reached_on: dt.date | None,
    answered_on: dt.date | None,
    today: dt.date,
    calendar: WorkingCalendar,
    outcome: PetitionOutcome | None = None,
    submitted_on: dt.date | None = None,
    due_soon_working_days: int = DUE_SOON_WORKING_DAYS,
) -> PetitionStatus:
    """Derive a petition's state on ``today`` from its dates and signature count.

    The threshold counts as reached exactly when ``signature_count >=
    threshold``; ``threshold_reached_on`` (the day the threshold-th valid
    signature came, within the window) is then required. Contradictory input
    raises :class:`PetitionDataError`: an answer before the threshold was
    reached or the window closed, an answer without an outcome (or an outcome
    without an answer) for a petition that reached its threshold, a threshold
    date outside the window.
    """
    if threshold < 1:
        raise PetitionDataError(f"Поріг підписів має бути додатним, а не {threshold}")
    if signature_count < 0:
        raise PetitionDataError("Кількість підписів не може бути від’ємною")

    if published_on is None:
        if answered_on is not None or threshold_reached_on is not None or signature_count:
            raise PetitionDataError("Неоприлюднена петиція не може мати підписів, дати досягнення порогу чи відповіді")
        due = petition_publication_due(submitted_on, calendar) if submitted_on is not None else None
        light = None
        if due is not None:
            light = deadline_state(due, today, calendar, due_soon_working_days=due_soon_working_days)
        return _status(
            PetitionState.DRAFT, window_ends_on=None, due_on=due, today=today, calendar=calendar, deadline=light
        )

    ends_on = window_end(published_on, window)
    reached = signature_count >= threshold

    if reached:
        if threshold_reached_on is None:
            raise PetitionDataError(
                "Петиція набрала необхідну кількість підписів, але дату досягнення порогу не вказано"
            )
        if not published_on <= threshold_reached_on <= ends_on:
            raise PetitionDataError("Дата досягнення порогу має бути в межах строку збору підписів")
        due = petition_consideration_due(threshold_reached_on, calendar)
        if answered_on is not None:
            if answered_on < threshold_reached_on:
                raise PetitionDataError("Дата відповіді не може бути раніше дати досягнення порогу")
            if outcome is None:
                raise PetitionDataError("Для розглянутої петиції треба вказати результат: підтримана чи ні")
            return _status(
                PetitionState.ANSWERED,
                window_ends_on=ends_on,
                due_on=due,
                today=today,
                calendar=calendar,
                deadline=DeadlineState.DONE,
                consideration_due_on=due,
                outcome=outcome,
            )
        if outcome is not None:
            raise PetitionDataError("Результат розгляду вказано, а дату відповіді — ні")
        light = deadline_state(due, today, calendar, due_soon_working_days=due_soon_working_days)
        return _status(
            PetitionState.THRESHOLD_REACHED,
            window_ends_on=ends_on,
            due_on=due,
            today=today,
            calendar=calendar,
            deadline=light,
            consideration_due_on=due,
        )

    if threshold_reached_on is not None:
        raise PetitionDataError(
            f"Вказано дату досягнення порогу, але підписів лише {signature_count} із {threshold} необхідних"
        )
    if outcome is not None:
        raise PetitionDataError("Результат «підтримана / не підтримана» буває лише в петиції, що набрала підписи")
    if answered_on is not None and answered_on <= ends_on:
        raise PetitionDataError("Петицію, що не набрала підписів, можна розглядати лише після завершення збору")

    if today <= ends_on:
        return _status(
            PetitionState.COLLECTING,
            window_ends_on=ends_on,
            due_on=ends_on,
            today=today,
            calendar=calendar,
            deadline=None,
        )

    due = appeal_due_date(ends_on, calendar)
    light = deadline_state(due, today, calendar, done_on=answered_on, due_soon_working_days=due_soon_working_days)
    return _status(
        PetitionState.UNSUCCESSFUL, window_ends_on=ends_on, due_on=due, today=today, calendar=calendar, deadline=light
    )


__all__ = [
    "CollectionWindow",
    "PetitionDataError",
    "PetitionOutcome",
    "PetitionState",
    "PetitionStatus",
    "WindowUnit",
    "add_months",
    "petition_state",
    "window_end",
]

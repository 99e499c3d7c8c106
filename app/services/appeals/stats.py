"""Figures on the appeals of a period (no personal data), and the internal overdue list."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from app.db.engine import Database
from app.db.models.petitions import Appeal
from app.domain.appeals import AppealChannel, AppealKind, AppealResult
from app.domain.deadlines import DeadlineState
from app.domain.enums import TitledEnum
from app.domain.names import search_key
from app.errors import ValidationError
from app.services.appeals.reads import AppealFilter, list_appeals
from app.services.appeals.views import AppealRow


@dataclass(frozen=True)
class AppealStatistics:
    date_from: dt.date
    date_to: dt.date
    total: int
    by_kind: list[tuple[str, int]]
    by_topic: list[tuple[str, int]]
    by_channel: list[tuple[str, int]]
    by_result: list[tuple[str, int]]
    by_month: list[tuple[str, int]]  # ("січень 2026", n) for every month of the period
    answered: int
    answered_on_time: int
    open_in_time: int
    open_overdue: int
    extended: int
    repeated: int

    @property
    def share_on_time(self) -> float | None:
        """Percent of the answered appeals answered by their due date."""
        return None if not self.answered else 100.0 * self.answered_on_time / self.answered


def statistics(db: Database, date_from: dt.date, date_to: dt.date, today: dt.date | None = None) -> AppealStatistics:
    """Counts of the appeals received in the period (no personal data)."""
    if date_to < date_from:
        raise ValidationError("Кінець періоду не може бути раніше його початку.")
    today = today or dt.date.today()
    rows = list_appeals(db, today, AppealFilter(date_from=date_from, date_to=date_to))
    topic_names: dict[str, Counter[str]] = {}
    topic_counts: Counter[str] = Counter()
    for r in sorted(rows, key=lambda r: (r.received_on, r.reg_year, r.seq)):  # ties: the first spelling wins
        key = search_key(r.topic)
        topic_counts[key] += 1
        topic_names.setdefault(key, Counter())[r.topic] += 1

    def ordered(counter: Counter[str], titled: type[TitledEnum]) -> list[tuple[str, int]]:
        return [(item.label_uk, counter[item.value]) for item in titled if counter[item.value]]

    kinds = Counter(r.kind for r in rows)
    channels = Counter(r.channel for r in rows)
    results = Counter(r.result or "" for r in rows)
    by_result = ordered(results, AppealResult)
    if results[""]:
        by_result.append(("ще не розглянуто", results[""]))
    answered = [r for r in rows if r.answered_on is not None]
    open_rows = [r for r in rows if r.answered_on is None]
    return AppealStatistics(
        date_from=date_from, date_to=date_to, total=len(rows),
        by_kind=ordered(kinds, AppealKind),
        by_topic=sorted(((topic_names[k].most_common(1)[0][0], n) for k, n in topic_counts.items()),
                        key=lambda pair: (-pair[1], search_key(pair[0]))),
        by_channel=ordered(channels, AppealChannel),
        by_result=by_result,
        by_month=_by_month(rows, date_from, date_to),
        answered=len(answered),
        answered_on_time=sum(1 for r in answered if r.answered_on_time),
        open_in_time=sum(1 for r in open_rows if r.deadline is not DeadlineState.OVERDUE),
        open_overdue=sum(1 for r in open_rows if r.deadline is DeadlineState.OVERDUE),
        extended=sum(1 for r in rows if r.extended),
        repeated=sum(1 for r in rows if r.is_repeat),
    )


MONTHS_UK = ("січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень",
             "жовтень", "листопад", "грудень")


def _by_month(rows: list[AppealRow], date_from: dt.date, date_to: dt.date) -> list[tuple[str, int]]:
    counts = Counter((r.received_on.year, r.received_on.month) for r in rows)
    result = []
    year, month = date_from.year, date_from.month
    while (year, month) <= (date_to.year, date_to.month):
        result.append((f"{MONTHS_UK[month - 1]} {year}", counts[(year, month)]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


@dataclass(frozen=True)
class OverdueAppeal:
    """A line of the internal overdue list: with the applicant's contacts for the follow-up."""

    row: AppealRow
    applicant_phone: str
    applicant_email: str
    applicant_address: str
    days_overdue: int


def overdue_appeals(db: Database, today: dt.date | None = None) -> list[OverdueAppeal]:
    """Unanswered appeals past their due date, by assignee then due date."""
    today = today or dt.date.today()
    rows = list_appeals(db, today, AppealFilter(state="overdue"))
    if not rows:
        return []
    with db.read() as s:
        contacts = {i: (p, e, a) for i, p, e, a in s.execute(
            select(Appeal.id, Appeal.applicant_phone, Appeal.applicant_email, Appeal.applicant_address)
            .where(Appeal.id.in_([r.id for r in rows])))}
    result = [OverdueAppeal(r, *contacts[r.id], days_overdue=(today - r.due_on).days) for r in rows]
    result.sort(key=lambda o: (search_key(o.row.assignee) or "\uffff", o.row.due_on, o.row.reg_year, o.row.seq))
    return result

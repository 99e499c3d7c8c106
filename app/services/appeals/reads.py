"""The register of appeals as the clerk reads it: lists with due dates and traffic lights, one appeal,
earlier appeals of the same applicant, filter choices.

The due date is derived when read, so correcting the holiday list moves the deadlines of appeals
still open. Applicants' names and contacts are shown only to users who may see them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models.petitions import Appeal, Petition
from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import DeadlineState, deadline_state, term_end
from app.domain.names import normalize_person_name, search_key
from app.errors import NotFoundError, ValidationError
from app.services.appeals.common import PRIVATE_MARK, can_see_private, find_repeat, load_appeal
from app.services.appeals.rules import numbering
from app.services.appeals.views import AppealDetail, AppealRow
from app.services.core import holidays
from app.services.core.auth import Actor


def appeal_id_by_number(db: Database, reg_number: str, year: int | None = None) -> int:
    """The id of an appeal by its registration number (the latest year when it repeats across years)."""
    stmt = select(Appeal.id).where(Appeal.reg_number == reg_number.strip())
    if year is not None:
        stmt = stmt.where(Appeal.reg_year == year)
    with db.read() as s:
        found = s.execute(stmt.order_by(Appeal.reg_year.desc()).limit(1)).scalar_one_or_none()
    if found is None:
        raise NotFoundError(f"Звернення № {reg_number} немає в реєстрі.", f"There is no appeal {reg_number}.")
    return found


@dataclass(frozen=True)
class AppealFilter:
    search: str = ""
    assignee: str | None = None
    kind: str | None = None
    topic: str | None = None  # matched by its search key
    channel: str | None = None
    state: str | None = None  # "open", "overdue", "due_soon", "answered", "repeated"
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _due(received_on: dt.date, term_days: int, calendar: WorkingCalendar) -> dt.date:
    return term_end(received_on, term_days, calendar)


_COLUMNS = (
    Appeal.id, Appeal.reg_number, Appeal.reg_year, Appeal.seq, Appeal.received_on, Appeal.channel, Appeal.kind,
    Appeal.applicant_name, Appeal.topic, Appeal.summary, Appeal.assignee, Appeal.needs_study, Appeal.term_days,
    Appeal.answered_on, Appeal.result, Appeal.extension_reason, Appeal.repeat_of_id, Appeal.petition_id,
    Appeal.version,
)


def _rows(db: Database, stmt, today: dt.date, private: bool) -> list[AppealRow]:  # noqa: ANN001 - a Select
    calendar = holidays.working_calendar(db)
    due_soon = holidays.due_soon_days(db)
    with db.read() as s:
        result = s.execute(stmt).all()
        repeat_ids = {r[16] for r in result if r[16] is not None}
        numbers: dict[int, str] = {}
        if repeat_ids:
            numbers = {i: n for i, n in s.execute(
                select(Appeal.id, Appeal.reg_number).where(Appeal.id.in_(repeat_ids))).all()}
        petition_ids = {r[17] for r in result if r[17] is not None}
        petitions: dict[int, int] = {}
        if petition_ids:
            petitions = {i: n for i, n in s.execute(
                select(Petition.id, Petition.number).where(Petition.id.in_(petition_ids))).all()}
    rows = []
    for r in result:
        due_on = _due(r[4], r[12], calendar)
        state = deadline_state(due_on, today, calendar, done_on=r[13], due_soon_working_days=due_soon)
        rows.append(AppealRow(
            id=r[0], reg_number=r[1], reg_year=r[2], seq=r[3], received_on=r[4], channel=r[5], kind=r[6],
            applicant_name=r[7] if private else PRIVATE_MARK, topic=r[8], summary=r[9], assignee=r[10],
            needs_study=r[11], term_days=r[12], due_on=due_on, deadline=state,
            working_days_left=None if r[13] else calendar.working_days_between(today, due_on),
            answered_on=r[13], result=r[14], extended=bool(r[15]), repeat_of_id=r[16],
            repeat_of_number=numbers.get(r[16], "") if r[16] else "", petition_id=r[17],
            petition_number=petitions.get(r[17]) if r[17] else None, version=r[18],
        ))
    return rows


def list_appeals(
    db: Database, today: dt.date | None = None, flt: AppealFilter = AppealFilter(), *, actor: Actor | None = None
) -> list[AppealRow]:
    """The register, newest first, filtered; every row with its due date and traffic light."""
    today = today or dt.date.today()
    stmt = select(*_COLUMNS).order_by(Appeal.received_on.desc(), Appeal.reg_year.desc(), Appeal.seq.desc())
    if flt.search.strip():
        key = search_key(flt.search).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(Appeal.search_key.like(f"%{key}%", escape="\\"))
    if flt.assignee is not None:
        stmt = stmt.where(Appeal.assignee == flt.assignee)
    if flt.kind:
        stmt = stmt.where(Appeal.kind == flt.kind)
    if flt.channel:
        stmt = stmt.where(Appeal.channel == flt.channel)
    if flt.topic:
        stmt = stmt.where(Appeal.topic_key == search_key(flt.topic))
    if flt.date_from:
        stmt = stmt.where(Appeal.received_on >= flt.date_from)
    if flt.date_to:
        stmt = stmt.where(Appeal.received_on <= flt.date_to)
    if flt.state in ("open", "overdue", "due_soon"):
        stmt = stmt.where(Appeal.answered_on.is_(None))
    elif flt.state == "answered":
        stmt = stmt.where(Appeal.answered_on.is_not(None))
    elif flt.state == "repeated":
        stmt = stmt.where(Appeal.repeat_of_id.is_not(None))
    rows = _rows(db, stmt, today, can_see_private(actor))
    if flt.state == "overdue":
        rows = [r for r in rows if r.deadline is DeadlineState.OVERDUE]
    elif flt.state == "due_soon":
        rows = [r for r in rows if r.deadline is DeadlineState.DUE_SOON]
    return rows


def get_appeal(db: Database, appeal_id: int, today: dt.date | None = None, *,
               actor: Actor | None = None) -> AppealDetail:
    today = today or dt.date.today()
    private = can_see_private(actor)
    rows = _rows(db, select(*_COLUMNS).where(Appeal.id == appeal_id), today, private)
    if not rows:
        raise NotFoundError(f"Звернення (id {appeal_id}) не знайдено.", f"Appeal (id {appeal_id}) not found.")
    with db.read() as s:
        a = load_appeal(s, appeal_id)
        return AppealDetail(
            **rows[0].__dict__,
            applicant_address=a.applicant_address if private else PRIVATE_MARK,
            applicant_phone=a.applicant_phone if private else PRIVATE_MARK,
            applicant_email=a.applicant_email if private else PRIVATE_MARK,
            extension_reason=a.extension_reason, extended_on=a.extended_on, answer_text=a.answer_text,
            answered_by=a.answered_by, private_visible=private,
        )


def due_date_for(db: Database, received_on: dt.date, *, needs_study: bool = True, days: int | None = None) -> dt.date:
    """The due date an appeal received on ``received_on`` would get (for forms, before saving)."""
    rules = numbering(db)
    term = days if days is not None else rules.term(needs_study)
    if not 1 <= term <= rules.max_days:
        raise ValidationError(f"Строк розгляду має бути від 1 до {rules.max_days} днів.")
    return _due(received_on, term, holidays.working_calendar(db))


def find_earlier(db: Database, applicant_name: str, topic: str, received_on: dt.date,
                 exclude_id: int | None = None) -> str | None:
    """The registration number of the same applicant's latest earlier appeal on the topic (a repeat), if any."""
    key, topic_key = normalize_person_name(applicant_name), search_key(topic)
    if not key or not topic_key:
        return None
    with db.read() as s:
        found = find_repeat(s, key, topic_key, received_on, exclude_id)
        return found.reg_number if found else None


def earlier_appeals(db: Database, appeal_id: int, today: dt.date | None = None) -> list[AppealRow]:
    """The same applicant's earlier appeals on the same topic (why an appeal is flagged as repeated)."""
    with db.read() as s:
        a = load_appeal(s, appeal_id)
        key, topic, received, own = a.applicant_key, a.topic_key, a.received_on, a.id
    stmt = select(*_COLUMNS).where(Appeal.applicant_key == key, Appeal.topic_key == topic, Appeal.id != own,
                                   Appeal.received_on <= received).order_by(Appeal.received_on.desc())
    return _rows(db, stmt, today or dt.date.today(), True)


@dataclass(frozen=True)
class FilterChoices:
    assignees: list[str]
    topics: list[str]  # the most common spelling of each topic
    years: list[int]


def filter_choices(db: Database) -> FilterChoices:
    with db.read() as s:
        assignees = [a for (a,) in s.execute(select(Appeal.assignee).distinct().order_by(Appeal.assignee))]
        topic_counts = s.execute(select(Appeal.topic_key, Appeal.topic, func.count(Appeal.id))
                                 .group_by(Appeal.topic_key, Appeal.topic)).all()
        years = [y for (y,) in s.execute(select(Appeal.reg_year).distinct().order_by(Appeal.reg_year.desc()))]
    best: dict[str, tuple[int, str]] = {}
    for key, topic, count in topic_counts:
        if key not in best or count > best[key][0]:
            best[key] = (count, topic)
    topics = sorted((t for _, t in best.values()), key=lambda t: search_key(t))
    return FilterChoices(assignees, topics, years)


def topics_in_use(rows: Iterable[AppealRow]) -> list[str]:
    return sorted({r.topic for r in rows}, key=search_key)

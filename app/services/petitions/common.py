"""Helpers the petition modules share: a petition's derived state, validation, search keys, loading a row.

A petition's state is never typed: it follows from its dates and signature count
(:func:`app.domain.petitions.petition_state`) on the council's working calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models.petitions import Appeal, Petition
from app.domain.calendar import WorkingCalendar
from app.domain.names import search_key
from app.domain.petitions import (
    CollectionWindow,
    PetitionDataError,
    PetitionOutcome,
    PetitionStatus,
    WindowUnit,
    petition_state,
)
from app.errors import NotFoundError, ValidationError
from app.services.core.auth import Actor, Permission
from app.services.petitions.views import PetitionInput, PetitionRow

MAX_TITLE = 300
MAX_NAME = 200
PHONE_RE = re.compile(r"^[+\d][\d\s()\-]{4,30}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PRIVATE_MARK = "—"  # shown instead of private data to users who may not see it


def plural_uk(n: int, one: str, few: str, many: str) -> str:
    """The Ukrainian noun form for ``n``: 1 підпис, 2 підписи, 5 підписів (21 підпис, 11 підписів)."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def signatures_text(n: int) -> str:
    """``"151 підпис"``, ``"93 підписи"``, ``"100 підписів"``."""
    return f"{n} {plural_uk(n, 'підпис', 'підписи', 'підписів')}"


def can_see_private(actor: Actor | None) -> bool:
    return actor is None or actor.can(Permission.EDIT_RECORDS) or actor.can(Permission.ENTER_SIGNATURES)


def one_line(text: str) -> str:
    return " ".join((text or "").split())


def window_of(p: Petition) -> CollectionWindow | None:
    if p.window_length is None or p.window_unit is None:
        return None
    return CollectionWindow(p.window_length, WindowUnit(p.window_unit))


def status_of(
    p: Petition | PetitionFacts,
    calendar: WorkingCalendar,
    today: dt.date,
    due_soon: int,
    appeal_answered_on: dt.date | None = None,
) -> PetitionStatus:
    window = window_of(p) if p.published_on is not None else None  # type: ignore[arg-type]
    reached = p.threshold is not None and p.signature_count >= p.threshold
    try:
        return petition_state(
            published_on=p.published_on,
            window=window or CollectionWindow.days(1),
            threshold=p.threshold or 1,
            signature_count=p.signature_count if p.published_on is not None else 0,
            threshold_reached_on=p.threshold_reached_on if reached else None,
            answered_on=p.answered_on if reached else appeal_answered_on,
            outcome=PetitionOutcome(p.outcome) if reached and p.outcome and p.answered_on else None,
            today=today,
            calendar=calendar,
            submitted_on=p.submitted_on,
            due_soon_working_days=due_soon,
        )
    except PetitionDataError as exc:
        raise ValidationError(f"Петиція №{p.number}: {exc}", f"Petition #{p.number}: inconsistent data.") from exc


@dataclass
class PetitionFacts:
    """The columns :func:`status_of` needs, from a row of a list query."""

    number: int
    submitted_on: dt.date
    published_on: dt.date | None
    threshold: int | None
    window_length: int | None
    window_unit: str | None
    signature_count: int
    threshold_reached_on: dt.date | None
    answered_on: dt.date | None
    outcome: str | None


def petition_search_key(number: int, title: str, author: str) -> str:
    return search_key(f"№{number} {title} {author}")


def like_pattern(text: str) -> str:
    key = search_key(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{key}%"


def load_petition(s: Session, petition_id: int, *, lock: bool = False) -> Petition:
    stmt = select(Petition).where(Petition.id == petition_id)
    if lock:
        stmt = stmt.with_for_update()
    p = s.execute(stmt).scalar_one_or_none()
    if p is None:
        raise NotFoundError(f"Петицію (id {petition_id}) не знайдено.", f"Petition (id {petition_id}) not found.")
    return p


def appeal_for(s: Session, petition_id: int) -> Appeal | None:
    return s.execute(select(Appeal).where(Appeal.petition_id == petition_id)).scalar_one_or_none()


def validate(data: PetitionInput, today: dt.date) -> PetitionInput:
    problems = []
    title = one_line(data.title)
    author = one_line(data.author_name)
    text = (data.text or "").strip()
    if not title:
        problems.append("Вкажіть назву петиції.")
    elif len(title) > MAX_TITLE:
        problems.append(f"Назва петиції задовга (понад {MAX_TITLE} знаків).")
    if not text:
        problems.append("Вкажіть текст петиції.")
    if not author:
        problems.append("Вкажіть автора петиції (прізвище та ім’я).")
    elif len(author) > MAX_NAME:
        problems.append("Ім’я автора задовге.")
    if data.submitted_on > today:
        problems.append("Дата подання петиції не може бути в майбутньому.")
    phone = one_line(data.author_phone)
    if phone and not PHONE_RE.match(phone):
        problems.append(f"Телефон автора «{phone}» неправильний.")
    email = data.author_email.strip()
    if email and not EMAIL_RE.match(email):
        problems.append(f"Адреса електронної пошти автора «{email}» неправильна.")
    url = data.online_url.strip()
    if url and not re.match(r"^https?://\S+\.\S+$", url):
        problems.append(f"Посилання на петицію онлайн «{url}» має починатися з https://.")
    if problems:
        raise ValidationError(" ".join(problems), "The petition has errors; see the Ukrainian message.")
    return PetitionInput(
        title=title, text=text, author_name=author, submitted_on=data.submitted_on,
        author_address=one_line(data.author_address), author_phone=phone, author_email=email,
        responsible=one_line(data.responsible), online_url=url,
    )


def row_from(p: Petition, status: PetitionStatus, appeal: Appeal | None) -> PetitionRow:
    return PetitionRow(
        id=p.id, number=p.number, title=p.title, author_name=p.author_name, submitted_on=p.submitted_on,
        published_on=p.published_on, threshold=p.threshold, signature_count=p.signature_count, status=status,
        answered_on=p.answered_on if p.threshold_reached_on else (appeal.answered_on if appeal else None),
        answer_text=p.answer_text, appeal_id=appeal.id if appeal else None,
        appeal_number=appeal.reg_number if appeal else "", version=p.version,
    )

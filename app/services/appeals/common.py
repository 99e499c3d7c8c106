"""Helpers the appeal modules share: validation, search keys, repeat detection, loading a row."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.models.petitions import Appeal
from app.domain.appeals import AppealChannel, AppealKind
from app.domain.names import search_key
from app.errors import NotFoundError, ValidationError
from app.services.appeals.views import AppealInput
from app.services.core.auth import Actor, Permission

_PHONE_RE = re.compile(r"^[+\d][\d\s()\-]{4,30}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PRIVATE_MARK = "—"


def can_see_private(actor: Actor | None) -> bool:
    return actor is None or actor.can(Permission.EDIT_RECORDS)


def one_line(text: str) -> str:
    return " ".join((text or "").split())


def validate(data: AppealInput, today: dt.date, *, allow_petition_channel: bool = False) -> AppealInput:
    problems = []
    name = one_line(data.applicant_name)
    topic = one_line(data.topic)
    summary = (data.summary or "").strip()
    if not name:
        problems.append("Вкажіть заявника (прізвище та ім’я або назву колективу).")
    if not topic:
        problems.append("Вкажіть тему звернення.")
    if not summary:
        problems.append("Вкажіть короткий зміст звернення.")
    if data.kind not in AppealKind._value2member_map_:
        problems.append(f"Невідомий вид звернення «{data.kind}».")
    if data.channel not in AppealChannel._value2member_map_:
        problems.append(f"Невідомий спосіб надходження «{data.channel}».")
    elif data.channel == "petition" and not allow_petition_channel:
        problems.append("Спосіб «петиція» ставиться лише під час передачі петиції, що не набрала підписів.")
    if data.received_on > today:
        problems.append("Дата надходження не може бути в майбутньому.")
    phone = one_line(data.applicant_phone)
    if phone and not _PHONE_RE.match(phone):
        problems.append(f"Телефон заявника «{phone}» неправильний.")
    email = data.applicant_email.strip()
    if email and not _EMAIL_RE.match(email):
        problems.append(f"Адреса електронної пошти «{email}» неправильна.")
    if problems:
        raise ValidationError(" ".join(problems), "The appeal has errors; see the Ukrainian message.")
    return replace(data, applicant_name=name, topic=topic, summary=summary, applicant_address=one_line(
        data.applicant_address), applicant_phone=phone, applicant_email=email, assignee=one_line(data.assignee))


def appeal_search_key(reg_number: str, data: AppealInput) -> str:
    return search_key(f"{reg_number} {data.applicant_name} {data.topic} {data.summary[:400]} {data.assignee}")


def find_repeat(s: Session, applicant_key: str, topic_key: str, received_on: dt.date,
                exclude_id: int | None = None) -> Appeal | None:
    stmt = select(Appeal).where(
        Appeal.applicant_key == applicant_key, Appeal.topic_key == topic_key, Appeal.received_on <= received_on)
    if exclude_id is not None:
        stmt = stmt.where(Appeal.id != exclude_id).where(
            or_(Appeal.received_on < received_on, Appeal.id < exclude_id))
    return s.execute(stmt.order_by(Appeal.received_on.desc(), Appeal.id.desc()).limit(1)).scalar_one_or_none()


def next_seq_in_year(s: Session, year: int) -> int:
    return (s.execute(select(func.max(Appeal.seq)).where(Appeal.reg_year == year)).scalar() or 0) + 1


def load_appeal(s: Session, appeal_id: int, *, lock: bool = False) -> Appeal:
    stmt = select(Appeal).where(Appeal.id == appeal_id)
    if lock:
        stmt = stmt.with_for_update()
    appeal = s.execute(stmt).scalar_one_or_none()
    if appeal is None:
        raise NotFoundError(f"Звернення (id {appeal_id}) не знайдено.", f"Appeal (id {appeal_id}) not found.")
    return appeal

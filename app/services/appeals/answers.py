"""Extending the term of an appeal and recording its answer.

Deadlines follow the Law "On citizens' appeals" art. 20 (see app.domain.deadlines): an
extension to at most 45 days in total, with the reason told to the applicant.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.db.engine import Database
from app.db.models.petitions import Petition
from app.domain.appeals import AppealResult
from app.domain.deadlines import DeadlineError, extend_appeal_term
from app.domain.formats import format_date
from app.domain.petitions import CollectionWindow, WindowUnit
from app.errors import ValidationError
from app.services.appeals.common import load_appeal, one_line
from app.services.appeals.rules import numbering
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.records import check_version


def extend_appeal(
    db: Database, actor: Actor, appeal_id: int, *, new_total_days: int, reason: str, expected_version: int,
    today: dt.date | None = None,
) -> None:
    """Extend the term (at most 45 days in total) with the reason told to the applicant."""
    require(actor, Permission.EDIT_RECORDS)
    today = today or dt.date.today()
    max_days = numbering(db).max_days
    with db.write() as s:
        appeal = load_appeal(s, appeal_id, lock=True)
        check_version(appeal, expected_version, "Звернення")
        if appeal.answered_on is not None:
            raise ValidationError(f"На звернення {appeal.reg_number} вже відповіли: строк не продовжують.")
        try:
            total = extend_appeal_term(appeal.term_days, new_total_days, reason, max_days=max_days)
        except DeadlineError as exc:
            raise ValidationError(str(exc) + ".", "The extension is not allowed.") from exc
        before = {"term_days": appeal.term_days, "extension_reason": appeal.extension_reason}
        appeal.term_days = total
        appeal.extension_reason = reason.strip()
        appeal.extended_on = today
        s.flush()
        audit.record_object(
            s, actor, audit.Action.UPDATE, appeal,
            changes={"term_days": [before["term_days"], total],
                     "extension_reason": [before["extension_reason"], appeal.extension_reason]},
            summary=f"Звернення {appeal.reg_number}: строк продовжено до {total} днів",
        )


def answer_appeal(
    db: Database, actor: Actor, appeal_id: int, *, answered_on: dt.date, result: str, answer_text: str,
    answered_by: str, expected_version: int, today: dt.date | None = None,
) -> None:
    """Record the answer (or correct it)."""
    require(actor, Permission.EDIT_RECORDS)
    today = today or dt.date.today()
    problems = []
    if result not in AppealResult._value2member_map_:
        problems.append("Оберіть результат розгляду.")
    if not answer_text.strip():
        problems.append("Вкажіть короткий зміст відповіді.")
    if not answered_by.strip():
        problems.append("Вкажіть, хто підписав відповідь.")
    if answered_on > today:
        problems.append("Дата відповіді не може бути в майбутньому.")
    if problems:
        raise ValidationError(" ".join(problems), "The answer has errors.")
    with db.write() as s:
        appeal = load_appeal(s, appeal_id, lock=True)
        check_version(appeal, expected_version, "Звернення")
        if answered_on < appeal.received_on:
            raise ValidationError(
                f"Дата відповіді не може бути раніше надходження звернення ({format_date(appeal.received_on)}).")
        if appeal.petition_id is not None:
            p = s.execute(select(Petition).where(Petition.id == appeal.petition_id)).scalar_one()
            if p.published_on and p.window_length and p.window_unit:
                ends = CollectionWindow(p.window_length, WindowUnit(p.window_unit)).end_date(p.published_on)
                if answered_on <= ends:
                    raise ValidationError(
                        f"Петицію розглядають як звернення лише після завершення збору підписів "
                        f"({format_date(ends)}): дата відповіді має бути пізніше.")
        before = audit.snapshot(appeal, exclude=("search_key", "applicant_key", "topic_key"))
        appeal.answered_on = answered_on
        appeal.result = result
        appeal.answer_text = answer_text.strip()
        appeal.answered_by = one_line(answered_by)
        s.flush()
        audit.record_object(s, actor, audit.Action.UPDATE, appeal,
                            changes=audit.diff(before, audit.snapshot(
                                appeal, exclude=("search_key", "applicant_key", "topic_key"))),
                            summary=f"Відповідь на звернення {appeal.reg_number}: {AppealResult.title_of(result)}")

"""Registering appeals: one at a time, a whole old register at once, corrections.

An appeal from an applicant who already wrote on the same topic is flagged as repeated
and linked to the latest earlier one.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.petitions import Appeal
from app.domain.appeals import AppealResult
from app.domain.names import normalize_person_name, search_key
from app.errors import ImportRejectedError, ValidationError
from app.services.appeals.common import appeal_search_key, find_repeat, load_appeal, next_seq_in_year, validate
from app.services.appeals.rules import Numbering, format_number, numbering
from app.services.appeals.views import AppealAnswer, AppealInput
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.progress import ProgressCallback, report
from app.services.core.records import check_version, retry_unique


def insert_appeal(
    s: Session,
    actor: Actor,
    data: AppealInput,
    rules: Numbering,
    *,
    petition_id: int | None = None,
    allow_petition_channel: bool = False,
    today: dt.date | None = None,
) -> Appeal:
    """Register an appeal inside the caller's transaction (petitions use it too); audited."""
    clean = validate(data, today or dt.date.today(), allow_petition_channel=allow_petition_channel)
    term = rules.term(clean.needs_study)
    pattern = rules.pattern
    year = clean.received_on.year
    seq = next_seq_in_year(s, year)
    reg_number = format_number(pattern, seq=seq, year=year, applicant_name=clean.applicant_name, kind=clean.kind)
    applicant_key = normalize_person_name(clean.applicant_name)
    topic_key = search_key(clean.topic)
    repeat = find_repeat(s, applicant_key, topic_key, clean.received_on)
    appeal = Appeal(
        reg_year=year, seq=seq, reg_number=reg_number, received_on=clean.received_on, channel=clean.channel,
        kind=clean.kind, applicant_name=clean.applicant_name, applicant_key=applicant_key,
        applicant_address=clean.applicant_address, applicant_phone=clean.applicant_phone,
        applicant_email=clean.applicant_email, summary=clean.summary, topic=clean.topic, topic_key=topic_key,
        assignee=clean.assignee, needs_study=clean.needs_study, term_days=term, extension_reason="",
        answer_text="", answered_by="", petition_id=petition_id, repeat_of_id=repeat.id if repeat else None,
        search_key=appeal_search_key(reg_number, clean),
    )
    s.add(appeal)
    s.flush()
    note = f" (повторне, попереднє {repeat.reg_number})" if repeat else ""
    audit.record_object(s, actor, audit.Action.CREATE, appeal, exclude=("search_key", "applicant_key", "topic_key"),
                        summary=f"Звернення {reg_number}: {clean.topic}{note}")
    return appeal


def register_appeal(db: Database, actor: Actor, data: AppealInput, *, today: dt.date | None = None) -> int:
    """Register an incoming appeal under the next number of its year; returns its id."""
    require(actor, Permission.EDIT_RECORDS)
    today = today or dt.date.today()
    validate(data, today)
    rules = numbering(db)

    def write() -> int:
        with db.write() as s:
            return insert_appeal(s, actor, data, rules, today=today).id

    return retry_unique(write)


def import_appeals(
    db: Database,
    actor: Actor,
    records: list[tuple[AppealInput, AppealAnswer | None]],
    *,
    source: str,
    today: dt.date | None = None,
    progress: ProgressCallback | None = None,
) -> int:
    """Register many appeals at once (an old paper register, the demo): all or none, one audit event.

    Numbers are given in order of receipt within each year; repeated appeals are flagged as
    when registered one by one.
    """
    require(actor, Permission.EDIT_RECORDS)
    today = today or dt.date.today()
    rules = numbering(db)
    problems = []
    cleaned: list[tuple[AppealInput, AppealAnswer | None]] = []
    for index, (data, answer) in enumerate(records, start=1):
        try:
            clean = validate(data, today)
        except ValidationError as exc:
            problems.append(f"Запис {index}: {exc.message}")
            continue
        if answer is not None and (answer.result not in AppealResult._value2member_map_
                                   or answer.answered_on < clean.received_on or answer.answered_on > today):
            problems.append(f"Запис {index}: відповідь неправильна (дата чи результат).")
            continue
        cleaned.append((clean, answer))
    if problems:
        raise ImportRejectedError(f"Звернення не завантажено: {len(problems)} записів із помилками.", problems,
                                  f"Appeals not loaded: {len(problems)} records have errors.")
    cleaned.sort(key=lambda pair: pair[0].received_on)
    total = len(cleaned)
    with db.write() as s:
        next_seq: dict[int, int] = {}
        rows = []
        for offset, (data, answer) in enumerate(cleaned):
            year = data.received_on.year
            if year not in next_seq:
                next_seq[year] = next_seq_in_year(s, year)
            seq = next_seq[year]
            next_seq[year] += 1
            reg_number = format_number(rules.pattern, seq=seq, year=year, applicant_name=data.applicant_name,
                                       kind=data.kind)
            rows.append({
                "reg_year": year, "seq": seq, "reg_number": reg_number,
                "received_on": data.received_on, "channel": data.channel, "kind": data.kind,
                "applicant_name": data.applicant_name, "applicant_key": normalize_person_name(data.applicant_name),
                "applicant_address": data.applicant_address, "applicant_phone": data.applicant_phone,
                "applicant_email": data.applicant_email, "summary": data.summary, "topic": data.topic,
                "topic_key": search_key(data.topic), "assignee": data.assignee, "needs_study": data.needs_study,
                "term_days": rules.term(data.needs_study), "extension_reason": "",
                "answered_on": answer.answered_on if answer else None, "result": answer.result if answer else None,
                "answer_text": answer.answer_text if answer else "",
                "answered_by": answer.answered_by if answer else "",
                "petition_id": None, "repeat_of_id": None, "search_key": appeal_search_key(reg_number, data),
            })
            if offset % 500 == 0:
                report(progress, offset, total, "Звернення")
        for start in range(0, len(rows), 2000):
            s.execute(insert(Appeal), rows[start:start + 2000])
        _relink_repeats(s)
        audit.record(s, actor, audit.Action.IMPORT, "appeal",
                     changes={"count": [None, total], "source": [None, source]},
                     summary=f"Завантажено {total} звернень: {source}")
    report(progress, total, total, "")
    return total


def _relink_repeats(s: Session) -> None:
    """Point every appeal without a repeat link at the same applicant's latest earlier appeal on the topic."""
    last: dict[tuple[str, str], int] = {}
    links = []
    for appeal_id, app_key, topic_key, repeat_of, version in s.execute(
            select(Appeal.id, Appeal.applicant_key, Appeal.topic_key, Appeal.repeat_of_id, Appeal.version)
            .order_by(Appeal.received_on, Appeal.id)):
        earlier = last.get((app_key, topic_key))
        if earlier is not None and repeat_of is None:
            links.append({"id": appeal_id, "repeat_of_id": earlier, "version": version})
        last[(app_key, topic_key)] = appeal_id
    if links:
        s.execute(update(Appeal), links)


def update_appeal(
    db: Database, actor: Actor, appeal_id: int, data: AppealInput, expected_version: int,
    *, today: dt.date | None = None,
) -> None:
    """Correct a registered appeal; its number stays. The repeat flag is re-checked."""
    require(actor, Permission.EDIT_RECORDS)
    today = today or dt.date.today()
    rules = numbering(db)
    with db.write() as s:
        appeal = load_appeal(s, appeal_id, lock=True)
        check_version(appeal, expected_version, "Звернення")
        clean = validate(data, today, allow_petition_channel=appeal.channel == "petition")
        if appeal.channel == "petition" and clean.channel != "petition":
            raise ValidationError("Звернення з петиції не можна перевести на інший спосіб надходження.")
        if clean.received_on.year != appeal.reg_year:
            raise ValidationError(
                f"Звернення зареєстровано в реєстрі {appeal.reg_year} року: дата надходження має бути того ж року.",
                "The date of receipt must stay in the registration year.",
            )
        if appeal.answered_on is not None and clean.received_on > appeal.answered_on:
            raise ValidationError("Дата надходження не може бути пізніше дати відповіді.")
        before = audit.snapshot(appeal, exclude=("search_key", "applicant_key", "topic_key"))
        for key in ("received_on", "channel", "kind", "applicant_name", "applicant_address", "applicant_phone",
                    "applicant_email", "summary", "topic", "assignee", "needs_study"):
            setattr(appeal, key, getattr(clean, key))
        if not appeal.extension_reason:
            appeal.term_days = rules.term(clean.needs_study)
        appeal.applicant_key = normalize_person_name(clean.applicant_name)
        appeal.topic_key = search_key(clean.topic)
        repeat = find_repeat(s, appeal.applicant_key, appeal.topic_key, clean.received_on, exclude_id=appeal.id)
        appeal.repeat_of_id = repeat.id if repeat else None
        appeal.search_key = appeal_search_key(appeal.reg_number, clean)
        s.flush()
        changes = audit.diff(before, audit.snapshot(appeal, exclude=("search_key", "applicant_key", "topic_key")))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, appeal, changes=changes,
                                summary=f"Звернення {appeal.reg_number}")

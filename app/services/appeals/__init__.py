"""The register of citizens' appeals (звернення громадян): registration, deadlines, extension, answer.

Deadlines follow the Law "On citizens' appeals" art. 20 (see app.domain.deadlines): 30
days, 15 when the appeal needs no additional study, an extension to at most 45 days in
total with a recorded reason; a term ending on a day off moves to the next working day of
the council's calendar. The due date is derived when read, so correcting the holiday list
moves the deadlines of appeals still open.

Registration numbers follow the council's pattern (setting ``appeals.number_pattern``):
``{seq}`` the number within the year, ``{year}``/``{yy}`` the year, ``{letter}`` the first
letter of the applicant's surname (as the paperwork instruction for appeals has it:
"П-15"), ``{kind}`` the letter of the kind (П/З/С).

An appeal from an applicant who already wrote on the same topic is flagged as repeated
and linked to the latest earlier one.

Applicants' names and contacts are private: only the internal overdue list shows them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.petitions import Appeal, Petition
from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import (
    APPEAL_DAYS,
    APPEAL_MAX_DAYS,
    APPEAL_NO_STUDY_DAYS,
    DeadlineError,
    DeadlineState,
    deadline_state,
    extend_appeal_term,
    term_end,
)
from app.domain.formats import format_date
from app.domain.names import normalize_person_name, search_key
from app.domain.petitions import CollectionWindow, WindowUnit
from app.errors import ImportRejectedError, NotFoundError, ValidationError
from app.services.core import audit, holidays, settings
from app.services.core.auth import Actor, Permission, require
from app.services.core.due import DueItem
from app.services.core.progress import ProgressCallback, report
from app.services.core.records import check_version
from app.services.core.settings import SettingDef

NUMBER_PATTERN = SettingDef(
    "appeals.number_pattern", str, "{seq}/{year}",
    "Звернення: формат реєстраційного номера ({seq}, {year}, {yy}, {letter}, {kind})",
    "Appeals: registration number format ({seq}, {year}, {yy}, {letter}, {kind})",
)
TERM_DAYS = SettingDef(
    "appeals.term_days", int, APPEAL_DAYS, "Звернення: строк розгляду, днів", "Appeals: term, days", 1, 45,
)
TERM_NO_STUDY_DAYS = SettingDef(
    "appeals.term_no_study_days", int, APPEAL_NO_STUDY_DAYS,
    "Звернення: строк, коли не потрібне додаткове вивчення, днів", "Appeals: term without extra study, days", 1, 45,
)
MAX_DAYS = SettingDef(
    "appeals.max_days", int, APPEAL_MAX_DAYS, "Звернення: найбільший строк із продовженням, днів",
    "Appeals: longest term with an extension, days", 1, 45,
)

PAGE_KEY = "appeals"

KINDS: dict[str, tuple[str, str, str]] = {  # id -> (uk, en, letter)
    "proposal": ("пропозиція (зауваження)", "proposal", "П"),
    "statement": ("заява (клопотання)", "statement", "З"),
    "complaint": ("скарга", "complaint", "С"),
}
CHANNELS: dict[str, tuple[str, str]] = {
    "post": ("поштою", "by post"),
    "in_person": ("особисто", "in person"),
    "email": ("електронною поштою", "by e-mail"),
    "reception": ("на прийомі громадян (депутат)", "at a deputy's reception hours"),
    "hotline": ("гаряча лінія", "hotline"),
    "petition": ("петиція, що не набрала підписів", "petition short of signatures"),
}
RESULTS: dict[str, tuple[str, str]] = {
    "resolved": ("вирішено позитивно", "resolved"),
    "explained": ("надано роз’яснення", "explanation given"),
    "refused": ("відмовлено", "refused"),
    "forwarded": ("надіслано за належністю", "forwarded to the competent body"),
}

_TOKEN_RE = re.compile(r"\{(\w+)\}")
_KNOWN_TOKENS = {"seq", "year", "yy", "letter", "kind"}
_PHONE_RE = re.compile(r"^[+\d][\d\s()\-]{4,30}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MARK = "—"


def kind_label(kind: str, language: str = "uk") -> str:
    entry = KINDS.get(kind)
    return kind if entry is None else (entry[1] if language == "en" else entry[0])


def channel_label(channel: str, language: str = "uk") -> str:
    entry = CHANNELS.get(channel)
    return channel if entry is None else (entry[1] if language == "en" else entry[0])


def result_label(result: str | None, language: str = "uk") -> str:
    if not result:
        return ""
    entry = RESULTS.get(result)
    return result if entry is None else (entry[1] if language == "en" else entry[0])


# --------------------------------------------------------------------------- numbering


def check_pattern(pattern: str) -> str:
    """The pattern, or a refusal naming what is wrong with it."""
    tokens = set(_TOKEN_RE.findall(pattern))
    unknown = tokens - _KNOWN_TOKENS
    if unknown:
        raise ValidationError(
            f"У форматі номера звернення невідомі поля: {', '.join('{' + t + '}' for t in sorted(unknown))}. "
            "Можна: {seq}, {year}, {yy}, {letter}, {kind}.",
            "Unknown fields in the appeal number format.",
        )
    if "seq" not in tokens:
        raise ValidationError("Формат номера звернення має містити {seq} — порядковий номер.",
                              "The appeal number format must contain {seq}.")
    return pattern


def format_number(pattern: str, *, seq: int, year: int, applicant_name: str = "", kind: str = "") -> str:
    """``"{letter}-{seq}"`` → ``"П-15"``; ``"{seq}/{year}"`` → ``"15/2026"``."""
    check_pattern(pattern)
    surname = applicant_name.strip()
    letter = next((ch.upper() for ch in surname if ch.isalpha()), "Б")  # "Б/н": no name given
    values = {"seq": str(seq), "year": str(year), "yy": f"{year % 100:02d}", "letter": letter,
              "kind": KINDS.get(kind, ("", "", ""))[2]}
    return _TOKEN_RE.sub(lambda m: values[m.group(1)], pattern)


# --------------------------------------------------------------------------- views


@dataclass(frozen=True)
class AppealInput:
    received_on: dt.date
    channel: str
    kind: str
    applicant_name: str
    summary: str
    topic: str
    applicant_address: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    assignee: str = ""
    needs_study: bool = True


@dataclass(frozen=True)
class AppealAnswer:
    """An answer given at registration time (bulk loads of old registers, the demo)."""

    answered_on: dt.date
    result: str
    answer_text: str = ""
    answered_by: str = ""


@dataclass(frozen=True)
class AppealRow:
    id: int
    reg_number: str
    reg_year: int
    seq: int
    received_on: dt.date
    channel: str
    kind: str
    applicant_name: str  # private: "—" for users who may not see it
    topic: str
    summary: str
    assignee: str
    needs_study: bool
    term_days: int
    due_on: dt.date
    deadline: DeadlineState
    working_days_left: int | None  # None once answered
    answered_on: dt.date | None
    result: str | None
    extended: bool
    repeat_of_id: int | None
    repeat_of_number: str
    petition_id: int | None
    petition_number: int | None
    version: int

    @property
    def is_repeat(self) -> bool:
        return self.repeat_of_id is not None

    @property
    def answered_on_time(self) -> bool | None:
        return None if self.answered_on is None else self.answered_on <= self.due_on


@dataclass(frozen=True)
class AppealDetail(AppealRow):
    applicant_address: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    extension_reason: str = ""
    extended_on: dt.date | None = None
    answer_text: str = ""
    answered_by: str = ""
    private_visible: bool = True

    def input(self) -> AppealInput:
        return AppealInput(
            received_on=self.received_on, channel=self.channel, kind=self.kind, applicant_name=self.applicant_name,
            summary=self.summary, topic=self.topic, applicant_address=self.applicant_address,
            applicant_phone=self.applicant_phone, applicant_email=self.applicant_email, assignee=self.assignee,
            needs_study=self.needs_study,
        )


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


# --------------------------------------------------------------------------- helpers


def can_see_private(actor: Actor | None) -> bool:
    return actor is None or actor.can(Permission.EDIT_RECORDS)


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def _validate(data: AppealInput, today: dt.date, *, allow_petition_channel: bool = False) -> AppealInput:
    problems = []
    name = _clean(data.applicant_name)
    topic = _clean(data.topic)
    summary = (data.summary or "").strip()
    if not name:
        problems.append("Вкажіть заявника (прізвище та ім’я або назву колективу).")
    if not topic:
        problems.append("Вкажіть тему звернення.")
    if not summary:
        problems.append("Вкажіть короткий зміст звернення.")
    if data.kind not in KINDS:
        problems.append(f"Невідомий вид звернення «{data.kind}».")
    if data.channel not in CHANNELS:
        problems.append(f"Невідомий спосіб надходження «{data.channel}».")
    elif data.channel == "petition" and not allow_petition_channel:
        problems.append("Спосіб «петиція» ставиться лише під час передачі петиції, що не набрала підписів.")
    if data.received_on > today:
        problems.append("Дата надходження не може бути в майбутньому.")
    phone = _clean(data.applicant_phone)
    if phone and not _PHONE_RE.match(phone):
        problems.append(f"Телефон заявника «{phone}» неправильний.")
    email = data.applicant_email.strip()
    if email and not _EMAIL_RE.match(email):
        problems.append(f"Адреса електронної пошти «{email}» неправильна.")
    if problems:
        raise ValidationError(" ".join(problems), "The appeal has errors; see the Ukrainian message.")
    return replace(data, applicant_name=name, topic=topic, summary=summary, applicant_address=_clean(
        data.applicant_address), applicant_phone=phone, applicant_email=email, assignee=_clean(data.assignee))


def _search_key(reg_number: str, data: AppealInput) -> str:
    return search_key(f"{reg_number} {data.applicant_name} {data.topic} {data.summary[:400]} {data.assignee}")


def _find_repeat(s: Session, applicant_key: str, topic_key: str, received_on: dt.date,
                 exclude_id: int | None = None) -> Appeal | None:
    stmt = select(Appeal).where(
        Appeal.applicant_key == applicant_key, Appeal.topic_key == topic_key, Appeal.received_on <= received_on)
    if exclude_id is not None:
        stmt = stmt.where(Appeal.id != exclude_id).where(
            or_(Appeal.received_on < received_on, Appeal.id < exclude_id))
    return s.execute(stmt.order_by(Appeal.received_on.desc(), Appeal.id.desc()).limit(1)).scalar_one_or_none()


def _next_seq(s: Session, year: int) -> int:
    return (s.execute(select(func.max(Appeal.seq)).where(Appeal.reg_year == year)).scalar() or 0) + 1


def _get(s: Session, appeal_id: int, *, lock: bool = False) -> Appeal:
    stmt = select(Appeal).where(Appeal.id == appeal_id)
    if lock:
        stmt = stmt.with_for_update()
    appeal = s.execute(stmt).scalar_one_or_none()
    if appeal is None:
        raise NotFoundError(f"Звернення (id {appeal_id}) не знайдено.", f"Appeal (id {appeal_id}) not found.")
    return appeal


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


T = TypeVar("T")


def retry_unique(fn: Callable[[], T], attempts: int = 3) -> T:
    """Run a write that takes the next number; if another PC took it meanwhile, run it again."""
    for attempt in range(attempts):
        try:
            return fn()
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Numbering:
    """The council's numbering pattern and terms, read once before a write."""

    pattern: str
    term_days: int
    no_study_days: int
    max_days: int

    def term(self, needs_study: bool) -> int:
        return self.term_days if needs_study else self.no_study_days


def numbering(db: Database) -> Numbering:
    values = settings.get_values(db, (NUMBER_PATTERN, TERM_DAYS, TERM_NO_STUDY_DAYS, MAX_DAYS))
    return Numbering(check_pattern(str(values[NUMBER_PATTERN.key])), int(values[TERM_DAYS.key]),
                     int(values[TERM_NO_STUDY_DAYS.key]), int(values[MAX_DAYS.key]))


# --------------------------------------------------------------------------- writes


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
    clean = _validate(data, today or dt.date.today(), allow_petition_channel=allow_petition_channel)
    term = rules.term(clean.needs_study)
    pattern = rules.pattern
    year = clean.received_on.year
    seq = _next_seq(s, year)
    reg_number = format_number(pattern, seq=seq, year=year, applicant_name=clean.applicant_name, kind=clean.kind)
    applicant_key = normalize_person_name(clean.applicant_name)
    topic_key = search_key(clean.topic)
    repeat = _find_repeat(s, applicant_key, topic_key, clean.received_on)
    appeal = Appeal(
        reg_year=year, seq=seq, reg_number=reg_number, received_on=clean.received_on, channel=clean.channel,
        kind=clean.kind, applicant_name=clean.applicant_name, applicant_key=applicant_key,
        applicant_address=clean.applicant_address, applicant_phone=clean.applicant_phone,
        applicant_email=clean.applicant_email, summary=clean.summary, topic=clean.topic, topic_key=topic_key,
        assignee=clean.assignee, needs_study=clean.needs_study, term_days=term, extension_reason="",
        answer_text="", answered_by="", petition_id=petition_id, repeat_of_id=repeat.id if repeat else None,
        search_key=_search_key(reg_number, clean),
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
    _validate(data, today)
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
            clean = _validate(data, today)
        except ValidationError as exc:
            problems.append(f"Запис {index}: {exc.message}")
            continue
        if answer is not None and (answer.result not in RESULTS or answer.answered_on < clean.received_on
                                   or answer.answered_on > today):
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
                next_seq[year] = _next_seq(s, year)
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
                "petition_id": None, "repeat_of_id": None, "search_key": _search_key(reg_number, data),
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
        appeal = _get(s, appeal_id, lock=True)
        check_version(appeal, expected_version, "Звернення")
        clean = _validate(data, today, allow_petition_channel=appeal.channel == "petition")
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
        repeat = _find_repeat(s, appeal.applicant_key, appeal.topic_key, clean.received_on, exclude_id=appeal.id)
        appeal.repeat_of_id = repeat.id if repeat else None
        appeal.search_key = _search_key(appeal.reg_number, clean)
        s.flush()
        changes = audit.diff(before, audit.snapshot(appeal, exclude=("search_key", "applicant_key", "topic_key")))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, appeal, changes=changes,
                                summary=f"Звернення {appeal.reg_number}")


def extend_appeal(
    db: Database, actor: Actor, appeal_id: int, *, new_total_days: int, reason: str, expected_version: int,
    today: dt.date | None = None,
) -> None:
    """Extend the term (at most 45 days in total) with the reason told to the applicant."""
    require(actor, Permission.EDIT_RECORDS)
    today = today or dt.date.today()
    max_days = numbering(db).max_days
    with db.write() as s:
        appeal = _get(s, appeal_id, lock=True)
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
    if result not in RESULTS:
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
        appeal = _get(s, appeal_id, lock=True)
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
        appeal.answered_by = _clean(answered_by)
        s.flush()
        audit.record_object(s, actor, audit.Action.UPDATE, appeal,
                            changes=audit.diff(before, audit.snapshot(
                                appeal, exclude=("search_key", "applicant_key", "topic_key"))),
                            summary=f"Відповідь на звернення {appeal.reg_number}: {result_label(result)}")


# --------------------------------------------------------------------------- reads


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
            applicant_name=r[7] if private else _MARK, topic=r[8], summary=r[9], assignee=r[10], needs_study=r[11],
            term_days=r[12], due_on=due_on, deadline=state,
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
        a = _get(s, appeal_id)
        return AppealDetail(
            **rows[0].__dict__,
            applicant_address=a.applicant_address if private else _MARK,
            applicant_phone=a.applicant_phone if private else _MARK,
            applicant_email=a.applicant_email if private else _MARK,
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
        found = _find_repeat(s, key, topic_key, received_on, exclude_id)
        return found.reg_number if found else None


def earlier_appeals(db: Database, appeal_id: int, today: dt.date | None = None) -> list[AppealRow]:
    """The same applicant's earlier appeals on the same topic (why an appeal is flagged as repeated)."""
    with db.read() as s:
        a = _get(s, appeal_id)
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


# --------------------------------------------------------------------------- statistics


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

    def ordered(counter: Counter[str], labels: Mapping[str, tuple[str, ...]]) -> list[tuple[str, int]]:
        return [(labels[k][0], counter[k]) for k in labels if counter[k]]

    kinds = Counter(r.kind for r in rows)
    channels = Counter(r.channel for r in rows)
    results = Counter(r.result or "" for r in rows)
    by_result = ordered(results, RESULTS)
    if results[""]:
        by_result.append(("ще не розглянуто", results[""]))
    answered = [r for r in rows if r.answered_on is not None]
    open_rows = [r for r in rows if r.answered_on is None]
    return AppealStatistics(
        date_from=date_from, date_to=date_to, total=len(rows),
        by_kind=ordered(kinds, KINDS),
        by_topic=sorted(((topic_names[k].most_common(1)[0][0], n) for k, n in topic_counts.items()),
                        key=lambda pair: (-pair[1], search_key(pair[0]))),
        by_channel=ordered(channels, CHANNELS),
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


# --------------------------------------------------------------------------- due soon (home page)


def due_items(db: Database, today: dt.date) -> list[DueItem]:
    """Open appeals whose answer is due within the warning period, or overdue."""
    rows = list_appeals(db, today, AppealFilter(state="open"))
    return [
        DueItem(due=r.due_on, area_uk="Звернення", area_en="Appeal",
                title=f"Звернення {r.reg_number}: {r.topic}" + (f" — {r.assignee}" if r.assignee else ""),
                overdue=r.deadline is DeadlineState.OVERDUE, page=PAGE_KEY, record_id=r.id,
                title_en=f"Appeal {r.reg_number}: {r.topic}" + (f" — {r.assignee}" if r.assignee else ""))
        for r in rows if r.deadline in (DeadlineState.DUE_SOON, DeadlineState.OVERDUE)
    ]


def topics_in_use(rows: Iterable[AppealRow]) -> list[str]:
    return sorted({r.topic for r in rows}, key=search_key)

"""Deputies' initiatives (inquiries, appeals, draft decisions, proposals) and their yearly reports to voters.

The answer terms and the report notice (council settings) are declared here. Also the "due soon"
provider: unanswered inquiries and appeals near or past their answer deadline, and annual reports that
must be published before the meeting with voters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.db.engine import Database
from app.db.models.deputies import CouncilSession, Deputy, DeputyAnnualReport, DeputyInitiative
from app.domain import votes as vote_rules
from app.domain.deputies import (
    CLOSED_INITIATIVE_STATUSES,
    InitiativeKind,
    InitiativeStatus,
    full_name,
    initiative_answer_due,
    report_publication_deadline,
    short_name,
)
from app.domain.formats import format_date
from app.errors import ValidationError
from app.services.core import audit, settings
from app.services.core.auth import Actor
from app.services.core.due import DueItem
from app.services.core.records import check_version, get_or_404
from app.services.deputies.common import clean, one_line, require_edit

INQUIRY_DAYS = settings.SettingDef(
    "deputies.inquiry_answer_days", int, 30, "Строк відповіді на депутатський запит, днів",
    "Days to answer a deputy's inquiry", 1, 90)
APPEAL_DAYS = settings.SettingDef(
    "deputies.appeal_answer_days", int, 10, "Строк відповіді на депутатське звернення, днів",
    "Days to answer a deputy's appeal", 1, 60)
REPORT_NOTICE_DAYS = settings.SettingDef(
    "deputies.report_notice_days", int, 7, "Оприлюднити звіт депутата не пізніше ніж за, днів до зустрічі",
    "Publish a deputy's report at least this many days before the meeting", 1, 60)


@dataclass(frozen=True)
class InitiativeData:
    deputy_id: int
    kind: str
    title: str
    submitted_on: dt.date
    number: str = ""
    addressee: str = ""
    status: str = InitiativeStatus.SUBMITTED.value
    answer: str = ""
    answered_on: dt.date | None = None
    session_id: int | None = None


@dataclass(frozen=True)
class InitiativeRow(InitiativeData):
    id: int = 0
    version: int = 0
    uuid: str = ""
    deputy_name: str = ""
    due: dt.date | None = None

    def overdue(self, today: dt.date) -> bool:
        return self.due is not None and self.status not in CLOSED_INITIATIVE_STATUSES and today > self.due


def _validate(data: InitiativeData, deputy: Deputy | None) -> InitiativeData:
    problems = []
    if deputy is None:
        problems.append("Оберіть депутата.")
    if data.kind not in InitiativeKind._value2member_map_:
        problems.append(f"Невідомий вид ініціативи: «{data.kind}».")
    if data.status not in InitiativeStatus._value2member_map_:
        problems.append(f"Невідомий стан: «{data.status}».")
    title = clean(data.title)
    if not title:
        problems.append("Вкажіть, чого стосується ініціатива.")
    if deputy is not None and not vote_rules.has_mandate((deputy.mandate_start, deputy.mandate_end),
                                                         data.submitted_on):
        problems.append(f"На {format_date(data.submitted_on)} депутат не мав повноважень.")
    if data.answered_on is not None and data.answered_on < data.submitted_on:
        problems.append("Дата відповіді раніша за дату подання.")
    if data.status == InitiativeStatus.ANSWERED and not (clean(data.answer) or data.answered_on):
        problems.append("Для стану «надано відповідь» вкажіть відповідь або її дату.")
    if problems:
        raise ValidationError(" ".join(problems), "The initiative has errors.")
    return InitiativeData(deputy_id=data.deputy_id, kind=data.kind, title=title, submitted_on=data.submitted_on,
                          number=one_line(data.number)[:60], addressee=one_line(data.addressee)[:300],
                          status=data.status, answer=clean(data.answer), answered_on=data.answered_on,
                          session_id=data.session_id)


def save_initiative(db: Database, actor: Actor, data: InitiativeData, initiative_id: int | None = None,
                    expected_version: int | None = None) -> int:
    require_edit(actor)
    with db.write() as s:
        deputy = s.get(Deputy, data.deputy_id)
        data = _validate(data, deputy)
        if data.session_id is not None:
            get_or_404(s, CouncilSession, data.session_id, "Сесію", "Session")
        if initiative_id is None:
            row = DeputyInitiative()
            s.add(row)
            before: dict = {}
        else:
            row = get_or_404(s, DeputyInitiative, initiative_id, "Ініціативу", "Initiative")
            check_version(row, expected_version, "Ініціативу")
            before = audit.snapshot(row)
        for key in ("deputy_id", "kind", "title", "submitted_on", "number", "addressee", "status", "answer",
                    "answered_on", "session_id"):
            setattr(row, key, getattr(data, key))
        s.flush()
        after = audit.snapshot(row)
        assert deputy is not None
        name = short_name(deputy.surname, deputy.given_name, deputy.patronymic)
        summary = f"{InitiativeKind(data.kind).label_uk}: {name}"
        if initiative_id is None:
            audit.record_object(s, actor, audit.Action.CREATE, row, summary=summary)
        elif changes := audit.diff(before, after):
            audit.record_object(s, actor, audit.Action.UPDATE, row, changes=changes, summary=summary)
        return row.id


def delete_initiative(db: Database, actor: Actor, initiative_id: int, expected_version: int) -> None:
    require_edit(actor)
    with db.write() as s:
        row = get_or_404(s, DeputyInitiative, initiative_id, "Ініціативу", "Initiative")
        check_version(row, expected_version, "Ініціативу")
        audit.record_object(s, actor, audit.Action.DELETE, row, summary=f"Ініціатива «{row.title[:80]}»")
        s.delete(row)


def list_initiatives(db: Database, deputy_id: int | None = None, year: int | None = None) -> list[InitiativeRow]:
    """Initiatives newest first, each with its answer deadline (inquiries and appeals)."""
    inquiry_days, appeal_days = settings.get(db, INQUIRY_DAYS), settings.get(db, APPEAL_DAYS)
    stmt = select(DeputyInitiative, Deputy.surname, Deputy.given_name, Deputy.patronymic).join(
        Deputy, Deputy.id == DeputyInitiative.deputy_id)
    if deputy_id is not None:
        stmt = stmt.where(DeputyInitiative.deputy_id == deputy_id)
    if year is not None:
        stmt = stmt.where(DeputyInitiative.submitted_on >= dt.date(year, 1, 1),
                          DeputyInitiative.submitted_on <= dt.date(year, 12, 31))
    stmt = stmt.order_by(DeputyInitiative.submitted_on.desc(), DeputyInitiative.id.desc())
    with db.read() as s:
        return [InitiativeRow(
            deputy_id=r.deputy_id, kind=r.kind, title=r.title, submitted_on=r.submitted_on, number=r.number,
            addressee=r.addressee, status=r.status, answer=r.answer, answered_on=r.answered_on,
            session_id=r.session_id, id=r.id, version=r.version, uuid=r.uuid, deputy_name=short_name(sn, gn, pn),
            due=initiative_answer_due(r.kind, r.submitted_on, inquiry_days=inquiry_days, appeal_days=appeal_days))
            for r, sn, gn, pn in s.execute(stmt)]


# --------------------------------------------------------------------------- annual reports


@dataclass(frozen=True)
class AnnualReportData:
    deputy_id: int
    year: int
    meeting_date: dt.date | None = None
    meeting_place: str = ""
    published_on: dt.date | None = None
    committee_work: str = ""
    voter_work: str = ""
    district_work: str = ""
    other: str = ""
    plans: str = ""


@dataclass(frozen=True)
class AnnualReportView(AnnualReportData):
    id: int = 0
    version: int = 0
    publish_by: dt.date | None = None  # the last day to publish before the meeting


_TEXT_FIELDS = ("committee_work", "voter_work", "district_work", "other", "plans")


def save_annual_report(db: Database, actor: Actor, data: AnnualReportData,
                       expected_version: int | None = None) -> int:
    """Create or update the free-text parts of a deputy's report for a year (one per deputy and year)."""
    require_edit(actor)
    if not 1991 <= data.year <= 2100:
        raise ValidationError("Рік звіту неможливий.", "Impossible report year.")
    if data.meeting_date is not None and data.meeting_date.year < data.year:
        raise ValidationError("Зустріч із виборцями не може відбутися раніше за звітний рік.",
                              "The meeting cannot be before the reported year.")
    if data.published_on and data.meeting_date and data.published_on > data.meeting_date:
        raise ValidationError("Звіт оприлюднено після зустрічі з виборцями: перевірте дати.",
                              "The report was published after the meeting.")
    with db.write() as s:
        deputy = get_or_404(s, Deputy, data.deputy_id, "Депутата", "Deputy")
        row = s.execute(select(DeputyAnnualReport).where(DeputyAnnualReport.deputy_id == data.deputy_id,
                                                         DeputyAnnualReport.year == data.year)).scalar_one_or_none()
        if row is None:
            row = DeputyAnnualReport(deputy_id=data.deputy_id, year=data.year)
            s.add(row)
            before: dict = {}
        else:
            check_version(row, expected_version, "Звіт депутата")
            before = audit.snapshot(row)
        row.meeting_date, row.published_on = data.meeting_date, data.published_on
        row.meeting_place = one_line(data.meeting_place)[:300]
        for key in _TEXT_FIELDS:
            setattr(row, key, clean(getattr(data, key)))
        s.flush()
        summary = f"Звіт за {data.year} рік: {full_name(deputy.surname, deputy.given_name, deputy.patronymic)}"
        if not before:
            audit.record_object(s, actor, audit.Action.CREATE, row, summary=summary)
        elif changes := audit.diff(before, audit.snapshot(row)):
            audit.record_object(s, actor, audit.Action.UPDATE, row, changes=changes, summary=summary)
        return row.id


def get_annual_report(db: Database, deputy_id: int, year: int) -> AnnualReportView | None:
    notice = settings.get(db, REPORT_NOTICE_DAYS)
    with db.read() as s:
        row = s.execute(select(DeputyAnnualReport).where(DeputyAnnualReport.deputy_id == deputy_id,
                                                         DeputyAnnualReport.year == year)).scalar_one_or_none()
        if row is None:
            return None
        return AnnualReportView(
            deputy_id=row.deputy_id, year=row.year, meeting_date=row.meeting_date, meeting_place=row.meeting_place,
            published_on=row.published_on, committee_work=row.committee_work, voter_work=row.voter_work,
            district_work=row.district_work, other=row.other, plans=row.plans, id=row.id, version=row.version,
            publish_by=report_publication_deadline(row.meeting_date, notice) if row.meeting_date else None)


def annual_report_choices(db: Database) -> list[tuple[int, str]]:
    """(annual report id, label) for the report's --id picker."""
    with db.read() as s:
        rows = s.execute(select(DeputyAnnualReport.id, DeputyAnnualReport.year, Deputy.surname, Deputy.given_name,
                                Deputy.patronymic).join(Deputy, Deputy.id == DeputyAnnualReport.deputy_id)
                         .order_by(DeputyAnnualReport.year.desc(), Deputy.search_key))
        return [(i, f"{full_name(sn, gn, pn)} — звіт за {y} рік") for i, y, sn, gn, pn in rows]


def get_annual_report_by_id(db: Database, report_id: int) -> AnnualReportView:
    with db.read() as s:
        row = get_or_404(s, DeputyAnnualReport, report_id, "Звіт депутата", "Annual report")
        deputy_id, year = row.deputy_id, row.year
    view = get_annual_report(db, deputy_id, year)
    assert view is not None
    return view


# --------------------------------------------------------------------------- due soon


def due_items(db: Database, today: dt.date) -> list[DueItem]:
    """Unanswered inquiries/appeals due within a week or overdue; reports to publish within two weeks."""
    items: list[DueItem] = []
    horizon = today + dt.timedelta(days=7)
    for row in list_initiatives(db):
        if row.due is None or row.status in CLOSED_INITIATIVE_STATUSES or row.due > horizon:
            continue
        kind = InitiativeKind(row.kind)
        items.append(DueItem(due=row.due, area_uk="Депутати", area_en="Deputies",
                             title=f"Відповідь: {kind.label_uk} ({row.deputy_name}) — {row.title}",
                             overdue=today > row.due, page="deputies", record_id=row.deputy_id,
                             title_en=f"Answer: {kind.label_en} ({row.deputy_name}) — {row.title}"))
    notice = settings.get(db, REPORT_NOTICE_DAYS)
    with db.read() as s:
        reports = s.execute(select(DeputyAnnualReport.deputy_id, DeputyAnnualReport.year,
                                   DeputyAnnualReport.meeting_date, Deputy.surname, Deputy.given_name,
                                   Deputy.patronymic).join(Deputy, Deputy.id == DeputyAnnualReport.deputy_id)
                            .where(DeputyAnnualReport.published_on.is_(None),
                                   DeputyAnnualReport.meeting_date.is_not(None),
                                   DeputyAnnualReport.meeting_date >= today)).all()
    for deputy_id, year, meeting, sn, gn, pn in reports:
        if meeting is None:
            continue
        deadline = report_publication_deadline(meeting, notice)
        if deadline <= today + dt.timedelta(days=14):
            items.append(DueItem(due=deadline, area_uk="Депутати", area_en="Deputies",
                                 title=f"Оприлюднити звіт депутата {short_name(sn, gn, pn)} за {year} рік "
                                       f"(зустріч {format_date(meeting)})",
                                 overdue=today > deadline, page="deputies", record_id=deputy_id,
                                 title_en=f"Publish the {year} report of deputy {short_name(sn, gn, pn)} "
                                          f"(meeting {format_date(meeting)})"))
    return items

"""Sessions of the council: the sitting, its attendance register, the agenda, and the decisions adopted.

Roll-call votes live in :mod:`app.services.deputies.rollcalls`. Same conventions as every service: permission,
validation with Ukrainian messages, one transaction with its audit event, optimistic locking.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.deputies import (
    AgendaItem,
    Committee,
    CouncilSession,
    Decision,
    Deputy,
    DeputyInitiative,
    Faction,
    RollCall,
    SessionAttendance,
    Vote,
)
from app.domain import votes as vote_rules
from app.domain.deputies import (
    AttendanceStatus,
    InitiatorKind,
    ItemStatus,
    SessionKind,
    check_decision_number,
    collation_key,
    decision_number,
    full_name,
    short_name,
)
from app.domain.formats import format_date
from app.domain.names import search_key
from app.domain.votes import Majority, VoteOption
from app.errors import ValidationError
from app.services.core import audit
from app.services.core.auth import Actor
from app.services.core.records import check_version, get_or_404
from app.services.deputies.common import clean, current_convocation, deputy_names, like_pattern, one_line, require_edit

MAX_DECISION_FILE = 20 * 1024 * 1024


# --------------------------------------------------------------------------- sessions


@dataclass(frozen=True)
class SessionData:
    number: int
    date: dt.date
    kind: str = SessionKind.REGULAR.value
    convocation: int | None = None  # None: the council's current convocation
    place: str = ""
    notes: str = ""


@dataclass(frozen=True)
class SessionRow:
    id: int
    number: int
    convocation: int
    date: dt.date
    kind: str
    place: str
    notes: str
    version: int
    items: int = 0
    roll_calls: int = 0
    present: int = 0
    registered: int = 0  # attendance rows entered
    uuid: str = ""

    @property
    def title(self) -> str:
        kind = " (позачергова)" if self.kind == SessionKind.EXTRAORDINARY else ""
        return f"{self.number}-а сесія{kind}, {format_date(self.date)}"

    def kind_label(self, language: str = "uk") -> str:
        return SessionKind(self.kind).label(language)


def _validate_session(s: Session, data: SessionData, session_id: int | None) -> SessionData:
    problems = []
    if not 1 <= data.number <= 9999:
        problems.append("Номер сесії має бути від 1 до 9999.")
    if data.kind not in SessionKind._value2member_map_:
        problems.append(f"Невідомий вид сесії: «{data.kind}».")
    if not dt.date(1991, 1, 1) <= data.date <= dt.date(2100, 12, 31):
        problems.append(f"Неможлива дата сесії: {format_date(data.date)}.")
    convocation = data.convocation if data.convocation is not None else current_convocation(s)
    if not 1 <= convocation <= 99:
        problems.append("Номер скликання має бути від 1 до 99.")
    if problems:
        raise ValidationError(" ".join(problems), "The session's data has errors.")
    twin = s.execute(select(CouncilSession.id).where(CouncilSession.number == data.number,
                                                     CouncilSession.convocation == convocation)).scalar_one_or_none()
    if twin is not None and twin != session_id:
        raise ValidationError(f"Сесія №{data.number} цього скликання вже є в реєстрі.",
                              f"Session {data.number} of this convocation already exists.")
    return SessionData(number=data.number, date=data.date, kind=data.kind, convocation=convocation,
                       place=one_line(data.place)[:300], notes=clean(data.notes))


def create_session(db: Database, actor: Actor, data: SessionData) -> int:
    require_edit(actor)
    with db.write() as s:
        data = _validate_session(s, data, None)
        session = CouncilSession(number=data.number, date=data.date, kind=data.kind, convocation=data.convocation,
                                 place=data.place, notes=data.notes)
        s.add(session)
        audit.record_object(s, actor, audit.Action.CREATE, session, summary=f"Сесія №{data.number}")
        return session.id


def update_session(db: Database, actor: Actor, session_id: int, data: SessionData, expected_version: int) -> None:
    require_edit(actor)
    with db.write() as s:
        session = get_or_404(s, CouncilSession, session_id, "Сесію", "Session")
        check_version(session, expected_version, "Сесію")
        data = _validate_session(s, data, session_id)
        if data.date != session.date:
            _check_date_change(s, session_id, data.date)
        before = audit.snapshot(session)
        session.number, session.date, session.kind = data.number, data.date, data.kind
        session.convocation, session.place, session.notes = int(data.convocation or 0), data.place, data.notes
        s.flush()
        changes = audit.diff(before, audit.snapshot(session))
        if changes:
            if "date" in changes:
                for roll_call in s.execute(select(RollCall).where(RollCall.session_id == session_id)).scalars():
                    roll_call.vote_date = data.date
            audit.record_object(s, actor, audit.Action.UPDATE, session, changes=changes,
                                summary=f"Сесія №{data.number}")


def _check_date_change(s: Session, session_id: int, new_date: dt.date) -> None:
    """A session's new date must stay within the mandates of everyone registered or voting at it."""
    ids = {d for (d,) in s.execute(select(SessionAttendance.deputy_id).where(
        SessionAttendance.session_id == session_id))}
    ids |= {d for (d,) in s.execute(select(Vote.deputy_id).join(RollCall, RollCall.id == Vote.roll_call_id)
                                    .where(RollCall.session_id == session_id).distinct())}
    if not ids:
        return
    names = deputy_names(s)
    outside = [names[d] for d, a, b in s.execute(select(Deputy.id, Deputy.mandate_start, Deputy.mandate_end)
                                                 .where(Deputy.id.in_(ids)))
               if not vote_rules.has_mandate((a, b), new_date)]
    if outside:
        raise ValidationError(
            f"На {format_date(new_date)} не мали повноважень депутати, зареєстровані на цій сесії: "
            f"{', '.join(sorted(outside))}. Дату не змінено.",
            "Deputies registered at this session had no mandate on the new date.")


def delete_session(db: Database, actor: Actor, session_id: int, expected_version: int) -> None:
    """Delete a session entered by mistake; refused while it has roll calls or decisions."""
    require_edit(actor)
    with db.write() as s:
        session = get_or_404(s, CouncilSession, session_id, "Сесію", "Session")
        check_version(session, expected_version, "Сесію")
        if s.execute(select(RollCall.id).where(RollCall.session_id == session_id).limit(1)).first():
            raise ValidationError(f"Сесію №{session.number} не можна видалити: у ній є поіменні голосування. "
                                  "Спершу видаліть їх.", "The session has roll-call votes; delete them first.")
        if s.execute(select(DeputyInitiative.id).where(DeputyInitiative.session_id == session_id).limit(1)).first():
            raise ValidationError(f"Сесію №{session.number} не можна видалити: на неї посилаються ініціативи "
                                  "депутатів.", "Deputies' initiatives refer to the session.")
        items = [i for (i,) in s.execute(select(AgendaItem.id).where(AgendaItem.session_id == session_id))]
        if items and s.execute(select(Decision.id).where(Decision.agenda_item_id.in_(items)).limit(1)).first():
            raise ValidationError(f"Сесію №{session.number} не можна видалити: до її питань прив’язано рішення.",
                                  "Decisions are linked to the session's items.")
        s.execute(delete(SessionAttendance).where(SessionAttendance.session_id == session_id))
        s.execute(delete(AgendaItem).where(AgendaItem.session_id == session_id))
        audit.record_object(s, actor, audit.Action.DELETE, session,
                            summary=f"Сесія №{session.number} ({len(items)} питань)")
        s.delete(session)


def list_sessions(db: Database, year: int | None = None, convocation: int | None = None) -> list[SessionRow]:
    """Sessions newest first, with counts of items, roll calls and deputies present."""
    stmt = select(CouncilSession)
    if year is not None:
        stmt = stmt.where(CouncilSession.date >= dt.date(year, 1, 1), CouncilSession.date <= dt.date(year, 12, 31))
    if convocation is not None:
        stmt = stmt.where(CouncilSession.convocation == convocation)
    stmt = stmt.order_by(CouncilSession.date.desc(), CouncilSession.number.desc())
    with db.read() as s:
        sessions = list(s.execute(stmt).scalars())
        items = dict(s.execute(select(AgendaItem.session_id, func.count(AgendaItem.id))
                               .group_by(AgendaItem.session_id)).all())
        rolls = dict(s.execute(select(RollCall.session_id, func.count(RollCall.id))
                               .group_by(RollCall.session_id)).all())
        present: dict[int, int] = defaultdict(int)
        registered: dict[int, int] = defaultdict(int)
        for sid, status, n in s.execute(select(SessionAttendance.session_id, SessionAttendance.status,
                                               func.count(SessionAttendance.id))
                                        .group_by(SessionAttendance.session_id, SessionAttendance.status)):
            registered[sid] += n
            if status == AttendanceStatus.PRESENT:
                present[sid] += n
        return [SessionRow(x.id, x.number, x.convocation, x.date, x.kind, x.place, x.notes, x.version,
                           items.get(x.id, 0), rolls.get(x.id, 0), present.get(x.id, 0), registered.get(x.id, 0),
                           x.uuid) for x in sessions]


def get_session(db: Database, session_id: int) -> SessionRow:
    with db.read() as s:
        x = get_or_404(s, CouncilSession, session_id, "Сесію", "Session")
        return SessionRow(x.id, x.number, x.convocation, x.date, x.kind, x.place, x.notes, x.version, uuid=x.uuid)


def session_choices(db: Database) -> list[tuple[int, str]]:
    return [(r.id, r.title) for r in list_sessions(db)]


def next_session_number(db: Database) -> int:
    with db.read() as s:
        conv = current_convocation(s)
        top = s.execute(select(func.max(CouncilSession.number)).where(CouncilSession.convocation == conv)).scalar()
    return int(top or 0) + 1


# --------------------------------------------------------------------------- attendance


@dataclass(frozen=True)
class AttendanceRow:
    deputy_id: int
    name: str
    faction: str
    status: str | None  # None: not entered yet
    reason: str


def attendance(db: Database, session_id: int) -> list[AttendanceRow]:
    """Every deputy with a mandate on the session's date, with their registration (None if not entered)."""
    with db.read() as s:
        session = get_or_404(s, CouncilSession, session_id, "Сесію", "Session")
        entered = {d: (st, r) for d, st, r in s.execute(
            select(SessionAttendance.deputy_id, SessionAttendance.status, SessionAttendance.reason)
            .where(SessionAttendance.session_id == session_id))}
        rows = []
        for did, sn, gn, pn, a, b, fname in s.execute(
                select(Deputy.id, Deputy.surname, Deputy.given_name, Deputy.patronymic, Deputy.mandate_start,
                       Deputy.mandate_end, Faction.name).outerjoin(Faction, Faction.id == Deputy.faction_id)
                ):
            if vote_rules.has_mandate((a, b), session.date) or did in entered:
                status, reason = entered.get(did, (None, ""))
                rows.append((collation_key(full_name(sn, gn, pn)),
                             AttendanceRow(did, short_name(sn, gn, pn), fname or "", status, reason)))
        return [row for _, row in sorted(rows, key=lambda pair: pair[0])]


def set_attendance(db: Database, actor: Actor, session_id: int, marks: Mapping[int, str | tuple[str, str]],
                   expected_version: int | None = None) -> None:
    """Save the whole attendance register of a session: ``{deputy: status}`` or ``{deputy: (status, reason)}``.

    Every deputy with a mandate on the session's date must have a status; nobody else may. A deputy who
    has a vote other than "absent" in a roll call of the session cannot be marked absent.
    """
    require_edit(actor)
    with db.write() as s:
        session = get_or_404(s, CouncilSession, session_id, "Сесію", "Session")
        check_version(session, expected_version, "Сесію")
        names = deputy_names(s)
        mandate_map = {d: (a, b) for d, a, b in s.execute(
            select(Deputy.id, Deputy.mandate_start, Deputy.mandate_end))}
        wanted: dict[int, tuple[str, str]] = {}
        problems = []
        for deputy_id, mark in marks.items():
            status, reason = (mark, "") if isinstance(mark, str) else mark
            if status not in AttendanceStatus._value2member_map_:
                problems.append(f"Невідома позначка присутності «{status}».")
                continue
            wanted[deputy_id] = (status, one_line(reason)[:300] if status != AttendanceStatus.PRESENT else "")
        unknown = [d for d in wanted if d not in mandate_map]
        if unknown:
            problems.append(f"Невідомі депутати: {', '.join(map(str, unknown))}.")
        inactive = [names[d] for d in wanted if d in mandate_map and not vote_rules.has_mandate(mandate_map[d],
                                                                                                 session.date)]
        if inactive:
            problems.append(f"На {format_date(session.date)} не мали повноважень: {', '.join(sorted(inactive))}.")
        missing = [names[d] for d, m in mandate_map.items() if vote_rules.has_mandate(m, session.date)
                   and d not in wanted]
        if missing:
            problems.append(f"Не позначено присутність депутатів: {', '.join(sorted(missing))}.")
        voters = {d for (d,) in s.execute(select(Vote.deputy_id).join(RollCall, RollCall.id == Vote.roll_call_id)
                                          .where(RollCall.session_id == session_id,
                                                 Vote.option != VoteOption.ABSENT.value).distinct())}
        absent_voters = [names[d] for d in voters if wanted.get(d, ("",))[0] != AttendanceStatus.PRESENT]
        if absent_voters:
            problems.append("Голосували на цій сесії, тож не можуть бути відсутніми: "
                            f"{', '.join(sorted(absent_voters))}.")
        if problems:
            raise ValidationError("Реєстрацію не збережено. " + " ".join(problems),
                                  "The attendance register was not saved; see the Ukrainian message.")
        current = {a.deputy_id: a for a in s.execute(
            select(SessionAttendance).where(SessionAttendance.session_id == session_id)).scalars()}
        changes: dict[str, list] = {}
        new_rows = []
        now = utcnow()
        for deputy_id, (status, reason) in wanted.items():
            row = current.get(deputy_id)
            if row is None:
                new_rows.append({"session_id": session_id, "deputy_id": deputy_id, "status": status,
                                 "reason": reason, "created_at": now, "updated_at": now})
                changes[names[deputy_id]] = [None, status]
            elif (row.status, row.reason) != (status, reason):
                changes[names[deputy_id]] = [row.status, status]
                row.status, row.reason = status, reason
        if new_rows:
            s.execute(insert(SessionAttendance), new_rows)
        if changes:
            session.updated_at = now  # the register is part of the session: bump its version
            s.flush()
            present = sum(1 for st, _ in wanted.values() if st == AttendanceStatus.PRESENT)
            audit.record(s, actor, audit.Action.UPDATE, "session_attendance", entity_id=session.id,
                         entity_uuid=session.uuid, changes=changes,
                         summary=f"Реєстрація на сесії №{session.number}: присутні {present} з {len(wanted)}")


# --------------------------------------------------------------------------- agenda


@dataclass(frozen=True)
class AgendaItemData:
    number: int
    title: str
    initiator_kind: str = InitiatorKind.HEAD.value
    initiator_deputy_id: int | None = None
    initiator_committee_id: int | None = None
    initiator_note: str = ""
    draft_number: str = ""
    majority: str = Majority.SIMPLE_OF_COMPOSITION.value
    status: str = ItemStatus.CONSIDERED.value


@dataclass(frozen=True)
class RollCallRow:
    id: int
    agenda_item_id: int
    number: int
    title: str
    vote_date: dt.date
    majority: str
    composition: int
    required: int
    votes_for: int
    votes_against: int
    abstained: int
    not_voting: int
    absent: int
    passed: bool
    source: str
    version: int
    uuid: str = ""

    @property
    def result_label(self) -> str:
        return "прийнято" if self.passed else "не прийнято"

    @property
    def counts_label(self) -> str:
        return (f"за {self.votes_for}, проти {self.votes_against}, утрим. {self.abstained}, "
                f"не голос. {self.not_voting}, відсутні {self.absent}")

    def result_text(self, language: str = "uk") -> str:
        """:attr:`result_label` in ``"uk"`` or ``"en"``."""
        return vote_rules.result_label(self.passed, language)

    def counts_text(self, language: str = "uk") -> str:
        """:attr:`counts_label` in ``"uk"`` or ``"en"``."""
        if language == "en":
            return (f"for {self.votes_for}, against {self.votes_against}, abstained {self.abstained}, "
                    f"did not vote {self.not_voting}, absent {self.absent}")
        return self.counts_label


@dataclass(frozen=True)
class DecisionRef:
    id: int
    number: str


@dataclass(frozen=True)
class AgendaItemRow(AgendaItemData):
    id: int = 0
    session_id: int = 0
    version: int = 0
    uuid: str = ""
    initiator_label: str = ""
    roll_calls: tuple[RollCallRow, ...] = ()
    decision: DecisionRef | None = None
    initiator_name: str = ""  # the initiating deputy's short name or committee's name, "" for other kinds

    @property
    def final(self) -> RollCallRow | None:
        """The last roll call on the item (usually "в цілому"): it decides the item's result."""
        return self.roll_calls[-1] if self.roll_calls else None

    @property
    def result_label(self) -> str:
        if self.status == ItemStatus.WITHDRAWN:
            return "знято з розгляду"
        if self.status == ItemStatus.POSTPONED:
            return "перенесено"
        final = self.final
        if final is None:
            return "не голосували"
        return final.result_label

    def result_text(self, language: str = "uk") -> str:
        """:attr:`result_label` in ``"uk"`` or ``"en"``."""
        if language != "en":
            return self.result_label
        if self.status == ItemStatus.WITHDRAWN:
            return "withdrawn"
        if self.status == ItemStatus.POSTPONED:
            return "postponed"
        final = self.final
        return "not voted" if final is None else final.result_text(language)

    def initiator_text(self, language: str = "uk") -> str:
        """:attr:`initiator_label` in ``"uk"`` or ``"en"``."""
        if language != "en":
            return self.initiator_label
        if self.initiator_deputy_id:
            label = f"deputy {self.initiator_name or '?'}"
        elif self.initiator_committee_id:
            label = f"committee «{self.initiator_name or '?'}»"
        else:
            label = InitiatorKind(self.initiator_kind).label_en
        return label + (f" ({self.initiator_note})" if self.initiator_note else "")


def _validate_item(s: Session, data: AgendaItemData) -> AgendaItemData:
    problems = []
    title = clean(data.title)
    if not title:
        problems.append("Вкажіть назву питання.")
    if len(title) > 2000:
        problems.append("Назва питання задовга (понад 2000 знаків).")
    if not 1 <= data.number <= 999:
        problems.append("Номер питання має бути від 1 до 999.")
    if data.initiator_kind not in InitiatorKind._value2member_map_:
        problems.append(f"Невідомий ініціатор: «{data.initiator_kind}».")
    if data.majority not in Majority._value2member_map_:
        problems.append(f"Невідома вимога до більшості: «{data.majority}».")
    if data.status not in ItemStatus._value2member_map_:
        problems.append(f"Невідомий стан питання: «{data.status}».")
    deputy_id = data.initiator_deputy_id if data.initiator_kind == InitiatorKind.DEPUTY else None
    committee_id = data.initiator_committee_id if data.initiator_kind == InitiatorKind.COMMITTEE else None
    if data.initiator_kind == InitiatorKind.DEPUTY and (deputy_id is None or s.get(Deputy, deputy_id) is None):
        problems.append("Оберіть депутата-ініціатора.")
    if data.initiator_kind == InitiatorKind.COMMITTEE and (committee_id is None
                                                           or s.get(Committee, committee_id) is None):
        problems.append("Оберіть комісію-ініціатора.")
    if problems:
        raise ValidationError(" ".join(problems), "The agenda item has errors.")
    return AgendaItemData(number=data.number, title=title, initiator_kind=data.initiator_kind,
                          initiator_deputy_id=deputy_id, initiator_committee_id=committee_id,
                          initiator_note=one_line(data.initiator_note)[:300],
                          draft_number=one_line(data.draft_number)[:60], majority=data.majority, status=data.status)


def _item_columns(data: AgendaItemData) -> dict[str, object]:
    return {"number": data.number, "title": data.title, "search_key": search_key(data.title),
            "initiator_kind": data.initiator_kind, "initiator_deputy_id": data.initiator_deputy_id,
            "initiator_committee_id": data.initiator_committee_id, "initiator_note": data.initiator_note,
            "draft_number": data.draft_number, "majority": data.majority, "status": data.status}


def add_agenda_items(db: Database, actor: Actor, session_id: int, items: Sequence[AgendaItemData]) -> list[int]:
    """Add items to a session's agenda in one transaction (e.g. the whole agenda at once)."""
    require_edit(actor)
    with db.write() as s:
        session = get_or_404(s, CouncilSession, session_id, "Сесію", "Session")
        taken = {n for (n,) in s.execute(select(AgendaItem.number).where(AgendaItem.session_id == session_id))}
        ids = []
        for data in items:
            data = _validate_item(s, data)
            if data.number in taken:
                raise ValidationError(f"Питання №{data.number} уже є в порядку денному сесії №{session.number}.",
                                      f"Item {data.number} already exists in this session.")
            taken.add(data.number)
            item = AgendaItem(session_id=session_id, **_item_columns(data))
            s.add(item)
            audit.record_object(s, actor, audit.Action.CREATE, item, exclude=("search_key",),
                                summary=f"Сесія №{session.number}, питання {data.number}")
            ids.append(item.id)
        return ids


def update_agenda_item(db: Database, actor: Actor, item_id: int, data: AgendaItemData, expected_version: int) -> None:
    require_edit(actor)
    with db.write() as s:
        item = get_or_404(s, AgendaItem, item_id, "Питання порядку денного", "Agenda item")
        check_version(item, expected_version, "Питання порядку денного")
        data = _validate_item(s, data)
        twin = s.execute(select(AgendaItem.id).where(AgendaItem.session_id == item.session_id,
                                                     AgendaItem.number == data.number)).scalar_one_or_none()
        if twin is not None and twin != item_id:
            raise ValidationError(f"Питання №{data.number} уже є в порядку денному цієї сесії.",
                                  "That item number is taken in this session.")
        before = audit.snapshot(item, exclude=("search_key",))
        for key, value in _item_columns(data).items():
            setattr(item, key, value)
        s.flush()
        changes = audit.diff(before, audit.snapshot(item, exclude=("search_key",)))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, item, changes=changes,
                                summary=f"Питання {data.number}")


def delete_agenda_item(db: Database, actor: Actor, item_id: int, expected_version: int) -> None:
    require_edit(actor)
    with db.write() as s:
        item = get_or_404(s, AgendaItem, item_id, "Питання порядку денного", "Agenda item")
        check_version(item, expected_version, "Питання порядку денного")
        if s.execute(select(RollCall.id).where(RollCall.agenda_item_id == item_id).limit(1)).first():
            raise ValidationError(f"Питання №{item.number} не можна видалити: за нього вже голосували. "
                                  "Позначте його «знято з розгляду» або спершу видаліть голосування.",
                                  "The item has roll calls; delete them first.")
        if s.execute(select(Decision.id).where(Decision.agenda_item_id == item_id).limit(1)).first():
            raise ValidationError(f"Питання №{item.number} не можна видалити: до нього прив’язано рішення.",
                                  "A decision is linked to the item.")
        audit.record_object(s, actor, audit.Action.DELETE, item, exclude=("search_key",),
                            summary=f"Питання {item.number}")
        s.delete(item)


def roll_call_row(r: RollCall) -> RollCallRow:
    return RollCallRow(r.id, r.agenda_item_id, r.number, r.title, r.vote_date, r.majority, r.composition,
                       r.required, r.votes_for, r.votes_against, r.abstained, r.not_voting, r.absent, r.passed,
                       r.source, r.version, r.uuid)


def agenda(db: Database, session_id: int) -> list[AgendaItemRow]:
    """The session's agenda in order, each item with its roll calls and its decision."""
    with db.read() as s:
        return _agenda(s, [session_id])[session_id]


def _agenda(s: Session, session_ids: Sequence[int]) -> dict[int, list[AgendaItemRow]]:
    items = list(s.execute(select(AgendaItem).where(AgendaItem.session_id.in_(session_ids))
                           .order_by(AgendaItem.session_id, AgendaItem.number)).scalars())
    item_ids = [i.id for i in items]
    rolls: dict[int, list[RollCallRow]] = defaultdict(list)
    decisions: dict[int, DecisionRef] = {}
    for chunk in range(0, len(item_ids), 500):
        part = item_ids[chunk:chunk + 500]
        for r in s.execute(select(RollCall).where(RollCall.agenda_item_id.in_(part))
                           .order_by(RollCall.agenda_item_id, RollCall.number)).scalars():
            rolls[r.agenda_item_id].append(roll_call_row(r))
        for did, number, item_id in s.execute(select(Decision.id, Decision.number, Decision.agenda_item_id)
                                              .where(Decision.agenda_item_id.in_(part))):
            if item_id is not None:
                decisions[item_id] = DecisionRef(did, number)
    names = deputy_names(s) if any(i.initiator_deputy_id for i in items) else {}
    committees = dict(s.execute(select(Committee.id, Committee.name)).all()) \
        if any(i.initiator_committee_id for i in items) else {}
    out: dict[int, list[AgendaItemRow]] = {sid: [] for sid in session_ids}
    for i in items:
        label = InitiatorKind(i.initiator_kind).label_uk
        who = ""
        if i.initiator_deputy_id:
            who = names.get(i.initiator_deputy_id, "?")
            label = f"депутат {who}"
        elif i.initiator_committee_id:
            who = committees.get(i.initiator_committee_id, "?")
            label = f"комісія «{who}»"
        if i.initiator_note:
            label += f" ({i.initiator_note})"
        out[i.session_id].append(AgendaItemRow(
            number=i.number, title=i.title, initiator_kind=i.initiator_kind,
            initiator_deputy_id=i.initiator_deputy_id, initiator_committee_id=i.initiator_committee_id,
            initiator_note=i.initiator_note, draft_number=i.draft_number, majority=i.majority, status=i.status,
            id=i.id, session_id=i.session_id, version=i.version, uuid=i.uuid, initiator_label=label,
            roll_calls=tuple(rolls.get(i.id, ())), decision=decisions.get(i.id), initiator_name=who))
    return out


def agenda_for_sessions(db: Database, session_ids: Sequence[int]) -> dict[int, list[AgendaItemRow]]:
    with db.read() as s:
        return _agenda(s, list(session_ids))


def get_agenda_item(db: Database, item_id: int) -> AgendaItemRow:
    with db.read() as s:
        item = get_or_404(s, AgendaItem, item_id, "Питання порядку денного", "Agenda item")
        rows = _agenda(s, [item.session_id])[item.session_id]
    return next(r for r in rows if r.id == item_id)


def next_item_number(db: Database, session_id: int) -> int:
    with db.read() as s:
        top = s.execute(select(func.max(AgendaItem.number)).where(AgendaItem.session_id == session_id)).scalar()
    return int(top or 0) + 1


# --------------------------------------------------------------------------- decisions


@dataclass(frozen=True)
class DecisionData:
    number: str
    date: dt.date
    title: str
    text: str = ""
    agenda_item_id: int | None = None
    roll_call_id: int | None = None
    file: bytes | None = None  # a PDF; None keeps the stored file unless remove_file
    file_name: str = ""
    remove_file: bool = False


@dataclass(frozen=True)
class DecisionRow:
    id: int
    number: str
    date: dt.date
    title: str
    text: str
    agenda_item_id: int | None
    roll_call_id: int | None
    file_name: str
    has_file: bool
    version: int
    session_number: int | None = None
    uuid: str = ""


def _validate_decision(s: Session, data: DecisionData, decision_id: int | None) -> DecisionData:
    problems = []
    number = one_line(data.number)
    problem = check_decision_number(number)
    if problem:
        problems.append(problem)
    title = clean(data.title)
    if not title:
        problems.append("Вкажіть назву рішення.")
    if data.file is not None:
        if len(data.file) > MAX_DECISION_FILE:
            problems.append("Файл рішення завеликий (понад 20 МБ).")
        elif not data.file.startswith(b"%PDF-"):
            problems.append("Прикріпити можна лише файл PDF.")
    item = s.get(AgendaItem, data.agenda_item_id) if data.agenda_item_id is not None else None
    if data.agenda_item_id is not None and item is None:
        problems.append("Питання порядку денного для рішення не знайдено.")
    if data.roll_call_id is not None:
        roll_call = s.get(RollCall, data.roll_call_id)
        if roll_call is None:
            problems.append("Голосування для рішення не знайдено.")
        else:
            if not roll_call.passed:
                problems.append(f"Голосування «{roll_call.title}» не набрало потрібних голосів "
                                f"({roll_call.votes_for} з {roll_call.required}): рішення ним не ухвалено.")
            if item is not None and roll_call.agenda_item_id != item.id:
                problems.append("Обране голосування стосується іншого питання порядку денного.")
            if data.date < roll_call.vote_date:
                problems.append("Дата рішення раніша за дату голосування.")
    if problems:
        raise ValidationError(" ".join(problems), "The decision has errors.")
    twin = s.execute(select(Decision.id).where(Decision.number == number)).scalar_one_or_none()
    if twin is not None and twin != decision_id:
        raise ValidationError(f"Рішення №{number} уже є в реєстрі.", f"Decision {number} already exists.")
    return DecisionData(number=number, date=data.date, title=title, text=clean(data.text),
                        agenda_item_id=data.agenda_item_id, roll_call_id=data.roll_call_id, file=data.file,
                        file_name=one_line(data.file_name)[:255], remove_file=data.remove_file)


def save_decision(db: Database, actor: Actor, data: DecisionData, decision_id: int | None = None,
                  expected_version: int | None = None) -> int:
    """Create (``decision_id`` None) or update a decision, with an optional attached PDF."""
    require_edit(actor)
    with db.write() as s:
        data = _validate_decision(s, data, decision_id)
        if decision_id is None:
            decision = Decision()
            s.add(decision)
            before: dict = {}
        else:
            decision = get_or_404(s, Decision, decision_id, "Рішення", "Decision")
            check_version(decision, expected_version, "Рішення")
            before = audit.snapshot(decision, exclude=("file", "search_key"))
        decision.number, decision.date, decision.title, decision.text = data.number, data.date, data.title, data.text
        decision.search_key = search_key(f"{data.number} {data.title}")
        decision.agenda_item_id, decision.roll_call_id = data.agenda_item_id, data.roll_call_id
        file_change = None
        if data.file is not None:
            decision.file, decision.file_name = data.file, data.file_name or f"{data.number}.pdf"
            file_change = [None, f"{decision.file_name} ({len(data.file)} байт)"]
        elif data.remove_file:
            decision.file, decision.file_name = None, ""
            file_change = ["файл", None]
        s.flush()
        changes = audit.diff(before, audit.snapshot(decision, exclude=("file", "search_key")))
        if file_change:
            changes["file"] = file_change
        if decision_id is None:
            changes = {k: v for k, v in changes.items() if v[1] not in (None, "")}
        if changes:
            audit.record_object(s, actor, audit.Action.CREATE if decision_id is None else audit.Action.UPDATE,
                                decision, changes=changes, summary=f"Рішення №{data.number}")
        return decision.id


def delete_decision(db: Database, actor: Actor, decision_id: int, expected_version: int) -> None:
    require_edit(actor)
    with db.write() as s:
        decision = get_or_404(s, Decision, decision_id, "Рішення", "Decision")
        check_version(decision, expected_version, "Рішення")
        audit.record_object(s, actor, audit.Action.DELETE, decision, exclude=("file", "search_key"),
                            summary=f"Рішення №{decision.number}")
        s.delete(decision)


_DECISION_COLUMNS = (Decision.id, Decision.number, Decision.date, Decision.title, Decision.text,
                     Decision.agenda_item_id, Decision.roll_call_id, Decision.file_name, Decision.file.is_not(None),
                     Decision.version, CouncilSession.number, Decision.uuid)


def list_decisions(db: Database, query: str = "", year: int | None = None,
                   session_id: int | None = None) -> list[DecisionRow]:
    stmt = (select(*_DECISION_COLUMNS).outerjoin(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
            .outerjoin(CouncilSession, CouncilSession.id == AgendaItem.session_id))
    if query.strip():
        stmt = stmt.where(Decision.search_key.like(like_pattern(query), escape="\\"))
    if year is not None:
        stmt = stmt.where(Decision.date >= dt.date(year, 1, 1), Decision.date <= dt.date(year, 12, 31))
    if session_id is not None:
        stmt = stmt.where(AgendaItem.session_id == session_id)
    stmt = stmt.order_by(Decision.date.desc(), Decision.id.desc())
    with db.read() as s:
        return [DecisionRow(*row[:8], bool(row[8]), *row[9:]) for row in s.execute(stmt)]


def get_decision(db: Database, decision_id: int) -> DecisionRow:
    with db.read() as s:
        row = s.execute(select(*_DECISION_COLUMNS).outerjoin(AgendaItem, AgendaItem.id == Decision.agenda_item_id)
                        .outerjoin(CouncilSession, CouncilSession.id == AgendaItem.session_id)
                        .where(Decision.id == decision_id)).first()
        if row is None:
            get_or_404(s, Decision, decision_id, "Рішення", "Decision")
        assert row is not None
        return DecisionRow(*row[:8], bool(row[8]), *row[9:])


def decision_file(db: Database, decision_id: int) -> tuple[str, bytes] | None:
    with db.read() as s:
        row = s.execute(select(Decision.file_name, Decision.file).where(Decision.id == decision_id)).first()
    return (row[0], row[1]) if row and row[1] is not None else None


def suggest_decision_number(db: Database, item_id: int) -> str:
    """``12-3/VIII`` for item 3 of session 12 of convocation VIII."""
    with db.read() as s:
        item = get_or_404(s, AgendaItem, item_id, "Питання порядку денного", "Agenda item")
        session = s.get(CouncilSession, item.session_id)
        assert session is not None
        return decision_number(session.number, item.number, session.convocation)


def search_items(db: Database, query: str, limit: int = 200) -> list[tuple[int, int, dt.date, int, str]]:
    """(item id, session id, session date, item number, title) of items whose title matches."""
    stmt = (select(AgendaItem.id, AgendaItem.session_id, CouncilSession.date, AgendaItem.number, AgendaItem.title)
            .join(CouncilSession, CouncilSession.id == AgendaItem.session_id)
            .where(or_(AgendaItem.search_key.like(like_pattern(query), escape="\\")))
            .order_by(CouncilSession.date.desc(), AgendaItem.number).limit(limit))
    with db.read() as s:
        return list(s.execute(stmt))

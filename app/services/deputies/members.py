"""The deputies' register: each deputy's card, mandate, contacts, photo and committee seats.

A mandate is checked against the council's composition (never more active mandates than seats) and,
when its dates change, against the attendance and votes already recorded. Contacts reach public
reports only where the clerk marked them public.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.deputies import (
    AgendaItem,
    Committee,
    CommitteeMember,
    CouncilSession,
    Deputy,
    DeputyInitiative,
    District,
    Faction,
    RollCall,
    SessionAttendance,
    Vote,
)
from app.domain import votes as vote_rules
from app.domain.deputies import CommitteeRole, MandateEndReason, collation_key, deputy_search_key, full_name, short_name
from app.domain.formats import format_date
from app.errors import ValidationError
from app.services.core import audit
from app.services.core.auth import Actor
from app.services.core.council import sniff_image
from app.services.core.records import check_version, get_or_404
from app.services.deputies.common import (
    clean,
    composition,
    current_convocation,
    like_pattern,
    mandate_active,
    one_line,
    require_edit,
)

MAX_PHOTO_BYTES = 5 * 1024 * 1024
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_RE = re.compile(r"^[0-9+()\-\s]{5,30}$")


@dataclass(frozen=True)
class DeputyData:
    """What the clerk types into the deputy's form. ``committees`` None leaves memberships as they are."""

    surname: str
    given_name: str
    patronymic: str = ""
    mandate_start: dt.date | None = None
    mandate_end: dt.date | None = None
    mandate_end_reason: str = ""
    faction_id: int | None = None
    district_id: int | None = None
    position: str = ""
    biography: str = ""
    phone: str = ""
    phone_public: bool = False
    email: str = ""
    email_public: bool = False
    reception_hours: str = ""
    reception_place: str = ""
    convocation: int | None = None  # None: the council's current convocation
    committees: tuple[tuple[int, str], ...] | None = None  # (committee id, CommitteeRole)


@dataclass(frozen=True)
class DeputyRow:
    """A line of the deputies list."""

    id: int
    surname: str
    given_name: str
    patronymic: str
    faction_id: int | None
    faction: str
    district_id: int | None
    district: str
    mandate_start: dt.date
    mandate_end: dt.date | None
    mandate_end_reason: str
    position: str
    active: bool
    version: int

    @property
    def full_name(self) -> str:
        return full_name(self.surname, self.given_name, self.patronymic)

    @property
    def short_name(self) -> str:
        return short_name(self.surname, self.given_name, self.patronymic)


@dataclass(frozen=True)
class CommitteeSeat:
    committee_id: int
    committee: str
    role: str


@dataclass(frozen=True)
class DeputyView(DeputyData):
    id: int = 0
    version: int = 0
    uuid: str = ""
    faction: str = ""
    district: str = ""
    has_photo: bool = False
    seats: tuple[CommitteeSeat, ...] = ()
    convocation_number: int = 0

    @property
    def full_name(self) -> str:
        return full_name(self.surname, self.given_name, self.patronymic)

    @property
    def short_name(self) -> str:
        return short_name(self.surname, self.given_name, self.patronymic)

    def active_on(self, on: dt.date) -> bool:
        return self.mandate_start is not None and vote_rules.has_mandate((self.mandate_start, self.mandate_end), on)

    def public_contacts(self) -> list[tuple[str, str]]:
        """Only the contacts the clerk marked public (for public reports and open data)."""
        out = []
        if self.phone and self.phone_public:
            out.append(("Телефон", self.phone))
        if self.email and self.email_public:
            out.append(("Ел. пошта", self.email))
        return out


@dataclass(frozen=True)
class DeputyFilter:
    query: str = ""
    faction_id: int | None = None  # -1: deputies without a faction
    district_id: int | None = None
    status: str | None = None  # "active", "ended", None = all
    on: dt.date | None = None  # the date "active" refers to (default today)
    convocation: int | None = None


def _validate_deputy(s: Session, data: DeputyData, deputy_id: int | None) -> DeputyData:
    problems: list[str] = []
    surname, given, patronymic = one_line(data.surname), one_line(data.given_name), one_line(data.patronymic)
    if not surname:
        problems.append("Вкажіть прізвище депутата.")
    if not given:
        problems.append("Вкажіть ім’я депутата.")
    for label, value in (("Прізвище", surname), ("Ім’я", given), ("По батькові", patronymic)):
        if len(value) > 100:
            problems.append(f"{label} задовге (понад 100 знаків).")
        if any(ch.isdigit() for ch in value):
            problems.append(f"{label} не може містити цифр: «{value}».")
    if data.mandate_start is None:
        problems.append("Вкажіть дату набуття повноважень.")
    reason = data.mandate_end_reason or ""
    if data.mandate_end is not None:
        if data.mandate_start is not None and data.mandate_end < data.mandate_start:
            problems.append("Дата припинення повноважень раніша за дату їх набуття.")
        if not reason:
            problems.append("Вкажіть підставу припинення повноважень (закінчення строку, складення мандата, "
                            "відкликання, смерть).")
    elif reason:
        problems.append("Підставу припинення вказано, а дату припинення повноважень — ні.")
    if reason and reason not in MandateEndReason._value2member_map_:
        problems.append(f"Невідома підстава припинення повноважень: «{reason}».")
    phone, email = one_line(data.phone), one_line(data.email)
    if phone and not _PHONE_RE.match(phone):
        problems.append(f"Номер телефону «{phone}» неправильний: лише цифри, +, дужки, дефіси.")
    if email and not _EMAIL_RE.match(email):
        problems.append(f"Адреса ел. пошти «{email}» неправильна.")
    if data.phone_public and not phone:
        problems.append("Телефон позначено публічним, але його не вказано.")
    if data.email_public and not email:
        problems.append("Ел. пошту позначено публічною, але її не вказано.")
    if data.faction_id is not None and s.get(Faction, data.faction_id) is None:
        problems.append("Обрану фракцію не знайдено (можливо, її видалено).")
    if data.district_id is not None and s.get(District, data.district_id) is None:
        problems.append("Обраний округ не знайдено (можливо, його видалено).")
    committees: tuple[tuple[int, str], ...] | None = None
    if data.committees is not None:
        seen: set[int] = set()
        seats: list[tuple[int, str]] = []
        for committee_id, role in data.committees:
            if committee_id in seen:
                problems.append("Одну комісію вказано двічі.")
                continue
            seen.add(committee_id)
            if role not in CommitteeRole._value2member_map_:
                problems.append(f"Невідома роль у комісії: «{role}».")
            if s.get(Committee, committee_id) is None:
                problems.append("Обрану комісію не знайдено (можливо, її видалено).")
            seats.append((committee_id, role))
        committees = tuple(seats)
    if problems:
        raise ValidationError(" ".join(problems), "The deputy's data has errors; see the Ukrainian message.")
    convocation = data.convocation if data.convocation is not None else current_convocation(s)
    key = deputy_search_key(surname, given, patronymic)
    twin = s.execute(select(Deputy.id).where(Deputy.search_key == key, Deputy.convocation == convocation,
                                             Deputy.id != (deputy_id or 0))).first()
    if twin is not None:
        raise ValidationError(f"Депутат «{full_name(surname, given, patronymic)}» уже є в реєстрі цього скликання.",
                              "This deputy is already in the register of this convocation.")
    return DeputyData(
        surname=surname, given_name=given, patronymic=patronymic, mandate_start=data.mandate_start,
        mandate_end=data.mandate_end, mandate_end_reason=reason, faction_id=data.faction_id,
        district_id=data.district_id, position=one_line(data.position)[:200], biography=clean(data.biography),
        phone=phone, phone_public=data.phone_public and bool(phone), email=email,
        email_public=data.email_public and bool(email), reception_hours=one_line(data.reception_hours)[:300],
        reception_place=one_line(data.reception_place)[:300], convocation=convocation, committees=committees)


def _check_composition(s: Session, deputy_id: int | None, start: dt.date, end: dt.date | None) -> None:
    """Refuse a mandate that would make more deputies active at once than the council's composition."""
    seats = composition(s)
    others = [(a, b) for i, a, b in s.execute(select(Deputy.id, Deputy.mandate_start, Deputy.mandate_end))
              if i != deputy_id]
    mine = (start, end)
    points = {start} | {a for a, _ in others if vote_rules.has_mandate(mine, a)}
    for point in sorted(points):
        active = 1 + sum(1 for m in others if vote_rules.has_mandate(m, point))
        if active > seats:
            raise ValidationError(
                f"На {format_date(point)} чинних мандатів стало б {active}, а загальний склад ради — {seats}. "
                "Перевірте дати повноважень (чи вказано дату припинення повноважень попередника?).",
                f"On {point.isoformat()} there would be {active} active mandates for {seats} seats.")


def _check_votes_within_mandate(s: Session, deputy_id: int, start: dt.date, end: dt.date | None) -> None:
    """The new mandate dates must still cover every session the deputy attended and every vote they cast."""
    outside = or_(RollCall.vote_date < start, RollCall.vote_date > end) if end else RollCall.vote_date < start
    voted = s.execute(select(func.count(Vote.id)).join(RollCall, RollCall.id == Vote.roll_call_id)
                      .where(Vote.deputy_id == deputy_id, outside)).scalar_one()
    out_s = or_(CouncilSession.date < start, CouncilSession.date > end) if end else CouncilSession.date < start
    registered = s.execute(select(func.count(SessionAttendance.id))
                           .join(CouncilSession, CouncilSession.id == SessionAttendance.session_id)
                           .where(SessionAttendance.deputy_id == deputy_id, out_s)).scalar_one()
    if voted or registered:
        raise ValidationError(
            f"Такі дати повноважень не охоплюють {registered} записів реєстрації і {voted} голосів депутата. "
            "Спершу виправте ці сесії або дати.",
            "The new mandate dates would leave recorded attendance or votes outside the mandate.")


def _apply_deputy(deputy: Deputy, data: DeputyData) -> None:
    deputy.surname, deputy.given_name, deputy.patronymic = data.surname, data.given_name, data.patronymic
    deputy.search_key = deputy_search_key(data.surname, data.given_name, data.patronymic)
    deputy.convocation = int(data.convocation or 0)
    deputy.faction_id, deputy.district_id = data.faction_id, data.district_id
    assert data.mandate_start is not None
    deputy.mandate_start, deputy.mandate_end = data.mandate_start, data.mandate_end
    deputy.mandate_end_reason = data.mandate_end_reason
    deputy.position, deputy.biography = data.position, data.biography
    deputy.phone, deputy.phone_public = data.phone, data.phone_public
    deputy.email, deputy.email_public = data.email, data.email_public
    deputy.reception_hours, deputy.reception_place = data.reception_hours, data.reception_place


def _set_seats(s: Session, actor: Actor, deputy: Deputy, seats: tuple[tuple[int, str], ...]) -> dict[str, list]:
    current = {m.committee_id: m for m in s.execute(
        select(CommitteeMember).where(CommitteeMember.deputy_id == deputy.id)).scalars()}
    wanted = dict(seats)
    changes: dict[str, list] = {}
    names = dict(s.execute(select(Committee.id, Committee.name)).all())
    for committee_id, member in current.items():
        if committee_id not in wanted:
            changes[names.get(committee_id, str(committee_id))] = [member.role, None]
            s.delete(member)
    for committee_id, role in wanted.items():
        seat = current.get(committee_id)
        if seat is None:
            s.add(CommitteeMember(committee_id=committee_id, deputy_id=deputy.id, role=role))
            changes[names.get(committee_id, str(committee_id))] = [None, role]
        elif seat.role != role:
            changes[names.get(committee_id, str(committee_id))] = [seat.role, role]
            seat.role = role
    s.flush()
    for committee_id, role in wanted.items():
        if role == CommitteeRole.HEAD:
            heads = s.execute(select(func.count(CommitteeMember.id)).where(
                CommitteeMember.committee_id == committee_id, CommitteeMember.role == CommitteeRole.HEAD.value)
            ).scalar_one()
            if heads > 1:
                raise ValidationError(f"У комісії «{names.get(committee_id)}» уже є голова: спершу змініть його роль.",
                                      "That committee already has a head.")
    return changes


def create_deputy(db: Database, actor: Actor, data: DeputyData) -> int:
    require_edit(actor)
    with db.write() as s:
        clean_data = _validate_deputy(s, data, None)
        assert clean_data.mandate_start is not None
        _check_composition(s, None, clean_data.mandate_start, clean_data.mandate_end)
        deputy = Deputy()
        _apply_deputy(deputy, clean_data)
        s.add(deputy)
        s.flush()
        seat_changes = _set_seats(s, actor, deputy, clean_data.committees) if clean_data.committees else {}
        event = audit.snapshot(deputy)
        changes = {k: [None, v] for k, v in event.items() if v not in (None, "", False)}
        changes.update({f"комісія: {k}": v for k, v in seat_changes.items()})
        audit.record_object(s, actor, audit.Action.CREATE, deputy, changes=changes, summary=deputy_label(deputy))
        return deputy.id


def update_deputy(db: Database, actor: Actor, deputy_id: int, data: DeputyData, expected_version: int) -> None:
    require_edit(actor)
    with db.write() as s:
        deputy = get_or_404(s, Deputy, deputy_id, "Депутата", "Deputy")
        check_version(deputy, expected_version, "Картку депутата")
        clean_data = _validate_deputy(s, data, deputy_id)
        assert clean_data.mandate_start is not None
        if (clean_data.mandate_start, clean_data.mandate_end) != (deputy.mandate_start, deputy.mandate_end):
            _check_composition(s, deputy_id, clean_data.mandate_start, clean_data.mandate_end)
            _check_votes_within_mandate(s, deputy_id, clean_data.mandate_start, clean_data.mandate_end)
        before = audit.snapshot(deputy, exclude=("photo",))
        _apply_deputy(deputy, clean_data)
        seat_changes = _set_seats(s, actor, deputy, clean_data.committees) if clean_data.committees is not None else {}
        changes = audit.diff(before, audit.snapshot(deputy, exclude=("photo",)))
        changes.pop("search_key", None)
        if seat_changes and not changes:
            deputy.updated_at = utcnow()  # memberships only: still bump the card's version for other editors
        changes.update({f"комісія: {k}": v for k, v in seat_changes.items()})
        s.flush()
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, deputy, changes=changes, summary=deputy_label(deputy))


def set_deputy_photo(db: Database, actor: Actor, deputy_id: int, photo: bytes | None, expected_version: int) -> None:
    """Set (or with None remove) the deputy's photo: PNG, JPEG or GIF up to 5 MB."""
    require_edit(actor)
    mime = ""
    if photo is not None:
        if len(photo) > MAX_PHOTO_BYTES:
            raise ValidationError("Фото завелике (понад 5 МБ): зменште його.", "The photo is larger than 5 MB.")
        try:
            mime = sniff_image(photo)
        except ValidationError:
            raise ValidationError("Файл фото не є зображенням PNG, JPEG чи GIF або пошкоджений.",
                                  "The photo is not a readable PNG, JPEG or GIF image.") from None
    with db.write() as s:
        deputy = get_or_404(s, Deputy, deputy_id, "Депутата", "Deputy")
        check_version(deputy, expected_version, "Картку депутата")
        had = deputy.photo is not None
        deputy.photo, deputy.photo_mime = photo, mime
        s.flush()
        new = f"<{len(photo)} байт>" if photo else None
        audit.record_object(s, actor, audit.Action.UPDATE, deputy, changes={"photo": ["<було>" if had else None, new]},
                            summary=f"{deputy_label(deputy)}: фото")


def get_deputy_photo(db: Database, deputy_id: int) -> tuple[bytes | None, str]:
    with db.read() as s:
        row = s.execute(select(Deputy.photo, Deputy.photo_mime).where(Deputy.id == deputy_id)).first()
        return (row[0], row[1]) if row else (None, "")


def delete_deputy(db: Database, actor: Actor, deputy_id: int, expected_version: int) -> None:
    """Delete a deputy typed in by mistake; one with attendance, votes or initiatives is refused."""
    require_edit(actor)
    with db.write() as s:
        deputy = get_or_404(s, Deputy, deputy_id, "Депутата", "Deputy")
        check_version(deputy, expected_version, "Картку депутата")
        used = (
            s.execute(select(Vote.id).where(Vote.deputy_id == deputy_id).limit(1)).first()
            or s.execute(select(SessionAttendance.id).where(SessionAttendance.deputy_id == deputy_id).limit(1)).first()
            or s.execute(select(DeputyInitiative.id).where(DeputyInitiative.deputy_id == deputy_id).limit(1)).first()
            or s.execute(select(AgendaItem.id).where(AgendaItem.initiator_deputy_id == deputy_id).limit(1)).first()
        )
        if used:
            raise ValidationError(
                f"Депутата «{deputy_label(deputy)}» не можна видалити: є його реєстрація, голоси або ініціативи. "
                "Якщо повноваження припинено, вкажіть дату і підставу припинення.",
                "The deputy has recorded attendance, votes or initiatives; end the mandate instead.")
        s.execute(delete(CommitteeMember).where(CommitteeMember.deputy_id == deputy_id))
        audit.record_object(s, actor, audit.Action.DELETE, deputy, summary=deputy_label(deputy), exclude=("photo",))
        s.delete(deputy)


def deputy_label(deputy: Deputy) -> str:
    return full_name(deputy.surname, deputy.given_name, deputy.patronymic)


_ROW_COLUMNS = (Deputy.id, Deputy.surname, Deputy.given_name, Deputy.patronymic, Deputy.faction_id, Faction.name,
                Deputy.district_id, District.name, Deputy.mandate_start, Deputy.mandate_end,
                Deputy.mandate_end_reason, Deputy.position, Deputy.version)


def list_deputies(db: Database, flt: DeputyFilter = DeputyFilter()) -> list[DeputyRow]:
    """Deputies matching the filter, by surname. ``query`` matches any part of the full name, any case."""
    on = flt.on or dt.date.today()
    stmt = (select(*_ROW_COLUMNS).outerjoin(Faction, Faction.id == Deputy.faction_id)
            .outerjoin(District, District.id == Deputy.district_id))
    if flt.query.strip():
        stmt = stmt.where(Deputy.search_key.like(like_pattern(flt.query), escape="\\"))
    if flt.faction_id == -1:
        stmt = stmt.where(Deputy.faction_id.is_(None))
    elif flt.faction_id is not None:
        stmt = stmt.where(Deputy.faction_id == flt.faction_id)
    if flt.district_id is not None:
        stmt = stmt.where(Deputy.district_id == flt.district_id)
    if flt.convocation is not None:
        stmt = stmt.where(Deputy.convocation == flt.convocation)
    if flt.status == "active":
        stmt = stmt.where(mandate_active(on))
    elif flt.status == "ended":
        stmt = stmt.where(~mandate_active(on))
    with db.read() as s:
        rows = [DeputyRow(i, sn, gn, pn, fid, fname or "", did, dname or "", start, end, reason, pos,
                          vote_rules.has_mandate((start, end), on), ver)
                for i, sn, gn, pn, fid, fname, did, dname, start, end, reason, pos, ver in s.execute(stmt)]
    return sorted(rows, key=lambda r: collation_key(r.full_name))


def get_deputy(db: Database, deputy_id: int) -> DeputyView:
    with db.read() as s:
        d = get_or_404(s, Deputy, deputy_id, "Депутата", "Deputy")
        faction_row = s.get(Faction, d.faction_id) if d.faction_id else None
        district_row = s.get(District, d.district_id) if d.district_id else None
        faction = faction_row.name if faction_row else ""
        district = district_row.name if district_row else ""
        seats = tuple(CommitteeSeat(cid, name, role) for cid, name, role in s.execute(
            select(Committee.id, Committee.name, CommitteeMember.role)
            .join(CommitteeMember, CommitteeMember.committee_id == Committee.id)
            .where(CommitteeMember.deputy_id == deputy_id).order_by(Committee.name)))
        has_photo = s.execute(select(Deputy.photo.is_not(None)).where(Deputy.id == deputy_id)).scalar_one()
        return DeputyView(
            surname=d.surname, given_name=d.given_name, patronymic=d.patronymic, mandate_start=d.mandate_start,
            mandate_end=d.mandate_end, mandate_end_reason=d.mandate_end_reason, faction_id=d.faction_id,
            district_id=d.district_id, position=d.position, biography=d.biography, phone=d.phone,
            phone_public=d.phone_public, email=d.email, email_public=d.email_public,
            reception_hours=d.reception_hours, reception_place=d.reception_place, convocation=d.convocation,
            committees=tuple((seat.committee_id, seat.role) for seat in seats),
            id=d.id, version=d.version, uuid=d.uuid, faction=faction, district=district, has_photo=bool(has_photo),
            seats=seats, convocation_number=d.convocation)


def deputy_choices(db: Database) -> list[tuple[int, str]]:
    """(id, "Прізвище Ім’я По батькові (фракція)") for pickers and report --id lists."""
    return [(r.id, r.full_name + (f" ({r.faction})" if r.faction else "")
             + ("" if r.active else " — повноваження припинено")) for r in list_deputies(db)]

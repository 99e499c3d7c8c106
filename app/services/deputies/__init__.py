"""Deputies, factions, electoral districts and standing committees; deputies' statistics.

Every write takes the acting user, checks ``EDIT_RECORDS``, validates (a Ukrainian sentence for the
clerk, English as the second argument), runs in one transaction and appends its audit event there.
Updates take the version the clerk opened and are refused as stale when someone saved meanwhile.
Reads return frozen dataclasses; nothing here hands out a session or an ORM object.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.core import CouncilProfile
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
from app.domain.deputies import (
    AttendanceStatus,
    CommitteeRole,
    InitiativeKind,
    MandateEndReason,
    collation_key,
    deputy_search_key,
    full_name,
    short_name,
)
from app.domain.formats import format_date
from app.domain.names import search_key
from app.domain.votes import Attendance, FactionDiscipline, Participation, VoteOption
from app.errors import NotFoundError, ValidationError
from app.services.core import audit, settings
from app.services.core.auth import Actor, Permission, require
from app.services.core.council import sniff_image
from app.services.core.records import check_version, get_or_404

INQUIRY_DAYS = settings.SettingDef(
    "deputies.inquiry_answer_days", int, 30, "Строк відповіді на депутатський запит, днів",
    "Days to answer a deputy's inquiry", 1, 90)
APPEAL_DAYS = settings.SettingDef(
    "deputies.appeal_answer_days", int, 10, "Строк відповіді на депутатське звернення, днів",
    "Days to answer a deputy's appeal", 1, 60)
REPORT_NOTICE_DAYS = settings.SettingDef(
    "deputies.report_notice_days", int, 7, "Оприлюднити звіт депутата не пізніше ніж за, днів до зустрічі",
    "Publish a deputy's report at least this many days before the meeting", 1, 60)

MAX_PHOTO_BYTES = 5 * 1024 * 1024
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE_RE = re.compile(r"^[0-9+()\-\s]{5,30}$")


# --------------------------------------------------------------------------- shared helpers


def require_edit(actor: Actor) -> None:
    require(actor, Permission.EDIT_RECORDS)


def clean(text: str | None) -> str:
    """Trimmed text with inner runs of spaces collapsed (line breaks kept for long texts)."""
    if not text:
        return ""
    return "\n".join(" ".join(line.split()) for line in text.strip().splitlines()).strip()


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def like_pattern(query: str) -> str:
    """``%key%`` for LIKE on a search_key column, with ``%``/``_`` escaped (ESCAPE '\\')."""
    key = search_key(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{key}%"


def composition(s: Session) -> int:
    value = s.execute(select(CouncilProfile.composition).order_by(CouncilProfile.id).limit(1)).scalar_one_or_none()
    if value is None:
        raise NotFoundError("Профіль ради ще не заповнено: спершу вкажіть загальний склад ради в Налаштуваннях.",
                            "The council profile is not set up yet.")
    return int(value)


def current_convocation(s: Session) -> int:
    value = s.execute(select(CouncilProfile.convocation).order_by(CouncilProfile.id).limit(1)).scalar_one_or_none()
    return int(value) if value is not None else 1


def mandates(s: Session) -> dict[int, vote_rules.Mandate]:
    return {d: (start, end) for d, start, end in
            s.execute(select(Deputy.id, Deputy.mandate_start, Deputy.mandate_end))}


def deputy_names(s: Session, *, short: bool = True) -> dict[int, str]:
    rows = s.execute(select(Deputy.id, Deputy.surname, Deputy.given_name, Deputy.patronymic))
    fn = short_name if short else full_name
    return {d: fn(sn, gn, pn) for d, sn, gn, pn in rows}


def _mandate_active(on: dt.date):  # noqa: ANN202 - SQL expression
    return and_(Deputy.mandate_start <= on, or_(Deputy.mandate_end.is_(None), Deputy.mandate_end >= on))


# --------------------------------------------------------------------------- factions and districts


@dataclass(frozen=True)
class FactionData:
    name: str
    short_name: str = ""
    description: str = ""


@dataclass(frozen=True)
class FactionView(FactionData):
    id: int = 0
    version: int = 0
    uuid: str = ""
    members: int = 0  # deputies with an active mandate today in this faction


@dataclass(frozen=True)
class DistrictData:
    name: str
    number: int | None = None
    description: str = ""


@dataclass(frozen=True)
class DistrictView(DistrictData):
    id: int = 0
    version: int = 0
    uuid: str = ""


def _validate_faction(data: FactionData) -> FactionData:
    name = one_line(data.name)
    if not name:
        raise ValidationError("Вкажіть назву фракції.", "Enter the faction's name.")
    if len(name) > 200:
        raise ValidationError("Назва фракції задовга (понад 200 знаків).", "The faction's name is too long.")
    return FactionData(name=name, short_name=one_line(data.short_name)[:60], description=clean(data.description))


def list_factions(db: Database, on: dt.date | None = None) -> list[FactionView]:
    on = on or dt.date.today()
    with db.read() as s:
        counts = dict(s.execute(select(Deputy.faction_id, func.count(Deputy.id)).where(_mandate_active(on))
                                .group_by(Deputy.faction_id)).all())
        return [FactionView(name=f.name, short_name=f.short_name, description=f.description, id=f.id,
                            version=f.version, uuid=f.uuid, members=counts.get(f.id, 0))
                for f in s.execute(select(Faction).order_by(Faction.name)).scalars()]


def save_faction(db: Database, actor: Actor, data: FactionData, faction_id: int | None = None,
                 expected_version: int | None = None) -> int:
    """Create (``faction_id`` None) or update a faction; returns its id."""
    require_edit(actor)
    data = _validate_faction(data)
    with db.write() as s:
        clash = s.execute(select(Faction.id).where(Faction.name == data.name)).scalar_one_or_none()
        if clash is not None and clash != faction_id:
            raise ValidationError(f"Фракція «{data.name}» уже є.", f"Faction «{data.name}» already exists.")
        if faction_id is None:
            faction = Faction(name=data.name, short_name=data.short_name, description=data.description)
            s.add(faction)
            audit.record_object(s, actor, audit.Action.CREATE, faction, summary=f"Фракція «{data.name}»")
        else:
            faction = get_or_404(s, Faction, faction_id, "Фракцію", "Faction")
            check_version(faction, expected_version, "Фракцію")
            before = audit.snapshot(faction)
            faction.name, faction.short_name, faction.description = data.name, data.short_name, data.description
            s.flush()
            changes = audit.diff(before, audit.snapshot(faction))
            if changes:
                audit.record_object(s, actor, audit.Action.UPDATE, faction, changes=changes,
                                    summary=f"Фракція «{data.name}»")
        return faction.id


def delete_faction(db: Database, actor: Actor, faction_id: int, expected_version: int) -> None:
    require_edit(actor)
    with db.write() as s:
        faction = get_or_404(s, Faction, faction_id, "Фракцію", "Faction")
        check_version(faction, expected_version, "Фракцію")
        used = s.execute(select(func.count(Deputy.id)).where(Deputy.faction_id == faction_id)).scalar_one()
        voted = s.execute(select(Vote.id).where(Vote.faction_id == faction_id).limit(1)).first()
        if used or voted:
            raise ValidationError(
                f"Фракцію «{faction.name}» не можна видалити: до неї належать депутати або їхні голоси. "
                "Спершу змініть фракцію цих депутатів.",
                "The faction has deputies or recorded votes and cannot be deleted.")
        audit.record_object(s, actor, audit.Action.DELETE, faction, summary=f"Фракція «{faction.name}»")
        s.delete(faction)


def list_districts(db: Database) -> list[DistrictView]:
    with db.read() as s:
        rows = s.execute(select(District).order_by(District.number.is_(None), District.number, District.name))
        return [DistrictView(name=d.name, number=d.number, description=d.description, id=d.id, version=d.version,
                             uuid=d.uuid) for d in rows.scalars()]


def save_district(db: Database, actor: Actor, data: DistrictData, district_id: int | None = None,
                  expected_version: int | None = None) -> int:
    require_edit(actor)
    name = one_line(data.name)
    if not name:
        raise ValidationError("Вкажіть назву округу.", "Enter the district's name.")
    if data.number is not None and not 1 <= data.number <= 999:
        raise ValidationError("Номер округу має бути від 1 до 999.", "District number must be 1 to 999.")
    with db.write() as s:
        clash = s.execute(select(District.id).where(District.name == name)).scalar_one_or_none()
        if clash is not None and clash != district_id:
            raise ValidationError(f"Округ «{name}» уже є.", f"District «{name}» already exists.")
        if district_id is None:
            district = District(name=name, number=data.number, description=clean(data.description))
            s.add(district)
            audit.record_object(s, actor, audit.Action.CREATE, district, summary=f"Округ «{name}»")
        else:
            district = get_or_404(s, District, district_id, "Округ", "District")
            check_version(district, expected_version, "Округ")
            before = audit.snapshot(district)
            district.name, district.number, district.description = name, data.number, clean(data.description)
            s.flush()
            changes = audit.diff(before, audit.snapshot(district))
            if changes:
                audit.record_object(s, actor, audit.Action.UPDATE, district, changes=changes, summary=f"Округ «{name}»")
        return district.id


# --------------------------------------------------------------------------- deputies


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
        stmt = stmt.where(_mandate_active(on))
    elif flt.status == "ended":
        stmt = stmt.where(~_mandate_active(on))
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


# --------------------------------------------------------------------------- committees


@dataclass(frozen=True)
class CommitteeData:
    name: str
    short_name: str = ""
    description: str = ""


@dataclass(frozen=True)
class CommitteeMemberView:
    deputy_id: int
    name: str
    role: str


@dataclass(frozen=True)
class CommitteeView(CommitteeData):
    id: int = 0
    version: int = 0
    uuid: str = ""
    members: tuple[CommitteeMemberView, ...] = ()


_ROLE_ORDER = {r.value: i for i, r in enumerate(CommitteeRole)}
_CAST_VALUES = (VoteOption.FOR.value, VoteOption.AGAINST.value, VoteOption.ABSTAINED.value)


def list_committees(db: Database) -> list[CommitteeView]:
    with db.read() as s:
        names = deputy_names(s, short=False)
        members: dict[int, list[CommitteeMemberView]] = defaultdict(list)
        for cid, did, role in s.execute(select(CommitteeMember.committee_id, CommitteeMember.deputy_id,
                                               CommitteeMember.role)):
            members[cid].append(CommitteeMemberView(did, names.get(did, "?"), role))
        out = []
        for c in s.execute(select(Committee).order_by(Committee.name)).scalars():
            seats = sorted(members.get(c.id, []), key=lambda m: (_ROLE_ORDER.get(m.role, 9), collation_key(m.name)))
            out.append(CommitteeView(name=c.name, short_name=c.short_name, description=c.description, id=c.id,
                                     version=c.version, uuid=c.uuid, members=tuple(seats)))
        return out


def save_committee(db: Database, actor: Actor, data: CommitteeData, committee_id: int | None = None,
                   expected_version: int | None = None, members: Sequence[tuple[int, str]] | None = None) -> int:
    """Create or update a committee; ``members`` (deputy id, role) replaces its membership when given."""
    require_edit(actor)
    name = one_line(data.name)
    if not name:
        raise ValidationError("Вкажіть назву комісії.", "Enter the committee's name.")
    if members is not None:
        heads = [d for d, role in members if role == CommitteeRole.HEAD]
        if len(heads) > 1:
            raise ValidationError("У комісії може бути лише один голова.", "A committee has one head.")
        if len({d for d, _ in members}) != len(members):
            raise ValidationError("Одного депутата вказано в комісії двічі.", "A deputy is listed twice.")
        for _, role in members:
            if role not in CommitteeRole._value2member_map_:
                raise ValidationError(f"Невідома роль у комісії: «{role}».", f"Unknown committee role «{role}».")
    with db.write() as s:
        clash = s.execute(select(Committee.id).where(Committee.name == name)).scalar_one_or_none()
        if clash is not None and clash != committee_id:
            raise ValidationError(f"Комісія «{name}» уже є.", f"Committee «{name}» already exists.")
        if committee_id is None:
            committee = Committee(name=name, short_name=one_line(data.short_name), description=clean(data.description))
            s.add(committee)
            s.flush()
            before: dict = {}
        else:
            committee = get_or_404(s, Committee, committee_id, "Комісію", "Committee")
            check_version(committee, expected_version, "Комісію")
            before = audit.snapshot(committee)
            committee.name, committee.short_name = name, one_line(data.short_name)
            committee.description = clean(data.description)
        changes = audit.diff(before, audit.snapshot(committee)) if before else {}
        if members is not None:
            names = deputy_names(s, short=False)
            for deputy_id, _ in members:
                if deputy_id not in names:
                    raise ValidationError("Обраного депутата не знайдено.", "Deputy not found.")
            current = {m.deputy_id: m for m in s.execute(
                select(CommitteeMember).where(CommitteeMember.committee_id == committee.id)).scalars()}
            wanted = dict(members)
            for deputy_id, member in current.items():
                if deputy_id not in wanted:
                    changes[names[deputy_id]] = [member.role, None]
                    s.delete(member)
            s.flush()
            for deputy_id, role in wanted.items():
                seat = current.get(deputy_id)
                if seat is None:
                    s.add(CommitteeMember(committee_id=committee.id, deputy_id=deputy_id, role=role))
                    changes[names[deputy_id]] = [None, role]
                elif seat.role != role:
                    changes[names[deputy_id]] = [seat.role, role]
                    seat.role = role
            if committee_id is not None and changes:
                committee.updated_at = utcnow()  # bumps the version
        s.flush()
        if committee_id is None:
            snap = {k: [None, v] for k, v in audit.snapshot(committee).items() if v}
            audit.record_object(s, actor, audit.Action.CREATE, committee, changes={**snap, **changes},
                                summary=f"Комісія «{name}»")
        elif changes:
            audit.record_object(s, actor, audit.Action.UPDATE, committee, changes=changes, summary=f"Комісія «{name}»")
        return committee.id


def delete_committee(db: Database, actor: Actor, committee_id: int, expected_version: int) -> None:
    require_edit(actor)
    with db.write() as s:
        committee = get_or_404(s, Committee, committee_id, "Комісію", "Committee")
        check_version(committee, expected_version, "Комісію")
        if s.execute(select(AgendaItem.id).where(AgendaItem.initiator_committee_id == committee_id).limit(1)).first():
            raise ValidationError(f"Комісію «{committee.name}» не можна видалити: вона ініціювала питання порядку "
                                  "денного.", "The committee initiated agenda items and cannot be deleted.")
        s.execute(delete(CommitteeMember).where(CommitteeMember.committee_id == committee_id))
        audit.record_object(s, actor, audit.Action.DELETE, committee, summary=f"Комісія «{committee.name}»")
        s.delete(committee)


# --------------------------------------------------------------------------- statistics


@dataclass(frozen=True)
class DeputyStats:
    """A deputy's record over their convocation, and per year."""

    deputy_id: int
    attendance: Attendance | None  # over the whole mandate
    attendance_by_year: Mapping[int, Attendance]
    participation: Participation | None
    vote_counts: Mapping[VoteOption, int]
    discipline: FactionDiscipline | None  # votes against own faction's majority
    initiatives: Mapping[str, int]  # InitiativeKind value -> count
    flagged_years: tuple[int, ...]  # years absent from more than half of the sessions
    year: int | None = None
    year_participation: Participation | None = None
    year_vote_counts: Mapping[VoteOption, int] = field(default_factory=dict)


def _session_dates(s: Session, year: int | None = None) -> dict[int, dt.date]:
    stmt = select(CouncilSession.id, CouncilSession.date)
    if year is not None:
        stmt = stmt.where(CouncilSession.date >= dt.date(year, 1, 1), CouncilSession.date <= dt.date(year, 12, 31))
    return dict(s.execute(stmt).all())


def _present_pairs(s: Session, deputy_ids: Iterable[int] | None = None) -> list[tuple[int, int]]:
    stmt = select(SessionAttendance.session_id, SessionAttendance.deputy_id).where(
        SessionAttendance.status == AttendanceStatus.PRESENT.value)
    if deputy_ids is not None:
        stmt = stmt.where(SessionAttendance.deputy_id.in_(list(deputy_ids)))
    return list(s.execute(stmt))


def deputy_statistics(db: Database, deputy_id: int, year: int | None = None) -> DeputyStats:
    """Attendance, participation, vote summary and faction discipline of one deputy.

    Computed by :mod:`app.domain.votes` from the stored rows (roll calls are counted in the period
    of the mandate); with ``year`` the participation and vote counts of that year are added.
    """
    with db.read() as s:
        deputy = get_or_404(s, Deputy, deputy_id, "Депутата", "Deputy")
        mandate = {deputy_id: (deputy.mandate_start, deputy.mandate_end)}
        session_dates = _session_dates(s)
        present = _present_pairs(s, [deputy_id])
        att = vote_rules.attendance(session_dates, present, mandate).get(deputy_id)
        by_year = vote_rules.attendance_by_year(session_dates, present, mandate).get(deputy_id, {})
        flagged = tuple(y for y, a in sorted(by_year.items()) if a.absent_more_than_half)
        rc_dates = dict(s.connection().execute(select(RollCall.id, RollCall.vote_date)).all())
        my_votes = s.connection().execute(select(Vote.roll_call_id, Vote.deputy_id, Vote.option, Vote.faction_id)
                                          .where(Vote.deputy_id == deputy_id)).all()
        rows3 = [(r, d, o) for r, d, o, _ in my_votes]
        part = vote_rules.participation(rc_dates, rows3, mandate).get(deputy_id)
        counts = dict.fromkeys(VoteOption, 0)
        for _, _, option in rows3:
            counts[VoteOption(option)] += 1
        year_part = None
        year_counts: dict[VoteOption, int] = {}
        if year is not None:
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            year_part = vote_rules.participation(rc_dates, rows3, mandate, start=start, end=end).get(deputy_id)
            year_counts = dict.fromkeys(VoteOption, 0)
            for r, _, option in rows3:
                day = rc_dates.get(r)
                if day is not None and start <= day <= end:
                    year_counts[VoteOption(option)] += 1
        discipline = _discipline(s, deputy_id, my_votes)
        initiatives = dict(s.execute(select(DeputyInitiative.kind, func.count(DeputyInitiative.id))
                                     .where(DeputyInitiative.deputy_id == deputy_id)
                                     .group_by(DeputyInitiative.kind)).all())
        return DeputyStats(deputy_id=deputy_id, attendance=att, attendance_by_year=by_year, participation=part,
                           vote_counts=counts, discipline=discipline, initiatives=initiatives, flagged_years=flagged,
                           year=year, year_participation=year_part, year_vote_counts=year_counts)


def _discipline(
    s: Session, deputy_id: int, my_votes: Sequence[tuple[int, int, str, int | None]]
) -> FactionDiscipline | None:
    """Votes against the faction majority, faction by faction as the deputy belonged to them when voting."""
    factions = {f for _, _, _, f in my_votes if f is not None}
    if not factions:
        return None
    compared = against = 0
    last = None
    for faction_id in factions:
        # Core execution (no ORM row processing) and only the options the majority is made of: 150k+ rows here.
        rows = s.connection().execute(select(Vote.roll_call_id, Vote.deputy_id, Vote.option).where(
            Vote.faction_id == faction_id, Vote.option.in_(_CAST_VALUES))).all()
        members = {d for _, d, _ in rows}
        result = vote_rules.faction_discipline(rows, dict.fromkeys(members, faction_id)).get(deputy_id)
        if result is not None:
            compared += result.compared
            against += result.against
            last = faction_id
    return FactionDiscipline(faction=last, compared=compared, against=against)


@dataclass(frozen=True)
class AttendanceSessionCol:
    id: int
    number: int
    date: dt.date
    kind: str


@dataclass(frozen=True)
class AttendanceLine:
    deputy_id: int
    name: str
    faction: str
    marks: tuple[str | None, ...]  # AttendanceStatus value per session; None outside the mandate / not entered
    attendance: Attendance | None

    @property
    def flagged(self) -> bool:
        return self.attendance is not None and self.attendance.absent_more_than_half


@dataclass(frozen=True)
class AttendanceTable:
    year: int
    sessions: tuple[AttendanceSessionCol, ...]
    lines: tuple[AttendanceLine, ...]

    @property
    def flagged(self) -> list[AttendanceLine]:
        return [line for line in self.lines if line.flagged]


def attendance_table(db: Database, year: int) -> AttendanceTable:
    """Deputies × the year's sessions: each mark, with attendance totals and the recall flag (> half missed)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with db.read() as s:
        sessions = [AttendanceSessionCol(i, n, d, k) for i, n, d, k in s.execute(
            select(CouncilSession.id, CouncilSession.number, CouncilSession.date, CouncilSession.kind)
            .where(CouncilSession.date >= start, CouncilSession.date <= end)
            .order_by(CouncilSession.date, CouncilSession.number))]
        ids = [c.id for c in sessions]
        deputies = list(s.execute(
            select(Deputy.id, Deputy.surname, Deputy.given_name, Deputy.patronymic, Deputy.mandate_start,
                   Deputy.mandate_end, Faction.name).outerjoin(Faction, Faction.id == Deputy.faction_id)
            .where(Deputy.mandate_start <= end, or_(Deputy.mandate_end.is_(None), Deputy.mandate_end >= start))
            ))
        deputies.sort(key=lambda r: collation_key(full_name(r[1], r[2], r[3])))
        marks: dict[tuple[int, int], str] = {}
        if ids:
            for sid, did, status in s.execute(
                    select(SessionAttendance.session_id, SessionAttendance.deputy_id, SessionAttendance.status)
                    .join(CouncilSession, CouncilSession.id == SessionAttendance.session_id)
                    .where(CouncilSession.date >= start, CouncilSession.date <= end)):
                marks[(sid, did)] = status
    mandate_map = {d: (a, b) for d, _, _, _, a, b, _ in deputies}
    dates = {c.id: c.date for c in sessions}
    present = [(sid, did) for (sid, did), st in marks.items() if st == AttendanceStatus.PRESENT.value]
    stats = vote_rules.attendance(dates, present, mandate_map, start=start, end=end)
    lines = []
    for did, sn, gn, pn, a, b, fname in deputies:
        row_marks = tuple(marks.get((c.id, did)) if vote_rules.has_mandate((a, b), c.date) else None
                          for c in sessions)
        lines.append(AttendanceLine(did, short_name(sn, gn, pn), fname or "", row_marks, stats.get(did)))
    return AttendanceTable(year, tuple(sessions), tuple(lines))


def session_years(db: Database) -> list[int]:
    """Years that have sessions, newest first."""
    with db.read() as s:
        dates = s.execute(select(func.min(CouncilSession.date), func.max(CouncilSession.date))).one()
    if dates[0] is None:
        return []
    return list(range(dates[1].year, dates[0].year - 1, -1))


def recall_candidates(db: Database, year: int) -> list[DeputyRow]:
    """Deputies who missed more than half of ``year``'s sessions held during their mandate."""
    table = attendance_table(db, year)
    flagged = {line.deputy_id for line in table.flagged}
    return [row for row in list_deputies(db) if row.id in flagged]


@dataclass(frozen=True)
class DeputyVoteRow:
    roll_call_id: int
    date: dt.date
    session_number: int
    item_number: int
    item_title: str
    roll_call_title: str
    option: VoteOption
    passed: bool
    against_faction: bool


def deputy_votes(db: Database, deputy_id: int, year: int | None = None) -> list[DeputyVoteRow]:
    """The deputy's votes, newest first (optionally of one year), marked where against their faction."""
    stmt = (select(RollCall.id, RollCall.vote_date, CouncilSession.number, AgendaItem.number, AgendaItem.title,
                   RollCall.title, Vote.option, RollCall.passed, Vote.faction_id)
            .join(RollCall, RollCall.id == Vote.roll_call_id)
            .join(AgendaItem, AgendaItem.id == RollCall.agenda_item_id)
            .join(CouncilSession, CouncilSession.id == RollCall.session_id)
            .where(Vote.deputy_id == deputy_id))
    if year is not None:
        stmt = stmt.where(RollCall.vote_date >= dt.date(year, 1, 1), RollCall.vote_date <= dt.date(year, 12, 31))
    stmt = stmt.order_by(RollCall.vote_date.desc(), AgendaItem.number.desc(), RollCall.number.desc())
    with db.read() as s:
        rows = list(s.execute(stmt))
        against: set[int] = set()
        by_faction: dict[int, list[int]] = defaultdict(list)
        for r in rows:
            if r[8] is not None:
                by_faction[r[8]].append(r[0])
        for faction_id, rc_ids in by_faction.items():
            faction_rows: list[tuple[int, int, str]] = []
            for chunk in range(0, len(rc_ids), 500):
                faction_rows += list(s.execute(select(Vote.roll_call_id, Vote.deputy_id, Vote.option).where(
                    Vote.faction_id == faction_id, Vote.roll_call_id.in_(rc_ids[chunk:chunk + 500]))))
            members = {d for _, d, _ in faction_rows}
            against |= {rc for rc, d, _, _ in vote_rules.votes_against_faction(
                faction_rows, dict.fromkeys(members, faction_id)) if d == deputy_id}
    return [DeputyVoteRow(r[0], r[1], r[2], r[3], r[4], r[5], VoteOption(r[6]), bool(r[7]), r[0] in against)
            for r in rows]


def initiative_kinds_summary(counts: Mapping[str, int], language: str = "uk") -> str:
    parts = [f"{InitiativeKind(k).label(language)}: {v}" for k, v in counts.items() if v]
    return ", ".join(parts) or ("none" if language == "en" else "немає")

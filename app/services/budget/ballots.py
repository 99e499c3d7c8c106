"""Ballots of the participatory budget: entry at voting points, spoiled ballots, online votes, counts.

Privacy: a voter's identifier (e.g. the number of an ID document) is never stored. It is
normalised (case, spaces, Latin letters that look like Cyrillic ones) and turned into an
HMAC-SHA256 with a secret key generated for this database at first use and kept in it
(``pb_secret``). The hash serves one purpose, finding a second ballot of the same person;
without the key it cannot be matched against a list of document numbers.

One person, one ballot holds in the database itself: ``UNIQUE(cycle_id, voter_hash)`` on
``pb_ballot``. The service checks first to give a helpful answer ("already voted on 12.05 at
the library"), and if two PCs pass that check at the same moment the second insert fails on
the constraint and gets the same answer.
"""

from __future__ import annotations

import hmac
import re
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.budget import (
    Ballot,
    BallotChoice,
    BudgetCategory,
    BudgetCycle,
    BudgetProject,
    BudgetSecret,
    SpoiledBallot,
    VotingPoint,
)
from app.domain.formats import format_date, format_datetime, utc_to_local
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services.budget import VOTED_STATUSES, ProjectStatus
from app.services.core import audit
from app.services.core.auth import Actor, Permission, Role, require, require_voting_point
from app.services.core.progress import ProgressCallback, report

VOTER_KEY_NAME = "voter-hash-key"
PAPER = "paper"
ONLINE = "online"
UNKNOWN = "unknown"  # imported ballots whose file does not say how they were cast
CHANNEL_TITLES = {PAPER: ("паперовий бюлетень", "paper ballot"), ONLINE: ("онлайн", "online"),
                  UNKNOWN: ("спосіб не вказано", "channel not stated")}
MIN_IDENTIFIER_LENGTH = 4
MAX_AGE = 120

# Latin capitals that look like Cyrillic ones: a clerk may type either in "АВ 123456".
_LOOKALIKES = str.maketrans("ABCEHIKMOPTXY", "АВСЕНІКМОРТХУ")
_NOT_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


# --------------------------------------------------------------------------- voter identifiers


def normalize_identifier(identifier: str) -> str:
    """The identifier as it is hashed: NFKC, upper case, no spaces or punctuation, Cyrillic look-alikes."""
    text = unicodedata.normalize("NFKC", (identifier or "").replace("№", " ")).upper()
    return _NOT_ALNUM.sub("", text).translate(_LOOKALIKES)


def voter_key(db: Database) -> bytes:
    """This database's secret HMAC key, created (once, race-safe) at first use."""
    with db.read() as s:
        row = s.execute(select(BudgetSecret.value).where(BudgetSecret.name == VOTER_KEY_NAME)).scalar_one_or_none()
    if row is not None:
        return bytes.fromhex(row)
    try:
        with db.write() as s:
            row = s.execute(select(BudgetSecret.value).where(BudgetSecret.name == VOTER_KEY_NAME)).scalar_one_or_none()
            if row is None:
                row = secrets.token_hex(32)
                s.add(BudgetSecret(name=VOTER_KEY_NAME, value=row))
    except IntegrityError:  # another PC created it at the same moment: use theirs
        with db.read() as s:
            row = s.execute(select(BudgetSecret.value).where(BudgetSecret.name == VOTER_KEY_NAME)).scalar_one()
    return bytes.fromhex(row)


def check_identifier(identifier: str, *, min_length: int = MIN_IDENTIFIER_LENGTH) -> str:
    """The normalised identifier, or a refusal when it is empty or too short."""
    norm = normalize_identifier(identifier)
    if len(norm) < min_length:
        if not norm:
            raise BallotRefused(RefusalCode.NO_IDENTIFIER, "identifier", "Вкажіть ідентифікатор виборця "
                                "(номер документа).", "Enter the voter's identifier (document number).")
        raise BallotRefused(RefusalCode.NO_IDENTIFIER, "identifier",
                            f"Ідентифікатор виборця закороткий: потрібно щонайменше {min_length} літери чи цифри.",
                            "The voter identifier is too short.")
    return norm


def hash_identifier(key: bytes, identifier: str, *, min_length: int = MIN_IDENTIFIER_LENGTH) -> str:
    """HMAC-SHA256 (hex) of the normalised identifier; refuses an empty or too short one."""
    norm = check_identifier(identifier, min_length=min_length)
    return hmac.digest(key, norm.encode("utf-8"), "sha256").hex()


# --------------------------------------------------------------------------- refusals


class RefusalCode(StrEnum):
    NO_IDENTIFIER = "no-identifier"
    BAD_AGE = "bad-age"
    UNDER_AGE = "under-age"
    BAD_INPUT = "bad-input"
    NO_CHOICE = "no-choice"
    UNKNOWN_PROJECT = "unknown-project"
    INELIGIBLE_PROJECT = "ineligible-project"
    DUPLICATE_PROJECT = "duplicate-project"
    TOO_FEW = "too-few"
    TOO_MANY = "too-many"
    TOO_MANY_IN_CATEGORY = "too-many-in-category"
    BAD_POINTS = "bad-points"
    ALREADY_VOTED = "already-voted"
    VOTING_CLOSED = "voting-closed"
    NO_POINT = "no-point"
    WRONG_POINT = "wrong-point"


@dataclass(frozen=True)
class PreviousBallot:
    """Where and when a voter already voted (shown when a second ballot is refused)."""

    ballot_id: int
    channel: str
    point_name: str
    cast_on: date | None
    entered_at: datetime  # UTC
    entered_by: str

    def describe(self) -> str:
        when = format_date(self.cast_on) if self.cast_on else ""
        entered = format_datetime(utc_to_local(self.entered_at))
        if self.channel == ONLINE:
            where = "онлайн"
        else:
            where = f"пункт «{self.point_name}»" if self.point_name else "на папері"
        day = f"{when}, " if when else ""
        who = f", вніс(ла) {self.entered_by}" if self.entered_by else ""
        return f"{day}{where} (введено {entered}{who})"


class BallotRefused(ValidationError):
    """A ballot that cannot be accepted; ``field`` names the form field to correct."""

    def __init__(self, code: RefusalCode, field_name: str, message: str, message_en: str | None = None,
                 previous: PreviousBallot | None = None) -> None:
        super().__init__(message, message_en)
        self.code = code
        self.field = field_name
        self.previous = previous


# --------------------------------------------------------------------------- the ballot sheet (rules + projects)


@dataclass(frozen=True)
class SheetProject:
    id: int
    number: int
    code: str
    title: str
    category_id: int
    status: str

    @property
    def eligible(self) -> bool:
        return self.status in VOTED_STATUSES


@dataclass(frozen=True)
class SheetCategory:
    id: int
    name: str
    max_choices: int | None


@dataclass(frozen=True)
class BallotSheet:
    """What a voter may choose and how many: enough to check a ballot as it is typed."""

    cycle_id: int
    title: str
    vote_type: str
    min_choices: int
    max_choices: int | None
    max_points: int | None
    min_age: int
    voting_start: date | None
    voting_end: date | None
    approved: bool
    categories: tuple[SheetCategory, ...]
    projects: dict[int, SheetProject] = field(default_factory=dict)  # by number
    by_code: dict[str, SheetProject] = field(default_factory=dict)

    @property
    def uses_points(self) -> bool:
        return self.vote_type in ("cumulative", "scoring")

    def category_name(self, category_id: int) -> str:
        return next((c.name for c in self.categories if c.id == category_id), "")

    def rules_text(self, language: str = "uk") -> str:
        """The ballot rules in one Ukrainian (``"en"``: English) line, for the entry form."""
        parts = []
        en = language == "en"
        if self.max_choices is not None:
            parts.append(f"up to {self.max_choices} project(s) in all" if en
                         else f"до {self.max_choices} проєкт(ів) загалом")
        for c in self.categories:
            if c.max_choices is not None:
                parts.append(f"«{c.name}»: {'up to' if en else 'до'} {c.max_choices}")
        if self.max_points is not None:
            parts.append(f"up to {self.max_points} points" if en else f"до {self.max_points} балів")
        parts.append(f"age {self.min_age} or over" if en else f"вік від {self.min_age} років")
        return "; ".join(parts)


def _sheet(s: Session, cycle_id: int) -> BallotSheet:
    cycle = s.get(BudgetCycle, cycle_id)
    if cycle is None:
        raise NotFoundError("Цикл громадського бюджету не знайдено.", "Budget cycle not found.")
    cats = s.execute(select(BudgetCategory).where(BudgetCategory.cycle_id == cycle_id)
                     .order_by(BudgetCategory.position, BudgetCategory.id)).scalars()
    projects = s.execute(select(BudgetProject.id, BudgetProject.number, BudgetProject.code, BudgetProject.title,
                                BudgetProject.category_id, BudgetProject.status)
                         .where(BudgetProject.cycle_id == cycle_id)).all()
    sheet_projects = [SheetProject(*row) for row in projects]
    return BallotSheet(
        cycle_id=cycle.id, title=cycle.title, vote_type=cycle.vote_type, min_choices=cycle.min_choices,
        max_choices=cycle.max_choices, max_points=cycle.max_points, min_age=cycle.min_age,
        voting_start=cycle.voting_start, voting_end=cycle.voting_end, approved=cycle.results_approved_at is not None,
        categories=tuple(SheetCategory(c.id, c.name, c.max_choices) for c in cats),
        projects={p.number: p for p in sheet_projects}, by_code={p.code: p for p in sheet_projects},
    )


def ballot_sheet(db: Database, cycle_id: int) -> BallotSheet:
    with db.read() as s:
        return _sheet(s, cycle_id)


_CHOICE_RE = re.compile(r"^(\d{1,6})(?:[:=](-?\d{1,6}))?$")


def parse_choices(text: str) -> list[tuple[int, int | None]]:
    """``"3 7 12"``, ``"3, 7; 12"`` or, with points, ``"3:5 7:2"`` → ``[(3, None), ...]`` in ballot order."""
    out: list[tuple[int, int | None]] = []
    for token in re.split(r"[\s,;]+", (text or "").strip()):
        if not token:
            continue
        match = _CHOICE_RE.match(token.lstrip("№#"))
        if match is None:
            raise BallotRefused(RefusalCode.BAD_INPUT, "projects",
                                f"«{token}» — не номер проєкту. Вводьте номери через пробіл, наприклад: 3 7 12.",
                                f"«{token}» is not a project number.")
        out.append((int(match[1]), int(match[2]) if match[2] is not None else None))
    return out


def check_age(sheet: BallotSheet, age: int | None, *, required: bool = True) -> None:
    if age is None:
        if required:
            raise BallotRefused(RefusalCode.BAD_AGE, "age", "Вкажіть вік виборця.", "Enter the voter's age.")
        return
    if not 0 <= age <= MAX_AGE:
        raise BallotRefused(RefusalCode.BAD_AGE, "age", f"Вік «{age}» неможливий.", f"Age {age} is impossible.")
    if age < sheet.min_age:
        raise BallotRefused(RefusalCode.UNDER_AGE, "age",
                            f"Виборцю {age} р.: голосувати можна з {sheet.min_age} років.",
                            f"The voter is {age}; voting is allowed from {sheet.min_age}.")


def check_choices(sheet: BallotSheet, choices: Sequence[tuple[int | str, int | None]],
                  *, by_code: bool = False) -> list[tuple[SheetProject, int | None]]:
    """Check the projects of a ballot against the sheet; the projects in ballot order, or a refusal.

    ``choices`` are (project number, points) in ballot order, or (project code, points) with ``by_code``.
    """
    picked: list[tuple[SheetProject, int | None]] = []
    seen: set[int] = set()
    for key, points in choices:
        project = sheet.by_code.get(str(key)) if by_code else sheet.projects.get(int(key))
        if project is None:
            raise BallotRefused(RefusalCode.UNKNOWN_PROJECT, "projects",
                                f"Проєкту {'«' + str(key) + '»' if by_code else '№' + str(key)} у цьому голосуванні "
                                "немає.", f"There is no project {key}.")
        if not project.eligible:
            raise BallotRefused(RefusalCode.INELIGIBLE_PROJECT, "projects",
                                f"Проєкт №{project.number} «{project.title}» не допущено до голосування.",
                                f"Project {project.number} is not admitted to the vote.")
        if project.id in seen:
            raise BallotRefused(RefusalCode.DUPLICATE_PROJECT, "projects",
                                f"Проєкт №{project.number} указано двічі.",
                                f"Project {project.number} is listed twice.")
        seen.add(project.id)
        if sheet.uses_points:
            if points is None:
                raise BallotRefused(RefusalCode.BAD_POINTS, "projects",
                                    f"Для проєкту №{project.number} вкажіть бали: номер:бали, наприклад {key}:3.")
            if sheet.vote_type == "cumulative" and points < 1:
                raise BallotRefused(RefusalCode.BAD_POINTS, "projects",
                                    f"Проєкту №{project.number} можна дати лише додатну кількість балів.")
        elif points is not None:
            raise BallotRefused(RefusalCode.BAD_POINTS, "projects",
                                "У цьому голосуванні бали не ставляться: вводьте лише номери проєктів.")
        picked.append((project, points))
    if not picked:
        raise BallotRefused(RefusalCode.NO_CHOICE, "projects", "Вкажіть номери проєктів, за які голосує виборець. "
                            "Бюлетень без жодного проєкту вносьте як зіпсований.",
                            "Enter the numbers of the chosen projects.")
    if len(picked) < sheet.min_choices:
        raise BallotRefused(RefusalCode.TOO_FEW, "projects",
                            f"Потрібно обрати щонайменше {sheet.min_choices} проєкт(и), а обрано {len(picked)}.")
    limit = 1 if sheet.vote_type == "choose-1" else sheet.max_choices
    if limit is not None and len(picked) > limit:
        raise BallotRefused(RefusalCode.TOO_MANY, "projects",
                            f"Забагато проєктів: обрано {len(picked)}, а можна не більше {limit}.",
                            f"Too many projects: {len(picked)} chosen, at most {limit} allowed.")
    for cat in sheet.categories:
        if cat.max_choices is None:
            continue
        in_cat = [p for p, _ in picked if p.category_id == cat.id]
        if len(in_cat) > cat.max_choices:
            numbers = ", ".join(str(p.number) for p in in_cat)
            raise BallotRefused(RefusalCode.TOO_MANY_IN_CATEGORY, "projects",
                                f"У категорії «{cat.name}» обрано {len(in_cat)} проєкти ({numbers}), а можна не більше "
                                f"{cat.max_choices}.",
                                f"Too many projects in category «{cat.name}».")
    if sheet.max_points is not None and sheet.uses_points:
        total = sum(p or 0 for _, p in picked)
        if total > sheet.max_points:
            raise BallotRefused(RefusalCode.BAD_POINTS, "projects",
                                f"Разом {total} балів, а виборець має не більше {sheet.max_points}.")
    return picked


def check_date(sheet: BallotSheet, cast_on: date, today: date) -> None:
    if sheet.approved:
        raise BallotRefused(RefusalCode.VOTING_CLOSED, "date",
                            "Результати цього голосування вже затверджено: нові бюлетені не приймаються.",
                            "Results are approved; no more ballots are accepted.")
    if cast_on > today:
        raise BallotRefused(RefusalCode.VOTING_CLOSED, "date",
                            f"Дата голосування {format_date(cast_on)} ще не настала.")
    if (sheet.voting_start and cast_on < sheet.voting_start) or (sheet.voting_end and cast_on > sheet.voting_end):
        period = f"з {format_date(sheet.voting_start) or '…'} по {format_date(sheet.voting_end) or '…'}"
        raise BallotRefused(RefusalCode.VOTING_CLOSED, "date",
                            f"Бюлетень від {format_date(cast_on)} поза строком голосування ({period}).",
                            "The ballot's date is outside the voting period.")


# --------------------------------------------------------------------------- entering one ballot


@dataclass(frozen=True)
class BallotEntry:
    """One paper ballot as the clerk types it."""

    cycle_id: int
    identifier: str
    age: int | None
    projects: str | Sequence[tuple[int, int | None]]  # "3 7 12" or [(3, None), ...]
    voting_point_id: int | None = None
    cast_on: date | None = None
    district: str = ""


@dataclass(frozen=True)
class BallotReceipt:
    ballot_id: int
    point_name: str
    cast_on: date
    projects: tuple[tuple[int, str], ...]  # (number, title)
    point_count: int  # ballots entered at this point in this cycle, this one included


def _previous(s: Session, cycle_id: int, voter_hash: str) -> PreviousBallot | None:
    row = s.execute(
        select(Ballot.id, Ballot.channel, VotingPoint.name, Ballot.cast_on, Ballot.created_at, Ballot.entered_by)
        .outerjoin(VotingPoint, VotingPoint.id == Ballot.voting_point_id)
        .where(Ballot.cycle_id == cycle_id, Ballot.voter_hash == voter_hash)
    ).first()
    if row is None:
        return None
    return PreviousBallot(row[0], row[1], row[2] or "", row[3], row[4], row[5])


def _already_voted(previous: PreviousBallot) -> BallotRefused:
    return BallotRefused(RefusalCode.ALREADY_VOTED, "identifier",
                         f"Цей виборець уже голосував: {previous.describe()}. Другий бюлетень не приймається.",
                         "This voter has already voted.", previous=previous)


def find_voter(db: Database, cycle_id: int, identifier: str) -> PreviousBallot | None:
    """Where and when this identifier already voted in the cycle, or None."""
    voter_hash = hash_identifier(voter_key(db), identifier, min_length=1)
    with db.read() as s:
        return _previous(s, cycle_id, voter_hash)


def _resolve_point(s: Session, actor: Actor, point_id: int | None) -> VotingPoint:
    if actor.voting_point_id is not None:
        if point_id is None:
            point_id = actor.voting_point_id
        elif point_id != actor.voting_point_id:
            own = s.get(VotingPoint, actor.voting_point_id)
            raise PermissionDeniedError(
                f"Оператор «{actor.username}» вводить бюлетені лише на своєму пункті "
                f"«{own.name if own else actor.voting_point_id}».",
                "Operators enter ballots only at their own voting point.")
    require_voting_point(actor, point_id if point_id is not None else actor.voting_point_id)
    if point_id is None:
        raise BallotRefused(RefusalCode.NO_POINT, "point", "Оберіть пункт голосування, де подано бюлетень.",
                            "Choose the voting point.")
    point = s.get(VotingPoint, point_id)
    if point is None:
        raise BallotRefused(RefusalCode.NO_POINT, "point", "Пункт голосування не знайдено.")
    if not point.is_active:
        raise BallotRefused(RefusalCode.NO_POINT, "point", f"Пункт голосування «{point.name}» вимкнено.")
    return point


def enter_ballot(db: Database, actor: Actor, entry: BallotEntry, *, today: date | None = None) -> BallotReceipt:
    """Accept one paper ballot, or refuse it with a specific reason (:class:`BallotRefused`)."""
    require(actor, Permission.ENTER_BALLOTS)
    today = today or date.today()
    cast_on = entry.cast_on or today
    choices = parse_choices(entry.projects) if isinstance(entry.projects, str) else list(entry.projects)
    voter_hash = hash_identifier(voter_key(db), entry.identifier)
    try:
        with db.write() as s:
            point = _resolve_point(s, actor, entry.voting_point_id)
            sheet = _sheet(s, entry.cycle_id)
            check_date(sheet, cast_on, today)
            check_age(sheet, entry.age)
            picked = check_choices(sheet, choices)
            previous = _previous(s, sheet.cycle_id, voter_hash)
            if previous is not None:
                raise _already_voted(previous)
            ballot = Ballot(cycle_id=sheet.cycle_id, voter_hash=voter_hash, age=entry.age,
                            district=" ".join(entry.district.split()), channel=PAPER, voting_point_id=point.id,
                            cast_on=cast_on, entered_by_id=actor.user_id, entered_by=actor.username)
            s.add(ballot)
            s.flush()
            s.execute(insert(BallotChoice), [
                {"ballot_id": ballot.id, "project_id": p.id, "position": i, "points": pts}
                for i, (p, pts) in enumerate(picked)
            ])
            numbers = [p.number for p, _ in picked]
            audit.record(s, actor, audit.Action.CREATE, "pb_ballot", entity_id=ballot.id, entity_uuid=ballot.uuid,
                         changes={"cycle_id": [None, sheet.cycle_id], "voting_point": [None, point.name],
                                  "cast_on": [None, cast_on], "projects": [None, numbers]},
                         summary=f"Бюлетень №{ballot.id}: пункт «{point.name}», проєкти {', '.join(map(str, numbers))}")
            count = s.execute(select(func.count(Ballot.id)).where(
                Ballot.cycle_id == sheet.cycle_id, Ballot.voting_point_id == point.id)).scalar_one()
            return BallotReceipt(ballot.id, point.name, cast_on, tuple((p.number, p.title) for p, _ in picked), count)
    except IntegrityError:
        # Another PC stored this voter's ballot between our check and our insert: the UNIQUE constraint held.
        with db.read() as s:
            previous = _previous(s, entry.cycle_id, voter_hash)
        if previous is None:
            raise
        raise _already_voted(previous) from None


def annul_ballot(db: Database, actor: Actor, cycle_id: int, identifier: str, reason: str) -> None:
    """Remove a ballot entered by mistake (found by the voter's identifier), with the reason in the audit trail."""
    require(actor, Permission.EDIT_RECORDS)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Вкажіть причину скасування бюлетеня.")
    voter_hash = hash_identifier(voter_key(db), identifier, min_length=1)
    with db.write() as s:
        cycle = s.get(BudgetCycle, cycle_id)
        if cycle is None:
            raise NotFoundError("Цикл громадського бюджету не знайдено.")
        if cycle.results_approved_at is not None:
            raise ValidationError("Результати вже затверджено: бюлетені не скасовуються.")
        ballot = s.execute(select(Ballot).where(Ballot.cycle_id == cycle_id, Ballot.voter_hash == voter_hash)
                           ).scalar_one_or_none()
        if ballot is None:
            raise NotFoundError("Бюлетеня цього виборця в цьому голосуванні немає.")
        numbers = s.execute(select(BudgetProject.number).join(BallotChoice, BallotChoice.project_id == BudgetProject.id)
                            .where(BallotChoice.ballot_id == ballot.id).order_by(BallotChoice.position)).scalars().all()
        s.execute(delete(BallotChoice).where(BallotChoice.ballot_id == ballot.id))
        audit.record(s, actor, audit.Action.DELETE, "pb_ballot", entity_id=ballot.id, entity_uuid=ballot.uuid,
                     changes={"channel": [ballot.channel, None], "cast_on": [ballot.cast_on, None],
                              "projects": [list(numbers), None], "reason": [None, reason]},
                     summary=f"Скасовано бюлетень №{ballot.id}: {reason}")
        s.delete(ballot)


# --------------------------------------------------------------------------- spoiled ballots


@dataclass(frozen=True)
class SpoiledView:
    id: int
    version: int
    voting_point_id: int
    point_name: str
    cast_on: date | None
    reason: str
    entered_by: str


def record_spoiled(db: Database, actor: Actor, cycle_id: int, voting_point_id: int | None, reason: str = "",
                   cast_on: date | None = None, *, today: date | None = None) -> SpoiledView:
    """Count one spoiled paper ballot at a point (no voter is recorded)."""
    require(actor, Permission.ENTER_BALLOTS)
    today = today or date.today()
    cast_on = cast_on or today
    reason = " ".join((reason or "").split())[:300]
    with db.write() as s:
        point = _resolve_point(s, actor, voting_point_id)
        sheet = _sheet(s, cycle_id)
        check_date(sheet, cast_on, today)
        spoiled = SpoiledBallot(cycle_id=cycle_id, voting_point_id=point.id, cast_on=cast_on, reason=reason,
                                entered_by=actor.username)
        s.add(spoiled)
        s.flush()
        audit.record_object(s, actor, audit.Action.CREATE, spoiled,
                            summary=f"Зіпсований бюлетень, пункт «{point.name}»")
        return SpoiledView(spoiled.id, spoiled.version, point.id, point.name, cast_on, reason, actor.username)


def list_spoiled(db: Database, cycle_id: int) -> list[SpoiledView]:
    with db.read() as s:
        rows = s.execute(select(SpoiledBallot, VotingPoint.name)
                         .join(VotingPoint, VotingPoint.id == SpoiledBallot.voting_point_id)
                         .where(SpoiledBallot.cycle_id == cycle_id).order_by(SpoiledBallot.id)).all()
        return [SpoiledView(x.id, x.version, x.voting_point_id, name, x.cast_on, x.reason, x.entered_by)
                for x, name in rows]


def delete_spoiled(db: Database, actor: Actor, spoiled_id: int) -> None:
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        spoiled = s.get(SpoiledBallot, spoiled_id)
        if spoiled is None:
            raise NotFoundError("Запис про зіпсований бюлетень не знайдено.")
        cycle = s.get(BudgetCycle, spoiled.cycle_id)
        if cycle is not None and cycle.results_approved_at is not None:
            raise ValidationError("Результати вже затверджено: облік бюлетенів не змінюється.")
        audit.record_object(s, actor, audit.Action.DELETE, spoiled, summary="Зіпсований бюлетень")
        s.delete(spoiled)


# --------------------------------------------------------------------------- bulk (demo, imports)


class NewBallot(NamedTuple):
    """A ballot for :func:`insert_ballots`: choices are (project id, points) in ballot order.

    A named tuple rather than a frozen dataclass: imports build tens of thousands of them.
    """

    voter_hash: str
    choices: tuple[tuple[int, int | None], ...]
    age: int | None = None
    district: str = ""
    channel: str = ONLINE
    voting_point_id: int | None = None
    cast_on: date | None = None


def existing_hashes(s: Session, cycle_id: int) -> dict[str, int]:
    """voter hash → ballot id for every ballot of a cycle."""
    return dict(_fetch(s, select(Ballot.voter_hash, Ballot.id).where(Ballot.cycle_id == cycle_id)))


BULK_CHUNK = 20_000


def _fetch(s: Session, stmt: Any) -> list[tuple[Any, ...]]:
    """Rows of a simple SELECT of plain columns through the DBAPI cursor (no result processing)."""
    conn = s.connection()
    compiled = stmt.compile(dialect=conn.dialect)
    params = compiled.params
    args: Any = tuple(params[name] for name in compiled.positiontup or ()) if compiled.positional else params
    cursor = conn.connection.cursor()
    try:
        cursor.execute(str(compiled), args)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _executemany(s: Session, table: Table, columns: Sequence[str], rows: Sequence[tuple[object, ...]]) -> None:
    """INSERT many rows through the driver's executemany, without SQLAlchemy's per-row parameter handling.

    Several times faster than ``session.execute(insert(table), dicts)`` for hundreds of thousands of rows.
    The statement is compiled for the session's dialect and every value goes through the column type's
    bind processor (memoised: imports repeat the same dates), so the stored values are exactly what the
    ORM would store, on SQLite and PostgreSQL alike.
    """
    if not rows:
        return
    conn = s.connection()
    dialect = conn.dialect
    compiled = insert(table).values({c: bindparam(c) for c in columns}).compile(dialect=dialect)
    names = list(compiled.positiontup or ()) if compiled.positional else list(columns)
    order = [columns.index(name) for name in names]
    processors = {i: table.c[columns[i]].type._cached_bind_processor(dialect) for i in order}
    if order == list(range(len(columns))) and not any(processors.values()):
        params: list[Any] = list(rows)
    else:
        by_column = list(zip(*rows, strict=True))  # columnar: the per-value work stays in C where it can
        out_columns: list[Sequence[object]] = []
        for i in order:
            processor = processors[i]
            if processor is None:
                out_columns.append(by_column[i])
                continue
            memo: dict[object, object] = {None: None}  # imports repeat the same dates over and over

            def convert(value: object, memo: dict[object, object] = memo, processor: Any = processor) -> object:
                try:
                    return memo[value]
                except KeyError:
                    memo[value] = done = processor(value)
                    return done

            out_columns.append(list(map(convert, by_column[i])))
        params = list(zip(*out_columns, strict=True))
    if not compiled.positional:
        params = [dict(zip(names, r, strict=True)) for r in params]
    cursor = conn.connection.cursor()  # the DBAPI cursor (PEP 249), inside the session's transaction
    try:
        cursor.executemany(str(compiled), params)
    finally:
        cursor.close()


def _uuids(count: int) -> list[str]:
    """``count`` distinct version-4-format UUIDs that sort in creation order.

    90 random bits per batch and a 32-bit counter: unique across PCs like ``uuid4()``, but several times
    cheaper to make and appended at the end of the UUID index instead of at random places.
    """
    base = ((secrets.randbits(48) << 80) | (0x4 << 76) | (secrets.randbits(12) << 64) | (0b10 << 62)
            | (secrets.randbits(30) << 32))
    out = []
    for n in range(count):
        h = f"{base | n:032x}"
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


BALLOT_TABLE = cast(Table, Ballot.__table__)
CHOICE_TABLE = cast(Table, BallotChoice.__table__)
_BALLOT_COLUMNS = ("uuid", "created_at", "updated_at", "version", "cycle_id", "voter_hash", "age", "district",
                   "channel", "voting_point_id", "cast_on", "entered_by_id", "entered_by", "source")
_CHOICE_COLUMNS = ("ballot_id", "project_id", "position", "points")


def insert_ballots(s: Session, actor: Actor, cycle_id: int, ballots: Sequence[NewBallot], *, source: str = "",
                   progress: ProgressCallback | None = None) -> int:
    """Insert many ballots with bulk inserts inside the caller's transaction; returns how many.

    The caller has removed duplicates (``UNIQUE(cycle_id, voter_hash)`` would refuse the whole batch).
    Ballots go in ordered by voter hash, so the unique index grows at its end; ids are matched back by
    voter hash, which is unique within the cycle, so no RETURNING is needed.
    """
    if not ballots:
        return 0
    now = utcnow()
    total = len(ballots)
    ordered = sorted(ballots, key=lambda b: b.voter_hash)
    uuids = _uuids(total)
    user_id, username = actor.user_id, actor.username
    for start in range(0, total, BULK_CHUNK):
        chunk = ordered[start:start + BULK_CHUNK]
        _executemany(s, BALLOT_TABLE, _BALLOT_COLUMNS, [
            (uuids[start + i], now, now, 1, cycle_id, b.voter_hash, b.age, b.district, b.channel,
             b.voting_point_id, b.cast_on, user_id, username, source)
            for i, b in enumerate(chunk)
        ])
        report(progress, start + len(chunk), total * 2, "Бюлетені")
    ids = existing_hashes(s, cycle_id)
    rows = [(ids[b.voter_hash], pid, pos, pts) for b in ordered for pos, (pid, pts) in enumerate(b.choices)]
    step = BULK_CHUNK * 4
    for start in range(0, len(rows), step):
        _executemany(s, CHOICE_TABLE, _CHOICE_COLUMNS, rows[start:start + step])
        report(progress, total + min(total, (start + step) * total // max(len(rows), 1)), total * 2,
               "Вибір у бюлетенях")
    return total


@dataclass(frozen=True)
class ImportSummary:
    """What an import of online votes did: accepted, skipped duplicates (with why), problems refused."""

    accepted: int
    duplicates: tuple[str, ...] = ()

    def message(self, language: str = "uk") -> str:
        if language == "en":
            text = f"Online votes accepted: {self.accepted}."
            if self.duplicates:
                text += f" Skipped as repeated: {len(self.duplicates)}."
            return text
        text = f"Прийнято онлайн-голосів: {self.accepted}."
        if self.duplicates:
            text += f" Пропущено як повторні: {len(self.duplicates)}."
        return text


@dataclass(frozen=True)
class OnlineVote:
    """One online vote as read from a file: identifier, project numbers or codes, age, date, district."""

    line: int
    identifier: str
    projects: tuple[str, ...]
    points: tuple[int | None, ...] = ()
    age: int | None = None
    cast_on: date | None = None
    district: str = ""


def merge_online_votes(db: Database, actor: Actor, cycle_id: int, votes: Sequence[OnlineVote], *, source: str,
                       by_code: bool = False, progress: ProgressCallback | None = None,
                       today: date | None = None) -> ImportSummary:
    """Add online votes to a cycle, deduplicated against every ballot already there (paper or online).

    Every row is checked like a paper ballot; any broken row refuses the whole file (nothing is
    written) with the list of rows and reasons. A voter who already has a ballot is skipped and
    reported with where and when they voted: the first ballot stands.
    """
    from app.errors import ImportRejectedError

    require(actor, Permission.ENTER_BALLOTS)
    if actor.role is Role.OPERATOR:
        raise PermissionDeniedError("Онлайн-голоси імпортує працівник ради, а не оператор пункту голосування.",
                                    "Online votes are imported by council staff, not by a voting-point operator.")
    today = today or date.today()
    key = voter_key(db)
    problems: list[str] = []
    duplicates: list[str] = []
    new: list[NewBallot] = []
    with db.write() as s:
        sheet = _sheet(s, cycle_id)
        if sheet.approved:
            raise ValidationError("Результати цього голосування вже затверджено: нові голоси не приймаються.")
        seen = existing_hashes(s, cycle_id)
        in_file: dict[str, int] = {}
        for vote in votes:
            try:
                voter_hash = hash_identifier(key, vote.identifier, min_length=1)
                if vote.age is not None:
                    check_age(sheet, vote.age)
                if vote.cast_on is not None:
                    check_date(sheet, vote.cast_on, today)
                points = vote.points or (None,) * len(vote.projects)
                if by_code:
                    picked = check_choices(sheet, list(zip(vote.projects, points, strict=True)), by_code=True)
                else:
                    numbers = []
                    for raw in vote.projects:
                        if not raw.strip().isdigit():
                            raise BallotRefused(RefusalCode.BAD_INPUT, "projects", f"«{raw}» — не номер проєкту.")
                        numbers.append(int(raw))
                    picked = check_choices(sheet, list(zip(numbers, points, strict=True)))
            except BallotRefused as exc:
                problems.append(f"Рядок {vote.line}: {exc.message}")
                continue
            if voter_hash in in_file:
                duplicates.append(f"Рядок {vote.line}: той самий виборець, що й у рядку {in_file[voter_hash]}.")
                continue
            in_file[voter_hash] = vote.line
            if voter_hash in seen:
                previous = _previous(s, cycle_id, voter_hash)
                duplicates.append(f"Рядок {vote.line}: виборець уже голосував — "
                                  f"{previous.describe() if previous else 'раніше'}.")
                continue
            new.append(NewBallot(voter_hash, tuple((p.id, pts) for p, pts in picked), vote.age,
                                 " ".join(vote.district.split())[:200], ONLINE, None, vote.cast_on))
        if problems:
            raise ImportRejectedError(f"Файл онлайн-голосів не імпортовано: {len(problems)} рядк(и) з помилками. "
                                      "Нічого не змінено.", problems, "The online votes file was refused.")
        count = insert_ballots(s, actor, cycle_id, new, source=source, progress=progress)
        audit.record(s, actor, audit.Action.IMPORT, "pb_ballot", entity_id=None,
                     changes={"cycle_id": [None, cycle_id], "accepted": [None, count],
                              "duplicates": [None, len(duplicates)], "source": [None, source]},
                     summary=f"Імпорт онлайн-голосів ({source}): прийнято {count}, повторних {len(duplicates)}")
    return ImportSummary(count, tuple(duplicates))


# --------------------------------------------------------------------------- counts and turnout


@dataclass(frozen=True)
class ProjectCount:
    project_id: int
    number: int
    title: str
    category_id: int
    category_name: str
    cost: int
    status: str
    votes: int
    points: int | None


@dataclass(frozen=True)
class PointTurnout:
    point_id: int | None
    name: str  # "онлайн" for online votes
    ballots: int
    spoiled: int


@dataclass(frozen=True)
class Turnout:
    ballots: int
    paper: int
    online: int
    unknown: int  # imported ballots without a channel
    spoiled: int
    by_point: tuple[PointTurnout, ...]
    by_age: tuple[tuple[str, int], ...]
    last_entered_at: datetime | None

    @property
    def cast(self) -> int:
        """Every paper ballot handed in (counted and spoiled) plus online votes."""
        return self.ballots + self.spoiled


AGE_GROUPS: tuple[tuple[str, int, int], ...] = (
    ("до 18 років", 0, 17),
    ("18–29 років", 18, 29),
    ("30–44 роки", 30, 44),
    ("45–59 років", 45, 59),
    ("60 років і старші", 60, MAX_AGE),
)
AGE_UNKNOWN = "вік не вказано"


def project_counts(db: Database, cycle_id: int) -> list[ProjectCount]:
    """Votes (and points) per project of a cycle as they stand now: the live count."""
    with db.read() as s:
        counts = {
            pid: (votes, pts)
            for pid, votes, pts in s.execute(
                select(BallotChoice.project_id, func.count(), func.sum(BallotChoice.points))
                .join(BudgetProject, BudgetProject.id == BallotChoice.project_id)
                .where(BudgetProject.cycle_id == cycle_id).group_by(BallotChoice.project_id)
            )
        }
        rows = s.execute(
            select(BudgetProject.id, BudgetProject.number, BudgetProject.title, BudgetProject.category_id,
                   BudgetCategory.name, BudgetProject.cost, BudgetProject.status)
            .join(BudgetCategory, BudgetCategory.id == BudgetProject.category_id)
            .where(BudgetProject.cycle_id == cycle_id, BudgetProject.status != ProjectStatus.INELIGIBLE.value,
                   BudgetProject.status != ProjectStatus.SUBMITTED.value)
            .order_by(BudgetCategory.position, BudgetProject.number)
        ).all()
    out = []
    for pid, number, title, cat_id, cat_name, cost, status in rows:
        votes, pts = counts.get(pid, (0, None))
        out.append(ProjectCount(pid, number, title, cat_id, cat_name, cost, status, votes,
                                int(pts) if pts is not None else None))
    return out


def turnout(db: Database, cycle_id: int) -> Turnout:
    """Ballots by voting point, channel and age group, with spoiled ballots per point."""
    with db.read() as s:
        names = dict(s.execute(select(VotingPoint.id, VotingPoint.name)).all())
        per_point: dict[int | None, int] = {}
        paper = online = unknown = 0
        for point_id, channel, count in s.execute(
            select(Ballot.voting_point_id, Ballot.channel, func.count()).where(Ballot.cycle_id == cycle_id)
            .group_by(Ballot.voting_point_id, Ballot.channel)
        ):
            if channel == ONLINE:
                online += count
            elif channel == UNKNOWN:
                unknown += count
            else:
                paper += count
                per_point[point_id] = per_point.get(point_id, 0) + count
        spoiled = dict(s.execute(select(SpoiledBallot.voting_point_id, func.count())
                                 .where(SpoiledBallot.cycle_id == cycle_id)
                                 .group_by(SpoiledBallot.voting_point_id)).all())
        ages = s.execute(select(Ballot.age, func.count()).where(Ballot.cycle_id == cycle_id)
                         .group_by(Ballot.age)).all()
        last = s.execute(select(func.max(Ballot.created_at)).where(Ballot.cycle_id == cycle_id)).scalar_one()
    points = []
    for point_id in sorted(set(per_point) | set(spoiled), key=lambda p: names.get(p, "") if p is not None else ""):
        name = names.get(point_id, "пункт не вказано") if point_id is not None else "пункт не вказано"
        spoiled_here = spoiled.get(point_id, 0) if point_id is not None else 0
        points.append(PointTurnout(point_id, name, per_point.get(point_id, 0), spoiled_here))
    if online:
        points.append(PointTurnout(None, "онлайн", online, 0))
    if unknown:
        points.append(PointTurnout(None, "спосіб голосування не вказано", unknown, 0))
    groups = {label: 0 for label, _, _ in AGE_GROUPS}
    age_unknown = 0
    for age, count in ages:
        if age is None:
            age_unknown += count
            continue
        for label, low, high in AGE_GROUPS:
            if low <= age <= high:
                groups[label] += count
                break
        else:
            age_unknown += count
    by_age = [(label, n) for label, n in groups.items()]
    if age_unknown:
        by_age.append((AGE_UNKNOWN, age_unknown))
    return Turnout(paper + online + unknown, paper, online, unknown, sum(spoiled.values()), tuple(points),
                   tuple(by_age), last)


def ballots_at_point(db: Database, cycle_id: int, point_id: int) -> int:
    with db.read() as s:
        return s.execute(select(func.count(Ballot.id)).where(Ballot.cycle_id == cycle_id,
                                                             Ballot.voting_point_id == point_id)).scalar_one()

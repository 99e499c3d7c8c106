"""Ballots of the participatory budget: entry at voting points, spoiled ballots, online votes.

The ballot rules themselves (the sheet, the checks, the refusals) are pure and live in
:mod:`app.domain.ballots`; this service loads the sheet from the database, checks a ballot
against it and stores it. Bulk inserts are in :mod:`.bulk`, the live count and turnout in
:mod:`.counts`.

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
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

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
from app.domain.ballots import (
    MIN_IDENTIFIER_LENGTH,
    BallotRefused,
    BallotSheet,
    OnlineVote,
    PreviousBallot,
    RefusalCode,
    SheetCategory,
    SheetProject,
    check_age,
    check_choices,
    check_date,
    check_identifier,
    check_online_vote,
    parse_choices,
)
from app.domain.budget import Channel
from app.errors import ImportRejectedError, NotFoundError, PermissionDeniedError, ValidationError
from app.services.budget.bulk import NewBallot, existing_hashes, insert_ballots
from app.services.core import audit
from app.services.core.auth import Actor, Permission, Role, require, require_voting_point
from app.services.core.progress import ProgressCallback

VOTER_KEY_NAME = "voter-hash-key"


# --------------------------------------------------------------------------- voter identifiers


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


def hash_identifier(key: bytes, identifier: str, *, min_length: int = MIN_IDENTIFIER_LENGTH) -> str:
    """HMAC-SHA256 (hex) of the normalised identifier (:func:`app.domain.ballots.check_identifier`)."""
    norm = check_identifier(identifier, min_length=min_length)
    return hmac.digest(key, norm.encode("utf-8"), "sha256").hex()


# --------------------------------------------------------------------------- the ballot sheet


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
                            district=" ".join(entry.district.split()), channel=Channel.PAPER.value,
                            voting_point_id=point.id, cast_on=cast_on, entered_by_id=actor.user_id,
                            entered_by=actor.username)
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


# --------------------------------------------------------------------------- online votes


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


def merge_online_votes(db: Database, actor: Actor, cycle_id: int, votes: Sequence[OnlineVote], *, source: str,
                       by_code: bool = False, progress: ProgressCallback | None = None,
                       today: date | None = None) -> ImportSummary:
    """Add online votes to a cycle, deduplicated against every ballot already there (paper or online).

    Every row is checked like a paper ballot; any broken row refuses the whole file (nothing is
    written) with the list of rows and reasons. A voter who already has a ballot is skipped and
    reported with where and when they voted: the first ballot stands.
    """
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
                picked = check_online_vote(sheet, vote, today, by_code=by_code)
                voter_hash = hash_identifier(key, vote.identifier, min_length=1)
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
                                 " ".join(vote.district.split())[:200], Channel.ONLINE.value, None, vote.cast_on))
        if problems:
            raise ImportRejectedError(f"Файл онлайн-голосів не імпортовано: {len(problems)} рядк(и) з помилками. "
                                      "Нічого не змінено.", problems, "The online votes file was refused.")
        count = insert_ballots(s, actor, cycle_id, new, source=source, progress=progress)
        audit.record(s, actor, audit.Action.IMPORT, "pb_ballot", entity_id=None,
                     changes={"cycle_id": [None, cycle_id], "accepted": [None, count],
                              "duplicates": [None, len(duplicates)], "source": [None, source]},
                     summary=f"Імпорт онлайн-голосів ({source}): прийнято {count}, повторних {len(duplicates)}")
    return ImportSummary(count, tuple(duplicates))

"""Deputies' statistics: attendance (with the recall flag), participation in roll calls, faction
discipline, the deputy's votes, initiatives summary.

Computed by :mod:`app.domain.votes` from the stored rows; nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.deputies import (
    AgendaItem,
    CouncilSession,
    Deputy,
    DeputyInitiative,
    Faction,
    RollCall,
    SessionAttendance,
    Vote,
)
from app.domain import votes as vote_rules
from app.domain.deputies import AttendanceStatus, InitiativeKind, collation_key, full_name, short_name
from app.domain.votes import Attendance, FactionDiscipline, Participation, VoteOption
from app.services.core.records import get_or_404
from app.services.deputies.members import DeputyRow, list_deputies

_CAST_VALUES = (VoteOption.FOR.value, VoteOption.AGAINST.value, VoteOption.ABSTAINED.value)


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

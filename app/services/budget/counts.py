"""The live count of a cycle: votes per project, turnout by voting point, channel and age group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models.budget import Ballot, BallotChoice, BudgetCategory, BudgetProject, SpoiledBallot, VotingPoint
from app.domain.ballots import by_age_group
from app.domain.budget import Channel, ProjectStatus


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
            if channel == Channel.ONLINE:
                online += count
            elif channel == Channel.UNKNOWN:
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
    return Turnout(paper + online + unknown, paper, online, unknown, sum(spoiled.values()), tuple(points),
                   by_age_group(ages), last)


def ballots_at_point(db: Database, cycle_id: int, point_id: int) -> int:
    with db.read() as s:
        return s.execute(select(func.count(Ballot.id)).where(Ballot.cycle_id == cycle_id,
                                                             Ballot.voting_point_id == point_id)).scalar_one()

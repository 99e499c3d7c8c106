"""A category of a cycle as a Pabulib election (the domain's :class:`app.domain.pb.PbElection`).

The outcome of a category is computed on this election, and the Pabulib export writes it: one
implementation of the rules for the app and for ``hromada pb outcome`` on the exported file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.budget import Ballot, BallotChoice, BudgetCategory, BudgetCycle, BudgetProject
from app.domain import pb
from app.domain.budget import VOTED_STATUSES
from app.errors import NotFoundError, ValidationError
from app.services.core import council

MONEY_SCALE = 100  # kopiykas per hryvnia (or cents, grosze per unit of the cycle's currency)


def _date_pb(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def category_election(s: Session, cycle: BudgetCycle, category: BudgetCategory, *, with_extra: bool = False,
                      hromada: str = "", single_category: bool | None = None) -> pb.PbElection:
    """The category as a Pabulib election: its admitted projects, its budget and rule, its voters' ballots.

    Voters of a category are the ballots with at least one of its projects; in a cycle with a single
    category every ballot counts (Pabulib counts an empty vote as a voter, and Equal Shares divides the
    budget among all voters). Voter ids are ballot numbers, never anything that identifies a person.
    ``with_extra`` adds the columns an export carries (names, age, channel...).
    """
    meta: dict[str, str] = {}
    stored_meta = json.loads(cycle.meta_json or "{}")
    if with_extra:
        meta.update({k: str(v) for k, v in stored_meta.items()})
    if single_category is None:
        cat_ids = s.execute(select(BudgetCategory.id).where(BudgetCategory.cycle_id == cycle.id)).all()
        single_category = len(cat_ids) == 1
    meta.update({
        "description": cycle.title,
        "country": meta.get("country", "Ukraine" if cycle.currency == "UAH" else ""),
        "unit": meta.get("unit", hromada),
        "instance": str(cycle.year),
        "subunit": category.name,
        "budget": "0",
        "vote_type": cycle.vote_type,
        "rule": category.rule,
        "currency": cycle.currency,
    })
    if "default_score" in stored_meta:
        meta["default_score"] = str(stored_meta["default_score"])
    for key, value in (("date_begin", _date_pb(cycle.voting_start)), ("date_end", _date_pb(cycle.voting_end))):
        if value:
            meta[key] = value
    limit = category.max_choices if category.max_choices is not None else cycle.max_choices
    if limit is not None:
        meta["max_length"] = str(limit)
    if cycle.min_choices:
        meta["min_length"] = str(cycle.min_choices)
    if cycle.max_points is not None:
        meta["max_sum_points"] = str(cycle.max_points)
    if category.threshold is not None:
        meta["min_project_score_threshold"] = str(category.threshold)
    meta = {k: v for k, v in meta.items() if v != ""}

    rows = s.execute(
        select(BudgetProject).where(BudgetProject.category_id == category.id,
                                    BudgetProject.status.in_([str(x) for x in VOTED_STATUSES]))
        .order_by(BudgetProject.number)
    ).scalars().all()
    projects: dict[str, pb.PbProject] = {}
    by_id: dict[int, str] = {}
    extra_columns: list[str] = []
    for p in rows:
        fields = {"project_id": p.code, "cost": "", "name": p.title}
        if with_extra:
            extra = json.loads(p.extra_json or "{}")
            for key, value in extra.items():
                if key not in extra_columns:
                    extra_columns.append(key)
                fields[key] = str(value)
            if p.district:
                fields["district"] = p.district
            if cycle.results_approved_at is not None:
                fields["selected"] = "1" if p.result_status == pb.ProjectStatus.SELECTED.value else "0"
        projects[p.code] = pb.PbProject(p.code, p.cost, fields)
        by_id[p.id] = p.code
    with_points = cycle.vote_type in pb.POINTS_TYPES
    votes_by_ballot: dict[int, tuple[list[str], list[int]]] = {}
    if by_id:
        choice_rows = s.execute(
            select(BallotChoice.ballot_id, BallotChoice.project_id, BallotChoice.points)
            .join(BudgetProject, BudgetProject.id == BallotChoice.project_id)
            .where(BudgetProject.category_id == category.id)
            .order_by(BallotChoice.ballot_id, BallotChoice.position)
        )
        for ballot_id, project_id, points in choice_rows:
            code = by_id.get(project_id)
            if code is None:
                continue
            entry = votes_by_ballot.get(ballot_id)
            if entry is None:
                entry = votes_by_ballot[ballot_id] = ([], [])
            entry[0].append(code)
            entry[1].append(points or 0)
    ballot_info: dict[int, tuple[int | None, str, str]] = {}
    if with_extra or single_category:
        for ballot_id, age, channel, district in s.execute(
            select(Ballot.id, Ballot.age, Ballot.channel, Ballot.district).where(Ballot.cycle_id == cycle.id)
            .order_by(Ballot.id)
        ):
            ballot_info[ballot_id] = (age, channel, district)
    ballot_ids = list(ballot_info) if single_category else sorted(votes_by_ballot)
    votes: list[pb.PbVote] = []
    for ballot_id in ballot_ids:
        codes, chosen_points = votes_by_ballot.get(ballot_id, ([], []))
        extra_values: tuple[str, ...] = ()
        if with_extra:
            age, channel, district = ballot_info.get(ballot_id, (None, "", ""))
            extra_values = ("" if age is None else str(age), "paper" if channel == "paper" else "internet", district)
        votes.append(pb.PbVote(str(ballot_id), tuple(codes), tuple(chosen_points) if with_points else None,
                                    extra_values))
    vote_columns = ["voter_id", "vote"] + (["points"] if with_points else [])
    if with_extra:
        vote_columns += ["age", "voting_method", "district"]
    project_columns = ["project_id", "cost", "name"]
    if with_extra:
        project_columns.append("votes")
        if cycle.results_approved_at is not None:
            project_columns.append("selected")
        if any("district" in p.fields for p in projects.values()):
            project_columns.append("district")
        project_columns += [c for c in extra_columns if c not in project_columns]
    meta["num_projects"] = str(len(projects))
    meta["num_votes"] = str(len(votes))
    election = pb.PbElection(meta=meta, projects=projects, votes=votes, budget=category.budget,
                                  money_scale=MONEY_SCALE, project_columns=project_columns, vote_columns=vote_columns)
    if with_extra:
        counts = {item.id: item.votes for item in election.project_inputs()}
        for code, project in projects.items():
            project.fields["votes"] = str(counts.get(code, 0))
    return election


@dataclass(frozen=True)
class CategoryElection:
    """One category of a cycle as an election, ready to be written as a ``.pb`` file."""

    index: int  # 1, 2, ... among the categories asked for
    category_id: int
    name: str
    election: pb.PbElection


def export_elections(db: Database, cycle_id: int, *, category_id: int | None = None) -> list[CategoryElection]:
    """Each category of a cycle (or the one asked for) as a Pabulib election with every column an export carries.

    Voter ids are ballot numbers; no identifier or hash leaves the database. META names the hromada and
    carries the cycle's stated tie-breaking rule (:data:`app.domain.pb.TIE_BREAK_KEY`).
    """
    profile = council.get_profile(db)
    hromada = profile.hromada_name if profile else ""
    out: list[CategoryElection] = []
    with db.read() as s:
        cycle = s.get(BudgetCycle, cycle_id)
        if cycle is None:
            raise NotFoundError(f"Циклу громадського бюджету №{cycle_id} немає.", f"No budget cycle {cycle_id}.")
        cats = list(s.execute(select(BudgetCategory).where(BudgetCategory.cycle_id == cycle.id)
                              .order_by(BudgetCategory.position, BudgetCategory.id)).scalars())
        if category_id is not None:
            cats = [c for c in cats if c.id == category_id]
            if not cats:
                raise NotFoundError(f"У циклі №{cycle_id} немає категорії №{category_id}.")
        if not cats:
            raise ValidationError("У циклі немає жодної категорії: експортувати нічого.")
        all_single = len(s.execute(select(BudgetCategory.id).where(BudgetCategory.cycle_id == cycle.id)).all()) == 1
        for index, cat in enumerate(cats, start=1):
            election = category_election(s, cycle, cat, with_extra=True, hromada=hromada,
                                         single_category=all_single)
            election.meta[pb.TIE_BREAK_KEY] = cycle.tie_break
            out.append(CategoryElection(index, cat.id, cat.name, election))
    return out

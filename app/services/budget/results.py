"""Winners of a participatory budget cycle: computed per category by its rule, explained, approved.

Each category is turned into a Pabulib election (:func:`app.services.budget.elections.category_election`,
the domain's :class:`app.domain.pb.PbElection`) and handed to the PB engine's
:func:`app.domain.pb.compute_outcome`. The app therefore
computes exactly what ``hromada pb outcome`` computes on the exported ``.pb`` file of the same
category: one implementation of the rules, checked against real cities' published results.

Until the results are approved they are computed live from the ballots. Approval stores every
project's votes, decision and explanation, marks winners and not-funded projects, and opens an
implementation record for each winner; after that the cycle's ballots and money are frozen.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.budget import (
    Ballot,
    BudgetCategory,
    BudgetCycle,
    BudgetProject,
    Implementation,
    Milestone,
)
from app.domain import pb
from app.domain.budget import VOTED_STATUSES, ImplementationStatus, ProjectStatus
from app.domain.formats import format_date
from app.errors import NotFoundError, ValidationError
from app.services.budget.common import money_text
from app.services.budget.elections import category_election
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.progress import ProgressCallback, report
from app.services.core.records import check_version

INELIGIBLE = "ineligible"
_INELIGIBLE_TITLES = ("не допущено до голосування", "not admitted to the vote")


def outcome_status_title(status: str, language: str = "uk") -> str:
    """The title of a project's outcome: a :class:`app.domain.pb.ProjectStatus` value, or ``"ineligible"``."""
    if status == INELIGIBLE:
        return _INELIGIBLE_TITLES[1] if language == "en" else _INELIGIBLE_TITLES[0]
    return pb.ProjectStatus.title_of(status, language)


@dataclass(frozen=True)
class ProjectOutcome:
    project_id: int
    number: int
    code: str
    title: str
    category_id: int
    cost: int
    votes: int
    score: str  # points for cumulative/scoring/ordinal ballots, else the votes
    status: str  # a pb.ProjectStatus value, or "ineligible"
    explanation: str
    position: int | None = None

    @property
    def selected(self) -> bool:
        return self.status == pb.ProjectStatus.SELECTED.value

    @property
    def admitted(self) -> bool:
        return self.status != INELIGIBLE

    @property
    def status_title(self) -> str:
        return outcome_status_title(self.status)

    def status_label(self, language: str = "uk") -> str:
        """:attr:`status_title` in ``"uk"`` or ``"en"``."""
        return outcome_status_title(self.status, language)


@dataclass(frozen=True)
class CategoryOutcome:
    category_id: int
    name: str
    budget: int
    rule: str
    threshold: int | None
    voters: int
    cost_used: int
    tie_break_text: str
    notes: tuple[str, ...]
    error: str  # why no outcome could be computed (e.g. a rule the program does not implement), else ""
    projects: tuple[ProjectOutcome, ...]

    @property
    def rule_title(self) -> str:
        return pb.rule_title(self.rule) or f"правило «{self.rule}» не реалізоване в програмі"

    def rule_label(self, language: str = "uk") -> str:
        """:attr:`rule_title` in ``"uk"`` or ``"en"``."""
        if language != "en":
            return self.rule_title
        return pb.rule_title(self.rule, "en") or f"rule «{self.rule}» is not implemented in the program"

    @property
    def leftover(self) -> int:
        return self.budget - self.cost_used

    @property
    def winners(self) -> tuple[ProjectOutcome, ...]:
        return tuple(p for p in self.projects if p.selected)


@dataclass(frozen=True)
class CycleResults:
    cycle_id: int
    title: str
    year: int
    currency: str
    vote_type: str
    approved: bool
    approved_at: datetime | None
    approved_by: str
    tie_break_text: str
    ballots: int
    categories: tuple[CategoryOutcome, ...]

    @property
    def winners(self) -> tuple[ProjectOutcome, ...]:
        return tuple(p for c in self.categories for p in c.winners)

    @property
    def cost_used(self) -> int:
        return sum(c.cost_used for c in self.categories)

    @property
    def budget(self) -> int:
        return sum(c.budget for c in self.categories)

    @property
    def errors(self) -> tuple[str, ...]:
        return tuple(f"«{c.name}»: {c.error}" for c in self.categories if c.error)

    def money(self, amount: int, language: str = "uk") -> str:
        return money_text(amount, self.currency, language=language)

    def project(self, project_id: int) -> ProjectOutcome:
        for c in self.categories:
            for p in c.projects:
                if p.project_id == project_id:
                    return p
        raise KeyError(project_id)


def _score_text(value: pb.Number) -> str:
    if isinstance(value, Fraction) and value.denominator != 1:
        return f"{float(value):.2f}".replace(".", ",")
    return str(int(value))


# --------------------------------------------------------------------------- computing


def _category_outcome(s: Session, cycle: BudgetCycle, category: BudgetCategory, single: bool) -> CategoryOutcome:
    tie_break = tuple(t for t in cycle.tie_break.split(",") if t)
    tie_text = pb.describe_tie_break(tie_break)
    election = category_election(s, cycle, category, single_category=single)
    info = {p.code: p for p in s.execute(select(BudgetProject).where(BudgetProject.category_id == category.id))
            .scalars()}
    ineligible = sorted((p for p in info.values() if p.status not in VOTED_STATUSES), key=lambda p: p.number)
    not_admitted = tuple(
        ProjectOutcome(p.id, p.number, p.code, p.title, category.id, p.cost, 0, "0", INELIGIBLE,
                       "Не допущено до голосування: "
                       f"{(p.status_reason or ProjectStatus.title_of(p.status)).rstrip('.')}.")
        for p in ineligible
    )
    error = ""
    notes: tuple[str, ...] = ()
    cost_used = 0
    projects: list[ProjectOutcome] = []
    try:
        outcome = pb.compute_outcome(election, category.rule, tie_break=tie_break)
    except (pb.PbRuleError, pb.PabulibError) as exc:
        error = str(exc)
        counts = {p.id: p for p in election.project_inputs()}
        ranked = pb.rank_projects(list(counts.values()), tie_break)
        for item in ranked:
            p = info[item.id]
            projects.append(ProjectOutcome(p.id, p.number, p.code, p.title, category.id, p.cost, item.votes,
                                           _score_text(item.score), "", "Результат не визначено: " + error))
    else:
        notes = outcome.notes
        cost_used = outcome.cost_used
        tie_text = outcome.tie_break_text
        for r in outcome.projects:
            p = info[r.project_id]
            projects.append(ProjectOutcome(p.id, p.number, p.code, p.title, category.id, r.cost, r.votes,
                                           _score_text(r.score), r.status.value, r.explanation, r.position))
    return CategoryOutcome(category.id, category.name, category.budget, category.rule, category.threshold,
                           len(election.votes), cost_used, tie_text, notes, error, (*projects, *not_admitted))


def _compute(s: Session, cycle: BudgetCycle) -> tuple[CategoryOutcome, ...]:
    cats = s.execute(select(BudgetCategory).where(BudgetCategory.cycle_id == cycle.id)
                     .order_by(BudgetCategory.position, BudgetCategory.id)).scalars().all()
    return tuple(_category_outcome(s, cycle, c, len(cats) == 1) for c in cats)


def _ballot_count(s: Session, cycle_id: int) -> int:
    return s.execute(select(func.count(Ballot.id)).where(Ballot.cycle_id == cycle_id)).scalar_one()


def _results(s: Session, cycle: BudgetCycle, categories: Sequence[CategoryOutcome], approved: bool) -> CycleResults:
    return CycleResults(
        cycle_id=cycle.id, title=cycle.title, year=cycle.year, currency=cycle.currency, vote_type=cycle.vote_type,
        approved=approved, approved_at=cycle.results_approved_at, approved_by=cycle.results_approved_by,
        tie_break_text=pb.describe_tie_break(tuple(t for t in cycle.tie_break.split(",") if t)),
        ballots=_ballot_count(s, cycle.id), categories=tuple(categories),
    )


def compute_results(db: Database, cycle_id: int) -> CycleResults:
    """The outcome as the ballots stand now (not stored)."""
    with db.read() as s:
        cycle = _cycle(s, cycle_id)
        return _results(s, cycle, _compute(s, cycle), approved=False)


def _cycle(s: Session, cycle_id: int) -> BudgetCycle:
    cycle = s.get(BudgetCycle, cycle_id)
    if cycle is None:
        raise NotFoundError("Цикл громадського бюджету не знайдено.", "Budget cycle not found.")
    return cycle


def _stored(s: Session, cycle: BudgetCycle) -> tuple[CategoryOutcome, ...]:
    cats = s.execute(select(BudgetCategory).where(BudgetCategory.cycle_id == cycle.id)
                     .order_by(BudgetCategory.position, BudgetCategory.id)).scalars().all()
    out = []
    for c in cats:
        info = json.loads(c.result_notes or "{}")
        rows = s.execute(select(BudgetProject).where(BudgetProject.category_id == c.id)).scalars().all()
        admitted = sorted((p for p in rows if p.result_status and p.result_status != INELIGIBLE),
                          key=lambda p: (p.result_status != pb.ProjectStatus.SELECTED.value,
                                         p.result_position or 0, -(p.result_votes or 0), p.number))
        rest = sorted((p for p in rows if not p.result_status or p.result_status == INELIGIBLE), key=lambda p: p.number)
        projects = [
            ProjectOutcome(p.id, p.number, p.code, p.title, c.id, p.cost, p.result_votes or 0, p.result_score or "0",
                           p.result_status or INELIGIBLE, p.result_explanation, p.result_position)
            for p in (*admitted, *rest)
        ]
        out.append(CategoryOutcome(c.id, c.name, c.budget, c.rule, c.threshold, int(info.get("voters", 0)),
                                   c.result_cost_used or 0, info.get("tie_break_text", ""),
                                   tuple(info.get("notes", [])), "", tuple(projects)))
    return tuple(out)


def cycle_results(db: Database, cycle_id: int) -> CycleResults:
    """The approved results if the cycle has them, else the live computation."""
    with db.read() as s:
        cycle = _cycle(s, cycle_id)
        if cycle.results_approved_at is not None:
            return _results(s, cycle, _stored(s, cycle), approved=True)
        return _results(s, cycle, _compute(s, cycle), approved=False)


# --------------------------------------------------------------------------- approving


def approve_results(db: Database, actor: Actor, cycle_id: int, expected_version: int, *,
                    today: date | None = None, progress: ProgressCallback | None = None) -> CycleResults:
    """Compute and store the results, mark winners and not-funded projects, open implementation records."""
    require(actor, Permission.EDIT_RECORDS)
    today = today or date.today()
    with db.write() as s:
        cycle = _cycle(s, cycle_id)
        check_version(cycle, expected_version, "Цикл громадського бюджету")
        if cycle.results_approved_at is not None:
            raise ValidationError("Результати цього циклу вже затверджено.", "Results are already approved.")
        if cycle.voting_end is not None and today <= cycle.voting_end:
            raise ValidationError(
                f"Голосування триває до {format_date(cycle.voting_end)} включно: результати затверджують після "
                "його завершення.", "Voting is still open.")
        if _ballot_count(s, cycle.id) == 0:
            raise ValidationError("У циклі ще немає жодного бюлетеня.", "The cycle has no ballots yet.")
        report(progress, 0, 2, "Підрахунок голосів")
        categories = _compute(s, cycle)
        problems = [f"«{c.name}»: {c.error}" for c in categories if c.error]
        if problems:
            raise ValidationError("Результати не можна затвердити: " + " ".join(problems) +
                                  " Оберіть для категорії реалізоване правило.",
                                  "Results cannot be approved: a category's rule is not implemented.")
        report(progress, 1, 2, "Збереження результатів")
        winners: list[int] = []
        for cat_outcome in categories:
            cat = s.get(BudgetCategory, cat_outcome.category_id)
            assert cat is not None
            cat.result_cost_used = cat_outcome.cost_used
            cat.result_notes = json.dumps({"notes": list(cat_outcome.notes), "voters": cat_outcome.voters,
                                           "tie_break_text": cat_outcome.tie_break_text}, ensure_ascii=False)
            for po in cat_outcome.projects:
                p = s.get(BudgetProject, po.project_id)
                assert p is not None
                p.result_votes, p.result_score, p.result_status = po.votes, po.score, po.status
                p.result_explanation, p.result_position = po.explanation, po.position
                if not po.admitted:
                    continue
                old = p.status
                p.status = (ProjectStatus.WINNER if po.selected else ProjectStatus.NOT_FUNDED).value
                if po.selected:
                    winners.append(p.number)
                    if s.execute(select(Implementation.id).where(Implementation.project_id == p.id)).first() is None:
                        s.add(Implementation(project_id=p.id, status=ImplementationStatus.PLANNED.value, progress=0,
                                             allocated=p.cost, spent=0))
                if old != p.status:
                    s.flush()
                    audit.record_object(s, actor, audit.Action.UPDATE, p, changes={
                        "status": [old, p.status], "result_votes": [None, po.votes]},
                        summary=f"Проєкт №{p.number}: {ProjectStatus.title_of(p.status)}")
        cycle.results_approved_at = utcnow()
        cycle.results_approved_by = actor.display_name
        s.flush()
        audit.record_object(s, actor, audit.Action.UPDATE, cycle, changes={
            "results_approved_at": [None, cycle.results_approved_at], "winners": [None, winners],
            "rules": [None, {c.name: c.rule for c in categories}]},
            summary=f"Затверджено результати: {cycle.title} ({len(winners)} переможців)")
        report(progress, 2, 2, "Готово")
        return _results(s, cycle, _stored(s, cycle), approved=True)


def reopen_results(db: Database, actor: Actor, cycle_id: int, expected_version: int, reason: str) -> None:
    """Undo an approval made by mistake, while no winner's implementation has started."""
    require(actor, Permission.EDIT_RECORDS)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Вкажіть причину скасування затвердження результатів.")
    with db.write() as s:
        cycle = _cycle(s, cycle_id)
        check_version(cycle, expected_version, "Цикл громадського бюджету")
        if cycle.results_approved_at is None:
            raise ValidationError("Результати цього циклу ще не затверджено.")
        project_ids = select(BudgetProject.id).where(BudgetProject.cycle_id == cycle.id)
        started = s.execute(select(Implementation.id).where(
            Implementation.project_id.in_(project_ids),
            (Implementation.status != ImplementationStatus.PLANNED.value) | (Implementation.progress > 0)
            | (Implementation.spent > 0)).limit(1)).first()
        has_milestones = s.execute(select(Milestone.id).where(Milestone.project_id.in_(project_ids)).limit(1)).first()
        if started or has_milestones:
            raise ValidationError("Реалізація переможців уже почалася (є етапи, витрати або зміни стану): "
                                  "затвердження результатів скасувати не можна.")
        s.execute(delete(Implementation).where(Implementation.project_id.in_(project_ids)))
        for p in s.execute(select(BudgetProject).where(BudgetProject.cycle_id == cycle.id)).scalars():
            if p.status in (ProjectStatus.WINNER, ProjectStatus.NOT_FUNDED):
                p.status = ProjectStatus.ELIGIBLE.value
            p.result_votes, p.result_score, p.result_status = None, "", ""
            p.result_explanation, p.result_position = "", None
        for c in s.execute(select(BudgetCategory).where(BudgetCategory.cycle_id == cycle.id)).scalars():
            c.result_cost_used, c.result_notes = None, ""
        old = cycle.results_approved_at
        cycle.results_approved_at, cycle.results_approved_by = None, ""
        s.flush()
        audit.record_object(s, actor, audit.Action.UPDATE, cycle, changes={
            "results_approved_at": [old, None], "reason": [None, reason]},
            summary=f"Скасовано затвердження результатів: {cycle.title}. Причина: {reason}")


def results_dict(results: CycleResults) -> dict[str, Any]:
    """The results as JSON-ready data (money in kopiykas), e.g. for open data."""
    return {
        "cycle_id": results.cycle_id, "title": results.title, "year": results.year, "currency": results.currency,
        "approved": results.approved, "tie_break": results.tie_break_text, "ballots": results.ballots,
        "categories": [
            {"name": c.name, "budget": c.budget, "rule": c.rule, "cost_used": c.cost_used, "voters": c.voters,
             "error": c.error, "notes": list(c.notes),
             "projects": [{"number": p.number, "code": p.code, "title": p.title, "cost": p.cost, "votes": p.votes,
                           "score": p.score, "status": p.status, "explanation": p.explanation} for p in c.projects]}
            for c in results.categories
        ],
    }

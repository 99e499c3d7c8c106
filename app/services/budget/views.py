"""What the budget services return: cycles with their categories, voting points, projects with cost items."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models.budget import Ballot, BudgetCategory, BudgetCycle, BudgetProject, CostItem, VotingPoint
from app.domain import pb
from app.domain.budget import Phase, ProjectStatus, cycle_phase
from app.errors import NotFoundError
from app.services.budget.common import money_text


@dataclass(frozen=True)
class CategoryView:
    id: int
    version: int
    cycle_id: int
    name: str
    position: int
    budget: int
    min_cost: int
    max_cost: int | None
    max_choices: int | None
    rule: str
    threshold: int | None
    result_cost_used: int | None
    result_notes: str

    @property
    def rule_title(self) -> str:
        return pb.rule_title(self.rule) or f"правило «{self.rule}» (не реалізоване в програмі)"

    def rule_label(self, language: str = "uk") -> str:
        """:attr:`rule_title` in ``"uk"`` or ``"en"``."""
        if language != "en":
            return self.rule_title
        return pb.rule_title(self.rule, "en") or f"rule «{self.rule}» (not implemented in the program)"

    @property
    def rule_implemented(self) -> bool:
        return pb.normalize_rule(self.rule) in pb.IMPLEMENTED_RULES


@dataclass(frozen=True)
class CycleView:
    id: int
    version: int
    title: str
    year: int
    description: str
    currency: str
    total_budget: int
    submission_start: date | None
    submission_end: date | None
    review_end: date | None
    voting_start: date | None
    voting_end: date | None
    results_date: date | None
    implementation_end: date | None
    vote_type: str
    min_choices: int
    max_choices: int | None
    max_points: int | None
    min_age: int
    tie_break: tuple[str, ...]
    results_approved_at: datetime | None
    results_approved_by: str
    source: str
    meta: dict[str, str]
    categories: tuple[CategoryView, ...] = ()
    project_count: int = 0
    ballot_count: int = 0

    @property
    def approved(self) -> bool:
        return self.results_approved_at is not None

    @property
    def tie_break_text(self) -> str:
        return pb.describe_tie_break(self.tie_break)

    def tie_break_label(self, language: str = "uk") -> str:
        """:attr:`tie_break_text` in ``"uk"`` or ``"en"``."""
        return pb.describe_tie_break(self.tie_break, language)

    @property
    def label(self) -> str:
        return f"{self.year} — {self.title}"

    def phase(self, today: date) -> Phase:
        return cycle_phase(today, approved=self.approved, submission_start=self.submission_start,
                           submission_end=self.submission_end, voting_start=self.voting_start,
                           voting_end=self.voting_end, implementation_end=self.implementation_end)

    def phase_title(self, today: date, language: str = "uk") -> str:
        return self.phase(today).label(language)

    def money(self, amount: int, language: str = "uk") -> str:
        return money_text(amount, self.currency, language=language)

    def category(self, category_id: int) -> CategoryView:
        for cat in self.categories:
            if cat.id == category_id:
                return cat
        raise NotFoundError("Категорію не знайдено.", "Category not found.")


@dataclass(frozen=True)
class PointView:
    id: int
    version: int
    name: str
    address: str
    is_active: bool


@dataclass(frozen=True)
class CostItemData:
    description: str
    amount: int


@dataclass(frozen=True)
class ProjectView:
    id: int
    version: int
    cycle_id: int
    category_id: int
    category_name: str
    number: int
    code: str
    title: str
    description: str
    author_name: str
    author_contact: str
    location: str
    district: str
    cost: int
    status: str
    status_reason: str
    items: tuple[CostItemData, ...] = ()
    result_votes: int | None = None
    result_score: str = ""
    result_status: str = ""
    result_explanation: str = ""
    result_position: int | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def status_title(self, language: str = "uk") -> str:
        return ProjectStatus.title_of(self.status, language)

    @property
    def label(self) -> str:
        return f"№{self.number} {self.title}"


def category_view(c: BudgetCategory) -> CategoryView:
    """The view of a stored category."""
    return CategoryView(c.id, c.version, c.cycle_id, c.name, c.position, c.budget, c.min_cost, c.max_cost,
                        c.max_choices, c.rule, c.threshold, c.result_cost_used, c.result_notes)


def cycle_view(s: Session, c: BudgetCycle, *, counts: bool = True) -> CycleView:
    """The view of a stored cycle with its categories (and, with ``counts``, its projects and ballots counted)."""
    cats = s.execute(select(BudgetCategory).where(BudgetCategory.cycle_id == c.id)
                     .order_by(BudgetCategory.position, BudgetCategory.id)).scalars().all()
    projects = ballots = 0
    if counts:
        projects = s.execute(select(func.count(BudgetProject.id)).where(BudgetProject.cycle_id == c.id)).scalar_one()
        ballots = s.execute(select(func.count(Ballot.id)).where(Ballot.cycle_id == c.id)).scalar_one()
    return CycleView(
        id=c.id, version=c.version, title=c.title, year=c.year, description=c.description, currency=c.currency,
        total_budget=c.total_budget, submission_start=c.submission_start, submission_end=c.submission_end,
        review_end=c.review_end, voting_start=c.voting_start, voting_end=c.voting_end, results_date=c.results_date,
        implementation_end=c.implementation_end, vote_type=c.vote_type, min_choices=c.min_choices,
        max_choices=c.max_choices, max_points=c.max_points, min_age=c.min_age,
        tie_break=tuple(t for t in c.tie_break.split(",") if t), results_approved_at=c.results_approved_at,
        results_approved_by=c.results_approved_by, source=c.source, meta=json.loads(c.meta_json or "{}"),
        categories=tuple(category_view(x) for x in cats), project_count=projects, ballot_count=ballots,
    )


def project_view(p: BudgetProject, category_name: str, items: Sequence[CostItem] = ()) -> ProjectView:
    """The view of a stored project (with its cost items when given)."""
    return ProjectView(
        id=p.id, version=p.version, cycle_id=p.cycle_id, category_id=p.category_id, category_name=category_name,
        number=p.number, code=p.code, title=p.title, description=p.description, author_name=p.author_name,
        author_contact=p.author_contact, location=p.location, district=p.district, cost=p.cost, status=p.status,
        status_reason=p.status_reason, items=tuple(CostItemData(i.description, i.amount) for i in items),
        result_votes=p.result_votes, result_score=p.result_score, result_status=p.result_status,
        result_explanation=p.result_explanation, result_position=p.result_position,
        extra=json.loads(p.extra_json or "{}"),
    )


def point_view(p: VotingPoint) -> PointView:
    """The view of a stored voting point."""
    return PointView(p.id, p.version, p.name, p.address, p.is_active)

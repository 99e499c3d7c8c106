"""Participatory budget records: cycles, categories, voting points, projects with cost items, implementation.

Ballots live in :mod:`app.services.budget.ballots`, outcomes in :mod:`app.services.budget.results`.
Every write checks the actor's permission (``EDIT_RECORDS``), validates with Ukrainian
messages, runs in one transaction and appends an audit event in it. Money is always an
integer number of kopiykas (the cycle's currency's smallest unit, 100 per unit).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.budget import (
    Ballot,
    BallotChoice,
    BudgetCategory,
    BudgetCycle,
    BudgetProject,
    CostItem,
    Implementation,
    Milestone,
    SpoiledBallot,
    VotingPoint,
)
from app.db.models.core import User
from app.domain import pb_rules
from app.domain.formats import NBSP, format_date, format_money
from app.domain.names import search_key
from app.errors import NotFoundError, ValidationError
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.due import DueItem
from app.services.core.records import check_version, get_or_404

AREA = "budget"
DEFAULT_TIE_BREAK = ",".join(t.value for t in pb_rules.DEFAULT_TIE_BREAK)
VOTE_TYPES = ("approval", "choose-1", "cumulative", "ordinal", "scoring")
VOTE_TYPE_TITLES = {
    "approval": "підтримка кількох проєктів (approval)",
    "choose-1": "один проєкт (choose-1)",
    "cumulative": "розподіл балів (cumulative)",
    "ordinal": "ранжування (ordinal)",
    "scoring": "оцінювання (scoring)",
}
VOTE_TYPE_TITLES_EN = {
    "approval": "support for several projects (approval)",
    "choose-1": "one project (choose-1)",
    "cumulative": "distribution of points (cumulative)",
    "ordinal": "ranking (ordinal)",
    "scoring": "scoring (scoring)",
}


def vote_type_title(vote_type: str, language: str = "uk") -> str:
    return (VOTE_TYPE_TITLES_EN if language == "en" else VOTE_TYPE_TITLES).get(vote_type, vote_type)
MAX_MONEY = 10**15  # kopiykas: ten trillion hryvnias, far beyond any community budget


# --------------------------------------------------------------------------- statuses and phases


class ProjectStatus(StrEnum):
    SUBMITTED = "submitted"
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    WINNER = "winner"
    NOT_FUNDED = "not_funded"
    IN_IMPLEMENTATION = "in_implementation"
    COMPLETED = "completed"


PROJECT_STATUS_TITLES: dict[str, tuple[str, str]] = {
    ProjectStatus.SUBMITTED: ("подано", "submitted"),
    ProjectStatus.ELIGIBLE: ("допущено до голосування", "eligible"),
    ProjectStatus.INELIGIBLE: ("не допущено", "ineligible"),
    ProjectStatus.WINNER: ("переможець", "winner"),
    ProjectStatus.NOT_FUNDED: ("не профінансовано", "not funded"),
    ProjectStatus.IN_IMPLEMENTATION: ("реалізується", "in implementation"),
    ProjectStatus.COMPLETED: ("реалізовано", "completed"),
}
# Statuses a project can have once it took part in the vote.
VOTED_STATUSES = frozenset({ProjectStatus.ELIGIBLE, ProjectStatus.WINNER, ProjectStatus.NOT_FUNDED,
                            ProjectStatus.IN_IMPLEMENTATION, ProjectStatus.COMPLETED})
WINNER_STATUSES = frozenset({ProjectStatus.WINNER, ProjectStatus.IN_IMPLEMENTATION, ProjectStatus.COMPLETED})


def project_status_title(status: str, language: str = "uk") -> str:
    pair = PROJECT_STATUS_TITLES.get(status)
    if pair is None:
        return status
    return pair[1] if language == "en" else pair[0]


class Phase(StrEnum):
    PREPARATION = "preparation"
    SUBMISSION = "submission"
    REVIEW = "review"
    VOTING = "voting"
    COUNTING = "counting"
    RESULTS = "results"
    COMPLETED = "completed"


PHASE_TITLES: dict[Phase, tuple[str, str]] = {
    Phase.PREPARATION: ("підготовка", "preparation"),
    Phase.SUBMISSION: ("подання проєктів", "submission of projects"),
    Phase.REVIEW: ("розгляд проєктів", "review of projects"),
    Phase.VOTING: ("голосування", "voting"),
    Phase.COUNTING: ("підрахунок голосів", "counting"),
    Phase.RESULTS: ("результати затверджено, реалізація", "results approved, implementation"),
    Phase.COMPLETED: ("завершено", "completed"),
}


class ImplementationStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    SUSPENDED = "suspended"
    COMPLETED = "completed"


IMPLEMENTATION_STATUS_TITLES: dict[str, tuple[str, str]] = {
    ImplementationStatus.PLANNED: ("заплановано", "planned"),
    ImplementationStatus.IN_PROGRESS: ("виконується", "in progress"),
    ImplementationStatus.SUSPENDED: ("призупинено", "suspended"),
    ImplementationStatus.COMPLETED: ("завершено", "completed"),
}


def implementation_status_title(status: str, language: str = "uk") -> str:
    pair = IMPLEMENTATION_STATUS_TITLES.get(status)
    if pair is None:
        return status
    return pair[1] if language == "en" else pair[0]


# --------------------------------------------------------------------------- views


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
        return pb_rules.RULE_TITLES.get(self.rule, f"правило «{self.rule}» (не реалізоване в програмі)")

    def rule_label(self, language: str = "uk") -> str:
        """:attr:`rule_title` in ``"uk"`` or ``"en"``."""
        if language != "en":
            return self.rule_title
        return pb_rules.rule_title(self.rule, "en") or f"rule «{self.rule}» (not implemented in the program)"

    @property
    def rule_implemented(self) -> bool:
        return pb_rules.normalize_rule(self.rule) in pb_rules.IMPLEMENTED_RULES


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
        return pb_rules.describe_tie_break(self.tie_break)

    def tie_break_label(self, language: str = "uk") -> str:
        """:attr:`tie_break_text` in ``"uk"`` or ``"en"``."""
        return pb_rules.describe_tie_break(self.tie_break, language)

    @property
    def label(self) -> str:
        return f"{self.year} — {self.title}"

    def phase(self, today: date) -> Phase:
        if self.approved:
            if self.implementation_end and today > self.implementation_end:
                return Phase.COMPLETED
            return Phase.RESULTS
        if self.voting_end and today > self.voting_end:
            return Phase.COUNTING
        if self.voting_start and today >= self.voting_start:
            return Phase.VOTING
        if self.submission_end and today > self.submission_end:
            return Phase.REVIEW
        if self.submission_start and today >= self.submission_start:
            return Phase.SUBMISSION
        return Phase.PREPARATION

    def phase_title(self, today: date, language: str = "uk") -> str:
        pair = PHASE_TITLES[self.phase(today)]
        return pair[1] if language == "en" else pair[0]

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
        return project_status_title(self.status, language)

    @property
    def label(self) -> str:
        return f"№{self.number} {self.title}"


@dataclass(frozen=True)
class CycleData:
    """What the clerk enters for a cycle; amounts in kopiykas."""

    title: str
    year: int
    total_budget: int
    description: str = ""
    currency: str = "UAH"
    submission_start: date | None = None
    submission_end: date | None = None
    review_end: date | None = None
    voting_start: date | None = None
    voting_end: date | None = None
    results_date: date | None = None
    implementation_end: date | None = None
    vote_type: str = "approval"
    min_choices: int = 1
    max_choices: int | None = 5
    max_points: int | None = None
    min_age: int = 16
    tie_break: tuple[str, ...] = tuple(t.value for t in pb_rules.DEFAULT_TIE_BREAK)


@dataclass(frozen=True)
class CategoryData:
    name: str
    budget: int
    min_cost: int = 0
    max_cost: int | None = None
    max_choices: int | None = None
    rule: str = pb_rules.GREEDY
    threshold: int | None = None
    position: int | None = None


@dataclass(frozen=True)
class ProjectData:
    category_id: int
    title: str
    items: tuple[CostItemData, ...]
    number: int | None = None  # None: the next free number
    description: str = ""
    author_name: str = ""
    author_contact: str = ""
    location: str = ""
    district: str = ""

    @property
    def cost(self) -> int:
        return sum(item.amount for item in self.items)


def money_text(amount: int, currency: str = "UAH", *, whole: bool = False, language: str = "uk") -> str:
    """Kopiykas as ``1 234,56 грн`` (or with the ISO code of another currency), never broken across lines.

    ``whole=True`` leaves out ``,00`` of a whole amount (for big figures on posters). ``language="en"``
    (the GUI in English) writes the hryvnia as ``UAH``.
    """
    text = format_money(amount, currency=False, sep=NBSP)
    if whole and amount % 100 == 0:
        text = text[:-3]
    unit = currency or "UAH"
    if unit == "UAH" and language != "en":
        unit = "грн"
    return f"{text}{NBSP}{unit}"


# --------------------------------------------------------------------------- helpers


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _multiline(text: str | None) -> str:
    return "\n".join(line.rstrip() for line in (text or "").strip().splitlines())


def _money(value: int, what: str, *, allow_zero: bool = True) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{what}: сума має бути цілим числом копійок.")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(f"{what}: сума має бути {'не меншою за нуль' if allow_zero else 'більшою за нуль'}.")
    if value > MAX_MONEY:
        raise ValidationError(f"{what}: сума завелика.")
    return value


def _category_view(c: BudgetCategory) -> CategoryView:
    return CategoryView(c.id, c.version, c.cycle_id, c.name, c.position, c.budget, c.min_cost, c.max_cost,
                        c.max_choices, c.rule, c.threshold, c.result_cost_used, c.result_notes)


def _cycle_view(s: Session, c: BudgetCycle, *, counts: bool = True) -> CycleView:
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
        categories=tuple(_category_view(x) for x in cats), project_count=projects, ballot_count=ballots,
    )


def _project_view(p: BudgetProject, category_name: str, items: Sequence[CostItem] = ()) -> ProjectView:
    return ProjectView(
        id=p.id, version=p.version, cycle_id=p.cycle_id, category_id=p.category_id, category_name=category_name,
        number=p.number, code=p.code, title=p.title, description=p.description, author_name=p.author_name,
        author_contact=p.author_contact, location=p.location, district=p.district, cost=p.cost, status=p.status,
        status_reason=p.status_reason, items=tuple(CostItemData(i.description, i.amount) for i in items),
        result_votes=p.result_votes, result_score=p.result_score, result_status=p.result_status,
        result_explanation=p.result_explanation, result_position=p.result_position,
        extra=json.loads(p.extra_json or "{}"),
    )


def _ballots_exist(s: Session, cycle_id: int) -> bool:
    return s.execute(select(Ballot.id).where(Ballot.cycle_id == cycle_id).limit(1)).first() is not None


def _refuse_if_approved(cycle: BudgetCycle, what: str = "Цей запис") -> None:
    if cycle.results_approved_at is not None:
        raise ValidationError(
            f"{what} змінити не можна: результати циклу «{cycle.title}» вже затверджено. "
            "Щоб змінити, спершу скасуйте затвердження результатів.",
            "Results of this cycle are approved; reopen them first to change this.",
        )


# --------------------------------------------------------------------------- cycles


def list_cycles(db: Database) -> list[CycleView]:
    """Every cycle, the newest year first."""
    with db.read() as s:
        cycles = s.execute(select(BudgetCycle).order_by(BudgetCycle.year.desc(), BudgetCycle.id.desc())).scalars()
        return [_cycle_view(s, c) for c in cycles]


def get_cycle(db: Database, cycle_id: int) -> CycleView:
    with db.read() as s:
        return _cycle_view(s, get_or_404(s, BudgetCycle, cycle_id, "Цикл громадського бюджету"))


def cycle_choices(db: Database) -> list[tuple[int, str]]:
    """(id, label) of every cycle, for report pickers."""
    with db.read() as s:
        rows = s.execute(select(BudgetCycle.id, BudgetCycle.year, BudgetCycle.title)
                         .order_by(BudgetCycle.year.desc(), BudgetCycle.id.desc())).all()
    return [(r.id, f"{r.year} — {r.title}") for r in rows]


def validate_cycle(data: CycleData) -> CycleData:
    problems: list[str] = []
    title = _clean(data.title)
    if not title:
        problems.append("Вкажіть назву циклу.")
    if not 2000 <= data.year <= 2100:
        problems.append("Рік має бути між 2000 і 2100.")
    try:
        _money(data.total_budget, "Загальний бюджет", allow_zero=False)
    except ValidationError as exc:
        problems.append(exc.message)
    currency = (data.currency or "UAH").strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        problems.append("Валюта — трилітерний код ISO, наприклад UAH.")
    if data.vote_type not in VOTE_TYPES:
        problems.append(f"Невідомий тип голосування «{data.vote_type}».")
    if data.min_choices < 0:
        problems.append("Мінімальна кількість проєктів у бюлетені не може бути від’ємною.")
    if data.max_choices is not None and data.max_choices < max(1, data.min_choices):
        problems.append("Максимальна кількість проєктів у бюлетені має бути не меншою за мінімальну і за 1.")
    if data.vote_type == "choose-1" and data.max_choices not in (None, 1):
        problems.append("У голосуванні «один проєкт» виборець обирає лише один проєкт.")
    if data.max_points is not None and data.max_points < 1:
        problems.append("Кількість балів на виборця має бути додатною.")
    if not 0 <= data.min_age <= 120:
        problems.append("Мінімальний вік виборця — від 0 до 120 років.")
    try:
        tie_break = tuple(t.value for t in pb_rules.complete_tie_break(data.tie_break))
    except pb_rules.PbRuleError as exc:
        problems.append(str(exc))
        tie_break = data.tie_break
    phases = [
        ("початок подання проєктів", data.submission_start),
        ("кінець подання проєктів", data.submission_end),
        ("кінець розгляду проєктів", data.review_end),
        ("початок голосування", data.voting_start),
        ("кінець голосування", data.voting_end),
        ("оголошення результатів", data.results_date),
        ("кінець реалізації", data.implementation_end),
    ]
    previous: tuple[str, date] | None = None
    for name, value in phases:
        if value is None:
            continue
        if previous is not None and value < previous[1]:
            problems.append(f"Дата «{name}» ({format_date(value)}) раніша за «{previous[0]}» "
                            f"({format_date(previous[1])}).")
        previous = (name, value)
    if problems:
        raise ValidationError(" ".join(problems))
    return replace(data, title=title, currency=currency, description=_multiline(data.description), tie_break=tie_break)


_CYCLE_FIELDS = ("title", "year", "description", "currency", "total_budget", "submission_start", "submission_end",
                 "review_end", "voting_start", "voting_end", "results_date", "implementation_end", "vote_type",
                 "min_choices", "max_choices", "max_points", "min_age")
_BALLOT_RULE_FIELDS = ("vote_type", "min_choices", "max_choices", "max_points", "min_age")


def _cycle_columns(data: CycleData) -> dict[str, Any]:
    values = {name: getattr(data, name) for name in _CYCLE_FIELDS}
    values["tie_break"] = ",".join(data.tie_break)
    return values


def create_cycle(db: Database, actor: Actor, data: CycleData, categories: Sequence[CategoryData] = ()) -> CycleView:
    """A new cycle, optionally with its categories, in one transaction."""
    require(actor, Permission.EDIT_RECORDS)
    clean = validate_cycle(data)
    cats = [validate_category(c, clean.vote_type) for c in categories]
    _check_category_names(cats)
    if sum(c.budget for c in cats) > clean.total_budget:
        raise ValidationError("Сума бюджетів категорій перевищує загальний бюджет циклу.")
    with db.write() as s:
        cycle = BudgetCycle(**_cycle_columns(clean))
        s.add(cycle)
        s.flush()
        audit.record_object(s, actor, audit.Action.CREATE, cycle, summary=f"Цикл {clean.year}: {clean.title}")
        for position, cat in enumerate(cats):
            _add_category(s, actor, cycle, replace(cat, position=position if cat.position is None else cat.position))
        return _cycle_view(s, cycle)


def update_cycle(db: Database, actor: Actor, cycle_id: int, data: CycleData, expected_version: int) -> CycleView:
    require(actor, Permission.EDIT_RECORDS)
    clean = validate_cycle(data)
    with db.write() as s:
        cycle = get_or_404(s, BudgetCycle, cycle_id, "Цикл громадського бюджету")
        check_version(cycle, expected_version, "Цикл громадського бюджету")
        before = audit.snapshot(cycle)
        new = _cycle_columns(clean)
        changed = {k for k, v in new.items() if getattr(cycle, k) != v}
        if cycle.results_approved_at is not None and changed - {"description", "results_date", "implementation_end"}:
            _refuse_if_approved(cycle, "Правила і бюджет циклу")
        if changed & set(_BALLOT_RULE_FIELDS) and _ballots_exist(s, cycle.id):
            raise ValidationError(
                "Правила бюлетеня (тип голосування, кількість проєктів, бали, мінімальний вік) не можна змінювати "
                "після того, як введено перші бюлетені.",
                "Ballot rules cannot change once ballots have been entered.",
            )
        cat_total = s.execute(select(func.coalesce(func.sum(BudgetCategory.budget), 0))
                              .where(BudgetCategory.cycle_id == cycle.id)).scalar_one()
        if cat_total > clean.total_budget:
            raise ValidationError(
                f"Загальний бюджет ({money_text(clean.total_budget, clean.currency)}) менший за суму бюджетів "
                f"категорій ({money_text(cat_total, clean.currency)}).")
        for key, value in new.items():
            setattr(cycle, key, value)
        s.flush()
        changes = audit.diff(before, audit.snapshot(cycle))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, cycle, changes=changes, summary=cycle.title)
        return _cycle_view(s, cycle)


def delete_cycle(db: Database, actor: Actor, cycle_id: int, expected_version: int) -> None:
    """Delete a cycle that has no ballots yet (with its categories and projects)."""
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        cycle = get_or_404(s, BudgetCycle, cycle_id, "Цикл громадського бюджету")
        check_version(cycle, expected_version, "Цикл громадського бюджету")
        if _ballots_exist(s, cycle.id):
            raise ValidationError(
                f"Цикл «{cycle.title}» має бюлетені, тому його не можна видалити: це частина звітності громади.",
                "The cycle has ballots and cannot be deleted.")
        project_ids = select(BudgetProject.id).where(BudgetProject.cycle_id == cycle.id)
        s.execute(delete(Milestone).where(Milestone.project_id.in_(project_ids)))
        s.execute(delete(Implementation).where(Implementation.project_id.in_(project_ids)))
        s.execute(delete(CostItem).where(CostItem.project_id.in_(project_ids)))
        s.execute(delete(SpoiledBallot).where(SpoiledBallot.cycle_id == cycle.id))
        s.execute(delete(BudgetProject).where(BudgetProject.cycle_id == cycle.id))
        s.execute(delete(BudgetCategory).where(BudgetCategory.cycle_id == cycle.id))
        audit.record_object(s, actor, audit.Action.DELETE, cycle, summary=f"Цикл {cycle.year}: {cycle.title}")
        s.delete(cycle)


# --------------------------------------------------------------------------- categories


def validate_category(data: CategoryData, vote_type: str = "approval", *, keep_rule: str | None = None) -> CategoryData:
    problems: list[str] = []
    name = _clean(data.name)
    if not name:
        problems.append("Вкажіть назву категорії.")
    for what, value in (("Бюджет категорії", data.budget), ("Мінімальна вартість", data.min_cost)):
        try:
            _money(value, what)
        except ValidationError as exc:
            problems.append(exc.message)
    if data.max_cost is not None:
        try:
            _money(data.max_cost, "Максимальна вартість", allow_zero=False)
        except ValidationError as exc:
            problems.append(exc.message)
        if data.max_cost < data.min_cost:
            problems.append("Максимальна вартість проєкту менша за мінімальну.")
    if data.max_choices is not None and data.max_choices < 1:
        problems.append("Кількість проєктів категорії в бюлетені має бути не меншою за 1.")
    rule = pb_rules.normalize_rule(data.rule)
    if rule not in pb_rules.IMPLEMENTED_RULES and rule != keep_rule:
        problems.append(f"Невідоме правило визначення переможців «{data.rule}». Можливі: "
                        f"{', '.join(pb_rules.IMPLEMENTED_RULES)}.")
    if rule == pb_rules.GREEDY_THRESHOLD and data.threshold is None:
        problems.append("Для правила з порогом вкажіть мінімальну кількість голосів.")
    if data.threshold is not None and data.threshold < 0:
        problems.append("Поріг голосів не може бути від’ємним.")
    if rule in pb_rules.EQUAL_SHARES_RULES and vote_type not in ("approval", "choose-1"):
        problems.append("Метод рівних часток працює лише з бюлетенями підтримки (approval).")
    if problems:
        raise ValidationError(" ".join(problems))
    return replace(data, name=name, rule=rule)


def _check_category_names(cats: Sequence[CategoryData]) -> None:
    seen: set[str] = set()
    for c in cats:
        key = search_key(c.name)
        if key in seen:
            raise ValidationError(f"Категорія «{c.name}» повторюється.")
        seen.add(key)


def _add_category(s: Session, actor: Actor, cycle: BudgetCycle, data: CategoryData) -> BudgetCategory:
    cat = BudgetCategory(
        cycle_id=cycle.id, name=data.name, position=data.position or 0, budget=data.budget, min_cost=data.min_cost,
        max_cost=data.max_cost, max_choices=data.max_choices, rule=data.rule, threshold=data.threshold,
    )
    s.add(cat)
    s.flush()
    audit.record_object(s, actor, audit.Action.CREATE, cat, summary=f"{cycle.title}: категорія «{data.name}»")
    return cat


def _category_budget_check(s: Session, cycle: BudgetCycle, new_budget: int, exclude_id: int | None = None) -> None:
    stmt = select(func.coalesce(func.sum(BudgetCategory.budget), 0)).where(BudgetCategory.cycle_id == cycle.id)
    if exclude_id is not None:
        stmt = stmt.where(BudgetCategory.id != exclude_id)
    others = s.execute(stmt).scalar_one()
    if others + new_budget > cycle.total_budget:
        raise ValidationError(
            f"Бюджети категорій разом ({money_text(others + new_budget, cycle.currency)}) перевищують загальний "
            f"бюджет циклу ({money_text(cycle.total_budget, cycle.currency)}).",
            "Category budgets together exceed the cycle's budget.")


def _unique_category_name(s: Session, cycle_id: int, name: str, exclude_id: int | None = None) -> None:
    names = s.execute(select(BudgetCategory.id, BudgetCategory.name).where(BudgetCategory.cycle_id == cycle_id)).all()
    for cid, existing in names:
        if cid != exclude_id and search_key(existing) == search_key(name):
            raise ValidationError(f"Категорія «{name}» у цьому циклі вже є.")


def add_category(db: Database, actor: Actor, cycle_id: int, data: CategoryData) -> CategoryView:
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        cycle = get_or_404(s, BudgetCycle, cycle_id, "Цикл громадського бюджету")
        _refuse_if_approved(cycle, "Категорії")
        clean = validate_category(data, cycle.vote_type)
        _unique_category_name(s, cycle.id, clean.name)
        _category_budget_check(s, cycle, clean.budget)
        if clean.position is None:
            top = s.execute(select(func.max(BudgetCategory.position)).where(BudgetCategory.cycle_id == cycle.id))
            clean = replace(clean, position=(top.scalar_one() or 0) + 1)
        return _category_view(_add_category(s, actor, cycle, clean))


def update_category(db: Database, actor: Actor, category_id: int, data: CategoryData,
                    expected_version: int) -> CategoryView:
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        cat = get_or_404(s, BudgetCategory, category_id, "Категорію")
        check_version(cat, expected_version, "Категорію")
        cycle = s.get(BudgetCycle, cat.cycle_id)
        assert cycle is not None
        _refuse_if_approved(cycle, "Категорію")
        clean = validate_category(data, cycle.vote_type, keep_rule=cat.rule)
        _unique_category_name(s, cycle.id, clean.name, exclude_id=cat.id)
        _category_budget_check(s, cycle, clean.budget, exclude_id=cat.id)
        if clean.max_choices != cat.max_choices and _ballots_exist(s, cycle.id):
            raise ValidationError("Кількість проєктів категорії в бюлетені не можна змінювати після введення "
                                  "перших бюлетенів.")
        before = audit.snapshot(cat)
        cat.name, cat.budget, cat.min_cost, cat.max_cost = clean.name, clean.budget, clean.min_cost, clean.max_cost
        cat.max_choices, cat.rule, cat.threshold = clean.max_choices, clean.rule, clean.threshold
        if clean.position is not None:
            cat.position = clean.position
        s.flush()
        changes = audit.diff(before, audit.snapshot(cat))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, cat, changes=changes, summary=cat.name)
        return _category_view(cat)


def delete_category(db: Database, actor: Actor, category_id: int, expected_version: int) -> None:
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        cat = get_or_404(s, BudgetCategory, category_id, "Категорію")
        check_version(cat, expected_version, "Категорію")
        used = s.execute(select(func.count(BudgetProject.id)).where(BudgetProject.category_id == cat.id)).scalar_one()
        if used:
            raise ValidationError(f"У категорії «{cat.name}» є проєкти ({used}); спершу перенесіть або видаліть їх.")
        audit.record_object(s, actor, audit.Action.DELETE, cat, summary=cat.name)
        s.delete(cat)


# --------------------------------------------------------------------------- voting points


def _point_view(p: VotingPoint) -> PointView:
    return PointView(p.id, p.version, p.name, p.address, p.is_active)


def list_points(db: Database, *, active_only: bool = False) -> list[PointView]:
    stmt = select(VotingPoint).order_by(VotingPoint.name)
    if active_only:
        stmt = stmt.where(VotingPoint.is_active.is_(True))
    with db.read() as s:
        return [_point_view(p) for p in s.execute(stmt).scalars()]


def get_point(db: Database, point_id: int) -> PointView:
    with db.read() as s:
        return _point_view(get_or_404(s, VotingPoint, point_id, "Пункт голосування"))


def _validate_point(name: str, address: str) -> tuple[str, str]:
    name = _clean(name)
    if not name:
        raise ValidationError("Вкажіть назву пункту голосування.")
    if len(name) > 200:
        raise ValidationError("Назва пункту голосування задовга (понад 200 знаків).")
    return name, _clean(address)


def _unique_point(s: Session, name: str, exclude_id: int | None = None) -> None:
    for pid, existing in s.execute(select(VotingPoint.id, VotingPoint.name)).all():
        if pid != exclude_id and search_key(existing) == search_key(name):
            raise ValidationError(f"Пункт голосування «{name}» уже є.")


def add_point(db: Database, actor: Actor, name: str, address: str = "") -> PointView:
    require(actor, Permission.EDIT_RECORDS)
    name, address = _validate_point(name, address)
    with db.write() as s:
        _unique_point(s, name)
        point = VotingPoint(name=name, address=address, is_active=True)
        s.add(point)
        s.flush()
        audit.record_object(s, actor, audit.Action.CREATE, point, summary=f"Пункт голосування «{name}»")
        return _point_view(point)


def update_point(db: Database, actor: Actor, point_id: int, name: str, address: str, is_active: bool,
                 expected_version: int) -> PointView:
    require(actor, Permission.EDIT_RECORDS)
    name, address = _validate_point(name, address)
    with db.write() as s:
        point = get_or_404(s, VotingPoint, point_id, "Пункт голосування")
        check_version(point, expected_version, "Пункт голосування")
        _unique_point(s, name, exclude_id=point.id)
        before = audit.snapshot(point)
        point.name, point.address, point.is_active = name, address, bool(is_active)
        s.flush()
        changes = audit.diff(before, audit.snapshot(point))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, point, changes=changes, summary=name)
        return _point_view(point)


def delete_point(db: Database, actor: Actor, point_id: int, expected_version: int) -> None:
    """Delete an unused point; a point with ballots or operators can only be deactivated."""
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        point = get_or_404(s, VotingPoint, point_id, "Пункт голосування")
        check_version(point, expected_version, "Пункт голосування")
        used = (
            s.execute(select(Ballot.id).where(Ballot.voting_point_id == point.id).limit(1)).first()
            or s.execute(select(SpoiledBallot.id).where(SpoiledBallot.voting_point_id == point.id).limit(1)).first()
        )
        if used:
            raise ValidationError(f"На пункті «{point.name}» уже голосували; його можна лише вимкнути.",
                                  "Ballots were cast at this point; deactivate it instead.")
        if s.execute(select(User.id).where(User.voting_point_id == point.id).limit(1)).first():
            raise ValidationError(f"До пункту «{point.name}» прив’язано операторів; спершу змініть їхній пункт.")
        audit.record_object(s, actor, audit.Action.DELETE, point, summary=point.name)
        s.delete(point)


def point_names(db: Database) -> dict[int, str]:
    with db.read() as s:
        return dict(s.execute(select(VotingPoint.id, VotingPoint.name)).all())


# --------------------------------------------------------------------------- projects


@dataclass(frozen=True)
class ProjectFilter:
    category_id: int | None = None
    status: str | None = None
    text: str = ""


def list_projects(db: Database, cycle_id: int, flt: ProjectFilter = ProjectFilter()) -> list[ProjectView]:
    """Projects of a cycle by number (without cost items: see :func:`get_project`)."""
    stmt = (select(BudgetProject, BudgetCategory.name)
            .join(BudgetCategory, BudgetCategory.id == BudgetProject.category_id)
            .where(BudgetProject.cycle_id == cycle_id).order_by(BudgetProject.number))
    if flt.category_id is not None:
        stmt = stmt.where(BudgetProject.category_id == flt.category_id)
    if flt.status:
        stmt = stmt.where(BudgetProject.status == flt.status)
    key = search_key(flt.text)
    if key:
        escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(BudgetProject.search_key.like(f"%{escaped}%", escape="\\"))
    with db.read() as s:
        return [_project_view(p, cname) for p, cname in s.execute(stmt)]


def get_project(db: Database, project_id: int) -> ProjectView:
    with db.read() as s:
        p = get_or_404(s, BudgetProject, project_id, "Проєкт")
        cat = s.get(BudgetCategory, p.category_id)
        items = s.execute(select(CostItem).where(CostItem.project_id == p.id)
                          .order_by(CostItem.position, CostItem.id)).scalars().all()
        return _project_view(p, cat.name if cat else "", items)


def project_choices(db: Database) -> list[tuple[int, str]]:
    """(id, label) of every project that took part in a vote, newest cycle first (for the project card)."""
    with db.read() as s:
        rows = s.execute(
            select(BudgetProject.id, BudgetProject.number, BudgetProject.title, BudgetCycle.year)
            .join(BudgetCycle, BudgetCycle.id == BudgetProject.cycle_id)
            .where(BudgetProject.status.in_([str(x) for x in VOTED_STATUSES]))
            .order_by(BudgetCycle.year.desc(), BudgetCycle.id.desc(), BudgetProject.number)
        ).all()
    return [(r.id, f"{r.year} · №{r.number} {r.title}") for r in rows]


def _validate_project(data: ProjectData) -> ProjectData:
    problems: list[str] = []
    title = _clean(data.title)
    if not title:
        problems.append("Вкажіть назву проєкту.")
    elif len(title) > 500:
        problems.append("Назва проєкту задовга (понад 500 знаків).")
    if data.number is not None and not 1 <= data.number <= 99_999:
        problems.append("Номер проєкту — ціле число від 1 до 99 999.")
    items: list[CostItemData] = []
    for index, item in enumerate(data.items, start=1):
        desc = _clean(item.description)
        if not desc:
            problems.append(f"Стаття кошторису {index}: вкажіть, на що кошти.")
        try:
            _money(item.amount, f"Стаття кошторису {index}", allow_zero=False)
        except ValidationError as exc:
            problems.append(exc.message)
        items.append(CostItemData(desc, item.amount))
    if not items:
        problems.append("Додайте хоча б одну статтю кошторису: вартість проєкту — це сума статей.")
    if problems:
        raise ValidationError(" ".join(problems))
    return replace(data, title=title, items=tuple(items), description=_multiline(data.description),
                   author_name=_clean(data.author_name), author_contact=_clean(data.author_contact),
                   location=_clean(data.location), district=_clean(data.district))


def _search_key_for(number: int, title: str, author: str, location: str, district: str) -> str:
    return search_key(f"{number} {title} {author} {location} {district}")[:800]


def _write_items(s: Session, project: BudgetProject, items: Sequence[CostItemData]) -> None:
    s.execute(delete(CostItem).where(CostItem.project_id == project.id))
    for position, item in enumerate(items):
        s.add(CostItem(project_id=project.id, position=position, description=item.description, amount=item.amount))
    project.cost = sum(i.amount for i in items)


def _items_json(items: Sequence[CostItemData]) -> list[list[Any]]:
    return [[i.description, i.amount] for i in items]


def add_project(db: Database, actor: Actor, cycle_id: int, data: ProjectData) -> ProjectView:
    """Register a submitted project; its cost is the sum of its cost items."""
    require(actor, Permission.EDIT_RECORDS)
    clean = _validate_project(data)
    with db.write() as s:
        cycle = get_or_404(s, BudgetCycle, cycle_id, "Цикл громадського бюджету")
        _refuse_if_approved(cycle, "Проєкти")
        cat = get_or_404(s, BudgetCategory, clean.category_id, "Категорію")
        if cat.cycle_id != cycle.id:
            raise ValidationError("Категорія належить іншому циклу.")
        number = clean.number
        if number is None:
            number = (s.execute(select(func.max(BudgetProject.number)).where(BudgetProject.cycle_id == cycle.id))
                      .scalar_one() or 0) + 1
        _unique_number(s, cycle.id, number)
        project = BudgetProject(
            cycle_id=cycle.id, category_id=cat.id, number=number, code=str(number), title=clean.title,
            description=clean.description, author_name=clean.author_name, author_contact=clean.author_contact,
            location=clean.location, district=clean.district, status=ProjectStatus.SUBMITTED.value,
            search_key=_search_key_for(number, clean.title, clean.author_name, clean.location, clean.district),
        )
        s.add(project)
        s.flush()
        _write_items(s, project, clean.items)
        s.flush()
        created = {k: [None, v] for k, v in audit.snapshot(project).items() if v not in (None, "")}
        audit.record_object(s, actor, audit.Action.CREATE, project, summary=f"Проєкт №{number}: {clean.title}",
                            changes={**created, "items": [None, _items_json(clean.items)]})
        return _project_view(project, cat.name, _items(s, project.id))


def _items(s: Session, project_id: int) -> list[CostItem]:
    return list(s.execute(select(CostItem).where(CostItem.project_id == project_id)
                          .order_by(CostItem.position, CostItem.id)).scalars())


def _unique_number(s: Session, cycle_id: int, number: int, exclude_id: int | None = None) -> None:
    stmt = select(BudgetProject.title).where(BudgetProject.cycle_id == cycle_id, BudgetProject.number == number)
    if exclude_id is not None:
        stmt = stmt.where(BudgetProject.id != exclude_id)
    other = s.execute(stmt).scalar_one_or_none()
    if other is not None:
        raise ValidationError(f"Номер {number} уже має проєкт «{other}».", f"Number {number} is taken.")


def _project_has_votes(s: Session, project_id: int) -> bool:
    return s.execute(select(BallotChoice.ballot_id).where(BallotChoice.project_id == project_id).limit(1)).first() \
        is not None


def update_project(db: Database, actor: Actor, project_id: int, data: ProjectData,
                   expected_version: int) -> ProjectView:
    require(actor, Permission.EDIT_RECORDS)
    clean = _validate_project(data)
    with db.write() as s:
        project = get_or_404(s, BudgetProject, project_id, "Проєкт")
        check_version(project, expected_version, "Проєкт")
        cycle = s.get(BudgetCycle, project.cycle_id)
        assert cycle is not None
        cat = get_or_404(s, BudgetCategory, clean.category_id, "Категорію")
        if cat.cycle_id != cycle.id:
            raise ValidationError("Категорія належить іншому циклу.")
        number = project.number if clean.number is None else clean.number
        old_items = [CostItemData(i.description, i.amount) for i in _items(s, project.id)]
        structural = (number != project.number or cat.id != project.category_id
                      or old_items != list(clean.items))
        if structural:
            _refuse_if_approved(cycle, "Номер, категорію і кошторис проєкту")
            if (number != project.number or cat.id != project.category_id) and _project_has_votes(s, project.id):
                raise ValidationError("За проєкт уже голосували: його номер і категорію змінити не можна.")
        if number != project.number:
            _unique_number(s, cycle.id, number, exclude_id=project.id)
        before = audit.snapshot(project)
        project.number = number
        if project.code == str(before["number"]):
            project.code = str(number)
        project.category_id = cat.id
        project.title, project.description = clean.title, clean.description
        project.author_name, project.author_contact = clean.author_name, clean.author_contact
        project.location, project.district = clean.location, clean.district
        project.search_key = _search_key_for(number, clean.title, clean.author_name, clean.location, clean.district)
        if old_items != list(clean.items):
            _write_items(s, project, clean.items)
        s.flush()
        changes = audit.diff(before, audit.snapshot(project))
        if old_items != list(clean.items):
            changes["items"] = [_items_json(old_items), _items_json(clean.items)]
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, project, changes=changes,
                                summary=f"Проєкт №{number}: {clean.title}")
        return _project_view(project, cat.name, _items(s, project.id))


def review_project(db: Database, actor: Actor, project_id: int, eligible: bool, reason: str,
                   expected_version: int) -> ProjectView:
    """The review decision: admitted to the vote, or not admitted with a written reason."""
    require(actor, Permission.EDIT_RECORDS)
    reason = _multiline(reason)
    with db.write() as s:
        project = get_or_404(s, BudgetProject, project_id, "Проєкт")
        check_version(project, expected_version, "Проєкт")
        cycle = s.get(BudgetCycle, project.cycle_id)
        assert cycle is not None
        _refuse_if_approved(cycle, "Рішення щодо допуску проєкту")
        cat = s.get(BudgetCategory, project.category_id)
        assert cat is not None
        if eligible:
            if project.cost < cat.min_cost or (cat.max_cost is not None and project.cost > cat.max_cost):
                limits = f"від {money_text(cat.min_cost, cycle.currency)}" + (
                    f" до {money_text(cat.max_cost, cycle.currency)}" if cat.max_cost is not None else "")
                raise ValidationError(
                    f"Вартість проєкту №{project.number} ({money_text(project.cost, cycle.currency)}) поза межами "
                    f"категорії «{cat.name}» ({limits}). Змініть кошторис або категорію, або не допускайте проєкт.",
                    "The project's cost is outside the category's limits.")
            new_status = ProjectStatus.ELIGIBLE
        else:
            if not reason:
                raise ValidationError("Вкажіть причину, з якої проєкт не допущено: автор має право її знати.",
                                      "Give the reason the project is not admitted.")
            if _project_has_votes(s, project.id):
                raise ValidationError("За проєкт уже подано голоси; відхилити його під час голосування не можна.")
            new_status = ProjectStatus.INELIGIBLE
        before = audit.snapshot(project)
        project.status = new_status.value
        project.status_reason = reason
        s.flush()
        changes = audit.diff(before, audit.snapshot(project))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, project, changes=changes,
                                summary=f"Проєкт №{project.number}: {project_status_title(new_status)}")
        return _project_view(project, cat.name, _items(s, project.id))


def delete_project(db: Database, actor: Actor, project_id: int, expected_version: int) -> None:
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        project = get_or_404(s, BudgetProject, project_id, "Проєкт")
        check_version(project, expected_version, "Проєкт")
        cycle = s.get(BudgetCycle, project.cycle_id)
        assert cycle is not None
        _refuse_if_approved(cycle, "Проєкт")
        if _project_has_votes(s, project.id):
            raise ValidationError("За проєкт уже голосували; видалити його не можна.")
        s.execute(delete(CostItem).where(CostItem.project_id == project.id))
        audit.record_object(s, actor, audit.Action.DELETE, project, summary=f"Проєкт №{project.number}: "
                                                                              f"{project.title}")
        s.delete(project)


# --------------------------------------------------------------------------- implementation


@dataclass(frozen=True)
class MilestoneView:
    id: int
    version: int
    project_id: int
    position: int
    title: str
    due_on: date | None
    done_on: date | None
    notes: str

    def overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class ImplementationView:
    id: int
    version: int
    project_id: int
    project_number: int
    project_title: str
    category_name: str
    location: str
    cost: int
    status: str
    progress: int
    allocated: int
    spent: int
    contractor: str
    started_on: date | None
    completed_on: date | None
    notes: str
    milestones: tuple[MilestoneView, ...] = ()

    def status_title(self, language: str = "uk") -> str:
        return implementation_status_title(self.status, language)

    @property
    def milestones_done(self) -> int:
        return sum(1 for m in self.milestones if m.done_on is not None)

    def next_milestone(self) -> MilestoneView | None:
        pending = [m for m in self.milestones if m.done_on is None]
        return min(pending, key=lambda m: (m.due_on is None, m.due_on or date.max, m.position), default=None)


@dataclass(frozen=True)
class ImplementationData:
    status: str
    progress: int
    allocated: int
    spent: int
    contractor: str = ""
    started_on: date | None = None
    completed_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class MilestoneData:
    title: str
    due_on: date | None = None
    done_on: date | None = None
    notes: str = ""


def _milestone_view(m: Milestone) -> MilestoneView:
    return MilestoneView(m.id, m.version, m.project_id, m.position, m.title, m.due_on, m.done_on, m.notes)


def _implementation_views(s: Session, cycle_id: int, project_id: int | None = None) -> list[ImplementationView]:
    stmt = (select(Implementation, BudgetProject, BudgetCategory.name)
            .join(BudgetProject, BudgetProject.id == Implementation.project_id)
            .join(BudgetCategory, BudgetCategory.id == BudgetProject.category_id)
            .where(BudgetProject.cycle_id == cycle_id).order_by(BudgetCategory.position, BudgetProject.number))
    if project_id is not None:
        stmt = stmt.where(BudgetProject.id == project_id)
    rows = s.execute(stmt).all()
    ids = [p.id for _, p, _ in rows]
    milestones: dict[int, list[MilestoneView]] = {}
    if ids:
        for m in s.execute(select(Milestone).where(Milestone.project_id.in_(ids))
                           .order_by(Milestone.position, Milestone.id)).scalars():
            milestones.setdefault(m.project_id, []).append(_milestone_view(m))
    return [
        ImplementationView(
            id=i.id, version=i.version, project_id=p.id, project_number=p.number, project_title=p.title,
            category_name=cname, location=p.location, cost=p.cost, status=i.status, progress=i.progress,
            allocated=i.allocated, spent=i.spent, contractor=i.contractor, started_on=i.started_on,
            completed_on=i.completed_on, notes=i.notes, milestones=tuple(milestones.get(p.id, ())),
        )
        for i, p, cname in rows
    ]


def list_implementation(db: Database, cycle_id: int) -> list[ImplementationView]:
    """The implementation of every winner of a cycle, with milestones."""
    with db.read() as s:
        return _implementation_views(s, cycle_id)


def get_implementation(db: Database, project_id: int) -> ImplementationView:
    with db.read() as s:
        project = get_or_404(s, BudgetProject, project_id, "Проєкт")
        views = _implementation_views(s, project.cycle_id, project.id)
        if not views:
            raise NotFoundError("Проєкт не є переможцем, тому реалізації в нього немає.",
                                "The project is not a winner and has no implementation.")
        return views[0]


def _validate_implementation(data: ImplementationData) -> ImplementationData:
    problems: list[str] = []
    if data.status not in {s.value for s in ImplementationStatus}:
        problems.append(f"Невідомий стан реалізації «{data.status}».")
    if not 0 <= data.progress <= 100:
        problems.append("Готовність — від 0 до 100 %.")
    for what, value in (("Виділено", data.allocated), ("Витрачено", data.spent)):
        try:
            _money(value, what)
        except ValidationError as exc:
            problems.append(exc.message)
    if data.status == ImplementationStatus.COMPLETED:
        if data.completed_on is None:
            problems.append("Для завершеного проєкту вкажіть дату завершення.")
    elif data.completed_on is not None:
        problems.append("Дату завершення вказують лише для завершеного проєкту.")
    if data.started_on and data.completed_on and data.completed_on < data.started_on:
        problems.append("Дата завершення раніша за дату початку.")
    if problems:
        raise ValidationError(" ".join(problems))
    progress = 100 if data.status == ImplementationStatus.COMPLETED else data.progress
    return replace(data, progress=progress, contractor=_clean(data.contractor), notes=_multiline(data.notes))


def update_implementation(db: Database, actor: Actor, project_id: int, data: ImplementationData,
                          expected_version: int) -> ImplementationView:
    require(actor, Permission.EDIT_RECORDS)
    clean = _validate_implementation(data)
    with db.write() as s:
        impl = s.execute(select(Implementation).where(Implementation.project_id == project_id)).scalar_one_or_none()
        if impl is None:
            raise NotFoundError("Проєкт не є переможцем, тому реалізації в нього немає.")
        check_version(impl, expected_version, "Реалізацію проєкту")
        project = s.get(BudgetProject, project_id)
        assert project is not None
        before = audit.snapshot(impl)
        for key in ("status", "progress", "allocated", "spent", "contractor", "started_on", "completed_on", "notes"):
            setattr(impl, key, getattr(clean, key))
        new_status = {
            ImplementationStatus.PLANNED: ProjectStatus.WINNER,
            ImplementationStatus.IN_PROGRESS: ProjectStatus.IN_IMPLEMENTATION,
            ImplementationStatus.SUSPENDED: ProjectStatus.IN_IMPLEMENTATION,
            ImplementationStatus.COMPLETED: ProjectStatus.COMPLETED,
        }[ImplementationStatus(clean.status)]
        if project.status != new_status.value:
            old = project.status
            project.status = new_status.value
            s.flush()
            audit.record_object(s, actor, audit.Action.UPDATE, project, changes={"status": [old, new_status.value]},
                                summary=f"Проєкт №{project.number}: {project_status_title(new_status)}")
        s.flush()
        changes = audit.diff(before, audit.snapshot(impl))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, impl, changes=changes,
                                summary=f"Реалізація проєкту №{project.number}")
        return _implementation_views(s, project.cycle_id, project.id)[0]


def _validate_milestone(data: MilestoneData) -> MilestoneData:
    title = _clean(data.title)
    if not title:
        raise ValidationError("Вкажіть назву етапу.")
    return replace(data, title=title, notes=_multiline(data.notes))


def add_milestone(db: Database, actor: Actor, project_id: int, data: MilestoneData) -> MilestoneView:
    require(actor, Permission.EDIT_RECORDS)
    clean = _validate_milestone(data)
    with db.write() as s:
        project = get_or_404(s, BudgetProject, project_id, "Проєкт")
        if s.execute(select(Implementation.id).where(Implementation.project_id == project.id)).first() is None:
            raise ValidationError("Етапи реалізації додають лише до проєктів-переможців.")
        top = s.execute(select(func.max(Milestone.position)).where(Milestone.project_id == project.id)).scalar_one()
        m = Milestone(project_id=project.id, position=(top or 0) + 1, title=clean.title, due_on=clean.due_on,
                      done_on=clean.done_on, notes=clean.notes)
        s.add(m)
        s.flush()
        audit.record_object(s, actor, audit.Action.CREATE, m, summary=f"Проєкт №{project.number}: етап «{m.title}»")
        return _milestone_view(m)


def update_milestone(db: Database, actor: Actor, milestone_id: int, data: MilestoneData,
                     expected_version: int) -> MilestoneView:
    require(actor, Permission.EDIT_RECORDS)
    clean = _validate_milestone(data)
    with db.write() as s:
        m = get_or_404(s, Milestone, milestone_id, "Етап")
        check_version(m, expected_version, "Етап")
        before = audit.snapshot(m)
        m.title, m.due_on, m.done_on, m.notes = clean.title, clean.due_on, clean.done_on, clean.notes
        s.flush()
        changes = audit.diff(before, audit.snapshot(m))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, m, changes=changes, summary=m.title)
        return _milestone_view(m)


def delete_milestone(db: Database, actor: Actor, milestone_id: int, expected_version: int) -> None:
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        m = get_or_404(s, Milestone, milestone_id, "Етап")
        check_version(m, expected_version, "Етап")
        audit.record_object(s, actor, audit.Action.DELETE, m, summary=m.title)
        s.delete(m)


# --------------------------------------------------------------------------- due soon


DUE_HORIZON_DAYS = 14


def due_items(db: Database, today: date) -> list[DueItem]:
    """Milestones due within two weeks or overdue, and votes that end within a week."""
    items: list[DueItem] = []
    with db.read() as s:
        rows = s.execute(
            select(Milestone.title, Milestone.due_on, BudgetProject.id, BudgetProject.number)
            .join(BudgetProject, BudgetProject.id == Milestone.project_id)
            .where(Milestone.done_on.is_(None), Milestone.due_on.is_not(None),
                   Milestone.due_on <= date.fromordinal(today.toordinal() + DUE_HORIZON_DAYS))
        ).all()
        for title, due_on, project_id, number in rows:
            assert due_on is not None  # filtered in the query
            items.append(DueItem(due=due_on, area_uk="Громадський бюджет", area_en="Participatory budget",
                                 title=f"Проєкт №{number}: {title}", overdue=due_on < today, page=AREA,
                                 record_id=project_id, title_en=f"Project No. {number}: {title}"))
        cycles = s.execute(select(BudgetCycle.id, BudgetCycle.title, BudgetCycle.voting_end)
                           .where(BudgetCycle.results_approved_at.is_(None), BudgetCycle.voting_end.is_not(None))).all()
        for _cycle_id, title, voting_end in cycles:
            if voting_end is not None and today <= voting_end <= date.fromordinal(today.toordinal() + 7):
                items.append(DueItem(due=voting_end, area_uk="Громадський бюджет", area_en="Participatory budget",
                                     title=f"Кінець голосування: {title}", overdue=False, page=AREA,
                                     title_en=f"End of voting: {title}"))
    return items


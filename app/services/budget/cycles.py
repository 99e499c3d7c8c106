"""Participatory budget cycles: one year's budget, its dates, ballot rules and tie-breaking rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select

from app.db.engine import Database
from app.db.models.budget import (
    BudgetCategory,
    BudgetCycle,
    BudgetProject,
    CostItem,
    Implementation,
    Milestone,
    SpoiledBallot,
)
from app.domain import pb
from app.domain.budget import VOTE_TYPES
from app.domain.formats import format_date
from app.errors import ValidationError
from app.services.budget.categories import CategoryData, add_category_row, check_category_names, validate_category
from app.services.budget.common import ballots_exist, check_money, clean_text, money_text, multiline, refuse_if_approved
from app.services.budget.views import CycleView, cycle_view
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.records import check_version, get_or_404


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
    tie_break: tuple[str, ...] = tuple(t.value for t in pb.DEFAULT_TIE_BREAK)


def list_cycles(db: Database) -> list[CycleView]:
    """Every cycle, the newest year first."""
    with db.read() as s:
        cycles = s.execute(select(BudgetCycle).order_by(BudgetCycle.year.desc(), BudgetCycle.id.desc())).scalars()
        return [cycle_view(s, c) for c in cycles]


def get_cycle(db: Database, cycle_id: int) -> CycleView:
    with db.read() as s:
        return cycle_view(s, get_or_404(s, BudgetCycle, cycle_id, "Цикл громадського бюджету"))


def cycle_choices(db: Database) -> list[tuple[int, str]]:
    """(id, label) of every cycle, for report pickers."""
    with db.read() as s:
        rows = s.execute(select(BudgetCycle.id, BudgetCycle.year, BudgetCycle.title)
                         .order_by(BudgetCycle.year.desc(), BudgetCycle.id.desc())).all()
    return [(r.id, f"{r.year} — {r.title}") for r in rows]


def validate_cycle(data: CycleData) -> CycleData:
    problems: list[str] = []
    title = clean_text(data.title)
    if not title:
        problems.append("Вкажіть назву циклу.")
    if not 2000 <= data.year <= 2100:
        problems.append("Рік має бути між 2000 і 2100.")
    try:
        check_money(data.total_budget, "Загальний бюджет", allow_zero=False)
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
        tie_break = tuple(t.value for t in pb.complete_tie_break(data.tie_break))
    except pb.PbRuleError as exc:
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
    return replace(data, title=title, currency=currency, description=multiline(data.description), tie_break=tie_break)


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
    check_category_names(cats)
    if sum(c.budget for c in cats) > clean.total_budget:
        raise ValidationError("Сума бюджетів категорій перевищує загальний бюджет циклу.")
    with db.write() as s:
        cycle = BudgetCycle(**_cycle_columns(clean))
        s.add(cycle)
        s.flush()
        audit.record_object(s, actor, audit.Action.CREATE, cycle, summary=f"Цикл {clean.year}: {clean.title}")
        for position, cat in enumerate(cats):
            add_category_row(s, actor, cycle, replace(cat, position=position if cat.position is None else cat.position))
        return cycle_view(s, cycle)


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
            refuse_if_approved(cycle, "Правила і бюджет циклу")
        if changed & set(_BALLOT_RULE_FIELDS) and ballots_exist(s, cycle.id):
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
        return cycle_view(s, cycle)


def delete_cycle(db: Database, actor: Actor, cycle_id: int, expected_version: int) -> None:
    """Delete a cycle that has no ballots yet (with its categories and projects)."""
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        cycle = get_or_404(s, BudgetCycle, cycle_id, "Цикл громадського бюджету")
        check_version(cycle, expected_version, "Цикл громадського бюджету")
        if ballots_exist(s, cycle.id):
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

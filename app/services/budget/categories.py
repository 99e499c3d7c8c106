"""Categories of a cycle (e.g. small and large projects): each with its budget, cost limits and outcome rule."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.budget import BudgetCategory, BudgetCycle, BudgetProject
from app.domain import pb
from app.domain.names import search_key
from app.errors import ValidationError
from app.services.budget.common import ballots_exist, check_money, clean_text, money_text, refuse_if_approved
from app.services.budget.views import CategoryView, category_view
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.records import check_version, get_or_404


@dataclass(frozen=True)
class CategoryData:
    name: str
    budget: int
    min_cost: int = 0
    max_cost: int | None = None
    max_choices: int | None = None
    rule: str = pb.GREEDY
    threshold: int | None = None
    position: int | None = None


def validate_category(data: CategoryData, vote_type: str = "approval", *, keep_rule: str | None = None) -> CategoryData:
    problems: list[str] = []
    name = clean_text(data.name)
    if not name:
        problems.append("Вкажіть назву категорії.")
    for what, value in (("Бюджет категорії", data.budget), ("Мінімальна вартість", data.min_cost)):
        try:
            check_money(value, what)
        except ValidationError as exc:
            problems.append(exc.message)
    if data.max_cost is not None:
        try:
            check_money(data.max_cost, "Максимальна вартість", allow_zero=False)
        except ValidationError as exc:
            problems.append(exc.message)
        if data.max_cost < data.min_cost:
            problems.append("Максимальна вартість проєкту менша за мінімальну.")
    if data.max_choices is not None and data.max_choices < 1:
        problems.append("Кількість проєктів категорії в бюлетені має бути не меншою за 1.")
    rule = pb.normalize_rule(data.rule)
    if rule not in pb.IMPLEMENTED_RULES and rule != keep_rule:
        problems.append(f"Невідоме правило визначення переможців «{data.rule}». Можливі: "
                        f"{', '.join(pb.IMPLEMENTED_RULES)}.")
    if rule == pb.GREEDY_THRESHOLD and data.threshold is None:
        problems.append("Для правила з порогом вкажіть мінімальну кількість голосів.")
    if data.threshold is not None and data.threshold < 0:
        problems.append("Поріг голосів не може бути від’ємним.")
    if rule in pb.EQUAL_SHARES_RULES and vote_type not in ("approval", "choose-1"):
        problems.append("Метод рівних часток працює лише з бюлетенями підтримки (approval).")
    if problems:
        raise ValidationError(" ".join(problems))
    return replace(data, name=name, rule=rule)


def check_category_names(cats: Sequence[CategoryData]) -> None:
    """Refuse two categories with the same name (compared without case and spacing)."""
    seen: set[str] = set()
    for c in cats:
        key = search_key(c.name)
        if key in seen:
            raise ValidationError(f"Категорія «{c.name}» повторюється.")
        seen.add(key)


def add_category_row(s: Session, actor: Actor, cycle: BudgetCycle, data: CategoryData) -> BudgetCategory:
    """Insert one validated category of ``cycle`` in the caller's transaction, with its audit event."""
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
        refuse_if_approved(cycle, "Категорії")
        clean = validate_category(data, cycle.vote_type)
        _unique_category_name(s, cycle.id, clean.name)
        _category_budget_check(s, cycle, clean.budget)
        if clean.position is None:
            top = s.execute(select(func.max(BudgetCategory.position)).where(BudgetCategory.cycle_id == cycle.id))
            clean = replace(clean, position=(top.scalar_one() or 0) + 1)
        return category_view(add_category_row(s, actor, cycle, clean))


def update_category(db: Database, actor: Actor, category_id: int, data: CategoryData,
                    expected_version: int) -> CategoryView:
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        cat = get_or_404(s, BudgetCategory, category_id, "Категорію")
        check_version(cat, expected_version, "Категорію")
        cycle = s.get(BudgetCycle, cat.cycle_id)
        assert cycle is not None
        refuse_if_approved(cycle, "Категорію")
        clean = validate_category(data, cycle.vote_type, keep_rule=cat.rule)
        _unique_category_name(s, cycle.id, clean.name, exclude_id=cat.id)
        _category_budget_check(s, cycle, clean.budget, exclude_id=cat.id)
        if clean.max_choices != cat.max_choices and ballots_exist(s, cycle.id):
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
        return category_view(cat)


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

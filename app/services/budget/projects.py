"""Projects of a cycle: registration with cost items, review (admitted or not, with the reason), changes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.budget import BallotChoice, BudgetCategory, BudgetCycle, BudgetProject, CostItem
from app.domain.budget import VOTED_STATUSES, ProjectStatus
from app.domain.names import search_key
from app.errors import ValidationError
from app.services.budget.common import check_money, clean_text, money_text, multiline, refuse_if_approved
from app.services.budget.views import CostItemData, ProjectView, project_view
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.records import check_version, get_or_404


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
        return [project_view(p, cname) for p, cname in s.execute(stmt)]


def get_project(db: Database, project_id: int) -> ProjectView:
    with db.read() as s:
        p = get_or_404(s, BudgetProject, project_id, "Проєкт")
        cat = s.get(BudgetCategory, p.category_id)
        items = s.execute(select(CostItem).where(CostItem.project_id == p.id)
                          .order_by(CostItem.position, CostItem.id)).scalars().all()
        return project_view(p, cat.name if cat else "", items)


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
    title = clean_text(data.title)
    if not title:
        problems.append("Вкажіть назву проєкту.")
    elif len(title) > 500:
        problems.append("Назва проєкту задовга (понад 500 знаків).")
    if data.number is not None and not 1 <= data.number <= 99_999:
        problems.append("Номер проєкту — ціле число від 1 до 99 999.")
    items: list[CostItemData] = []
    for index, item in enumerate(data.items, start=1):
        desc = clean_text(item.description)
        if not desc:
            problems.append(f"Стаття кошторису {index}: вкажіть, на що кошти.")
        try:
            check_money(item.amount, f"Стаття кошторису {index}", allow_zero=False)
        except ValidationError as exc:
            problems.append(exc.message)
        items.append(CostItemData(desc, item.amount))
    if not items:
        problems.append("Додайте хоча б одну статтю кошторису: вартість проєкту — це сума статей.")
    if problems:
        raise ValidationError(" ".join(problems))
    return replace(data, title=title, items=tuple(items), description=multiline(data.description),
                   author_name=clean_text(data.author_name), author_contact=clean_text(data.author_contact),
                   location=clean_text(data.location), district=clean_text(data.district))


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
        refuse_if_approved(cycle, "Проєкти")
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
        return project_view(project, cat.name, _items(s, project.id))


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
            refuse_if_approved(cycle, "Номер, категорію і кошторис проєкту")
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
        return project_view(project, cat.name, _items(s, project.id))


def review_project(db: Database, actor: Actor, project_id: int, eligible: bool, reason: str,
                   expected_version: int) -> ProjectView:
    """The review decision: admitted to the vote, or not admitted with a written reason."""
    require(actor, Permission.EDIT_RECORDS)
    reason = multiline(reason)
    with db.write() as s:
        project = get_or_404(s, BudgetProject, project_id, "Проєкт")
        check_version(project, expected_version, "Проєкт")
        cycle = s.get(BudgetCycle, project.cycle_id)
        assert cycle is not None
        refuse_if_approved(cycle, "Рішення щодо допуску проєкту")
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
                                summary=f"Проєкт №{project.number}: {new_status.label()}")
        return project_view(project, cat.name, _items(s, project.id))


def delete_project(db: Database, actor: Actor, project_id: int, expected_version: int) -> None:
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        project = get_or_404(s, BudgetProject, project_id, "Проєкт")
        check_version(project, expected_version, "Проєкт")
        cycle = s.get(BudgetCycle, project.cycle_id)
        assert cycle is not None
        refuse_if_approved(cycle, "Проєкт")
        if _project_has_votes(s, project.id):
            raise ValidationError("За проєкт уже голосували; видалити його не можна.")
        s.execute(delete(CostItem).where(CostItem.project_id == project.id))
        audit.record_object(s, actor, audit.Action.DELETE, project, summary=f"Проєкт №{project.number}: "
                                                                              f"{project.title}")
        s.delete(project)

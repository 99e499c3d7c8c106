"""Implementation of the winners: state, progress, money allocated and spent, contractor, milestones."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.budget import BudgetCategory, BudgetProject, Implementation, Milestone
from app.domain.budget import ImplementationStatus, project_status_for
from app.errors import NotFoundError, ValidationError
from app.services.budget.common import check_money, clean_text, multiline
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.records import check_version, get_or_404


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
        return ImplementationStatus.title_of(self.status, language)

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
            check_money(value, what)
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
    return replace(data, progress=progress, contractor=clean_text(data.contractor), notes=multiline(data.notes))


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
        new_status = project_status_for(ImplementationStatus(clean.status))
        if project.status != new_status.value:
            old = project.status
            project.status = new_status.value
            s.flush()
            audit.record_object(s, actor, audit.Action.UPDATE, project, changes={"status": [old, new_status.value]},
                                summary=f"Проєкт №{project.number}: {new_status.label()}")
        s.flush()
        changes = audit.diff(before, audit.snapshot(impl))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, impl, changes=changes,
                                summary=f"Реалізація проєкту №{project.number}")
        return _implementation_views(s, project.cycle_id, project.id)[0]


def _validate_milestone(data: MilestoneData) -> MilestoneData:
    title = clean_text(data.title)
    if not title:
        raise ValidationError("Вкажіть назву етапу.")
    return replace(data, title=title, notes=multiline(data.notes))


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

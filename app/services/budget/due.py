"""What the participatory budget puts on the home page's "due soon" list."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.db.engine import Database
from app.db.models.budget import BudgetCycle, BudgetProject, Milestone
from app.services.budget.common import AREA
from app.services.core.due import DueItem

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

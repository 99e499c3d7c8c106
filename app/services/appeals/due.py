"""The home page's "due soon" list: open appeals near or past their answer date."""

from __future__ import annotations

import datetime as dt

from app.db.engine import Database
from app.domain.deadlines import DeadlineState
from app.services.appeals.reads import AppealFilter, list_appeals
from app.services.core.due import DueItem

PAGE_KEY = "appeals"


def due_items(db: Database, today: dt.date) -> list[DueItem]:
    """Open appeals whose answer is due within the warning period, or overdue."""
    rows = list_appeals(db, today, AppealFilter(state="open"))
    return [
        DueItem(due=r.due_on, area_uk="Звернення", area_en="Appeal",
                title=f"Звернення {r.reg_number}: {r.topic}" + (f" — {r.assignee}" if r.assignee else ""),
                overdue=r.deadline is DeadlineState.OVERDUE, page=PAGE_KEY, record_id=r.id,
                title_en=f"Appeal {r.reg_number}: {r.topic}" + (f" — {r.assignee}" if r.assignee else ""))
        for r in rows if r.deadline in (DeadlineState.DUE_SOON, DeadlineState.OVERDUE)
    ]

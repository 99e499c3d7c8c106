"""``appeals-overdue``: unanswered appeals past their due date, by assignee (internal: shows applicants)."""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from pathlib import Path

from reportlab.platypus import Flowable

from app.db.engine import Database
from app.domain.formats import format_date, format_int
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import build_pdf, data_table, paragraph, section
from app.services import appeals
from app.services.core.progress import ProgressCallback, report


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    today = dt.date.today()
    report(progress, 0, 2, "Прострочені звернення")
    overdue = appeals.overdue_appeals(db, today)
    story: list[Flowable] = [paragraph(
        f"Станом на {format_date(today)} без відповіді після строку: {format_int(len(overdue))} звернень. "
        "Список для службового користування: містить персональні дані заявників, щоб з ними можна було "
        "зв’язатися; не поширюйте його.")]
    for assignee, group in groupby(overdue, key=lambda o: o.row.assignee):
        items = list(group)
        story += section(f"{assignee or 'Виконавця не призначено'} — {len(items)}")
        story += data_table(
            ["Реєстр. №", "Надійшло", "Строк", "Днів понад строк", "Заявник", "Контакти", "Тема, зміст"],
            [[o.row.reg_number, format_date(o.row.received_on),
              format_date(o.row.due_on) + (" (продовжено)" if o.row.extended else ""),
              format_int(o.days_overdue), o.row.applicant_name,
              "\n".join(part for part in (o.applicant_phone, o.applicant_email, o.applicant_address) if part),
              f"{o.row.topic}: {o.row.summary[:160]}"] for o in items],
            col_widths=[0.08, 0.08, 0.1, 0.08, 0.15, 0.2, 0.31],
            align=["left", "left", "left", "right", "left", "left", "left"],
        )
    if not overdue:
        story.append(paragraph("Прострочених звернень немає.", "body"))
    report(progress, 1, 2, "PDF")
    build_pdf(out, title="Прострочені звернення громадян", subtitle=f"Станом на {format_date(today)}",
              council=council_header(db), story=story, public=False, landscape=True)
    report(progress, 2, 2, "")


REPORTS = [
    ReportKind(
        id="appeals-overdue",
        title_uk="Прострочені звернення (службовий)",
        title_en="Overdue appeals (internal)",
        public=False,
        render=render,
    )
]

"""``pb-implementation`` — how the winners of a participatory budget are being built.

Progress of every winner as a bar, the money allocated and spent, the state and the milestones with
their dates. Public: projects and money only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.db.engine import Database
from app.domain.budget import ImplementationStatus
from app.domain.formats import format_date
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import bar_chart, build_pdf, data_table, paragraph, section
from app.reports.pb_common import percent_of, tiles
from app.services import budget
from app.services.core.progress import ProgressCallback, report


def _milestone_state(m: budget.MilestoneView, today: date) -> str:
    if m.done_on is not None:
        return f"виконано {format_date(m.done_on)}"
    if m.overdue(today):
        return "прострочено"
    return "заплановано"


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    assert record_id is not None
    today = date.today()
    report(progress, 0, 2, "Реалізація")
    cycle = budget.get_cycle(db, record_id)
    items = budget.list_implementation(db, record_id)
    header = council_header(db)
    story: list = []
    if not items:
        story.append(paragraph("Переможців цього циклу ще не визначено або результати не затверджено: звітувати "
                               "про реалізацію поки немає про що.", "body"))
    else:
        allocated = sum(i.allocated for i in items)
        spent = sum(i.spent for i in items)
        done = sum(1 for i in items if i.status == ImplementationStatus.COMPLETED)
        story.append(tiles([
            (f"{done} з {len(items)}", "проєктів реалізовано"),
            (budget.money_text(spent, cycle.currency, whole=True), f"витрачено з {cycle.money(allocated)}"),
            (percent_of(spent, allocated), "коштів використано"),
        ]))
        story.append(paragraph(f"Стан на {format_date(today)}.", "muted"))
        story += section("Готовність проєктів")
        story.append(bar_chart([f"№{i.project_number} {i.project_title} — {i.status_title()}" for i in items],
                               [i.progress for i in items],
                               highlight=[i.status == ImplementationStatus.COMPLETED for i in items],
                               value_format=lambda v: f"{v} %", font_size=9))
        story += section("Кошти")
        rows: list[tuple[object, ...]] = [
            (i.project_number, i.project_title, i.status_title(), cycle.money(i.allocated), cycle.money(i.spent),
             percent_of(i.spent, i.allocated)) for i in items]
        rows.append(("", "Разом", "", cycle.money(allocated), cycle.money(spent), percent_of(spent, allocated)))
        story += data_table(["№", "Проєкт", "Стан", "Виділено", "Витрачено", "%"], rows,
                            col_widths=[0.06, 0.36, 0.14, 0.17, 0.17, 0.10],
                            align=["right", "left", "left", "right", "right", "right"])
        report(progress, 1, 2, "Етапи")
        for i in items:
            story += section(f"№{i.project_number} {i.project_title}")
            facts = [f"Стан: {i.status_title()}, готовність {i.progress} %."]
            if i.contractor:
                facts.append(f"Виконавець: {i.contractor}.")
            if i.started_on:
                facts.append(f"Розпочато {format_date(i.started_on)}.")
            if i.completed_on:
                facts.append(f"Завершено {format_date(i.completed_on)}.")
            if i.location:
                facts.append(f"Місце: {i.location}.")
            story.append(paragraph(" ".join(facts), "body"))
            if i.notes:
                story.append(paragraph(i.notes, "muted"))
            story += data_table(["Етап", "Строк", "Стан"],
                                [(m.title, format_date(m.due_on) if m.due_on else "—", _milestone_state(m, today))
                                 for m in i.milestones],
                                col_widths=[0.55, 0.18, 0.27], empty_text="Етапи ще не заплановано")
    build_pdf(out, title=f"Реалізація проєктів громадського бюджету {cycle.year}", subtitle=cycle.title,
              council=header, story=story, public=True)
    report(progress, 2, 2, "Готово")


REPORTS = [
    ReportKind(
        id="pb-implementation",
        title_uk="Громадський бюджет: звіт про реалізацію проєктів",
        title_en="Participatory budget: implementation report",
        public=True,
        render=render,
        needs_id=True,
        id_hint_uk="цикл громадського бюджету",
        id_hint_en="participatory budget cycle",
        choices=budget.cycle_choices,
    )
]

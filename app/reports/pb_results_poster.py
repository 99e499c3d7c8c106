"""``pb-results-poster`` — the results of a participatory budget for the noticeboard and the website.

Per category: a bar chart of votes with the winners marked, the money used, and the winners' list.
Public: counts and projects only, no voter or author data.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from app.db.engine import Database
from app.domain.formats import format_date, format_int
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import bar_chart, build_pdf, data_table, paragraph, section
from app.reports.pb_common import percent_of, period_text, preliminary_note, tiles
from app.services import budget
from app.services.budget import results as budget_results
from app.services.core.progress import ProgressCallback, report


def _label(p: budget_results.ProjectOutcome, results: budget_results.CycleResults) -> str:
    mark = "✔ " if p.selected else ""
    return f"{mark}№{p.number} {p.title} · {results.money(p.cost)}"


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    assert record_id is not None
    report(progress, 0, 2, "Результати")
    cycle = budget.get_cycle(db, record_id)
    results = budget_results.cycle_results(db, record_id)
    header = council_header(db)
    story: list = []
    if not results.approved:
        story.append(preliminary_note())
    story.append(tiles([
        (format_int(results.ballots), "бюлетенів і онлайн-голосів"),
        (str(len(results.winners)), "проєктів-переможців"),
        (budget.money_text(results.cost_used, results.currency, whole=True),
         f"на проєкти з {results.money(results.budget)}"),
    ]))
    story.append(paragraph(f"Голосування тривало {period_text(cycle)}."
                           + (f" Результати затверджено {format_date(results.approved_at.date())}."
                              if results.approved_at else ""), "body"))
    report(progress, 1, 2, "Макет")
    for cat in results.categories:
        story += section(f"{cat.name}: бюджет {results.money(cat.budget)}")
        if cat.error:
            story.append(paragraph(f"Переможців не визначено: {cat.error}", "body"))
            continue
        admitted = sorted((p for p in cat.projects if p.admitted), key=lambda p: (-p.votes, p.number))
        if not admitted:
            story.append(paragraph("У категорії не було проєктів у голосуванні.", "muted"))
            continue
        story.append(paragraph(
            f"Переможців: {len(cat.winners)} з {len(admitted)}. Використано {results.money(cat.cost_used)} "
            f"({percent_of(cat.cost_used, cat.budget)} бюджету категорії), залишок {results.money(cat.leftover)}. "
            f"Голосів у категорії подали {format_int(cat.voters)} виборців.", "body"))
        story.append(bar_chart([_label(p, results) for p in admitted], [p.votes for p in admitted],
                               highlight=[p.selected for p in admitted], font_size=9))
        story.append(paragraph("✔ — проєкт переміг і буде реалізований; темні смуги — переможці.", "muted"))
        story.append(Spacer(1, 2 * mm))
        story += data_table(
            ["№", "Проєкт-переможець", "Голоси", "Вартість"],
            [(p.number, p.title, format_int(p.votes), results.money(p.cost)) for p in cat.winners],
            col_widths=[0.07, 0.57, 0.13, 0.23], align=["right", "left", "right", "right"],
            empty_text="Переможців немає")
        story.append(paragraph(f"Правило визначення переможців: {cat.rule_title}. "
                               f"{cat.tie_break_text[:1].upper()}{cat.tie_break_text[1:]}.", "muted"))
    story.append(Spacer(1, 4 * mm))
    story.append(paragraph("Повний протокол з кількістю голосів кожного проєкту, поясненням рішення щодо кожного "
                           "і явкою на пунктах голосування оприлюднено разом із цим оголошенням.", "muted"))
    build_pdf(out, title=f"Результати громадського бюджету {results.year}", subtitle=results.title,
              council=header, story=story, public=True)
    report(progress, 2, 2, "Готово")


REPORTS = [
    ReportKind(
        id="pb-results-poster",
        title_uk="Громадський бюджет: оголошення результатів",
        title_en="Participatory budget: results poster",
        public=True,
        render=render,
        needs_id=True,
        id_hint_uk="цикл громадського бюджету",
        id_hint_en="participatory budget cycle",
        choices=budget.cycle_choices,
    )
]

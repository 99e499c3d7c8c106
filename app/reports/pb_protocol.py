"""``pb-protocol`` — the protocol of a participatory budget vote.

Every project with its votes, cost and the reason for the decision (won; not enough money left;
below the threshold; for Equal Shares why its supporters could not pay; not admitted and why),
turnout by voting point, channel and age group, spoiled ballots, the rule and the tie-break.
Public: no voter is named, no identifier or hash, no author's contacts.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.db.engine import Database
from app.domain.formats import format_date, format_datetime, format_int, utc_to_local
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import build_pdf, data_table, esc, keep_numbers, key_value_table, paragraph, section, styles
from app.reports.pb_common import ballot_rules_text, percent_of, period_text, preliminary_note
from app.services import budget
from app.services.budget import counts
from app.services.budget import results as budget_results
from app.services.core.progress import ProgressCallback, report


def _turnout(turnout: counts.Turnout) -> list:
    story: list = section("Явка")
    story.append(key_value_table([
        ("Усього врахованих бюлетенів", format_int(turnout.ballots)),
        ("з них паперових", format_int(turnout.paper)),
        ("з них онлайн", format_int(turnout.online)),
        *([("спосіб не вказано (імпорт)", format_int(turnout.unknown))] if turnout.unknown else []),
        ("Зіпсованих паперових бюлетенів", format_int(turnout.spoiled)),
    ], key_width=0.5))
    story.append(paragraph("За пунктами голосування", "h3"))
    rows = [(p.name, format_int(p.ballots), format_int(p.spoiled) if p.point_id is not None else "—",
             percent_of(p.ballots, turnout.ballots)) for p in turnout.by_point]
    rows.append(("Разом", format_int(turnout.ballots), format_int(turnout.spoiled), "100,0 %"))
    story += data_table(["Пункт голосування / спосіб", "Враховано", "Зіпсовано", "Частка"], rows,
                        col_widths=[0.52, 0.16, 0.16, 0.16], align=["left", "right", "right", "right"])
    story.append(paragraph("За віком виборців", "h3"))
    story += data_table(["Вікова група", "Бюлетенів", "Частка"],
                        [(label, format_int(n), percent_of(n, turnout.ballots)) for label, n in turnout.by_age],
                        col_widths=[0.52, 0.24, 0.24], align=["left", "right", "right"])
    return story


def _category(cat: budget_results.CategoryOutcome, results: budget_results.CycleResults, points: bool) -> list:
    story: list = section(f"Категорія «{cat.name}»")
    story.append(key_value_table([
        ("Бюджет категорії", results.money(cat.budget)),
        ("Правило визначення переможців", f"{cat.rule} — {cat.rule_title}"),
        *([("Поріг", f"не менше {format_int(cat.threshold)} голосів")] if cat.threshold is not None else []),
        *([("Розв’язання нічиєї", cat.tie_break_text)] if cat.tie_break_text not in ("", results.tie_break_text)
          else []),
        ("Виборців, що голосували в категорії", format_int(cat.voters)),
        ("Використано", f"{results.money(cat.cost_used)} ({percent_of(cat.cost_used, cat.budget)})"),
        ("Залишок", results.money(cat.leftover)),
    ], key_width=0.38))
    for note in cat.notes:
        story.append(paragraph(keep_numbers(note), "muted"))
    if cat.error:
        story.append(paragraph(f"Переможців не визначено: {cat.error}", "body"))
    header = ["№", "Проєкт", "Бали" if points else "Голоси", "Вартість", "Рішення і пояснення"]
    st = styles()
    bold = ParagraphStyle("pb_protocol_winner", parent=st.cell_bold, fontSize=8, leading=10)
    rows = []
    for p in cat.projects:
        title: object = Paragraph(esc(f"✔ {p.title}"), bold) if p.selected else p.title
        rows.append((p.number, title, p.score if points else format_int(p.votes), results.money(p.cost),
                     keep_numbers(p.explanation)))
    story += data_table(header, rows, col_widths=[0.06, 0.28, 0.09, 0.16, 0.41],
                        align=["right", "left", "right", "right", "left"], font_size=8)
    story.append(paragraph("✔ — проєкт-переможець.", "muted"))
    return story


def _signatures() -> Flowable:
    st = styles()
    rows = [[paragraph("Голова комісії з питань громадського бюджету", st.body), paragraph("______________", st.body),
             paragraph("(підпис, ім’я та прізвище)", st.muted)],
            [paragraph("Секретар ради", st.body), paragraph("______________", st.body),
             paragraph("(підпис, ім’я та прізвище)", st.muted)]]
    table = Table(rows, colWidths=["45%", "25%", "30%"])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 12),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return KeepTogether([Spacer(1, 6 * mm), table])


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    assert record_id is not None
    report(progress, 0, 3, "Результати")
    cycle = budget.get_cycle(db, record_id)
    results = budget_results.cycle_results(db, record_id)
    report(progress, 1, 3, "Явка")
    turnout = counts.turnout(db, record_id)
    header = council_header(db)
    story: list = []
    if not results.approved:
        story.append(preliminary_note())
    status = (f"затверджено {format_datetime(utc_to_local(results.approved_at))}"
              + (f", {results.approved_by}" if results.approved_by else "")) if results.approved_at else \
        "не затверджено (попередній підрахунок)"
    story.append(key_value_table([
        ("Цикл", f"{cycle.year} — {cycle.title}"),
        ("Загальний бюджет", cycle.money(cycle.total_budget)),
        ("Голосування", period_text(cycle)),
        ("Правила бюлетеня", ballot_rules_text(cycle)),
        ("Розв’язання нічиєї", results.tie_break_text),
        ("Результати", status),
        ("Витрачено на переможців", f"{results.money(results.cost_used)} з {results.money(results.budget)}"),
    ], key_width=0.3))
    story += _turnout(turnout)
    report(progress, 2, 3, "Проєкти")
    points = cycle.vote_type in ("cumulative", "scoring", "ordinal")
    for cat in results.categories:
        story += _category(cat, results, points)
    story.append(paragraph(
        "Голоси підраховано програмою Hromada Desk за правилами, наведеними вище; розрахунок повторюється "
        "командою «hromada pb outcome» над файлом Pabulib, експортованим з цього циклу. Персональні дані "
        "виборців у протоколі не наводяться.", "muted"))
    if cycle.results_date:
        story.append(paragraph(f"Дата оголошення результатів: {format_date(cycle.results_date)}.", "muted"))
    story.append(_signatures())
    build_pdf(out, title="Протокол підсумків голосування за проєкти громадського бюджету",
               subtitle=f"{cycle.year} — {cycle.title}", council=header, story=story, public=True)
    report(progress, 3, 3, "Готово")


REPORTS = [
    ReportKind(
        id="pb-protocol",
        title_uk="Громадський бюджет: протокол підсумків голосування",
        title_en="Participatory budget: results protocol",
        public=True,
        render=render,
        needs_id=True,
        id_hint_uk="цикл громадського бюджету",
        id_hint_en="participatory budget cycle",
        choices=budget.cycle_choices,
    )
]

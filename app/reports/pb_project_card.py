"""``pb-project-card`` — an A4 poster of one project for the voting period.

The project's ballot number in large type, its title, category, place, description and the
estimate (cost items and their sum), how and where to vote, and — once results are approved —
how the project fared. The author is named; the author's contacts never appear.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.db.engine import Database
from app.domain.budget import WINNER_STATUSES, ProjectStatus
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import (
    A4_FRAME_WIDTH,
    ACCENT,
    FONT,
    FONT_BOLD,
    build_pdf,
    data_table,
    esc,
    keep_numbers,
    paragraph,
    qr_flowable,
    register_fonts,
    section,
    styles,
)
from app.reports.pb_common import period_text
from app.services import budget
from app.services.core import council
from app.services.core.progress import ProgressCallback, report


def _number_block(number: int) -> Table:
    register_fonts()
    caption = ParagraphStyle("pb_card_caption", fontName=FONT, fontSize=10, leading=12, textColor=colors.white,
                             alignment=1)
    big = ParagraphStyle("pb_card_number", fontName=FONT_BOLD, fontSize=54 if number < 1000 else 40, leading=60,
                         textColor=colors.white, alignment=1)
    table = Table([[Paragraph("Номер у бюлетені", caption)], [Paragraph(esc(str(number)), big)]],
                  colWidths=[42 * mm], rowHeights=[9 * mm, 26 * mm])
    table.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), ACCENT), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    assert record_id is not None
    report(progress, 0, 2, "Проєкт")
    project = budget.get_project(db, record_id)
    cycle = budget.get_cycle(db, project.cycle_id)
    category = cycle.category(project.category_id)
    points = [p for p in budget.list_points(db, active_only=True)]
    profile = council.get_profile(db)
    header = council_header(db)
    st = styles()
    title_style = ParagraphStyle("pb_card_title", parent=st.title, fontSize=24, leading=28.5, spaceAfter=5)
    info_key = ParagraphStyle("pb_card_key", parent=st.body, fontSize=10, leading=12, textColor=st.muted.textColor,
                              spaceAfter=0)
    info_val = ParagraphStyle("pb_card_val", parent=st.body, fontSize=12.5, leading=15.5, spaceAfter=4)
    big_body = ParagraphStyle("pb_card_body", parent=st.body, fontSize=12.5, leading=17, spaceAfter=6)
    info: list = [Paragraph(esc(project.title), title_style)]
    facts = [("Категорія", f"{category.name} (бюджет категорії {cycle.money(category.budget)})"),
             ("Де", ", ".join(x for x in (project.location, project.district) if x)),
             ("Автор проєкту", project.author_name)]
    for key, value in facts:
        if value:
            info.append(Paragraph(esc(key), info_key))
            info.append(Paragraph(esc(value), info_val))
    top = Table([[_number_block(project.number), info]], colWidths=[48 * mm, A4_FRAME_WIDTH - 48 * mm])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story: list = [top, Spacer(1, 4 * mm)]
    report(progress, 1, 2, "Макет")
    if project.description:
        story += section("Що буде зроблено")
        story.append(paragraph(project.description, big_body))
    story += section(f"Кошторис: {cycle.money(project.cost)}")
    total_style = ParagraphStyle("pb_card_total", parent=st.cell_bold, fontSize=10, leading=12.5)
    rows: list[tuple[object, ...]] = [(i, item.description, cycle.money(item.amount))
                                      for i, item in enumerate(project.items, start=1)]
    rows.append(("", Paragraph("Разом", total_style), Paragraph(esc(cycle.money(project.cost)), ParagraphStyle(
        "pb_card_total_r", parent=total_style, alignment=2))))
    story += data_table(["№", "Стаття витрат", "Сума"], rows, col_widths=[0.07, 0.63, 0.30],
                        align=["right", "left", "right"], font_size=10)
    if project.status == ProjectStatus.INELIGIBLE:
        story += section("Проєкт не допущено до голосування")
        story.append(paragraph(project.status_reason or "—", big_body))
    elif project.result_status:
        won = project.status in WINNER_STATUSES
        story += section("Проєкт переміг і буде реалізований" if won else "Проєкт не отримав фінансування")
        story.append(paragraph(keep_numbers(project.result_explanation), big_body))
    else:
        story += section(f"Голосуйте за проєкт №{project.number}")
        limit = f"до {cycle.max_choices} проєктів" if cycle.max_choices else "кілька проєктів"
        story.append(paragraph(
            f"Голосування триває {period_text(cycle)}. Впишіть номер {project.number} у бюлетень ({limit}; "
            f"голосують мешканці від {cycle.min_age} років). Візьміть із собою документ, що посвідчує особу: його "
            "номер потрібен лише для того, щоб кожен проголосував один раз.", big_body))
        if points:
            story += data_table(["Пункт голосування", "Адреса"], [(p.name, p.address) for p in points],
                                col_widths=[0.5, 0.5], font_size=10)
    if profile and profile.website:
        qr_text = ParagraphStyle("pb_card_qr", parent=st.body, fontSize=10.5, leading=13.5)
        row = Table([[qr_flowable(profile.website, 28),
                      Paragraph(esc(f"Усі проєкти громадського бюджету, результати і звіти про реалізацію: "
                                    f"{profile.website}"), qr_text)]], colWidths=[32 * mm, A4_FRAME_WIDTH - 32 * mm])
        row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [Spacer(1, 6 * mm), row]
    build_pdf(out, title=f"Громадський бюджет {cycle.year}: проєкт №{project.number}", subtitle=cycle.title,
              council=header, story=story, public=True)
    report(progress, 2, 2, "Готово")


REPORTS = [
    ReportKind(
        id="pb-project-card",
        title_uk="Громадський бюджет: картка проєкту (плакат А4)",
        title_en="Participatory budget: project card (A4 poster)",
        public=True,
        render=render,
        needs_id=True,
        id_hint_uk="проєкт громадського бюджету",
        id_hint_en="participatory budget project",
        choices=budget.project_choices,
    )
]

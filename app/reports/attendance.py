"""``attendance``: deputies × the year's sessions, with totals, percentages and the recall flag (public).

``--id`` is the year. The grid splits into blocks of sessions so that even 60 sessions a year stay
legible on landscape A4; the grid is a plain reportlab Table of short strings (no paragraph per cell),
so a 64 × 60 year lays out well under a second.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from app.db.engine import Database
from app.domain.deputies import AttendanceStatus, SessionKind
from app.domain.formats import format_date, format_percent
from app.errors import ValidationError
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import A4_LANDSCAPE_FRAME_WIDTH, FONT, FONT_BOLD, build_pdf, data_table, paragraph, section
from app.services import deputies
from app.services.core import council
from app.services.core.progress import ProgressCallback, report

MARKS = {AttendanceStatus.PRESENT: "+", AttendanceStatus.ABSENT: "н", AttendanceStatus.ABSENT_EXCUSED: "п"}
BLOCK = 24  # sessions per grid block
FLAG_FILL = colors.HexColor("#FDE2E1")
ABSENT_TEXT = colors.HexColor("#9B1C1C")


def _grid(table: deputies.AttendanceTable, start: int, stop: int) -> Table:
    sessions = table.sessions[start:stop]
    header = ["Депутат"] + [f"{c.number}\n{c.date.day:02d}.{c.date.month:02d}" for c in sessions]
    data = [header]
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), FONT, 7.5),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 6.5),
        ("LEADING", (0, 0), (-1, 0), 8),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#C5CDD6")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE5EF")),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for r, line in enumerate(table.lines, start=1):
        row = [line.name]
        for c, mark in enumerate(line.marks[start:stop], start=1):
            if mark is None:
                row.append("·")
            else:
                row.append(MARKS[AttendanceStatus(mark)])
                if mark != AttendanceStatus.PRESENT:
                    style.append(("TEXTCOLOR", (c, r), (c, r), ABSENT_TEXT))
        data.append(row)
        if line.flagged:
            style.append(("BACKGROUND", (0, r), (0, r), FLAG_FILL))
    for c, col in enumerate(sessions, start=1):
        if col.kind == SessionKind.EXTRAORDINARY:
            style.append(("BACKGROUND", (c, 0), (c, 0), colors.HexColor("#FFF4D6")))
    name_width = 42 * mm
    cell = min(9 * mm, (A4_LANDSCAPE_FRAME_WIDTH - name_width) / max(len(sessions), 1))
    grid = Table(data, colWidths=[name_width] + [cell] * len(sessions), repeatRows=1, hAlign="LEFT")
    grid.setStyle(TableStyle(style))
    grid.spaceAfter = 8
    return grid


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    if record_id is None or not 1991 <= record_id <= 2100:
        raise ValidationError("Для звіту про відвідуваність вкажіть рік: --id 2025.", "Give the year: --id 2025.")
    year = record_id
    profile = council.require_profile(db)
    report(progress, 0, 2, "Реєстрація")
    table = deputies.attendance_table(db, year)
    story = [paragraph(
        f"Сесій у {year} році: {len(table.sessions)}. Відсоток відвідуваності рахується від сесій, що відбулися "
        "за час повноважень депутата. Пропуск понад половини сесій упродовж року є підставою для "
        "відкликання депутата виборцями (позначено кольором).")]
    flagged = table.flagged
    if flagged:
        story.append(paragraph("Пропустили понад половину сесій: " + ", ".join(
            f"{line.name} ({line.attendance.present} з {line.attendance.sessions})" for line in flagged
            if line.attendance is not None) + ".", "body"))
    story += section("Підсумки за рік")
    rows = []
    for line in sorted(table.lines, key=lambda x: (x.attendance.percent if x.attendance and
                                                   x.attendance.percent is not None else -1), reverse=True):
        a = line.attendance
        rows.append((line.name, line.faction or "—", a.sessions if a else 0, a.present if a else 0,
                     a.absent if a else 0, format_percent(a.percent if a else None),
                     "понад половину пропущено" if line.flagged else ""))
    story += data_table(["Депутат", "Фракція", "Сесій", "Був(-ла)", "Пропустив(-ла)", "Відвідуваність", "Примітка"],
                        rows, col_widths=[0.22, 0.2, 0.08, 0.1, 0.12, 0.12, 0.16],
                        align=["left", "left", "right", "right", "right", "right", "left"])
    report(progress, 1, 2, "Таблиця")
    story += section("Реєстрація на кожній сесії")
    story.append(paragraph("«+» — присутній, «н» — відсутній, «п» — відсутній з поважної причини, «·» — не мав "
                           "повноважень на дату сесії. Жовтим позначено позачергові сесії.", "muted"))
    if not table.sessions:
        story.append(paragraph(f"У {year} році сесій не було.", "body"))
    for start in range(0, len(table.sessions), BLOCK):
        stop = min(start + BLOCK, len(table.sessions))
        if len(table.sessions) > BLOCK:
            first, last = table.sessions[start], table.sessions[stop - 1]
            story.append(paragraph(f"Сесії з {format_date(first.date)} по {format_date(last.date)}", "h3"))
        story.append(_grid(table, start, stop))
    build_pdf(out, title=f"Відвідуваність сесій за {year} рік", subtitle=profile.council_name,
              council=council_header(db), story=story, public=True, landscape=True)
    report(progress, 2, 2, "")


def year_choices(db: Database) -> list[tuple[int, str]]:
    return [(year, f"{year} рік") for year in deputies.session_years(db)]


REPORTS = [
    ReportKind(
        id="attendance",
        title_uk="Відвідуваність сесій за рік",
        title_en="Session attendance for a year",
        public=True,
        render=render,
        needs_id=True,
        id_hint_uk="рік",
        id_hint_en="year",
        choices=year_choices,
    )
]

"""``appeals-statistics``: citizens' appeals received in a period, in numbers (public, no personal data).

Counts by kind, topic, channel and result, by month, and the share answered on time. The
registry passes a year as the id (``--id 2026``; without it the current year); the CLI
and the Appeals page can ask for any period (:func:`render_period`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.platypus import Flowable

from app.db.engine import Database
from app.domain.formats import format_date, format_int, format_percent
from app.errors import ValidationError
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import bar_chart, build_pdf, data_table, key_value_table, paragraph, section
from app.services import appeals
from app.services.core.progress import ProgressCallback, report


def _share(part: int, whole: int) -> str:
    return format_percent(100.0 * part / whole) if whole else "—"


def _breakdown(title: str, pairs: list[tuple[str, int]], total: int, *, chart: bool = True) -> list[Flowable]:
    story = section(title)
    if not pairs:
        story.append(paragraph("Звернень немає.", "muted"))
        return story
    if chart:
        story.append(bar_chart([label for label, _ in pairs], [n for _, n in pairs]))
    else:
        rows = [[label, format_int(n), _share(n, total)] for label, n in pairs]
        story += data_table(["", "Звернень", "Частка"], rows, col_widths=[0.6, 0.2, 0.2],
                            align=["left", "right", "right"])
    return story


def render_period(
    db: Database, date_from: dt.date, date_to: dt.date, out: Path, progress: ProgressCallback | None = None
) -> None:
    report(progress, 0, 2, "Статистика звернень")
    stats = appeals.statistics(db, date_from, date_to)
    period = f"з {format_date(date_from)} по {format_date(date_to)}"
    story: list[Flowable] = [
        key_value_table([
            ("Надійшло звернень", format_int(stats.total)),
            ("Розглянуто", f"{format_int(stats.answered)} ({_share(stats.answered, stats.total)})"),
            ("з них у встановлений строк", f"{format_int(stats.answered_on_time)} "
                                           f"({format_percent(stats.share_on_time)} розглянутих)"),
            ("На розгляді, строк не минув", format_int(stats.open_in_time)),
            ("На розгляді, строк минув", format_int(stats.open_overdue)),
            ("Строк розгляду продовжено", format_int(stats.extended)),
            ("Повторні звернення", format_int(stats.repeated)),
        ], key_width=0.5),
    ]
    story += _breakdown("За видами", stats.by_kind, stats.total, chart=False)
    story += _breakdown("За темами", stats.by_topic, stats.total)
    story += _breakdown("За способом надходження", stats.by_channel, stats.total, chart=False)
    story += _breakdown("За результатами розгляду", stats.by_result, stats.total, chart=False)
    if len(stats.by_month) > 1:
        story += _breakdown("За місяцями", stats.by_month, stats.total)
    story.append(paragraph(
        "Строк розгляду звернення — 30 днів від дня надходження, 15 днів для звернень, що не потребують "
        "додаткового вивчення; продовжений строк — не більше 45 днів (Закон України «Про звернення громадян», "
        "ст. 20). Строк, що закінчується у вихідний день, переноситься на найближчий робочий. Звіт не містить "
        "персональних даних заявників.", "muted"))
    report(progress, 1, 2, "PDF")
    build_pdf(out, title="Звернення громадян: статистика", subtitle=f"Звернення, що надійшли {period}",
              council=council_header(db), story=story, public=True)
    report(progress, 2, 2, "")


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    year = record_id or dt.date.today().year
    if not 2000 <= year <= 2100:
        raise ValidationError(f"Рік {year} поза межами 2000–2100: вкажіть рік, наприклад --id 2026.",
                              "Give a year, e.g. --id 2026.")
    today = dt.date.today()
    end = min(dt.date(year, 12, 31), today) if year == today.year else dt.date(year, 12, 31)
    render_period(db, dt.date(year, 1, 1), end, out, progress)


def choices(db: Database) -> list[tuple[int, str]]:
    years = appeals.filter_choices(db).years or [dt.date.today().year]
    return [(year, f"{year} рік") for year in years]


REPORTS = [
    ReportKind(
        id="appeals-statistics",
        title_uk="Звернення громадян: статистика",
        title_en="Citizens' appeals: statistics",
        public=True,
        render=render,
        needs_id=True,
        id_hint_uk="рік",
        id_hint_en="year",
        choices=choices,
    )
]

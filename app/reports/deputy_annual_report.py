"""``deputy-annual-report``: a deputy's yearly report to voters (public; a legal duty).

Statistics and initiatives are filled in from the register; the deputy's own sections (committee work,
work with voters, the district, plans) come from what was typed in the app. The report must be
published at least N days (a council setting, 7 by default) before the meeting with voters.
"""

from __future__ import annotations

from pathlib import Path

from app.db.engine import Database
from app.domain.deputies import CommitteeRole, InitiativeKind, InitiativeStatus
from app.domain.formats import format_date, format_int
from app.domain.votes import VoteOption
from app.reports.common import council_header
from app.reports.deputies_common import heading, percent, tiles
from app.reports.kind import ReportKind
from app.reports.kit import bar_chart, build_pdf, data_table, key_value_table, paragraph, section
from app.services import deputies
from app.services.core import council
from app.services.core.progress import ProgressCallback, report
from app.services.deputies import initiatives

SECTIONS = (
    ("committee_work", "Робота в раді та постійних комісіях"),
    ("voter_work", "Робота з виборцями, прийом громадян"),
    ("district_work", "Що зроблено для округу"),
    ("other", "Інша діяльність"),
    ("plans", "Плани на наступний рік"),
)


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    assert record_id is not None
    report(progress, 0, 2, "Дані")
    annual = initiatives.get_annual_report_by_id(db, record_id)
    year = annual.year
    deputy = deputies.get_deputy(db, annual.deputy_id)
    stats = deputies.deputy_statistics(db, annual.deputy_id, year)
    inits = initiatives.list_initiatives(db, deputy_id=annual.deputy_id, year=year)
    profile = council.require_profile(db)
    frame = 210 * 2.8346 - 2 * 18 * 2.8346

    story = [heading(deputy.full_name, 20)]
    pairs: list[tuple[str, object]] = [
        ("Фракція", deputy.faction or "позафракційний"),
        ("Виборчий округ", deputy.district or "—"),
    ]
    if deputy.seats:
        pairs.append(("Постійні комісії", "\n".join(f"{s.committee} — {CommitteeRole(s.role).label_uk}"
                                                    for s in deputy.seats)))
    pairs.append(("Прийом громадян", ", ".join(p for p in (deputy.reception_hours, deputy.reception_place) if p)
                  or "—"))
    pairs += deputy.public_contacts()
    if annual.meeting_date:
        pairs.append(("Зустріч із виборцями", f"{format_date(annual.meeting_date)}"
                      + (f", {annual.meeting_place}" if annual.meeting_place else "")))
    story.append(key_value_table(pairs, 0.3))

    att = stats.attendance_by_year.get(year)
    part = stats.year_participation
    story += section(f"Участь у роботі ради у {year} році")
    story.append(tiles([
        (f"{att.present} з {att.sessions}" if att else "—", "сесій відвідано"),
        (percent(att.percent if att else None), "відвідуваність"),
        (percent(part.percent if part else None), "участь у голосуваннях"),
        (format_int(len(inits)), "ініціатив"),
    ], frame, value_size=20))
    if att and att.absent_more_than_half:
        story.append(paragraph("Депутат пропустив понад половину сесій цього року.", "body"))
    options = list(VoteOption)
    story.append(paragraph(f"Поіменні голосування {year} року:", "h3"))
    story.append(bar_chart([o.label_uk for o in options], [stats.year_vote_counts.get(o, 0) for o in options],
                           highlight=[o is VoteOption.FOR for o in options]))

    story += section("Депутатські запити, звернення, проєкти рішень")
    story += data_table(["Дата", "Вид", "Зміст", "Адресат", "Стан"],
                        [(format_date(i.submitted_on), InitiativeKind(i.kind).label_uk, i.title, i.addressee or "—",
                          InitiativeStatus(i.status).label_uk) for i in inits],
                        col_widths=[0.11, 0.17, 0.4, 0.17, 0.15], empty_text="У цьому році ініціатив не було")
    for key, title in SECTIONS:
        text = getattr(annual, key)
        if text:
            story += section(title)
            story.append(paragraph(text))
    report(progress, 1, 2, "PDF")
    notice = f"Звіт оприлюднено {format_date(annual.published_on)}." if annual.published_on else (
        f"Оприлюднити не пізніше {format_date(annual.publish_by)}." if annual.publish_by else "")
    story.append(paragraph(notice + " Звіт сформовано з реєстру ради: відвідуваність і голосування — за "
                           "офіційними результатами поіменних голосувань.", "muted"))
    build_pdf(out, title=f"Звіт депутата перед виборцями за {year} рік", subtitle=profile.council_name,
              council=council_header(db), story=story, public=True)
    report(progress, 2, 2, "")


REPORTS = [
    ReportKind(
        id="deputy-annual-report",
        title_uk="Звіт депутата перед виборцями за рік",
        title_en="Deputy's annual report to voters",
        public=True,
        render=render,
        needs_id=True,
        id_hint_uk="звіт депутата (депутат і рік)",
        id_hint_en="deputy's report (deputy and year)",
        choices=initiatives.annual_report_choices,
    )
]

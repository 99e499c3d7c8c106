"""``deputy-card`` — «Ваш депутат»: a public A4 poster about one deputy.

Photo (or a neutral silhouette), faction, district, committees, reception hours, public contacts only,
biography, attendance and participation as big numbers, the vote summary and the latest initiatives.
Private contacts appear only when the clerk marked them public.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table, TableStyle

from app.db.engine import Database
from app.domain.deputies import CommitteeRole, InitiativeKind, InitiativeStatus, MandateEndReason, roman
from app.domain.formats import format_date, format_int
from app.domain.votes import VoteOption
from app.reports.common import council_header
from app.reports.deputies_common import heading, percent, portrait, tiles
from app.reports.kind import ReportKind
from app.reports.kit import A4_FRAME_WIDTH, FONT, FONT_BOLD, build_pdf, data_table, esc, paragraph, section, styles
from app.services import deputies
from app.services.core import council
from app.services.core.progress import ProgressCallback, report
from app.services.deputies import initiatives

MAX_INITIATIVES = 5


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    assert record_id is not None
    report(progress, 0, 3, "Дані депутата")
    deputy = deputies.get_deputy(db, record_id)
    stats = deputies.deputy_statistics(db, record_id)
    photo, _ = deputies.get_deputy_photo(db, record_id) if deputy.has_photo else (None, "")
    inits = initiatives.list_initiatives(db, deputy_id=record_id)
    profile = council.require_profile(db)
    report(progress, 1, 3, "Макет")
    st = styles()
    info_key = ParagraphStyle("card_key", parent=st.body, fontSize=9, leading=11, textColor=st.muted.textColor,
                              spaceAfter=0)
    info_val = ParagraphStyle("card_val", parent=st.body, fontName=FONT, fontSize=11.5, leading=13.5, spaceAfter=2.5)

    info = [heading(deputy.full_name, 23)]
    status_line = f"Депутат ради {roman(profile.convocation)} скликання"
    if deputy.position:
        status_line = f"{deputy.position[:1].upper()}{deputy.position[1:]}, {status_line[0].lower()}{status_line[1:]}"
    info.append(Paragraph(esc(status_line), ParagraphStyle("card_status", parent=st.subtitle, fontSize=12,
                                                           leading=15, spaceAfter=5)))
    if deputy.mandate_end is not None:
        reason = MandateEndReason(deputy.mandate_end_reason).label_uk if deputy.mandate_end_reason else ""
        info.append(Paragraph(esc(f"Повноваження припинено {format_date(deputy.mandate_end)}"
                                  + (f" ({reason})" if reason else "")),
                              ParagraphStyle("ended", parent=st.body, textColor="#9B1C1C", fontName=FONT_BOLD)))
    pairs = [
        ("Фракція", deputy.faction or "позафракційний"),
        ("Виборчий округ", deputy.district or "—"),
        ("Повноваження з", format_date(deputy.mandate_start)),
    ]
    if deputy.seats:
        pairs.append(("Постійні комісії", "\n".join(
            f"{seat.committee} — {CommitteeRole(seat.role).label_uk}" for seat in deputy.seats)))
    for key, value in pairs:
        info.append(Paragraph(esc(key), info_key))
        info.append(Paragraph(esc(value).replace("\n", "<br/>"), info_val))

    short_bio = deputy.biography and len(deputy.biography) <= 500
    if short_bio:
        info.append(Paragraph("Про депутата", info_key))
        info.append(Paragraph(esc(deputy.biography).replace("\n", "<br/>"),
                              ParagraphStyle("bio_short", parent=st.body, fontSize=10, leading=12.5)))
    photo_w, photo_h = 54 * mm, 68 * mm
    top = Table([[portrait(photo, photo_w, photo_h), info]], colWidths=[photo_w + 6 * mm, None])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (0, 0), 6 * mm)]))
    story = [top, Spacer(1, 3 * mm)]

    reception = [("Прийом громадян", deputy.reception_hours or "за попереднім записом")]
    if deputy.reception_place:
        reception.append(("Місце прийому", deputy.reception_place))
    reception += deputy.public_contacts()
    box_key = ParagraphStyle("rk", parent=st.body, fontName=FONT_BOLD, fontSize=12, leading=15, spaceAfter=0)
    box_val = ParagraphStyle("rv", parent=st.body, fontSize=12, leading=15, spaceAfter=0)
    box = Table([[Paragraph(esc(k), box_key), Paragraph(esc(v), box_val)] for k, v in reception],
                colWidths=[52 * mm, None])
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), "#FFF4D6"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("TOPPADDING", (0, 0), (-1, -1), 3.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8)]))
    story += [box, Spacer(1, 4 * mm)]

    att, part = stats.attendance, stats.participation
    total_inits = sum(stats.initiatives.values())
    story.append(tiles([
        (percent(att.percent if att else None), f"відвідуваність сесій\n({att.present} з {att.sessions})"
         if att else "відвідуваність сесій"),
        (percent(part.percent if part else None), "участь у поіменних голосуваннях"),
        (format_int(total_inits), "депутатських ініціатив"),
    ], A4_FRAME_WIDTH, value_size=23))
    if stats.flagged_years:
        story.append(Paragraph(esc("Пропустив(-ла) понад половину сесій у " + ", ".join(map(str, stats.flagged_years))
                                   + " р. — це підстава для відкликання депутата виборцями."),
                               ParagraphStyle("flag", parent=st.body, fontSize=9, leading=11, spaceBefore=3,
                                              textColor="#9B1C1C", fontName=FONT_BOLD)))

    story.append(Paragraph("Як голосував(-ла) у поіменних голосуваннях", st.h2))
    story.append(tiles([(format_int(stats.vote_counts.get(o, 0)), o.label_uk) for o in VoteOption], A4_FRAME_WIDTH,
                       value_size=17, label_size=9.5))
    if stats.discipline is not None and stats.discipline.compared:
        story.append(Spacer(1, 2 * mm))
        story.append(paragraph(
            f"Голосів, відмінних від більшості своєї фракції: {stats.discipline.against} з {stats.discipline.compared} "
            f"({percent(stats.discipline.percent_against)}).", "body"))

    if deputy.biography and not short_bio:
        story += section("Про депутата")
        story.append(Paragraph(esc(deputy.biography).replace("\n", "<br/>"),
                               ParagraphStyle("bio", parent=st.body, fontSize=11.5, leading=15)))
    rows = [(format_date(i.submitted_on), InitiativeKind(i.kind).label_uk, i.title, InitiativeStatus(i.status).label_uk)
            for i in inits[:MAX_INITIATIVES]]
    story += [CondPageBreak(22 * mm), Paragraph("Депутатські ініціативи", st.h2), *data_table(
        ["Дата", "Вид", "Зміст", "Стан"], rows, col_widths=[0.15, 0.2, 0.47, 0.18], font_size=9.5,
        empty_text="Ініціатив ще не зареєстровано")]
    if len(inits) > MAX_INITIATIVES:
        story.append(paragraph(f"Показано {MAX_INITIATIVES} останніх із {len(inits)} ініціатив.", "muted"))
    report(progress, 2, 3, "PDF")
    build_pdf(out, title="Ваш депутат", subtitle=f"{profile.council_name}, {profile.convocation}-е скликання",
              council=council_header(db), story=story, public=True)
    report(progress, 3, 3, "")


REPORTS = [
    ReportKind(
        id="deputy-card",
        title_uk="Ваш депутат (картка депутата)",
        title_en="Your deputy (deputy card)",
        public=True,
        render=render,
        needs_id=True,
        id_hint_uk="депутат",
        id_hint_en="deputy",
        choices=deputies.deputy_choices,
    )
]


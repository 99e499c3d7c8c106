"""``session-results``: the results of one session — attendance, every agenda item with its result, decisions,
and each roll call by name (public)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

from app.db.engine import Database
from app.domain.deputies import AttendanceStatus, SessionKind, roman
from app.domain.formats import format_date
from app.domain.votes import Majority, VoteOption
from app.reports.common import council_header
from app.reports.deputies_common import OPTION_SHORT
from app.reports.kind import ReportKind
from app.reports.kit import FONT, FONT_BOLD, build_pdf, data_table, esc, key_value_table, paragraph, section, styles
from app.services.core import council
from app.services.core.progress import ProgressCallback, report
from app.services.deputies import rollcalls, sessions

ROLL_COLUMNS = 3  # name–option pairs side by side


def _roll_table(rows: list[rollcalls.VoteRow]) -> Table:
    """The roll call by name in three column pairs, read down each column."""
    st = styles()
    name_style = ParagraphStyle("rc_name", parent=st.cell, fontSize=8, leading=10)
    opt_style = ParagraphStyle("rc_opt", parent=st.cell, fontSize=8, leading=10)
    opt_bold = ParagraphStyle("rc_opt_b", parent=opt_style, fontName=FONT_BOLD)
    per_col = -(-len(rows) // ROLL_COLUMNS) if rows else 0
    data = []
    for r in range(per_col):
        line = []
        for c in range(ROLL_COLUMNS):
            i = c * per_col + r
            if i < len(rows):
                vote = rows[i]
                line += [Paragraph(esc(vote.name), name_style),
                         Paragraph(esc(OPTION_SHORT[vote.option]),
                                   opt_bold if vote.option is VoteOption.FOR else opt_style)]
            else:
                line += ["", ""]
        data.append(line)
    if not data:
        data = [["", "", "", "", "", ""]]
    table = Table(data, colWidths=["21%", "12.3%"] * ROLL_COLUMNS, hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 8), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#D3D9E0")]))
    table.spaceAfter = 6
    return table


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    assert record_id is not None
    session = sessions.get_session(db, record_id)
    items = sessions.agenda(db, record_id)
    register = sessions.attendance(db, record_id)
    profile = council.require_profile(db)
    roll_ids = [rc.id for item in items for rc in item.roll_calls]
    by_name = rollcalls.votes_for_roll_calls(db, roll_ids)
    report(progress, 0, len(items) + 1, "Сесія")

    present = [r for r in register if r.status == AttendanceStatus.PRESENT]
    absent = [r for r in register if r.status not in (AttendanceStatus.PRESENT, None)]
    kind = SessionKind(session.kind).label_uk
    story = [key_value_table([
        ("Сесія", f"{session.number}-а {kind} сесія ради {roman(session.convocation)} скликання"),
        ("Дата", format_date(session.date)),
        ("Місце", session.place or "—"),
        ("Загальний склад ради", f"{profile.composition} депутатів"),
        ("Зареєструвалися", f"{len(present)} депутатів з {len(register)} чинних"),
        ("Відсутні", ", ".join(r.name + (" (з поважної причини)" if r.status == AttendanceStatus.ABSENT_EXCUSED
                                         else "") for r in absent) or "немає"),
    ])]
    passed = sum(1 for item in items if item.final is not None and item.final.passed)
    story.append(paragraph(f"Розглянуто питань: {len(items)}; ухвалено рішень: {passed}. Рішення вважається "
                           "ухваленим, якщо за нього проголосувала більшість від загального складу ради "
                           "(а де потрібно — дві третини), а не від присутніх."))
    story += section("Порядок денний і результати")
    story += data_table(
        ["№", "Питання", "Результат", "Рішення"],
        [(item.number, item.title, item.result_label + (f" ({item.final.votes_for} «за»)" if item.final else ""),
          item.decision.number if item.decision else "—") for item in items],
        col_widths=[0.05, 0.6, 0.2, 0.15], align=["right", "left", "left", "left"])

    st = styles()
    item_style = ParagraphStyle("item_h", parent=st.h3, fontSize=10.5, leading=13)
    for index, item in enumerate(items, start=1):
        report(progress, index, len(items) + 1, f"Питання {item.number}")
        head = [Paragraph(esc(f"{item.number}. {item.title}"), item_style),
                paragraph(f"Ініціатор: {item.initiator_label}"
                          + (f"; проєкт рішення № {item.draft_number}" if item.draft_number else "")
                          + (f"; потрібно {Majority(item.majority).label_uk}"
                             if item.majority == Majority.TWO_THIRDS_OF_COMPOSITION else ""), "muted")]
        if not item.roll_calls:
            story.append(KeepTogether(head + [paragraph(item.result_label.capitalize() + ".", "body")]))
            continue
        blocks = list(head)
        for rc in item.roll_calls:
            verdict = "ПРИЙНЯТО" if rc.passed else "НЕ ПРИЙНЯТО"
            line = (f"<b>Голосування «{esc(rc.title)}»: {verdict}</b> — за {rc.votes_for}, проти {rc.votes_against}, "
                    f"утрималися {rc.abstained}, не голосували {rc.not_voting}, відсутні {rc.absent} "
                    f"(потрібно {rc.required} з {rc.composition})")
            blocks.append(Paragraph(line, ParagraphStyle("rc_line", parent=st.body, fontSize=9, leading=11.5)))
            blocks.append(_roll_table(by_name.get(rc.id, [])))
            story.append(KeepTogether(blocks))
            blocks = []
        if item.decision:
            story.append(paragraph(f"Ухвалено рішення № {item.decision.number}.", "body"))
    report(progress, len(items) + 1, len(items) + 1, "PDF")
    build_pdf(out, title=f"Результати {session.number}-ї сесії", subtitle=f"{profile.council_name}, "
              f"{format_date(session.date)}", council=council_header(db), story=story, public=True)


REPORTS = [
    ReportKind(
        id="session-results",
        title_uk="Результати сесії (поіменні голосування)",
        title_en="Session results (roll-call votes)",
        public=True,
        render=render,
        needs_id=True,
        id_hint_uk="сесія",
        id_hint_en="session",
        choices=sessions.session_choices,
    )
]

"""``petition-answer``: the council's answer to an e-petition that reached its threshold (public).

A petition that failed to collect its signatures is answered as an appeal; that answer is
a letter to the author and is not published here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.db.engine import Database
from app.domain.formats import format_date, format_int
from app.domain.petitions import PetitionState
from app.errors import ValidationError
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import build_pdf, esc, key_value_table, paragraph, section, styles
from app.services import petitions
from app.services.core.progress import ProgressCallback, report


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    if record_id is None:
        raise ValidationError("Вкажіть номер петиції (--id).", "Give the petition number (--id).")
    report(progress, 0, 2, "Петиція")
    d = petitions.get_petition(db, petitions.petition_id_by_number(db, record_id), dt.date.today())
    if d.status.state is not PetitionState.ANSWERED or d.outcome is None:
        if d.status.state is PetitionState.UNSUCCESSFUL:
            raise ValidationError(
                f"Петиція №{d.number} не набрала підписів і розглядається як звернення"
                + (f" № {d.appeal_number}" if d.appeal_number else "") + ": відповідь надсилають автору листом.",
                f"Petition #{d.number} is handled as an appeal; its answer is a letter to the author.",
            )
        raise ValidationError(f"На петицію №{d.number} ще немає відповіді ({d.status.label_uk.lower()}).",
                              f"Petition #{d.number} has no answer yet.")
    st = styles()
    on_time = d.answered_on is not None and d.status.due_on is not None and d.answered_on <= d.status.due_on
    story: list[Flowable] = [
        Paragraph(f"<b>{esc(d.title)}</b>", st.h2),
        key_value_table([
            ("Автор петиції", d.author_name),
            ("Оприлюднено", format_date(d.published_on)),
            ("Підписів", f"{format_int(d.signature_count)} (потрібно {format_int(d.threshold or 0)})"),
            ("Набрала необхідну кількість", format_date(d.threshold_reached_on)),
            ("Строк розгляду", f"до {format_date(d.status.consideration_due_on)}"),
            ("Розглянуто", format_date(d.answered_on) + ("" if on_time else " (із порушенням строку)")),
            ("Результат розгляду", d.outcome.label_uk),
        ] + [("Рішення ради", link) for link in d.links]),
    ]
    story += section("Відповідь")
    story += [paragraph(part) for part in d.answer_text.split("\n\n") if part.strip()]
    story += [Spacer(1, 10 * mm), Paragraph(f"<b>{esc(d.answered_by)}</b>", st.body),
              paragraph(format_date(d.answered_on), "muted")]
    story += section("Текст петиції")
    story += [paragraph(part, "small") for part in d.text.split("\n\n") if part.strip()]
    report(progress, 1, 2, "PDF")
    build_pdf(out, title=f"Відповідь на електронну петицію №{d.number}", subtitle=d.outcome.label_uk,
              council=council_header(db), story=story, public=True, qr_url=d.online_url or None)
    report(progress, 2, 2, "")


def choices(db: Database) -> list[tuple[int, str]]:
    rows = petitions.list_petitions(db, dt.date.today(), states=[PetitionState.ANSWERED])
    return [(r.number, f"№{r.number} — {r.title}") for r in rows]


REPORTS = [
    ReportKind(
        id="petition-answer",
        title_uk="Відповідь на петицію",
        title_en="Answer to a petition",
        public=True,
        render=render,
        needs_id=True,
        id_hint_uk="номер петиції",
        id_hint_en="petition number",
        choices=choices,
    )
]

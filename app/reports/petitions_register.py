"""``petitions-register``: the public register of local e-petitions.

Every published petition: number, title, author (name), dates, signatures, state and a
summary of the answer. Drafts are not public yet and are left out; so are all contacts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.db.engine import Database
from app.domain.formats import format_date, format_int
from app.domain.petitions import PetitionState
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import build_pdf, data_table, key_value_table, paragraph, section
from app.services import petitions
from app.services.core.progress import ProgressCallback, report
from app.services.petitions import PetitionRow

ANSWER_CHARS = 260


def answer_summary(row: PetitionRow) -> str:
    """The answer in a table cell: outcome and date, then the start of the text."""
    st = row.status
    if st.state is PetitionState.ANSWERED:
        outcome = st.outcome.label_uk if st.outcome else ""
        text = " ".join(row.answer_text.split())
        if len(text) > ANSWER_CHARS:
            text = text[:ANSWER_CHARS].rsplit(" ", 1)[0] + "…"
        return f"{outcome}, {format_date(row.answered_on)}. {text}"
    if st.state is PetitionState.UNSUCCESSFUL:
        if row.appeal_number and row.answered_on:
            return f"Розглянуто як звернення № {row.appeal_number}, відповідь {format_date(row.answered_on)}."
        if row.appeal_number:
            return f"Розглядається як звернення № {row.appeal_number}."
        return "Розглядається як звернення громадян."
    if st.state is PetitionState.THRESHOLD_REACHED:
        return f"На розгляді до {format_date(st.consideration_due_on)}."
    return ""


def state_text(row: PetitionRow) -> str:
    st = row.status
    if st.state is PetitionState.COLLECTING:
        return f"{st.label_uk} до {format_date(st.window_ends_on)}"
    return st.label_uk


def render_rows(db: Database, rows: list[PetitionRow], out: Path, progress: ProgressCallback | None = None) -> None:
    counts = petitions.state_counts(rows)
    story = [key_value_table(
        [("Оприлюднено петицій", format_int(len(rows)))]
        + [(state.label_uk, format_int(counts[state])) for state in PetitionState
           if state is not PetitionState.DRAFT and counts[state]],
        key_width=0.5,
    )]
    story += section("Реєстр")
    table_rows = []
    for index, r in enumerate(sorted(rows, key=lambda r: r.number)):
        table_rows.append([
            str(r.number), r.title, r.author_name, format_date(r.published_on),
            format_date(r.status.window_ends_on),
            f"{format_int(r.signature_count)} / {format_int(r.threshold or 0)}", state_text(r), answer_summary(r),
        ])
        if index % 200 == 0:
            report(progress, index, len(rows), "Реєстр петицій")
    story += data_table(
        ["№", "Назва петиції", "Автор", "Оприлюднено", "Збір до", "Підписи", "Стан", "Відповідь"],
        table_rows,
        col_widths=[0.04, 0.22, 0.12, 0.08, 0.08, 0.07, 0.13, 0.26],
        align=["right", "left", "left", "left", "left", "right", "left", "left"],
        empty_text="Оприлюднених петицій ще немає",
    )
    story.append(paragraph(
        "Стан петиції визначається датами та кількістю підписів: петицію, що набрала необхідну кількість "
        "підписів, рада розглядає протягом 10 робочих днів; петицію, що не набрала, розглядають як звернення "
        "громадян. Персональні дані підписантів і контакти авторів не оприлюднюються.", "muted"))
    report(progress, len(rows), len(rows), "PDF")
    build_pdf(out, title="Реєстр електронних петицій", subtitle=f"Станом на {format_date(dt.date.today())}",
              council=council_header(db), story=story, public=True, landscape=True)


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    rows = petitions.list_petitions(db, dt.date.today(), published_only=True)
    render_rows(db, rows, out, progress)


REPORTS = [
    ReportKind(
        id="petitions-register",
        title_uk="Реєстр електронних петицій",
        title_en="Register of e-petitions",
        public=True,
        render=render,
    )
]

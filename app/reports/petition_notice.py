"""``petition-notice``: a petition's notice for the noticeboard (public).

Title, text, author (name only), threshold and progress, the collection deadline, how to
sign in person, and a QR code to the online version when there is one (else the header's
QR code points at the council's website). No signer and no contact of the author appears.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.db.engine import Database
from app.domain.formats import format_date, format_int
from app.domain.petitions import PetitionState
from app.errors import ValidationError
from app.reports.common import council_header
from app.reports.kind import ReportKind
from app.reports.kit import (
    ACCENT,
    FONT,
    FONT_BOLD,
    build_pdf,
    esc,
    key_value_table,
    paragraph,
    qr_flowable,
    section,
    styles,
)
from app.services import petitions
from app.services.core import council
from app.services.core.progress import ProgressCallback, report

TRACK = colors.HexColor("#E3E8EE")
DONE = colors.HexColor("#2E7D4F")


class ProgressBar(Flowable):
    """"93 з 100 підписів" with a horizontal bar; green once the threshold is reached."""

    def __init__(self, count: int, threshold: int, height: float = 7 * mm) -> None:
        super().__init__()
        self.count = count
        self.threshold = max(threshold, 1)
        self.bar_height = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.bar_height + 9 * mm
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        share = min(1.0, self.count / self.threshold)
        reached = self.count >= self.threshold
        c.setFont(FONT_BOLD, 16)
        c.setFillColor(DONE if reached else ACCENT)
        label = f"{format_int(self.count)} з {format_int(self.threshold)}"
        c.drawString(0, self.bar_height + 3 * mm, label)
        c.setFont(FONT, 10)
        c.setFillColor(colors.HexColor("#5D6876"))
        c.drawRightString(self.width, self.bar_height + 3 * mm, f"{round(share * 100)} % необхідних підписів")
        c.setFillColor(TRACK)
        c.roundRect(0, 0, self.width, self.bar_height, 2, stroke=0, fill=1)
        if share > 0:
            c.setFillColor(DONE if reached else ACCENT)
            c.roundRect(0, 0, max(self.width * share, 4), self.bar_height, 2, stroke=0, fill=1)


def state_sentence(d: petitions.PetitionDetail) -> str:
    """What the reader should know about the petition today, in one sentence."""
    st = d.status
    if st.state is PetitionState.COLLECTING:
        left = (d.threshold or 0) - d.signature_count
        days = st.days_left if st.days_left is not None else 0
        return (f"Триває збір підписів: до {format_date(st.window_ends_on)} включно "
                f"(залишилось днів: {days}); бракує {petitions.signatures_text(max(left, 0))}.")
    if st.state is PetitionState.THRESHOLD_REACHED:
        return (f"Петиція набрала необхідну кількість підписів {format_date(d.threshold_reached_on)}; рада розгляне "
                f"її не пізніше {format_date(st.consideration_due_on)}.")
    if st.state is PetitionState.ANSWERED:
        outcome = d.outcome.label_uk.lower() if d.outcome else ""
        return f"Петицію розглянуто {format_date(d.answered_on)}: {outcome}."
    if st.state is PetitionState.UNSUCCESSFUL:
        return (f"Збір підписів завершився {format_date(st.window_ends_on)}: петиція не набрала необхідної кількості "
                "підписів і розглядається як звернення громадян.")
    return "Петицію ще не оприлюднено."


def render(db: Database, record_id: int | None, out: Path, progress: ProgressCallback | None = None) -> None:
    if record_id is None:
        raise ValidationError("Вкажіть номер петиції (--id).", "Give the petition number (--id).")
    report(progress, 0, 2, "Петиція")
    today = dt.date.today()
    d = petitions.get_petition(db, petitions.petition_id_by_number(db, record_id), today)
    if d.published_on is None or d.threshold is None or d.window is None:
        raise ValidationError(
            f"Петицію №{d.number} ще не оприлюднено: оголошення друкують після оприлюднення.",
            f"Petition #{d.number} is not published yet.",
        )
    profile = council.require_profile(db)
    st = styles()
    story: list[Flowable] = [
        Paragraph(f"<b>{esc(d.title)}</b>", st.h2),
        key_value_table([
            ("Автор петиції", d.author_name),
            ("Оприлюднено", format_date(d.published_on)),
            ("Збір підписів", f"до {format_date(d.status.window_ends_on)} включно ({d.window.describe_uk()})"),
            ("Потрібно підписів", format_int(d.threshold)),
            ("Відповідальна особа", d.responsible or "—"),
        ]),
        ProgressBar(d.signature_count, d.threshold),
        Spacer(1, 2 * mm),
        paragraph(state_sentence(d)),
    ]
    story += section("Текст петиції")
    story += [paragraph(part) for part in d.text.split("\n\n") if part.strip()]
    if d.status.state is PetitionState.COLLECTING:
        story += section("Як підписати")
        in_person = (
            f"Особисто — у приміщенні ради ({profile.council_name}"
            + (f", {profile.address}" if profile.address else "")
            + ") у робочі дні. Вкажіть прізвище, ім’я та по батькові, адресу й телефон; адресу і телефон не "
              "оприлюднюють, вони потрібні лише для перевірки підпису. Кожна людина підписує петицію один раз."
        )
        if d.online_url:
            online = Paragraph(
                "Онлайн — відскануйте QR-код або відкрийте посилання:<br/>"
                f"<font name='{FONT_BOLD}'>{esc(d.online_url)}</font>", st.body)
            table = Table([[qr_flowable(d.online_url, 32), [online, Spacer(1, 3 * mm), paragraph(in_person)]]],
                          colWidths=[38 * mm, None], hAlign="LEFT")
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
            story.append(table)
        else:
            story.append(paragraph(in_person))
    report(progress, 1, 2, "PDF")
    build_pdf(out, title=f"Електронна петиція №{d.number}", subtitle="Оголошення про збір підписів",
              council=council_header(db), story=story, public=True)
    report(progress, 2, 2, "")


def choices(db: Database) -> list[tuple[int, str]]:
    return petitions.petition_choices(db, published_only=True)


REPORTS = [
    ReportKind(
        id="petition-notice",
        title_uk="Оголошення про петицію",
        title_en="Petition notice",
        public=True,
        render=render,
        needs_id=True,
        id_hint_uk="номер петиції",
        id_hint_en="petition number",
        choices=choices,
    )
]

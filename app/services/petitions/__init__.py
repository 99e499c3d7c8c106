"""Local e-petitions: register, publication, signatures, answer, and hand-over to appeals.

A petition's state is never typed: it follows from its dates and signature count
(:func:`app.domain.petitions.petition_state`) on the council's working calendar. The
threshold and the collection window are copied from the council settings when the
petition is published, so a later change of the statute does not alter a running
petition. A petition whose window closes short of the threshold is handled as an
ordinary appeal: :func:`register_as_appeal` creates that appeal, linked to it.

Signers are compared by :func:`app.domain.names.normalize_person_name`; the database
refuses the same key twice for one petition (UNIQUE constraint), so two PCs entering
signatures at once cannot both record one person. The refusal names the earlier
signature (date and channel).

Private data (author's and signers' contacts) is returned only to users who may edit
records or enter signatures, and never reaches a public report.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.petitions import Appeal, Petition, PetitionSignature
from app.domain.calendar import WorkingCalendar
from app.domain.deadlines import DeadlineState
from app.domain.formats import format_date
from app.domain.names import normalize_person_name, search_key
from app.domain.petitions import (
    CollectionWindow,
    PetitionDataError,
    PetitionOutcome,
    PetitionState,
    PetitionStatus,
    WindowUnit,
    petition_state,
)
from app.errors import ImportRejectedError, NotFoundError, ValidationError
from app.services import appeals
from app.services.appeals import retry_unique
from app.services.core import audit, holidays, settings
from app.services.core.auth import Actor, Permission, require
from app.services.core.due import DueItem
from app.services.core.progress import ProgressCallback, report
from app.services.core.records import check_version
from app.services.core.settings import SettingDef
from app.services.petitions import links as petition_links

THRESHOLD = SettingDef(
    "petitions.threshold", int, 100, "Петиції: кількість підписів для розгляду",
    "Petitions: signatures needed for consideration", 1, 1_000_000,
)
WINDOW_LENGTH = SettingDef(
    "petitions.window_length", int, 3, "Петиції: строк збору підписів (місяців або днів)",
    "Petitions: signature collection period (months or days)", 1, 366,
)
WINDOW_IN_MONTHS = SettingDef(
    "petitions.window_in_months", bool, True, "Петиції: строк збору підписів — у місяцях (інакше в днях)",
    "Petitions: the collection period is in months (otherwise days)",
)

PAGE_KEY = "petitions"

SIGNATURE_CHANNELS: dict[str, tuple[str, str]] = {
    "paper": ("паперовий підписний лист", "paper sheet"),
    "online": ("онлайн-платформа", "online platform"),
    "imported": ("імпорт із файлу", "imported from a file"),
}

# Public-facing wording of each state (labels come from app.domain.petitions).
STATE_FILTERS: list[PetitionState] = list(PetitionState)

MAX_TITLE = 300
MAX_NAME = 200
_PHONE_RE = re.compile(r"^[+\d][\d\s()\-]{4,30}$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MARK = "—"  # shown instead of private data to users who may not see it


def plural_uk(n: int, one: str, few: str, many: str) -> str:
    """The Ukrainian noun form for ``n``: 1 підпис, 2 підписи, 5 підписів (21 підпис, 11 підписів)."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def signatures_text(n: int) -> str:
    """``"151 підпис"``, ``"93 підписи"``, ``"100 підписів"``."""
    return f"{n} {plural_uk(n, 'підпис', 'підписи', 'підписів')}"


def channel_label(channel: str, language: str = "uk") -> str:
    pair = SIGNATURE_CHANNELS.get(channel)
    if pair is None:
        return channel
    return pair[1] if language == "en" else pair[0]


# --------------------------------------------------------------------------- views


@dataclass(frozen=True)
class PetitionInput:
    """What the clerk types for a petition (author's contacts are private)."""

    title: str
    text: str
    author_name: str
    submitted_on: dt.date
    author_address: str = ""
    author_phone: str = ""
    author_email: str = ""
    responsible: str = ""
    online_url: str = ""


@dataclass(frozen=True)
class PetitionRow:
    """One line of the petitions list (public data only)."""

    id: int
    number: int
    title: str
    author_name: str
    submitted_on: dt.date
    published_on: dt.date | None
    threshold: int | None
    signature_count: int
    status: PetitionStatus
    answered_on: dt.date | None
    answer_text: str
    appeal_id: int | None
    appeal_number: str
    version: int

    @property
    def state(self) -> PetitionState:
        return self.status.state

    @property
    def progress(self) -> float:
        """Share of the threshold collected, 0…1 (0 for drafts)."""
        if not self.threshold:
            return 0.0
        return min(1.0, self.signature_count / self.threshold)


@dataclass(frozen=True)
class PetitionDetail(PetitionRow):
    text: str = ""
    author_address: str = ""
    author_phone: str = ""
    author_email: str = ""
    responsible: str = ""
    online_url: str = ""
    window: CollectionWindow | None = None
    threshold_reached_on: dt.date | None = None
    outcome: PetitionOutcome | None = None
    answered_by: str = ""
    private_visible: bool = True
    links: tuple[str, ...] = field(default_factory=tuple)  # agenda item / decision that acted on it
    links_en: tuple[str, ...] = field(default_factory=tuple)  # the same in English, for the GUI

    def link_texts(self, language: str = "uk") -> tuple[str, ...]:
        return self.links_en if language == "en" else self.links

    def input(self) -> PetitionInput:
        return PetitionInput(
            title=self.title, text=self.text, author_name=self.author_name, submitted_on=self.submitted_on,
            author_address=self.author_address, author_phone=self.author_phone, author_email=self.author_email,
            responsible=self.responsible, online_url=self.online_url,
        )


@dataclass(frozen=True)
class SignatureInput:
    """One signature as typed or imported; ``line`` is the row in an import file (0 when typed)."""

    signer_name: str
    signed_on: dt.date | None = None
    address: str = ""
    phone: str = ""
    channel: str = "paper"
    line: int = 0


@dataclass(frozen=True)
class SignatureRow:
    id: int
    number: int  # 1-based position in the petition's list, by date of signing
    signer_name: str
    signed_on: dt.date
    channel: str
    address: str
    phone: str
    source: str
    created_at: dt.datetime


class DuplicateSignatureError(ValidationError):
    """The signer already signed this petition; ``earlier`` is that signature."""

    def __init__(self, name: str, earlier_on: dt.date, earlier_channel: str) -> None:
        self.earlier_on = earlier_on
        self.earlier_channel = earlier_channel
        super().__init__(
            f"«{name}» вже підписав(ла) цю петицію {format_date(earlier_on)} "
            f"({channel_label(earlier_channel)}). Повторний підпис не враховано.",
            f"«{name}» already signed this petition on {format_date(earlier_on)} "
            f"({channel_label(earlier_channel, 'en')}). The repeated signature was not recorded.",
        )


# --------------------------------------------------------------------------- helpers


def can_see_private(actor: Actor | None) -> bool:
    return actor is None or actor.can(Permission.EDIT_RECORDS) or actor.can(Permission.ENTER_SIGNATURES)


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def _window(p: Petition) -> CollectionWindow | None:
    if p.window_length is None or p.window_unit is None:
        return None
    return CollectionWindow(p.window_length, WindowUnit(p.window_unit))


def _status(
    p: Petition | _PetitionFacts,
    calendar: WorkingCalendar,
    today: dt.date,
    due_soon: int,
    appeal_answered_on: dt.date | None = None,
) -> PetitionStatus:
    window = _window(p) if p.published_on is not None else None  # type: ignore[arg-type]
    reached = p.threshold is not None and p.signature_count >= p.threshold
    try:
        return petition_state(
            published_on=p.published_on,
            window=window or CollectionWindow.days(1),
            threshold=p.threshold or 1,
            signature_count=p.signature_count if p.published_on is not None else 0,
            threshold_reached_on=p.threshold_reached_on if reached else None,
            answered_on=p.answered_on if reached else appeal_answered_on,
            outcome=PetitionOutcome(p.outcome) if reached and p.outcome and p.answered_on else None,
            today=today,
            calendar=calendar,
            submitted_on=p.submitted_on,
            due_soon_working_days=due_soon,
        )
    except PetitionDataError as exc:
        raise ValidationError(f"Петиція №{p.number}: {exc}", f"Petition #{p.number}: inconsistent data.") from exc


@dataclass
class _PetitionFacts:
    """The columns :func:`_status` needs, from a row of a list query."""

    number: int
    submitted_on: dt.date
    published_on: dt.date | None
    threshold: int | None
    window_length: int | None
    window_unit: str | None
    signature_count: int
    threshold_reached_on: dt.date | None
    answered_on: dt.date | None
    outcome: str | None


def _search_key(number: int, title: str, author: str) -> str:
    return search_key(f"№{number} {title} {author}")


def _like_pattern(text: str) -> str:
    key = search_key(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{key}%"


def _get(s: Session, petition_id: int, *, lock: bool = False) -> Petition:
    stmt = select(Petition).where(Petition.id == petition_id)
    if lock:
        stmt = stmt.with_for_update()
    p = s.execute(stmt).scalar_one_or_none()
    if p is None:
        raise NotFoundError(f"Петицію (id {petition_id}) не знайдено.", f"Petition (id {petition_id}) not found.")
    return p


def petition_id_by_number(db: Database, number: int) -> int:
    with db.read() as s:
        pid = s.execute(select(Petition.id).where(Petition.number == number)).scalar_one_or_none()
    if pid is None:
        raise NotFoundError(f"Петиції №{number} немає в реєстрі.", f"There is no petition #{number}.")
    return pid


def _appeal_for(s: Session, petition_id: int) -> Appeal | None:
    return s.execute(select(Appeal).where(Appeal.petition_id == petition_id)).scalar_one_or_none()


def _validate(data: PetitionInput, today: dt.date) -> PetitionInput:
    problems = []
    title = _clean(data.title)
    author = _clean(data.author_name)
    text = (data.text or "").strip()
    if not title:
        problems.append("Вкажіть назву петиції.")
    elif len(title) > MAX_TITLE:
        problems.append(f"Назва петиції задовга (понад {MAX_TITLE} знаків).")
    if not text:
        problems.append("Вкажіть текст петиції.")
    if not author:
        problems.append("Вкажіть автора петиції (прізвище та ім’я).")
    elif len(author) > MAX_NAME:
        problems.append("Ім’я автора задовге.")
    if data.submitted_on > today:
        problems.append("Дата подання петиції не може бути в майбутньому.")
    phone = _clean(data.author_phone)
    if phone and not _PHONE_RE.match(phone):
        problems.append(f"Телефон автора «{phone}» неправильний.")
    email = data.author_email.strip()
    if email and not _EMAIL_RE.match(email):
        problems.append(f"Адреса електронної пошти автора «{email}» неправильна.")
    url = data.online_url.strip()
    if url and not re.match(r"^https?://\S+\.\S+$", url):
        problems.append(f"Посилання на петицію онлайн «{url}» має починатися з https://.")
    if problems:
        raise ValidationError(" ".join(problems), "The petition has errors; see the Ukrainian message.")
    return PetitionInput(
        title=title, text=text, author_name=author, submitted_on=data.submitted_on,
        author_address=_clean(data.author_address), author_phone=phone, author_email=email,
        responsible=_clean(data.responsible), online_url=url,
    )


def _row_from(p: Petition, status: PetitionStatus, appeal: Appeal | None) -> PetitionRow:
    return PetitionRow(
        id=p.id, number=p.number, title=p.title, author_name=p.author_name, submitted_on=p.submitted_on,
        published_on=p.published_on, threshold=p.threshold, signature_count=p.signature_count, status=status,
        answered_on=p.answered_on if p.threshold_reached_on else (appeal.answered_on if appeal else None),
        answer_text=p.answer_text, appeal_id=appeal.id if appeal else None,
        appeal_number=appeal.reg_number if appeal else "", version=p.version,
    )


# --------------------------------------------------------------------------- petitions: writes


def create_petition(db: Database, actor: Actor, data: PetitionInput, *, today: dt.date | None = None) -> int:
    """Register a submitted petition (a draft until published); returns its id."""
    require(actor, Permission.EDIT_RECORDS)
    clean = _validate(data, today or dt.date.today())

    def write() -> int:
        with db.write() as s:
            number = (s.execute(select(func.max(Petition.number))).scalar() or 0) + 1
            p = Petition(
                number=number, title=clean.title, text=clean.text, author_name=clean.author_name,
                author_address=clean.author_address, author_phone=clean.author_phone,
                author_email=clean.author_email, responsible=clean.responsible, online_url=clean.online_url,
                submitted_on=clean.submitted_on, signature_count=0, answer_text="", answered_by="",
                search_key=_search_key(number, clean.title, clean.author_name),
            )
            s.add(p)
            s.flush()
            audit.record_object(s, actor, audit.Action.CREATE, p, summary=f"Петиція №{number}: {clean.title}",
                                exclude=("search_key",))
            return p.id

    return retry_unique(write)


def update_petition(
    db: Database, actor: Actor, petition_id: int, data: PetitionInput, expected_version: int,
    *, today: dt.date | None = None,
) -> None:
    """Save edited details. The submission date can change only before publication."""
    require(actor, Permission.EDIT_RECORDS)
    clean = _validate(data, today or dt.date.today())
    with db.write() as s:
        p = _get(s, petition_id, lock=True)
        check_version(p, expected_version, "Петицію")
        if p.published_on is not None and clean.submitted_on != p.submitted_on:
            raise ValidationError("Дату подання не можна змінити після оприлюднення петиції.",
                                  "The submission date cannot change after publication.")
        if p.published_on is not None and clean.submitted_on > p.published_on:
            raise ValidationError("Дата подання не може бути пізніше дати оприлюднення.")
        before = audit.snapshot(p, exclude=("search_key",))
        for key in ("title", "text", "author_name", "author_address", "author_phone", "author_email",
                    "responsible", "online_url", "submitted_on"):
            setattr(p, key, getattr(clean, key))
        p.search_key = _search_key(p.number, clean.title, clean.author_name)
        s.flush()
        changes = audit.diff(before, audit.snapshot(p, exclude=("search_key",)))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, p, changes=changes,
                                summary=f"Петиція №{p.number}: {p.title}")


def delete_petition(db: Database, actor: Actor, petition_id: int, expected_version: int) -> None:
    """Delete a draft registered by mistake; a published petition stays in the register for good."""
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        p = _get(s, petition_id, lock=True)
        check_version(p, expected_version, "Петицію")
        if p.published_on is not None:
            raise ValidationError(
                f"Петицію №{p.number} вже оприлюднено: її не можна видалити з реєстру.",
                f"Petition #{p.number} is published and cannot be deleted.",
            )
        audit.record_object(s, actor, audit.Action.DELETE, p, summary=f"Петиція №{p.number}: {p.title}",
                            exclude=("search_key",))
        s.delete(p)


def collection_rules(db: Database) -> tuple[int, CollectionWindow]:
    """The threshold and window the council's settings give a petition published now."""
    values = settings.get_values(db, (THRESHOLD, WINDOW_LENGTH, WINDOW_IN_MONTHS))
    length = int(values[WINDOW_LENGTH.key])
    window = CollectionWindow.months(length) if values[WINDOW_IN_MONTHS.key] else CollectionWindow.days(length)
    return int(values[THRESHOLD.key]), window


def publish_petition(
    db: Database, actor: Actor, petition_id: int, published_on: dt.date, expected_version: int,
    *, today: dt.date | None = None,
) -> None:
    """Publish a checked petition: signature collection starts; threshold and window are fixed now."""
    require(actor, Permission.EDIT_RECORDS)
    today = today or dt.date.today()
    threshold, window = collection_rules(db)
    with db.write() as s:
        p = _get(s, petition_id, lock=True)
        check_version(p, expected_version, "Петицію")
        if p.published_on is not None:
            raise ValidationError(f"Петицію №{p.number} вже оприлюднено {format_date(p.published_on)}.")
        if published_on < p.submitted_on:
            raise ValidationError(
                f"Дата оприлюднення не може бути раніше дати подання ({format_date(p.submitted_on)}).",
                "The publication date cannot precede the submission date.",
            )
        if published_on > today:
            raise ValidationError("Дата оприлюднення не може бути в майбутньому.",
                                  "The publication date cannot be in the future.")
        p.published_on = published_on
        p.threshold = threshold
        p.window_length = window.length
        p.window_unit = window.unit.value
        s.flush()
        audit.record_object(
            s, actor, audit.Action.UPDATE, p,
            changes={"published_on": [None, published_on.isoformat()], "threshold": [None, threshold],
                     "window": [None, window.describe_uk()]},
            summary=f"Петицію №{p.number} оприлюднено: {threshold} підписів за {window.describe_uk()}",
        )


def answer_petition(
    db: Database, actor: Actor, petition_id: int, *, outcome: PetitionOutcome, answered_on: dt.date,
    answer_text: str, answered_by: str, expected_version: int, today: dt.date | None = None,
) -> None:
    """Record the council's answer to a petition that reached its threshold (or correct it)."""
    require(actor, Permission.EDIT_RECORDS)
    today = today or dt.date.today()
    text = (answer_text or "").strip()
    by = _clean(answered_by)
    problems = []
    if not text:
        problems.append("Вкажіть текст відповіді.")
    if not by:
        problems.append("Вкажіть, хто підписав відповідь (посада, прізвище та ім’я).")
    if answered_on > today:
        problems.append("Дата відповіді не може бути в майбутньому.")
    if problems:
        raise ValidationError(" ".join(problems), "The answer has errors.")
    with db.write() as s:
        p = _get(s, petition_id, lock=True)
        check_version(p, expected_version, "Петицію")
        if p.threshold is None or p.threshold_reached_on is None or p.signature_count < p.threshold:
            raise ValidationError(
                f"Петиція №{p.number} не набрала {p.threshold or '—'} підписів: відповідь на неї дають як на "
                "звернення громадян.",
                f"Petition #{p.number} has not reached its threshold: it is answered as a citizens' appeal.",
            )
        if answered_on < p.threshold_reached_on:
            raise ValidationError(
                f"Дата відповіді не може бути раніше дня, коли петиція набрала підписи "
                f"({format_date(p.threshold_reached_on)}).",
                "The answer cannot precede the day the threshold was reached.",
            )
        before = audit.snapshot(p, exclude=("search_key",))
        p.outcome = PetitionOutcome(outcome).value
        p.answered_on = answered_on
        p.answer_text = text
        p.answered_by = by
        s.flush()
        audit.record_object(s, actor, audit.Action.UPDATE, p,
                            changes=audit.diff(before, audit.snapshot(p, exclude=("search_key",))),
                            summary=f"Відповідь на петицію №{p.number}: {PetitionOutcome(outcome).label_uk}")


def register_as_appeal(db: Database, actor: Actor, petition_id: int, *, today: dt.date | None = None) -> int:
    """Hand a petition that failed to collect its signatures over as an ordinary appeal; returns the appeal id.

    The appeal counts as received on the day the collection window closed, from the author,
    through the channel "petition", and stays linked to the petition.
    """
    require(actor, Permission.EDIT_RECORDS)
    today = today or dt.date.today()
    calendar = holidays.working_calendar(db)
    due_soon = holidays.due_soon_days(db)
    rules = appeals.numbering(db)

    def write() -> int:
        with db.write() as s:
            p = _get(s, petition_id, lock=True)
            if _appeal_for(s, p.id) is not None:
                raise ValidationError(f"Петицію №{p.number} вже зареєстровано як звернення.")
            status = _status(p, calendar, today, due_soon)
            if status.state is not PetitionState.UNSUCCESSFUL or status.window_ends_on is None:
                raise ValidationError(
                    f"Петиція №{p.number} — «{status.label_uk}»: як звернення реєструють лише петицію, "
                    "що не набрала підписів до кінця строку збору.",
                    "Only a petition whose collection window closed short of the threshold becomes an appeal.",
                )
            data = appeals.AppealInput(
                received_on=status.window_ends_on,
                channel="petition",
                kind="proposal",
                applicant_name=p.author_name,
                applicant_address=p.author_address,
                applicant_phone=p.author_phone,
                applicant_email=p.author_email,
                summary=f"Електронна петиція №{p.number} «{p.title}» не набрала необхідних {p.threshold} "
                        f"підписів (зібрано {p.signature_count}) і розглядається як звернення.\n\n{p.text}",
                topic="Електронна петиція",
                assignee=p.responsible,
            )
            appeal = appeals.insert_appeal(s, actor, data, rules, petition_id=p.id, allow_petition_channel=True,
                                          today=today)
            audit.record_object(s, actor, audit.Action.UPDATE, p,
                                changes={"appeal": [None, appeal.reg_number]},
                                summary=f"Петицію №{p.number} передано як звернення {appeal.reg_number}")
            return appeal.id

    return retry_unique(write)


# --------------------------------------------------------------------------- signatures


def _signature_problem(
    sig: SignatureInput, p: Petition, window_end: dt.date, today: dt.date
) -> tuple[SignatureInput, str | None]:
    """The cleaned signature and the reason it is refused (None when it is fine)."""
    name = _clean(sig.signer_name)
    phone = _clean(sig.phone)
    clean = replace(sig, signer_name=name, address=_clean(sig.address), phone=phone,
                    signed_on=sig.signed_on or today)
    if not name:
        return clean, "не вказано прізвище та ім’я"
    if len(name.split()) < 2:
        return clean, f"«{name}»: потрібні прізвище та ім’я (принаймні два слова)"
    if len(name) > MAX_NAME:
        return clean, "ім’я задовге"
    if any(ch.isdigit() for ch in name):
        return clean, f"«{name}»: у прізвищі та імені не може бути цифр"
    if phone and not _PHONE_RE.match(phone):
        return clean, f"телефон «{phone}» неправильний"
    if clean.channel not in SIGNATURE_CHANNELS:
        return clean, f"невідомий спосіб підписання «{clean.channel}»"
    assert clean.signed_on is not None and p.published_on is not None
    if clean.signed_on > today:
        return clean, f"дата підпису {format_date(clean.signed_on)} ще не настала"
    if clean.signed_on < p.published_on:
        return clean, (f"дата підпису {format_date(clean.signed_on)} раніше оприлюднення петиції "
                       f"({format_date(p.published_on)})")
    if clean.signed_on > window_end:
        return clean, (f"дата підпису {format_date(clean.signed_on)} після завершення збору підписів "
                       f"({format_date(window_end)})")
    return clean, None


def _check_open(s: Session, p: Petition) -> dt.date:
    """Refuse signatures for a petition that does not collect them; return the window's last day."""
    if p.published_on is None:
        raise ValidationError(f"Петицію №{p.number} ще не оприлюднено: підписи під нею не збирають.",
                              f"Petition #{p.number} is not published yet.")
    if p.answered_on is not None:
        raise ValidationError(f"Петицію №{p.number} вже розглянуто: нові підписи не приймаються.",
                              f"Petition #{p.number} has been answered.")
    if _appeal_for(s, p.id) is not None:
        raise ValidationError(f"Петицію №{p.number} вже передано на розгляд як звернення: підписи не приймаються.",
                              f"Petition #{p.number} was handed over as an appeal.")
    window = _window(p)
    assert window is not None
    return window.end_date(p.published_on)


def recount(s: Session, p: Petition) -> None:
    """Recompute the petition's signature count and the day its threshold-th signature came."""
    count = s.execute(
        select(func.count(PetitionSignature.id)).where(PetitionSignature.petition_id == p.id)
    ).scalar_one()
    reached: dt.date | None = None
    if p.threshold and count >= p.threshold:
        reached = s.execute(
            select(PetitionSignature.signed_on).where(PetitionSignature.petition_id == p.id)
            .order_by(PetitionSignature.signed_on, PetitionSignature.id).offset(p.threshold - 1).limit(1)
        ).scalar_one()
    # A plain UPDATE: counts change with every signature and must not make the clerk's open
    # petition form stale (the version counter is left alone).
    s.execute(update(Petition).where(Petition.id == p.id)
              .values(signature_count=count, threshold_reached_on=reached)
              .execution_options(synchronize_session=False))
    s.expire(p, ["signature_count", "threshold_reached_on"])


def _existing_signature(s: Session, petition_id: int, key: str) -> PetitionSignature | None:
    return s.execute(select(PetitionSignature).where(
        PetitionSignature.petition_id == petition_id, PetitionSignature.signer_key == key)).scalar_one_or_none()


def _earlier(db: Database, petition_id: int, key: str) -> SignatureRow | None:
    """The signature already recorded for this signer key, read in its own session."""
    with db.read() as s:
        sig = s.execute(select(PetitionSignature).where(
            PetitionSignature.petition_id == petition_id, PetitionSignature.signer_key == key)).scalar_one_or_none()
        if sig is None:
            return None
        return SignatureRow(sig.id, 0, sig.signer_name, sig.signed_on, sig.channel, "", "", sig.source,
                            sig.created_at)


def add_signature(
    db: Database, actor: Actor, petition_id: int, data: SignatureInput, *, today: dt.date | None = None
) -> SignatureRow:
    """Record one signature (typed by the clerk); a repeated signer is refused with the earlier signature."""
    require(actor, Permission.ENTER_SIGNATURES)
    today = today or dt.date.today()
    if data.channel == "imported":
        raise ValidationError("Спосіб «імпорт із файлу» ставиться лише під час імпорту.")
    key = normalize_person_name(data.signer_name)
    try:
        with db.write() as s:
            p = _get(s, petition_id, lock=True)
            window_end = _check_open(s, p)
            clean, problem = _signature_problem(data, p, window_end, today)
            if problem:
                raise ValidationError(problem[0].upper() + problem[1:] + ".")
            existing = _existing_signature(s, p.id, key)
            if existing is not None:
                raise DuplicateSignatureError(existing.signer_name, existing.signed_on, existing.channel)
            assert clean.signed_on is not None
            sig = PetitionSignature(petition_id=p.id, signer_name=clean.signer_name, signer_key=key,
                                    address=clean.address, phone=clean.phone, signed_on=clean.signed_on,
                                    channel=clean.channel, source="")
            s.add(sig)
            s.flush()
            recount(s, p)
            audit.record_object(s, actor, audit.Action.CREATE, sig, exclude=("signer_key",),
                                summary=f"Підпис під петицією №{p.number}: {clean.signer_name}")
            position = s.execute(select(func.count(PetitionSignature.id)).where(
                PetitionSignature.petition_id == p.id)).scalar_one()
            return SignatureRow(sig.id, position, sig.signer_name, sig.signed_on, sig.channel, sig.address,
                                sig.phone, sig.source, sig.created_at)
    except IntegrityError:
        # Another PC recorded the same signer between our check and our insert: the UNIQUE constraint held.
        earlier = _earlier(db, petition_id, key)
        if earlier is None:
            raise
        raise DuplicateSignatureError(earlier.signer_name, earlier.signed_on, earlier.channel) from None


@dataclass(frozen=True)
class BatchProblem:
    line: int
    name: str
    reason: str

    def text(self) -> str:
        where = f"Рядок {self.line}" if self.line else "Запис"
        return f"{where}: {self.reason}."


@dataclass(frozen=True)
class BatchCheck:
    """The verdict on a batch of signatures before it is written."""

    rows: list[SignatureInput]  # cleaned, in input order
    problems: list[BatchProblem]  # every refused row with its reason
    petition_number: int
    signature_count: int  # signatures already recorded
    threshold: int | None

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    def problem_for(self, line: int) -> str | None:
        for problem in self.problems:
            if problem.line == line:
                return problem.reason
        return None


def _check_batch(s: Session, p: Petition, rows: Sequence[SignatureInput], today: dt.date) -> BatchCheck:
    window_end = _check_open(s, p)
    existing = {
        key: (signed_on, channel)
        for key, signed_on, channel in s.execute(
            select(PetitionSignature.signer_key, PetitionSignature.signed_on, PetitionSignature.channel)
            .where(PetitionSignature.petition_id == p.id))
    }
    seen: dict[str, int] = {}
    cleaned: list[SignatureInput] = []
    problems: list[BatchProblem] = []
    for sig in rows:
        clean, problem = _signature_problem(sig, p, window_end, today)
        cleaned.append(clean)
        if problem is None:
            key = normalize_person_name(clean.signer_name)
            if key in existing:
                on, channel = existing[key]
                problem = (f"«{clean.signer_name}» вже підписав(ла) цю петицію {format_date(on)} "
                           f"({channel_label(channel)})")
            elif key in seen:
                problem = f"«{clean.signer_name}» повторює рядок {seen[key]}"
            else:
                seen[key] = sig.line
        if problem is not None:
            problems.append(BatchProblem(sig.line, clean.signer_name, problem))
    return BatchCheck(cleaned, problems, p.number, p.signature_count, p.threshold)


def check_signatures(
    db: Database, petition_id: int, rows: Sequence[SignatureInput], *, today: dt.date | None = None
) -> BatchCheck:
    """Validate a batch (an import preview) without writing anything."""
    with db.read() as s:
        return _check_batch(s, _get(s, petition_id), rows, today or dt.date.today())


def add_signatures(
    db: Database,
    actor: Actor,
    petition_id: int,
    rows: Sequence[SignatureInput],
    *,
    source: str = "",
    today: dt.date | None = None,
    progress: ProgressCallback | None = None,
) -> int:
    """Record a batch of signatures: all of them, or none (every refused row listed). Returns the count."""
    require(actor, Permission.ENTER_SIGNATURES)
    today = today or dt.date.today()
    if not rows:
        raise ValidationError("У файлі немає жодного підпису.", "The file holds no signatures.")
    total = len(rows)
    report(progress, 0, total, "Перевірка підписів")
    try:
        with db.write() as s:
            p = _get(s, petition_id, lock=True)
            check = _check_batch(s, p, rows, today)
            if check.problems:
                raise ImportRejectedError(
                    f"Імпорт скасовано: {len(check.problems)} із {total} рядків не прийнято, жодного підпису "
                    "не записано. Виправте рядки у файлі й повторіть.",
                    [problem.text() for problem in check.problems],
                    f"Import refused: {len(check.problems)} of {total} rows rejected; nothing was recorded.",
                )
            step = 5000
            for start in range(0, total, step):
                chunk = check.rows[start:start + step]
                s.execute(insert(PetitionSignature), [
                    {"petition_id": p.id, "signer_name": sig.signer_name,
                     "signer_key": normalize_person_name(sig.signer_name), "address": sig.address,
                     "phone": sig.phone, "signed_on": sig.signed_on, "channel": sig.channel, "source": source[:300]}
                    for sig in chunk
                ])
                report(progress, min(start + step, total), total, "Запис підписів")
            recount(s, p)
            audit.record(
                s, actor, audit.Action.IMPORT, "petition_signature", entity_id=p.id, entity_uuid=p.uuid,
                changes={"petition": [None, p.number], "count": [None, total], "source": [None, source]},
                summary=f"Імпорт {total} підписів під петицією №{p.number}" + (f" з «{source}»" if source else ""),
            )
            return total
    except IntegrityError:
        raise ValidationError(
            "Поки йшов імпорт, хтось інший записав підписи тих самих людей; імпорт скасовано, нічого не записано. "
            "Повторіть імпорт: повтори буде показано.",
            "Someone recorded the same signers meanwhile; nothing was imported. Try again.",
        ) from None


def remove_signature(db: Database, actor: Actor, signature_id: int, reason: str) -> None:
    """Strike out a signature recorded in error (the reason goes to the audit trail)."""
    require(actor, Permission.EDIT_RECORDS)
    if not reason.strip():
        raise ValidationError("Вкажіть, чому підпис вилучається.", "Give the reason for removing the signature.")
    with db.write() as s:
        sig = s.execute(select(PetitionSignature).where(PetitionSignature.id == signature_id)).scalar_one_or_none()
        if sig is None:
            raise NotFoundError("Підпис не знайдено (можливо, його вже вилучено).")
        p = _get(s, sig.petition_id, lock=True)
        if p.answered_on is not None or _appeal_for(s, p.id) is not None:
            raise ValidationError(f"Петицію №{p.number} вже розглянуто: підписи під нею не змінюються.")
        audit.record_object(s, actor, audit.Action.DELETE, sig, exclude=("signer_key",),
                            summary=f"Вилучено підпис під петицією №{p.number}: {sig.signer_name}. "
                                    f"Причина: {reason.strip()}")
        s.delete(sig)
        s.flush()
        recount(s, p)


# --------------------------------------------------------------------------- reads


_LIST_COLUMNS = (
    Petition.id, Petition.number, Petition.title, Petition.author_name, Petition.submitted_on,
    Petition.published_on, Petition.threshold, Petition.window_length, Petition.window_unit,
    Petition.signature_count, Petition.threshold_reached_on, Petition.answered_on, Petition.outcome,
    Petition.answer_text, Petition.version, Appeal.id, Appeal.reg_number, Appeal.answered_on,
)


def list_petitions(
    db: Database,
    today: dt.date | None = None,
    *,
    search: str = "",
    states: Iterable[PetitionState] | None = None,
    published_only: bool = False,
) -> list[PetitionRow]:
    """Petitions, newest first, with their derived state; ``search`` matches number, title and author."""
    today = today or dt.date.today()
    calendar = holidays.working_calendar(db)
    due_soon = holidays.due_soon_days(db)
    stmt = select(*_LIST_COLUMNS).outerjoin(Appeal, Appeal.petition_id == Petition.id).order_by(
        Petition.number.desc())
    if search.strip():
        stmt = stmt.where(Petition.search_key.like(_like_pattern(search), escape="\\"))
    if published_only:
        stmt = stmt.where(Petition.published_on.is_not(None))
    wanted = set(states) if states is not None else None
    rows: list[PetitionRow] = []
    with db.read() as s:
        result = s.execute(stmt).all()
    for r in result:
        facts = _PetitionFacts(r[1], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12])
        status = _status(facts, calendar, today, due_soon, r[17])
        if wanted is not None and status.state not in wanted:
            continue
        rows.append(PetitionRow(
            id=r[0], number=r[1], title=r[2], author_name=r[3], submitted_on=r[4], published_on=r[5],
            threshold=r[6], signature_count=r[9], status=status,
            answered_on=r[11] if r[10] else r[17], answer_text=r[13] or "", appeal_id=r[15],
            appeal_number=r[16] or "", version=r[14],
        ))
    return rows


def get_petition(
    db: Database, petition_id: int, today: dt.date | None = None, *, actor: Actor | None = None
) -> PetitionDetail:
    """Everything about one petition; contacts only for users who may see them."""
    today = today or dt.date.today()
    calendar = holidays.working_calendar(db)
    due_soon = holidays.due_soon_days(db)
    private = can_see_private(actor)
    with db.read() as s:
        p = _get(s, petition_id)
        appeal = _appeal_for(s, p.id)
        status = _status(p, calendar, today, due_soon, appeal.answered_on if appeal else None)
        row = _row_from(p, status, appeal)
        return PetitionDetail(
            **row.__dict__,
            text=p.text,
            author_address=p.author_address if private else _MARK,
            author_phone=p.author_phone if private else _MARK,
            author_email=p.author_email if private else _MARK,
            responsible=p.responsible,
            online_url=p.online_url,
            window=_window(p),
            threshold_reached_on=p.threshold_reached_on,
            outcome=PetitionOutcome(p.outcome) if p.outcome else None,
            answered_by=p.answered_by,
            private_visible=private,
            links=tuple(_links(s, p)),
            links_en=tuple(_links(s, p, "en")),
        )


def _links(s: Session, p: Petition, language: str = "uk") -> list[str]:
    """Descriptions of the agenda item / decision that acted on the petition (see petition_links)."""
    return petition_links.describe(s, p, language)


def list_signatures(
    db: Database, petition_id: int, *, search: str = "", actor: Actor | None = None
) -> list[SignatureRow]:
    """The petition's signatures in the order they were given (by date, then entry)."""
    private = can_see_private(actor)
    key = normalize_person_name(search) if search.strip() else ""
    with db.read() as s:
        result = s.execute(
            select(PetitionSignature.id, PetitionSignature.signer_name, PetitionSignature.signer_key,
                   PetitionSignature.signed_on, PetitionSignature.channel, PetitionSignature.address,
                   PetitionSignature.phone, PetitionSignature.source, PetitionSignature.created_at)
            .where(PetitionSignature.petition_id == petition_id)
            .order_by(PetitionSignature.signed_on, PetitionSignature.id)
        ).all()
    rows = []
    for number, r in enumerate(result, start=1):
        if key and key not in r[2]:
            continue
        rows.append(SignatureRow(r[0], number, r[1], r[3], r[4], r[5] if private else _MARK,
                                 r[6] if private else _MARK, r[7], r[8]))
    return rows


def find_signer(db: Database, petition_id: int, name: str) -> SignatureRow | None:
    """The earlier signature of this person under this petition, if any (a hint while typing)."""
    key = normalize_person_name(name)
    if not key:
        return None
    return _earlier(db, petition_id, key)


def petition_choices(db: Database, *, published_only: bool = False) -> list[tuple[int, str]]:
    """(number, "№N — title") for report and import pickers, newest first."""
    stmt = select(Petition.number, Petition.title).order_by(Petition.number.desc())
    if published_only:
        stmt = stmt.where(Petition.published_on.is_not(None))
    with db.read() as s:
        return [(number, f"№{number} — {title}") for number, title in s.execute(stmt)]


def state_counts(rows: Iterable[PetitionRow]) -> dict[PetitionState, int]:
    counts = dict.fromkeys(PetitionState, 0)
    for row in rows:
        counts[row.state] += 1
    return counts


# --------------------------------------------------------------------------- due soon (home page)


def due_items(db: Database, today: dt.date) -> list[DueItem]:
    """Petitions whose publication, consideration or appeal hand-over is due soon or overdue."""
    items = []
    for row in list_petitions(db, today):
        st = row.status
        if st.deadline not in (DeadlineState.DUE_SOON, DeadlineState.OVERDUE) or st.due_on is None:
            continue
        if st.state is PetitionState.DRAFT:
            what = f"Петиція №{row.number}: перевірити й оприлюднити — «{row.title}»"
            what_en = f"Petition No. {row.number}: check and publish — «{row.title}»"
        elif st.state is PetitionState.THRESHOLD_REACHED:
            what = f"Петиція №{row.number} набрала {signatures_text(row.signature_count)}: розглянути — «{row.title}»"
            signed = f"{row.signature_count} signature{'' if row.signature_count == 1 else 's'}"
            what_en = f"Petition No. {row.number} has {signed}: consider it — «{row.title}»"
        elif st.state is PetitionState.UNSUCCESSFUL and row.appeal_id is None:
            what = f"Петиція №{row.number} не набрала підписів: зареєструвати як звернення — «{row.title}»"
            what_en = f"Petition No. {row.number} fell short of signatures: register it as an appeal — «{row.title}»"
        else:
            continue  # an unsuccessful petition already registered as an appeal is due there
        items.append(DueItem(due=st.due_on, area_uk="Петиція", area_en="Petition", title=what,
                             overdue=st.deadline is DeadlineState.OVERDUE, page=PAGE_KEY, record_id=row.id,
                             title_en=what_en))
    return items

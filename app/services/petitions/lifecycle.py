"""A petition's life as the clerk moves it on: registration, corrections, publication, the council's
answer, and the hand-over to appeals.

The threshold and the collection window are copied from the council settings (declared here)
when the petition is published, so a later change of the statute does not alter a running
petition. A petition whose window closes short of the threshold is handled as an ordinary
appeal: :func:`register_as_appeal` creates that appeal, linked to it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models.petitions import Petition
from app.domain.formats import format_date
from app.domain.petitions import CollectionWindow, PetitionOutcome, PetitionState
from app.errors import ValidationError
from app.services import appeals
from app.services.core import audit, holidays, settings
from app.services.core.auth import Actor, Permission, require
from app.services.core.records import check_version, retry_unique
from app.services.core.settings import SettingDef
from app.services.petitions.common import appeal_for, load_petition, one_line, petition_search_key, status_of, validate
from app.services.petitions.views import PetitionInput

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


def create_petition(db: Database, actor: Actor, data: PetitionInput, *, today: dt.date | None = None) -> int:
    """Register a submitted petition (a draft until published); returns its id."""
    require(actor, Permission.EDIT_RECORDS)
    clean = validate(data, today or dt.date.today())

    def write() -> int:
        with db.write() as s:
            number = (s.execute(select(func.max(Petition.number))).scalar() or 0) + 1
            p = Petition(
                number=number, title=clean.title, text=clean.text, author_name=clean.author_name,
                author_address=clean.author_address, author_phone=clean.author_phone,
                author_email=clean.author_email, responsible=clean.responsible, online_url=clean.online_url,
                submitted_on=clean.submitted_on, signature_count=0, answer_text="", answered_by="",
                search_key=petition_search_key(number, clean.title, clean.author_name),
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
    clean = validate(data, today or dt.date.today())
    with db.write() as s:
        p = load_petition(s, petition_id, lock=True)
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
        p.search_key = petition_search_key(p.number, clean.title, clean.author_name)
        s.flush()
        changes = audit.diff(before, audit.snapshot(p, exclude=("search_key",)))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, p, changes=changes,
                                summary=f"Петиція №{p.number}: {p.title}")


def delete_petition(db: Database, actor: Actor, petition_id: int, expected_version: int) -> None:
    """Delete a draft registered by mistake; a published petition stays in the register for good."""
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        p = load_petition(s, petition_id, lock=True)
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
        p = load_petition(s, petition_id, lock=True)
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
    by = one_line(answered_by)
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
        p = load_petition(s, petition_id, lock=True)
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
            p = load_petition(s, petition_id, lock=True)
            if appeal_for(s, p.id) is not None:
                raise ValidationError(f"Петицію №{p.number} вже зареєстровано як звернення.")
            status = status_of(p, calendar, today, due_soon)
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

"""Signatures under a petition: typed one by one, imported in a batch (all or none), struck out, listed.

Signers are compared by :func:`app.domain.names.normalize_person_name`; the database
refuses the same key twice for one petition (UNIQUE constraint), so two PCs entering
signatures at once cannot both record one person. The refusal names the earlier
signature (date and channel). :func:`recount` keeps the petition's count and the day it
reached its threshold in step with the signatures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.petitions import Petition, PetitionSignature
from app.domain.formats import format_date
from app.domain.names import normalize_person_name
from app.domain.petitions import SignatureChannel
from app.errors import ImportRejectedError, NotFoundError, ValidationError
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.progress import ProgressCallback, report
from app.services.petitions.common import (
    MAX_NAME,
    PHONE_RE,
    PRIVATE_MARK,
    appeal_for,
    can_see_private,
    load_petition,
    one_line,
    window_of,
)
from app.services.petitions.views import SignatureInput, SignatureRow


class DuplicateSignatureError(ValidationError):
    """The signer already signed this petition; ``earlier`` is that signature."""

    def __init__(self, name: str, earlier_on: dt.date, earlier_channel: str) -> None:
        self.earlier_on = earlier_on
        self.earlier_channel = earlier_channel
        super().__init__(
            f"«{name}» вже підписав(ла) цю петицію {format_date(earlier_on)} "
            f"({SignatureChannel.title_of(earlier_channel)}). Повторний підпис не враховано.",
            f"«{name}» already signed this petition on {format_date(earlier_on)} "
            f"({SignatureChannel.title_of(earlier_channel, 'en')}). The repeated signature was not recorded.",
        )


def _signature_problem(
    sig: SignatureInput, p: Petition, window_end: dt.date, today: dt.date
) -> tuple[SignatureInput, str | None]:
    """The cleaned signature and the reason it is refused (None when it is fine)."""
    name = one_line(sig.signer_name)
    phone = one_line(sig.phone)
    clean = replace(sig, signer_name=name, address=one_line(sig.address), phone=phone,
                    signed_on=sig.signed_on or today)
    if not name:
        return clean, "не вказано прізвище та ім’я"
    if len(name.split()) < 2:
        return clean, f"«{name}»: потрібні прізвище та ім’я (принаймні два слова)"
    if len(name) > MAX_NAME:
        return clean, "ім’я задовге"
    if any(ch.isdigit() for ch in name):
        return clean, f"«{name}»: у прізвищі та імені не може бути цифр"
    if phone and not PHONE_RE.match(phone):
        return clean, f"телефон «{phone}» неправильний"
    if clean.channel not in SignatureChannel._value2member_map_:
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
    if appeal_for(s, p.id) is not None:
        raise ValidationError(f"Петицію №{p.number} вже передано на розгляд як звернення: підписи не приймаються.",
                              f"Petition #{p.number} was handed over as an appeal.")
    window = window_of(p)
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
            p = load_petition(s, petition_id, lock=True)
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
                           f"({SignatureChannel.title_of(channel)})")
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
        return _check_batch(s, load_petition(s, petition_id), rows, today or dt.date.today())


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
            p = load_petition(s, petition_id, lock=True)
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
        p = load_petition(s, sig.petition_id, lock=True)
        if p.answered_on is not None or appeal_for(s, p.id) is not None:
            raise ValidationError(f"Петицію №{p.number} вже розглянуто: підписи під нею не змінюються.")
        audit.record_object(s, actor, audit.Action.DELETE, sig, exclude=("signer_key",),
                            summary=f"Вилучено підпис під петицією №{p.number}: {sig.signer_name}. "
                                    f"Причина: {reason.strip()}")
        s.delete(sig)
        s.flush()
        recount(s, p)


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
        rows.append(SignatureRow(r[0], number, r[1], r[3], r[4], r[5] if private else PRIVATE_MARK,
                                 r[6] if private else PRIVATE_MARK, r[7], r[8]))
    return rows


def find_signer(db: Database, petition_id: int, name: str) -> SignatureRow | None:
    """The earlier signature of this person under this petition, if any (a hint while typing)."""
    key = normalize_person_name(name)
    if not key:
        return None
    return _earlier(db, petition_id, key)

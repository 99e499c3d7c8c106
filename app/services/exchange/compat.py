"""What two PCs must share before a bundle is merged, and the refusals when they do not.

A bundle is refused whole (nothing written) when it comes from another council's database,
was made on this very PC (or on the PC this database was copied from), is older than one
already imported from the same PC, or when a fingerprint differs: records of some tables
only make sense when both PCs hold the same secret (the participatory budget's voter-hash
key, so the same voter on two PCs is caught as a duplicate).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models.budget import BudgetSecret
from app.db.models.core import CouncilProfile
from app.db.models.exchange import ExchangePartner
from app.errors import ValidationError
from app.services.budget.ballots import VOTER_KEY_NAME
from app.services.exchange.bundle import BundleInfo
from app.services.exchange.records import Incoming
from app.services.exchange.scope import Scope
from app.services.safety.identity import this_pc


def _pb_voter_key_fingerprint(s: Session) -> str | None:
    value = s.execute(select(BudgetSecret.value).where(BudgetSecret.name == VOTER_KEY_NAME)).scalar_one_or_none()
    if value is None:
        return None
    return hashlib.sha256(b"hromada-exchange-voter-key:" + value.encode("ascii")).hexdigest()[:16]


# name -> (tables whose records need equal fingerprints on both PCs, function, message)
FINGERPRINTS: dict[str, tuple[tuple[str, ...], Callable[[Session], str | None], str]] = {
    "pb_voter_key": (
        ("pb_ballot",), _pb_voter_key_fingerprint,
        "ключ хешування виборців громадського бюджету на цьому ПК і на ПК «{source}» різний (або на одному з них "
        "його ще немає), тож повторний голос тієї самої людини на двох ПК не можна було б виявити. Налаштуйте "
        "один ПК із резервної копії бази іншого (відновлення копії) і повторіть обмін.",
    ),
}


def council_row(s: Session) -> CouncilProfile:
    """This database's council; exchange needs one (bundles travel only between bases of one council)."""
    profile = s.execute(select(CouncilProfile).order_by(CouncilProfile.id).limit(1)).scalar_one_or_none()
    if profile is None:
        raise ValidationError(
            "Профіль ради ще не заповнено: обмін можливий лише між базами однієї ради. Налаштуйте цей ПК, "
            "відновивши резервну копію бази офісу.",
            "The council profile is not set up yet: restore the office's backup on this PC first.",
        )
    return profile


def local_fingerprints(s: Session, scope: Scope) -> dict[str, str | None]:
    """This PC's fingerprints for the tables in ``scope`` (written to the manifest of a bundle)."""
    result: dict[str, str | None] = {}
    for name, (tables, fn, _msg) in FINGERPRINTS.items():
        if any(t in scope.specs for t in tables):
            try:
                result[name] = fn(s)
            except Exception:  # noqa: BLE001 - an area's table may be missing in an old database
                result[name] = None
    return result


def check_compatible(s: Session, info: BundleInfo, records: list[Incoming], scope: Scope) -> None:
    """Refuse a bundle from another council, from this very PC, or made with other voter keys."""
    council = council_row(s)
    if council.uuid != info.council_uuid:
        raise ValidationError(
            f"Пакет створено в базі іншої ради («{info.council_name}», {info.hromada_name}), а ця база — "
            f"«{council.council_name}». Пакет не імпортовано, нічого не змінено.",
            "The bundle comes from another council's database; nothing was imported.",
        )
    identity = this_pc(s)
    if identity.pc_uuid == info.source_pc_uuid:
        raise ValidationError(
            "Цей пакет створено на цьому ж ПК (або ця база — копія бази того ПК, з якого його зроблено). "
            "Якщо базу скопійовано з іншого ПК, дайте цьому ПК власну ідентичність "
            "(«Обмін між ПК» → «Назва ПК» → «Новий ідентифікатор») і повторіть. Нічого не змінено.",
            "This bundle was made on this PC (or this database is a copy of that PC's); nothing was imported.",
        )
    tables = {r.table for r in records}
    for name, (needs, fn, message) in FINGERPRINTS.items():
        if not tables & set(needs):
            continue
        try:
            mine = fn(s)
        except Exception:  # noqa: BLE001
            mine = None
        theirs = info.fingerprints.get(name)
        if mine is None or theirs is None or mine != theirs:
            raise ValidationError(
                "Пакет не імпортовано: " + message.replace("{source}", info.source_pc_name) + " Нічого не змінено.",
                "The bundle was refused: the two PCs use different voter keys; set one up from the other's backup.",
            )


def check_order(s: Session, info: BundleInfo) -> None:
    """Refuse a bundle older than (or as old as) one already imported from the same PC in the same epoch."""
    partner = s.execute(select(ExchangePartner).where(ExchangePartner.pc_uuid == info.source_pc_uuid)
                        ).scalar_one_or_none()
    if partner is None or partner.last_import_epoch != info.epoch:
        return
    if info.seq <= partner.last_import_seq:
        raise ValidationError(
            f"Пакет №{info.seq} від «{info.source_pc_name}» старіший за вже імпортований №{partner.last_import_seq}: "
            "у ньому застарілі дані. Попросіть зробити новий пакет; нічого не змінено.",
            "This bundle is older than one already imported from the same PC; nothing was changed.",
        )

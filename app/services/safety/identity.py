"""This PC's identity for exchange between PCs: its id, its name, the epoch of its database.

Exchange signs every bundle with it; a restore keeps it (a database copied back from a
backup is still this PC) and starts a new epoch, so partners send everything again. Both
use it, so it lives here rather than in :mod:`app.services.exchange` (which imports backups
for the copy before an import: the arrow runs one way).
"""

from __future__ import annotations

import socket
import uuid as uuid_module
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.exchange import ExchangeIdentity, ExchangePartner
from app.errors import ValidationError
from app.services.core import audit
from app.services.core.auth import Actor, Permission, writes


@dataclass(frozen=True)
class Identity:
    """This PC for its partners: a stable id, a name the clerk chose, and the epoch of its database."""

    pc_uuid: str
    pc_name: str
    epoch: str


def _default_pc_name() -> str:
    try:
        name = socket.gethostname().strip()
    except OSError:
        name = ""
    return (name or "ПК")[:100]


def this_pc(s: Session) -> ExchangeIdentity:
    """This PC's identity row, made on first use (inside the caller's transaction)."""
    row = s.execute(select(ExchangeIdentity).order_by(ExchangeIdentity.id).limit(1)).scalar_one_or_none()
    if row is None:
        row = ExchangeIdentity(pc_uuid=str(uuid_module.uuid4()), pc_name=_default_pc_name(),
                               epoch=str(uuid_module.uuid4()))
        s.add(row)
        s.flush()
    return row


def current_identity(db: Database) -> Identity | None:
    """This PC's identity as stored (None before the first exchange)."""
    with db.read() as s:
        row = s.execute(select(ExchangeIdentity).order_by(ExchangeIdentity.id).limit(1)).scalar_one_or_none()
        return Identity(row.pc_uuid, row.pc_name, row.epoch) if row else None


def ensure_identity(db: Database) -> Identity:
    """This PC's identity, made now if it has none yet."""
    with db.write() as s:
        row = this_pc(s)
        return Identity(row.pc_uuid, row.pc_name, row.epoch)


@writes(Permission.BACKUP)
def set_pc_name(db: Database, actor: Actor, name: str, *, new_identity: bool = False) -> Identity:
    """Rename this PC for its partners; ``new_identity`` when this database was copied from another PC."""
    clean = " ".join(name.split())
    if not 1 <= len(clean) <= 100:
        raise ValidationError("Назва ПК має містити від 1 до 100 символів.", "The PC name must be 1–100 characters.")
    with db.write() as s:
        row = this_pc(s)
        before = {"pc_name": row.pc_name, "pc_uuid": row.pc_uuid}
        row.pc_name = clean
        if new_identity:
            row.pc_uuid = str(uuid_module.uuid4())
            row.epoch = str(uuid_module.uuid4())
        s.flush()
        audit.record(s, actor, audit.Action.UPDATE, "exchange_identity", entity_id=row.id, entity_uuid=row.uuid,
                     changes=audit.diff(before, {"pc_name": row.pc_name, "pc_uuid": row.pc_uuid}),
                     summary=f"Назва ПК для обміну: {clean}")
        return Identity(row.pc_uuid, row.pc_name, row.epoch)


def after_restore(db: Database, preserved: Identity | None) -> None:
    """After a restore: keep this PC's identity, start a new epoch, send everything next time."""
    with db.write() as s:
        row = this_pc(s)
        if preserved is not None:
            row.pc_uuid = preserved.pc_uuid
            row.pc_name = preserved.pc_name
        else:  # this PC had no identity (a new PC, or a database beyond repair): never reuse the backup's
            row.pc_uuid = str(uuid_module.uuid4())
            row.pc_name = _default_pc_name()
        row.epoch = str(uuid_module.uuid4())
        s.execute(update(ExchangePartner).values(resend_all=True))

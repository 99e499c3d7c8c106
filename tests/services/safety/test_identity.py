"""This PC's identity for exchange: made on first use, renamed by the clerk, kept across a restore."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.engine import Database
from app.db.models.core import AuditEvent
from app.db.models.exchange import ExchangePartner
from app.errors import ValidationError
from app.services.core.auth import Actor
from app.services.safety import identity


def test_made_on_first_use_and_stable(db: Database) -> None:
    assert identity.current_identity(db) is None
    first = identity.ensure_identity(db)
    assert first.pc_name and first.pc_uuid != first.epoch
    assert identity.ensure_identity(db) == first == identity.current_identity(db)


def test_rename_and_new_identity(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    before = identity.ensure_identity(db)
    renamed = identity.set_pc_name(db, admin, "  Бібліотека   №2 ")
    assert (renamed.pc_name, renamed.pc_uuid, renamed.epoch) == ("Бібліотека №2", before.pc_uuid, before.epoch)
    copied = identity.set_pc_name(db, admin, "Офіс", new_identity=True)
    assert copied.pc_uuid != before.pc_uuid and copied.epoch != before.epoch
    for bad in ("", "   ", "x" * 101):
        with pytest.raises(ValidationError):
            identity.set_pc_name(db, admin, bad)
    with db.read() as s:
        events = s.execute(select(AuditEvent.summary).where(AuditEvent.entity_type == "exchange_identity")).scalars()
        assert list(events) == ["Назва ПК для обміну: Бібліотека №2", "Назва ПК для обміну: Офіс"]


def test_after_restore(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    mine = identity.set_pc_name(db, admin, "Офіс")
    with db.write() as s:
        s.add(ExchangePartner(name="Бібліотека", pc_name=""))
    identity.after_restore(db, mine)
    kept = identity.current_identity(db)
    assert kept is not None and (kept.pc_uuid, kept.pc_name) == (mine.pc_uuid, "Офіс") and kept.epoch != mine.epoch
    with db.read() as s:
        assert s.execute(select(ExchangePartner.resend_all)).scalars().all() == [True], "partners send everything"
    identity.after_restore(db, None)  # this PC had no identity: never take over the backup's
    fresh = identity.current_identity(db)
    assert fresh is not None and fresh.pc_uuid != mine.pc_uuid

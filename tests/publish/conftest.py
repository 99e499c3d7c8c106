"""A council with private contacts to keep out of the open-data pack."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db.engine import Database
from app.services import deputies, petitions
from app.services.core.auth import Actor
from tests.services.petitions.petition_helpers import TODAY, make_petition

SIGNER_PHONE = "+380 97 555 44 33"
SIGNER_ADDRESS = "с. Вишнівка, вул. Лугова, 17"


@pytest.fixture
def council(council_db: tuple[Database, Actor]) -> tuple[Database, Actor, int]:
    """A council with a petition (private author contacts), a signature (private address and phone),
    and deputies with a public and a private phone."""
    db, admin = council_db
    pid = make_petition(db, admin, title="Облаштувати укриття в гімназії")
    petitions.add_signature(db, admin, pid, petitions.SignatureInput(
        "Лисенко Марія Іванівна", dt.date(2026, 3, 10), SIGNER_ADDRESS, SIGNER_PHONE, "paper"), today=TODAY)
    fid = deputies.save_faction(db, admin, deputies.FactionData(name="Громада разом"))
    deputies.create_deputy(db, admin, deputies.DeputyData(
        surname="Бондар", given_name="Петро", mandate_start=dt.date(2025, 11, 1), faction_id=fid,
        phone="+380 50 123 45 67", phone_public=True, email="bondar@rada.example.ua", email_public=True,
        biography="Вчитель історії."))
    deputies.create_deputy(db, admin, deputies.DeputyData(
        surname="Ткачук", given_name="Ірина", mandate_start=dt.date(2025, 11, 1),
        phone="+380 63 999 88 77", phone_public=False, email="tkachuk.private@example.com"))
    return db, admin, pid

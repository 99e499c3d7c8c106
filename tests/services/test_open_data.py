"""The database half of the open-data pack: allow-listed datasets, the private-value index,
the budget cycles whose votes may be published, and the audit entry of a publication."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import update

import app.db.models  # noqa: F401 - every table in Base.metadata
from app.db.base import Base
from app.db.engine import Database
from app.db.models.budget import BudgetCycle
from app.errors import PermissionDeniedError, ValidationError
from app.services import deputies, open_data, petitions, registry
from app.services.area import Dataset
from app.services.core import audit
from app.services.core.auth import Actor, Role
from tests.budget_support import voting_cycle
from tests.services.petitions.petition_helpers import TODAY, make_petition


def _dataset(table: str) -> Dataset:
    return next(ds for ds in registry.datasets() if ds.table == table)


def test_allow_lists_never_name_a_private_column() -> None:
    for ds in registry.datasets():
        table = Base.metadata.tables[ds.table]
        for column in ds.columns:
            assert column in table.c, f"{ds.table}.{column}"
            assert not open_data.is_private_column(ds.table, column) or column in ds.conditional, \
                f"{ds.table}.{column} is private"


def test_private_column_rules() -> None:
    assert open_data.is_private_column("petition_signature", "address")
    assert open_data.is_private_column("pb_ballot", "voter_hash")
    assert open_data.is_private_column("pb_secret", "value")
    assert not open_data.is_private_column("council_profile", "address")  # the council's own address
    assert not open_data.is_private_column("petition", "title")
    assert open_data.kind_of("deputy", "birth_date") == "birth"
    assert open_data.kind_of("petition", "author_email") == "email"
    assert open_data.kind_of("pb_ballot", "voter_hash") == "hash"


def test_dataset_rows_follow_the_allow_list(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    fid = deputies.save_faction(db, admin, deputies.FactionData(name="Громада разом"))
    deputies.create_deputy(db, admin, deputies.DeputyData(
        surname="Бондар", given_name="Петро", mandate_start=dt.date(2025, 11, 1), faction_id=fid,
        phone="+380 50 123 45 67", phone_public=True, email="bondar@rada.example.ua", email_public=False))
    table = open_data.dataset_table(db, _dataset("deputy"))
    assert table.headers[:2] == ["uuid", "surname"] and "faction_uuid" in table.headers
    assert "phone_public" not in table.headers, "the flags of conditional columns are not published"
    [row] = table.rows
    record = dict(zip(table.headers, row, strict=True))
    faction_uuid = open_data.dataset_table(db, _dataset("faction")).rows[0][0]
    assert record["faction_uuid"] == faction_uuid, "links to other records are their UUIDs"
    assert record["phone"] == "+380 50 123 45 67" and record["email"] is None, "a private contact is emptied"
    assert record["mandate_start"] == dt.date(2025, 11, 1), "values come as stored; the pack formats them"


def test_dataset_row_filter(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    make_petition(db, admin, title="Оприлюднена петиція")
    make_petition(db, admin, title="Чернетка петиції", published_on=None)
    rows = open_data.dataset_table(db, _dataset("petition")).rows
    assert [row[2] for row in rows] == ["Оприлюднена петиція"]


def test_a_bad_allow_list_is_refused(db: Database) -> None:
    with pytest.raises(ValidationError, match="немає стовпця «nickname»"):
        open_data.dataset_table(db, Dataset("deputy", "deputies", "Депутати", ("surname", "nickname")))
    with pytest.raises(ValidationError, match="стовпець «phone» приватний"):
        open_data.dataset_table(db, Dataset("deputy", "deputies", "Депутати", ("surname", "phone")))


def test_available_datasets_skip_unknown_tables(db: Database) -> None:
    known = _dataset("deputy")
    missing = Dataset("no_such_table", "deputies", "Ніщо", ("name",))
    assert open_data.available_datasets(db, [missing, known]) == [known]


def test_private_index_holds_private_values_and_allows_public_contacts(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    petitions.add_signature(db, admin, pid, petitions.SignatureInput(
        "Лисенко Марія Іванівна", dt.date(2026, 3, 10), "с. Вишнівка, вул. Лугова, 17", "+380 97 555 44 33",
        "paper"), today=TODAY)
    deputies.create_deputy(db, admin, deputies.DeputyData(
        surname="Бондар", given_name="Петро", mandate_start=dt.date(2025, 11, 1),
        phone="+380 50 123 45 67", phone_public=True, email="bondar@rada.example.ua", email_public=True))
    index = open_data.private_index(db)
    assert index.count > 0
    found = {(v.table, v.column) for v, _ in index.find("Адреса: с. Вишнівка, вул. Лугова, 17.")}
    assert ("petition_signature", "address") in found
    assert index.phones["975554433"] == ("petition_signature", "phone")
    assert "501234567" in index.allowed_phones and "bondar@rada.example.ua" in index.allowed_emails


def test_pb_cycles_say_which_results_are_approved(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    assert open_data.pb_cycles(db) == []
    cycle = voting_cycle(db, admin).cycle
    assert open_data.pb_cycles(db) == [open_data.PbCycle(cycle.id, cycle.year, cycle.title, False)]
    with db.write() as s:
        s.execute(update(BudgetCycle).where(BudgetCycle.id == cycle.id).values(results_approved_at=dt.datetime.now()))
    assert open_data.pb_cycles(db)[0].results_approved


def test_record_publication_writes_the_audit_trail(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    with pytest.raises(PermissionDeniedError):
        open_data.record_publication(db, Actor(None, "viewer", Role.VIEWER), tmp_path / "pack", 3)
    open_data.record_publication(db, admin, tmp_path / "pack", 3)
    [event] = audit.list_events(db, audit.AuditFilter(entity_type="open_data"))
    assert event.summary == f"Пакет відкритих даних: 3 файлів → {tmp_path / 'pack'}"
    assert event.changes == {"files": [None, 3], "folder": [None, str(tmp_path / "pack")]}

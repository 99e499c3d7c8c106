"""Opening databases: pragmas, refusals that leave the disk untouched, migrations."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from app.db import migrations_runner
from app.db.engine import Database, make_engine, open_database
from app.errors import DatabaseOpenError
from app.services.core import audit, council
from app.services.core.auth import Actor
from tests.conftest import TEST_PROFILE


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sqlite_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3")
    try:
        with db.read() as s:
            assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert s.execute(text("PRAGMA busy_timeout")).scalar() == 15000
    finally:
        db.dispose()


def test_non_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Це не база даних, а нотатки секретаря.", encoding="utf-8")
    before = _digest(path)
    with pytest.raises(DatabaseOpenError, match="не є базою даних"):
        open_database(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_corrupt_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    db = open_database(path)
    council.setup_council(db, TEST_PROFILE)
    db.dispose()
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # smash the second page
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(DatabaseOpenError, match="пошкоджено"):
        open_database(path)
    assert _digest(path) == before


def test_unwritable_location_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    with pytest.raises(DatabaseOpenError, match="Не вдається створити папку"):
        open_database(blocker / "sub" / "db.sqlite3")


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="не знайдено"):
        open_database(tmp_path / "nope.sqlite3", create=False)
    assert not (tmp_path / "nope.sqlite3").exists()


def test_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("INSERT INTO alembic_version (version_num) VALUES ('ffff_from_the_future')")
    con.commit()
    con.close()
    before = _digest(path)
    with pytest.raises(DatabaseOpenError, match="новішою версією"):
        open_database(path)
    assert _digest(path) == before


def test_upgrade_from_first_migration_keeps_data(tmp_path: Path) -> None:
    """A database made by the first migration is upgraded to the latest, its data intact."""
    path = tmp_path / "old.sqlite3"
    from sqlalchemy.engine import URL

    url = URL.create("sqlite", database=str(path))
    old = Database(url=url, engine=make_engine(url), path=path)
    command.upgrade(migrations_runner.alembic_config(old), "0001")
    with old.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO council_profile (hromada_name, council_name, convocation, composition, address, website, "
            "logo_mime, uuid, created_at, updated_at, version) VALUES ('Стара громада', 'Стара рада', 7, 22, "
            "'вул. Миру, 1', '', '', 'b3c1f1e4-0000-4000-8000-000000000001', '2020-01-01 00:00:00', "
            "'2020-01-01 00:00:00', 1)"
        ))
    old.dispose()
    assert migrations_runner.script_heads(), "migrations exist"

    db = open_database(path)
    try:
        assert migrations_runner.current_revisions(db) == migrations_runner.script_heads()
        profile = council.get_profile(db)
        assert profile is not None
        assert (profile.council_name, profile.convocation, profile.composition) == ("Стара рада", 7, 22)
    finally:
        db.dispose()
    if migrations_runner.script_heads() != {"0001"}:
        copies = list(tmp_path.glob("old.before-upgrade-*.sqlite3"))
        assert copies, "the file is copied aside before an upgrade"


def test_write_rolls_back_on_error(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    before = audit.event_count(db)
    with pytest.raises(RuntimeError), db.write() as s:
        audit.record(s, actor, "other", "test")
        raise RuntimeError("boom")
    assert audit.event_count(db) == before

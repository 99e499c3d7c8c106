"""Backups: automatic (daily, rotation), manual (plain and password-protected), restore with verification."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.db.engine import Database, open_database
from app.errors import PermissionDeniedError, ServiceError, ValidationError
from app.services import deputies
from app.services.core import audit, council, settings
from app.services.core.auth import Actor, Role
from app.services.safety import backup
from app.services.safety.safefile import DamagedFileError, PasswordRequiredError, WrongPasswordError
from tests.safety_support import (
    audit_events,
    bulk_ballots,
    data_digest,
    failing_opener,
    integrity,
    leftovers,
    table_counts,
)

PASSWORD = "тестовий-пароль-2026"


@pytest.fixture(autouse=True)
def _sqlite_only(backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("backups work on the SQLite file; PostgreSQL is backed up on the server")


def add_faction(db: Database, actor: Actor, name: str) -> int:
    return deputies.save_faction(db, actor, deputies.FactionData(name=name, short_name=name[:3]))


def faction_names(db: Database) -> set[str]:
    return {f.name for f in deputies.list_factions(db)}


# --------------------------------------------------------------------------- automatic copies


def test_daily_copy_at_most_once_a_day_and_rotation_per_kind(council_db: tuple[Database, Actor],
                                                             tmp_path: Path) -> None:
    db, _ = council_db
    folder = tmp_path / "auto"
    day = datetime(2026, 5, 20, 9, 0)
    first = backup.auto_backup(db, "daily", folder=folder, keep=3, now=day)
    assert first is not None and integrity(first) == "ok"
    assert backup.auto_backup(db, "daily", folder=folder, keep=3, now=day + timedelta(hours=5)) is None
    for n in range(1, 6):
        assert backup.auto_backup(db, "daily", folder=folder, keep=3, now=day + timedelta(days=n)) is not None
    for n in range(4):
        backup.auto_backup(db, "before-import", folder=folder, keep=3, now=day + timedelta(days=6, minutes=n))
    copies = backup.list_auto_backups(db.path, folder)
    daily = [c for c in copies if c.reason == "daily"]
    imports = [c for c in copies if c.reason == "before-import"]
    assert len(daily) == 3 and len(imports) == 3, "rotation keeps the last N of each kind"
    assert daily[0].made_at == day + timedelta(days=5)
    assert not leftovers(folder)


def test_rotation_follows_the_council_setting(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    settings.set_values(db, admin, {backup.KEEP_LAST: 2})
    folder = tmp_path / "auto"
    for n in range(4):
        backup.auto_backup(db, "manual", folder=folder, now=datetime(2026, 1, 1) + timedelta(minutes=n))
    assert len(backup.list_auto_backups(db.path, folder)) == 2
    with pytest.raises(ValidationError):
        settings.set_values(db, admin, {backup.KEEP_LAST: 0})


def test_startup_copy_is_made_before_opening_and_never_blocks(council_db: tuple[Database, Actor],
                                                             tmp_path: Path) -> None:
    db, _ = council_db
    folder = tmp_path / "auto"
    made = backup.startup_backup(db.path, folder=folder, now=datetime(2026, 5, 20, 8))
    assert made is not None and made.name.startswith("test-daily-20260520")
    assert backup.startup_backup(db.path, folder=folder, now=datetime(2026, 5, 20, 18)) is None
    assert backup.startup_backup(tmp_path / "missing.sqlite3", folder=folder) is None
    not_sqlite = tmp_path / "notes.sqlite3"
    not_sqlite.write_text("не база")
    assert backup.startup_backup(not_sqlite, folder=folder) is None
    assert backup.startup_backup("postgresql://server/db") is None
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    assert backup.startup_backup(db.path, folder=blocked / "sub", now=datetime(2026, 5, 21)) is None


def test_gui_start_makes_the_daily_copy_before_opening(council_db: tuple[Database, Actor]) -> None:
    """The GUI opens its database through ui.db_choice, which makes the day's copy first."""
    from ui import db_choice

    db, _ = council_db
    assert backup.list_auto_backups(db.path) == []
    opened = db_choice._open(str(db.path))
    try:
        [copy] = backup.list_auto_backups(db.path)
        assert copy.reason == "daily" and integrity(copy.path) == "ok"
        db_choice._open(str(db.path)).dispose()
        assert len(backup.list_auto_backups(db.path)) == 1, "once a day"
    finally:
        opened.dispose()


# --------------------------------------------------------------------------- manual copies


def test_plain_backup_is_a_consistent_sqlite_file(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    add_faction(db, admin, "Громада")
    usb = tmp_path / "usb"
    usb.mkdir()
    before = audit_events(db)
    result = backup.create_backup(db, admin, usb)
    assert not result.encrypted and result.path.suffix == ".sqlite3"
    assert result.path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert integrity(result.path) == "ok"
    copy = open_database(result.path, migrate=False)
    try:
        assert "Громада" in faction_names(copy)
    finally:
        copy.dispose()
    assert audit_events(db) == before + 1, "the backup is recorded in the audit trail"
    assert leftovers(usb) == []


def test_encrypted_backup_needs_the_password(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    add_faction(db, admin, "Захищена")
    result = backup.create_backup(db, admin, tmp_path, password=PASSWORD)
    assert result.encrypted and result.path.suffix == ".hdbackup"
    raw = result.path.read_bytes()
    assert b"SQLite format 3" not in raw and "Захищена".encode() not in raw
    with pytest.raises(PasswordRequiredError):
        backup.inspect_backup(result.path, db_path=db.path)
    with pytest.raises(WrongPasswordError, match="Неправильний пароль"):
        backup.inspect_backup(result.path, password="not-the-password", db_path=db.path)
    info = backup.inspect_backup(result.path, password=PASSWORD, db_path=db.path)
    assert info.ok and info.encrypted
    assert info.council_name == "Тестова сільська рада"
    assert info.audit_ok is True
    areas = {a.area: a for a in info.areas}
    assert dict((t, c) for t, _, c in areas["deputies"].tables)["faction"] == 1
    text = "\n".join(info.summary_lines())
    assert "Тестова сільська рада" in text and "Депутати" in text and "Захищено паролем: так" in text


def test_short_password_refused(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    with pytest.raises(ValidationError, match="8 символів"):
        backup.create_backup(db, admin, tmp_path, password="123")
    assert list(tmp_path.glob("hromada-backup-*")) == []


@pytest.mark.parametrize("damage", ["truncate", "flip-late", "flip-header", "append"])
def test_damaged_encrypted_backup_refused(council_db: tuple[Database, Actor], tmp_path: Path, damage: str) -> None:
    db, admin = council_db
    for n in range(30):
        add_faction(db, admin, f"Фракція {n}")
    path = backup.create_backup(db, admin, tmp_path, password=PASSWORD).path
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) - 100]
    elif damage == "flip-late":
        data[-50] ^= 0x01
    elif damage == "flip-header":
        data[30] ^= 0x01
    else:
        data += b"extra"
    path.write_bytes(bytes(data))
    with pytest.raises(ServiceError):
        backup.inspect_backup(path, password=PASSWORD, db_path=db.path)


def test_viewer_may_not_back_up(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, _ = council_db
    viewer = Actor(None, "viewer", Role.VIEWER)
    with pytest.raises(PermissionDeniedError):
        backup.create_backup(db, viewer, tmp_path)


# --------------------------------------------------------------------------- full or read-only medium


@pytest.mark.parametrize("code,words", [(errno.ENOSPC, "закінчилося місце"), (errno.EROFS, "захищено від запису"),
                                        (errno.EIO, "від’єднано")])
def test_full_or_readonly_medium_leaves_nothing_and_database_untouched(
        council_db: tuple[Database, Actor], tmp_path: Path, code: int, words: str) -> None:
    db, admin = council_db
    for n in range(20):
        add_faction(db, admin, f"Фракція {n}")
    usb = tmp_path / "usb"
    usb.mkdir()
    before = data_digest(db)
    for password in (None, PASSWORD):
        with pytest.raises(ServiceError, match=words) as caught:
            backup.create_backup(db, admin, usb, password=password, opener=failing_opener(40_000, code))
        assert "база даних не змінилася" in caught.value.message
        assert list(usb.iterdir()) == [], "no partial file is left on the stick"
    assert data_digest(db) == before
    assert integrity(db.path) == "ok"


def test_output_folder_missing_or_a_file(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    with pytest.raises(ValidationError, match="не існує"):
        backup.create_backup(db, admin, tmp_path / "unplugged")
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(ValidationError, match="файл, а не папка"):
        backup.create_backup(db, admin, a_file)
    with pytest.raises(ValidationError):
        backup.create_backup(db, admin, a_file / "sub")


# --------------------------------------------------------------------------- restore


def test_restore_brings_back_the_copy_and_keeps_the_current_database(council_db: tuple[Database, Actor],
                                                                     tmp_path: Path) -> None:
    db, admin = council_db
    add_faction(db, admin, "Перша")
    saved = backup.create_backup(db, admin, tmp_path, password=PASSWORD)
    add_faction(db, admin, "Після копії")
    assert faction_names(db) == {"Перша", "Після копії"}
    result = backup.restore_backup(db, admin, saved.path, password=PASSWORD)
    assert faction_names(db) == {"Перша"}
    assert result.safety_copy is not None and result.safety_copy.exists()
    aside = open_database(result.safety_copy, migrate=False)
    try:
        assert faction_names(aside) == {"Перша", "Після копії"}, "the replaced content is kept"
    finally:
        aside.dispose()
    assert audit.verify_chain(db).ok
    assert any(e.summary.startswith("Базу відновлено") for e in audit.list_events(db))
    assert integrity(db.path) == "ok"


def test_restore_seen_by_a_second_connection(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    """Another open instance sees the restored content (it is copied into the file, not swapped)."""
    db, admin = council_db
    saved = backup.create_backup(db, admin, tmp_path)
    add_faction(db, admin, "Зайва")
    other = open_database(db.path)
    try:
        assert "Зайва" in faction_names(other)
        backup.restore_backup(db, admin, saved.path)
        assert "Зайва" not in faction_names(other)
    finally:
        other.dispose()


def test_restore_refuses_another_council_unless_confirmed(council_db: tuple[Database, Actor],
                                                         tmp_path: Path) -> None:
    db, admin = council_db
    other = open_database(tmp_path / "other.sqlite3")
    _, other_admin = council.setup_council(other, council.CouncilProfileData("Інша громада", "Інша рада", 8, 14))
    foreign = backup.create_backup(other, other_admin, tmp_path)
    other.dispose()
    before = data_digest(db)
    info = backup.inspect_backup(foreign.path, db_path=db.path)
    assert backup.is_other_council(db, info)
    with pytest.raises(ValidationError, match="іншій раді"):
        backup.restore_backup(db, admin, foreign.path)
    assert data_digest(db) == before
    backup.restore_backup(db, admin, foreign.path, allow_other_council=True)
    assert council.require_profile(db).council_name == "Інша рада"


def test_restore_refuses_damaged_unknown_and_newer_files(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    good = backup.create_backup(db, admin, tmp_path).path
    before = data_digest(db)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00" * 5000)
    with pytest.raises(DamagedFileError):
        backup.restore_backup(db, admin, garbage)
    plain = tmp_path / "not-hromada.sqlite3"
    con = sqlite3.connect(plain)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    with pytest.raises(DamagedFileError, match="не база Hromada Desk"):
        backup.restore_backup(db, admin, plain)
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(good, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999' WHERE version_num = '0500'")
    con.commit()
    con.close()
    with pytest.raises(ValidationError, match="новішою версією"):
        backup.restore_backup(db, admin, newer)
    corrupt = tmp_path / "corrupt.sqlite3"
    data = bytearray(good.read_bytes())
    for offset in range(4096 * 2, len(data), 4096):
        data[offset + 100: offset + 140] = b"\xff" * 40
    corrupt.write_bytes(bytes(data))
    with pytest.raises(DamagedFileError):
        backup.restore_backup(db, admin, corrupt)
    with pytest.raises(ValidationError, match="не знайдено"):
        backup.restore_backup(db, admin, tmp_path / "missing.sqlite3")
    assert data_digest(db) == before, "nothing was replaced"


def test_fresh_pc_set_up_from_a_backup(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    add_faction(db, admin, "Спільна")
    saved = backup.create_backup(db, admin, tmp_path, password=PASSWORD)
    fresh = open_database(tmp_path / "library.sqlite3")
    try:
        result = backup.restore_into_empty(fresh, saved.path, password=PASSWORD)
        assert result.info.council_name == "Тестова сільська рада"
        assert faction_names(fresh) == {"Спільна"}
        with pytest.raises(ValidationError, match="вже є рада"):
            backup.restore_into_empty(fresh, saved.path, password=PASSWORD)
    finally:
        fresh.dispose()


def test_counts_in_preview_match_the_database(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    add_faction(db, admin, "Одна")
    saved = backup.create_backup(db, admin, tmp_path)
    info = backup.inspect_backup(saved.path, db_path=db.path)
    counted = {t: c for a in info.areas for t, _, c in a.tables}
    actual = table_counts(db)
    actual.pop("alembic_version", None)
    actual["audit_event"] -= 1  # the backup's own audit event came after the copy
    assert counted == actual


def cancel_after(calls: int):  # noqa: ANN201
    """A progress callback that presses Cancel at its ``calls``-th report."""
    from app.services.core.progress import Cancelled

    seen = [0]

    def progress(_done: int, _total: int, _text: str) -> None:
        seen[0] += 1
        if seen[0] >= calls:
            raise Cancelled()

    return progress


@pytest.mark.parametrize("password", [None, PASSWORD])
def test_cancelled_backup_leaves_nothing(council_db: tuple[Database, Actor], tmp_path: Path,
                                         password: str | None) -> None:
    from app.services.core.progress import Cancelled

    db, admin = council_db
    before = data_digest(db)
    usb = tmp_path / "usb"
    usb.mkdir()
    for calls in (1, 2):  # while copying, while writing to the stick
        with pytest.raises(Cancelled):
            backup.create_backup(db, admin, usb, password=password, progress=cancel_after(calls))
    assert list(usb.iterdir()) == [] and data_digest(db) == before


def test_cancelled_restore_changes_nothing(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    from app.services.core.progress import Cancelled

    db, admin = council_db
    bulk_ballots(db, admin, 6000)  # a database of several copy steps
    saved = backup.create_backup(db, admin, tmp_path)
    add_faction(db, admin, "Залишиться")
    before = data_digest(db)
    with pytest.raises(Cancelled):
        backup.restore_backup(db, admin, saved.path, progress=cancel_after(4))  # during the copy into the file
    assert data_digest(db) == before and integrity(db.path) == "ok"


def test_startup_copy_of_a_closed_database(tmp_path: Path) -> None:
    """At start no connection is open: the WAL files are gone and the copy opens the file read-only."""
    db = open_database(tmp_path / "closed.sqlite3")
    _, admin = council.setup_council(db, council.CouncilProfileData("Громада", "Рада", 8, 12))
    add_faction(db, admin, "Збережена")
    db.dispose()
    assert not (tmp_path / "closed.sqlite3-wal").exists()
    copy = backup.startup_backup(tmp_path / "closed.sqlite3", folder=tmp_path / "auto")
    assert copy is not None and integrity(copy) == "ok"
    reopened = open_database(copy, migrate=False)
    try:
        assert faction_names(reopened) == {"Збережена"}
    finally:
        reopened.dispose()

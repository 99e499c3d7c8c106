"""``hromada migrate-db``: a whole database copied SQLite → PostgreSQL and back, verified."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.cli.main import main
from app.db.engine import Database, open_database
from app.demo import create as demo_create
from app.demo import profile as demo_profile
from app.errors import PermissionDeniedError, ValidationError
from app.services.core import audit, council, login, passwords, users
from app.services.core.auth import Actor, Role
from app.services.safety import dbcopy
from tests import dbutil
from tests.conftest import TEST_PROFILE


def _admin_of(db: Database) -> Actor:
    return users.default_admin(db)


def _council_file(path: Path) -> Path:
    db = open_database(dbutil.migrated_sqlite_file(path))
    try:
        _, admin = council.setup_council(db, TEST_PROFILE, admin_username="admin",
                                         password_hash=passwords.hash_password("admin-parol"))
        users.create_user(db, admin, users.UserData("sekretar", "Ганна", Role.CLERK), "sekretar-1")
        _appeals_pointing_forward(db)
    finally:
        db.dispose()
    return path


def _appeals_pointing_forward(db: Database) -> None:
    """Appeal 1 is a repeat of appeal 2: copying in id order must fill that link in afterwards."""
    from app.db.models.petitions import Appeal

    def appeal(pk: int, repeat_of: int | None) -> Appeal:
        return Appeal(id=pk, reg_year=2026, seq=pk, reg_number=f"К-{pk}", received_on=date(2026, 3, pk),
                      channel="paper", kind="statement", applicant_name="Тест", applicant_key="тест",
                      topic="Дороги", topic_key="дороги", term_days=30, repeat_of_id=repeat_of)

    with db.write() as s:
        s.add(appeal(2, None))
        s.flush()
        s.add(appeal(1, 2))


def _digests(db: Database) -> dict[str, tuple[int, str]]:
    with db.engine.connect() as conn:
        return {t.name: dbcopy.table_digest(conn, t) for t in dbcopy.sorted_tables()}


def test_sqlite_to_sqlite_copy_is_verified(tmp_path: Path) -> None:
    source_path = _council_file(tmp_path / "a.sqlite3")
    target_path = tmp_path / "b.sqlite3"
    result = dbcopy.migrate(str(source_path), str(target_path), _admin_of)
    assert result.ok, result
    assert {t.table for t in result.tables} >= {"app_user", "audit_event", "audit_chain_head", "appeal"}
    assert result.chain.ok and result.chain_head_matches
    target = open_database(target_path)
    source = open_database(source_path)
    try:
        copied, original = _digests(target), _digests(source)
        assert copied.pop("audit_event")[0] == original.pop("audit_event")[0] + 1  # + "copied from …"
        copied.pop("audit_chain_head"), original.pop("audit_chain_head")
        assert copied == original
        assert audit.list_events(target)[0].summary.startswith("Базу даних скопійовано з")
        assert audit.verify_chain(target).ok
        assert login.authenticate(target, "sekretar", "sekretar-1").role is Role.CLERK
    finally:
        target.dispose()
        source.dispose()


def test_refuses_a_target_with_records(tmp_path: Path) -> None:
    source = _council_file(tmp_path / "a.sqlite3")
    other = _council_file(tmp_path / "b.sqlite3")
    before = other.read_bytes()
    with pytest.raises(ValidationError, match="не порожня"):
        dbcopy.migrate(str(source), str(other), _admin_of)
    assert other.read_bytes() == before


def test_refuses_the_same_database(tmp_path: Path) -> None:
    source = _council_file(tmp_path / "a.sqlite3")
    with pytest.raises(ValidationError, match="одна й та сама"):
        dbcopy.migrate(str(source), str(tmp_path / "." / "a.sqlite3"), _admin_of)


def test_needs_the_backup_permission(tmp_path: Path) -> None:
    source = _council_file(tmp_path / "a.sqlite3")
    target = tmp_path / "b.sqlite3"
    with pytest.raises(PermissionDeniedError, match="резервні копії"):
        dbcopy.migrate(str(source), str(target), lambda db: login.authenticate(db, "sekretar", "sekretar-1"))
    assert not target.exists()


def test_cli_migrate_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _council_file(tmp_path / "a.sqlite3")
    assert main(["migrate-db", "--from", str(source), "--to", str(tmp_path / "b.sqlite3")]) == 0
    out = capsys.readouterr().out
    assert "audit_event" in out and "збігається" in out and "НЕ ЗБІГАЄТЬСЯ" not in out
    assert "ланцюжок не порушено" in out
    assert main(["migrate-db", "--from", str(source), "--to", str(tmp_path / "b.sqlite3")]) == 2
    assert "не порожня" in capsys.readouterr().err


@pytest.mark.postgres
@pytest.mark.slow
def test_demo_round_trip_sqlite_postgres_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole demo (every area's records) to PostgreSQL and back: same content, chain intact."""
    source_path = dbutil.migrated_sqlite_file(tmp_path / "demo.sqlite3")
    source = open_database(source_path)
    try:
        demo_create.create_demo(source)
        original = _digests(source)
    finally:
        source.dispose()
    with dbutil.fresh_pg_url() as pg_url:
        result = dbcopy.migrate(str(source_path), pg_url, _admin_of)
        assert result.ok, [t for t in result.tables if not t.ok]
        assert sum(t.source_rows for t in result.tables) > 100
        server = open_database(pg_url)
        try:
            # The serial counters moved past the copied ids: new records get fresh ids.
            admin = login.authenticate(server, demo_profile.DEMO_ADMIN, demo_profile.DEMO_PASSWORD)
            added = users.create_user(server, admin, users.UserData("novyi", "", Role.VIEWER), "novyi-parol")
            assert added.id > max(u.id for u in users.list_users(server) if u.username != "novyi")
            assert audit.verify_chain(server).ok
        finally:
            server.dispose()
        back_path = tmp_path / "back.sqlite3"
        monkeypatch.setenv("HROMADA_PASSWORD", demo_profile.DEMO_PASSWORD)
        assert main(["--user", demo_profile.DEMO_ADMIN, "migrate-db", "--from", pg_url, "--to", str(back_path)]) == 0
    back = open_database(back_path)
    try:
        returned = _digests(back)
        for name in ("audit_event", "audit_chain_head", "app_user"):  # sign-ins and the copy events were added
            returned.pop(name), original.pop(name)
        assert returned == original
        assert audit.verify_chain(back).ok
        assert users.get_user(back, "novyi").role is Role.VIEWER
    finally:
        back.dispose()


@pytest.mark.postgres
def test_refuses_a_server_database_with_records(tmp_path: Path) -> None:
    source = _council_file(tmp_path / "a.sqlite3")
    with dbutil.fresh_pg_url() as pg_url:
        assert dbcopy.migrate(str(source), pg_url, _admin_of).ok
        with pytest.raises(ValidationError, match="не порожня"):
            dbcopy.migrate(str(source), pg_url, _admin_of)


@pytest.mark.postgres
def test_unreachable_server_is_a_clear_message(tmp_path: Path) -> None:
    source = _council_file(tmp_path / "a.sqlite3")
    from app.errors import DatabaseOpenError

    with pytest.raises(DatabaseOpenError, match="Не вдається з’єднатися"):
        dbcopy.migrate(str(source), "postgresql://nobody@127.0.0.1:1/none", _admin_of)

"""``hromada user …`` and ``--user`` with passwords from the environment or a prompt."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main
from app.db.engine import open_database
from app.services.core import audit, council, login, passwords, users
from app.services.core.auth import Role
from tests import dbutil
from tests.conftest import TEST_PROFILE


@pytest.fixture
def council_file(tmp_path: Path) -> Path:
    """An SQLite council database whose administrator «admin» has the password «admin-parol»."""
    path = dbutil.migrated_sqlite_file(tmp_path / "rada.sqlite3")
    db = open_database(path)
    try:
        council.setup_council(db, TEST_PROFILE, admin_username="admin",
                              password_hash=passwords.hash_password("admin-parol"))
    finally:
        db.dispose()
    return path


def _run(path: Path, *args: str) -> int:
    return main(["--db", str(path), *args])


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HROMADA_USER", "HROMADA_PASSWORD", "HROMADA_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def test_add_list_disable_enable(council_file: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HROMADA_PASSWORD", "admin-parol")
    monkeypatch.setenv("HROMADA_NEW_PASSWORD", "sekretar-1")
    assert _run(council_file, "--user", "admin", "user", "add", "sekretar", "--role", "clerk",
                "--full-name", "Ганна Коваленко") == 0
    assert "Користувача «sekretar» (діловод) додано." in capsys.readouterr().out
    assert _run(council_file, "--user", "admin", "user", "list") == 0
    out = capsys.readouterr().out
    assert "sekretar" in out and "Ганна Коваленко" in out and "діловод" in out and "активний" in out

    assert _run(council_file, "--user", "admin", "user", "disable", "sekretar") == 0
    assert "вимкнено" in capsys.readouterr().out
    monkeypatch.setenv("HROMADA_PASSWORD", "sekretar-1")
    assert _run(council_file, "--user", "sekretar", "user", "list") == 2
    assert "вимкнено" in capsys.readouterr().err
    monkeypatch.setenv("HROMADA_PASSWORD", "admin-parol")
    assert _run(council_file, "--user", "admin", "user", "enable", "sekretar") == 0
    assert _run(council_file, "--user", "admin", "user", "edit", "sekretar", "--role", "viewer") == 0
    db = open_database(council_file)
    try:
        view = users.get_user(db, "sekretar")
        assert view.role is Role.VIEWER and view.is_active
        assert {e.username for e in audit.list_events(db)} >= {"admin"}
        assert audit.verify_chain(db).ok
    finally:
        db.dispose()


def test_wrong_password_exit_2_and_counted(council_file: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HROMADA_PASSWORD", "not-the-password")
    assert _run(council_file, "--user", "admin", "user", "list") == 2
    assert "Неправильне ім’я користувача або пароль" in capsys.readouterr().err
    db = open_database(council_file)
    try:
        assert users.get_user(db, "admin").failed_logins == 1
    finally:
        db.dispose()


def test_password_from_a_prompt(council_file: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    prompts: list[str] = []
    answers = iter(["admin-parol", "novyi-parol-1", "novyi-parol-1"])

    def fake_getpass(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    monkeypatch.setattr("app.cli.auth.getpass.getpass", fake_getpass)
    monkeypatch.setattr("app.cli.auth._interactive", lambda: True)
    assert _run(council_file, "--user", "admin", "user", "add", "kasyr", "--role", "viewer") == 0
    assert prompts == ["Пароль: ", "Пароль нового користувача: ", "Пароль нового користувача ще раз: "]
    db = open_database(council_file)
    try:
        assert login.authenticate(db, "kasyr", "novyi-parol-1").role is Role.VIEWER
    finally:
        db.dispose()


def test_no_password_source_outside_a_terminal(council_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(council_file, "--user", "admin", "user", "list") == 2
    assert "HROMADA_PASSWORD" in capsys.readouterr().err


def test_reset_and_unlock(council_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HROMADA_PASSWORD", "admin-parol")
    monkeypatch.setenv("HROMADA_NEW_PASSWORD", "sekretar-1")
    assert _run(council_file, "--user", "admin", "user", "add", "sekretar", "--role", "clerk") == 0
    db = open_database(council_file)
    try:
        with pytest.raises(login.LoginRefused):
            login.authenticate(db, "sekretar", "wrong-one")
        assert users.get_user(db, "sekretar").failed_logins == 1
        assert _run(council_file, "--user", "admin", "user", "unlock", "sekretar") == 0
        assert users.get_user(db, "sekretar").failed_logins == 0
        monkeypatch.setenv("HROMADA_NEW_PASSWORD", "skynutyi-2")
        assert _run(council_file, "--user", "admin", "user", "reset", "sekretar") == 0
        assert login.authenticate(db, "sekretar", "skynutyi-2").username == "sekretar"
    finally:
        db.dispose()


def test_passwd_changes_own_password(council_file: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HROMADA_PASSWORD", "admin-parol")
    monkeypatch.setenv("HROMADA_NEW_PASSWORD", "inshyi-parol")
    assert _run(council_file, "user", "passwd") == 2
    assert "--user" in capsys.readouterr().err
    assert _run(council_file, "--user", "admin", "user", "passwd") == 0
    db = open_database(council_file)
    try:
        assert login.authenticate(db, "admin", "inshyi-parol").role is Role.ADMIN
    finally:
        db.dispose()


def test_clerk_cannot_manage_users(council_file: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HROMADA_PASSWORD", "admin-parol")
    monkeypatch.setenv("HROMADA_NEW_PASSWORD", "sekretar-1")
    assert _run(council_file, "--user", "admin", "user", "add", "sekretar", "--role", "clerk") == 0
    monkeypatch.setenv("HROMADA_USER", "sekretar")
    monkeypatch.setenv("HROMADA_PASSWORD", "sekretar-1")
    assert _run(council_file, "user", "add", "druh", "--role", "admin") == 2
    assert "керування користувачами" in capsys.readouterr().err


def test_without_user_on_a_file_acts_as_the_administrator(council_file: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # Whoever can write the file can change anything in it; a password would protect nothing there.
    assert _run(council_file, "user", "list") == 0
    assert "admin" in capsys.readouterr().out


def test_add_refuses_a_bad_role(council_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _run(council_file, "user", "add", "x1", "--role", "boss")
    assert "boss" in capsys.readouterr().err

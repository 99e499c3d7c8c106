"""The data-safety commands: backup, restore, exchange export/import/status/conflicts/resolve, publish."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main
from app.db.engine import Database, open_database
from app.services import deputies, exchange
from app.services.core.auth import Actor
from app.services.safety import backup
from tests.safety_support import clone_pc


@pytest.fixture(autouse=True)
def _sqlite_only(backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("the commands work on SQLite files here")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_and_restore_commands(council_db: tuple[Database, Actor], tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db, admin = council_db
    target = str(db.path)
    code, out, _ = run(capsys, "--db", target, "backup")
    assert code == 0 and "Резервну копію збережено" in out
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("BACKUP_PW", "пароль-флешки")
    code, out, _ = run(capsys, "--db", target, "backup", "--out", str(usb), "--password-env", "BACKUP_PW")
    assert code == 0 and "зашифровано паролем" in out
    [saved] = list(usb.glob("*.hdbackup"))
    code, _, err = run(capsys, "--db", target, "restore", str(saved), "--check")
    assert code == 2 and "паролем" in err
    code, out, _ = run(capsys, "--db", target, "restore", str(saved), "--check", "--password-env", "BACKUP_PW")
    assert code == 0 and "Тестова сільська рада" in out and "Перевірка цілісності: гаразд" in out
    deputies.save_faction(db, admin, deputies.FactionData(name="Зайва"))
    code, out, _ = run(capsys, "--db", target, "restore", str(saved), "--password-env", "BACKUP_PW")
    assert code == 0 and "Базу відновлено" in out and "Попередню базу збережено" in out
    assert not deputies.list_factions(db)
    code, _, err = run(capsys, "--db", target, "backup", "--out", str(tmp_path / "nowhere"))
    assert code == 2 and "не існує" in err
    code, _, err = run(capsys, "--db", target, "backup", "--password-env", "UNSET_VARIABLE_X")
    assert code == 2 and "UNSET_VARIABLE_X" in err


def test_new_pc_restored_from_the_command_line(council_db: tuple[Database, Actor], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db, admin = council_db
    saved = backup.create_backup(db, admin, tmp_path)
    fresh = tmp_path / "library.sqlite3"
    code, out, _ = run(capsys, "--db", str(fresh), "restore", str(saved.path))
    assert code == 0 and "Базу відновлено" in out
    restored = open_database(fresh)
    try:
        from app.services.core import council

        assert council.require_profile(restored).council_name == "Тестова сільська рада"
    finally:
        restored.dispose()


def test_exchange_commands(council_db: tuple[Database, Actor], tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    library, admin = council_db
    office = clone_pc(library, admin, tmp_path / "office.sqlite3", "Офіс", source_name="Бібліотека", fast=True)
    try:
        deputies.save_faction(library, admin, deputies.FactionData(name="Спільна"))
        bundle = tmp_path / "to-office.hdx"
        code, out, _ = run(capsys, "--db", str(library.path), "exchange", "export", "--to", "Офіс", "--out",
                           str(bundle))
        assert code == 0 and "Пакет №1 для «Офіс»" in out and bundle.exists()
        code, out, _ = run(capsys, "--db", str(office.path), "exchange", "import", str(bundle))
        assert code == 0 and "імпортовано" in out and "Додано: 1" in out
        code, out, _ = run(capsys, "--db", str(office.path), "exchange", "import", str(bundle))
        assert code == 0 and "уже імпортовано" in out
        back = tmp_path / "to-library.hdx"
        run(capsys, "--db", str(office.path), "exchange", "export", "--to", "Бібліотека", "--out", str(back))
        run(capsys, "--db", str(library.path), "exchange", "import", str(back))
        for db, short in ((library, "Б"), (office, "О")):
            f = next(x for x in deputies.list_factions(db) if x.name == "Спільна")
            deputies.save_faction(db, admin, deputies.FactionData(name="Спільна", short_name=short), f.id, f.version)
        second = tmp_path / "second.hdx"
        run(capsys, "--db", str(library.path), "exchange", "export", "--to", "Офіс", "--out", str(second))
        code, out, _ = run(capsys, "--db", str(office.path), "exchange", "import", str(second))
        assert "Конфліктів" in out
        code, out, _ = run(capsys, "--db", str(office.path), "exchange", "conflicts")
        assert code == 0 and "short_name: тут «О» | там «Б»" in out
        conflict_id = exchange.list_conflicts(office)[0].id
        code, out, _ = run(capsys, "--db", str(office.path), "exchange", "resolve", str(conflict_id),
                           "--keep", "remote")
        assert code == 0 and "вирішено" in out
        code, out, _ = run(capsys, "--db", str(office.path), "exchange", "status")
        assert code == 0 and "Цей ПК: «Офіс»" in out and "«Бібліотека»" in out
        broken = tmp_path / "broken.hdx"
        broken.write_bytes(second.read_bytes()[:-20])
        code, _, err = run(capsys, "--db", str(office.path), "exchange", "import", str(broken))
        assert code == 2 and "пошкоджено" in err
    finally:
        office.dispose()


def test_publish_command(council_db: tuple[Database, Actor], tmp_path: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    db, _ = council_db
    code, out, _ = run(capsys, "--db", str(db.path), "publish", "--out", str(tmp_path / "site"))
    assert code == 0 and "Пакет відкритих даних" in out and (tmp_path / "site" / "manifest.json").exists()

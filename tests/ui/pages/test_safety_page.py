"""The Data safety page: backups and restore with a preview, exchange with conflicts side by side, open data."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.services import deputies, exchange
from app.services.core.auth import Actor, Role
from app.services.safety import backup
from tests.safety_support import clone_pc
from ui import messages
from ui.app import build_main_window
from ui.main_window import MainWindow
from ui.pages import safety_page
from ui.pages.safety_page import DIFF_COLOR, PreviewDialog, SafetyPage


@pytest.fixture(autouse=True)
def _sqlite_only(backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("backups and exchange work on SQLite files")




@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    shown: list[BaseException] = []
    for module in (safety_page, messages):
        monkeypatch.setattr(module, "show_error", lambda _parent, exc, title=None: shown.append(exc))
    return shown


def open_page(window: MainWindow) -> SafetyPage:
    page = window.show_page("safety")
    assert isinstance(page, SafetyPage)
    return page


def test_backup_now_and_to_a_folder_with_password(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                  errors: list[BaseException]) -> None:
    page = open_page(window)
    assert page.auto_model.rowCount() == 0
    qtbot.mouseClick(page.findChild(QPushButton, "backup_now"), Qt.MouseButton.LeftButton)
    assert page.auto_model.rowCount() == 1 and "manual" in page.auto_model.row_at(0).reason
    result = page.backup_to(tmp_path, "пароль-для-копії")
    assert result is not None and result.encrypted and result.path.exists()
    assert str(result.path) in page.output.toPlainText() and "Захищено паролем" in page.output.toPlainText()
    assert page.backup_to(tmp_path / "unplugged") is None
    assert errors and "не існує" in str(errors[-1])


def test_password_fields_must_match(qtbot: QtBot, window: MainWindow, errors: list[BaseException]) -> None:
    page = open_page(window)
    page.password.setText("пароль-один")
    page.password2.setText("пароль-два")
    page.choose_and_backup()
    assert errors and "не збігаються" in str(errors[-1])


def test_preview_dialog_needs_explicit_confirmation(qtbot: QtBot) -> None:
    dialog = PreviewDialog("Відновлення", ["Рада: Тестова"], "Замінити всі записи", None, "Це інша рада")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.confirm.setChecked(True)
    assert not ok.isEnabled(), "another council needs the second confirmation too"
    dialog.extra.setChecked(True)
    assert ok.isEnabled()


def test_restore_shows_contents_first_and_keeps_current(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        errors: list[BaseException]) -> None:
    page = open_page(window)
    ctx = window.ctx
    deputies.save_faction(ctx.db, ctx.actor, deputies.FactionData(name="До копії"))
    saved = backup.create_backup(ctx.db, ctx.actor, tmp_path)
    deputies.save_faction(ctx.db, ctx.actor, deputies.FactionData(name="Після копії"))
    shown: list[list[str]] = []

    def decline(info: backup.BackupInfo, other: bool) -> bool:
        shown.append(info.summary_lines())
        assert not other
        return False

    monkeypatch.setattr(page, "confirm_restore", decline)
    assert not page.restore_from(saved.path)
    assert any("Тестова сільська рада" in line for line in shown[0])
    assert {f.name for f in deputies.list_factions(ctx.db)} == {"До копії", "Після копії"}, "declined: unchanged"
    monkeypatch.setattr(page, "confirm_restore", lambda info, other: True)
    assert page.restore_from(saved.path)
    assert {f.name for f in deputies.list_factions(ctx.db)} == {"До копії"}
    assert "Попередню базу збережено" in page.output.toPlainText()
    assert not errors


def test_exchange_import_and_conflict_side_by_side(qtbot: QtBot, council_db: tuple[Database, Actor],
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   errors: list[BaseException]) -> None:
    office, admin = council_db
    deputies.save_faction(office, admin, deputies.FactionData(name="Спірна"))
    library = clone_pc(office, admin, tmp_path / "library.sqlite3", "Бібліотека", source_name="Офіс")
    try:
        exchange.import_bundle(office, admin, exchange.export_bundle(library, admin, "Офіс", tmp_path).path)
        exchange.import_bundle(library, admin, exchange.export_bundle(office, admin, "Бібліотека", tmp_path).path)
        for db, short in ((library, "Б"), (office, "О")):
            f = next(x for x in deputies.list_factions(db) if x.name == "Спірна")
            deputies.save_faction(db, admin, deputies.FactionData(name="Спірна", short_name=short), f.id, f.version)
        bundle = exchange.export_bundle(library, admin, "Офіс", tmp_path)
    finally:
        library.dispose()
    window = build_main_window(office, admin)
    qtbot.addWidget(window)
    window.show()
    page = open_page(window)
    previews: list[exchange.BundleInfo] = []
    monkeypatch.setattr(page, "confirm_import", lambda info: previews.append(info) or True)
    result = page.import_from(bundle.path)
    assert result is not None and result.conflicts == 1
    assert previews[0].source_pc_name == "Бібліотека"
    assert "Конфліктів" in page.output.toPlainText()
    assert page.conflict_model.rowCount() == 1
    rows = {page.field_model.row_at(r).name: r for r in range(page.field_model.rowCount())}
    short = rows["short_name"]
    assert page.field_model.index(short, 1).data() == "О" and page.field_model.index(short, 2).data() == "Б"
    assert page.field_model.index(short, 1).data(Qt.ItemDataRole.BackgroundRole).color() == DIFF_COLOR
    assert page.field_model.index(rows["name"], 1).data(Qt.ItemDataRole.BackgroundRole) is None
    qtbot.mouseClick(page.findChild(QPushButton, "keep_remote"), Qt.MouseButton.LeftButton)
    assert page.conflict_model.rowCount() == 0
    assert next(x for x in deputies.list_factions(office) if x.name == "Спірна").short_name == "Б"
    assert page.partner_model.rowCount() == 1 and not errors


def test_export_from_the_page(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                              errors: list[BaseException]) -> None:
    page = open_page(window)
    result = page.export_to("Бібліотека", tmp_path, password="пароль-пакета")
    assert result is not None and result.path.exists()
    assert "Пакет №1 для «Бібліотека»" in page.output.toPlainText()
    assert page.partner_model.rowCount() == 1 and page.partner.currentText() == "Бібліотека"
    assert page.export_to("Бібліотека", tmp_path / "missing" / "x.hdx") is None and errors


def test_publish_from_the_page(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                               errors: list[BaseException]) -> None:
    page = open_page(window)
    result = page.publish_to(tmp_path / "site")
    assert result is not None and (tmp_path / "site" / "index.html").exists()
    assert "Пакет відкритих даних записано" in page.output.toPlainText() and not errors


def test_clerk_sees_publishing_but_not_backups(qtbot: QtBot, council_db: tuple[Database, Actor]) -> None:
    db, _ = council_db
    clerk = Actor(None, "clerk", Role.CLERK)
    window = build_main_window(db, clerk)
    qtbot.addWidget(window)
    page = open_page(window)
    assert not page.findChild(QPushButton, "backup_now").isEnabled()
    assert not page.findChild(QPushButton, "import_bundle").isEnabled()
    assert page.findChild(QPushButton, "publish").isEnabled()
    operator = build_main_window(db, Actor(None, "op", Role.OPERATOR, voting_point_id=1))
    qtbot.addWidget(operator)
    assert "safety" not in operator._keys


def test_page_screenshot(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = open_page(window)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        image = window.grab()
        assert not image.isNull()
        image.save(str(tmp_path / f"safety-{index}.png"))

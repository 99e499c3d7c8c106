"""The Audit page: filters, chain state, PDF export."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTableView
from pytestqt.qtbot import QtBot

from app.services.core import council
from tests.conftest import TEST_PROFILE
from ui.main_window import MainWindow
from ui.pages.audit_page import AuditPage


def _select(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    combo.setFocus()
    while combo.currentData() != data:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_audit_page_filters_and_exports(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    ctx = window.ctx
    for addr in ("вул. Їжакова, 1", "вул. Ґалаґана, 2"):
        council.update_profile(ctx.db, ctx.actor, replace(TEST_PROFILE, address=addr),
                               council.require_profile(ctx.db).version)
    ctx.notify("council")
    page = window.show_page("audit")
    assert isinstance(page, AuditPage)
    table = page.findChild(QTableView, "audit_table")
    assert table.model().rowCount() == 4
    assert "Ланцюжок цілий: 4 подій" in page.findChild(QLabel, "audit_chain_state").text()

    _select(qtbot, page.findChild(QComboBox, "audit_entity"), "council_profile")
    assert table.model().rowCount() == 3
    assert "вул. Ґалаґана, 2" in table.model().index(0, 6).data()

    _select(qtbot, page.findChild(QComboBox, "audit_user"), "admin")
    assert table.model().rowCount() == 3

    out = tmp_path / "audit.pdf"
    assert page.export_to(out)
    text = "\n".join(p.extract_text() for p in PdfReader(out).pages)
    assert "вул. Ґалаґана, 2" in text
    assert "Для службового користування" in text


def test_navigation_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["home"]
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_End)
    assert window.stack.currentWidget() is window.pages["settings"]

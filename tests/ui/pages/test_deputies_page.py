"""The Deputies page: instant Ukrainian search, filters, detail, edit dialogs; the register dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from app.services import deputies
from app.services.core import audit
from tests.deputies_setup import demo_copy, demo_path  # noqa: F401 - fixtures
from tests.ui.keys import clear_and_type, type_text
from ui.app import build_main_window, make_application
from ui.dialogs.deputy_dialogs import CommitteeDialog, DeputyDialog, InitiativeDialog
from ui.main_window import MainWindow
from ui.pages.deputies_page import DeputiesPage


@pytest.fixture
def demo_window(qtbot: QtBot, demo_copy) -> MainWindow:  # noqa: F811
    make_application()
    db, actor = demo_copy
    win = build_main_window(db, actor)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for module in ("ui.dialogs.deputy_dialogs", "ui.messages"):
        monkeypatch.setattr(f"{module}.show_error", lambda _p, exc: shown.append(str(exc)))
    return shown


def test_search_as_you_type(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = demo_window.show_page("deputies")
    assert isinstance(page, DeputiesPage)
    table = page.findChild(QTableView, "deputies_table")
    assert table.model().rowCount() == 26  # active mandates by default
    search = page.findChild(QLineEdit, "deputy_search")
    search.setFocus()
    type_text(search, "ҐУД")
    assert table.model().rowCount() == 1
    assert table.model().index(0, 0).data() == "Ґудзь Богдан Ярославович"
    assert page.findChild(QLabel, "deputy_name").text() == "Ґудзь Богдан Ярославович"
    clear_and_type(search, "мар'ян")
    assert table.model().index(0, 0).data() == "Мар’яненко Євген Володимирович"
    clear_and_type(search, "")
    status = page.findChild(QComboBox, "deputy_filter_status")
    status.setCurrentIndex(0)
    assert table.model().rowCount() == 27
    faction = page.findChild(QComboBox, "deputy_filter_faction")
    faction.setCurrentIndex(1)
    assert 5 <= table.model().rowCount() <= 10
    names = [table.model().index(r, 0).data() for r in range(table.model().rowCount())]
    assert names == sorted(names, key=lambda n: __import__("app.domain.deputies", fromlist=["x"]).collation_key(n))


def test_detail_shows_statistics_and_flag(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = demo_window.show_page("deputies")
    row = next(r for r in deputies.list_deputies(demo_window.ctx.db) if r.surname == "Олійник")
    page.open_record(row.id)
    stats = page.findChild(QLabel, "deputy_stats").text()
    assert "3 / 12" in stats and "пропущено понад половину сесій" in stats
    assert "Проти більшості своєї фракції" in stats
    votes = page.findChild(QTableView, "deputy_votes")
    assert votes.model().rowCount() > 100
    profile = page.findChild(QLabel, "deputy_profile").text()
    assert "(службова)" in profile  # private e-mail is marked as such for the clerk


def test_edit_deputy_dialog(qtbot: QtBot, demo_window: MainWindow, no_message_boxes: list[str]) -> None:
    ctx = demo_window.ctx
    row = next(r for r in deputies.list_deputies(ctx.db) if r.surname == "Ґудзь")
    dialog = DeputyDialog(ctx, row.id)
    qtbot.addWidget(dialog)
    dialog.reception_hours.setText("щовівторка 15:00–17:00")
    dialog.email_public.setChecked(True)
    dialog.accept()
    assert no_message_boxes == []
    view = deputies.get_deputy(ctx.db, row.id)
    assert view.reception_hours == "щовівторка 15:00–17:00" and view.email_public
    assert len(view.seats) == 1  # committees kept
    # a stale second dialog is refused with the standard message
    stale = DeputyDialog(ctx, row.id)
    qtbot.addWidget(stale)
    stale.version = view.version - 1
    stale.accept()
    assert "змінив інший користувач" in no_message_boxes[-1]


def test_new_deputy_with_photo(qtbot: QtBot, demo_window: MainWindow, no_message_boxes: list[str]) -> None:
    from app.demo.logo import demo_logo_png

    ctx = demo_window.ctx
    dialog = DeputyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.surname.setFocus()
    type_text(dialog.surname, "Єременко")
    type_text(dialog.given_name, "Їржі")
    dialog.accept()  # the composition (26) is full: refused with the reason
    assert "загальний склад ради — 26" in no_message_boxes[-1]
    dialog.mandate_start.setDate(dialog.mandate_start.date().addYears(10))
    dialog.set_photo_bytes(demo_logo_png())
    view = deputies.get_deputy(ctx.db, next(r.id for r in deputies.list_deputies(ctx.db) if r.surname == "Олійник"))
    from dataclasses import replace

    deputies.update_deputy(ctx.db, ctx.actor, view.id, replace(
        view, mandate_end=view.mandate_start.replace(year=2030), mandate_end_reason="recall"), view.version)
    dialog.accept()
    assert dialog.saved_id is not None
    assert deputies.get_deputy(ctx.db, dialog.saved_id).has_photo


def test_committee_and_initiative_dialogs(qtbot: QtBot, demo_window: MainWindow, no_message_boxes: list[str]) -> None:
    ctx = demo_window.ctx
    committee = deputies.list_committees(ctx.db)[0]
    dialog = CommitteeDialog(ctx, committee)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert no_message_boxes == []
    row = deputies.list_deputies(ctx.db)[0]
    init = InitiativeDialog(ctx, row.id)
    qtbot.addWidget(init)
    init.title.setPlainText("Щодо ремонту мосту в с. Ясени")
    init.accept()
    assert no_message_boxes == []
    events = audit.list_events(ctx.db, audit.AuditFilter(entity_type="deputy_initiative"))
    assert events[0].summary.startswith("депутатський запит")
    page = demo_window.show_page("deputies")
    page.open_record(row.id)
    assert page.init_model.rowCount() >= 1


def test_keyboard_navigation_in_list(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = demo_window.show_page("deputies")
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    assert page.selected() is not None and page.selected().id == page.model.row_at(1).id

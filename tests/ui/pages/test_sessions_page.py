"""The Sessions page: session list → agenda, roll calls and decisions; attendance; import wizard; PDFs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableView, QTableWidget
from pytestqt.qtbot import QtBot

from app.domain.deputies import AttendanceStatus
from app.services.deputies import rollcalls, sessions
from tests.deputies_setup import build_council, demo_copy, demo_path  # noqa: F401 - fixtures
from tests.reports.pdf_utils import pdf_text
from ui.app import build_main_window, make_application
from ui.context import AppContext
from ui.dialogs.rollcall_import_wizard import RollCallImportDialog
from ui.dialogs.session_dialogs import AgendaItemDialog, DecisionDialog, SessionDialog
from ui.main_window import MainWindow
from ui.pages.sessions_page import SessionsPage

MODULES = ("ui.pages.sessions_page", "ui.messages")  # messages: what ui.dialogs.common shows


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for module in MODULES:
        monkeypatch.setattr(f"{module}.show_error", lambda _p, exc: shown.append(str(exc)))
    monkeypatch.setattr("ui.pages.sessions_page.confirm", lambda *_a: True)
    return shown




@pytest.fixture
def demo_window(qtbot: QtBot, demo_copy) -> MainWindow:  # noqa: F811
    make_application()
    db, actor = demo_copy
    win = build_main_window(db, actor)
    qtbot.addWidget(win)
    win.show()
    return win


def test_session_view(qtbot: QtBot, demo_window: MainWindow, tmp_path: Path, no_message_boxes: list[str]) -> None:
    page = demo_window.show_page("sessions")
    assert isinstance(page, SessionsPage)
    assert page.findChild(QTableView, "sessions_table").model().rowCount() == 12
    heading = page.findChild(QLabel, "session_heading").text()
    assert heading.startswith("72-а чергова сесія")
    agenda = page.findChild(QTableView, "agenda_table")
    assert 8 <= agenda.model().rowCount() <= 15
    page.items_view.selectRow(1)
    assert page.findChild(QTableView, "rollcalls_table").model().rowCount() >= 1
    assert page.findChild(QTableView, "rollcall_votes").model().rowCount() == 26
    out = tmp_path / "results.pdf"
    assert page.render_results(out)
    assert "Результати 72-ї сесії" in pdf_text(out)
    # delete a roll call without a decision, then re-enter nothing: the item shows "не голосували"
    item = next(i for i in page._items if i.final and not i.decision)
    page.items_view.selectRow(page._items.index(item))
    page.delete_roll_call()
    assert no_message_boxes == []
    assert sessions.get_agenda_item(demo_window.ctx.db, item.id).result_label in ("не голосували", "прийнято",
                                                                                  "не прийнято")


def test_attendance_tab(qtbot: QtBot, demo_window: MainWindow, no_message_boxes: list[str]) -> None:
    page = demo_window.show_page("sessions")
    table = page.findChild(QTableWidget, "attendance_table")
    assert table.rowCount() == 26
    voter_row = next(r for r in range(table.rowCount())
                     if table.cellWidget(r, 2).currentData() == AttendanceStatus.PRESENT.value)
    combo: QComboBox = table.cellWidget(voter_row, 2)
    combo.setCurrentIndex(combo.findData(AttendanceStatus.ABSENT.value))
    assert not page.save_attendance()  # they voted at this session
    assert "не можуть бути відсутніми" in no_message_boxes[-1]
    combo.setCurrentIndex(combo.findData(AttendanceStatus.PRESENT.value))
    page.findChild(QPushButton, "attendance_all_present").click()
    # everybody present is allowed (presence without voting is fine)
    assert page.save_attendance()


def test_new_session_item_vote_decision(qtbot: QtBot, council_db, tmp_path: Path,
                                        no_message_boxes: list[str]) -> None:
    make_application()
    db, actor = council_db
    c = build_council(db, actor, absent=(3,))
    ctx = AppContext(db=db, actor=actor)
    dialog = SessionDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.number.value() == 13
    dialog.accept()
    assert no_message_boxes == [] and dialog.saved_id is not None
    item_dialog = AgendaItemDialog(ctx, c.session_id)
    qtbot.addWidget(item_dialog)
    assert item_dialog.number.value() == 2
    item_dialog.title.setPlainText("Про ремонт школи")
    item_dialog.accept()
    assert no_message_boxes == []
    [_, item] = sessions.agenda(db, c.session_id)

    # import a roll call for it through the wizard
    path = tmp_path / "vote.csv"
    from app.services import deputies

    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["ПІБ", "Голос"])
        for i, d in enumerate(c.deputy_ids):
            if i != 3:
                writer.writerow([deputies.get_deputy(db, d).full_name, "за" if i % 5 else "проти"])
    wizard = RollCallImportDialog(ctx, item.id)
    qtbot.addWidget(wizard)
    assert wizard.load_file(path)
    assert wizard.name_column.currentIndex() == 0 and wizard.option_column.currentIndex() == 1
    assert wizard.import_button.isEnabled()
    assert "Усе гаразд: голосів — 26." in wizard.report.toPlainText()
    wizard.option_column.setCurrentIndex(0)
    assert not wizard.import_button.isEnabled()
    wizard.option_column.setCurrentIndex(1)
    wizard.accept()
    assert wizard.saved is not None and wizard.saved.passed and wizard.saved.source == "імпорт з файлу vote.csv"

    item = sessions.get_agenda_item(db, item.id)
    decision = DecisionDialog(ctx, item, sessions.get_session(db, c.session_id))
    qtbot.addWidget(decision)
    assert decision.number.text() == "12-2/VIII"
    pdf = tmp_path / "rishennia.pdf"
    pdf.write_bytes(b"%PDF-1.4 decision")
    decision.attach_file(pdf)
    decision.accept()
    assert no_message_boxes == []
    item = sessions.get_agenda_item(db, item.id)
    assert item.decision is not None
    assert sessions.decision_file(db, item.decision.id) == ("rishennia.pdf", b"%PDF-1.4 decision")
    assert rollcalls.votes(db, item.final.id)[0].name


def test_bad_file_in_wizard(qtbot: QtBot, council_db, tmp_path: Path, no_message_boxes: list[str]) -> None:
    make_application()
    db, actor = council_db
    c = build_council(db, actor)
    path = tmp_path / "vote.csv"
    path.write_text("ПІБ;Голос\nХтось Невідомий;за\n", encoding="utf-8")
    wizard = RollCallImportDialog(AppContext(db=db, actor=actor), c.item_id)
    qtbot.addWidget(wizard)
    assert wizard.load_file(path)
    assert not wizard.import_button.isEnabled()
    report = wizard.report.toPlainText()
    assert "Файл не можна імпортувати" in report and "«Хтось Невідомий» — такого депутата немає" in report

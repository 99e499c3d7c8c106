"""Labels in the GUI follow the UI language: enum-like cells (statuses, kinds, options, results,
roles...) show no Ukrainian when the UI is in English, and stay Ukrainian in Ukrainian.

One demo database for the module (the demo takes a few seconds); a window per language visits
every page, every tab, both budget cycles, and reads the cells of the columns listed below.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTableView, QTableWidget, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.demo import create as demo_create
from app.services.core.users import default_admin
from app.services.deputies import sessions
from tests import dbutil
from ui import i18n
from ui.app import build_main_window, make_application
from ui.dialogs.rollcall_dialog import RollCallDialog
from ui.dialogs.session_dialogs import DecisionDialog
from ui.main_window import MainWindow
from ui.models.table import RowTableModel

CYRILLIC = re.compile("[А-Яа-яІіЇїЄєҐґ]")

# (table's object name, column header as written in the source, i.e. in Ukrainian): columns whose cells
# come from the program's label tables, never from what a clerk typed.
ENUM_COLUMNS = {
    ("due_soon", "Розділ"),
    ("deputy_votes", "Голос"),
    ("deputy_votes", "Результат"),
    ("deputy_initiatives", "Вид"),
    ("deputy_initiatives", "Стан"),
    ("sessions_table", "Вид"),
    ("agenda_table", "Результат"),
    ("rollcalls_table", "Результат"),
    ("rollcalls_table", "Джерело"),
    ("rollcall_votes", "Голос"),
    ("petitions_table", "Стан"),
    ("signatures_table", "Спосіб"),
    ("appeals_table", "Стан"),
    ("appeals_table", "Вид"),
    ("categories_table", "Бюджет"),
    ("projects_table", "Стан"),
    ("projects_table", "Вартість"),
    ("results_table", "Рішення"),
    ("impl_table", "Стан"),
    ("points_table", "Стан"),
    ("users_table", "Роль"),
    ("audit_table", "Дія"),
    ("audit_table", "Запис"),
    ("holidays_table", "Дата"),
    ("reports_table", "Звіт"),
}
# Combo boxes that list a label table (their "all ..." item is a translated UI string).
ENUM_COMBOS = {"petition_state", "sig_channel", "appeal_kind_filter", "projects_state", "impl_status"}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Iterator[Database]:
    with dbutil.fresh_database(tmp_path_factory.mktemp("english-labels"), backend) as db:
        demo_create.create_demo(db)
        yield db


def _wanted(view: QTableView) -> dict[int, str]:
    """Columns of ``view`` to check: index → source header."""
    model = view.model()
    if not isinstance(model, RowTableModel):
        return {}
    headers = {QCoreApplication.translate("Columns", src): src for name, src in ENUM_COLUMNS
               if name == view.objectName()}
    found = {}
    for column in range(model.columnCount()):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        if header in headers:
            found[column] = headers[header]
    return found


class Cells:
    """Every text read, by (table, source header) and by combo box."""

    def __init__(self) -> None:
        self.columns: dict[tuple[str, str], set[str]] = {}
        self.combos: dict[str, set[str]] = {}

    def read(self, root: QWidget) -> None:
        QApplication.processEvents()
        for view in root.findChildren(QTableView):
            model = view.model()
            for column, source in _wanted(view).items():
                texts = self.columns.setdefault((view.objectName(), source), set())
                for row in range(model.rowCount()):
                    text = model.index(row, column).data()
                    if text:
                        texts.add(text)
        for table in root.findChildren(QTableWidget, "attendance_table"):
            for row in range(table.rowCount()):
                combo = table.cellWidget(row, 2)
                if isinstance(combo, QComboBox):
                    self.combos.setdefault("attendance", set()).update(
                        combo.itemText(i) for i in range(1, combo.count()))
        for combo in root.findChildren(QComboBox):
            if combo.objectName() in ENUM_COMBOS:
                self.combos.setdefault(combo.objectName(), set()).update(
                    combo.itemText(i) for i in range(combo.count()))

    def everything(self) -> dict[str, set[str]]:
        out = {f"{table}/{header}": texts for (table, header), texts in self.columns.items()}
        return {**out, **self.combos}


def _visit(window: MainWindow) -> Cells:
    cells = Cells()
    for key in window._keys:
        page = window.show_page(key)
        if key == "budget":
            continue  # below, cycle by cycle
        cells.read(page)
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                cells.read(page)
    petitions = window.show_page("petitions")
    petitions.view.selectRow(petitions.model.rowCount() - 1)  # No. 1: answered, with signatures
    cells.read(petitions)
    budget = window.show_page("budget")
    budget.tabs.setCurrentIndex(budget.TAB_CYCLE)
    for cycle in range(budget.cycles.count()):  # the voting cycle, then the one being implemented
        budget.cycles.setCurrentIndex(cycle)
        for index in range(budget.tabs.count()):
            if index == budget.TAB_RESULTS and cycle < budget.cycles.count() - 1:
                continue  # counting a cycle takes seconds: the approved one's results are enough here
            budget.tabs.setCurrentIndex(index)
            cells.read(budget)
        budget.tabs.setCurrentIndex(budget.TAB_CYCLE)
    missing = sorted(f"{t}/{h}" for t, h in ENUM_COLUMNS if not cells.columns.get((t, h)))
    assert not missing, f"columns not found or empty: {missing}"
    assert set(cells.combos) == ENUM_COMBOS | {"attendance"}
    return cells


def _dialog_texts(window: MainWindow) -> list[str]:
    """The roll-call dialog's title and grid tooltips, the decision dialog's choice of roll call."""
    ctx = window.ctx
    assert ctx is not None
    session = sessions.list_sessions(ctx.db)[0]
    item = next(i for i in sessions.agenda(ctx.db, session.id) if i.roll_calls and i.decision)
    texts = []
    rollcall = RollCallDialog(ctx, item.id, item.roll_calls[-1].id, window)
    grid = rollcall.grid.grid_model()
    texts.append(rollcall.title.currentText())
    texts += [grid.index(0, column).data(Qt.ItemDataRole.ToolTipRole) for column in range(2, grid.columnCount())]
    decision = DecisionDialog(ctx, item, session, sessions.get_decision(ctx.db, item.decision.id), window)
    texts += [decision.roll_call.itemText(i) for i in range(decision.roll_call.count())]
    for dialog in (rollcall, decision):
        dialog.deleteLater()
    return texts


def _report_choices(window: MainWindow) -> list[str]:
    """The record pickers of the reports that name sessions, years and annual reports."""
    page = window.show_page("reports")
    texts = []
    for row in range(page.model.rowCount()):
        if page.model.row_at(row).id in ("session-results", "attendance", "deputy-annual-report"):
            page.view.selectRow(row)
            texts += [page.record.itemText(i) for i in range(page.record.count())]
    return texts


@pytest.fixture
def english(demo_db: Database) -> Iterator[None]:
    app = make_application()
    i18n.install(app, "en")
    try:
        yield
    finally:
        i18n.install(app, "uk")


def _window(qtbot: QtBot, db: Database, language: str) -> MainWindow:
    make_application()
    window = build_main_window(db, default_admin(db), language)
    qtbot.addWidget(window)
    window.show()
    return window


def test_english_ui_shows_english_labels(qtbot: QtBot, demo_db: Database, english: None) -> None:
    window = _window(qtbot, demo_db, "en")
    cells = _visit(window)
    ukrainian = {where: sorted(t for t in texts if CYRILLIC.search(t))
                 for where, texts in cells.everything().items()}
    assert not {where: texts for where, texts in ukrainian.items() if texts}

    assert {"for", "against"} <= cells.columns[("rollcall_votes", "Голос")]
    assert "adopted" in cells.columns[("deputy_votes", "Результат")]
    assert "regular" in cells.columns[("sessions_table", "Вид")]
    assert "Draft" in cells.columns[("petitions_table", "Стан")]
    assert "On time" in cells.columns[("appeals_table", "Стан")]
    assert "administrator" in cells.columns[("users_table", "Роль")]
    assert any(text.endswith("UAH") for text in cells.columns[("projects_table", "Вартість")])

    dialog = _dialog_texts(window)
    assert dialog[0] == "as a whole"
    assert not [text for text in dialog if CYRILLIC.search(text)], dialog
    choices = _report_choices(window)
    assert any(re.fullmatch(r"Session \d+, \d\d\.\d\d\.\d{4}", text) for text in choices), choices
    assert not [text for text in choices if CYRILLIC.search(text) and "report for" not in text], choices


def test_ukrainian_ui_keeps_ukrainian_labels(qtbot: QtBot, demo_db: Database) -> None:
    i18n.install(make_application(), "uk")
    window = _window(qtbot, demo_db, "uk")
    cells = _visit(window)
    latin_only = sorted(where for where, texts in cells.everything().items()
                        if not any(CYRILLIC.search(t) for t in texts))
    assert not latin_only, f"no Ukrainian at all in: {latin_only}"

    assert {"за", "проти"} <= cells.columns[("rollcall_votes", "Голос")]
    assert "прийнято" in cells.columns[("deputy_votes", "Результат")]
    assert "чергова" in cells.columns[("sessions_table", "Вид")]
    assert "Чернетка" in cells.columns[("petitions_table", "Стан")]
    assert "У строк" in cells.columns[("appeals_table", "Стан")]
    assert "введено вручну" in cells.columns[("rollcalls_table", "Джерело")]
    assert any(text.endswith("грн") for text in cells.columns[("projects_table", "Вартість")])
    assert _dialog_texts(window)[0] == "в цілому"
    assert any(re.fullmatch(r"\d+-а сесія, \d\d\.\d\d\.\d{4}", text) for text in _report_choices(window))

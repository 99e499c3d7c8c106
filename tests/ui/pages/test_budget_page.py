"""The participatory-budget page: ballots entered by keys alone, refusals on the spot, results, implementation."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.services import budget
from app.services.budget import ballots, counts
from app.services.budget import results as budget_results
from app.services.core.auth import Actor, Role
from tests import DATA_DIR
from tests.budget_support import TODAY, voting_cycle
from tests.ui.keys import type_text
from ui.app import build_main_window, make_application
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.models.table import RowTableModel
from ui.pages.budget_page import BudgetPage

DATA = DATA_DIR / "pabulib"


def open_page(window: MainWindow) -> BudgetPage:
    window.ctx.today_override = TODAY
    page = window.show_page("budget")
    assert isinstance(page, BudgetPage)
    return page


def type_ballot(qtbot: QtBot, page: BudgetPage, identifier: str, age: str, projects: str) -> None:
    entry = page.ballot_entry
    assert entry.identifier.hasFocus()
    type_text(entry.identifier, identifier)
    qtbot.keyClick(entry.identifier, Qt.Key.Key_Return)
    if not entry.age.hasFocus():
        return
    qtbot.keyClicks(entry.age, age)
    qtbot.keyClick(entry.age, Qt.Key.Key_Return)
    if not entry.projects.hasFocus():
        return
    qtbot.keyClicks(entry.projects, projects)
    qtbot.keyClick(entry.projects, Qt.Key.Key_Return)


def test_ballots_by_keyboard_with_immediate_refusals(qtbot: QtBot, window: MainWindow) -> None:
    ctx = window.ctx
    vc = voting_cycle(ctx.db, ctx.actor)
    page = open_page(window)
    page.tabs.setCurrentIndex(page.TAB_BALLOTS)
    entry = page.ballot_entry
    assert entry.identifier.isEnabled() and entry.identifier.hasFocus()
    assert entry.date.date().toPython() == TODAY
    assert entry.sheet_model.rowCount() == 5  # project 6 was not admitted

    type_ballot(qtbot, page, "АВ 123456", "34", "1 4")
    assert entry.message.text() == "✔ Бюлетень №1 прийнято: проєкти 1, 4."
    assert (entry.identifier.text(), entry.age.text(), entry.projects.text()) == ("", "", "")
    assert entry.identifier.hasFocus()
    assert "введено бюлетенів: 1" in entry.counter.text()
    assert entry.receipt_model.rowCount() == 1

    # Latin look-alike letters: the same person; refused as soon as the identifier is entered
    type_ballot(qtbot, page, "ab123456", "", "")
    assert entry.message.text().startswith("✘ Цей виборець уже голосував: 20.05.2026, пункт «")
    assert entry.identifier.hasFocus() and entry.identifier.selectedText() == "ab123456"
    qtbot.keyClick(entry.identifier, Qt.Key.Key_Backspace)

    type_ballot(qtbot, page, "КК000002", "15", "")
    assert "голосувати можна з 16 років" in entry.message.text()
    assert entry.age.hasFocus()
    qtbot.keyClicks(entry.age, "40")
    qtbot.keyClick(entry.age, Qt.Key.Key_Return)
    assert entry.projects.hasFocus()

    qtbot.keyClicks(entry.projects, "1 2 3")
    assert "«Малі проєкти»" in entry.hint.text() and entry.hint.text().startswith("✘")
    qtbot.keyClick(entry.projects, Qt.Key.Key_Return)
    assert "обрано 3 проєкти (1, 2, 3), а можна не більше 2" in entry.message.text()
    entry.projects.clear()
    qtbot.keyClicks(entry.projects, "6")
    qtbot.keyClick(entry.projects, Qt.Key.Key_Return)
    assert "не допущено до голосування" in entry.message.text()
    entry.projects.clear()
    qtbot.keyClicks(entry.projects, "42")
    qtbot.keyClick(entry.projects, Qt.Key.Key_Return)
    assert "Проєкту №42 у цьому голосуванні немає" in entry.message.text()
    entry.projects.clear()
    qtbot.keyClicks(entry.projects, "2 5")
    assert entry.hint.text() == "№2 Книжкова шафа; №5 Укриття в ліцеї"
    qtbot.keyClick(entry.projects, Qt.Key.Key_Return)
    assert entry.message.text() == "✔ Бюлетень №2 прийнято: проєкти 2, 5."

    votes = {c.number: c.votes for c in counts.project_counts(ctx.db, vc.cycle.id)}
    assert votes == {1: 1, 2: 1, 3: 0, 4: 1, 5: 1}
    page.tabs.setCurrentIndex(page.TAB_COUNTS)
    assert page.counts_tab.model.rowCount() == 5
    assert "Бюлетенів: 2" in page.counts_tab.summary.text()


def test_operator_works_only_at_own_point(qtbot: QtBot, council_db) -> None:  # noqa: ANN001
    db, admin = council_db
    make_application()
    vc = voting_cycle(db, admin)
    operator = Actor(None, "operator", Role.OPERATOR, "Оператор", voting_point_id=vc.points[1].id)
    op_window = build_main_window(db, operator)
    qtbot.addWidget(op_window)
    op_window.show()
    op_window.activateWindow()
    qtbot.waitUntil(op_window.isActiveWindow)
    ctx = op_window.ctx
    page = open_page(op_window)
    assert page.tabs.currentIndex() == page.TAB_BALLOTS
    entry = page.ballot_entry
    assert entry.point.count() == 1 and entry.point.currentData() == vc.points[1].id
    assert not entry.point.isEnabled() and not entry.import_online.isVisible()
    entry.focus_identifier()
    type_ballot(qtbot, page, "ОП000001", "50", "3 5")
    assert entry.message.text().startswith("✔ Бюлетень №1")
    assert counts.turnout(ctx.db, vc.cycle.id).by_point[0].name == "Бібліотека"


def test_results_and_implementation_tabs(qtbot: QtBot, window: MainWindow) -> None:
    ctx = window.ctx
    vc = voting_cycle(ctx.db, ctx.actor)
    for i, projects in enumerate(["1 4", "1 5", "2 4", "3 5", "3"]):
        ballots.enter_ballot(ctx.db, ctx.actor, ballots.BallotEntry(vc.cycle.id, f"РЗ{i:06d}", 30, projects,
                                                                    vc.points[0].id), today=TODAY)
    page = open_page(window)
    page.tabs.setCurrentIndex(page.TAB_RESULTS)
    results = page.results_tab
    assert "Попередні результати" in results.state.text()
    assert results.model.rowCount() == 6
    results.view.selectRow(0)
    assert "Переміг" in results.explanation.text()
    ctx.today_override = TODAY + timedelta(days=10)
    cycle = budget.get_cycle(ctx.db, vc.cycle.id)
    budget_results.approve_results(ctx.db, ctx.actor, cycle.id, cycle.version, today=ctx.today())
    ctx.notify("budget")
    assert "затверджено" in results.state.text()
    page.tabs.setCurrentIndex(page.TAB_IMPLEMENTATION)
    impl = page.implementation_tab
    assert impl.model.rowCount() == len(budget_results.cycle_results(ctx.db, vc.cycle.id).winners)
    impl.view.selectRow(0)
    impl.status.setCurrentIndex(impl.status.findData("in_progress"))
    impl.progress.setValue(55)
    impl.spent.setText("1 000,50")
    qtbot.mouseClick(impl.save, Qt.MouseButton.LeftButton)
    first = budget.list_implementation(ctx.db, vc.cycle.id)[0]
    assert (first.status, first.progress, first.spent) == ("in_progress", 55, 100_050)
    assert impl.model.index(0, 3).data() == "55 %"


def test_import_pabulib_and_every_tab_shows(qtbot: QtBot, window: MainWindow, qtmodeltester,  # noqa: ANN001
                                             monkeypatch) -> None:  # noqa: ANN001
    import ui.pages.budget_page as budget_page

    shown: list[str] = []
    monkeypatch.setattr(budget_page, "info", lambda parent, text, title=None: shown.append(text))
    page = open_page(window)
    cycle_id = page.import_file(DATA / "Poland_Gdynia_2022_Babie_Doly__small.pb")
    assert cycle_id is not None and page.cycles.currentData() == cycle_id
    assert "Проєктів: 3, бюлетенів: 161." in shown[0]
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
    page.tabs.setCurrentIndex(page.TAB_RESULTS)
    assert [r[1].code for r in page.results_tab.model.rows() if r[1].selected] == ["2022/BAD/0005"]
    qtmodeltester.check(page.results_tab.model)
    page.tabs.setCurrentIndex(page.TAB_PROJECTS)
    assert page.projects_tab.model.rowCount() == 3
    qtmodeltester.check(page.projects_tab.model)
    assert isinstance(page.counts_tab.model, RowTableModel)


def test_page_without_cycles(qtbot: QtBot, window: MainWindow) -> None:
    page = open_page(window)
    assert page.cycles.count() == 0
    page.tabs.setCurrentIndex(page.TAB_BALLOTS)
    assert not page.ballot_entry.identifier.isEnabled()
    assert isinstance(window.ctx, AppContext)


def test_cycle_settings_dialog_shows_the_saved_tie_break(qtbot: QtBot, window: MainWindow) -> None:
    from ui.dialogs.budget_dialogs import TIE_BREAK_CHOICES, CycleDialog

    ctx = window.ctx
    vc = voting_cycle(ctx.db, ctx.actor)
    dialog = CycleDialog(ctx, window, cycle=budget.get_cycle(ctx.db, vc.cycle.id))
    qtbot.addWidget(dialog)
    assert dialog.tie_break.count() == len(TIE_BREAK_CHOICES)  # no duplicate entry for the saved rule
    assert tuple(dialog.tie_break.currentData()) == ("more-votes", "lower-cost", "project-id")

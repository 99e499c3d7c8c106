"""The Appeals page: colours by due date, filters, registration with the repeat hint, the home page's due list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app.services import appeals
from tests.services.petitions.petition_helpers import make_appeal, make_petition
from tests.ui.keys import type_text
from ui.dialogs.appeal_dialogs import AppealAnswerDialog, AppealDialog, ExtendDialog
from ui.main_window import MainWindow
from ui.pages.appeals_page import AppealsPage

TODAY = dt.date(2026, 5, 20)


def colour(page: AppealsPage, appeal_id: int) -> str | None:
    for row, item in enumerate(page.model.rows()):
        if item.id == appeal_id:
            brush = page.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
            return brush.color().name() if isinstance(brush, QBrush) else None
    raise AssertionError(f"appeal {appeal_id} not shown")


def test_register_coloured_by_due_date_and_filtered(qtbot: QtBot, window: MainWindow, qtmodeltester) -> None:  # noqa: ANN001
    ctx = window.ctx
    ctx.today_override = TODAY
    overdue = make_appeal(ctx.db, ctx.actor, received_on=dt.date(2026, 4, 1), assignee="Кравець")
    soon = make_appeal(ctx.db, ctx.actor, received_on=dt.date(2026, 4, 23), kind="complaint")
    fine = make_appeal(ctx.db, ctx.actor, received_on=dt.date(2026, 5, 18), topic="Освіта")
    page = window.show_page("appeals")
    assert isinstance(page, AppealsPage)
    qtmodeltester.check(page.model)
    assert (colour(page, overdue), colour(page, soon), colour(page, fine)) == ("#fde2e1", "#fff4d6", None)
    assert "прострочено: 1 · спливає: 1" in page.count.text()

    page.assignee.setCurrentIndex(page.assignee.findData("Кравець"))
    assert [r.id for r in page.model.rows()] == [overdue]
    page.assignee.setCurrentIndex(0)
    page.kind.setCurrentIndex(page.kind.findData("complaint"))
    assert [r.id for r in page.model.rows()] == [soon]
    page.kind.setCurrentIndex(0)
    page.topic.setCurrentIndex(page.topic.findData("Освіта"))
    assert [r.id for r in page.model.rows()] == [fine]
    page.topic.setCurrentIndex(0)
    page.state.setCurrentIndex(page.state.findData("overdue"))
    assert [r.id for r in page.model.rows()] == [overdue]
    page.state.setCurrentIndex(0)
    page.search.setFocus()
    type_text(page.search, "СИДОРЕНКО")
    assert len(page.model.rows()) == 3

    home = window.show_page("home")
    titles = [item.title for item in home.due_model.rows()]  # type: ignore[attr-defined]
    assert any(t.startswith("Звернення 1/2026") for t in titles)
    window.show_page("appeals", soon)
    assert page.detail is not None and page.detail.id == soon and page.search.text() == ""


def test_registration_dialog_warns_of_a_repeat(qtbot: QtBot, window: MainWindow) -> None:
    ctx = window.ctx
    ctx.today_override = TODAY
    first = make_appeal(ctx.db, ctx.actor, received_on=dt.date(2026, 5, 4), applicant_name="Ґалаґан Ірина",
                        topic="Вивезення сміття")
    page = window.show_page("appeals")
    dialog = AppealDialog(ctx, page)
    qtbot.addWidget(dialog)
    applicant = dialog.findChild(QLineEdit, "appeal_applicant")
    applicant.setFocus()
    type_text(applicant, "ґалаґан  ірина")
    applicant.editingFinished.emit()
    dialog.topic.setCurrentText("вивезення сміття")
    assert "Повторне звернення" in dialog.repeat.text() and "1/2026" in dialog.repeat.text()
    dialog.needs_study.setChecked(False)
    assert dialog.due.text() == "04.06.2026"  # 15 days from today
    dialog.summary.setPlainText("Знову не вивезли сміття.")
    dialog.accept()
    a = appeals.get_appeal(ctx.db, dialog.saved_id or 0, TODAY)
    assert (a.reg_number, a.is_repeat, a.repeat_of_id, a.term_days) == ("2/2026", True, first, 15)


def test_extension_and_answer_dialogs(qtbot: QtBot, window: MainWindow) -> None:
    ctx = window.ctx
    ctx.today_override = TODAY
    appeal_id = make_appeal(ctx.db, ctx.actor, received_on=dt.date(2026, 5, 4))
    page = window.show_page("appeals")
    assert isinstance(page, AppealsPage) and page.detail is not None
    extend = ExtendDialog(ctx, page.detail, page)
    qtbot.addWidget(extend)
    assert extend.days.value() == 45 and extend.new_due.text() == "18.06.2026"
    extend.reason.setPlainText("Потрібне обстеження на місці.")
    extend.accept()
    page.refresh()
    assert page.detail.term_days == 45 and not page.extend_button.isEnabled()
    answer = AppealAnswerDialog(ctx, page.detail, page)
    qtbot.addWidget(answer)
    assert answer.signed_by.text() == "Оксана Мельничук"
    answer.result_choice.setCurrentIndex(answer.result_choice.findData("explained"))
    answer.text.setPlainText("Надано роз’яснення.")
    answer.accept()
    assert answer.result() == QDialog.DialogCode.Accepted  # QDialog.result() is not hidden by the result field
    page.refresh()
    assert page.detail.result == "explained" and "надано роз’яснення" in page.card.toPlainText()
    assert appeals.get_appeal(ctx.db, appeal_id, TODAY).answered_on == TODAY


def test_petition_and_its_appeal_link_both_ways(qtbot: QtBot, window: MainWindow) -> None:
    from app.services import petitions

    ctx = window.ctx
    ctx.today_override = TODAY
    pid = make_petition(ctx.db, ctx.actor, published_on=dt.date(2026, 1, 12), submitted_on=dt.date(2026, 1, 9))
    petition_page = window.show_page("petitions", pid)
    assert petition_page.appeal_button.isVisible()  # type: ignore[attr-defined]
    appeal_id = petitions.register_as_appeal(ctx.db, ctx.actor, pid, today=TODAY)
    window.show_page("petitions", pid)
    petition_page.open_appeal()  # type: ignore[attr-defined]
    page = window.stack.currentWidget()
    assert isinstance(page, AppealsPage) and page.detail is not None and page.detail.id == appeal_id
    assert page.petition_button.text() == "Петиція №1"

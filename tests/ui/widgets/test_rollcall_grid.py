"""The fast roll-call grid, driven by real key presses: a 26-deputy roll call in a few dozen keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.domain.votes import VoteOption
from app.services.core import audit
from app.services.core.auth import Actor
from app.services.deputies import rollcalls, sessions
from tests.deputies_setup import build_council
from ui.app import make_application
from ui.context import AppContext
from ui.dialogs.rollcall_dialog import RollCallDialog
from ui.widgets.rollcall_grid import RollCallGrid


@pytest.fixture(autouse=True)
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refusals the dialog would show in a message box (a modal box would block the test)."""
    shown: list[str] = []
    for module in ("ui.dialogs.rollcall_dialog", "ui.messages"):
        monkeypatch.setattr(f"{module}.show_error", lambda _p, exc: shown.append(str(exc)))
    return shown


def test_26_deputy_roll_call_by_keyboard(qtbot: QtBot, council_db: tuple[Database, Actor],
                                         errors: list[str]) -> None:
    make_application()
    db, actor = council_db
    c = build_council(db, actor, absent=(7, 19))  # two deputies registered absent
    ctx = AppContext(db=db, actor=actor)
    dialog = RollCallDialog(ctx, c.item_id)
    qtbot.addWidget(dialog)
    dialog.show()
    grid = dialog.findChild(RollCallGrid, "rollcall_grid")
    model = grid.grid_model()
    assert model.rowCount() == 26
    assert model.counts()[VoteOption.ABSENT] == 2  # unregistered deputies start absent
    assert len(model.missing()) == 24

    qtbot.keyClick(grid, Qt.Key.Key_Plus)  # everyone present: за
    assert model.counts()[VoteOption.FOR] == 24 and not model.missing()
    present = [i for i, d in enumerate(model.deputies) if d.present]
    r1, r2, r3, r4 = present[3], present[4], present[10], present[12]

    def go(row: int) -> None:
        qtbot.keyClick(grid, Qt.Key.Key_Home)
        for _ in range(row):
            qtbot.keyClick(grid, Qt.Key.Key_Down)

    go(r1)
    qtbot.keyClick(grid, Qt.Key.Key_2)  # against; the cursor moves to the next row
    go(r2)
    qtbot.keyClick(grid, Qt.Key.Key_3)  # abstained
    go(r3)
    qtbot.keyClick(grid, Qt.Key.Key_4)  # did not vote
    go(r4)
    qtbot.keyClick(grid, Qt.Key.Key_2)
    go(r3)  # correct row r3 with the arrows: ← from "не голос." to "утрим.", Space takes it
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    tally = dialog.findChild(QLabel, "rollcall_tally").text()
    assert "ПРИЙНЯТО" in tally and "потрібно 14 з 26" in tally
    qtbot.keyClick(grid, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert errors == []
    assert dialog.result() == RollCallDialog.DialogCode.Accepted

    saved = dialog.saved
    assert saved is not None
    by_row = {v.deputy_id: v.option for v in rollcalls.votes(db, saved.id)}
    order = [d.deputy_id for d in model.deputies]
    assert by_row[order[r1]] is VoteOption.AGAINST
    assert by_row[order[r2]] is VoteOption.ABSTAINED
    assert by_row[order[r3]] is VoteOption.ABSTAINED  # "не голосував" corrected with the arrows and Space
    assert by_row[order[r4]] is VoteOption.AGAINST
    assert (saved.votes_for, saved.votes_against, saved.abstained, saved.not_voting, saved.absent) == (20, 2, 2, 0, 2)
    assert saved.passed and saved.required == 14
    assert audit.list_events(db, audit.AuditFilter(entity_type="roll_call"))[0].action == "create"
    assert sessions.get_agenda_item(db, c.item_id).final == saved


def test_unfinished_grid_is_not_saved(qtbot: QtBot, council_db: tuple[Database, Actor], errors: list[str]) -> None:
    make_application()
    db, actor = council_db
    c = build_council(db, actor)
    shown = errors
    dialog = RollCallDialog(AppContext(db=db, actor=actor), c.item_id)
    qtbot.addWidget(dialog)
    dialog.show()
    grid = dialog.findChild(RollCallGrid, "rollcall_grid")
    qtbot.keyClick(grid, Qt.Key.Key_1)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert shown and shown[0].startswith("Не введено голос депутатів:")
    assert dialog.saved is None and sessions.get_agenda_item(db, c.item_id).roll_calls == ()
    qtbot.keyClick(grid, Qt.Key.Key_F2)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert dialog.saved is not None and dialog.saved.votes_for == 26


def test_editing_an_existing_roll_call(qtbot: QtBot, council_db: tuple[Database, Actor]) -> None:
    make_application()
    db, actor = council_db
    c = build_council(db, actor)
    row = rollcalls.save_roll_call(db, actor, c.item_id, dict.fromkeys(c.deputy_ids, VoteOption.FOR))
    dialog = RollCallDialog(AppContext(db=db, actor=actor), c.item_id, row.id)
    qtbot.addWidget(dialog)
    dialog.show()
    grid = dialog.findChild(RollCallGrid, "rollcall_grid")
    assert grid.grid_model().counts()[VoteOption.FOR] == 26
    qtbot.keyClick(grid, Qt.Key.Key_End)
    qtbot.keyClick(grid, Qt.Key.Key_2)
    qtbot.keyClick(grid, Qt.Key.Key_Enter)
    assert dialog.saved is not None and dialog.saved.votes_against == 1 and dialog.saved.id == row.id

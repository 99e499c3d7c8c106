"""The shared page base: how every page follows data changes, and the list-and-detail register."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QVBoxLayout
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.services.core.auth import Actor
from ui.app import make_application
from ui.context import AppContext
from ui.models.table import Column, RowTableModel
from ui.pages.base import ListDetailPage, Page
from ui.widgets.common import table_view


@dataclass(frozen=True)
class Thing:
    id: int
    name: str


class Things(ListDetailPage[Thing]):
    AREAS = frozenset({"things"})

    def __init__(self, ctx: AppContext, rows: list[Thing]) -> None:
        super().__init__(ctx)
        self.source = rows
        self.reloads = 0
        self.shown: list[Thing | None] = []
        view = table_view(self)
        self.set_list(RowTableModel([Column("Назва", lambda t: t.name)], self), view)
        QVBoxLayout(self).addWidget(view)
        self.reload()

    def reload(self) -> None:
        self.reloads += 1
        keep = self.selected()
        self.model.set_rows(self.source)
        self.select_record(keep.id if keep else None)

    def show_record(self, row: Thing | None) -> None:
        self.shown.append(row)


class Everything(Page):
    AREAS = None

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.reloads = 0

    def reload(self) -> None:
        self.reloads += 1


@pytest.fixture
def ctx(council_db: tuple[Database, Actor]) -> AppContext:
    make_application()
    db, actor = council_db
    return AppContext(db=db, actor=actor)


def test_a_page_on_screen_follows_its_areas_at_once(qtbot: QtBot, ctx: AppContext) -> None:
    page = Things(ctx, [Thing(1, "a")])
    qtbot.addWidget(page)
    page.show()
    start = page.reloads
    ctx.notify("things")
    assert page.reloads == start + 1  # synchronously: the action that notified sees the page current
    ctx.notify("other")
    assert page.reloads == start + 1


def test_a_page_off_screen_catches_up_when_shown(qtbot: QtBot, ctx: AppContext) -> None:
    page = Things(ctx, [Thing(1, "a")])
    qtbot.addWidget(page)
    start = page.reloads
    ctx.notify("things")
    assert page.reloads == start  # not shown: no work
    page.show()
    page.on_shown()
    assert page.reloads == start + 1


def test_areas_none_follows_every_area(qtbot: QtBot, ctx: AppContext) -> None:
    page = Everything(ctx)
    qtbot.addWidget(page)
    page.show()
    ctx.notify("anything")
    assert page.reloads == 1


def test_the_chosen_record_stays_chosen_across_a_reload(qtbot: QtBot, ctx: AppContext) -> None:
    page = Things(ctx, [Thing(1, "a"), Thing(2, "b"), Thing(3, "c")])
    qtbot.addWidget(page)
    assert page.selected() == Thing(1, "a")  # the first row at start
    page.view.selectRow(page.row_of(3) or 0)
    assert page.shown[-1] == Thing(3, "c")
    page.source = [Thing(3, "c"), Thing(1, "a")]  # reordered, 2 gone
    page.reload()
    assert page.selected() == Thing(3, "c") and page.shown[-1] == Thing(3, "c")
    page.source = [Thing(1, "a")]  # the chosen one gone: the first row
    page.reload()
    assert page.selected() == Thing(1, "a")
    page.source = []
    page.reload()
    assert page.selected() is None and page.shown[-1] is None
    assert page.row_of(1) is None

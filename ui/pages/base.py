"""What the main window's pages share: one way to follow data changes, and the list-and-detail page.

Every page re-reads what it shows in :meth:`Page.reload`:

* when the window shows it (``on_shown``, called by the main window on every visit), and
* while it is on screen, as soon as ``ctx.notify(area)`` reports a change in one of its
  :attr:`Page.AREAS`, so the clerk sees the result of an action the moment it returns.

A page off screen ignores notifications and catches up when it is shown next: a change costs
only the page in view. A page where the clerk types (Settings) declares no areas, so a
notification never overwrites an unsaved form.

:class:`ListDetailPage` adds the list-and-detail layout of the register pages (deputies,
sessions, petitions, appeals): a table of records, and the chosen record in detail, kept on the
same record across a reload.
"""

from __future__ import annotations

from typing import ClassVar, Generic, Protocol, TypeVar

from PySide6.QtWidgets import QTableView, QWidget

from ui.context import AppContext
from ui.models.table import RowTableModel


class Page(QWidget):
    """A page of the main window; subclasses set :attr:`AREAS` and implement :meth:`reload`."""

    AREAS: ClassVar[frozenset[str] | None] = frozenset()
    """The ``ctx.notify`` areas whose changes the page shows; None for every area."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        ctx.signals.changed.connect(self._data_changed)

    def on_shown(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read again everything the page shows, keeping the clerk's filters and selection."""
        raise NotImplementedError

    def _data_changed(self, area: str) -> None:
        if self.isVisible() and (self.AREAS is None or area in self.AREAS):
            self.reload()


class Record(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=Record)


class ListDetailPage(Page, Generic[R]):
    """A register: records in a table, the chosen one in detail.

    The subclass builds its table model and view and hands them to :meth:`set_list`; choosing a
    row calls :meth:`show_record` with that row (None when no row is chosen).
    """

    model: RowTableModel[R]
    view: QTableView

    def set_list(self, model: RowTableModel[R], view: QTableView) -> None:
        self.model = model
        self.view = view
        view.setModel(model)
        view.selectionModel().currentRowChanged.connect(self._current_row_changed)

    def show_record(self, row: R | None) -> None:
        """Show ``row`` in the detail part (None: nothing chosen, the list may be empty)."""
        raise NotImplementedError

    def selected(self) -> R | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def row_of(self, record_id: int | None) -> int | None:
        """The list row showing ``record_id``, if it is listed."""
        return next((i for i, row in enumerate(self.model.rows()) if row.id == record_id), None)

    def select_record(self, record_id: int | None) -> None:
        """Choose ``record_id`` in the list, else the first row; with an empty list show no record."""
        row = self.row_of(record_id)
        if row is None and self.model.rowCount():
            row = 0
        if row is None:
            self.show_record(None)
        else:
            self.view.selectRow(row)

    def _current_row_changed(self, *_: object) -> None:
        self.show_record(self.selected())

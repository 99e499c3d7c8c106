"""The fast roll-call entry grid: deputies × options, operated by the keyboard alone.

Keys (also shown under the grid):
  1–5          за / проти / утримався / не голосував / відсутній for the current deputy, then the next row
  ↑ ↓          previous / next deputy;  ← →  move between option columns, Space takes the column's option
  + or F2      every deputy registered present gets "за" (then correct the exceptions)
  Delete       clear the current deputy's option
  Enter, Ctrl+S  save (the dialog handles it)

Deputies not registered present at the session start as "відсутній"; a present deputy has no option
until one is entered, so nothing is assumed silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from app.domain.deputies import OPTION_ORDER
from app.domain.votes import VoteOption
from app.services.deputies.rollcalls import GridDeputy
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811

Index = QModelIndex | QPersistentModelIndex

FIRST_OPTION_COLUMN = 2
OPTION_COLORS = {
    VoteOption.FOR: QColor("#cdebd3"),
    VoteOption.AGAINST: QColor("#f6d0cd"),
    VoteOption.ABSTAINED: QColor("#fbe7b5"),
    VoteOption.NOT_VOTING: QColor("#dfe3e8"),
    VoteOption.ABSENT: QColor("#eceff2"),
}
HEADERS = (_N("RollCallGrid", "Депутат"), _N("RollCallGrid", "Фракція"), _N("RollCallGrid", "1 за"),
           _N("RollCallGrid", "2 проти"), _N("RollCallGrid", "3 утрим."), _N("RollCallGrid", "4 не голос."),
           _N("RollCallGrid", "5 відсутн."))


class RollCallGridModel(QAbstractTableModel):
    """Rows: deputies; columns: name, faction, then one column per option with a mark in the chosen one."""

    def __init__(self, deputies: Sequence[GridDeputy], options: dict[int, VoteOption] | None = None,
                 parent: Any = None, *, language: str = "uk") -> None:
        super().__init__(parent)
        self.language = language
        self.deputies = list(deputies)
        self.options: list[VoteOption | None] = []
        for d in self.deputies:
            chosen = (options or {}).get(d.deputy_id)
            if chosen is None and not d.present:
                chosen = VoteOption.ABSENT
            self.options.append(chosen)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.deputies)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else FIRST_OPTION_COLUMN + len(OPTION_ORDER)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        deputy, option = self.deputies[row], self.options[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return deputy.name + ("" if deputy.present else " " + QCoreApplication.translate(
                    "RollCallGrid", "(не зареєстр.)"))
            if col == 1:
                return deputy.faction
            return "●" if option is OPTION_ORDER[col - FIRST_OPTION_COLUMN] else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= FIRST_OPTION_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and option is not None:
            if col < FIRST_OPTION_COLUMN or option is OPTION_ORDER[col - FIRST_OPTION_COLUMN]:
                return QBrush(OPTION_COLORS[option])
        if role == Qt.ItemDataRole.ForegroundRole and col == 0 and not deputy.present:
            return QBrush(QColor("#6b7785"))
        if role == Qt.ItemDataRole.ToolTipRole and col >= FIRST_OPTION_COLUMN:
            return OPTION_ORDER[col - FIRST_OPTION_COLUMN].label(self.language)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return QCoreApplication.translate("RollCallGrid", HEADERS[section])
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def set_option(self, row: int, option: VoteOption | None) -> None:
        if 0 <= row < len(self.options) and self.options[row] is not option:
            self.options[row] = option
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def all_present_for(self) -> None:
        """Every deputy registered present gets "за"; absent ones keep their option."""
        self.beginResetModel()
        for row, deputy in enumerate(self.deputies):
            if deputy.present:
                self.options[row] = VoteOption.FOR
        self.endResetModel()

    def result(self) -> dict[int, VoteOption]:
        return {d.deputy_id: o for d, o in zip(self.deputies, self.options, strict=True) if o is not None}

    def missing(self) -> list[str]:
        return [d.name for d, o in zip(self.deputies, self.options, strict=True) if o is None]

    def counts(self) -> dict[VoteOption, int]:
        out = dict.fromkeys(VoteOption, 0)
        for option in self.options:
            if option is not None:
                out[option] += 1
        return out


class RollCallGrid(QTableView):
    """The grid view; emits ``changed`` after every edit and ``save_requested`` on Enter / Ctrl+S."""

    changed = Signal()
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, language: str = "uk") -> None:
        super().__init__(parent)
        self.language = language  # of the option names in tooltips
        self.setObjectName("rollcall_grid")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setStretchLastSection(False)
        self._model: RollCallGridModel | None = None

    def set_data(self, deputies: Sequence[GridDeputy], options: dict[int, VoteOption] | None = None) -> None:
        self._model = RollCallGridModel(deputies, options, self, language=self.language)
        self.setModel(self._model)
        self._model.dataChanged.connect(lambda *_: self.changed.emit())
        self._model.modelReset.connect(self.changed.emit)
        header = self.horizontalHeader()
        header.resizeSection(0, 230)
        header.resizeSection(1, 150)
        for col in range(FIRST_OPTION_COLUMN, self._model.columnCount()):
            header.resizeSection(col, 88)
        if self._model.rowCount():
            self.setCurrentIndex(self._model.index(0, FIRST_OPTION_COLUMN))
        self.changed.emit()

    def grid_model(self) -> RollCallGridModel:
        assert self._model is not None
        return self._model

    def current_row(self) -> int:
        return max(self.currentIndex().row(), 0)

    def _go(self, row: int, col: int | None = None) -> None:
        model = self.grid_model()
        row = min(max(row, 0), model.rowCount() - 1)
        col = self.currentIndex().column() if col is None else col
        col = min(max(col, FIRST_OPTION_COLUMN), model.columnCount() - 1)
        self.setCurrentIndex(model.index(row, col))

    def _set(self, option: VoteOption | None, advance: bool = True) -> None:
        row = self.current_row()
        self.grid_model().set_option(row, option)
        column = FIRST_OPTION_COLUMN + OPTION_ORDER.index(option) if option is not None else None
        self._go(row + 1 if advance else row, column)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if self._model is None or not self._model.rowCount():
            super().keyPressEvent(event)
            return
        key, text = event.key(), event.text()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_S:
            self.save_requested.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save_requested.emit()
        elif text and text in "12345" and len(text) == 1:
            self._set(OPTION_ORDER[int(text) - 1])
        elif key == Qt.Key.Key_F2 or text == "+":
            self._model.all_present_for()
            self._go(self.current_row())
        elif key == Qt.Key.Key_Space:
            col = self.currentIndex().column()
            if col >= FIRST_OPTION_COLUMN:
                self._set(OPTION_ORDER[col - FIRST_OPTION_COLUMN])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._set(None, advance=False)
        elif key == Qt.Key.Key_Down:
            self._go(self.current_row() + 1)
        elif key == Qt.Key.Key_Up:
            self._go(self.current_row() - 1)
        elif key == Qt.Key.Key_Left:
            self._go(self.current_row(), self.currentIndex().column() - 1)
        elif key == Qt.Key.Key_Right:
            self._go(self.current_row(), self.currentIndex().column() + 1)
        elif key == Qt.Key.Key_Home:
            self._go(0)
        elif key == Qt.Key.Key_End:
            self._go(self._model.rowCount() - 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

"""Small shared widgets: page titles, table views set up the same way everywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget


def page_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("page_title")
    label.setStyleSheet("font-size: 18pt; font-weight: 600; color: #1f3a5f; padding: 4px 0 8px 0;")
    return label


def table_view(parent: QWidget | None = None, *, sortable: bool = True) -> QTableView:
    """A read-only, row-selecting table view; sorting is done by the model on its Python list."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    if sortable:
        view.setSortingEnabled(False)  # enabling sorts at once, descending (PITFALLS); sort explicitly
        view.horizontalHeader().setSortIndicatorShown(True)
        view.horizontalHeader().setSectionsClickable(True)
        view.horizontalHeader().sortIndicatorChanged.connect(lambda column, order: _sort(view, column, order))
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


def _sort(view: QTableView, column: int, order: Qt.SortOrder) -> None:
    model = view.model()
    if model is not None:
        model.sort(column, order)

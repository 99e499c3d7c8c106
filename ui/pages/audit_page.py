"""Audit trail: every change ever made, filterable, with the chain's state, exportable to PDF."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.formats import format_datetime, utc_to_local
from app.reports import audit_trail
from app.services import registry
from app.services.core import audit
from ui import preferences
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import status
from ui.models.table import Column, RowTableModel
from ui.pages.base import Page
from ui.widgets.common import page_title, table_view
from ui.widgets.dates import date_of
from ui.workers import run_with_progress


def _lang_label(pair: tuple[str, str] | None, language: str, fallback: str) -> str:
    if pair is None:
        return fallback
    return pair[1] if language == "en" else pair[0]


class AuditPage(Page):
    AREAS = None  # every change is an event here

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lang = ctx.language
        columns: list[Column[audit.AuditRow]] = [
            Column(_N("Columns", "№"), lambda r: r.seq, sort_key=lambda r: r.seq, align_right=True),
            Column(_N("Columns", "Коли"), lambda r: format_datetime(utc_to_local(r.occurred_at)),
                   sort_key=lambda r: r.occurred_at),
            Column(_N("Columns", "Хто"), lambda r: r.username),
            Column(_N("Columns", "Дія"), lambda r: _lang_label(audit.ACTION_LABELS.get(r.action), lang, r.action)),
            Column(_N("Columns", "Запис"), lambda r: registry.entity_label(r.entity_type, lang)
                   + (f" #{r.entity_id}" if r.entity_id else "")),
            Column(_N("Columns", "Опис"), lambda r: r.summary),
            Column(_N("Columns", "Зміни"), lambda r: self._changes(r.changes)),
        ]
        self.model: RowTableModel[audit.AuditRow] = RowTableModel(columns, self)
        self.view = table_view(self)
        self.view.setObjectName("audit_table")
        self.view.setModel(self.model)
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)

        self.use_from = QCheckBox(self.tr("з"))
        self.use_from.setObjectName("audit_use_from")
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-1))
        self.date_from.setObjectName("audit_date_from")
        self.date_from.setCalendarPopup(True)
        self.date_from.setDisplayFormat("dd.MM.yyyy")
        self.use_to = QCheckBox(self.tr("по"))
        self.use_to.setObjectName("audit_use_to")
        self.date_to = QDateEdit(QDate.currentDate())
        self.date_to.setObjectName("audit_date_to")
        self.date_to.setCalendarPopup(True)
        self.date_to.setDisplayFormat("dd.MM.yyyy")
        self.user = QComboBox()
        self.user.setObjectName("audit_user")
        self.entity = QComboBox()
        self.entity.setObjectName("audit_entity")
        for check in (self.use_from, self.use_to):
            check.toggled.connect(self.refresh)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.refresh)
        self.user.currentIndexChanged.connect(self.refresh)
        self.entity.currentIndexChanged.connect(self.refresh)

        self.chain_label = QLabel()
        self.chain_label.setObjectName("audit_chain_state")
        verify = QPushButton(self.tr("Перевірити ланцюжок"))
        verify.clicked.connect(self.verify)
        export = QPushButton(self.tr("Експорт у PDF…"))
        export.setObjectName("audit_export")
        export.clicked.connect(self.export_pdf)
        self.count_label = QLabel()

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Період:")))
        filters.addWidget(self.use_from)
        filters.addWidget(self.date_from)
        filters.addWidget(self.use_to)
        filters.addWidget(self.date_to)
        filters.addSpacing(12)
        filters.addWidget(QLabel(self.tr("Користувач:")))
        filters.addWidget(self.user)
        filters.addWidget(QLabel(self.tr("Тип запису:")))
        filters.addWidget(self.entity)
        filters.addStretch(1)
        filters.addWidget(export)

        self.detail = QPlainTextEdit()
        self.detail.setObjectName("audit_detail")
        self.detail.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)

        chain_row = QHBoxLayout()
        chain_row.addWidget(self.chain_label, 1)
        chain_row.addWidget(self.count_label)
        chain_row.addWidget(verify)

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Журнал змін")))
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(chain_row)
        self._loading = False
        self.reload()

    def _changes(self, changes: dict[str, list[object]], limit: int = 3) -> str:
        """``field: old → new; …`` for the table cell, the "and N more fields" note in the UI language."""
        text = audit_trail.describe_changes(dict(list(changes.items())[:limit]), limit).replace("\n", "; ")
        if len(changes) > limit:
            text += "; " + self.tr("… ще %1 полів").replace("%1", str(len(changes) - limit))
        return text

    def reload(self) -> None:
        """Refill the user and record-type choices (keeping what is chosen), the list and the chain's state."""
        self._loading = True
        users, types = audit.distinct_values(self.ctx.db)
        current_user, current_type = self.user.currentData(), self.entity.currentData()
        self.user.clear()
        self.user.addItem(self.tr("усі"), None)
        for name in users:
            self.user.addItem(name, name)
        self.entity.clear()
        self.entity.addItem(self.tr("усі"), None)
        for entity_type in types:
            self.entity.addItem(registry.entity_label(entity_type, self.ctx.language),
                                entity_type)
        self.user.setCurrentIndex(max(0, self.user.findData(current_user)))
        self.entity.setCurrentIndex(max(0, self.entity.findData(current_type)))
        self._loading = False
        self.refresh()
        self.verify()

    def current_filter(self) -> audit.AuditFilter:
        return audit.AuditFilter(
            date_from=date_of(self.date_from) if self.use_from.isChecked() else None,
            date_to=date_of(self.date_to) if self.use_to.isChecked() else None,
            username=self.user.currentData(),
            entity_type=self.entity.currentData(),
        )

    def refresh(self) -> None:
        if self._loading:
            return
        rows = audit.list_events(self.ctx.db, self.current_filter())
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("Показано подій: %1").replace("%1", str(len(rows))))
        self.view.resizeColumnsToContents()

    def verify(self) -> None:
        report = audit.verify_chain(self.ctx.db)
        if report.ok:
            self.chain_label.setText("✔ " + self.tr("Ланцюжок цілий: %1 подій, жодну не змінено і не видалено.")
                                     .replace("%1", str(report.events)))
            self.chain_label.setStyleSheet("color: #1b6e3a; font-weight: 600;")
        else:
            self.chain_label.setText("✘ " + self.tr("Ланцюжок порушено на події №%1: %2")
                                     .replace("%1", str(report.broken_at_seq)).replace("%2", report.reason))
            self.chain_label.setStyleSheet("color: #b00020; font-weight: 600;")

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        row = self.model.row_at(current.row())
        lines = [f"№{row.seq} · {format_datetime(utc_to_local(row.occurred_at))} · {row.username}", row.summary, ""]
        for key, pair in row.changes.items():
            old, new = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
            lines.append(f"{key}: {json.dumps(old, ensure_ascii=False)} → {json.dumps(new, ensure_ascii=False)}")
        self.detail.setPlainText("\n".join(lines))

    def export_pdf(self) -> None:
        start = preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Зберегти журнал змін"),
                                              str(Path(start) / "zhurnal-zmin.pdf"), self.tr("PDF (*.pdf)"))
        if not name:
            return
        self.export_to(Path(name))

    def export_to(self, path: Path) -> bool:
        flt = self.current_filter()
        db = self.ctx.db
        if call_service(self, lambda: run_with_progress(
                self, self.tr("Журнал змін"), lambda progress: audit_trail.render_filtered(db, flt, path, progress)),
                catch=Exception) is FAILED:
            return False
        preferences.put(preferences.LAST_EXPORT_DIR, str(path.parent))
        status(self, self.tr("Журнал змін збережено: %1").replace("%1", str(path)))
        return True

"""Reports: every report kind, public or internal, saved as PDF."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.reports import registry
from ui import preferences
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import status
from ui.models.table import Column, RowTableModel
from ui.pages.base import Page
from ui.widgets.common import page_title, table_view
from ui.workers import run_with_progress

# The pickers of the report modules label records in Ukrainian (sessions, years, annual reports): their
# wordings in English for the GUI. Anything else (names, titles) is shown as it is.
_CHOICES_EN = (
    (re.compile(r"^(\d+)-а сесія \(позачергова\), (.+)$"), r"Session \1 (extraordinary), \2"),
    (re.compile(r"^(\d+)-а сесія, (.+)$"), r"Session \1, \2"),
    (re.compile(r"^(.+) — звіт за (\d{4}) рік$"), r"\1 — report for \2"),
    (re.compile(r"^(\d{4}) рік$"), r"\1"),
)


def choice_label(label: str, language: str) -> str:
    if language != "en":
        return label
    for pattern, english in _CHOICES_EN:
        if pattern.match(label):
            return pattern.sub(english, label)
    return label


class ReportsPage(Page):
    AREAS = None  # a report's records come from any area

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        lang = ctx.language
        columns: list[Column[registry.ReportKind]] = [
            Column(_N("Columns", "Звіт"), lambda k: k.title(lang)),
            Column(_N("Columns", "Доступ"), lambda k: self.tr("публічний") if k.public else self.tr("службовий")),
            Column(_N("Columns", "Ідентифікатор"), lambda k: k.id),
        ]
        self.model: RowTableModel[registry.ReportKind] = RowTableModel(columns, self)
        self.model.set_rows(registry.allowed_reports(ctx.actor))
        self.view = table_view(self)
        self.view.setObjectName("reports_table")
        self.view.setModel(self.model)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._on_select())
        self.view.doubleClicked.connect(lambda *_: self.generate())
        self.record = QComboBox()
        self.record.setObjectName("report_record")
        self.record.setMinimumWidth(360)
        self.record_label = QLabel()
        self.open_after = QCheckBox(self.tr("Відкрити після збереження"))
        self.open_after.setChecked(True)
        generate = QPushButton(self.tr("Сформувати PDF…"))
        generate.setObjectName("report_generate")
        generate.clicked.connect(self.generate)
        row = QHBoxLayout()
        row.addWidget(self.record_label)
        row.addWidget(self.record, 1)
        row.addWidget(self.open_after)
        row.addWidget(generate)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Звіти")))
        layout.addWidget(QLabel(self.tr("Публічні звіти не містять персональних даних громадян і готові до "
                                        "оприлюднення; службові — лише для працівників ради.")))
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.view.resizeColumnsToContents()
        if self.model.rowCount():
            self.view.selectRow(0)

    def reload(self) -> None:
        """Offer the chosen report's records afresh (keeping the one chosen): they change on other pages."""
        current = self.record.currentData()
        self._on_select()
        self.record.setCurrentIndex(max(0, self.record.findData(current)))

    def selected(self) -> registry.ReportKind | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _on_select(self) -> None:
        kind = self.selected()
        self.record.clear()
        needs = bool(kind and kind.needs_id)
        self.record.setVisible(needs)
        self.record_label.setVisible(needs)
        if kind and kind.needs_id:
            self.record_label.setText((kind.id_hint_en if self.ctx.language == "en" else kind.id_hint_uk) + ":")
            if kind.choices is not None:
                for record_id, label in kind.choices(self.ctx.db):
                    self.record.addItem(choice_label(label, self.ctx.language), record_id)

    def generate(self) -> None:
        kind = self.selected()
        if kind is None:
            return
        start = preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())
        suggested = Path(start) / f"{kind.id}.pdf"
        name, _ = QFileDialog.getSaveFileName(self, kind.title(self.ctx.language), str(suggested),
                                              self.tr("PDF (*.pdf)"))
        if name:
            self.generate_to(kind, Path(name), self.record.currentData())

    def generate_to(self, kind: registry.ReportKind, path: Path, record_id: int | None) -> bool:
        db, actor = self.ctx.db, self.ctx.actor
        if call_service(self, lambda: run_with_progress(
                self, kind.title(self.ctx.language),
                lambda progress: registry.render_report(db, kind.id, record_id, path, progress, actor=actor)),
                catch=Exception) is FAILED:
            return False
        preferences.put(preferences.LAST_EXPORT_DIR, str(path.parent))
        status(self, self.tr("Збережено: %1").replace("%1", str(path)))
        if self.open_after.isChecked() and not re.match(r"offscreen|minimal", _platform()):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return True


def _platform() -> str:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName()

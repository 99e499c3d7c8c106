"""Importing a roll call from a voting system's CSV/XLSX: file → column mapping with a preview → check →
import (all rows or none)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.interchange import rollcall_import
from app.services.deputies import rollcalls
from app.services.deputies.sessions import RollCallRow
from ui import preferences
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service, ok_cancel

PREVIEW_ROWS = 12


class RollCallImportDialog(QDialog):
    def __init__(self, ctx: AppContext, item_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item_id = item_id
        self.table: rollcall_import.Table | None = None
        self.path: Path | None = None
        self.plan: rollcall_import.ImportPlan | None = None
        self.saved: RollCallRow | None = None
        grid = rollcalls.grid_data(ctx.db, item_id)
        self.setWindowTitle(self.tr("Імпорт поіменного голосування"))
        intro = QLabel(self.tr("Питання %1: %2").replace("%1", str(grid.item_number)).replace("%2", grid.item_title))
        intro.setWordWrap(True)
        intro.setStyleSheet("font-weight: 600;")
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("import_file")
        self.file_edit.setReadOnly(True)
        browse = QPushButton(self.tr("Обрати файл…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.name_column = QComboBox()
        self.name_column.setObjectName("import_name_column")
        self.option_column = QComboBox()
        self.option_column.setObjectName("import_option_column")
        for combo in (self.name_column, self.option_column):
            combo.currentIndexChanged.connect(self._check)
        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.addItems([rollcalls.title_label(t, ctx.language) for t in rollcalls.DEFAULT_TITLES])
        form = QFormLayout()
        form.addRow(self.tr("Файл CSV або XLSX:"), file_row)
        form.addRow(self.tr("Стовпець з депутатом:"), self.name_column)
        form.addRow(self.tr("Стовпець з голосом:"), self.option_column)
        form.addRow(self.tr("Голосування:"), self.title)
        self.preview = QTableWidget()
        self.preview.setObjectName("import_preview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.report = QPlainTextEdit()
        self.report.setObjectName("import_report")
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(160)
        self.buttons = ok_cancel(self, self.tr("Імпортувати"))
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setObjectName("import_run")
        self.import_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Перші рядки файлу:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(QLabel(self.tr("Перевірка:")))
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        self.resize(820, 640)

    def _browse(self) -> None:
        start = preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Файл голосування"), start,
                                              self.tr("Таблиці (*.csv *.xlsx *.txt)"))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> bool:
        table = call_service(self, lambda: rollcall_import.read_table(path), catch=Exception)
        if table is FAILED:
            return False
        self.path, self.table = path, table
        self.file_edit.setText(str(path))
        self.preview.clear()
        self.preview.setColumnCount(len(table.header))
        self.preview.setHorizontalHeaderLabels(table.header)
        self.preview.setRowCount(min(PREVIEW_ROWS, len(table.rows)))
        for r, row in enumerate(table.rows[:PREVIEW_ROWS]):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        self.preview.resizeColumnsToContents()
        guess = rollcall_import.guess_mapping(table)
        for combo in (self.name_column, self.option_column):
            combo.blockSignals(True)
            combo.clear()
            for index, header in enumerate(table.header):
                combo.addItem(f"{index + 1}: {header}", index)
            combo.blockSignals(False)
        if guess is not None:
            self.name_column.setCurrentIndex(guess.name)
            self.option_column.setCurrentIndex(guess.option)
        self._check()
        return True

    def _check(self) -> None:
        self.plan = None
        self.import_button.setEnabled(False)
        if self.table is None or self.name_column.currentIndex() < 0 or self.option_column.currentIndex() < 0:
            return
        mapping = rollcall_import.Mapping(self.name_column.currentData(), self.option_column.currentData())
        try:
            plan = rollcall_import.plan_import(self.ctx.db, self.item_id, self.table, mapping)
        except Exception as exc:  # noqa: BLE001 - e.g. same column twice
            self.report.setPlainText(str(getattr(exc, "message", exc)))
            return
        self.plan = plan
        lines = []
        if plan.problems:
            lines.append(self.tr("Файл не можна імпортувати: знайдено проблем — %1. Нічого не буде збережено, "
                                 "доки їх не виправлено.").replace("%1", str(len(plan.problems))))
            lines += plan.problems
        else:
            counts: dict[str, int] = {}
            for option in plan.options.values():
                label = option.label(self.ctx.language)
                counts[label] = counts.get(label, 0) + 1
            lines.append(self.tr("Усе гаразд: голосів — %1.").replace("%1", str(len(plan.options))) + " "
                         + ", ".join(f"{k}: {v}" for k, v in counts.items()))
            if plan.filled_absent:
                lines.append(self.tr("Відсутні на сесії (додано як «відсутній»): %1")
                             .replace("%1", ", ".join(plan.filled_absent)))
        self.report.setPlainText("\n".join(lines))
        self.import_button.setEnabled(plan.ok)

    def accept(self) -> None:
        if self.plan is None or not self.plan.ok or self.path is None:
            return
        title = self.title.currentText()
        if self.ctx.language == "en":
            title = rollcalls.title_from_label(title)  # stored in Ukrainian, as in the reports
        plan, path = self.plan, self.path
        saved = call_service(self, lambda: rollcalls.save_roll_call(
            self.ctx.db, self.ctx.actor, self.item_id, plan.options,
            rollcalls.RollCallData(title=title, source=rollcalls.import_source(path.name))), catch=Exception)
        if saved is FAILED:
            return
        self.saved = saved
        preferences.put(preferences.LAST_EXPORT_DIR, str(self.path.parent))
        self.ctx.notify("sessions")
        super().accept()

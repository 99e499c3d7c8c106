"""Sessions: the list of sessions → a session's agenda with roll calls and decisions, and its attendance."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.deputies import AttendanceStatus, SessionKind
from app.domain.formats import format_date
from app.errors import ValidationError
from app.interchange import rollcall_import
from app.reports import registry
from app.services import deputies
from app.services.core.auth import Permission
from app.services.deputies import rollcalls, sessions
from ui import preferences
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service
from ui.dialogs.rollcall_dialog import RollCallDialog
from ui.dialogs.rollcall_import_wizard import RollCallImportDialog
from ui.dialogs.session_dialogs import AgendaItemDialog, DecisionDialog, SessionDialog
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import confirm, show_error, status
from ui.models.table import Column, RowTableModel
from ui.pages.base import ListDetailPage
from ui.widgets.common import page_title, table_view
from ui.workers import run_with_progress


def _kind_short(kind: str, lang: str) -> str:
    if lang == "en":
        return SessionKind(kind).label_en
    return "позачерг." if kind == SessionKind.EXTRAORDINARY else "чергова"


def session_columns(lang: str) -> list[Column[sessions.SessionRow]]:
    return [
        Column(_N("Columns", "№"), lambda r: r.number, align_right=True),
        Column(_N("Columns", "Дата"), lambda r: format_date(r.date), sort_key=lambda r: r.date),
        Column(_N("Columns", "Вид"), lambda r: _kind_short(r.kind, lang)),
        Column(_N("Columns", "Питань"), lambda r: r.items, align_right=True),
        Column(_N("Columns", "Голосувань"), lambda r: r.roll_calls, align_right=True),
        Column(_N("Columns", "Присутні"), lambda r: r.present if r.registered else "—",
               sort_key=lambda r: r.present, align_right=True),
    ]


def item_columns(lang: str) -> list[Column[sessions.AgendaItemRow]]:
    return [
        Column(_N("Columns", "№"), lambda r: r.number, align_right=True),
        Column(_N("Columns", "Питання"), lambda r: r.title, tooltip=lambda r: r.title),
        Column(_N("Columns", "Результат"), lambda r: r.result_text(lang) + (
            f" ({r.final.votes_for}/{r.final.required})" if r.final else "")),
        Column(_N("Columns", "Рішення"), lambda r: r.decision.number if r.decision else ""),
        Column(_N("Columns", "Ініціатор"), lambda r: r.initiator_text(lang), tooltip=lambda r: r.initiator_text(lang)),
    ]


def roll_columns(lang: str) -> list[Column[sessions.RollCallRow]]:
    of = QCoreApplication.translate("SessionsPage", "%1 з %2")
    return [
        Column(_N("Columns", "Голосування"), lambda r: rollcalls.title_label(r.title, lang),
               tooltip=lambda r: rollcalls.source_label(r.source, lang)),
        Column(_N("Columns", "Результат"), lambda r: r.result_text(lang)),
        Column(_N("Columns", "За"), lambda r: r.votes_for, align_right=True),
        Column(_N("Columns", "Проти"), lambda r: r.votes_against, align_right=True),
        Column(_N("Columns", "Утрим."), lambda r: r.abstained, align_right=True),
        Column(_N("Columns", "Не голос."), lambda r: r.not_voting, align_right=True),
        Column(_N("Columns", "Відсутні"), lambda r: r.absent, align_right=True),
        Column(_N("Columns", "Потрібно"),
               lambda r: of.replace("%1", str(r.required)).replace("%2", str(r.composition))),
        Column(_N("Columns", "Джерело"), lambda r: rollcalls.source_label(r.source, lang)),
    ]

DECISION_COLUMNS: list[Column[sessions.DecisionRow]] = [
    Column(_N("Columns", "Номер"), lambda r: r.number),
    Column(_N("Columns", "Дата"), lambda r: format_date(r.date), sort_key=lambda r: r.date),
    Column(_N("Columns", "Назва"), lambda r: r.title, tooltip=lambda r: r.title),
    Column(_N("Columns", "Файл"), lambda r: r.file_name if r.has_file else ""),
]
def vote_columns(lang: str) -> list[Column[rollcalls.VoteRow]]:
    return [
        Column(_N("Columns", "Депутат"), lambda r: r.name),
        Column(_N("Columns", "Фракція"), lambda r: r.faction),
        Column(_N("Columns", "Голос"), lambda r: r.option.label(lang)),
    ]


class SessionsPage(ListDetailPage[sessions.SessionRow]):
    AREAS = frozenset({"sessions", "deputies", "council"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.editable = ctx.can(Permission.EDIT_RECORDS)
        self._session: sessions.SessionRow | None = None
        self._items: list[sessions.AgendaItemRow] = []

        self.year = QComboBox()
        self.year.setObjectName("sessions_year")
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        new = QPushButton(self.tr("Нова сесія…"))
        new.setObjectName("session_new")
        new.clicked.connect(self.new_session)
        new.setEnabled(self.editable)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Рік:")))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(new)

        view = table_view(self)
        view.setObjectName("sessions_table")
        self.set_list(RowTableModel(session_columns(ctx.language), self), view)
        self.view.doubleClicked.connect(lambda *_: self.edit_session())

        self.detail = self._build_detail()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 900])

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Сесії ради")))
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.reload()

    # ----- detail

    def _button(self, text: str, slot: Callable[[], object], name: str, needs_edit: bool = True) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        if needs_edit:
            button.setEnabled(self.editable)
        return button

    def _build_detail(self) -> QWidget:
        self.heading = QLabel()
        self.heading.setObjectName("session_heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 14pt; font-weight: 600; color: #1f3a5f;")
        head_buttons = QHBoxLayout()
        head_buttons.addWidget(self._button(self.tr("Змінити сесію…"), self.edit_session, "session_edit"))
        head_buttons.addWidget(self._button(self.tr("Видалити сесію"), self.delete_session, "session_delete"))
        head_buttons.addStretch(1)
        head_buttons.addWidget(self._button(self.tr("Експорт голосувань…"), self.export_votes, "session_export",
                                            False))
        head_buttons.addWidget(self._button(self.tr("Результати сесії (PDF)…"), self.results_pdf, "session_pdf",
                                            False))

        # agenda tab: items on top, roll calls of the selected item below, by-name list on the right
        self.items_model: RowTableModel[sessions.AgendaItemRow] = RowTableModel(
            item_columns(self.ctx.language), self,
            background=lambda r: QColor("#fde2e1") if r.final and not r.final.passed else None)
        self.items_view = table_view(self, sortable=False)
        self.items_view.setObjectName("agenda_table")
        self.items_view.setModel(self.items_model)
        self.items_view.setWordWrap(False)
        self.items_view.selectionModel().currentRowChanged.connect(lambda *_: self._on_item())
        self.items_view.doubleClicked.connect(lambda *_: self.edit_item())
        item_buttons = QHBoxLayout()
        for text, slot, name in ((self.tr("Додати питання…"), self.add_item, "item_add"),
                                 (self.tr("Змінити…"), self.edit_item, "item_edit"),
                                 (self.tr("Видалити"), self.delete_item, "item_delete")):
            item_buttons.addWidget(self._button(text, slot, name))
        item_buttons.addStretch(1)
        item_buttons.addWidget(self._button(self.tr("Голосувати (клавіатура)…"), self.new_roll_call, "rollcall_new"))
        item_buttons.addWidget(self._button(self.tr("Імпорт голосування…"), self.import_roll_call,
                                            "rollcall_import"))
        item_buttons.addWidget(self._button(self.tr("Рішення…"), self.edit_decision, "decision_edit"))

        self.rolls_model: RowTableModel[sessions.RollCallRow] = RowTableModel(
            roll_columns(self.ctx.language), self,
            background=lambda r: QColor("#e3f4e8") if r.passed else QColor("#fde2e1"))
        self.rolls_view = table_view(self, sortable=False)
        self.rolls_view.setObjectName("rollcalls_table")
        self.rolls_view.setModel(self.rolls_model)
        self.rolls_view.selectionModel().currentRowChanged.connect(lambda *_: self._on_roll())
        self.rolls_view.doubleClicked.connect(lambda *_: self.edit_roll_call())
        roll_buttons = QHBoxLayout()
        roll_buttons.addWidget(self._button(self.tr("Виправити голосування…"), self.edit_roll_call, "rollcall_edit"))
        roll_buttons.addWidget(self._button(self.tr("Видалити голосування"), self.delete_roll_call,
                                            "rollcall_delete"))
        roll_buttons.addStretch(1)
        self.votes_model: RowTableModel[rollcalls.VoteRow] = RowTableModel(vote_columns(self.ctx.language), self)
        self.votes_view = table_view(self)
        self.votes_view.setObjectName("rollcall_votes")
        self.votes_view.setModel(self.votes_model)
        rolls_box = QWidget()
        rolls_layout = QVBoxLayout(rolls_box)
        rolls_layout.setContentsMargins(0, 0, 0, 0)
        rolls_layout.addWidget(QLabel(self.tr("Поіменні голосування з питання:")))
        rolls_layout.addWidget(self.rolls_view, 1)
        rolls_layout.addLayout(roll_buttons)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(rolls_box)
        lower.addWidget(self.votes_view)
        lower.setSizes([500, 360])
        agenda_box = QWidget()
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.setContentsMargins(0, 0, 0, 0)
        agenda_layout.addWidget(self.items_view, 1)
        agenda_layout.addLayout(item_buttons)
        agenda_split = QSplitter(Qt.Orientation.Vertical)
        agenda_split.addWidget(agenda_box)
        agenda_split.addWidget(lower)
        agenda_split.setSizes([380, 260])

        # attendance tab
        self.attendance = QTableWidget(0, 4)
        self.attendance.setObjectName("attendance_table")
        self.attendance.setHorizontalHeaderLabels([self.tr("Депутат"), self.tr("Фракція"), self.tr("Присутність"),
                                                   self.tr("Причина відсутності")])
        self.attendance.verticalHeader().setVisible(False)
        self.attendance.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.attendance.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.attendance_summary = QLabel()
        att_buttons = QHBoxLayout()
        att_buttons.addWidget(self.attendance_summary, 1)
        att_buttons.addWidget(self._button(self.tr("Усі присутні"), self.all_present, "attendance_all_present"))
        att_buttons.addWidget(self._button(self.tr("Зберегти реєстрацію"), self.save_attendance, "attendance_save"))
        att_page = QWidget()
        att_layout = QVBoxLayout(att_page)
        att_layout.addWidget(self.attendance, 1)
        att_layout.addLayout(att_buttons)

        # decisions tab
        self.dec_model: RowTableModel[sessions.DecisionRow] = RowTableModel(DECISION_COLUMNS, self)
        self.dec_view = table_view(self)
        self.dec_view.setObjectName("decisions_table")
        self.dec_view.setModel(self.dec_model)
        dec_buttons = QHBoxLayout()
        dec_buttons.addWidget(self._button(self.tr("Відкрити PDF"), self.open_decision_file, "decision_open", False))
        dec_buttons.addWidget(self._button(self.tr("Видалити рішення"), self.delete_decision, "decision_delete"))
        dec_buttons.addStretch(1)
        self.dec_search = QLineEdit()
        self.dec_search.setPlaceholderText(self.tr("Пошук рішень за номером чи назвою (усі сесії)…"))
        self.dec_search.setObjectName("decision_search")
        self.dec_search.textChanged.connect(lambda _t: self._load_decisions())
        dec_page = QWidget()
        dec_layout = QVBoxLayout(dec_page)
        dec_layout.addWidget(self.dec_search)
        dec_layout.addWidget(self.dec_view, 1)
        dec_layout.addLayout(dec_buttons)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("session_tabs")
        self.tabs.addTab(agenda_split, self.tr("Порядок денний і голосування"))
        self.tabs.addTab(att_page, self.tr("Реєстрація депутатів"))
        self.tabs.addTab(dec_page, self.tr("Рішення"))
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(head_buttons)
        layout.addWidget(self.tabs, 1)
        return panel

    # ----- loading

    def reload(self) -> None:
        years = deputies.session_years(self.ctx.db)
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("усі"), None)
        for y in years:
            self.year.addItem(str(y), y)
        index = self.year.findData(current) if current is not None else 0
        self.year.setCurrentIndex(max(0, index))
        self.year.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        keep = self._session.id if self._session else None
        rows = sessions.list_sessions(self.ctx.db, year=self.year.currentData())
        self.model.set_rows(rows)
        self.select_record(keep)
        self.view.resizeColumnsToContents()

    def open_record(self, session_id: int) -> None:
        self.year.setCurrentIndex(0)
        row = self.row_of(session_id)
        if row is not None:
            self.view.selectRow(row)

    def show_record(self, row: sessions.SessionRow | None) -> None:
        self._show(row)

    def _show(self, row: sessions.SessionRow | None) -> None:
        self._session = row
        self.detail.setEnabled(row is not None)
        if row is None:
            self.heading.setText(self.tr("Сесій ще немає: додайте першу"))
            self.items_model.set_rows([])
            self.rolls_model.set_rows([])
            self.votes_model.set_rows([])
            self.dec_model.set_rows([])
            self.attendance.setRowCount(0)
            return
        kind = SessionKind(row.kind).label(self.ctx.language)
        self.heading.setText(self.tr("%1-а %2 сесія, %3").replace("%1", str(row.number)).replace("%2", kind)
                             .replace("%3", format_date(row.date)) + (f" — {row.place}" if row.place else ""))
        self._load_items()
        self._load_attendance()
        self._load_decisions()

    def _load_items(self, keep_item: int | None = None) -> None:
        assert self._session is not None
        current = self.selected_item()
        keep_item = keep_item if keep_item is not None else (current.id if current else None)
        self._items = sessions.agenda(self.ctx.db, self._session.id)
        self.items_model.set_rows(self._items)
        self.items_view.resizeColumnsToContents()
        self.items_view.setColumnWidth(1, min(480, max(260, self.items_view.columnWidth(1))))
        self.items_view.setColumnWidth(4, min(220, self.items_view.columnWidth(4)))
        target = next((i for i, r in enumerate(self._items) if r.id == keep_item), 0 if self._items else None)
        if target is not None:
            self.items_view.selectRow(target)
        self._on_item()

    def selected_item(self) -> sessions.AgendaItemRow | None:
        index = self.items_view.currentIndex()
        return self.items_model.row_at(index.row()) if index.isValid() and self.items_model.rowCount() else None

    def _on_item(self) -> None:
        item = self.selected_item()
        self.rolls_model.set_rows(list(item.roll_calls) if item else [])
        if item and item.roll_calls:
            self.rolls_view.selectRow(len(item.roll_calls) - 1)
            self.rolls_view.resizeColumnsToContents()
        self._on_roll()

    def selected_roll_call(self) -> sessions.RollCallRow | None:
        index = self.rolls_view.currentIndex()
        return self.rolls_model.row_at(index.row()) if index.isValid() and self.rolls_model.rowCount() else None

    def _on_roll(self) -> None:
        rc = self.selected_roll_call()
        self.votes_model.set_rows(rollcalls.votes(self.ctx.db, rc.id) if rc else [])
        if rc is not None and not getattr(self, "_votes_sized", False):
            self.votes_view.resizeColumnsToContents()
            self._votes_sized = True

    def _load_attendance(self) -> None:
        assert self._session is not None
        rows = sessions.attendance(self.ctx.db, self._session.id)
        self._attendance_rows = rows
        self.attendance.setRowCount(len(rows))
        labels = [(s.value, s.label(self.ctx.language)) for s in AttendanceStatus]
        for r, row in enumerate(rows):
            name = QTableWidgetItem(row.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            faction = QTableWidgetItem(row.faction)
            faction.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.attendance.setItem(r, 0, name)
            self.attendance.setItem(r, 1, faction)
            combo = QComboBox()
            combo.addItem(self.tr("— не позначено —"), None)
            for value, label in labels:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(row.status)))
            combo.setEnabled(self.editable)
            combo.currentIndexChanged.connect(self._attendance_summary)
            self.attendance.setCellWidget(r, 2, combo)
            reason = QTableWidgetItem(row.reason)
            self.attendance.setItem(r, 3, reason)
        self.attendance.resizeColumnsToContents()
        self.attendance.setColumnWidth(2, max(self.attendance.columnWidth(2), 240))
        self.attendance.updateGeometries()  # place the new combo boxes in their cells now, not on the next event
        self._attendance_summary()

    def _attendance_marks(self) -> dict[int, tuple[str, str]]:
        marks = {}
        for r, row in enumerate(self._attendance_rows):
            combo = self.attendance.cellWidget(r, 2)
            value = combo.currentData() if isinstance(combo, QComboBox) else None
            if value:
                reason_item = self.attendance.item(r, 3)
                marks[row.deputy_id] = (value, reason_item.text() if reason_item else "")
        return marks

    def _attendance_summary(self) -> None:
        marks = self._attendance_marks()
        present = sum(1 for s, _ in marks.values() if s == AttendanceStatus.PRESENT)
        self.attendance_summary.setText(self.tr("Присутні: %1 з %2; не позначено: %3")
                                        .replace("%1", str(present)).replace("%2", str(len(self._attendance_rows)))
                                        .replace("%3", str(len(self._attendance_rows) - len(marks))))

    def _load_decisions(self) -> None:
        if self._session is None:
            return
        query = self.dec_search.text()
        rows = sessions.list_decisions(self.ctx.db, query=query) if query.strip() else \
            sessions.list_decisions(self.ctx.db, session_id=self._session.id)
        self.dec_model.set_rows(rows)
        self.dec_view.resizeColumnsToContents()

    # ----- actions

    def _after(self, keep_item: int | None = None) -> None:
        self.refresh()
        if keep_item is not None:
            self._load_items(keep_item)

    def new_session(self) -> None:
        dialog = SessionDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self.year.setCurrentIndex(0)
            self._session = sessions.get_session(self.ctx.db, dialog.saved_id)
            self.refresh()

    def edit_session(self) -> None:
        if self._session is not None and self.editable and SessionDialog(self.ctx, self._session, self).exec():
            self.refresh()

    def delete_session(self) -> None:
        s = self._session
        if s is None or not confirm(self, self.tr("Видалити сесію №%1?").replace("%1", str(s.number))):
            return
        if call_service(self, lambda: sessions.delete_session(self.ctx.db, self.ctx.actor, s.id, s.version),
                        catch=Exception) is FAILED:
            return
        self._session = None
        self.ctx.notify("sessions")

    def add_item(self) -> None:
        if self._session is not None and AgendaItemDialog(self.ctx, self._session.id, None, self).exec():
            self._load_items()

    def edit_item(self) -> None:
        item = self.selected_item()
        if item is not None and self._session is not None and self.editable and \
                AgendaItemDialog(self.ctx, self._session.id, item, self).exec():
            self._load_items(item.id)

    def delete_item(self) -> None:
        item = self.selected_item()
        if item is None or not confirm(self, self.tr("Видалити питання №%1?").replace("%1", str(item.number))):
            return
        if call_service(self, lambda: sessions.delete_agenda_item(self.ctx.db, self.ctx.actor, item.id, item.version),
                        catch=Exception) is FAILED:
            return
        self._load_items()

    def new_roll_call(self) -> RollCallDialog | None:
        item = self.selected_item()
        if item is None:
            show_error(self, ValidationError(self.tr("Оберіть питання порядку денного.")))
            return None
        dialog = RollCallDialog(self.ctx, item.id, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after(item.id)
        return dialog

    def edit_roll_call(self) -> None:
        item, rc = self.selected_item(), self.selected_roll_call()
        if item is None or rc is None or not self.editable:
            return
        if RollCallDialog(self.ctx, item.id, rc.id, self).exec() == QDialog.DialogCode.Accepted:
            self._after(item.id)

    def delete_roll_call(self) -> None:
        item, rc = self.selected_item(), self.selected_roll_call()
        if item is None or rc is None or not confirm(self, self.tr("Видалити голосування «%1»?").replace(
                "%1", rc.title)):
            return
        if call_service(self, lambda: rollcalls.delete_roll_call(self.ctx.db, self.ctx.actor, rc.id, rc.version),
                        catch=Exception) is FAILED:
            return
        self._after(item.id)

    def import_roll_call(self) -> None:
        item = self.selected_item()
        if item is None:
            show_error(self, ValidationError(self.tr("Оберіть питання порядку денного.")))
            return
        if RollCallImportDialog(self.ctx, item.id, self).exec() == QDialog.DialogCode.Accepted:
            self._after(item.id)

    def edit_decision(self) -> None:
        item = self.selected_item()
        if item is None or self._session is None:
            return
        row = sessions.get_decision(self.ctx.db, item.decision.id) if item.decision else None
        if DecisionDialog(self.ctx, item, self._session, row, self).exec():
            self._after(item.id)

    def _selected_decision(self) -> sessions.DecisionRow | None:
        index = self.dec_view.currentIndex()
        return self.dec_model.row_at(index.row()) if index.isValid() else None

    def open_decision_file(self) -> None:
        row = self._selected_decision()
        if row is None or not row.has_file:
            return
        found = sessions.decision_file(self.ctx.db, row.id)
        if found is None:
            return
        import tempfile

        target = Path(tempfile.mkdtemp(prefix="hromada-")) / (found[0] or f"{row.number}.pdf")
        target.write_bytes(found[1])
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def delete_decision(self) -> None:
        row = self._selected_decision()
        if row is None or not confirm(self, self.tr("Видалити рішення №%1?").replace("%1", row.number)):
            return
        if call_service(self, lambda: sessions.delete_decision(self.ctx.db, self.ctx.actor, row.id, row.version),
                        catch=Exception) is FAILED:
            return
        self._after()

    def all_present(self) -> None:
        for r in range(self.attendance.rowCount()):
            combo = self.attendance.cellWidget(r, 2)
            if isinstance(combo, QComboBox):
                combo.setCurrentIndex(combo.findData(AttendanceStatus.PRESENT.value))

    def save_attendance(self) -> bool:
        if self._session is None:
            return False
        session = self._session
        if call_service(self, lambda: sessions.set_attendance(self.ctx.db, self.ctx.actor, session.id,
                                                              self._attendance_marks(), session.version),
                        catch=Exception) is FAILED:
            return False
        status(self, self.tr("Реєстрацію збережено."))
        self._session = sessions.get_session(self.ctx.db, self._session.id)
        self.refresh()
        return True

    def results_pdf(self) -> None:
        if self._session is None:
            return
        start = preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Результати сесії"),
                                              str(Path(start) / f"sesiia-{self._session.number}.pdf"),
                                              self.tr("PDF (*.pdf)"))
        if name:
            self.render_results(Path(name))

    def render_results(self, path: Path) -> bool:
        assert self._session is not None
        db, session_id = self.ctx.db, self._session.id
        if call_service(self, lambda: run_with_progress(
                self, self.tr("Результати сесії"),
                lambda progress: registry.render_report(db, "session-results", session_id, path, progress)),
                catch=Exception) is FAILED:
            return False
        preferences.put(preferences.LAST_EXPORT_DIR, str(path.parent))
        status(self, self.tr("Збережено: %1").replace("%1", str(path)))
        return True

    def export_votes(self) -> None:
        if self._session is None:
            return
        start = preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Експорт поіменних голосувань"),
                                              str(Path(start) / f"holosuvannia-{self._session.number}.xlsx"),
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not name:
            return
        session_id = self._session.id
        count = call_service(self, lambda: rollcall_import.export_roll_calls(self.ctx.db, [session_id], Path(name)),
                             catch=Exception)
        if count is FAILED:
            return
        preferences.put(preferences.LAST_EXPORT_DIR, str(Path(name).parent))
        status(self, self.tr("Вивантажено голосів: %1").replace("%1", str(count)))

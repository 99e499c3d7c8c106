"""Edit forms for sessions: the session itself, an agenda item, a decision (with an optional PDF)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.domain.deputies import InitiatorKind, ItemStatus, SessionKind
from app.domain.votes import Majority, VoteOption
from app.services import deputies
from app.services.deputies import rollcalls, sessions
from ui.context import AppContext
from ui.dialogs.common import accept_after, ok_cancel
from ui.widgets.council_forms import date_edit, enum_combo, record_combo
from ui.widgets.dates import date_of


class SessionDialog(QDialog):
    def __init__(self, ctx: AppContext, row: sessions.SessionRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Сесія ради"))
        self.number = QSpinBox()
        self.number.setObjectName("session_number")
        self.number.setRange(1, 9999)
        self.number.setValue(row.number if row else sessions.next_session_number(ctx.db))
        self.date = date_edit(row.date if row else ctx.today(), "session_date")
        self.kind = enum_combo(SessionKind, row.kind if row else None, ctx.language, object_name="session_kind")
        self.place = QLineEdit(row.place if row else "")
        self.notes = QPlainTextEdit(row.notes if row else "")
        self.notes.setMaximumHeight(80)
        form = QFormLayout(self)
        form.addRow(self.tr("Номер сесії:"), self.number)
        form.addRow(self.tr("Дата:"), self.date)
        form.addRow(self.tr("Вид:"), self.kind)
        form.addRow(self.tr("Місце:"), self.place)
        form.addRow(self.tr("Примітки:"), self.notes)
        form.addRow(ok_cancel(self, self.tr("Зберегти")))
        self.resize(480, 300)

    def accept(self) -> None:
        data = sessions.SessionData(number=self.number.value(), date=date_of(self.date),
                                    kind=self.kind.currentData(),
                                    convocation=self.row.convocation if self.row else None,
                                    place=self.place.text(), notes=self.notes.toPlainText())
        if accept_after(self, lambda: self._save(data), catch=Exception):
            self.ctx.notify("sessions")

    def _save(self, data: sessions.SessionData) -> None:
        if self.row is None:
            self.saved_id = sessions.create_session(self.ctx.db, self.ctx.actor, data)
        else:
            sessions.update_session(self.ctx.db, self.ctx.actor, self.row.id, data, self.row.version)
            self.saved_id = self.row.id


class AgendaItemDialog(QDialog):
    def __init__(self, ctx: AppContext, session_id: int, row: sessions.AgendaItemRow | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session_id = session_id
        self.row = row
        self.setWindowTitle(self.tr("Питання порядку денного"))
        self.number = QSpinBox()
        self.number.setObjectName("item_number")
        self.number.setRange(1, 999)
        self.number.setValue(row.number if row else sessions.next_item_number(ctx.db, session_id))
        self.title = QPlainTextEdit(row.title if row else "")
        self.title.setObjectName("item_title")
        self.title.setMaximumHeight(90)
        self.initiator = enum_combo(InitiatorKind, row.initiator_kind if row else InitiatorKind.HEAD.value,
                                    ctx.language, object_name="item_initiator")
        self.initiator_deputy = record_combo(
            [(r.id, r.full_name) for r in deputies.list_deputies(ctx.db)], row.initiator_deputy_id if row else None,
            blank="—", object_name="item_initiator_deputy")
        self.initiator_committee = record_combo(
            [(c.id, c.name) for c in deputies.list_committees(ctx.db)], row.initiator_committee_id if row else None,
            blank="—")
        self.initiator_note = QLineEdit(row.initiator_note if row else "")
        self.initiator_note.setPlaceholderText(self.tr("напр. номер петиції або колективного звернення"))
        self.draft_number = QLineEdit(row.draft_number if row else "")
        self.majority = enum_combo(Majority, row.majority if row else None, ctx.language, object_name="item_majority")
        self.status = enum_combo(ItemStatus, row.status if row else None, ctx.language)
        self.initiator.currentIndexChanged.connect(self._sync)
        form = QFormLayout(self)
        form.addRow(self.tr("Номер:"), self.number)
        form.addRow(self.tr("Питання:"), self.title)
        form.addRow(self.tr("Ініціатор:"), self.initiator)
        form.addRow(self.tr("Депутат-ініціатор:"), self.initiator_deputy)
        form.addRow(self.tr("Комісія-ініціатор:"), self.initiator_committee)
        form.addRow(self.tr("Уточнення:"), self.initiator_note)
        form.addRow(self.tr("№ проєкту рішення:"), self.draft_number)
        form.addRow(self.tr("Потрібна більшість:"), self.majority)
        form.addRow(self.tr("Стан:"), self.status)
        form.addRow(ok_cancel(self, self.tr("Зберегти")))
        self._sync()
        self.resize(620, 460)

    def _sync(self) -> None:
        kind = self.initiator.currentData()
        self.initiator_deputy.setEnabled(kind == InitiatorKind.DEPUTY)
        self.initiator_committee.setEnabled(kind == InitiatorKind.COMMITTEE)

    def accept(self) -> None:
        data = sessions.AgendaItemData(
            number=self.number.value(), title=self.title.toPlainText(), initiator_kind=self.initiator.currentData(),
            initiator_deputy_id=self.initiator_deputy.currentData(),
            initiator_committee_id=self.initiator_committee.currentData(), initiator_note=self.initiator_note.text(),
            draft_number=self.draft_number.text(), majority=self.majority.currentData(),
            status=self.status.currentData())
        if accept_after(self, lambda: self._save(data), catch=Exception):
            self.ctx.notify("sessions")

    def _save(self, data: sessions.AgendaItemData) -> None:
        if self.row is None:
            sessions.add_agenda_items(self.ctx.db, self.ctx.actor, self.session_id, [data])
        else:
            sessions.update_agenda_item(self.ctx.db, self.ctx.actor, self.row.id, data, self.row.version)


class DecisionDialog(QDialog):
    """A decision adopted on an agenda item; linked to the roll call that passed it; optional PDF file."""

    def __init__(self, ctx: AppContext, item: sessions.AgendaItemRow, session: sessions.SessionRow,
                 row: sessions.DecisionRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item = item
        self.row = row
        self._file: tuple[str, bytes] | None = None
        self._remove = False
        self.setWindowTitle(self.tr("Рішення ради"))
        self.number = QLineEdit(row.number if row else sessions.suggest_decision_number(ctx.db, item.id))
        self.number.setObjectName("decision_number")
        self.date = date_edit(row.date if row else session.date, "decision_date")
        self.title = QPlainTextEdit(row.title if row else item.title)
        self.title.setObjectName("decision_title")
        self.title.setMaximumHeight(80)
        self.text = QPlainTextEdit(row.text if row else "")
        self.roll_call = QComboBox()
        self.roll_call.setObjectName("decision_roll_call")
        lang = ctx.language
        for rc in item.roll_calls:
            self.roll_call.addItem(f"«{rollcalls.title_label(rc.title, lang)}»: {rc.result_text(lang)} "
                                   f"({rc.votes_for} {VoteOption.FOR.label(lang)})", rc.id)
        passed = [rc.id for rc in item.roll_calls if rc.passed]
        chosen = row.roll_call_id if row else (passed[-1] if passed else None)
        self.roll_call.setCurrentIndex(max(0, self.roll_call.findData(chosen)))
        self.file_label = QLabel(row.file_name if row and row.has_file else self.tr("не прикріплено"))
        self.file_label.setObjectName("decision_file")
        attach = QPushButton(self.tr("Прикріпити PDF…"))
        attach.clicked.connect(self._attach)
        remove = QPushButton(self.tr("Відкріпити"))
        remove.clicked.connect(self._detach)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(attach)
        file_row.addWidget(remove)
        form = QFormLayout(self)
        form.addRow(self.tr("Номер рішення:"), self.number)
        form.addRow(self.tr("Дата:"), self.date)
        form.addRow(self.tr("Назва:"), self.title)
        form.addRow(self.tr("Ухвалено голосуванням:"), self.roll_call)
        form.addRow(self.tr("Текст:"), self.text)
        form.addRow(self.tr("Файл PDF:"), file_row)
        form.addRow(ok_cancel(self, self.tr("Зберегти")))
        self.resize(640, 520)

    def _attach(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Файл рішення"), str(Path.home()), self.tr("PDF (*.pdf)"))
        if name:
            self.attach_file(Path(name))

    def attach_file(self, path: Path) -> None:
        self._file = (path.name, path.read_bytes())
        self._remove = False
        self.file_label.setText(path.name)

    def _detach(self) -> None:
        self._file = None
        self._remove = True
        self.file_label.setText(self.tr("не прикріплено"))

    def accept(self) -> None:
        data = sessions.DecisionData(
            number=self.number.text(), date=date_of(self.date), title=self.title.toPlainText(),
            text=self.text.toPlainText(), agenda_item_id=self.item.id, roll_call_id=self.roll_call.currentData(),
            file=self._file[1] if self._file else None, file_name=self._file[0] if self._file else "",
            remove_file=self._remove)
        if accept_after(self, lambda: sessions.save_decision(self.ctx.db, self.ctx.actor, data,
                                                             self.row.id if self.row else None,
                                                             self.row.version if self.row else None),
                        catch=Exception):
            self.ctx.notify("sessions")

"""Dialogs of the Petitions page: petition card, publication, answer, signature import with preview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.formats import format_date
from app.domain.petitions import PetitionOutcome, SignatureChannel
from app.errors import ServiceError
from app.interchange import signatures_import
from app.services import petitions
from app.services.petitions import PetitionDetail, PetitionInput
from ui import preferences
from ui.context import AppContext
from ui.dialogs.common import FAILED, accept_after, call_service, ok_cancel
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import show_error
from ui.models.table import Column, RowTableModel
from ui.widgets.common import table_view
from ui.widgets.dates import date_of, qdate
from ui.workers import run_with_progress


def date_edit(value: dt.date | None = None, name: str = "") -> QDateEdit:
    """A dd.MM.yyyy date field with a calendar pop-up."""
    edit = QDateEdit(qdate(value) if value else QDate.currentDate())
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setCalendarPopup(True)
    if name:
        edit.setObjectName(name)
    return edit


class PetitionDialog(QDialog):
    """A new petition as submitted, or the details of an existing one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, detail: PetitionDetail | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Нова петиція") if detail is None else
                            self.tr("Петиція №%1").replace("%1", str(detail.number)))
        self.title = QLineEdit()
        self.title.setObjectName("petition_title")
        self.title.setMaxLength(petitions.MAX_TITLE)
        self.text = QPlainTextEdit()
        self.text.setObjectName("petition_text")
        self.text.setMinimumHeight(140)
        self.author = QLineEdit()
        self.author.setObjectName("petition_author")
        self.submitted = date_edit(ctx.today(), "petition_submitted")
        self.responsible = QLineEdit()
        self.responsible.setObjectName("petition_responsible")
        self.url = QLineEdit()
        self.url.setObjectName("petition_url")
        self.url.setPlaceholderText("https://")
        self.author_address = QLineEdit()
        self.author_address.setObjectName("petition_author_address")
        self.author_phone = QLineEdit()
        self.author_phone.setObjectName("petition_author_phone")
        self.author_email = QLineEdit()
        self.author_email.setObjectName("petition_author_email")

        form = QFormLayout()
        form.addRow(self.tr("Назва:"), self.title)
        form.addRow(self.tr("Текст:"), self.text)
        form.addRow(self.tr("Автор (прізвище та ім’я):"), self.author)
        form.addRow(self.tr("Дата подання:"), self.submitted)
        form.addRow(self.tr("Відповідальна особа:"), self.responsible)
        form.addRow(self.tr("Петиція онлайн (посилання):"), self.url)
        private = QGroupBox(self.tr("Контакти автора — не оприлюднюються"))
        private_form = QFormLayout(private)
        private_form.addRow(self.tr("Адреса:"), self.author_address)
        private_form.addRow(self.tr("Телефон:"), self.author_phone)
        private_form.addRow(self.tr("Електронна пошта:"), self.author_email)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(private)
        layout.addWidget(ok_cancel(self, self.tr("Зберегти")))
        if detail is not None:
            self.title.setText(detail.title)
            self.text.setPlainText(detail.text)
            self.author.setText(detail.author_name)
            self.submitted.setDate(qdate(detail.submitted_on))
            self.submitted.setEnabled(detail.published_on is None)
            self.responsible.setText(detail.responsible)
            self.url.setText(detail.online_url)
            self.author_address.setText(detail.author_address)
            self.author_phone.setText(detail.author_phone)
            self.author_email.setText(detail.author_email)
            private.setEnabled(detail.private_visible)
        self.resize(640, 560)

    def data(self) -> PetitionInput:
        return PetitionInput(
            title=self.title.text(), text=self.text.toPlainText(), author_name=self.author.text(),
            submitted_on=date_of(self.submitted), author_address=self.author_address.text(),
            author_phone=self.author_phone.text(), author_email=self.author_email.text(),
            responsible=self.responsible.text(), online_url=self.url.text(),
        )

    def accept(self) -> None:
        accept_after(self, self._save)

    def _save(self) -> None:
        if self.detail is None:
            self.saved_id = petitions.create_petition(self.ctx.db, self.ctx.actor, self.data(),
                                                      today=self.ctx.today())
        else:
            petitions.update_petition(self.ctx.db, self.ctx.actor, self.detail.id, self.data(),
                                      self.detail.version, today=self.ctx.today())
            self.saved_id = self.detail.id


class PublishDialog(QDialog):
    """Publication: the date, and the threshold and window that will be fixed for this petition."""

    def __init__(self, ctx: AppContext, detail: PetitionDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.setWindowTitle(self.tr("Оприлюднення петиції №%1").replace("%1", str(detail.number)))
        threshold, window = petitions.collection_rules(ctx.db)
        self.date = date_edit(ctx.today(), "publish_date")
        note = QLabel(self.tr(
            "Після оприлюднення починається збір підписів. За правилами громади петиція має набрати %1 підписів "
            "за %2; ці умови буде закріплено за петицією, і пізніші зміни налаштувань її не стосуватимуться.")
            .replace("%1", str(threshold))
            .replace("%2", window.describe_en() if ctx.language == "en" else window.describe_uk()))
        note.setWordWrap(True)
        if detail.status.due_on:
            due = QLabel(self.tr("Оприлюднити треба до %1 (2 робочі дні після подання).")
                         .replace("%1", format_date(detail.status.due_on)))
            due.setWordWrap(True)
        else:
            due = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Дата оприлюднення:"), self.date)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(due)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, self.tr("Оприлюднити")))

    def accept(self) -> None:
        accept_after(self, lambda: petitions.publish_petition(self.ctx.db, self.ctx.actor, self.detail.id,
                                                              date_of(self.date), self.detail.version,
                                                              today=self.ctx.today()))


class PetitionAnswerDialog(QDialog):
    """The council's answer to a petition that reached its threshold."""

    def __init__(self, ctx: AppContext, detail: PetitionDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.setWindowTitle(self.tr("Відповідь на петицію №%1").replace("%1", str(detail.number)))
        self.supported = QRadioButton(self.tr("Підтримана"))
        self.supported.setObjectName("answer_supported")
        self.not_supported = QRadioButton(self.tr("Не підтримана"))
        self.not_supported.setObjectName("answer_not_supported")
        group = QButtonGroup(self)
        group.addButton(self.supported)
        group.addButton(self.not_supported)
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.supported)
        outcome_row.addWidget(self.not_supported)
        outcome_row.addStretch(1)
        self.date = date_edit(ctx.today(), "answer_date")
        self.signed_by = QLineEdit()
        self.signed_by.setObjectName("answer_by")
        self.signed_by.setPlaceholderText(self.tr("посада, прізвище та ім’я"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("answer_text")
        form = QFormLayout()
        form.addRow(self.tr("Результат:"), outcome_row)
        form.addRow(self.tr("Дата відповіді:"), self.date)
        form.addRow(self.tr("Підписав:"), self.signed_by)
        form.addRow(self.tr("Текст відповіді:"), self.text)
        due = QLabel(self.tr("Розглянути треба до %1.").replace("%1", format_date(detail.status.consideration_due_on)))
        layout = QVBoxLayout(self)
        layout.addWidget(due)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, self.tr("Зберегти відповідь")))
        if detail.outcome is not None:
            (self.supported if detail.outcome is PetitionOutcome.SUPPORTED else self.not_supported).setChecked(True)
            if detail.answered_on is not None:
                self.date.setDate(qdate(detail.answered_on))
            self.signed_by.setText(detail.answered_by)
            self.text.setPlainText(detail.answer_text)
        self.resize(600, 460)

    def accept(self) -> None:
        if not (self.supported.isChecked() or self.not_supported.isChecked()):
            show_error(self, ServiceError(self.tr("Оберіть результат: підтримана чи не підтримана.")))
            return
        outcome = PetitionOutcome.SUPPORTED if self.supported.isChecked() else PetitionOutcome.NOT_SUPPORTED
        accept_after(self, lambda: petitions.answer_petition(
            self.ctx.db, self.ctx.actor, self.detail.id, outcome=outcome,
            answered_on=date_of(self.date), answer_text=self.text.toPlainText(),
            answered_by=self.signed_by.text(), expected_version=self.detail.version, today=self.ctx.today()))


def preview_columns(lang: str) -> list[Column[signatures_import.PreviewRow]]:
    return [
        Column(_N("Columns", "Рядок"), lambda r: r.line, sort_key=lambda r: r.line, align_right=True),
        Column(_N("Columns", "Прізвище, ім’я, по батькові"), lambda r: r.signer_name),
        Column(_N("Columns", "Дата"), lambda r: format_date(r.signed_on), sort_key=lambda r: r.signed_on),
        Column(_N("Columns", "Спосіб"), lambda r: SignatureChannel.title_of(r.channel, lang)),
        Column(_N("Columns", "Адреса"), lambda r: r.address),
        Column(_N("Columns", "Телефон"), lambda r: r.phone),
        Column(_N("Columns", "Чому не прийнято"), lambda r: r.problem or "", tooltip=lambda r: r.problem or ""),
    ]


class SignatureImportDialog(QDialog):
    """Choose a CSV/XLSX file, see every row checked, then import all rows or none."""

    def __init__(self, ctx: AppContext, detail: PetitionDetail, parent: QWidget | None = None,
                 path: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.path: Path | None = None
        self.preview: signatures_import.ImportPreview | None = None
        self.imported = 0
        self.setWindowTitle(self.tr("Імпорт підписів під петицією №%1").replace("%1", str(detail.number)))
        self.file_label = QLabel(self.tr("Файл не вибрано"))
        self.file_label.setObjectName("import_file")
        choose = QPushButton(self.tr("Вибрати файл…"))
        choose.clicked.connect(self.choose_file)
        self.default_date = date_edit(ctx.today(), "import_default_date")
        self.default_channel = QComboBox()
        self.default_channel.setObjectName("import_default_channel")
        for key in ("imported", "online", "paper"):
            self.default_channel.addItem(SignatureChannel.title_of(key, ctx.language), key)
        self.default_date.dateChanged.connect(self.refresh)
        self.default_channel.currentIndexChanged.connect(self.refresh)
        options = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(choose)
        options.addRow(self.tr("Файл CSV або XLSX:"), row)
        options.addRow(self.tr("Дата для рядків без дати:"), self.default_date)
        options.addRow(self.tr("Спосіб для рядків без нього:"), self.default_channel)
        hint = QLabel(self.tr(
            "Стовпці розпізнаються за заголовками: «ПІБ» (або «Прізвище», «Ім’я», «По батькові»), «Адреса», "
            "«Телефон», «Дата», «Спосіб». Імпортуються всі рядки або жоден: виправте відхилені рядки у файлі "
            "й перевірте ще раз."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5d6876;")
        self.model: RowTableModel[signatures_import.PreviewRow] = RowTableModel(
            preview_columns(ctx.language), self, background=lambda r: QColor("#fde2e1") if r.problem else None)
        self.view = table_view(self)
        self.view.setObjectName("import_preview")
        self.view.setModel(self.model)
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.buttons = ok_cancel(self, self.tr("Імпортувати"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(980, 620)
        if path is not None:
            self.set_file(path)

    def choose_file(self) -> None:
        start = preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Файл із підписами"), start,
                                              self.tr("Таблиці (*.csv *.xlsx);;Усі файли (*)"))
        if name:
            preferences.put(preferences.LAST_EXPORT_DIR, str(Path(name).parent))
            self.set_file(Path(name))

    def set_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(str(path))
        self.refresh()

    def refresh(self) -> None:
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(False)
        self.preview = None
        if self.path is None:
            return
        db, petition_id, path = self.ctx.db, self.detail.id, self.path
        default_date, channel, today = (date_of(self.default_date), self.default_channel.currentData(),
                                        self.ctx.today())
        try:  # checking 20,000 rows takes most of a second: off the GUI thread
            self.preview = run_with_progress(
                self, self.tr("Перевірка файлу"),
                lambda _progress: signatures_import.preview(db, petition_id, path, default_date=default_date,
                                                            default_channel=channel, today=today))
        except ServiceError as exc:
            self.model.set_rows([])
            self.summary.setText(exc.text(self.ctx.language))
            self.summary.setStyleSheet("color: #b00020;")
            return
        p = self.preview
        self.model.set_rows(p.rows)
        self.view.resizeColumnsToContents()
        rejected = len({problem.line for problem in p.problems})
        if p.ok:
            self.summary.setText(self.tr("Рядків: %1. Усі можна імпортувати; після імпорту підписів буде %2 з %3.")
                                 .replace("%1", str(len(p.rows)))
                                 .replace("%2", str(p.signature_count + len(p.rows)))
                                 .replace("%3", str(p.threshold or "—")))
            self.summary.setStyleSheet("color: #1b6e3a; font-weight: 600;")
        else:
            self.summary.setText(self.tr("Рядків: %1, відхилено: %2 (позначено червоним). Імпорт неможливий, доки "
                                         "їх не виправлено: жодного підпису не буде записано.")
                                 .replace("%1", str(len(p.rows))).replace("%2", str(rejected)))
            self.summary.setStyleSheet("color: #b00020; font-weight: 600;")
            first_bad = next((i for i, r in enumerate(p.rows) if r.problem), None)
            if first_bad is not None:
                self.view.scrollTo(self.model.index(first_bad, 0))
        ok_button.setEnabled(p.ok)

    def accept(self) -> None:
        if self.path is None or self.preview is None or not self.preview.ok:
            return
        ctx, pid, path = self.ctx, self.detail.id, self.path
        date, channel = date_of(self.default_date), self.default_channel.currentData()
        imported = call_service(self, lambda: run_with_progress(
            self, self.tr("Імпорт підписів"),
            lambda progress: signatures_import.import_file(
                ctx.db, ctx.actor, pid, path, default_date=date, default_channel=channel, today=ctx.today(),
                progress=progress)), catch=Exception)  # any failure is shown; the import rolled back
        if imported is FAILED:
            self.refresh()
            return
        self.imported = imported
        super().accept()


def ask_text(parent: QWidget, title: str, label: str) -> str | None:
    """A small dialog asking for one line of text (a reason); None when cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    edit = QLineEdit()
    edit.setObjectName("ask_text")
    text_label = QLabel(label)
    text_label.setWordWrap(True)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text_label)
    layout.addWidget(edit)
    layout.addWidget(ok_cancel(dialog, dialog.tr("Гаразд")))
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return edit.text()


class DecisionLinkDialog(QDialog):
    """Link the petition to the council decision (and its agenda item) that acted on it."""

    def __init__(self, ctx: AppContext, detail: PetitionDetail, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QListWidget, QListWidgetItem

        from app.services.petitions import links as petition_links

        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self._item_cls = QListWidgetItem
        self.setWindowTitle(self.tr("Рішення ради щодо петиції №%1").replace("%1", str(detail.number)))
        current = petition_links.get_link(ctx.db, detail.id, ctx.language)
        self.current = QLabel("; ".join(x for x in (current.decision, current.agenda_item) if x)
                              or self.tr("Зв’язку ще немає."))
        self.current.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setObjectName("link_query")
        self.query.setPlaceholderText(self.tr("Пошук рішення чи питання порядку денного"))
        self.query.setClearButtonEnabled(True)
        self.decisions = QListWidget()
        self.decisions.setObjectName("link_decisions")
        self.items = QListWidget()
        self.items.setObjectName("link_items")
        self.query.textChanged.connect(self.search)
        clear = QPushButton(self.tr("Прибрати зв’язок"))
        clear.clicked.connect(self.clear_link)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Зараз:")))
        layout.addWidget(self.current)
        layout.addWidget(self.query)
        layout.addWidget(QLabel(self.tr("Рішення ради:")))
        layout.addWidget(self.decisions, 2)
        layout.addWidget(QLabel(self.tr("Або питання порядку денного (якщо рішення ще немає):")))
        layout.addWidget(self.items, 1)
        row = QHBoxLayout()
        row.addWidget(clear)
        row.addStretch(1)
        row.addWidget(ok_cancel(self, self.tr("Пов’язати")))
        layout.addLayout(row)
        self.query.setText(detail.title.split()[0] if detail.title else "")
        self.search()
        self.resize(720, 560)

    def search(self) -> None:
        from app.services.petitions import links as petition_links

        text = self.query.text()
        self.decisions.clear()
        for record_id, label in petition_links.decision_choices(self.ctx.db, text, self.ctx.language)[:200]:
            item = self._item_cls(label)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            self.decisions.addItem(item)
        self.items.clear()
        if text.strip():
            for record_id, label in petition_links.agenda_item_choices(self.ctx.db, text, self.ctx.language):
                item = self._item_cls(label)
                item.setData(Qt.ItemDataRole.UserRole, record_id)
                self.items.addItem(item)

    def _save(self, agenda_item_id: int | None, decision_id: int | None) -> bool:
        from app.services.petitions import links as petition_links

        return accept_after(self, lambda: petition_links.set_link(
            self.ctx.db, self.ctx.actor, self.detail.id, agenda_item_id=agenda_item_id, decision_id=decision_id))

    def clear_link(self) -> None:
        self._save(None, None)

    def accept(self) -> None:
        decision = self.decisions.currentItem()
        item = self.items.currentItem()
        if decision is None and item is None:
            show_error(self, ServiceError(self.tr("Виберіть рішення або питання порядку денного.")))
            return
        self._save(item.data(Qt.ItemDataRole.UserRole) if item else None,
                   decision.data(Qt.ItemDataRole.UserRole) if decision else None)

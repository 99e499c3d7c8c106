"""Petitions: the register with state filter and search; a petition's card with progress, signatures, answer.

Signatures are entered at typing speed: name, address, phone, Enter — saved, the fields
clear, the cursor is back in the name field; date and channel stay for the whole paper
sheet. A repeated signer is refused on the spot with the earlier signature shown, and a
hint appears while the name is being typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.deadlines import DeadlineState
from app.domain.formats import format_date
from app.domain.petitions import PetitionState, PetitionStatus, SignatureChannel
from app.errors import ServiceError, ValidationError
from app.reports import registry
from app.services import petitions
from app.services.core.auth import Permission
from app.services.petitions import PetitionDetail, PetitionRow, SignatureRow
from ui import preferences
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service
from ui.dialogs.petition_dialogs import (
    DecisionLinkDialog,
    PetitionAnswerDialog,
    PetitionDialog,
    PublishDialog,
    SignatureImportDialog,
    ask_text,
    date_edit,
)
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import confirm, show_error, status
from ui.models.table import Column, RowTableModel
from ui.pages.base import ListDetailPage
from ui.widgets.common import page_title, table_view
from ui.widgets.dates import date_of, qdate
from ui.workers import run_with_progress

OVERDUE = QColor("#fde2e1")
DUE_SOON = QColor("#fff4d6")
STATE_COLOURS = {
    PetitionState.DRAFT: "#6b7785",
    PetitionState.COLLECTING: "#1f5fa8",
    PetitionState.THRESHOLD_REACHED: "#9a6700",
    PetitionState.ANSWERED: "#1b6e3a",
    PetitionState.UNSUCCESSFUL: "#8a3b12",
}


def _due_text(row: PetitionRow) -> str:
    st = row.status
    if st.due_on is None or st.deadline is DeadlineState.DONE:
        return ""
    return format_date(st.due_on)


def _row_colour(row: PetitionRow) -> QColor | None:
    if row.status.deadline is DeadlineState.OVERDUE:
        return OVERDUE
    if row.status.deadline is DeadlineState.DUE_SOON:
        return DUE_SOON
    return None


def _status_text(status: PetitionStatus, lang: str) -> str:
    return status.label_en if lang == "en" else status.label_uk


def petition_columns(lang: str) -> list[Column[PetitionRow]]:
    return [
        Column(_N("Columns", "№"), lambda r: r.number, sort_key=lambda r: r.number, align_right=True),
        Column(_N("Columns", "Назва"), lambda r: r.title),
        Column(_N("Columns", "Стан"), lambda r: _status_text(r.status, lang)),
        Column(_N("Columns", "Підписи"), lambda r: f"{r.signature_count} / {r.threshold}" if r.threshold else "—",
               sort_key=lambda r: r.progress, align_right=True),
        Column(_N("Columns", "Строк"), _due_text, sort_key=lambda r: r.status.due_on),
        Column(_N("Columns", "Автор"), lambda r: r.author_name),
        Column(_N("Columns", "Оприлюднено"), lambda r: format_date(r.published_on),
               sort_key=lambda r: r.published_on),
    ]


def signature_columns(lang: str) -> list[Column[SignatureRow]]:
    return [
        Column(_N("Columns", "№"), lambda r: r.number, sort_key=lambda r: r.number, align_right=True),
        Column(_N("Columns", "Прізвище, ім’я, по батькові"), lambda r: r.signer_name),
        Column(_N("Columns", "Дата"), lambda r: format_date(r.signed_on), sort_key=lambda r: r.signed_on),
        Column(_N("Columns", "Спосіб"), lambda r: SignatureChannel.title_of(r.channel, lang)),
        Column(_N("Columns", "Адреса"), lambda r: r.address),
        Column(_N("Columns", "Телефон"), lambda r: r.phone),
    ]


class SignatureEntry(QFrame):
    """The keyboard form for paper signatures: Enter saves and clears for the next one."""

    saved = Signal(object)  # SignatureRow

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.petition_id: int | None = None
        self.setObjectName("signature_entry")
        self.setStyleSheet("#signature_entry { background: #f4f7fb; border: 1px solid #d5dde6; border-radius: 4px; }")
        self.name = QLineEdit()
        self.name.setObjectName("sig_name")
        self.name.setPlaceholderText(self.tr("Прізвище, ім’я, по батькові"))
        self.address = QLineEdit()
        self.address.setObjectName("sig_address")
        self.address.setPlaceholderText(self.tr("Адреса (не оприлюднюється)"))
        self.phone = QLineEdit()
        self.phone.setObjectName("sig_phone")
        self.phone.setPlaceholderText(self.tr("Телефон"))
        self.phone.setMaximumWidth(150)
        self.date: QDateEdit = date_edit(ctx.today(), "sig_date")
        self.channel = QComboBox()
        self.channel.setObjectName("sig_channel")
        for key in ("paper", "online"):
            self.channel.addItem(SignatureChannel.title_of(key, ctx.language), key)
        self.save_button = QPushButton(self.tr("Записати (Enter)"))
        self.save_button.setObjectName("sig_save")
        self.save_button.clicked.connect(self.save)
        for edit in (self.name, self.address, self.phone):
            edit.returnPressed.connect(self.save)
        self.name.textChanged.connect(self._hint_later)
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(150)
        self._hint_timer.timeout.connect(self._show_hint)
        self.message = QLabel()
        self.message.setObjectName("sig_message")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.name, 3)
        row.addWidget(self.address, 3)
        row.addWidget(self.phone, 1)
        row.addWidget(self.date)
        row.addWidget(self.channel)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def set_petition(self, detail: PetitionDetail | None) -> None:
        same = detail is not None and detail.id == self.petition_id
        self.petition_id = detail.id if detail else None
        open_ = (detail is not None and detail.published_on is not None and detail.answered_on is None
                 and detail.appeal_id is None and detail.status.state in (PetitionState.COLLECTING,
                                                                          PetitionState.THRESHOLD_REACHED))
        allowed = self.ctx.can(Permission.ENTER_SIGNATURES)
        self.setEnabled(bool(open_ and allowed))
        if detail is not None and detail.status.window_ends_on is not None:
            self.date.setMaximumDate(qdate(min(detail.status.window_ends_on, self.ctx.today())))
            if detail.published_on:
                self.date.setMinimumDate(qdate(detail.published_on))
        if not open_ and detail is not None:
            self._say(self.tr("Підписи під цією петицією вже не збирають."), "#6b7785")
        elif not allowed:
            self._say(self.tr("Ваша роль не дозволяє вводити підписи."), "#6b7785")
        elif not same:
            self._say("", "#000")  # the last saved signature stays in view while the clerk goes on

    def _say(self, text: str, colour: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};")

    def _hint_later(self) -> None:
        self._hint_timer.start()

    def _show_hint(self) -> None:
        if self.petition_id is None or len(self.name.text().split()) < 2:
            return
        earlier = petitions.find_signer(self.ctx.db, self.petition_id, self.name.text())
        if earlier is not None:
            self._say(self.tr("⚠ «%1» вже підписав(ла) цю петицію %2 (%3).")
                      .replace("%1", earlier.signer_name).replace("%2", format_date(earlier.signed_on))
                      .replace("%3", SignatureChannel.title_of(earlier.channel, self.ctx.language)), "#9a6700")
        elif self.message.text().startswith("⚠"):
            self._say("", "#000")

    def save(self) -> None:
        if self.petition_id is None or not self.isEnabled():
            return
        self._hint_timer.stop()
        data = petitions.SignatureInput(
            signer_name=self.name.text(), signed_on=date_of(self.date), address=self.address.text(),
            phone=self.phone.text(), channel=self.channel.currentData())
        try:
            row = petitions.add_signature(self.ctx.db, self.ctx.actor, self.petition_id, data, today=self.ctx.today())
        except ValidationError as exc:
            QApplication.beep()
            self._say("✘ " + exc.text(self.ctx.language), "#b00020")
            self.name.setFocus()
            self.name.selectAll()
            return
        except ServiceError as exc:
            show_error(self, exc)
            return
        self._say(self.tr("✔ Записано підпис №%1: %2").replace("%1", str(row.number)).replace("%2", row.signer_name),
                  "#1b6e3a")
        self.name.clear()
        self.address.clear()
        self.phone.clear()
        self.name.setFocus()
        self.saved.emit(row)


class PetitionsPage(ListDetailPage[PetitionRow]):
    AREAS = frozenset({"petitions", "appeals", "settings"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail: PetitionDetail | None = None
        self._all: list[PetitionRow] = []
        can_edit = ctx.can(Permission.EDIT_RECORDS)

        # ----- list
        self.search = QLineEdit()
        self.search.setObjectName("petition_search")
        self.search.setPlaceholderText(self.tr("Пошук: номер, назва, автор"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.state = QComboBox()
        self.state.setObjectName("petition_state")
        self.state.addItem(self.tr("усі стани"), None)
        for state in PetitionState:
            self.state.addItem(state.label(ctx.language), state.value)
        self.state.currentIndexChanged.connect(self.apply_filter)
        new = QPushButton(self.tr("Нова петиція…"))
        new.setObjectName("petition_new")
        new.setEnabled(can_edit)
        new.clicked.connect(self.new_petition)
        register_pdf = QPushButton(self.tr("Реєстр петицій (PDF)…"))
        register_pdf.clicked.connect(lambda: self.save_report("petitions-register", None, "reiestr-petytsii.pdf"))
        self.count = QLabel()
        self.count.setObjectName("petition_count")
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.state, 1)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(new)
        bar.addWidget(register_pdf)
        view = table_view(self)
        view.setObjectName("petitions_table")
        self.set_list(RowTableModel(petition_columns(ctx.language), self, background=_row_colour), view)

        # ----- detail
        self.heading = QLabel()
        self.heading.setObjectName("petition_heading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600; color: #1f3a5f;")
        self.state_label = QLabel()
        self.state_label.setObjectName("petition_state_label")
        self.progress = QProgressBar()
        self.progress.setObjectName("petition_progress")
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(260)
        self.days_left = QLabel()
        self.days_left.setObjectName("petition_days_left")
        self.days_left.setWordWrap(True)
        info = QHBoxLayout()
        info.addWidget(self.state_label)
        info.addWidget(self.progress, 1)
        info.addWidget(self.days_left, 2)

        self.edit_button = QPushButton(self.tr("Редагувати…"))
        self.edit_button.clicked.connect(self.edit_petition)
        self.publish_button = QPushButton(self.tr("Оприлюднити…"))
        self.publish_button.setObjectName("petition_publish")
        self.publish_button.clicked.connect(self.publish)
        self.answer_button = QPushButton(self.tr("Відповідь…"))
        self.answer_button.setObjectName("petition_answer")
        self.answer_button.clicked.connect(self.answer)
        self.appeal_button = QPushButton(self.tr("Зареєструвати як звернення"))
        self.appeal_button.setObjectName("petition_to_appeal")
        self.appeal_button.clicked.connect(self.to_appeal)
        self.open_appeal_button = QPushButton()
        self.open_appeal_button.clicked.connect(self.open_appeal)
        self.notice_button = QPushButton(self.tr("Оголошення (PDF)…"))
        self.notice_button.clicked.connect(
            lambda: self.detail and self.save_report("petition-notice", self.detail.number,
                                                     f"petytsiia-{self.detail.number}.pdf"))
        self.answer_pdf_button = QPushButton(self.tr("Відповідь (PDF)…"))
        self.answer_pdf_button.clicked.connect(
            lambda: self.detail and self.save_report("petition-answer", self.detail.number,
                                                     f"vidpovid-petytsiia-{self.detail.number}.pdf"))
        self.link_button = QPushButton(self.tr("Рішення ради…"))
        self.link_button.setObjectName("petition_link")
        self.link_button.clicked.connect(self.link_decision)
        self.delete_button = QPushButton(self.tr("Видалити чернетку"))
        self.delete_button.clicked.connect(self.delete_draft)
        # Two rows (the record, then its documents) so the page fits a 1366-pixel screen.
        record_actions = QHBoxLayout()
        for button in (self.edit_button, self.publish_button, self.answer_button, self.appeal_button,
                       self.open_appeal_button, self.link_button, self.delete_button):
            record_actions.addWidget(button)
        record_actions.addStretch(1)
        actions = QVBoxLayout()
        actions.addLayout(record_actions)
        documents = QHBoxLayout()
        documents.addWidget(self.notice_button)
        documents.addWidget(self.answer_pdf_button)
        documents.addStretch(1)
        actions.addLayout(documents)

        self.entry = SignatureEntry(ctx, self)
        self.entry.saved.connect(self._signature_saved)
        self.sig_search = QLineEdit()
        self.sig_search.setObjectName("signature_search")
        self.sig_search.setPlaceholderText(self.tr("Пошук підписанта"))
        self.sig_search.setClearButtonEnabled(True)
        self.sig_search.textChanged.connect(self.load_signatures)
        import_button = QPushButton(self.tr("Імпорт із CSV/XLSX…"))
        import_button.setObjectName("signature_import")
        import_button.clicked.connect(self.import_signatures)
        self.import_button = import_button
        remove = QPushButton(self.tr("Вилучити підпис…"))
        remove.setEnabled(can_edit)
        remove.clicked.connect(self.remove_signature)
        self.remove_button = remove
        sig_bar = QHBoxLayout()
        sig_bar.addWidget(self.sig_search, 1)
        sig_bar.addWidget(import_button)
        sig_bar.addWidget(remove)
        self.sig_model: RowTableModel[SignatureRow] = RowTableModel(signature_columns(self.ctx.language), self)
        self.sig_view = table_view(self)
        self.sig_view.setObjectName("signatures_table")
        self.sig_view.setModel(self.sig_model)
        sig_tab = QWidget()
        sig_layout = QVBoxLayout(sig_tab)
        sig_layout.addWidget(self.entry)
        sig_layout.addLayout(sig_bar)
        sig_layout.addWidget(self.sig_view, 1)

        self.text_view = QTextBrowser()
        self.text_view.setObjectName("petition_text_view")
        self.text_view.setOpenExternalLinks(True)
        self.answer_view = QTextBrowser()
        self.answer_view.setObjectName("petition_answer_view")
        self.tabs = QTabWidget()
        self.tabs.addTab(sig_tab, self.tr("Підписи"))
        self.tabs.addTab(self.text_view, self.tr("Петиція"))
        self.tabs.addTab(self.answer_view, self.tr("Відповідь"))

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 6, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addLayout(info)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(self.tabs, 1)
        self.detail_widget = detail

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 420])

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Електронні петиції")))
        layout.addWidget(splitter, 1)
        self.reload()

    # ------------------------------------------------------------------ list

    def reload(self) -> None:
        """Read the register again (state follows from today's date) and re-apply the filter."""
        self._all = petitions.list_petitions(self.ctx.db, self.ctx.today())
        self.apply_filter()

    def apply_filter(self) -> None:
        current = self.detail.id if self.detail else None
        text = self.search.text()
        state = PetitionState(self.state.currentData()) if self.state.currentData() else None
        if text.strip():
            rows = petitions.list_petitions(self.ctx.db, self.ctx.today(), search=text,
                                            states=[state] if state else None)
        else:
            rows = [r for r in self._all if state is None or r.state is state]
        self.model.set_rows(rows)
        self.count.setText(self.tr("Петицій: %1").replace("%1", str(len(rows))))
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(1, min(self.view.columnWidth(1), 380))
        self.view.setColumnWidth(2, min(self.view.columnWidth(2), 250))
        self.select_record(current)

    def open_record(self, petition_id: int) -> None:
        """Show one petition (from the home page or an appeal), read afresh."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.state.blockSignals(True)
        self.state.setCurrentIndex(0)
        self.state.blockSignals(False)
        self.reload()
        self.select_record(petition_id)
        if self.detail is not None and self.detail.id == petition_id:
            self.show_detail(petition_id)

    def show_record(self, row: PetitionRow | None) -> None:
        self.show_detail(row.id if row else None)

    # ------------------------------------------------------------------ detail

    def show_detail(self, petition_id: int | None) -> None:
        if petition_id is None:
            self.detail = None
            self.detail_widget.setEnabled(False)
            self.heading.setText(self.tr("Петицій не знайдено"))
            self.entry.set_petition(None)
            self.sig_model.set_rows([])
            return
        self.detail_widget.setEnabled(True)
        d = petitions.get_petition(self.ctx.db, petition_id, self.ctx.today(), actor=self.ctx.actor)
        changed = self.detail is None or self.detail.id != d.id
        self.detail = d
        st = d.status
        self.heading.setText(f"№{d.number}. {d.title}")
        colour = STATE_COLOURS[st.state]
        self.state_label.setText(_status_text(st, self.ctx.language))
        self.state_label.setStyleSheet(f"color: white; background: {colour}; border-radius: 3px; padding: 2px 8px;")
        if d.threshold:
            self.progress.setVisible(True)
            self.progress.setMaximum(d.threshold)
            self.progress.setValue(min(d.signature_count, d.threshold))
            self.progress.setFormat(self.tr("%1 з %2 підписів").replace("%1", str(d.signature_count))
                                    .replace("%2", str(d.threshold)))
        else:
            self.progress.setVisible(False)
        self.days_left.setText(self._deadline_text(d))
        can_edit = self.ctx.can(Permission.EDIT_RECORDS)
        self.edit_button.setEnabled(can_edit)
        self.publish_button.setVisible(st.state is PetitionState.DRAFT)
        self.publish_button.setEnabled(can_edit)
        self.answer_button.setVisible(st.state in (PetitionState.THRESHOLD_REACHED, PetitionState.ANSWERED))
        self.answer_button.setEnabled(can_edit)
        self.appeal_button.setVisible(st.state is PetitionState.UNSUCCESSFUL and d.appeal_id is None)
        self.appeal_button.setEnabled(can_edit)
        self.open_appeal_button.setVisible(d.appeal_id is not None)
        self.open_appeal_button.setText(self.tr("Звернення № %1").replace("%1", d.appeal_number))
        self.notice_button.setVisible(d.published_on is not None)
        self.answer_pdf_button.setVisible(st.state is PetitionState.ANSWERED)
        self.link_button.setVisible(d.published_on is not None)
        self.link_button.setEnabled(can_edit)
        self.delete_button.setVisible(st.state is PetitionState.DRAFT)
        self.delete_button.setEnabled(can_edit)
        self.import_button.setEnabled(self.ctx.can(Permission.ENTER_SIGNATURES) and d.published_on is not None
                                      and d.answered_on is None and d.appeal_id is None)
        self.entry.set_petition(d)
        self.text_view.setHtml(self._petition_html(d))
        self.answer_view.setHtml(self._answer_html(d))
        self.tabs.setTabText(0, self.tr("Підписи (%1)").replace("%1", str(d.signature_count)))
        if changed:
            self.sig_search.blockSignals(True)
            self.sig_search.clear()
            self.sig_search.blockSignals(False)
        self.load_signatures()

    def _deadline_text(self, d: PetitionDetail) -> str:
        st = d.status
        if st.state is PetitionState.DRAFT:
            return self.tr("Оприлюднити до %1").replace("%1", format_date(st.due_on)) if st.due_on else ""
        if st.state is PetitionState.COLLECTING:
            return (self.tr("Збір до %1: залишилось днів — %2; бракує підписів — %3")
                    .replace("%1", format_date(st.window_ends_on)).replace("%2", str(st.days_left))
                    .replace("%3", str(max((d.threshold or 0) - d.signature_count, 0))))
        if st.state is PetitionState.THRESHOLD_REACHED:
            if st.deadline is DeadlineState.OVERDUE:
                return self.tr("Строк розгляду минув %1 — прострочено на %2 роб. дн.") \
                    .replace("%1", format_date(st.due_on)).replace("%2", str(-(st.working_days_left or 0)))
            return self.tr("Розглянути до %1 (залишилось робочих днів: %2)") \
                .replace("%1", format_date(st.due_on)).replace("%2", str(st.working_days_left))
        if st.state is PetitionState.ANSWERED:
            return self.tr("Розглянуто %1").replace("%1", format_date(d.answered_on))
        if d.appeal_id is None:
            return self.tr("Не набрала підписів: зареєструйте як звернення; відповісти до %1") \
                .replace("%1", format_date(st.due_on))
        if d.answered_on:
            return self.tr("Відповідь як на звернення надано %1").replace("%1", format_date(d.answered_on))
        return self.tr("Розглядається як звернення; відповісти до %1").replace("%1", format_date(st.due_on))

    def _petition_html(self, d: PetitionDetail) -> str:
        from html import escape

        window = "" if d.window is None else (
            d.window.describe_en() if self.ctx.language == "en" else d.window.describe_uk())
        rows = [
            (self.tr("Автор"), d.author_name),
            (self.tr("Контакти автора (не оприлюднюються)"),
             ", ".join(x for x in (d.author_phone, d.author_email, d.author_address) if x) or "—"),
            (self.tr("Подано"), format_date(d.submitted_on)),
            (self.tr("Оприлюднено"), format_date(d.published_on) or "—"),
            (self.tr("Умови збору"), f"{d.threshold} / {window}" if d.window else "—"),
            (self.tr("Відповідальна особа"), d.responsible or "—"),
        ]
        html = "<table cellpadding='3'>" + "".join(
            f"<tr><td style='color:#5d6876'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows)
        if d.online_url:
            html += (f"<tr><td style='color:#5d6876'>{escape(self.tr('Онлайн'))}</td>"
                     f"<td><a href='{escape(d.online_url)}'>{escape(d.online_url)}</a></td></tr>")
        html += "".join(f"<tr><td style='color:#5d6876'>{escape(self.tr('Рішення ради'))}</td>"
                        f"<td>{escape(link)}</td></tr>" for link in d.link_texts(self.ctx.language))
        html += "</table><hr>" + "".join(f"<p>{escape(p)}</p>" for p in d.text.split("\n") if p.strip())
        return html

    def _answer_html(self, d: PetitionDetail) -> str:
        from html import escape

        if d.outcome is not None:
            paragraphs = "".join(f"<p>{escape(p)}</p>" for p in d.answer_text.split("\n") if p.strip())
            return (f"<h3>{escape(d.outcome.label(self.ctx.language))}, {format_date(d.answered_on)}</h3>"
                    f"{paragraphs}<p><b>{escape(d.answered_by)}</b></p>")
        if d.appeal_id is not None:
            return "<p>" + escape(self.tr("Петиція не набрала підписів і розглядається як звернення № %1.")
                                  .replace("%1", d.appeal_number)) + "</p>"
        return "<p style='color:#6b7785'>" + escape(self.tr("Відповіді ще немає.")) + "</p>"

    def load_signatures(self) -> None:
        if self.detail is None:
            self.sig_model.set_rows([])
            return
        rows = petitions.list_signatures(self.ctx.db, self.detail.id, search=self.sig_search.text(),
                                         actor=self.ctx.actor)
        self.sig_model.set_rows(rows)
        if rows:
            self.sig_view.scrollToBottom()
        self.sig_view.resizeColumnsToContents()

    def _signature_saved(self, _row: SignatureRow) -> None:
        if self.detail is not None:
            self.show_detail(self.detail.id)
            self._update_list_row()

    def _update_list_row(self) -> None:
        """Refresh the list after a signature without losing the clerk's place."""
        self._all = petitions.list_petitions(self.ctx.db, self.ctx.today())
        self.apply_filter()
        self.ctx.notify("petitions")

    # ------------------------------------------------------------------ actions

    def _after_change(self, petition_id: int | None = None) -> None:
        self.reload()
        if petition_id is not None:
            self.select_record(petition_id)
        self.ctx.notify("petitions")

    def new_petition(self) -> None:
        dialog = PetitionDialog(self.ctx, self)
        if dialog.exec():
            self.search.clear()
            self.state.setCurrentIndex(0)
            self._after_change(dialog.saved_id)
            status(self, self.tr("Петицію зареєстровано."))

    def edit_petition(self) -> None:
        if self.detail is None:
            return
        dialog = PetitionDialog(self.ctx, self, self.detail)
        if dialog.exec():
            self._after_change(self.detail.id)

    def publish(self) -> None:
        if self.detail is None:
            return
        if PublishDialog(self.ctx, self.detail, self).exec():
            self._after_change(self.detail.id)
            status(self, self.tr("Петицію оприлюднено: збір підписів розпочато."))

    def answer(self) -> None:
        if self.detail is None:
            return
        if PetitionAnswerDialog(self.ctx, self.detail, self).exec():
            self._after_change(self.detail.id)
            status(self, self.tr("Відповідь на петицію збережено."))

    def to_appeal(self) -> None:
        if self.detail is None:
            return
        if not confirm(self, self.tr("Зареєструвати петицію №%1 як звернення громадян від її автора?")
                       .replace("%1", str(self.detail.number))):
            return
        petition_id = self.detail.id
        if call_service(self, lambda: petitions.register_as_appeal(self.ctx.db, self.ctx.actor, petition_id,
                                                                   today=self.ctx.today())) is FAILED:
            return
        self._after_change(petition_id)
        self.ctx.notify("appeals")

    def link_decision(self) -> None:
        if self.detail is not None and DecisionLinkDialog(self.ctx, self.detail, self).exec():
            self._after_change(self.detail.id)

    def open_appeal(self) -> None:
        window = self.window()
        if self.detail and self.detail.appeal_id and hasattr(window, "show_page"):
            window.show_page("appeals", self.detail.appeal_id)

    def delete_draft(self) -> None:
        if self.detail is None:
            return
        if not confirm(self, self.tr("Видалити чернетку петиції №%1? Це буде записано в журнал змін.")
                       .replace("%1", str(self.detail.number))):
            return
        detail = self.detail
        if call_service(self, lambda: petitions.delete_petition(self.ctx.db, self.ctx.actor, detail.id,
                                                                detail.version)) is FAILED:
            return
        self.detail = None
        self._after_change()

    def import_signatures(self, path: Path | None = None) -> SignatureImportDialog | None:
        if self.detail is None:
            return None
        dialog = SignatureImportDialog(self.ctx, self.detail, self, path=path if isinstance(path, Path) else None)
        if dialog.exec():
            self._after_change(self.detail.id)
            status(self, self.tr("Імпортовано підписів: %1").replace("%1", str(dialog.imported)))
        return dialog

    def remove_signature(self) -> None:
        index = self.sig_view.currentIndex()
        if self.detail is None or not index.isValid():
            return
        sig = self.sig_model.row_at(index.row())
        reason = ask_text(self, self.tr("Вилучити підпис"),
                          self.tr("Чому вилучається підпис «%1»? Причину буде записано в журнал змін.")
                          .replace("%1", sig.signer_name))
        if reason is None:
            return
        if call_service(self, lambda: petitions.remove_signature(self.ctx.db, self.ctx.actor, sig.id,
                                                                 reason)) is FAILED:
            return
        self._after_change(self.detail.id)

    def save_report(self, kind_id: str, record_id: int | None, file_name: str) -> Path | None:
        start = preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Зберегти PDF"), str(Path(start) / file_name),
                                              self.tr("PDF (*.pdf)"))
        if not name:
            return None
        return self.report_to(kind_id, record_id, Path(name))

    def report_to(self, kind_id: str, record_id: int | None, path: Path, *, open_after: bool = True) -> Path | None:
        db = self.ctx.db
        if call_service(self, lambda: run_with_progress(
                self, self.tr("Звіт PDF"),
                lambda progress: registry.render_report(db, kind_id, record_id, path, progress)),
                catch=Exception) is FAILED:
            return None
        preferences.put(preferences.LAST_EXPORT_DIR, str(path.parent))
        status(self, self.tr("Збережено: %1").replace("%1", str(path)))
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

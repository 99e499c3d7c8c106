"""Dialogs of the Appeals page: registration card, extension of the term, answer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.appeals import AppealChannel, AppealKind, AppealResult
from app.domain.formats import format_date
from app.errors import ServiceError
from app.services import appeals
from app.services.appeals import AppealDetail, AppealInput
from ui.context import AppContext
from ui.dialogs.common import accept_after, ok_cancel
from ui.dialogs.petition_dialogs import date_edit
from ui.widgets.dates import date_of, qdate


def _editable_combo(values: list[str], name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.addItems(values)
    combo.setCurrentText("")
    return combo


class AppealDialog(QDialog):
    """Registration of an incoming appeal, or correction of a registered one (its number stays)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, detail: AppealDetail | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.saved_id: int | None = None
        lang = ctx.language
        self.setWindowTitle(self.tr("Реєстрація звернення") if detail is None else
                            self.tr("Звернення № %1").replace("%1", detail.reg_number))
        choices = appeals.filter_choices(ctx.db)
        self.received = date_edit(ctx.today(), "appeal_received")
        self.channel = QComboBox()
        self.channel.setObjectName("appeal_channel")
        for key in AppealChannel:
            if key != "petition" or (detail is not None and detail.channel == "petition"):
                self.channel.addItem(key.label(lang), key.value)
        self.kind = QComboBox()
        self.kind.setObjectName("appeal_kind")
        for kind in AppealKind:
            self.kind.addItem(kind.label(lang), kind.value)
        self.kind.setCurrentIndex(self.kind.findData("statement"))
        self.applicant = QLineEdit()
        self.applicant.setObjectName("appeal_applicant")
        self.address = QLineEdit()
        self.address.setObjectName("appeal_address")
        self.phone = QLineEdit()
        self.phone.setObjectName("appeal_phone")
        self.email = QLineEdit()
        self.email.setObjectName("appeal_email")
        self.topic = _editable_combo(choices.topics, "appeal_topic")
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("appeal_summary")
        self.summary.setMinimumHeight(90)
        self.assignee = _editable_combo([a for a in choices.assignees if a], "appeal_assignee")
        self.needs_study = QCheckBox(self.tr("Потребує додаткового вивчення (строк 30 днів; інакше — 15)"))
        self.needs_study.setObjectName("appeal_needs_study")
        self.needs_study.setChecked(True)
        self.due = QLabel()
        self.due.setObjectName("appeal_due_preview")
        self.repeat = QLabel()
        self.repeat.setObjectName("appeal_repeat_hint")
        self.repeat.setStyleSheet("color: #9a6700;")
        self.repeat.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Дата надходження:"), self.received)
        form.addRow(self.tr("Спосіб надходження:"), self.channel)
        form.addRow(self.tr("Вид звернення:"), self.kind)
        form.addRow(self.tr("Тема:"), self.topic)
        form.addRow(self.tr("Короткий зміст:"), self.summary)
        form.addRow(self.tr("Виконавець:"), self.assignee)
        form.addRow("", self.needs_study)
        form.addRow(self.tr("Відповісти до:"), self.due)
        applicant = QGroupBox(self.tr("Заявник — персональні дані, не оприлюднюються"))
        applicant_form = QFormLayout(applicant)
        applicant_form.addRow(self.tr("Прізвище та ім’я:"), self.applicant)
        applicant_form.addRow(self.tr("Адреса:"), self.address)
        applicant_form.addRow(self.tr("Телефон:"), self.phone)
        applicant_form.addRow(self.tr("Електронна пошта:"), self.email)
        layout = QVBoxLayout(self)
        layout.addWidget(applicant)
        layout.addLayout(form)
        layout.addWidget(self.repeat)
        layout.addWidget(ok_cancel(self, self.tr("Зареєструвати") if detail is None else self.tr("Зберегти")))
        if detail is not None:
            self.received.setDate(qdate(detail.received_on))
            self.channel.setCurrentIndex(self.channel.findData(detail.channel))
            self.channel.setEnabled(detail.channel != "petition")
            self.kind.setCurrentIndex(self.kind.findData(detail.kind))
            self.applicant.setText(detail.applicant_name)
            self.address.setText(detail.applicant_address)
            self.phone.setText(detail.applicant_phone)
            self.email.setText(detail.applicant_email)
            self.topic.setCurrentText(detail.topic)
            self.summary.setPlainText(detail.summary)
            self.assignee.setCurrentText(detail.assignee)
            self.needs_study.setChecked(detail.needs_study)
            self.needs_study.setEnabled(not detail.extended)
        self.received.dateChanged.connect(self._update_hints)
        self.needs_study.toggled.connect(self._update_hints)
        self.applicant.editingFinished.connect(self._update_hints)
        self.topic.currentTextChanged.connect(self._update_hints)
        self._update_hints()
        self.resize(620, 640)

    def _update_hints(self) -> None:
        received = date_of(self.received)
        try:
            if self.detail is not None and self.detail.extended:
                due = appeals.due_date_for(self.ctx.db, received, days=self.detail.term_days)
            else:
                due = appeals.due_date_for(self.ctx.db, received, needs_study=self.needs_study.isChecked())
            self.due.setText(format_date(due))
        except ServiceError as exc:
            self.due.setText(exc.text(self.ctx.language))
        earlier = appeals.find_earlier(self.ctx.db, self.applicant.text(), self.topic.currentText(), received,
                                       exclude_id=self.detail.id if self.detail else None)
        self.repeat.setText(self.tr("⟲ Повторне звернення: цей заявник уже звертався з цієї теми (№ %1).")
                            .replace("%1", earlier) if earlier else "")

    def data(self) -> AppealInput:
        return AppealInput(
            received_on=date_of(self.received), channel=self.channel.currentData(),
            kind=self.kind.currentData(), applicant_name=self.applicant.text(),
            summary=self.summary.toPlainText(), topic=self.topic.currentText(),
            applicant_address=self.address.text(), applicant_phone=self.phone.text(),
            applicant_email=self.email.text(), assignee=self.assignee.currentText(),
            needs_study=self.needs_study.isChecked(),
        )

    def accept(self) -> None:
        accept_after(self, self._save)

    def _save(self) -> None:
        if self.detail is None:
            self.saved_id = appeals.register_appeal(self.ctx.db, self.ctx.actor, self.data(),
                                                    today=self.ctx.today())
        else:
            appeals.update_appeal(self.ctx.db, self.ctx.actor, self.detail.id, self.data(), self.detail.version,
                                  today=self.ctx.today())
            self.saved_id = self.detail.id


class ExtendDialog(QDialog):
    """Extension of the term to at most 45 days in total, with the reason told to the applicant."""

    def __init__(self, ctx: AppContext, detail: AppealDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.setWindowTitle(self.tr("Продовження строку: звернення № %1").replace("%1", detail.reg_number))
        max_days = appeals.numbering(ctx.db).max_days
        self.days = QSpinBox()
        self.days.setObjectName("extend_days")
        self.days.setRange(min(detail.term_days + 1, max_days), max_days)
        self.days.setValue(max_days)
        self.days.setSuffix(self.tr(" днів"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("extend_reason")
        self.reason.setPlaceholderText(self.tr("Чому потрібно більше часу (це повідомляють заявникові)"))
        self.new_due = QLabel()
        self.new_due.setObjectName("extend_new_due")
        self.days.valueChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(self.tr("Зараз:"), QLabel(self.tr("%1 днів, до %2").replace("%1", str(detail.term_days))
                                                .replace("%2", format_date(detail.due_on))))
        form.addRow(self.tr("Загальний строк:"), self.days)
        form.addRow(self.tr("Новий строк:"), self.new_due)
        form.addRow(self.tr("Причина:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, self.tr("Продовжити строк")))
        self._update()

    def _update(self) -> None:
        try:
            due = appeals.due_date_for(self.ctx.db, self.detail.received_on, days=self.days.value())
            self.new_due.setText(format_date(due))
        except ServiceError as exc:
            self.new_due.setText(exc.text(self.ctx.language))

    def accept(self) -> None:
        accept_after(self, lambda: appeals.extend_appeal(
            self.ctx.db, self.ctx.actor, self.detail.id, new_total_days=self.days.value(),
            reason=self.reason.toPlainText(), expected_version=self.detail.version, today=self.ctx.today()))


class AppealAnswerDialog(QDialog):
    def __init__(self, ctx: AppContext, detail: AppealDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.setWindowTitle(self.tr("Відповідь на звернення № %1").replace("%1", detail.reg_number))
        self.date = date_edit(ctx.today(), "appeal_answer_date")
        self.result_choice = QComboBox()  # `self.result` would hide QDialog.result()
        self.result_choice.setObjectName("appeal_result")
        for key in AppealResult:
            self.result_choice.addItem(key.label(ctx.language), key.value)
        self.signed_by = QLineEdit()
        self.signed_by.setObjectName("appeal_answer_by")
        self.text = QPlainTextEdit()
        self.text.setObjectName("appeal_answer_text")
        form = QFormLayout()
        form.addRow(self.tr("Строк:"), QLabel(format_date(detail.due_on)))
        form.addRow(self.tr("Дата відповіді:"), self.date)
        form.addRow(self.tr("Результат:"), self.result_choice)
        form.addRow(self.tr("Підписав:"), self.signed_by)
        form.addRow(self.tr("Зміст відповіді:"), self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, self.tr("Зберегти відповідь")))
        if detail.answered_on:
            self.date.setDate(qdate(detail.answered_on))
            self.result_choice.setCurrentIndex(max(0, self.result_choice.findData(detail.result)))
            self.signed_by.setText(detail.answered_by)
            self.text.setPlainText(detail.answer_text)
        elif detail.assignee:
            self.signed_by.setText(detail.assignee)
        self.resize(560, 400)

    def accept(self) -> None:
        accept_after(self, lambda: appeals.answer_appeal(
            self.ctx.db, self.ctx.actor, self.detail.id, answered_on=date_of(self.date),
            result=self.result_choice.currentData(), answer_text=self.text.toPlainText(),
            answered_by=self.signed_by.text(), expected_version=self.detail.version, today=self.ctx.today()))


class PeriodDialog(QDialog):
    """The period of an appeals statistics report (default: this year to date)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Статистика звернень за період"))
        today = ctx.today()
        self.date_from = date_edit(today.replace(month=1, day=1), "period_from")
        self.date_to = date_edit(today, "period_to")
        form = QFormLayout()
        form.addRow(self.tr("З:"), self.date_from)
        form.addRow(self.tr("По:"), self.date_to)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(ok_cancel(self, self.tr("Сформувати PDF…")))

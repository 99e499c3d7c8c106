"""Citizens' appeals: the register coloured by due date, filters, the appeal's card and its actions."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.appeals import AppealChannel, AppealKind, AppealResult
from app.domain.deadlines import DeadlineState
from app.domain.formats import format_date
from app.reports import appeals_statistics, registry
from app.services import appeals
from app.services.appeals import AppealDetail, AppealFilter, AppealRow
from app.services.core.auth import Permission
from ui import preferences
from ui.context import AppContext
from ui.dialogs.appeal_dialogs import AppealAnswerDialog, AppealDialog, ExtendDialog, PeriodDialog
from ui.dialogs.common import FAILED, call_service
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import status
from ui.models.table import Column, RowTableModel
from ui.pages.base import ListDetailPage
from ui.widgets.common import page_title, table_view
from ui.widgets.dates import date_of
from ui.workers import run_with_progress

OVERDUE = QColor("#fde2e1")
DUE_SOON = QColor("#fff4d6")


def _row_colour(row: AppealRow) -> QColor | None:
    if row.deadline is DeadlineState.OVERDUE:
        return OVERDUE
    if row.deadline is DeadlineState.DUE_SOON:
        return DUE_SOON
    return None


def _left(row: AppealRow, days: str = "%1 р. д.") -> str:
    """The answer's date, or working days left (``days``: the unit's pattern, "%1 р. д.")."""
    if row.answered_on is not None:
        late = "" if row.answered_on_time else " ⚠"
        return format_date(row.answered_on) + late
    if row.deadline is DeadlineState.OVERDUE:
        return days.replace("%1", f"−{-(row.working_days_left or 0)}")
    return days.replace("%1", str(row.working_days_left))


def _state(row: AppealRow, lang: str = "uk") -> str:
    if row.answered_on is not None:
        return AppealResult.title_of(row.result or "", lang)
    return row.deadline.label(lang)


def appeal_columns(lang: str) -> list[Column[AppealRow]]:
    days = QCoreApplication.translate("AppealsPage", "%1 р. д.")
    earlier = QCoreApplication.translate("AppealsPage", "Попереднє звернення № %1")
    return [
        Column(_N("Columns", "Реєстр. №"), lambda r: r.reg_number, sort_key=lambda r: (r.reg_year, r.seq)),
        Column(_N("Columns", "Надійшло"), lambda r: format_date(r.received_on), sort_key=lambda r: r.received_on),
        Column(_N("Columns", "Строк"), lambda r: format_date(r.due_on) + (" *" if r.extended else ""),
               sort_key=lambda r: r.due_on),
        Column(_N("Columns", "Залишилось / відповідь"), lambda r: _left(r, days),
               sort_key=lambda r: (r.answered_on is not None, r.working_days_left if r.answered_on is None else 0)),
        Column(_N("Columns", "Стан"), lambda r: _state(r, lang)),
        Column(_N("Columns", "Тема"), lambda r: r.topic),
        Column(_N("Columns", "Заявник"), lambda r: r.applicant_name),
        Column(_N("Columns", "Вид"), lambda r: AppealKind.title_of(r.kind, lang).split(" (")[0]),
        Column(_N("Columns", "Виконавець"), lambda r: r.assignee),
        Column(_N("Columns", "Повторне"), lambda r: f"⟲ {r.repeat_of_number}" if r.is_repeat else "",
               tooltip=lambda r: earlier.replace("%1", r.repeat_of_number) if r.is_repeat else ""),
    ]

STATES = [
    (None, _N("AppealsPage", "усі")),
    ("open", _N("AppealsPage", "на розгляді")),
    ("overdue", _N("AppealsPage", "прострочені")),
    ("due_soon", _N("AppealsPage", "спливає строк")),
    ("answered", _N("AppealsPage", "розглянуті")),
    ("repeated", _N("AppealsPage", "повторні")),
]


class AppealsPage(ListDetailPage[AppealRow]):
    AREAS = frozenset({"appeals", "petitions", "settings"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail: AppealDetail | None = None
        self._loading = False
        can_edit = ctx.can(Permission.EDIT_RECORDS)

        self.search = QLineEdit()
        self.search.setObjectName("appeal_search")
        self.search.setPlaceholderText(self.tr("Пошук: номер, заявник, тема, зміст"))
        self.search.setClearButtonEnabled(True)
        self.state = QComboBox()
        self.state.setObjectName("appeal_state_filter")
        for value, label in STATES:
            self.state.addItem(self.tr(label), value)
        self.assignee = QComboBox()
        self.assignee.setObjectName("appeal_assignee_filter")
        self.kind = QComboBox()
        self.kind.setObjectName("appeal_kind_filter")
        self.kind.addItem(self.tr("усі види"), None)
        for key in AppealKind:
            self.kind.addItem(key.label(ctx.language), key.value)
        self.topic = QComboBox()
        self.topic.setObjectName("appeal_topic_filter")
        self.topic.setMinimumContentsLength(18)
        self.year = QComboBox()
        self.year.setObjectName("appeal_year_filter")
        self.search.textChanged.connect(self.refresh)
        for combo in (self.state, self.assignee, self.kind, self.topic, self.year):
            combo.currentIndexChanged.connect(self.refresh)

        register = QPushButton(self.tr("Зареєструвати звернення…"))
        register.setObjectName("appeal_new")
        register.setEnabled(can_edit)
        register.clicked.connect(self.new_appeal)
        stats = QPushButton(self.tr("Статистика (PDF)…"))
        stats.clicked.connect(self.statistics_pdf)
        overdue = QPushButton(self.tr("Прострочені (PDF)…"))
        overdue.clicked.connect(lambda: self.save_report("appeals-overdue", None, "prostrocheni-zvernennia.pdf"))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.state)
        filters.addWidget(self.assignee)
        filters.addWidget(self.kind)
        filters.addWidget(self.topic)
        filters.addWidget(self.year)
        buttons = QHBoxLayout()
        self.legend = legend = QLabel(
            "<span style='background:#fde2e1'>&nbsp;&nbsp;&nbsp;&nbsp;</span> " + self.tr("строк минув")
            + " &nbsp; <span style='background:#fff4d6'>&nbsp;&nbsp;&nbsp;&nbsp;</span> "
            + self.tr("спливає за 3 робочі дні") + " &nbsp; " + self.tr("* строк продовжено"))
        legend.setTextFormat(Qt.TextFormat.RichText)
        self.count = QLabel()
        self.count.setObjectName("appeal_count")
        buttons.addStretch(1)
        buttons.addWidget(register)
        buttons.addWidget(stats)
        buttons.addWidget(overdue)

        view = table_view(self)
        view.setObjectName("appeals_table")
        self.set_list(RowTableModel(appeal_columns(ctx.language), self, background=_row_colour), view)
        self.view.doubleClicked.connect(lambda *_: self.edit_appeal())

        self.card = QTextBrowser()
        self.card.setObjectName("appeal_card")
        self.edit_button = QPushButton(self.tr("Редагувати…"))
        self.edit_button.clicked.connect(self.edit_appeal)
        self.extend_button = QPushButton(self.tr("Продовжити строк…"))
        self.extend_button.setObjectName("appeal_extend")
        self.extend_button.clicked.connect(self.extend)
        self.answer_button = QPushButton(self.tr("Відповідь…"))
        self.answer_button.setObjectName("appeal_answer")
        self.answer_button.clicked.connect(self.answer)
        self.petition_button = QPushButton()
        self.petition_button.clicked.connect(self.open_petition)
        actions = QVBoxLayout()
        for button in (self.edit_button, self.extend_button, self.answer_button, self.petition_button):
            actions.addWidget(button)
        actions.addStretch(1)
        bottom = QWidget()
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.card, 1)
        bottom_layout.addLayout(actions)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.view, 1)
        status_row = QHBoxLayout()
        status_row.addWidget(legend)
        status_row.addStretch(1)
        status_row.addWidget(self.count)
        top_layout.addLayout(status_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Звернення громадян")))
        layout.addWidget(splitter, 1)
        self.reload()

    # ------------------------------------------------------------------ list

    def reload(self) -> None:
        """Refill the filter choices (keeping what is chosen) and the list."""
        self._loading = True
        choices = appeals.filter_choices(self.ctx.db)
        for combo, everything, values in (
            (self.assignee, self.tr("усі виконавці"),
             [(a or self.tr("(не призначено)"), a) for a in choices.assignees]),
            (self.topic, self.tr("усі теми"), [(t, t) for t in choices.topics]),
            (self.year, self.tr("усі роки"), [(str(y), y) for y in choices.years]),
        ):
            current = combo.currentData()
            combo.clear()
            combo.addItem(everything, None)
            for label, value in values:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self._loading = False
        self.refresh()

    def current_filter(self) -> AppealFilter:
        year = self.year.currentData()
        return AppealFilter(
            search=self.search.text(), assignee=self.assignee.currentData(), kind=self.kind.currentData(),
            topic=self.topic.currentData(), state=self.state.currentData(),
            date_from=dt.date(year, 1, 1) if year else None, date_to=dt.date(year, 12, 31) if year else None,
        )

    def refresh(self) -> None:
        if self._loading:
            return
        current = self.detail.id if self.detail else None
        rows = appeals.list_appeals(self.ctx.db, self.ctx.today(), self.current_filter(), actor=self.ctx.actor)
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.deadline is DeadlineState.OVERDUE)
        soon = sum(1 for r in rows if r.deadline is DeadlineState.DUE_SOON)
        self.count.setText(self.tr("Показано: %1 · прострочено: %2 · спливає: %3")
                           .replace("%1", str(len(rows))).replace("%2", str(overdue)).replace("%3", str(soon)))
        self.view.resizeColumnsToContents()
        for column, widest in ((5, 230), (6, 230), (8, 170)):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), widest))
        self.select_record(current)

    def open_record(self, appeal_id: int) -> None:
        self._loading = True
        self.search.clear()
        for combo in (self.state, self.assignee, self.kind, self.topic, self.year):
            combo.setCurrentIndex(0)
        self._loading = False
        self.refresh()
        self.select_record(appeal_id)
        if self.detail is not None and self.detail.id == appeal_id:
            self.show_detail(appeal_id)  # read afresh even when the row was already selected

    def show_record(self, row: AppealRow | None) -> None:
        self.show_detail(row.id if row else None)

    # ------------------------------------------------------------------ detail

    def show_detail(self, appeal_id: int | None) -> None:
        can_edit = self.ctx.can(Permission.EDIT_RECORDS)
        if appeal_id is None:
            self.detail = None
            self.card.setHtml("<p style='color:#6b7785'>" + escape(self.tr("Звернень не знайдено.")) + "</p>")
            for button in (self.edit_button, self.extend_button, self.answer_button):
                button.setEnabled(False)
            self.petition_button.setVisible(False)
            return
        a = appeals.get_appeal(self.ctx.db, appeal_id, self.ctx.today(), actor=self.ctx.actor)
        self.detail = a
        self.card.setHtml(self._card_html(a))
        self.edit_button.setEnabled(can_edit)
        self.extend_button.setEnabled(can_edit and a.answered_on is None and a.term_days < 45)
        self.answer_button.setEnabled(can_edit)
        self.answer_button.setText(self.tr("Відповідь…") if a.answered_on is None else self.tr("Змінити відповідь…"))
        self.petition_button.setVisible(a.petition_id is not None)
        self.petition_button.setText(self.tr("Петиція №%1").replace("%1", str(a.petition_number)))

    def _card_html(self, a: AppealDetail) -> str:
        lang = self.ctx.language
        rows = [
            (self.tr("Надійшло"), f"{format_date(a.received_on)}, {AppealChannel.title_of(a.channel, lang)}"),
            (self.tr("Вид"), AppealKind.title_of(a.kind, lang)),
            (self.tr("Заявник"), a.applicant_name),
            (self.tr("Контакти"), ", ".join(x for x in (a.applicant_phone, a.applicant_email, a.applicant_address)
                                            if x) or "—"),
            (self.tr("Тема"), a.topic),
            (self.tr("Виконавець"), a.assignee or "—"),
            (self.tr("Строк"), self.tr("%1 днів, до %2 — %3").replace("%1", str(a.term_days))
             .replace("%2", format_date(a.due_on)).replace("%3", a.deadline.label(lang))),
        ]
        if a.extension_reason:
            rows.append((self.tr("Продовжено"), f"{format_date(a.extended_on)}: {a.extension_reason}"))
        if a.is_repeat:
            rows.append((self.tr("Повторне"), self.tr("попереднє звернення № %1").replace("%1", a.repeat_of_number)))
        if a.answered_on:
            late = "" if a.answered_on_time else " — " + self.tr("із порушенням строку")
            rows.append((self.tr("Відповідь"), f"{format_date(a.answered_on)}, "
                                               f"{AppealResult.title_of(a.result or '', lang)}{late}; {a.answered_by}"))
        html = f"<h3>{escape(self.tr('Звернення № %1').replace('%1', a.reg_number))}</h3><table cellpadding='2'>"
        html += "".join(f"<tr><td style='color:#5d6876'>{escape(k)}</td><td>{escape(v)}</td></tr>" for k, v in rows)
        html += "</table>" + "".join(f"<p>{escape(p)}</p>" for p in a.summary.split("\n") if p.strip())
        if a.answer_text:
            html += f"<p><i>{escape(a.answer_text)}</i></p>"
        return html

    # ------------------------------------------------------------------ actions

    def _after_change(self, appeal_id: int | None) -> None:
        self.reload()
        if appeal_id is not None:
            self.select_record(appeal_id)
        self.ctx.notify("appeals")

    def new_appeal(self) -> None:
        dialog = AppealDialog(self.ctx, self)
        if dialog.exec():
            self.open_record(dialog.saved_id or 0)
            self.ctx.notify("appeals")
            if self.detail is not None:
                repeat = (" " + self.tr("Повторне: попереднє № %1.").replace("%1", self.detail.repeat_of_number)
                          if self.detail.is_repeat else "")
                status(self, self.tr("Зареєстровано звернення № %1; відповісти до %2.")
                       .replace("%1", self.detail.reg_number).replace("%2", format_date(self.detail.due_on)) + repeat)

    def edit_appeal(self) -> None:
        if self.detail is None or not self.ctx.can(Permission.EDIT_RECORDS):
            return
        if AppealDialog(self.ctx, self, self.detail).exec():
            self._after_change(self.detail.id)

    def extend(self) -> None:
        if self.detail is not None and ExtendDialog(self.ctx, self.detail, self).exec():
            self._after_change(self.detail.id)

    def answer(self) -> None:
        if self.detail is not None and AppealAnswerDialog(self.ctx, self.detail, self).exec():
            self._after_change(self.detail.id)

    def open_petition(self) -> None:
        window = self.window()
        if self.detail and self.detail.petition_id and hasattr(window, "show_page"):
            window.show_page("petitions", self.detail.petition_id)

    def statistics_pdf(self) -> None:
        dialog = PeriodDialog(self.ctx, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        date_from, date_to = date_of(dialog.date_from), date_of(dialog.date_to)
        path = self._ask_path(f"statystyka-zvernen-{date_from.isoformat()}-{date_to.isoformat()}.pdf")
        if path is None:
            return
        db = self.ctx.db
        self._run(path, lambda progress: appeals_statistics.render_period(db, date_from, date_to, path, progress))

    def save_report(self, kind_id: str, record_id: int | None, file_name: str) -> None:
        path = self._ask_path(file_name)
        if path is None:
            return
        db = self.ctx.db
        self._run(path, lambda progress: registry.render_report(db, kind_id, record_id, path, progress))

    def _ask_path(self, file_name: str) -> Path | None:
        start = preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Зберегти PDF"), str(Path(start) / file_name),
                                              self.tr("PDF (*.pdf)"))
        return Path(name) if name else None

    def _run(self, path: Path, job) -> None:  # noqa: ANN001 - a callable taking progress
        if call_service(self, lambda: run_with_progress(self, self.tr("Звіт PDF"), job), catch=Exception) is FAILED:
            return
        preferences.put(preferences.LAST_EXPORT_DIR, str(path.parent))
        status(self, self.tr("Збережено: %1").replace("%1", str(path)))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

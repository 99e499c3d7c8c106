"""The ballot-entry form: the clerk's main work during voting, done from the keyboard alone.

Identifier, Enter, age, Enter, project numbers, Enter: the ballot is saved, the fields clear and the
cursor is back in the identifier field. Every refusal is immediate and specific: a voter who already
voted is reported (where and when) as soon as the identifier is entered; an under-age voter after the
age; an unknown or not admitted project, or too many projects overall or in a category, while the
numbers are being typed. Nothing identifying is shown or kept on screen once a ballot is saved.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.ballots import (
    BallotRefused,
    BallotSheet,
    RefusalCode,
    SheetProject,
    check_age,
    check_choices,
    check_identifier,
    parse_choices,
)
from app.errors import ServiceError
from app.services import budget
from app.services.budget import ballots, counts
from app.services.core.auth import Permission
from ui.context import AppContext
from ui.dialogs.budget_dialogs import ask_reason
from ui.dialogs.common import FAILED, call_service
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import info, status
from ui.models.table import Column, RowTableModel
from ui.widgets.common import table_view
from ui.widgets.dates import date_of
from ui.workers import run_with_progress

OK_STYLE = "color: #1b6e3a; font-weight: 600;"
ERROR_STYLE = "color: #b00020; font-weight: 600;"
HINT_STYLE = "color: #4a5563;"

SHEET_COLUMNS: list[Column[_SheetRow]] = [
    Column(_N("Columns", "№"), lambda p: p.number, sort_key=lambda p: p.number, align_right=True),
    Column(_N("Columns", "Категорія"), lambda p: p.category_name),
    Column(_N("Columns", "Проєкт"), lambda p: p.title),
]


class _SheetRow:
    """A project on the reference list beside the form."""

    def __init__(self, project: SheetProject, category_name: str) -> None:
        self.number: int = project.number
        self.title: str = project.title
        self.category_name: str = category_name


RECEIPT_COLUMNS: list[Column[tuple[ballots.BallotReceipt, datetime]]] = [
    Column(_N("Columns", "Бюлетень"), lambda r: r[0].ballot_id, align_right=True),
    Column(_N("Columns", "Час"), lambda r: r[1].strftime("%H:%M:%S")),
    Column(_N("Columns", "Пункт"), lambda r: r[0].point_name),
    Column(_N("Columns", "Проєкти"), lambda r: ", ".join(str(n) for n, _ in r[0].projects)),
]


class BallotEntry(QFrame):
    """The keyboard form; ``entered`` fires after each saved ballot (or spoiled one) for live counts."""

    entered = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cycle_id: int | None = None
        self.sheet: BallotSheet | None = None
        self.setObjectName("ballot_entry")
        self.setStyleSheet("#ballot_entry { background: #f4f7fb; border: 1px solid #d5dde6; border-radius: 4px; }")

        self.point = QComboBox()
        self.point.setObjectName("ballot_point")
        self.date = QDateEdit()
        self.date.setObjectName("ballot_date")
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.date.setCalendarPopup(True)
        self.identifier = QLineEdit()
        self.identifier.setObjectName("ballot_identifier")
        self.identifier.setPlaceholderText(self.tr("номер документа виборця"))
        self.identifier.setToolTip(self.tr("Зберігається лише як необоротний відбиток — для перевірки, що виборець "
                                           "голосує один раз."))
        self.age = QLineEdit()
        self.age.setObjectName("ballot_age")
        self.age.setValidator(QIntValidator(0, 130, self))
        self.age.setMaximumWidth(90)
        self.date.setMaximumWidth(160)
        self.age.setPlaceholderText(self.tr("вік"))
        self.projects = QLineEdit()
        self.projects.setObjectName("ballot_projects")
        self.projects.setPlaceholderText(self.tr("номери проєктів через пробіл, напр. 3 7 12"))
        self.message = QLabel()
        self.message.setObjectName("ballot_message")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(40)
        self.hint = QLabel()
        self.hint.setObjectName("ballot_hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.rules = QLabel()
        self.rules.setObjectName("ballot_rules")
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet(HINT_STYLE)
        self.counter = QLabel()
        self.counter.setObjectName("ballot_counter")
        self.counter.setStyleSheet("font-size: 12pt; font-weight: 600; color: #1f3a5f;")

        self.save = QPushButton(self.tr("Зберегти бюлетень (Enter)"))
        self.save.setObjectName("ballot_save")
        self.save.clicked.connect(self.submit)
        self.spoiled = QPushButton(self.tr("Зіпсований бюлетень (Ctrl+D)"))
        self.spoiled.setObjectName("ballot_spoiled")
        self.spoiled.clicked.connect(self.record_spoiled)
        self.annul = QPushButton(self.tr("Скасувати бюлетень…"))
        self.annul.setObjectName("ballot_annul")
        self.annul.clicked.connect(self.annul_ballot)
        self.annul.setVisible(ctx.can(Permission.EDIT_RECORDS))
        self.import_online = QPushButton(self.tr("Імпорт онлайн-голосів…"))
        self.import_online.setObjectName("ballot_import_online")
        self.import_online.clicked.connect(self.import_online_votes)
        self.import_online.setVisible(ctx.can(Permission.ENTER_BALLOTS) and ctx.actor.voting_point_id is None)
        spoiled_key = QShortcut(QKeySequence("Ctrl+D"), self, self.record_spoiled)
        spoiled_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        big = "font-size: 13pt; padding: 4px;"
        for edit in (self.identifier, self.age, self.projects):
            edit.setStyleSheet(big)
        self.identifier.returnPressed.connect(self._identifier_entered)
        self.age.returnPressed.connect(self._age_entered)
        self.projects.returnPressed.connect(self.submit)
        self.projects.textChanged.connect(self._projects_changed)
        self.identifier.textEdited.connect(lambda _t: self._clear_message())

        form = QFormLayout()
        form.addRow(self.tr("Пункт голосування:"), self.point)
        form.addRow(self.tr("Дата голосування:"), self.date)
        form.addRow(self.tr("Ідентифікатор виборця:"), self.identifier)
        form.addRow(self.tr("Вік:"), self.age)
        form.addRow(self.tr("Проєкти:"), self.projects)
        actions = QHBoxLayout()
        actions.addWidget(self.save)
        actions.addWidget(self.spoiled)
        actions.addStretch(1)
        actions.addWidget(self.annul)
        actions.addWidget(self.import_online)

        self.sheet_model: RowTableModel[_SheetRow] = RowTableModel(SHEET_COLUMNS, self)
        self.sheet_view = table_view(self)
        self.sheet_view.setObjectName("ballot_sheet")
        self.sheet_view.setModel(self.sheet_model)
        self.sheet_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.receipts: list[tuple[ballots.BallotReceipt, datetime]] = []
        self.receipt_model: RowTableModel[tuple[ballots.BallotReceipt, datetime]] = RowTableModel(RECEIPT_COLUMNS,
                                                                                                  self)
        self.receipt_view = table_view(self, sortable=False)
        self.receipt_view.setObjectName("ballot_receipts")
        self.receipt_view.setModel(self.receipt_model)
        self.receipt_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.counter)
        left_layout.addLayout(form)
        left_layout.addWidget(self.hint)
        left_layout.addWidget(self.message)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.rules)
        left_layout.addWidget(QLabel(self.tr("Щойно введені бюлетені:")))
        left_layout.addWidget(self.receipt_view, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Проєкти в бюлетені:")))
        right_layout.addWidget(self.sheet_view, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 2000])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setTabOrder(self.identifier, self.age)
        self.setTabOrder(self.age, self.projects)

    # ----- loading

    def load(self, cycle_id: int | None) -> None:
        """Show the form for a cycle (or disable it)."""
        self.cycle_id = cycle_id
        self.sheet = None
        current_point = self.point.currentData()
        self.point.clear()
        points = budget.list_points(self.ctx.db, active_only=True)
        own = self.ctx.actor.voting_point_id
        for p in points:
            if own is None or p.id == own:
                self.point.addItem(p.name, p.id)
        if current_point is not None:
            self.point.setCurrentIndex(max(0, self.point.findData(current_point)))
        self.point.setEnabled(own is None)
        if cycle_id is None:
            self._set_enabled(False, self.tr("Оберіть цикл громадського бюджету."))
            return
        self.sheet = ballots.ballot_sheet(self.ctx.db, cycle_id)
        rows = [_SheetRow(p, self.sheet.category_name(p.category_id))
                for p in sorted(self.sheet.projects.values(), key=lambda p: p.number) if p.eligible]
        self.sheet_model.set_rows(rows)
        self.sheet_view.resizeColumnsToContents()
        self.rules.setText(self.tr("Правила: %1.").replace("%1", self.sheet.rules_text(self.ctx.language)))
        today = self.ctx.today()
        day = today
        if self.sheet.voting_end and day > self.sheet.voting_end:
            day = self.sheet.voting_end
        if self.sheet.voting_start and day < self.sheet.voting_start:
            day = self.sheet.voting_start
        self.date.setDate(QDate(day.year, day.month, day.day))
        if self.sheet.approved:
            self._set_enabled(False, self.tr("Результати цього голосування затверджено: бюлетені не приймаються."))
        elif not rows:
            self._set_enabled(False, self.tr("У цьому циклі ще немає проєктів, допущених до голосування."))
        elif self.point.count() == 0:
            self._set_enabled(False, self.tr("Немає жодного пункту голосування: додайте його на вкладці «Пункти "
                                             "голосування»."))
        else:
            self._set_enabled(True, "")
        self._update_counter()

    def _set_enabled(self, enabled: bool, why: str) -> None:
        for widget in (self.identifier, self.age, self.projects, self.save, self.spoiled, self.date, self.annul,
                       self.import_online):
            widget.setEnabled(enabled)
        self.point.setEnabled(enabled and self.ctx.actor.voting_point_id is None)
        if why:
            self._show(why, ERROR_STYLE)
        else:
            self._clear_message()

    def focus_identifier(self) -> None:
        self.identifier.setFocus(Qt.FocusReason.OtherFocusReason)
        self.identifier.selectAll()

    def _update_counter(self) -> None:
        point_id = self.point.currentData()
        if self.cycle_id is None or point_id is None:
            self.counter.setText("")
            return
        count = counts.ballots_at_point(self.ctx.db, self.cycle_id, point_id)
        self.counter.setText(self.tr("На цьому пункті введено бюлетенів: %1").replace("%1", str(count)))

    # ----- messages

    def _show(self, text: str, style: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(style)

    def _clear_message(self) -> None:
        self.message.setText("")

    def _refuse(self, exc: ServiceError) -> None:
        self._show("✘ " + exc.text(self.ctx.language), ERROR_STYLE)
        field = getattr(exc, "field", "projects")
        target = {"identifier": self.identifier, "age": self.age, "projects": self.projects,
                  "point": self.point, "date": self.date}.get(field, self.projects)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()

    # ----- typing

    def _identifier_entered(self) -> None:
        if self.cycle_id is None:
            return
        text = self.identifier.text()
        try:
            check_identifier(text)
            previous = ballots.find_voter(self.ctx.db, self.cycle_id, text)
        except ServiceError as exc:
            self._refuse(exc)
            return
        if previous is not None:
            self._show("✘ " + self.tr("Цей виборець уже голосував: %1. Другий бюлетень не приймається.")
                       .replace("%1", previous.describe()), ERROR_STYLE)
            self.identifier.selectAll()
            return
        self._clear_message()
        self.age.setFocus(Qt.FocusReason.OtherFocusReason)
        self.age.selectAll()

    def _age(self) -> int | None:
        text = self.age.text().strip()
        return int(text) if text.isdigit() else None

    def _age_entered(self) -> None:
        if self.sheet is None:
            return
        try:
            check_age(self.sheet, self._age())
        except BallotRefused as exc:
            self._refuse(exc)
            return
        self._clear_message()
        self.projects.setFocus(Qt.FocusReason.OtherFocusReason)
        self.projects.selectAll()

    def _projects_changed(self, text: str) -> None:
        """Check the numbers as they are typed: name the chosen projects, or say what is wrong."""
        if self.sheet is None or not text.strip():
            self.hint.setText("")
            return
        try:
            picked = check_choices(self.sheet, parse_choices(text))
        except BallotRefused as exc:
            if exc.code in (RefusalCode.NO_CHOICE, RefusalCode.TOO_FEW):
                self.hint.setText("")
            else:
                self.hint.setText("✘ " + exc.text(self.ctx.language))
                self.hint.setStyleSheet(ERROR_STYLE)
            return
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setText("; ".join(f"№{p.number} {p.title}" for p, _ in picked))

    # ----- saving

    def submit(self) -> None:
        if self.cycle_id is None or self.sheet is None:
            return
        entry = ballots.BallotEntry(
            cycle_id=self.cycle_id, identifier=self.identifier.text(), age=self._age(),
            projects=self.projects.text(), voting_point_id=self.point.currentData(),
            cast_on=date_of(self.date),
        )
        try:
            receipt = ballots.enter_ballot(self.ctx.db, self.ctx.actor, entry, today=self.ctx.today())
        except ServiceError as exc:
            self._refuse(exc)
            return
        self.receipts.insert(0, (receipt, datetime.now()))
        del self.receipts[50:]
        self.receipt_model.set_rows(self.receipts)
        numbers = ", ".join(str(n) for n, _ in receipt.projects)
        self._show("✔ " + self.tr("Бюлетень №%1 прийнято: проєкти %2.").replace("%1", str(receipt.ballot_id))
                   .replace("%2", numbers), OK_STYLE)
        self.counter.setText(self.tr("На цьому пункті введено бюлетенів: %1").replace("%1", str(receipt.point_count)))
        self.identifier.clear()
        self.age.clear()
        self.projects.clear()
        self.hint.setText("")
        self.focus_identifier()
        self.entered.emit()

    def record_spoiled(self) -> None:
        if self.cycle_id is None or not self.spoiled.isEnabled():
            return
        answer = ask_reason(self, self.tr("Зіпсований бюлетень"),
                            self.tr("Чому бюлетень зіпсовано (необов’язково)? Виборця не записують."))
        if answer is None:
            return
        cycle_id = self.cycle_id
        if call_service(self, lambda: ballots.record_spoiled(self.ctx.db, self.ctx.actor, cycle_id,
                                                             self.point.currentData(), answer[1], date_of(self.date),
                                                             today=self.ctx.today())) is FAILED:
            return
        self._show("✔ " + self.tr("Зіпсований бюлетень враховано."), OK_STYLE)
        self.focus_identifier()
        self.entered.emit()

    def annul_ballot(self) -> None:
        if self.cycle_id is None:
            return
        answer = ask_reason(self, self.tr("Скасувати бюлетень"),
                            self.tr("Причина скасування (запишеться в журнал змін):"),
                            secret_label=self.tr("Ідентифікатор виборця:"))
        if answer is None:
            return
        cycle_id = self.cycle_id
        if call_service(self, lambda: ballots.annul_ballot(self.ctx.db, self.ctx.actor, cycle_id, answer[0],
                                                           answer[1])) is FAILED:
            return
        self._show("✔ " + self.tr("Бюлетень скасовано; виборець може проголосувати знову."), OK_STYLE)
        self._update_counter()
        self.entered.emit()

    def import_online_votes(self) -> None:
        if self.cycle_id is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Онлайн-голоси"), "",
                                              self.tr("CSV або Pabulib (*.csv *.pb);;Усі файли (*)"))
        if not name:
            return
        self.import_online_file(name)

    def import_online_file(self, name: str) -> ballots.ImportSummary | None:
        from app.interchange import online_votes

        cycle_id, db, actor = self.cycle_id, self.ctx.db, self.ctx.actor
        assert cycle_id is not None
        summary = call_service(self, lambda: run_with_progress(
            self, self.tr("Імпорт онлайн-голосів"),
            lambda progress: online_votes.import_online_votes(db, actor, cycle_id, name, progress=progress)),
            catch=Exception)
        if summary is FAILED:
            return None
        text = summary.message(self.ctx.language)
        if summary.duplicates:
            text += "\n\n" + "\n".join(summary.duplicates[:15])
            if len(summary.duplicates) > 15:
                text += "\n" + self.tr("… і ще %1").replace("%1", str(len(summary.duplicates) - 15))
        info(self, text, self.tr("Онлайн-голоси"))
        status(self, summary.message(self.ctx.language))
        self.entered.emit()
        return summary

"""Budget page tabs after the vote: live counts, results with explanations, and the implementation tracker."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.budget import ImplementationStatus
from app.domain.formats import format_date, format_int
from app.errors import ServiceError
from app.reports import registry
from app.services import budget
from app.services.budget import counts
from app.services.budget import results as budget_results
from app.services.core.auth import Permission
from ui import preferences
from ui.context import AppContext
from ui.dialogs.budget_dialogs import MilestoneDialog, MoneyEdit, ask_reason
from ui.dialogs.common import FAILED, call_service
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import confirm, show_error, status
from ui.models.table import Column, RowTableModel
from ui.widgets.common import table_view
from ui.widgets.council_forms import OptionalDate
from ui.workers import run_with_progress

WINNER = QColor("#e3f3e6")
NOT_ADMITTED = QColor("#f1f1f1")
OVERDUE = QColor("#fde2e1")
DONE = QColor("#e3f3e6")


def save_report(widget: QWidget, ctx: AppContext, kind_id: str, record_id: int, file_name: str) -> Path | None:
    """Ask where to save a PDF report, build it in the background, say where it went."""
    start = preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())
    name, _ = QFileDialog.getSaveFileName(widget, widget.tr("Зберегти PDF"), str(Path(start) / file_name),
                                          widget.tr("PDF (*.pdf)"))
    if not name:
        return None
    return write_report(widget, ctx, kind_id, record_id, Path(name))


def write_report(widget: QWidget, ctx: AppContext, kind_id: str, record_id: int, path: Path) -> Path | None:
    db = ctx.db
    if call_service(widget, lambda: run_with_progress(
            widget, widget.tr("Звіт PDF"),
            lambda progress: registry.render_report(db, kind_id, record_id, path, progress)),
            catch=Exception) is FAILED:
        return None
    preferences.put(preferences.LAST_EXPORT_DIR, str(path.parent))
    status(widget, widget.tr("Звіт збережено: %1").replace("%1", str(path)))
    return path


# --------------------------------------------------------------------------- live counts


def count_columns(lang: str) -> list[Column[counts.ProjectCount]]:
    return [
        Column(_N("Columns", "Категорія"), lambda r: r.category_name),
        Column(_N("Columns", "№"), lambda r: r.number, sort_key=lambda r: r.number, align_right=True),
        Column(_N("Columns", "Проєкт"), lambda r: r.title),
        Column(_N("Columns", "Голоси"), lambda r: format_int(r.votes), sort_key=lambda r: r.votes, align_right=True),
        Column(_N("Columns", "Бали"), lambda r: "" if r.points is None else format_int(r.points),
               sort_key=lambda r: r.points or 0, align_right=True),
        Column(_N("Columns", "Вартість"), lambda r: budget.money_text(r.cost, language=lang),
               sort_key=lambda r: r.cost, align_right=True),
    ]

POINT_COLUMNS: list[Column[counts.PointTurnout]] = [
    Column(_N("Columns", "Пункт / спосіб"), lambda r: r.name),
    Column(_N("Columns", "Бюлетені"), lambda r: format_int(r.ballots), sort_key=lambda r: r.ballots,
           align_right=True),
    Column(_N("Columns", "Зіпсовані"), lambda r: format_int(r.spoiled) if r.point_id is not None else "—",
           sort_key=lambda r: r.spoiled, align_right=True),
]


class CountsTab(QWidget):
    """Votes per project as they stand now; refreshes itself every 15 seconds while shown."""

    REFRESH_MS = 15_000

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cycle: budget.CycleView | None = None
        self.model: RowTableModel[counts.ProjectCount] = RowTableModel(count_columns(ctx.language), self)
        self.view = table_view(self)
        self.view.setObjectName("counts_table")
        self.view.setModel(self.model)
        self.points_model: RowTableModel[counts.PointTurnout] = RowTableModel(POINT_COLUMNS, self)
        self.points_view = table_view(self)
        self.points_view.setObjectName("counts_points")
        self.points_view.setModel(self.points_model)
        self.summary = QLabel()
        self.summary.setObjectName("counts_summary")
        self.summary.setStyleSheet("font-size: 12pt; font-weight: 600; color: #1f3a5f;")
        self.updated = QLabel()
        self.updated.setStyleSheet("color: #6b7785;")
        refresh = QPushButton(self.tr("Оновити"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.updated)
        top.addWidget(refresh)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self.points_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 1500])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(self.REFRESH_MS)
        self.timer.timeout.connect(self._tick)

    def load(self, cycle: budget.CycleView | None) -> None:
        self.cycle = cycle
        self.refresh()

    def _tick(self) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.timer.start()
        self.refresh()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        if self.cycle is None:
            self.model.set_rows([])
            self.points_model.set_rows([])
            self.summary.setText("")
            return
        rows = counts.project_counts(self.ctx.db, self.cycle.id)
        first = not self.model.rowCount()
        self.model.set_rows(rows)
        self.view.setColumnHidden(4, self.cycle.vote_type not in ("cumulative", "scoring"))
        if first:
            self.view.horizontalHeader().setSortIndicator(3, Qt.SortOrder.DescendingOrder)
        turnout = counts.turnout(self.ctx.db, self.cycle.id)
        self.points_model.set_rows(turnout.by_point)
        self.summary.setText(self.tr("Бюлетенів: %1 (паперових %2, онлайн %3), зіпсованих: %4")
                             .replace("%1", format_int(turnout.ballots)).replace("%2", format_int(turnout.paper))
                             .replace("%3", format_int(turnout.online)).replace("%4", format_int(turnout.spoiled)))
        self.updated.setText(self.tr("оновлено о %1").replace("%1", datetime.now().strftime("%H:%M:%S")))
        self.view.resizeColumnsToContents()
        self.points_view.resizeColumnsToContents()


# --------------------------------------------------------------------------- results


def result_columns(lang: str) -> list[Column[tuple[str, budget_results.ProjectOutcome]]]:
    return [
        Column(_N("Columns", "Категорія"), lambda r: r[0]),
        Column(_N("Columns", "№"), lambda r: r[1].number, sort_key=lambda r: r[1].number, align_right=True),
        Column(_N("Columns", "Проєкт"), lambda r: r[1].title),
        Column(_N("Columns", "Голоси"), lambda r: format_int(r[1].votes), sort_key=lambda r: r[1].votes,
               align_right=True),
        Column(_N("Columns", "Вартість"), lambda r: budget.money_text(r[1].cost, language=lang),
               sort_key=lambda r: r[1].cost, align_right=True),
        Column(_N("Columns", "Рішення"), lambda r: ("✔ " if r[1].selected else "") + r[1].status_label(lang),
               tooltip=lambda r: r[1].explanation),
    ]


class ResultsTab(QWidget):
    """Winners per category by its rule, with the reason for every project; approve, reopen, print."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cycle: budget.CycleView | None = None
        self.results: budget_results.CycleResults | None = None
        self.state = QLabel()
        self.state.setObjectName("results_state")
        self.state.setWordWrap(True)
        self.summary = QTextBrowser()
        self.summary.setObjectName("results_summary")
        self.summary.setMaximumHeight(170)
        self.model: RowTableModel[tuple[str, budget_results.ProjectOutcome]] = RowTableModel(
            result_columns(ctx.language), self, background=lambda r: WINNER if r[1].selected else
            NOT_ADMITTED if not r[1].admitted else None)
        self.view = table_view(self)
        self.view.setObjectName("results_table")
        self.view.setModel(self.model)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_explanation())
        self.explanation = QLabel()
        self.explanation.setObjectName("results_explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setStyleSheet("background: #f4f7fb; border: 1px solid #d5dde6; padding: 8px;")
        self.explanation.setMinimumHeight(60)
        self.recompute = QPushButton(self.tr("Перерахувати"))
        self.recompute.clicked.connect(self.refresh)
        self.approve = QPushButton(self.tr("Затвердити результати…"))
        self.approve.setObjectName("results_approve")
        self.approve.clicked.connect(self.approve_results)
        self.reopen = QPushButton(self.tr("Скасувати затвердження…"))
        self.reopen.setObjectName("results_reopen")
        self.reopen.clicked.connect(self.reopen_results)
        poster = QPushButton(self.tr("Оголошення PDF…"))
        poster.clicked.connect(lambda: self._report("pb-results-poster", "rezultaty-gb.pdf"))
        protocol = QPushButton(self.tr("Протокол PDF…"))
        protocol.clicked.connect(lambda: self._report("pb-protocol", "protokol-gb.pdf"))
        editable = ctx.can(Permission.EDIT_RECORDS)
        self.approve.setVisible(editable)
        self.reopen.setVisible(editable)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recompute)
        buttons.addWidget(self.approve)
        buttons.addWidget(self.reopen)
        buttons.addStretch(1)
        buttons.addWidget(poster)
        buttons.addWidget(protocol)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)

    def load(self, cycle: budget.CycleView | None) -> None:
        self.cycle = cycle
        self.refresh()

    def refresh(self) -> None:
        cycle = self.cycle
        if cycle is None:
            self.results = None
            self.model.set_rows([])
            self.summary.clear()
            self.state.setText("")
            return
        db = self.ctx.db
        results = call_service(self, lambda: run_with_progress(
            self, self.tr("Підрахунок результатів"), lambda _progress: budget_results.cycle_results(db, cycle.id)),
            catch=Exception)
        if results is FAILED:
            return
        self.results = results
        if results.approved and results.approved_at:
            self.state.setText(self.tr("Результати затверджено %1 (%2).").replace(
                "%1", format_date(results.approved_at.date())).replace("%2", results.approved_by))
            self.state.setStyleSheet("color: #1b6e3a; font-weight: 600;")
        else:
            self.state.setText(self.tr("Попередні результати за бюлетенями, введеними досі (%1). Їх буде "
                                       "затверджено після завершення голосування.").replace(
                "%1", format_int(results.ballots)))
            self.state.setStyleSheet("color: #9a6700; font-weight: 600;")
        lang = self.ctx.language
        tie_break = cycle.tie_break_label(lang) if lang == "en" else results.tie_break_text
        parts = [f"<p><b>{self.tr('Нічия')}:</b> {tie_break}</p>"]
        for cat in results.categories:
            line = (f"<p><b>{cat.name}</b> — {cat.rule_label(lang)}. {self.tr('Бюджет')} "
                    f"{results.money(cat.budget, lang)}, "
                    f"{self.tr('використано')} {results.money(cat.cost_used, lang)}, {self.tr('залишок')} "
                    f"{results.money(cat.leftover, lang)}; {self.tr('переможців')}: {len(cat.winners)}; "
                    f"{self.tr('виборців')}: {format_int(cat.voters)}.")
            if cat.error:
                line += f" <span style='color:#b00020'>{cat.error}</span>"
            for note in cat.notes:
                line += f"<br/><span style='color:#6b7785'>{note}</span>"
            parts.append(line + "</p>")
        self.summary.setHtml("".join(parts))
        self.model.set_rows([(c.name, p) for c in results.categories for p in c.projects])
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(2, min(self.view.columnWidth(2), 380))
        self.approve.setEnabled(not results.approved and results.ballots > 0)
        self.reopen.setEnabled(results.approved)
        self._show_explanation()

    def _show_explanation(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            self.explanation.setText(self.tr("Оберіть проєкт, щоб побачити пояснення рішення."))
            return
        cat, p = self.model.row_at(index.row())
        self.explanation.setText(f"<b>№{p.number} {p.title}</b> ({cat}): {p.status_label(self.ctx.language)}."
                                 f"<br/>{p.explanation}")

    def approve_results(self) -> None:
        cycle = self.cycle
        if cycle is None or self.results is None:
            return
        if self.results.errors:
            show_error(self, ServiceError(" ".join(self.results.errors)))
            return
        if not confirm(self, self.tr("Затвердити результати? Переможців буде позначено, бюлетені більше не "
                                     "прийматимуться, для переможців відкриється облік реалізації.")):
            return
        db, actor, today = self.ctx.db, self.ctx.actor, self.ctx.today()
        fresh = budget.get_cycle(db, cycle.id)
        if call_service(self, lambda: run_with_progress(
                self, self.tr("Затвердження результатів"), lambda progress: budget_results.approve_results(
                    db, actor, fresh.id, fresh.version, today=today, progress=progress)), catch=Exception) is FAILED:
            return
        status(self, self.tr("Результати затверджено."))
        self.ctx.notify("budget")

    def reopen_results(self) -> None:
        cycle = self.cycle
        if cycle is None:
            return
        answer = ask_reason(self, self.tr("Скасувати затвердження"),
                            self.tr("Чому затвердження результатів скасовується? Причина запишеться в журнал змін."))
        if answer is None:
            return

        def reopen() -> None:
            fresh = budget.get_cycle(self.ctx.db, cycle.id)
            budget_results.reopen_results(self.ctx.db, self.ctx.actor, fresh.id, fresh.version, answer[1])

        if call_service(self, reopen) is FAILED:
            return
        self.ctx.notify("budget")

    def _report(self, kind: str, name: str) -> None:
        if self.cycle is not None:
            save_report(self, self.ctx, kind, self.cycle.id, name)


# --------------------------------------------------------------------------- implementation


def _next_step(i: budget.ImplementationView) -> str:
    m = i.next_milestone()
    if m is None:
        return ""
    return f"{m.title} ({format_date(m.due_on)})" if m.due_on else m.title


def impl_columns(lang: str) -> list[Column[budget.ImplementationView]]:
    return [
        Column(_N("Columns", "№"), lambda r: r.project_number, sort_key=lambda r: r.project_number,
               align_right=True),
        Column(_N("Columns", "Проєкт"), lambda r: r.project_title),
        Column(_N("Columns", "Стан"), lambda r: r.status_title(lang)),
        Column(_N("Columns", "Готовність"), lambda r: f"{r.progress} %", sort_key=lambda r: r.progress,
               align_right=True),
        Column(_N("Columns", "Виділено"), lambda r: budget.money_text(r.allocated, language=lang),
               sort_key=lambda r: r.allocated, align_right=True),
        Column(_N("Columns", "Витрачено"), lambda r: budget.money_text(r.spent, language=lang),
               sort_key=lambda r: r.spent, align_right=True),
        Column(_N("Columns", "Етапи"), lambda r: f"{r.milestones_done} / {len(r.milestones)}"),
        Column(_N("Columns", "Наступний етап"), _next_step),
    ]

MILESTONE_COLUMNS: list[Column[budget.MilestoneView]] = [
    Column(_N("Columns", "Етап"), lambda m: m.title),
    Column(_N("Columns", "Строк"), lambda m: format_date(m.due_on), sort_key=lambda m: m.due_on),
    Column(_N("Columns", "Виконано"), lambda m: format_date(m.done_on), sort_key=lambda m: m.done_on),
    Column(_N("Columns", "Примітки"), lambda m: m.notes),
]


class ImplementationTab(QWidget):
    """Winners being built: state, progress, money, milestones."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cycle: budget.CycleView | None = None
        self.current: budget.ImplementationView | None = None
        today = ctx.today()
        self.model: RowTableModel[budget.ImplementationView] = RowTableModel(
            impl_columns(ctx.language), self, background=lambda r: DONE if r.status == "completed" else
            OVERDUE if any(m.overdue(today) for m in r.milestones) else None)
        self.view = table_view(self)
        self.view.setObjectName("impl_table")
        self.view.setModel(self.model)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._select())
        self.summary = QLabel()
        self.summary.setObjectName("impl_summary")
        self.summary.setStyleSheet("font-weight: 600; color: #1f3a5f;")

        self.status = QComboBox()
        self.status.setObjectName("impl_status")
        for impl_status in ImplementationStatus:
            self.status.addItem(impl_status.label(ctx.language), impl_status.value)
        self.progress = QSpinBox()
        self.progress.setObjectName("impl_progress")
        self.progress.setRange(0, 100)
        self.progress.setSuffix(" %")
        self.allocated = MoneyEdit(None, self.tr("Виділено"))
        self.allocated.setObjectName("impl_allocated")
        self.spent = MoneyEdit(None, self.tr("Витрачено"))
        self.spent.setObjectName("impl_spent")
        self.contractor = QLineEdit()
        self.started = OptionalDate(self.tr("вказати"), None, "impl_started")
        self.completed = OptionalDate(self.tr("вказати"), None, "impl_completed")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(50)
        self.save = QPushButton(self.tr("Зберегти"))
        self.save.setObjectName("impl_save")
        self.save.clicked.connect(self.save_implementation)
        form_box = QGroupBox(self.tr("Реалізація"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("Стан:"), self.status)
        form.addRow(self.tr("Готовність:"), self.progress)
        form.addRow(self.tr("Виділено, грн:"), self.allocated)
        form.addRow(self.tr("Витрачено, грн:"), self.spent)
        form.addRow(self.tr("Виконавець:"), self.contractor)
        form.addRow(self.tr("Розпочато:"), self.started)
        form.addRow(self.tr("Завершено:"), self.completed)
        form.addRow(self.tr("Примітки:"), self.notes)
        form.addRow(self.save)

        self.milestones: RowTableModel[budget.MilestoneView] = RowTableModel(
            MILESTONE_COLUMNS, self, background=lambda m: DONE if m.done_on else OVERDUE if m.overdue(today) else None)
        self.milestone_view = table_view(self)
        self.milestone_view.setObjectName("impl_milestones")
        self.milestone_view.setModel(self.milestones)
        self.milestone_view.doubleClicked.connect(lambda *_: self.edit_milestone())
        add = QPushButton(self.tr("Додати етап"))
        add.setObjectName("impl_add_milestone")
        add.clicked.connect(self.add_milestone)
        edit = QPushButton(self.tr("Змінити етап"))
        edit.clicked.connect(self.edit_milestone)
        done = QPushButton(self.tr("Позначити виконаним"))
        done.setObjectName("impl_milestone_done")
        done.clicked.connect(self.mark_done)
        remove = QPushButton(self.tr("Видалити етап"))
        remove.clicked.connect(self.delete_milestone)
        ms_box = QGroupBox(self.tr("Етапи"))
        ms_layout = QVBoxLayout(ms_box)
        ms_layout.addWidget(self.milestone_view)
        ms_buttons = QHBoxLayout()
        for button in (add, edit, done, remove):
            ms_buttons.addWidget(button)
        ms_buttons.addStretch(1)
        ms_layout.addLayout(ms_buttons)
        report = QPushButton(self.tr("Звіт про реалізацію PDF…"))
        report.clicked.connect(lambda: self.cycle and save_report(self, self.ctx, "pb-implementation", self.cycle.id,
                                                                  "realizatsiia-gb.pdf"))
        self.editors = [form_box, add, edit, done, remove]
        editable = ctx.can(Permission.EDIT_RECORDS)
        for widget in self.editors:
            widget.setEnabled(editable)
        bottom = QHBoxLayout()
        bottom.addWidget(form_box, 2)
        bottom.addWidget(ms_box, 3)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(report)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom, 1)

    def load(self, cycle: budget.CycleView | None, select_project: int | None = None) -> None:
        self.cycle = cycle
        keep = select_project or (self.current.project_id if self.current else None)
        rows = budget.list_implementation(self.ctx.db, cycle.id) if cycle else []
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(1, min(self.view.columnWidth(1), 340))
        if cycle is not None and rows:
            allocated = sum(r.allocated for r in rows)
            spent = sum(r.spent for r in rows)
            done = sum(1 for r in rows if r.status == "completed")
            self.summary.setText(self.tr("Реалізовано %1 з %2 проєктів; витрачено %3 з %4.")
                                 .replace("%1", str(done)).replace("%2", str(len(rows)))
                                 .replace("%3", cycle.money(spent, self.ctx.language))
                                 .replace("%4", cycle.money(allocated, self.ctx.language)))
        else:
            self.summary.setText(self.tr("Переможців ще немає: облік реалізації відкривається після затвердження "
                                         "результатів."))
        self.current = None
        for index, row in enumerate(rows):
            if row.project_id == keep:
                self.view.selectRow(index)
                break
        else:
            if rows:
                self.view.selectRow(0)
        self._select()

    def _select(self) -> None:
        index = self.view.currentIndex()
        self.current = self.model.row_at(index.row()) if index.isValid() else None
        impl = self.current
        for widget in self.editors:
            widget.setEnabled(impl is not None and self.ctx.can(Permission.EDIT_RECORDS))
        if impl is None:
            self.milestones.set_rows([])
            return
        self.status.setCurrentIndex(max(0, self.status.findData(impl.status)))
        self.progress.setValue(impl.progress)
        self.allocated.set_value(impl.allocated)
        self.spent.set_value(impl.spent)
        self.contractor.setText(impl.contractor)
        self.started.set_value(impl.started_on)
        self.completed.set_value(impl.completed_on)
        self.notes.setPlainText(impl.notes)
        self.milestones.set_rows(impl.milestones)
        self.milestone_view.resizeColumnsToContents()

    def save_implementation(self) -> None:
        impl = self.current
        if impl is None:
            return

        def save() -> None:
            allocated, spent = self.allocated.value(), self.spent.value()
            assert allocated is not None and spent is not None
            data = budget.ImplementationData(
                status=self.status.currentData(), progress=self.progress.value(), allocated=allocated, spent=spent,
                contractor=self.contractor.text(), started_on=self.started.value(),
                completed_on=self.completed.value(), notes=self.notes.toPlainText())
            budget.update_implementation(self.ctx.db, self.ctx.actor, impl.project_id, data, impl.version)

        if call_service(self, save) is FAILED:
            return
        status(self, self.tr("Реалізацію проєкту №%1 збережено.").replace("%1", str(impl.project_number)))
        self.ctx.notify("budget")

    def _milestone(self) -> budget.MilestoneView | None:
        index = self.milestone_view.currentIndex()
        return self.milestones.row_at(index.row()) if index.isValid() else None

    def add_milestone(self) -> None:
        if self.current is not None and MilestoneDialog(self.ctx, self.current.project_id, self).exec():
            self.ctx.notify("budget")

    def edit_milestone(self) -> None:
        m = self._milestone()
        if m is not None and self.current is not None and \
                MilestoneDialog(self.ctx, self.current.project_id, self, m).exec():
            self.ctx.notify("budget")

    def mark_done(self) -> None:
        m = self._milestone()
        if m is None or m.done_on is not None:
            return
        if call_service(self, lambda: budget.update_milestone(
                self.ctx.db, self.ctx.actor, m.id, budget.MilestoneData(m.title, m.due_on, self.ctx.today(), m.notes),
                m.version)) is FAILED:
            return
        self.ctx.notify("budget")

    def delete_milestone(self) -> None:
        m = self._milestone()
        if m is None or not confirm(self, self.tr("Видалити етап «%1»?").replace("%1", m.title)):
            return
        if call_service(self, lambda: budget.delete_milestone(self.ctx.db, self.ctx.actor, m.id, m.version)) is FAILED:
            return
        self.ctx.notify("budget")

"""Participatory budget (громадський бюджет): cycles, projects under review, voting points, ballots, results.

One cycle is chosen at the top; the tabs follow the year's work: the cycle and its categories, the
projects (review with written reasons), the ballot-entry form, live counts during voting, the results
with the explanation of every decision, the implementation tracker, and the voting points. A
voting-point operator sees the ballot form first and can enter ballots only at their own point.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.budget import WINNER_STATUSES, Phase, ProjectStatus, VoteType
from app.domain.formats import format_date
from app.errors import ServiceError
from app.services import budget
from app.services.core.auth import Permission
from ui import preferences
from ui.context import AppContext
from ui.dialogs.budget_dialogs import CategoryDialog, CycleDialog, PointDialog, ProjectDialog, ask_reason
from ui.dialogs.common import FAILED, call_service
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import confirm, info, show_error, status
from ui.models.table import Column, RowTableModel
from ui.pages.base import Page
from ui.pages.budget_ballots import BallotEntry
from ui.pages.budget_results_view import CountsTab, ImplementationTab, ResultsTab, save_report
from ui.widgets.common import page_title, table_view
from ui.workers import run_with_progress

INELIGIBLE = QColor("#f1f1f1")
WINNER = QColor("#e3f3e6")

def category_columns(lang: str) -> list[Column[budget.CategoryView]]:
    def money(amount: int) -> str:
        return budget.money_text(amount, language=lang)

    return [
        Column(_N("Columns", "Категорія"), lambda c: c.name),
        Column(_N("Columns", "Бюджет"), lambda c: money(c.budget), sort_key=lambda c: c.budget, align_right=True),
        Column(_N("Columns", "Вартість від"), lambda c: money(c.min_cost), align_right=True),
        Column(_N("Columns", "Вартість до"), lambda c: money(c.max_cost) if c.max_cost is not None else "—",
               align_right=True),
        Column(_N("Columns", "У бюлетені"), lambda c: "—" if c.max_choices is None else str(c.max_choices),
               align_right=True),
        Column(_N("Columns", "Правило"), lambda c: c.rule, tooltip=lambda c: c.rule_label(lang)),
        Column(_N("Columns", "Поріг"), lambda c: "—" if c.threshold is None else str(c.threshold), align_right=True),
    ]


def project_columns(lang: str) -> list[Column[budget.ProjectView]]:
    return [
        Column(_N("Columns", "№"), lambda p: p.number, sort_key=lambda p: p.number, align_right=True),
        Column(_N("Columns", "Назва"), lambda p: p.title),
        Column(_N("Columns", "Категорія"), lambda p: p.category_name),
        Column(_N("Columns", "Вартість"), lambda p: budget.money_text(p.cost, language=lang),
               sort_key=lambda p: p.cost, align_right=True),
        Column(_N("Columns", "Стан"), lambda p: p.status_title(lang), tooltip=lambda p: p.status_reason),
        Column(_N("Columns", "Автор"), lambda p: p.author_name),
        Column(_N("Columns", "Місце"), lambda p: p.location),
    ]

POINT_COLUMNS: list[Column[budget.PointView]] = [
    Column(_N("Columns", "Пункт голосування"), lambda p: p.name),
    Column(_N("Columns", "Адреса"), lambda p: p.address),
    Column(_N("Columns", "Стан"), lambda p: QCoreApplication.translate("BudgetPage", "працює") if p.is_active
           else QCoreApplication.translate("BudgetPage", "вимкнено")),
]


def _date_range(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{format_date(start)} – {format_date(end)}"
    return format_date(start or end) or "—"


class CycleTab(QWidget):
    """The cycle at a glance: phases, money, ballot rules; its categories."""

    def __init__(self, ctx: AppContext, page: BudgetPage) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.page = page
        self.cycle: budget.CycleView | None = None
        self.info = QTextBrowser()
        self.info.setObjectName("cycle_info")
        self.info.setMaximumHeight(230)
        self.model: RowTableModel[budget.CategoryView] = RowTableModel(category_columns(ctx.language), self)
        self.view = table_view(self)
        self.view.setObjectName("categories_table")
        self.view.setModel(self.model)
        self.view.doubleClicked.connect(lambda *_: self.edit_category())
        add = QPushButton(self.tr("Додати категорію"))
        add.setObjectName("category_add")
        add.clicked.connect(self.add_category)
        edit = QPushButton(self.tr("Змінити категорію"))
        edit.clicked.connect(self.edit_category)
        remove = QPushButton(self.tr("Видалити категорію"))
        remove.clicked.connect(self.delete_category)
        self.buttons = [add, edit, remove]
        row = QHBoxLayout()
        for button in self.buttons:
            button.setVisible(ctx.can(Permission.EDIT_RECORDS))
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(QLabel(self.tr("Категорії проєктів:")))
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def load(self, cycle: budget.CycleView | None) -> None:
        self.cycle = cycle
        if cycle is None:
            self.info.setHtml(self.tr("<p>Циклів громадського бюджету ще немає. Створіть новий цикл або імпортуйте "
                                      "файл Pabulib.</p>"))
            self.model.set_rows([])
            return
        today = self.ctx.today()
        lang = self.ctx.language
        shares = sum(c.budget for c in cycle.categories)
        rows = [
            (self.tr("Етап"), cycle.phase_title(today, lang)),
            (self.tr("Загальний бюджет"), cycle.money(cycle.total_budget, lang)
             + (f" ({self.tr('розподілено між категоріями')}: {cycle.money(shares, lang)})" if shares else "")),
            (self.tr("Подання проєктів"), _date_range(cycle.submission_start, cycle.submission_end)),
            (self.tr("Розгляд до"), format_date(cycle.review_end) or "—"),
            (self.tr("Голосування"), _date_range(cycle.voting_start, cycle.voting_end)),
            (self.tr("Результати"), format_date(cycle.results_date) or "—"),
            (self.tr("Бюлетень"), VoteType.title_of(cycle.vote_type, lang) + "; " + (
                self.tr("до %1 проєктів").replace("%1", str(cycle.max_choices)) if cycle.max_choices
                else self.tr("без обмеження кількості")) + "; " + self.tr("вік від %1").replace(
                "%1", str(cycle.min_age))),
            (self.tr("Нічия"), cycle.tie_break_label(lang)),
            (self.tr("Проєктів / бюлетенів"), f"{cycle.project_count} / {cycle.ballot_count}"),
        ]
        if cycle.source:
            rows.append((self.tr("Джерело"), cycle.source))
        html = "<table cellpadding='3'>" + "".join(
            f"<tr><td style='color:#5d6876'>{k}</td><td>{v}</td></tr>" for k, v in rows) + "</table>"
        if cycle.description:
            html += f"<p>{cycle.description}</p>"
        self.info.setHtml(html)
        self.model.set_rows(list(cycle.categories))
        self.view.resizeColumnsToContents()

    def _category(self) -> budget.CategoryView | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def add_category(self) -> None:
        if self.cycle is not None and CategoryDialog(self.ctx, self.cycle, self).exec():
            self.ctx.notify("budget")

    def edit_category(self) -> None:
        cat = self._category()
        if self.cycle is not None and cat is not None and CategoryDialog(self.ctx, self.cycle, self, cat).exec():
            self.ctx.notify("budget")

    def delete_category(self) -> None:
        cat = self._category()
        if cat is None or not confirm(self, self.tr("Видалити категорію «%1»?").replace("%1", cat.name)):
            return
        if call_service(self, lambda: budget.delete_category(self.ctx.db, self.ctx.actor, cat.id,
                                                             cat.version)) is FAILED:
            return
        self.ctx.notify("budget")


class ProjectsTab(QWidget):
    """Projects of the cycle: filter, add, edit, review (admit or refuse with a reason), print a card."""

    def __init__(self, ctx: AppContext, page: BudgetPage) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.cycle: budget.CycleView | None = None
        self.category = QComboBox()
        self.category.setObjectName("projects_category")
        self.state = QComboBox()
        self.state.setObjectName("projects_state")
        self.state.addItem(self.tr("усі"), None)
        for project_status in ProjectStatus:
            self.state.addItem(project_status.label(ctx.language), project_status.value)
        self.search = QLineEdit()
        self.search.setObjectName("projects_search")
        self.search.setPlaceholderText(self.tr("пошук: номер, назва, автор, місце"))
        self.category.currentIndexChanged.connect(lambda _i: self.refresh())
        self.state.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.model: RowTableModel[budget.ProjectView] = RowTableModel(
            project_columns(ctx.language), self, background=lambda p: INELIGIBLE if p.status == "ineligible" else
            WINNER if p.status in WINNER_STATUSES else None)
        self.view = table_view(self)
        self.view.setObjectName("projects_table")
        self.view.setModel(self.model)
        self.view.doubleClicked.connect(lambda *_: self.edit_project())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.detail = QLabel()
        self.detail.setObjectName("project_detail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("background: #f4f7fb; border: 1px solid #d5dde6; padding: 8px;")
        self.count = QLabel()
        add = QPushButton(self.tr("Новий проєкт"))
        add.setObjectName("project_add")
        add.clicked.connect(self.add_project)
        edit = QPushButton(self.tr("Змінити"))
        edit.clicked.connect(self.edit_project)
        admit = QPushButton(self.tr("Допустити"))
        admit.setObjectName("project_admit")
        admit.clicked.connect(lambda: self.review(True))
        refuse = QPushButton(self.tr("Не допустити…"))
        refuse.setObjectName("project_refuse")
        refuse.clicked.connect(lambda: self.review(False))
        remove = QPushButton(self.tr("Видалити"))
        remove.clicked.connect(self.delete_project)
        card = QPushButton(self.tr("Картка PDF…"))
        card.clicked.connect(self.print_card)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Категорія:")))
        filters.addWidget(self.category)
        filters.addWidget(QLabel(self.tr("Стан:")))
        filters.addWidget(self.state)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count)
        actions = QHBoxLayout()
        for button in (add, edit, admit, refuse, remove):
            button.setVisible(ctx.can(Permission.EDIT_RECORDS))
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(card)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)

    def load(self, cycle: budget.CycleView | None) -> None:
        self.cycle = cycle
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("усі"), None)
        for cat in cycle.categories if cycle else ():
            self.category.addItem(cat.name, cat.id)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        if self.cycle is None:
            self.model.set_rows([])
            self.count.setText("")
            return
        flt = budget.ProjectFilter(self.category.currentData(), self.state.currentData(), self.search.text())
        rows = budget.list_projects(self.ctx.db, self.cycle.id, flt)
        self.model.set_rows(rows)
        self.count.setText(self.tr("проєктів: %1").replace("%1", str(len(rows))))
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(1, min(self.view.columnWidth(1), 360))
        self._show_detail()

    def selected(self) -> budget.ProjectView | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_detail(self) -> None:
        p = self.selected()
        if p is None:
            self.detail.setText(self.tr("Оберіть проєкт."))
            return
        parts = [f"<b>№{p.number} {p.title}</b> — {p.status_title(self.ctx.language)}"]
        if p.status_reason:
            parts.append(self.tr("Причина: %1").replace("%1", p.status_reason))
        if p.result_explanation:
            parts.append(p.result_explanation)
        if p.description:
            parts.append(p.description[:400])
        self.detail.setText("<br/>".join(parts))

    def add_project(self) -> None:
        if self.cycle is None:
            return
        if not self.cycle.categories:
            show_error(self, ServiceError(self.tr("Спершу додайте категорію проєктів на вкладці «Цикл».")))
            return
        if ProjectDialog(self.ctx, self.cycle, self).exec():
            self.ctx.notify("budget")

    def edit_project(self) -> None:
        p = self.selected()
        if p is None or self.cycle is None:
            return
        full = budget.get_project(self.ctx.db, p.id)
        if ProjectDialog(self.ctx, self.cycle, self, full).exec():
            self.ctx.notify("budget")

    def review(self, eligible: bool) -> None:
        p = self.selected()
        if p is None:
            return
        reason = ""
        if not eligible:
            answer = ask_reason(self, self.tr("Не допустити проєкт"),
                                self.tr("Причина, з якої проєкт №%1 не допущено до голосування (її побачить автор і "
                                        "мешканці):").replace("%1", str(p.number)))
            if answer is None:
                return
            reason = answer[1]
        if call_service(self, lambda: budget.review_project(self.ctx.db, self.ctx.actor, p.id, eligible, reason,
                                                            p.version)) is FAILED:
            return
        self.ctx.notify("budget")

    def delete_project(self) -> None:
        p = self.selected()
        if p is None or not confirm(self, self.tr("Видалити проєкт №%1 «%2»?").replace("%1", str(p.number))
                                    .replace("%2", p.title)):
            return
        if call_service(self, lambda: budget.delete_project(self.ctx.db, self.ctx.actor, p.id, p.version)) is FAILED:
            return
        self.ctx.notify("budget")

    def print_card(self) -> None:
        p = self.selected()
        if p is not None:
            save_report(self, self.ctx, "pb-project-card", p.id, f"proekt-{p.number}.pdf")


class PointsTab(QWidget):
    """Voting points shared by every cycle; a point where people voted can only be switched off."""

    def __init__(self, ctx: AppContext, page: BudgetPage) -> None:
        super().__init__(page)
        self.ctx = ctx
        self.model: RowTableModel[budget.PointView] = RowTableModel(POINT_COLUMNS, self)
        self.view = table_view(self)
        self.view.setObjectName("points_table")
        self.view.setModel(self.model)
        self.view.doubleClicked.connect(lambda *_: self.edit_point())
        add = QPushButton(self.tr("Додати пункт"))
        add.setObjectName("point_add")
        add.clicked.connect(self.add_point)
        edit = QPushButton(self.tr("Змінити"))
        edit.clicked.connect(self.edit_point)
        remove = QPushButton(self.tr("Видалити"))
        remove.clicked.connect(self.delete_point)
        row = QHBoxLayout()
        for button in (add, edit, remove):
            button.setVisible(ctx.can(Permission.EDIT_RECORDS))
            row.addWidget(button)
        row.addStretch(1)
        note = QLabel(self.tr("Оператор пункту голосування вводить бюлетені лише на своєму пункті; пункт оператора "
                              "задає адміністратор у картці користувача."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b7785;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addLayout(row)

    def load(self) -> None:
        self.model.set_rows(budget.list_points(self.ctx.db))
        self.view.resizeColumnsToContents()

    def _point(self) -> budget.PointView | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def add_point(self) -> None:
        if PointDialog(self.ctx, self).exec():
            self.ctx.notify("budget")

    def edit_point(self) -> None:
        point = self._point()
        if point is not None and PointDialog(self.ctx, self, point).exec():
            self.ctx.notify("budget")

    def delete_point(self) -> None:
        point = self._point()
        if point is None or not confirm(self, self.tr("Видалити пункт «%1»?").replace("%1", point.name)):
            return
        if call_service(self, lambda: budget.delete_point(self.ctx.db, self.ctx.actor, point.id,
                                                          point.version)) is FAILED:
            return
        self.ctx.notify("budget")


class BudgetPage(Page):
    TAB_CYCLE, TAB_PROJECTS, TAB_BALLOTS, TAB_COUNTS, TAB_RESULTS, TAB_IMPLEMENTATION, TAB_POINTS = range(7)
    AREAS = frozenset({"budget"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loading = False
        self.cycle: budget.CycleView | None = None
        self.cycles = QComboBox()
        self.cycles.setObjectName("budget_cycle")
        self.cycles.setMinimumWidth(340)
        self.cycles.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cycles.currentIndexChanged.connect(lambda _i: self._cycle_changed())
        self.phase = QLabel()
        self.phase.setObjectName("budget_phase")
        self.phase.setStyleSheet("font-weight: 600; color: #1f3a5f;")
        new = QPushButton(self.tr("Новий цикл…"))
        new.setObjectName("cycle_new")
        new.clicked.connect(self.new_cycle)
        edit = QPushButton(self.tr("Налаштування циклу…"))
        edit.setObjectName("cycle_edit")
        edit.clicked.connect(self.edit_cycle)
        import_pb = QPushButton(self.tr("Імпорт Pabulib…"))
        import_pb.setObjectName("cycle_import")
        import_pb.clicked.connect(self.import_pabulib)
        export_pb = QPushButton(self.tr("Експорт Pabulib…"))
        export_pb.setObjectName("cycle_export")
        export_pb.clicked.connect(self.export_pabulib)
        delete = QPushButton(self.tr("Видалити цикл"))
        delete.clicked.connect(self.delete_cycle)
        editable = ctx.can(Permission.EDIT_RECORDS)
        for button in (new, edit, import_pb, delete):
            button.setVisible(editable)
        title_row = QHBoxLayout()
        title_row.addWidget(page_title(self.tr("Громадський бюджет")))
        title_row.addStretch(1)
        for button in (new, edit, import_pb, export_pb, delete):
            title_row.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Цикл:")))
        top.addWidget(self.cycles)
        top.addWidget(self.phase, 1)

        self.cycle_tab = CycleTab(ctx, self)
        self.projects_tab = ProjectsTab(ctx, self)
        self.ballot_entry = BallotEntry(ctx, self)
        self.counts_tab = CountsTab(ctx, self)
        self.results_tab = ResultsTab(ctx, self)
        self.implementation_tab = ImplementationTab(ctx, self)
        self.points_tab = PointsTab(ctx, self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("budget_tabs")
        self.tabs.addTab(self.cycle_tab, self.tr("Цикл"))
        self.tabs.addTab(self.projects_tab, self.tr("Проєкти"))
        self.tabs.addTab(self.ballot_entry, self.tr("Бюлетені"))
        self.tabs.addTab(self.counts_tab, self.tr("Підрахунок"))
        self.tabs.addTab(self.results_tab, self.tr("Результати"))
        self.tabs.addTab(self.implementation_tab, self.tr("Реалізація"))
        self.tabs.addTab(self.points_tab, self.tr("Пункти голосування"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.ballot_entry.entered.connect(self._ballot_entered)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.reload()
        if not editable and ctx.can(Permission.ENTER_BALLOTS):
            self.tabs.setCurrentIndex(self.TAB_BALLOTS)

    # ----- navigation

    def open_record(self, project_id: int) -> None:
        """Show a project (from the home page's due list): its cycle, on the implementation tab if a winner."""
        try:
            project = budget.get_project(self.ctx.db, project_id)
        except ServiceError:
            return
        self.cycles.setCurrentIndex(max(0, self.cycles.findData(project.cycle_id)))
        if project.status in WINNER_STATUSES:
            self.tabs.setCurrentIndex(self.TAB_IMPLEMENTATION)
            self.implementation_tab.load(self.cycle, select_project=project_id)
        else:
            self.tabs.setCurrentIndex(self.TAB_PROJECTS)

    def reload(self, select: int | None = None) -> None:
        """Re-read the cycles (keeping the chosen one) and refresh the visible tab."""
        keep = select if select is not None else self.cycles.currentData()
        self._loading = True
        self.cycles.clear()
        for cycle in budget.list_cycles(self.ctx.db):
            self.cycles.addItem(cycle.label + (f" ({cycle.source})" if cycle.source else ""), cycle.id)
        index = self.cycles.findData(keep) if keep is not None else -1
        if index < 0 and self.cycles.count():
            today = self.ctx.today()
            views = budget.list_cycles(self.ctx.db)
            voting = [c for c in views if c.phase(today) in (Phase.VOTING, Phase.COUNTING)]
            index = self.cycles.findData((voting[0] if voting else views[0]).id)
        self.cycles.setCurrentIndex(max(index, 0) if self.cycles.count() else -1)
        self._loading = False
        self._cycle_changed()

    def _cycle_changed(self) -> None:
        if self._loading:
            return
        cycle_id = self.cycles.currentData()
        self.cycle = budget.get_cycle(self.ctx.db, cycle_id) if cycle_id is not None else None
        if self.cycle is not None:
            self.phase.setText(self.cycle.phase_title(self.ctx.today(), self.ctx.language))
        else:
            self.phase.setText("")
        self._load_tab(self.tabs.currentIndex())

    def _tab_changed(self, index: int) -> None:
        if not self._loading:
            self._load_tab(index)

    def _load_tab(self, index: int) -> None:
        cycle = self.cycle
        if index == self.TAB_CYCLE:
            self.cycle_tab.load(cycle)
        elif index == self.TAB_PROJECTS:
            self.projects_tab.load(cycle)
        elif index == self.TAB_BALLOTS:
            self.ballot_entry.load(cycle.id if cycle else None)
            self.ballot_entry.focus_identifier()
        elif index == self.TAB_COUNTS:
            self.counts_tab.load(cycle)
        elif index == self.TAB_RESULTS:
            self.results_tab.load(cycle)
        elif index == self.TAB_IMPLEMENTATION:
            self.implementation_tab.load(cycle)
        elif index == self.TAB_POINTS:
            self.points_tab.load()

    def _ballot_entered(self) -> None:
        self.cycle = budget.get_cycle(self.ctx.db, self.cycle.id) if self.cycle else None

    # ----- cycle actions

    def new_cycle(self) -> None:
        dialog = CycleDialog(self.ctx, self)
        if dialog.exec() and dialog.result_view is not None:
            self.reload(select=dialog.result_view.id)
            self.tabs.setCurrentIndex(self.TAB_CYCLE)

    def edit_cycle(self) -> None:
        if self.cycle is None:
            return
        dialog = CycleDialog(self.ctx, self, budget.get_cycle(self.ctx.db, self.cycle.id))
        if dialog.exec():
            self.ctx.notify("budget")

    def delete_cycle(self) -> None:
        cycle = self.cycle
        if cycle is None or not confirm(self, self.tr("Видалити цикл «%1» з усіма його проєктами?").replace(
                "%1", cycle.label)):
            return
        if call_service(self, lambda: budget.delete_cycle(self.ctx.db, self.ctx.actor, cycle.id,
                                                          cycle.version)) is FAILED:
            return
        self.reload(select=-1)

    def import_pabulib(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Імпорт Pabulib"), "", self.tr("Pabulib (*.pb)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> int | None:
        from app.interchange import pb_cycles

        db, actor = self.ctx.db, self.ctx.actor
        result = call_service(self, lambda: run_with_progress(
            self, self.tr("Імпорт Pabulib"),
            lambda progress: pb_cycles.import_pabulib(db, actor, path, progress=progress)), catch=Exception)
        if result is FAILED:
            return None
        cycle = result.cycle
        text = self.tr("Створено цикл «%1». Проєктів: %2, бюлетенів: %3.").replace("%1", cycle.label).replace(
            "%2", str(cycle.project_count)).replace("%3", str(result.ballots))
        if cycle.categories and not cycle.categories[0].rule_implemented:
            text += "\n\n" + cycle.categories[0].rule_label(self.ctx.language) + ". " + self.tr(
                "Щоб визначити переможців, оберіть для категорії реалізоване правило.")
        info(self, text, self.tr("Імпорт Pabulib"))
        self.reload(select=cycle.id)
        return cycle.id

    def export_pabulib(self) -> None:
        if self.cycle is None:
            return
        from app.interchange import pb_cycles

        start = preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Експорт Pabulib"),
                                              str(Path(start) / f"gromadskyi-biudzhet-{self.cycle.year}.pb"),
                                              self.tr("Pabulib (*.pb)"))
        if not name:
            return
        cycle_id = self.cycle.id
        paths = call_service(self, lambda: pb_cycles.export_pabulib(self.ctx.db, cycle_id, Path(name)))
        if paths is FAILED:
            return
        preferences.put(preferences.LAST_EXPORT_DIR, str(Path(name).parent))
        status(self, self.tr("Записано: %1").replace("%1", ", ".join(str(p) for p in paths)))

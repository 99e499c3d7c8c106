"""Dialogs of the participatory budget: cycle, category, project with its estimate, voting point, milestone.

Money is typed as the clerk writes it ("1 234,56" or "1234.56") and becomes kopiykas with
:func:`app.domain.formats.parse_money`; a wrong amount is refused in the dialog with the field named.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import pb as pb_rules
from app.domain.formats import FormatError, format_money, parse_money
from app.errors import ValidationError
from app.services import budget
from ui.context import AppContext
from ui.dialogs.common import accept_after, ok_cancel
from ui.widgets.council_forms import OptionalDate

NO_LIMIT = 0  # spin-box value meaning "no limit"

TIE_BREAK_CHOICES: list[tuple[str, tuple[str, ...]]] = [
    ("більше виборців → менша вартість → менший номер", ("more-votes", "lower-cost", "project-id")),
    ("більше виборців → більша вартість → менший номер", ("more-votes", "higher-cost", "project-id")),
    ("менша вартість → менший номер", ("lower-cost", "project-id")),
    ("менший номер проєкту", ("project-id",)),
]


class MoneyEdit(QLineEdit):
    """An amount in hryvnias as typed; :meth:`value` gives kopiykas or raises with the field's name."""

    def __init__(self, amount: int | None = None, what: str = "", *, optional: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.optional = optional
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(self.tr("не обмежено") if optional else "0,00")
        if amount is not None:
            self.set_value(amount)

    def set_value(self, amount: int | None) -> None:
        self.setText("" if amount is None else format_money(amount, currency=False))

    def value(self) -> int | None:
        text = self.text().strip()
        if not text:
            if self.optional:
                return None
            raise ValidationError(f"«{self.what}»: вкажіть суму.", f"«{self.what}»: enter an amount.")
        try:
            return parse_money(text)
        except FormatError as exc:
            raise ValidationError(f"«{self.what}»: {exc}.", f"«{self.what}»: not an amount ({exc}).") from None


def _spin(value: int | None, minimum: int, maximum: int, *, special: str | None = None) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    if special is not None:
        spin.setSpecialValueText(special)
    spin.setValue(NO_LIMIT if value is None else value)
    return spin


def _limit(spin: QSpinBox) -> int | None:
    return None if spin.value() == NO_LIMIT else spin.value()


# --------------------------------------------------------------------------- cycle


class CycleDialog(QDialog):
    """A new cycle (with its first two categories) or the settings of an existing one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, cycle: budget.CycleView | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cycle = cycle
        self.result_view: budget.CycleView | None = None
        self.setWindowTitle(self.tr("Цикл громадського бюджету") if cycle
                            else self.tr("Новий цикл громадського бюджету"))
        today = ctx.today()
        self.title = QLineEdit(cycle.title if cycle else self.tr("Громадський бюджет"))
        self.title.setObjectName("cycle_title")
        self.year = _spin(cycle.year if cycle else today.year + (1 if today.month >= 9 else 0), 2000, 2100)
        self.year.setObjectName("cycle_year")
        self.total = MoneyEdit(cycle.total_budget if cycle else None, self.tr("Загальний бюджет"))
        self.total.setObjectName("cycle_total")
        self.description = QPlainTextEdit(cycle.description if cycle else "")
        self.description.setFixedHeight(60)
        self.max_choices = _spin(cycle.max_choices if cycle else 3, 0, 99, special=self.tr("без обмеження"))
        self.max_choices.setObjectName("cycle_max_choices")
        self.min_age = _spin(cycle.min_age if cycle else 16, 0, 120)
        self.min_age.setObjectName("cycle_min_age")
        self.tie_break = QComboBox()
        for label, value in TIE_BREAK_CHOICES:
            self.tie_break.addItem(self.tr(label), value)
        if cycle:
            # Compare in Python: QComboBox.findData cannot match tuples of strings.
            saved = tuple(str(t) for t in pb_rules.complete_tie_break(cycle.tie_break))
            index = next((i for i in range(self.tie_break.count())
                          if tuple(self.tie_break.itemData(i)) == saved), -1)
            if index < 0:
                self.tie_break.addItem(cycle.tie_break_label(ctx.language), cycle.tie_break)
                index = self.tie_break.count() - 1
            self.tie_break.setCurrentIndex(index)
        dates = [
            ("submission_start", self.tr("Подання проєктів з")),
            ("submission_end", self.tr("Подання проєктів по")),
            ("review_end", self.tr("Розгляд проєктів по")),
            ("voting_start", self.tr("Голосування з")),
            ("voting_end", self.tr("Голосування по")),
            ("results_date", self.tr("Оголошення результатів")),
            ("implementation_end", self.tr("Реалізація до")),
        ]
        self.dates: dict[str, OptionalDate] = {}
        form = QFormLayout()
        form.addRow(self.tr("Назва:"), self.title)
        form.addRow(self.tr("Рік:"), self.year)
        form.addRow(self.tr("Загальний бюджет, грн:"), self.total)
        form.addRow(self.tr("Опис:"), self.description)
        phases = QGroupBox(self.tr("Етапи"))
        phases_form = QFormLayout(phases)
        for key, label in dates:
            widget = OptionalDate(self.tr("вказати"), getattr(cycle, key) if cycle else None, f"cycle_{key}")
            self.dates[key] = widget
            phases_form.addRow(label + ":", widget)
        rules = QGroupBox(self.tr("Правила голосування"))
        rules_form = QFormLayout(rules)
        rules_form.addRow(self.tr("Проєктів у бюлетені, не більше:"), self.max_choices)
        rules_form.addRow(self.tr("Мінімальний вік виборця:"), self.min_age)
        rules_form.addRow(self.tr("За рівності голосів перевага:"), self.tie_break)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        columns = QHBoxLayout()
        columns.addWidget(phases)
        columns.addWidget(rules)
        layout.addLayout(columns)
        if cycle is None:
            note = QLabel(self.tr("Буде створено дві категорії — малі й великі проєкти; їхні бюджети, межі вартості "
                                  "і правила можна змінити на вкладці «Цикл»."))
            note.setWordWrap(True)
            layout.addWidget(note)
        elif cycle.ballot_count:
            for spin in (self.max_choices, self.min_age):
                spin.setEnabled(False)
                spin.setToolTip(self.tr("Після введення перших бюлетенів правила бюлетеня не змінюються."))
        layout.addWidget(ok_cancel(self, self.tr("Зберегти")))
        self.title.setFocus()

    def data(self) -> budget.CycleData:
        total = self.total.value()
        assert total is not None
        cycle = self.cycle
        return budget.CycleData(
            title=self.title.text(), year=self.year.value(), total_budget=total,
            description=self.description.toPlainText(), currency=cycle.currency if cycle else "UAH",
            vote_type=cycle.vote_type if cycle else "approval",
            min_choices=cycle.min_choices if cycle else 1, max_choices=_limit(self.max_choices),
            max_points=cycle.max_points if cycle else None, min_age=self.min_age.value(),
            tie_break=tuple(self.tie_break.currentData()),
            **{key: widget.value() for key, widget in self.dates.items()},
        )

    def accept(self) -> None:
        accept_after(self, self._save)

    def _save(self) -> None:
        data = self.data()
        if self.cycle is None:
            half = data.total_budget // 3
            categories = [
                budget.CategoryData(self.tr("Малі проєкти"), half, 0, None, None, pb_rules.GREEDY, position=1),
                budget.CategoryData(self.tr("Великі проєкти"), data.total_budget - half, 0, None, None,
                                    pb_rules.GREEDY, position=2),
            ]
            self.result_view = budget.create_cycle(self.ctx.db, self.ctx.actor, data, categories)
        else:
            self.result_view = budget.update_cycle(self.ctx.db, self.ctx.actor, self.cycle.id, data,
                                                   self.cycle.version)


# --------------------------------------------------------------------------- category


RULE_LABELS = {
    pb_rules.GREEDY: "за кількістю голосів, з пропуском тих, що не вміщаються (greedy)",
    pb_rules.GREEDY_NO_SKIP: "за кількістю голосів до першого, що не вміщається (greedy-no-skip)",
    pb_rules.GREEDY_THRESHOLD: "за кількістю голосів, лише з мінімумом голосів (greedy-threshold)",
    pb_rules.EQUAL_SHARES: "метод рівних часток (equalshares)",
    pb_rules.EQUAL_SHARES_ADD1: "метод рівних часток з доповненням (equalshares/add1)",
    pb_rules.EQUAL_SHARES_COMPARISON: "метод рівних часток з порівнянням (equalshares-comparison)",
    pb_rules.EQUAL_SHARES_ADD1_COMPARISON: "метод рівних часток, доповнення і порівняння "
                                           "(equalshares/add1-comparison)",
}


class CategoryDialog(QDialog):
    def __init__(self, ctx: AppContext, cycle: budget.CycleView, parent: QWidget | None = None,
                 category: budget.CategoryView | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cycle = cycle
        self.category = category
        self.setWindowTitle(self.tr("Категорія проєктів"))
        self.name = QLineEdit(category.name if category else "")
        self.name.setObjectName("category_name")
        self.budget = MoneyEdit(category.budget if category else None, self.tr("Бюджет категорії"))
        self.budget.setObjectName("category_budget")
        self.min_cost = MoneyEdit(category.min_cost if category else 0, self.tr("Мінімальна вартість"))
        self.max_cost = MoneyEdit(category.max_cost if category else None, self.tr("Максимальна вартість"),
                                  optional=True)
        self.max_choices = _spin(category.max_choices if category else None, 0, 99,
                                 special=self.tr("як загалом у бюлетені"))
        self.rule = QComboBox()
        self.rule.setObjectName("category_rule")
        for rule in pb_rules.IMPLEMENTED_RULES:
            self.rule.addItem(self.tr(RULE_LABELS.get(rule, rule)), rule)
        if category and not category.rule_implemented:
            self.rule.addItem(category.rule_label(ctx.language), category.rule)
        self.rule.setCurrentIndex(max(0, self.rule.findData(category.rule if category else pb_rules.GREEDY)))
        self.threshold = _spin(category.threshold if category else None, 0, 10_000_000, special=self.tr("без порогу"))
        form = QFormLayout(self)
        form.addRow(self.tr("Назва:"), self.name)
        form.addRow(self.tr("Бюджет, грн:"), self.budget)
        form.addRow(self.tr("Вартість проєкту від, грн:"), self.min_cost)
        form.addRow(self.tr("Вартість проєкту до, грн:"), self.max_cost)
        form.addRow(self.tr("Проєктів категорії в бюлетені:"), self.max_choices)
        form.addRow(self.tr("Правило визначення переможців:"), self.rule)
        form.addRow(self.tr("Поріг голосів:"), self.threshold)
        hint = QLabel(self.tr("Частка загального бюджету: %1").replace(
            "%1", budget.money_text(cycle.total_budget, cycle.currency, language=ctx.language)))
        hint.setStyleSheet("color: #6b7785;")
        form.addRow(hint)
        form.addRow(ok_cancel(self, self.tr("Зберегти")))

    def accept(self) -> None:
        accept_after(self, self._save)

    def _save(self) -> None:
        amount = self.budget.value()
        min_cost = self.min_cost.value()
        assert amount is not None and min_cost is not None
        data = budget.CategoryData(self.name.text(), amount, min_cost, self.max_cost.value(),
                                   _limit(self.max_choices), self.rule.currentData(), _limit(self.threshold))
        if self.category is None:
            budget.add_category(self.ctx.db, self.ctx.actor, self.cycle.id, data)
        else:
            budget.update_category(self.ctx.db, self.ctx.actor, self.category.id,
                                   data, self.category.version)


# --------------------------------------------------------------------------- project


class ProjectDialog(QDialog):
    """A project as submitted: title, category, place, author (contacts private) and the estimate."""

    def __init__(self, ctx: AppContext, cycle: budget.CycleView, parent: QWidget | None = None,
                 project: budget.ProjectView | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cycle = cycle
        self.project = project
        self.result_view: budget.ProjectView | None = None
        self.setWindowTitle(self.tr("Проєкт №%1").replace("%1", str(project.number)) if project
                            else self.tr("Новий проєкт"))
        self.resize(760, 620)
        self.number = _spin(project.number if project else None, 0, 99_999, special=self.tr("наступний"))
        self.number.setObjectName("project_number")
        self.title = QLineEdit(project.title if project else "")
        self.title.setObjectName("project_title")
        self.category = QComboBox()
        self.category.setObjectName("project_category")
        for cat in cycle.categories:
            self.category.addItem(cat.name, cat.id)
        if project:
            self.category.setCurrentIndex(max(0, self.category.findData(project.category_id)))
        self.description = QPlainTextEdit(project.description if project else "")
        self.description.setObjectName("project_description")
        self.description.setFixedHeight(80)
        self.location = QLineEdit(project.location if project else "")
        self.district = QLineEdit(project.district if project else "")
        self.author = QLineEdit(project.author_name if project else "")
        self.author.setObjectName("project_author")
        self.contact = QLineEdit(project.author_contact if project else "")
        self.contact.setObjectName("project_contact")
        self.contact.setPlaceholderText(self.tr("телефон або e-mail — не оприлюднюється"))

        self.total = QLabel()  # before the rows: adding one updates it
        self.total.setObjectName("project_total")
        self.total.setStyleSheet("font-weight: 600;")
        self.items = QTableWidget(0, 2)
        self.items.setObjectName("project_items")
        self.items.setHorizontalHeaderLabels([self.tr("Стаття витрат"), self.tr("Сума, грн")])
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.itemChanged.connect(lambda _item: self._update_total())
        for item in (project.items if project else ()):
            self._add_row(item.description, format_money(item.amount, currency=False))
        if not project:
            self._add_row("", "")
        add = QPushButton(self.tr("Додати статтю"))
        add.setObjectName("project_add_item")
        add.clicked.connect(lambda: self._add_row("", ""))
        remove = QPushButton(self.tr("Вилучити статтю"))
        remove.clicked.connect(self._remove_row)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(add)
        item_buttons.addWidget(remove)
        item_buttons.addStretch(1)
        item_buttons.addWidget(self.total)

        form = QFormLayout()
        form.addRow(self.tr("Номер у бюлетені:"), self.number)
        form.addRow(self.tr("Назва:"), self.title)
        form.addRow(self.tr("Категорія:"), self.category)
        form.addRow(self.tr("Опис:"), self.description)
        form.addRow(self.tr("Місце:"), self.location)
        form.addRow(self.tr("Населений пункт / район:"), self.district)
        form.addRow(self.tr("Автор:"), self.author)
        form.addRow(self.tr("Контакти автора:"), self.contact)
        estimate = QGroupBox(self.tr("Кошторис (вартість проєкту — сума статей)"))
        estimate_layout = QVBoxLayout(estimate)
        estimate_layout.addWidget(self.items)
        estimate_layout.addLayout(item_buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(estimate, 1)
        layout.addWidget(ok_cancel(self, self.tr("Зберегти")))
        self._update_total()
        self.title.setFocus()

    def _add_row(self, description: str, amount: str) -> None:
        row = self.items.rowCount()
        self.items.insertRow(row)
        self.items.setItem(row, 0, QTableWidgetItem(description))
        amount_item = QTableWidgetItem(amount)
        amount_item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
        self.items.setItem(row, 1, amount_item)
        self._update_total()

    def _remove_row(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.removeRow(row)
            self._update_total()

    def cost_items(self, *, strict: bool = True) -> list[budget.CostItemData]:
        items = []
        for row in range(self.items.rowCount()):
            desc_item, amount_item = self.items.item(row, 0), self.items.item(row, 1)
            desc = desc_item.text().strip() if desc_item else ""
            amount_text = amount_item.text().strip() if amount_item else ""
            if not desc and not amount_text:
                continue
            try:
                amount = parse_money(amount_text)
            except FormatError as exc:
                if strict:
                    raise ValidationError(f"Кошторис, рядок {row + 1}: {exc}.",
                                          f"Cost estimate, row {row + 1}: not an amount ({exc}).") from None
                continue
            items.append(budget.CostItemData(desc, amount))
        return items

    def _update_total(self) -> None:
        total = sum(i.amount for i in self.cost_items(strict=False))
        self.total.setText(self.tr("Вартість: %1").replace(
            "%1", budget.money_text(total, self.cycle.currency, language=self.ctx.language)))

    def data(self) -> budget.ProjectData:
        return budget.ProjectData(
            category_id=self.category.currentData(), title=self.title.text(), items=tuple(self.cost_items()),
            number=_limit(self.number), description=self.description.toPlainText(),
            author_name=self.author.text(), author_contact=self.contact.text(), location=self.location.text(),
            district=self.district.text())

    def accept(self) -> None:
        accept_after(self, self._save)

    def _save(self) -> None:
        data = self.data()
        if self.project is None:
            self.result_view = budget.add_project(self.ctx.db, self.ctx.actor, self.cycle.id, data)
        else:
            self.result_view = budget.update_project(self.ctx.db, self.ctx.actor, self.project.id, data,
                                                     self.project.version)


# --------------------------------------------------------------------------- voting point


class PointDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, point: budget.PointView | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.point = point
        self.setWindowTitle(self.tr("Пункт голосування"))
        self.name = QLineEdit(point.name if point else "")
        self.name.setObjectName("point_name")
        self.address = QLineEdit(point.address if point else "")
        self.address.setObjectName("point_address")
        self.active = QCheckBox(self.tr("Працює (приймає бюлетені)"))
        self.active.setChecked(point.is_active if point else True)
        form = QFormLayout(self)
        form.addRow(self.tr("Назва:"), self.name)
        form.addRow(self.tr("Адреса:"), self.address)
        if point:
            form.addRow(self.active)
        form.addRow(ok_cancel(self, self.tr("Зберегти")))

    def accept(self) -> None:
        accept_after(self, self._save)

    def _save(self) -> None:
        if self.point is None:
            budget.add_point(self.ctx.db, self.ctx.actor, self.name.text(), self.address.text())
        else:
            budget.update_point(self.ctx.db, self.ctx.actor, self.point.id, self.name.text(),
                                self.address.text(), self.active.isChecked(), self.point.version)


# --------------------------------------------------------------------------- milestone


class MilestoneDialog(QDialog):
    def __init__(self, ctx: AppContext, project_id: int, parent: QWidget | None = None,
                 milestone: budget.MilestoneView | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.project_id = project_id
        self.milestone = milestone
        self.setWindowTitle(self.tr("Етап реалізації"))
        self.title = QLineEdit(milestone.title if milestone else "")
        self.title.setObjectName("milestone_title")
        self.due = OptionalDate(self.tr("вказати"), milestone.due_on if milestone else ctx.today()
                                + dt.timedelta(days=30), "milestone_due")
        self.done_on = OptionalDate(self.tr("виконано"), milestone.done_on if milestone else None, "milestone_done")
        self.notes = QPlainTextEdit(milestone.notes if milestone else "")
        self.notes.setFixedHeight(60)
        form = QFormLayout(self)
        form.addRow(self.tr("Етап:"), self.title)
        form.addRow(self.tr("Строк:"), self.due)
        form.addRow(self.tr("Виконано:"), self.done_on)
        form.addRow(self.tr("Примітки:"), self.notes)
        form.addRow(ok_cancel(self, self.tr("Зберегти")))

    def accept(self) -> None:
        accept_after(self, self._save)

    def _save(self) -> None:
        data = budget.MilestoneData(self.title.text(), self.due.value(), self.done_on.value(), self.notes.toPlainText())
        if self.milestone is None:
            budget.add_milestone(self.ctx.db, self.ctx.actor, self.project_id, data)
        else:
            budget.update_milestone(self.ctx.db, self.ctx.actor, self.milestone.id, data, self.milestone.version)


def ask_reason(parent: QWidget, title: str, label: str, *, secret_label: str | None = None) -> tuple[str, str] | None:
    """Ask for a reason (and, with ``secret_label``, an identifier typed in a masked field); None if cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    secret = QLineEdit()
    secret.setObjectName("ask_secret")
    if secret_label is not None:
        secret.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        form.addRow(secret_label, secret)
    reason = QLineEdit()
    reason.setObjectName("ask_reason")
    text = QLabel(label)
    text.setWordWrap(True)
    form.addRow(text)
    form.addRow(reason)
    form.addRow(ok_cancel(dialog, dialog.tr("Гаразд")))
    (secret if secret_label is not None else reason).setFocus()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return secret.text(), reason.text()

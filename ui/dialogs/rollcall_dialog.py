"""Entering (or correcting) one roll call with the keyboard grid; the result is computed live and on save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.formats import format_date
from app.domain.votes import Majority, VoteOption
from app.services.deputies import rollcalls
from app.services.deputies.sessions import RollCallRow
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service, ok_cancel
from ui.messages import show_error
from ui.widgets.rollcall_grid import RollCallGrid


class RollCallDialog(QDialog):
    def __init__(self, ctx: AppContext, item_id: int, roll_call_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.item_id = item_id
        self.roll_call_id = roll_call_id
        self.saved: RollCallRow | None = None
        self.data = rollcalls.grid_data(ctx.db, item_id, roll_call_id)
        self.setWindowTitle(self.tr("Поіменне голосування — питання %1").replace("%1", str(self.data.item_number)))
        heading = QLabel(self.tr("Сесія №%1, %2. Питання %3: %4")
                         .replace("%1", str(self.data.session_number)).replace("%2", format_date(self.data.vote_date))
                         .replace("%3", str(self.data.item_number)).replace("%4", self.data.item_title))
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: 600;")
        self.title = QComboBox()
        self.title.setObjectName("rollcall_title")
        self.title.setEditable(True)
        self.title.addItems([rollcalls.title_label(t, ctx.language) for t in rollcalls.DEFAULT_TITLES])
        self.title.setCurrentText(rollcalls.title_label(self.data.title, ctx.language))
        self.majority = QComboBox()
        self.majority.setObjectName("rollcall_majority")
        for m in Majority:
            self.majority.addItem(m.label_uk if ctx.language != "en" else m.label_en, m.value)
        self.majority.setCurrentIndex(max(0, self.majority.findData(self.data.majority)))
        self.majority.currentIndexChanged.connect(self._update_tally)
        form = QFormLayout()
        form.addRow(self.tr("Голосування:"), self.title)
        form.addRow(self.tr("Потрібно:"), self.majority)

        self.grid = RollCallGrid(self, language=ctx.language)
        self.grid.set_data(self.data.deputies, dict(self.data.options))
        self.grid.changed.connect(self._update_tally)
        self.grid.save_requested.connect(self.accept)
        self.tally = QLabel()
        self.tally.setObjectName("rollcall_tally")
        self.tally.setStyleSheet("font-size: 12pt; padding: 4px;")
        keys = QLabel(self.tr("Клавіші: 1 — за, 2 — проти, 3 — утримався, 4 — не голосував, 5 — відсутній; "
                              "↑↓ — депутат; + або F2 — усі присутні «за»; Delete — очистити; "
                              "Enter або Ctrl+S — зберегти."))
        keys.setWordWrap(True)
        keys.setStyleSheet("color: #4a5563;")
        buttons = ok_cancel(self, self.tr("Зберегти"))
        save = buttons.button(QDialogButtonBox.StandardButton.Ok)
        save.setAutoDefault(False)  # Enter belongs to the grid (it saves from there)
        save.setDefault(False)
        QShortcut(QKeySequence("Ctrl+S"), self, self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.tally)
        layout.addWidget(keys)
        layout.addWidget(buttons)
        self.resize(860, min(900, 260 + 24 * len(self.data.deputies)))
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_tally()

    def _update_tally(self) -> None:
        counts = self.grid.grid_model().counts()
        majority = Majority(self.majority.currentData())
        required = majority.required_votes(self.data.composition)
        missing = len(self.grid.grid_model().missing())
        verdict = self.tr("ПРИЙНЯТО") if counts[VoteOption.FOR] >= required else self.tr("НЕ ПРИЙНЯТО")
        text = (self.tr("За: %1 (потрібно %2 з %3) — %4. Проти: %5, утрималися: %6, не голосували: %7, "
                        "відсутні: %8.")
                .replace("%1", str(counts[VoteOption.FOR])).replace("%2", str(required))
                .replace("%3", str(self.data.composition)).replace("%4", verdict)
                .replace("%5", str(counts[VoteOption.AGAINST])).replace("%6", str(counts[VoteOption.ABSTAINED]))
                .replace("%7", str(counts[VoteOption.NOT_VOTING])).replace("%8", str(counts[VoteOption.ABSENT])))
        if missing:
            text += " " + self.tr("Не введено: %1.").replace("%1", str(missing))
        self.tally.setText(text)
        color = "#1b6e3a" if counts[VoteOption.FOR] >= required else "#9b1c1c"
        self.tally.setStyleSheet(f"font-size: 12pt; padding: 4px; color: {color}; font-weight: 600;")

    def _title(self) -> str:
        """The title to store: Ukrainian for a standard one chosen in English."""
        text = self.title.currentText()
        return rollcalls.title_from_label(text) if self.ctx.language == "en" else text

    def accept(self) -> None:
        model = self.grid.grid_model()
        missing = model.missing()
        if missing:
            from app.errors import ValidationError

            show_error(self, ValidationError(self.tr("Не введено голос депутатів: %1.")
                                             .replace("%1", ", ".join(missing))))
            return
        saved = call_service(self, lambda: rollcalls.save_roll_call(
            self.ctx.db, self.ctx.actor, self.item_id, model.result(),
            rollcalls.RollCallData(title=self._title(), majority=self.majority.currentData()),
            roll_call_id=self.roll_call_id, expected_version=self.data.version), catch=Exception)
        if saved is FAILED:
            return
        self.saved = saved
        super().accept()

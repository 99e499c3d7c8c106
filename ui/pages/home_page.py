"""Home: the council's profile and what is due soon across all areas."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.formats import format_date
from app.services import registry
from app.services.core import audit, council, due
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.models.table import Column, RowTableModel
from ui.pages.base import Page
from ui.widgets.common import page_title, table_view


def due_columns(lang: str) -> list[Column[due.DueItem]]:
    return [
        Column(_N("Columns", "Строк"), lambda r: format_date(r.due), sort_key=lambda r: r.due),
        Column(_N("Columns", "Розділ"), lambda r: r.area(lang)),
        Column(_N("Columns", "Що"), lambda r: r.text(lang)),
    ]


class HomePage(Page):
    AREAS = None  # what is due comes from every area

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.logo = QLabel()
        self.logo.setFixedSize(96, 96)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.council_name = QLabel()
        self.council_name.setObjectName("home_council_name")
        self.council_name.setStyleSheet("font-size: 20pt; font-weight: 600; color: #1f3a5f;")
        self.council_name.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setOpenExternalLinks(True)
        card = QFrame()
        card.setObjectName("profile_card")
        card.setStyleSheet("#profile_card { background: #f4f7fb; border: 1px solid #d5dde6; border-radius: 6px; }")
        card_layout = QHBoxLayout(card)
        card_layout.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.council_name)
        text.addWidget(self.details)
        card_layout.addLayout(text, 1)

        self.due_model: RowTableModel[due.DueItem] = RowTableModel(
            due_columns(ctx.language), self, background=lambda r: QColor("#fde2e1") if r.overdue else QColor("#fff4d6"))
        self.due_view = table_view(self)
        self.due_view.setObjectName("due_soon")
        self.due_view.setModel(self.due_model)
        self.due_view.doubleClicked.connect(self._open_due)
        self.due_empty = QLabel(self.tr("Найближчим часом строків немає."))
        self.chain = QLabel()
        self.chain.setObjectName("home_chain_state")

        grid = QGridLayout()
        grid.addWidget(QLabel("<b>" + self.tr("Найближчі строки") + "</b>"), 0, 0)
        grid.addWidget(self.due_view, 1, 0)
        grid.addWidget(self.due_empty, 2, 0)

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Головна")))
        layout.addWidget(card)
        layout.addLayout(grid, 1)
        layout.addWidget(self.chain)
        self.reload()

    def reload(self) -> None:
        profile = council.get_profile(self.ctx.db)
        if profile is None:
            return
        self.council_name.setText(profile.council_name)
        site = f'<a href="{profile.website}">{profile.website}</a>' if profile.website else "—"
        self.details.setText(
            f"{profile.hromada_name}<br>"
            + self.tr("Скликання: %1 · загальний склад: %2 депутатів").replace("%1", str(profile.convocation))
            .replace("%2", str(profile.composition))
            + f"<br>{profile.address or ''}<br>{site}"
        )
        if profile.logo:
            pixmap = QPixmap()
            pixmap.loadFromData(profile.logo)
            self.logo.setPixmap(pixmap.scaled(92, 92, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        items = registry.due_soon(self.ctx.db, self.ctx.today())
        self.due_model.set_rows(items)
        self.due_view.resizeColumnsToContents()
        self.due_empty.setVisible(not items)
        count = audit.event_count(self.ctx.db)
        self.chain.setText(self.tr("Журнал змін: %1 подій").replace("%1", str(count)))

    def _open_due(self, index: QModelIndex) -> None:
        item = self.due_model.row_at(index.row())
        window = self.window()
        if item.page and hasattr(window, "show_page"):
            window.show_page(item.page, item.record_id)

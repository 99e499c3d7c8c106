"""Deputies: the list with instant Ukrainian search and filters, and a deputy's details — profile,
statistics, votes, initiatives and the yearly report to voters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.deputies import CommitteeRole, InitiativeKind, InitiativeStatus, MandateEndReason
from app.domain.formats import format_date, format_percent
from app.domain.votes import VoteOption, result_label
from app.reports import registry
from app.services import deputies
from app.services.core.auth import Permission
from app.services.deputies import initiatives, rollcalls
from ui import preferences
from ui.context import AppContext
from ui.dialogs.common import FAILED, call_service
from ui.dialogs.deputy_dialogs import AnnualReportForm, DeputyDialog, InitiativeDialog, RegisterDialog
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811
from ui.messages import confirm, status
from ui.models.table import Column, RowTableModel
from ui.pages.base import ListDetailPage
from ui.widgets.common import page_title, table_view
from ui.workers import run_with_progress

DEPUTY_COLUMNS: list[Column[deputies.DeputyRow]] = [
    Column(_N("Columns", "Депутат"), lambda r: r.full_name, sort_key=lambda r: r.full_name.casefold()),
    Column(_N("Columns", "Фракція"), lambda r: r.faction or "—"),
    Column(_N("Columns", "Округ"), lambda r: r.district or "—"),
    Column(_N("Columns", "Повноваження"), lambda r: format_date(r.mandate_start) + (
        f" – {format_date(r.mandate_end)}" if r.mandate_end else ""), sort_key=lambda r: r.mandate_start),
]
def vote_columns(lang: str) -> list[Column[deputies.DeputyVoteRow]]:
    yes = QCoreApplication.translate("DeputiesPage", "так")
    return [
        Column(_N("Columns", "Дата"), lambda r: format_date(r.date), sort_key=lambda r: r.date),
        Column(_N("Columns", "Сесія"), lambda r: r.session_number, align_right=True),
        Column(_N("Columns", "№"), lambda r: r.item_number, align_right=True),
        Column(_N("Columns", "Питання"), lambda r: r.item_title, tooltip=lambda r: r.item_title),
        Column(_N("Columns", "Голосування"), lambda r: rollcalls.title_label(r.roll_call_title, lang)),
        Column(_N("Columns", "Голос"), lambda r: r.option.label(lang)),
        Column(_N("Columns", "Результат"), lambda r: result_label(r.passed, lang)),
        Column(_N("Columns", "Проти фракції"), lambda r: yes if r.against_faction else ""),
    ]


def initiative_columns(lang: str) -> list[Column[initiatives.InitiativeRow]]:
    return [
        Column(_N("Columns", "Дата"), lambda r: format_date(r.submitted_on), sort_key=lambda r: r.submitted_on),
        Column(_N("Columns", "Вид"), lambda r: InitiativeKind(r.kind).label(lang)),
        Column(_N("Columns", "Зміст"), lambda r: r.title, tooltip=lambda r: r.title),
        Column(_N("Columns", "Адресат"), lambda r: r.addressee),
        Column(_N("Columns", "Стан"), lambda r: InitiativeStatus(r.status).label(lang)),
        Column(_N("Columns", "Відповісти до"), lambda r: format_date(r.due), sort_key=lambda r: r.due),
    ]


class DeputiesPage(ListDetailPage[deputies.DeputyRow]):
    AREAS = frozenset({"deputies", "sessions", "council"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.editable = ctx.can(Permission.EDIT_RECORDS)
        self._current: int | None = None

        self.search = QLineEdit()
        self.search.setObjectName("deputy_search")
        self.search.setPlaceholderText(self.tr("Пошук за прізвищем, ім’ям, по батькові…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.faction = QComboBox()
        self.faction.setObjectName("deputy_filter_faction")
        self.district = QComboBox()
        self.district.setObjectName("deputy_filter_district")
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("deputy_filter_status")
        for text, value in ((self.tr("усі"), None), (self.tr("з чинними повноваженнями"), "active"),
                            (self.tr("повноваження припинено"), "ended")):
            self.status_filter.addItem(text, value)
        self.status_filter.setCurrentIndex(1)
        for combo in (self.faction, self.district, self.status_filter):
            combo.currentIndexChanged.connect(self.refresh)

        add = QPushButton(self.tr("Додати депутата…"))
        add.setObjectName("deputy_add")
        add.clicked.connect(self.add_deputy)
        register = QPushButton(self.tr("Фракції, округи, комісії…"))
        register.setObjectName("deputy_register")
        register.clicked.connect(self.open_register)
        for button in (add, register):
            button.setEnabled(self.editable)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(QLabel(self.tr("Фракція:")))
        filters.addWidget(self.faction, 1)
        filters.addWidget(QLabel(self.tr("Округ:")))
        filters.addWidget(self.district, 1)
        filters.addWidget(self.status_filter)

        view = table_view(self)
        view.setObjectName("deputies_table")
        self.set_list(RowTableModel(DEPUTY_COLUMNS, self,
                                    background=lambda r: None if r.active else QColor("#eef0f3")), view)
        self.view.doubleClicked.connect(lambda *_: self.edit_deputy())
        self.count = QLabel()
        self.count.setObjectName("deputy_count")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(register)
        buttons.addWidget(add)
        left_layout.addLayout(buttons)

        self.detail = self._build_detail()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([620, 700])

        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Депутати")))
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self.reload()

    # ----- detail panel

    def _build_detail(self) -> QWidget:
        self.photo = QLabel()
        self.photo.setObjectName("deputy_photo")
        self.photo.setFixedSize(120, 150)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("background: #eef2f7; border: 1px solid #d5dde6; color: #6b7785;")
        self.name = QLabel()
        self.name.setObjectName("deputy_name")
        self.name.setWordWrap(True)
        self.name.setStyleSheet("font-size: 15pt; font-weight: 600; color: #1f3a5f;")
        self.profile = QLabel()
        self.profile.setObjectName("deputy_profile")
        self.profile.setWordWrap(True)
        self.profile.setTextFormat(Qt.TextFormat.RichText)
        self.profile.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.profile.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Змінити…"))
        self.edit_button.setObjectName("deputy_edit")
        self.edit_button.clicked.connect(self.edit_deputy)
        self.delete_button = QPushButton(self.tr("Видалити"))
        self.delete_button.clicked.connect(self.delete_deputy)
        self.card_button = QPushButton(self.tr("Картка «Ваш депутат» (PDF)…"))
        self.card_button.setObjectName("deputy_card_pdf")
        self.card_button.clicked.connect(self.card_pdf)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(self.editable)

        head_text = QVBoxLayout()
        head_text.addWidget(self.name)
        head_text.addWidget(self.profile, 1)
        head = QHBoxLayout()
        head.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(head_text, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addStretch(1)
        actions.addWidget(self.card_button)

        self.stats = QLabel()
        self.stats.setObjectName("deputy_stats")
        self.stats.setWordWrap(True)
        self.stats.setTextFormat(Qt.TextFormat.RichText)
        self.stats.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        stats_scroll = QScrollArea()
        stats_scroll.setWidgetResizable(True)
        stats_scroll.setWidget(self.stats)

        self.vote_year = QComboBox()
        self.vote_year.setObjectName("deputy_vote_year")
        self.vote_year.currentIndexChanged.connect(lambda _i: self._load_votes())
        self.votes_model: RowTableModel[deputies.DeputyVoteRow] = RowTableModel(
            vote_columns(self.ctx.language), self,
            background=lambda r: QColor("#fff4d6") if r.against_faction else None)
        self.votes_view = table_view(self)
        self.votes_view.setObjectName("deputy_votes")
        self.votes_view.setModel(self.votes_model)
        self.votes_summary = QLabel()
        votes_page = QWidget()
        votes_layout = QVBoxLayout(votes_page)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Рік:")))
        year_row.addWidget(self.vote_year)
        year_row.addWidget(self.votes_summary, 1)
        votes_layout.addLayout(year_row)
        votes_layout.addWidget(self.votes_view, 1)

        self.init_model: RowTableModel[initiatives.InitiativeRow] = RowTableModel(
            initiative_columns(self.ctx.language), self,
            background=lambda r: QColor("#fde2e1") if r.overdue(self.ctx.today()) else None)
        self.init_view = table_view(self)
        self.init_view.setObjectName("deputy_initiatives")
        self.init_view.setModel(self.init_model)
        self.init_view.doubleClicked.connect(lambda *_: self.edit_initiative())
        init_page = QWidget()
        init_layout = QVBoxLayout(init_page)
        init_layout.addWidget(self.init_view, 1)
        init_buttons = QHBoxLayout()
        for text, slot, name in ((self.tr("Додати…"), self.add_initiative, "initiative_add"),
                                 (self.tr("Змінити…"), self.edit_initiative, "initiative_edit"),
                                 (self.tr("Видалити"), self.delete_initiative, "initiative_delete")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            button.setEnabled(self.editable)
            init_buttons.addWidget(button)
        init_buttons.addStretch(1)
        init_layout.addLayout(init_buttons)

        self.annual = AnnualReportForm(self.ctx)
        self.annual.setEnabled(self.editable)
        annual_pdf = QPushButton(self.tr("Звіт перед виборцями (PDF)…"))
        annual_pdf.setObjectName("annual_pdf")
        annual_pdf.clicked.connect(self.annual_pdf)
        annual_page = QWidget()
        annual_layout = QVBoxLayout(annual_page)
        annual_layout.addWidget(self.annual)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(annual_pdf)
        annual_layout.addLayout(row)
        annual_layout.addStretch(1)
        annual_scroll = QScrollArea()
        annual_scroll.setWidgetResizable(True)
        annual_scroll.setWidget(annual_page)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("deputy_tabs")
        self.tabs.addTab(stats_scroll, self.tr("Статистика"))
        self.tabs.addTab(votes_page, self.tr("Голоси"))
        self.tabs.addTab(init_page, self.tr("Ініціативи"))
        self.tabs.addTab(annual_scroll, self.tr("Звіт перед виборцями"))

        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addLayout(head)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        return panel

    # ----- data

    def reload(self) -> None:
        """Refill the filter choices (keeping the selection) and the list."""
        for combo, items in ((self.faction, [(f.id, f.name) for f in deputies.list_factions(self.ctx.db)]
                              + [(-1, self.tr("позафракційні"))]),
                             (self.district, [(d.id, d.name) for d in deputies.list_districts(self.ctx.db)])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("усі"), None)
            for record_id, label in items:
                combo.addItem(label, record_id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        years = deputies.session_years(self.ctx.db)
        current_year = self.vote_year.currentData()
        self.vote_year.blockSignals(True)
        self.vote_year.clear()
        self.vote_year.addItem(self.tr("усі роки"), None)
        for year in years:
            self.vote_year.addItem(str(year), year)
        index = self.vote_year.findData(current_year) if current_year else (1 if years else 0)
        self.vote_year.setCurrentIndex(max(0, index))
        self.vote_year.blockSignals(False)
        self.refresh()

    def current_filter(self) -> deputies.DeputyFilter:
        return deputies.DeputyFilter(query=self.search.text(), faction_id=self.faction.currentData(),
                                     district_id=self.district.currentData(),
                                     status=self.status_filter.currentData(), on=self.ctx.today())

    def refresh(self) -> None:
        keep = self._current
        rows = deputies.list_deputies(self.ctx.db, self.current_filter())
        self.model.set_rows(rows)
        self.count.setText(self.tr("Депутатів: %1").replace("%1", str(len(rows))))
        if not getattr(self, "_sized", False) and rows:
            self.view.resizeColumnsToContents()
            self._sized = True
        self.select_record(keep)

    def show_record(self, row: deputies.DeputyRow | None) -> None:
        self._show(row.id if row else None)

    def open_record(self, deputy_id: int) -> None:
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        row = self.row_of(deputy_id)
        if row is not None:
            self.view.selectRow(row)

    def _show(self, deputy_id: int | None) -> None:
        self._current = deputy_id
        has = deputy_id is not None
        for widget in (self.edit_button, self.delete_button):
            widget.setEnabled(has and self.editable)
        self.card_button.setEnabled(has)
        self.annual.set_deputy(deputy_id)
        if deputy_id is None:
            self.name.setText(self.tr("Оберіть депутата у списку"))
            self.profile.setText("")
            self.stats.setText("")
            self.photo.clear()
            self.votes_model.set_rows([])
            self.init_model.set_rows([])
            return
        view = deputies.get_deputy(self.ctx.db, deputy_id)
        lang = self.ctx.language
        self.name.setText(view.full_name)
        self._show_photo(deputies.get_deputy_photo(self.ctx.db, deputy_id)[0] if view.has_photo else None)
        lines = []

        def add(label: str, value: str) -> None:
            if value:
                lines.append(f"<b>{label}:</b> {_html(value)}")

        add(self.tr("Фракція"), view.faction or self.tr("позафракційний"))
        add(self.tr("Округ"), view.district)
        add(self.tr("Посада"), view.position)
        mandate = format_date(view.mandate_start)
        if view.mandate_end:
            reason = MandateEndReason(view.mandate_end_reason).label(lang) if view.mandate_end_reason else ""
            mandate += f" – {format_date(view.mandate_end)}" + (f" ({reason})" if reason else "")
        add(self.tr("Повноваження"), mandate)
        add(self.tr("Комісії"), "; ".join(f"{s.committee} — {CommitteeRole(s.role).label(lang)}" for s in view.seats))
        add(self.tr("Прийом"), ", ".join(p for p in (view.reception_hours, view.reception_place) if p))
        contacts = []
        if view.phone:
            contacts.append(view.phone + ("" if view.phone_public else self.tr(" (службовий)")))
        if view.email:
            contacts.append(view.email + ("" if view.email_public else self.tr(" (службова)")))
        add(self.tr("Контакти"), ", ".join(contacts))
        self.profile.setText("<br>".join(lines))
        self._show_stats(deputy_id, view.biography)
        self._load_votes()
        self.init_model.set_rows(initiatives.list_initiatives(self.ctx.db, deputy_id=deputy_id))
        self.init_view.resizeColumnsToContents()

    def _show_photo(self, data: bytes | None) -> None:
        if data:
            pix = QPixmap()
            pix.loadFromData(data)
            self.photo.setPixmap(pix.scaled(self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                            Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("фото немає"))

    def _show_stats(self, deputy_id: int, biography: str) -> None:
        year = self.vote_year.currentData()
        st = deputies.deputy_statistics(self.ctx.db, deputy_id, year)
        parts = []
        if st.attendance:
            parts.append(self.tr("<b>Відвідуваність сесій за скликання:</b> %1 з %2 (%3)")
                         .replace("%1", str(st.attendance.present)).replace("%2", str(st.attendance.sessions))
                         .replace("%3", format_percent(st.attendance.percent)))
        for y, a in sorted(st.attendance_by_year.items(), reverse=True):
            flag = self.tr(" — <span style='color:#b00020'>пропущено понад половину сесій (підстава для "
                           "відкликання)</span>") if a.absent_more_than_half else ""
            parts.append(f"&nbsp;&nbsp;{y}: {a.present} / {a.sessions} ({format_percent(a.percent)}){flag}")
        if st.participation:
            parts.append(self.tr("<b>Участь у поіменних голосуваннях:</b> %1 з %2 (%3)")
                         .replace("%1", str(st.participation.voted)).replace("%2", str(st.participation.roll_calls))
                         .replace("%3", format_percent(st.participation.percent)))
        lang = self.ctx.language
        parts.append(self.tr("<b>Голоси:</b> ") + ", ".join(f"{o.label(lang)} — {st.vote_counts.get(o, 0)}"
                                                           for o in VoteOption))
        if st.discipline is not None and st.discipline.compared:
            parts.append(self.tr("<b>Проти більшості своєї фракції:</b> %1 з %2 (%3)")
                         .replace("%1", str(st.discipline.against)).replace("%2", str(st.discipline.compared))
                         .replace("%3", format_percent(st.discipline.percent_against)))
        parts.append(self.tr("<b>Ініціативи:</b> ") + deputies.initiative_kinds_summary(st.initiatives, lang))
        if biography:
            parts.append("<br><b>" + self.tr("Біографія") + ":</b><br>" + _html(biography).replace("\n", "<br>"))
        self.stats.setText("<br>".join(parts))

    def _load_votes(self) -> None:
        if self._current is None:
            return
        rows = deputies.deputy_votes(self.ctx.db, self._current, self.vote_year.currentData())
        self.votes_model.set_rows(rows)
        against = sum(1 for r in rows if r.against_faction)
        self.votes_summary.setText(self.tr("голосувань: %1, проти більшості фракції: %2")
                                   .replace("%1", str(len(rows))).replace("%2", str(against)))
        if rows and not getattr(self, "_votes_sized", False):
            self.votes_view.resizeColumnsToContents()
            self.votes_view.setColumnWidth(3, 320)
            self._votes_sized = True

    # ----- actions

    def add_deputy(self) -> None:
        dialog = DeputyDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved_id is not None:
            self._current = dialog.saved_id
            self.refresh()

    def edit_deputy(self) -> None:
        if self._current is None or not self.editable:
            return
        if DeputyDialog(self.ctx, self._current, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_deputy(self) -> None:
        row = self.selected()
        if row is None or not confirm(self, self.tr("Видалити депутата «%1» з реєстру?").replace("%1", row.full_name)):
            return
        if call_service(self, lambda: deputies.delete_deputy(self.ctx.db, self.ctx.actor, row.id, row.version),
                        catch=Exception) is FAILED:
            return
        self._current = None
        self.ctx.notify("deputies")

    def open_register(self) -> None:
        RegisterDialog(self.ctx, self).exec()
        self.reload()

    def _selected_initiative(self) -> initiatives.InitiativeRow | None:
        index = self.init_view.currentIndex()
        return self.init_model.row_at(index.row()) if index.isValid() else None

    def add_initiative(self) -> None:
        if self._current is not None and InitiativeDialog(self.ctx, self._current, None, self).exec():
            self._show(self._current)

    def edit_initiative(self) -> None:
        row = self._selected_initiative()
        if row is not None and self.editable and InitiativeDialog(self.ctx, row.deputy_id, row, self).exec():
            self._show(self._current)

    def delete_initiative(self) -> None:
        row = self._selected_initiative()
        if row is None or not confirm(self, self.tr("Видалити ініціативу «%1»?").replace("%1", row.title[:80])):
            return
        if call_service(self, lambda: initiatives.delete_initiative(self.ctx.db, self.ctx.actor, row.id, row.version),
                        catch=Exception) is FAILED:
            return
        self._show(self._current)

    def _save_pdf(self, kind_id: str, record_id: int, suggested: str) -> None:
        start = preferences.get(preferences.LAST_EXPORT_DIR) or str(Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Зберегти PDF"), str(Path(start) / suggested),
                                              self.tr("PDF (*.pdf)"))
        if name:
            self.render_pdf(kind_id, record_id, Path(name))

    def render_pdf(self, kind_id: str, record_id: int, path: Path) -> bool:
        db = self.ctx.db
        if call_service(self, lambda: run_with_progress(
                self, self.tr("PDF"), lambda progress: registry.render_report(db, kind_id, record_id, path, progress)),
                catch=Exception) is FAILED:
            return False
        preferences.put(preferences.LAST_EXPORT_DIR, str(path.parent))
        status(self, self.tr("Збережено: %1").replace("%1", str(path)))
        return True

    def card_pdf(self) -> None:
        if self._current is not None:
            self._save_pdf("deputy-card", self._current, f"deputat-{self._current}.pdf")

    def annual_pdf(self) -> None:
        if self._current is None:
            return
        if self.editable and not self.annual.save():
            return
        if self.annual.report_id is not None:
            self._save_pdf("deputy-annual-report", self.annual.report_id,
                           f"zvit-deputata-{self._current}-{self.annual.year.value()}.pdf")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

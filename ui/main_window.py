"""The main window: a navigation sidebar and one page per area."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from ui import preferences
from ui.context import AppContext  # noqa: TC001 - light module
from ui.i18n import QT_TRANSLATE_NOOP as _N  # noqa: N811

# Qt.ItemDataRole.UserRole as a plain number: importing PySide6's ``Qt`` namespace builds every
# enum (~18 ms), which the start-up path defers until the window is on screen.
USER_ROLE = 0x0100


class CurrentPageStack(QStackedWidget):
    """A stack whose size hints are those of the page shown, not of the widest page ever built."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # source text; translated in context "Navigation"
    factory: Callable[[AppContext, QWidget], QWidget]  # builds the page on first visit
    # a Permission value; plain text so that app.services.core.auth loads only after the window shows
    permission: str = "view"


# Each page's module is imported on its first visit: start-up builds only the window shell.
def _home_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.pages.home_page import HomePage

    return HomePage(ctx, parent)


def _deputies_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.pages.deputies_page import DeputiesPage

    return DeputiesPage(ctx, parent)


def _sessions_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.pages.sessions_page import SessionsPage

    return SessionsPage(ctx, parent)


def _petitions_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.pages.petitions_page import PetitionsPage

    return PetitionsPage(ctx, parent)


def _appeals_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.pages.appeals_page import AppealsPage

    return AppealsPage(ctx, parent)


def _budget_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.pages.budget_page import BudgetPage

    return BudgetPage(ctx, parent)


def _safety_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.pages.safety_page import SafetyPage

    return SafetyPage(ctx, parent)


def _reports_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.pages.reports_page import ReportsPage

    return ReportsPage(ctx, parent)


def _audit_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.pages.audit_page import AuditPage

    return AuditPage(ctx, parent)


def _settings_page(ctx: AppContext, parent: QWidget) -> QWidget:
    from ui.pages.settings_page import SettingsPage

    return SettingsPage(ctx, parent)


HOME = PageSpec("home", _N("Navigation", "Головна"), _home_page)
# Areas append their pages here, in sidebar order.
AREA_PAGES: list[PageSpec] = [
    PageSpec("deputies", _N("Navigation", "Депутати"), _deputies_page),
    PageSpec("sessions", _N("Navigation", "Сесії"), _sessions_page),
    PageSpec("petitions", _N("Navigation", "Петиції"), _petitions_page),
    PageSpec("appeals", _N("Navigation", "Звернення"), _appeals_page),
    PageSpec("budget", _N("Navigation", "Громадський бюджет"), _budget_page),
    PageSpec("safety", _N("Navigation", "Збереження даних"), _safety_page, "publish"),
]
TAIL_PAGES = [
    PageSpec("reports", _N("Navigation", "Звіти"), _reports_page),
    PageSpec("audit", _N("Navigation", "Журнал змін"), _audit_page, "view_audit"),
    PageSpec("settings", _N("Navigation", "Налаштування"), _settings_page),
]


def all_pages() -> list[PageSpec]:
    return [HOME, *AREA_PAGES, *TAIL_PAGES]


class MainWindow(QMainWindow):
    """The window appears at once as a shell; :meth:`attach` fills it once the database is open.

    Pages are built lazily, on first visit, so start-up costs only the home page.
    """

    def __init__(self, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.ctx: AppContext | None = None
        self.setWindowTitle("Hromada Desk")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(210)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = CurrentPageStack()
        self.pages: dict[str, QWidget] = {}
        self._specs: dict[str, PageSpec] = {}
        self._keys: list[str] = []
        for spec in all_pages():
            item = QListWidgetItem(QCoreApplication.translate("Navigation", spec.title))
            item.setData(USER_ROLE, spec.key)
            self.nav.addItem(item)
        self.nav.setEnabled(False)  # until attach(): the database is not open yet
        self.loading = QLabel(self.tr("Відкриваю базу даних…"))
        self.loading.setStyleSheet("color: #6b7785; font-size: 14pt; qproperty-alignment: AlignCenter;")
        self.stack.addWidget(self.loading)
        self.nav.currentRowChanged.connect(self._on_nav)

        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setObjectName("current_user")
        version = QLabel(f"Hromada Desk {__version__}")
        version.setStyleSheet("color: #6b7785;")
        side = QWidget()
        side.setObjectName("sidebar")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 8, 8, 8)
        side_layout.addWidget(self.nav, 1)
        side_layout.addWidget(self.who)
        side_layout.addWidget(version)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        # On a small screen (1366×768 is common on office PCs) a wide page scrolls instead of
        # pushing buttons off the window's edge.
        scroll = QScrollArea()
        scroll.setObjectName("page_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.stack)
        layout.addWidget(scroll, 1)
        self.setCentralWidget(central)
        self.resize(1200, 760)
        geometry = preferences.get(preferences.MAIN_GEOMETRY)
        if geometry:
            self.restoreGeometry(geometry)
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: AppContext) -> None:
        """Show the pages the acting user may see, for the open database."""
        from app.services.core.auth import Permission

        self.ctx = ctx
        self.setWindowTitle(self.tr("Hromada Desk — %1").replace("%1", ctx.db.describe()))
        self.nav.blockSignals(True)
        self.nav.clear()
        self._keys = []
        for spec in all_pages():
            if not ctx.can(Permission(spec.permission)):
                continue
            self._specs[spec.key] = spec
            self._keys.append(spec.key)
            item = QListWidgetItem(QCoreApplication.translate("Navigation", spec.title))
            item.setData(USER_ROLE, spec.key)
            self.nav.addItem(item)
        self.nav.setEnabled(True)
        self.nav.blockSignals(False)
        role = ctx.actor.role.label_uk if ctx.language == "uk" else ctx.actor.role.label_en
        self.who.setText(self.tr("Користувач: %1 (%2)").replace("%1", ctx.actor.display_name).replace("%2", role))
        for index in range(min(9, self.nav.count())):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.nav.setCurrentRow(i))
        self.nav.setCurrentRow(0)

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self.pages:
            assert self.ctx is not None, "attach() first"
            page = self._specs[key].factory(self.ctx, self)
            page.setObjectName(f"page_{key}")
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def _on_nav(self, row: int) -> None:
        if row < 0 or not self._keys:
            return
        page = self.page(self._keys[row])
        self.stack.setCurrentWidget(page)
        refresh = getattr(page, "on_shown", None)
        if callable(refresh):
            refresh()

    def show_page(self, key: str, record_id: int | None = None) -> QWidget:
        """Switch to a page (and open a record on it, when the page supports ``open_record``)."""
        self.nav.setCurrentRow(self._keys.index(key))
        page = self.page(key)
        if record_id is not None and hasattr(page, "open_record"):
            page.open_record(record_id)
        return page

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        preferences.put(preferences.MAIN_GEOMETRY, bytes(self.saveGeometry().data()))
        super().closeEvent(event)

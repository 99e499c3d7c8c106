"""QApplication, translators, style, and the start-up sequence of the GUI."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from app.errors import ServiceError
from app.paths import resource_path
from ui import i18n, messages, preferences, style
from ui.context import AppContext
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from app.db.engine import Database
    from app.services.core.auth import Actor

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(preferences.ORGANIZATION)
    app.setApplicationName(preferences.APPLICATION)
    app.setApplicationDisplayName("Hromada Desk")
    icon = resource_path("icons", "hromada.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style.apply(app)
    return app


def build_main_window(db: Database, actor: Actor, language: str = "uk") -> MainWindow:
    """A fully attached main window (tests and the smoke check)."""
    return MainWindow(AppContext(db=db, actor=actor, language=language))


class Startup(QObject):
    """What happens after the window is on screen: open the database, set up, log in, attach.

    It never quits the application itself: ``finished`` carries the exit code and
    :func:`run_gui` connects it to ``app.exit``. (Calling ``exit()`` outside a running loop
    makes every later event loop of the process return at once in Qt 6.)
    """

    finished = Signal(int)

    def __init__(self, app: QApplication, window: MainWindow, args: argparse.Namespace, language: str) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.args = args
        self.language = language
        self.db: Database | None = None
        self.exit_code = 0

    def fail(self, message: str) -> None:
        print(f"Помилка: {message}", file=sys.stderr) if sys.stderr is not None else None
        messages.fatal(self.window, message)
        self.exit_code = 2
        self.finished.emit(2)

    def run(self) -> None:
        from app.demo import create as demo_create
        from app.services.core import council
        from ui.db_choice import open_for_gui
        from ui.dialogs.setup_dialog import SetupDialog
        from ui.login import obtain_actor

        try:
            self.db = open_for_gui(self.args, self.window)  # the day's copy first, then open (and migrate)
            if self.db is None:
                self.finished.emit(0)
                return
            actor: Actor | None = None
            if council.needs_setup(self.db):
                if self.args.demo:
                    demo_create.create_demo(self.db)
                else:
                    setup = SetupDialog(self.db, self.window)
                    if setup.exec() != QDialog.DialogCode.Accepted:
                        self.finished.emit(0)
                        return
                    actor = setup.actor  # who just created the administrator account works on
            if actor is None:
                actor = obtain_actor(self.db, self.window, self.args.user, demo_mode=self.args.demo)
            if actor is None:
                self.finished.emit(0)
                return
            self.window.attach(AppContext(db=self.db, actor=actor, language=self.language))
        except ServiceError as exc:
            self.fail(exc.text(self.language))
            return
        if os.environ.get("HROMADA_EXIT_AFTER_SHOW") == "ready":
            QTimer.singleShot(0, self.app.quit)


def run_gui(args: argparse.Namespace) -> int:
    """Show the main window at once, then open the database and fill it (see :class:`Startup`)."""
    app = make_application()
    language = args.lang or preferences.get(preferences.LANGUAGE)
    i18n.install(app, language)
    window = MainWindow()
    window.show()
    probe = os.environ.get("HROMADA_EXIT_AFTER_SHOW")
    if probe == "shown":  # bench/startup.py: process start → window on screen
        QTimer.singleShot(0, app.quit)
        return app.exec()
    startup = Startup(app, window, args, language)
    startup.finished.connect(app.exit)
    QTimer.singleShot(0, startup.run)
    code = app.exec()
    if startup.db is not None:
        startup.db.dispose()
    return code or startup.exit_code

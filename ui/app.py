"""QApplication, translators, style, and the start-up sequence of the GUI."""

from __future__ import annotations

import argparse
import logging
import sys

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.db.engine import Database, open_database
from app.services import council, demo
from app.services.errors import ServiceError
from ui import i18n, preferences, style
from ui.context import AppContext
from ui.main_window import MainWindow

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(preferences.ORGANIZATION)
    app.setApplicationName(preferences.APPLICATION)
    app.setApplicationDisplayName("Hromada Desk")
    style.apply(app)
    return app


def build_main_window(db: Database, actor, language: str = "uk") -> MainWindow:  # noqa: ANN001
    return MainWindow(AppContext(db=db, actor=actor, language=language))


def run_gui(args: argparse.Namespace) -> int:
    """Open the database (setup or demo on first start), ask who works, show the main window."""
    from app.cli import EXIT_ERROR, resolve_db_target
    from ui.dialogs.setup_dialog import SetupDialog
    from ui.login import obtain_actor

    app = make_application()
    language = args.lang or preferences.get(preferences.LANGUAGE)
    i18n.install(app, language)
    target = resolve_db_target(args)
    try:
        db = open_database(target)
    except ServiceError as exc:
        QMessageBox.critical(None, "Hromada Desk", exc.text(language))
        print(f"Помилка: {exc.text()}", file=sys.stderr)
        return EXIT_ERROR
    try:
        if council.needs_setup(db):
            if args.demo:
                demo.create_demo(db)
            else:
                setup = SetupDialog(db)
                if setup.exec() != QDialog.DialogCode.Accepted:
                    return 0
        actor = obtain_actor(db, None, args.user)
        if actor is None:
            return 0
        window = build_main_window(db, actor, language)
        window.show()
        return app.exec()
    except ServiceError as exc:
        QMessageBox.critical(None, "Hromada Desk", exc.text(language))
        print(f"Помилка: {exc.text()}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        db.dispose()

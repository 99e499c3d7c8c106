"""Showing refusals and failures to the clerk: the only module of ui/ that opens message boxes
(tests replace these functions with monkeypatch)."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import ServiceError
from app.services.core.progress import Cancelled

log = logging.getLogger(__name__)


def current_language() -> str:
    from ui import i18n

    return i18n.current_language()


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """A service refusal as a warning with its own words; anything else as an unexpected error."""
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, ServiceError):
        QMessageBox.warning(parent, title or _tr("Неможливо виконати"), exc.text(current_language()))
        return
    log.error("unexpected error", exc_info=exc)
    QMessageBox.critical(
        parent,
        title or _tr("Помилка"),
        _tr("Сталася неочікувана помилка; зміни не збережено.") + f"\n\n{type(exc).__name__}: {exc}",
    )


def fatal(parent: QWidget | None, text: str, title: str | None = None) -> None:
    """A failure the program cannot go on after (the database would not open at start)."""
    QMessageBox.critical(parent, title or "Hromada Desk", text)


def info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    QMessageBox.information(parent, title or "Hromada Desk", text)


def confirm(parent: QWidget | None, text: str, title: str | None = None) -> bool:
    answer = QMessageBox.question(parent, title or "Hromada Desk", text)
    return answer == QMessageBox.StandardButton.Yes


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Messages", text)


def status(widget: QWidget, text: str, msecs: int = 10000) -> None:
    """A non-blocking note in the main window's status bar (e.g. "saved to …")."""
    window = widget.window()
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(text, msecs)

"""What every dialog (and page action) shares: the OK/Cancel row and the service call that may be refused.

:func:`call_service` runs one service call. A refusal (:class:`~app.errors.ServiceError`) is
shown with :func:`ui.messages.show_error` and the call returns :data:`FAILED`; otherwise it
returns what the service returned. :func:`accept_after` does the same for a dialog's
``accept()`` and closes the dialog only when the call went through, so a refused form stays
open with everything the clerk typed.

``show_error`` is looked up in :mod:`ui.messages` at call time, so a test that replaces
``ui.messages.show_error`` sees every refusal shown through these helpers.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Final, Literal, TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from app.errors import ServiceError
from ui import messages

T = TypeVar("T")

ErrorTypes = type[BaseException] | tuple[type[BaseException], ...]


class Outcome(enum.Enum):
    FAILED = "failed"


FAILED: Final = Outcome.FAILED
"""Returned by :func:`call_service` when the call raised (and the error was shown)."""


def call_service(parent: QWidget, call: Callable[[], T], *, catch: ErrorTypes = ServiceError
                 ) -> T | Literal[Outcome.FAILED]:
    """``call()``; when it raises ``catch`` (a refusal by default), show it over ``parent`` and return FAILED.

    Pass ``catch=Exception`` where a failure other than a refusal (a file that cannot be written, a
    broken import) must reach the clerk too: :func:`ui.messages.show_error` shows it as unexpected.
    """
    try:
        return call()
    except catch as exc:
        messages.show_error(parent, exc)
        return FAILED


def accept_after(dialog: QDialog, call: Callable[[], object], *, catch: ErrorTypes = ServiceError) -> bool:
    """For a dialog's ``accept()``: run ``call`` and close the dialog as accepted when it went through.

    A refusal is shown and the dialog stays open. True when the dialog was accepted.
    """
    if call_service(dialog, call, catch=catch) is FAILED:
        return False
    QDialog.accept(dialog)  # the base class's: the dialog's own accept() is the caller
    return True


def ok_cancel(dialog: QDialog, ok_text: str | None = None, *, cancel_text: str | None = None) -> QDialogButtonBox:
    """The dialog's OK/Cancel row: OK (object name ``dialog_ok``) accepts, Cancel rejects.

    ``ok_text`` names the action ("Зберегти", "Імпортувати"); None keeps Qt's own "OK".
    """
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    if ok_text is not None:
        ok.setText(ok_text)
    ok.setObjectName("dialog_ok")
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(
        cancel_text if cancel_text is not None else dialog.tr("Скасувати"))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box

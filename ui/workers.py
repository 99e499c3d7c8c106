"""Long work off the GUI thread, with a progress dialog and Cancel.

``run_with_progress`` runs ``fn(progress)`` in QThreadPool; the service reports
through ``progress(done, total, text)``, which raises :class:`Cancelled` once Cancel
was pressed, so the service's transaction rolls back. Workers get ids and plain
values, never sessions or ORM objects.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.services.core.progress import Cancelled, ProgressCallback


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    def __init__(self, fn: Callable[[ProgressCallback], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.cancel_event = threading.Event()
        self.setAutoDelete(False)

    def _progress(self, done: int, total: int, text: str = "") -> None:
        if self.cancel_event.is_set():
            raise Cancelled()
        self.signals.progress.emit(done, total, text)

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread as is
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


def run_with_progress(
    parent: QWidget | None, title: str, fn: Callable[[ProgressCallback], Any], *, label: str = ""
) -> Any:
    """Run ``fn`` in the thread pool while a modal progress dialog shows; return its result.

    Raises what ``fn`` raised (``Cancelled`` when the user pressed Cancel).
    """
    dialog = QProgressDialog(label or title, parent.tr("Скасувати") if parent else "Скасувати", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    job = Job(fn)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def on_progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def on_finished(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def on_failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    job.signals.progress.connect(on_progress)
    job.signals.finished.connect(on_finished)
    job.signals.failed.connect(on_failed)
    dialog.canceled.connect(job.cancel_event.set)
    QThreadPool.globalInstance().start(job)
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")

"""Progress reporting and cancellation for long work (imports, big reports, backups).

Long services take an optional ``progress`` callable ``(done, total, text) -> None``.
The GUI's worker passes one that updates a progress dialog and raises
:class:`Cancelled` when the clerk presses Cancel; since the service runs in one
transaction, a cancelled import leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressCallback = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The user cancelled; the transaction in progress is rolled back."""


def report(progress: ProgressCallback | None, done: int, total: int, text: str = "") -> None:
    if progress is not None:
        progress(done, total, text)

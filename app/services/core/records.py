"""Loading a record for a change, refusing stale saves, retrying a numbered insert: steps every area shares.

Every update service loads the record by id (a clear "not found" if another PC deleted
it) and compares the version the clerk opened with the stored one (optimistic locking:
a stale save is refused, never silently overwritten). SQLAlchemy's ``version_id_col``
(app/db/base.py) still guards the moment between this check and the UPDATE.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import NotFoundError, StaleRecordError


def check_version(obj: object, expected_version: int | None, what: str) -> None:
    """Refuse when the record changed since the clerk opened it (``None`` skips the check)."""
    if expected_version is not None and getattr(obj, "version", None) != expected_version:
        raise StaleRecordError(what)


def get_or_404(s: Session, model: type, record_id: int | None, what_uk: str, what_en: str = "Record") -> Any:
    """The record with this id, or a clear refusal (it may have been deleted on another PC)."""
    obj = s.get(model, record_id) if record_id is not None else None
    if obj is None:
        raise NotFoundError(f"{what_uk} (№{record_id}) не знайдено: можливо, його вже видалено.",
                            f"{what_en} #{record_id} was not found; it may have been deleted.")
    return obj


T = TypeVar("T")


def retry_unique(fn: Callable[[], T], attempts: int = 3) -> T:
    """Run a write that takes the next number; if another PC took it meanwhile, run it again."""
    for attempt in range(attempts):
        try:
            return fn()
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")

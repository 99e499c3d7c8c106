"""How failed sign-ins slow down and lock an account: the council's rule, read by sign-in and by user lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.db.engine import Database
from app.services.core import settings

LOCKOUT_FAILURES = settings.SettingDef(
    "login.lockout_failures", int, 5, "Блокувати вхід після стількох невдалих спроб поспіль",
    "Lock an account after this many failed sign-ins in a row", 3, 20)
LOCKOUT_MINUTES = settings.SettingDef(
    "login.lockout_minutes", int, 15, "На скільки хвилин блокувати вхід",
    "Minutes an account stays locked", 1, 24 * 60)
MAX_DELAY_SECONDS = 30


@dataclass(frozen=True)
class Throttle:
    failures_to_lock: int
    lock_minutes: int

    @classmethod
    def of(cls, db: Database) -> Throttle:
        return cls(settings.get(db, LOCKOUT_FAILURES), settings.get(db, LOCKOUT_MINUTES))

    def wait_after(self, failures: int) -> timedelta:
        """How long an account waits after its ``failures``-th failure in a row."""
        if failures >= self.failures_to_lock:
            return timedelta(minutes=self.lock_minutes)
        return timedelta(seconds=min(2 ** (failures - 1), MAX_DELAY_SECONDS))


def is_locked(failed_logins: int, locked_until: datetime | None, failures_to_lock: int, now: datetime) -> bool:
    """Locked out (not merely waiting a few seconds between attempts)."""
    return failed_logins >= failures_to_lock and locked_until is not None and locked_until > now

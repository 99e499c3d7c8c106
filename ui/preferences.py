"""Per-PC preferences (QSettings), each declared once with its type and default.

Records live in the database; these are window geometry, language and folders.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T")

ORGANIZATION = "Hromada"
APPLICATION = "HromadaDesk"


@dataclass(frozen=True)
class Pref(Generic[T]):
    key: str
    type: type
    default: T


LANGUAGE = Pref("ui/language", str, "uk")
MAIN_GEOMETRY = Pref("ui/main_geometry", bytes, b"")
LAST_EXPORT_DIR = Pref("paths/last_export_dir", str, "")
AUTO_LOGIN_USER = Pref("auth/auto_login_user", str, "")  # open directly as this user (off when empty)...
AUTO_LOGIN_DB = Pref("auth/auto_login_db", str, "")  # ...but only on this database (Database.describe())
LAST_USER = Pref("auth/last_user", str, "")  # pre-filled in the login dialog
DB_URL = Pref("db/url", str, "")  # the database to open when neither --db nor HROMADA_DB says (used at next start)
LAST_DB = Pref("paths/last_db", str, "")


def qsettings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)


def get(pref: Pref[T]) -> T:
    raw: Any = qsettings().value(pref.key, pref.default)
    if raw is None:
        return pref.default
    if pref.type is bytes:
        return bytes(raw) if raw else pref.default  # type: ignore[return-value]
    if pref.type is bool:
        return (raw in (True, "true", "1", 1)) if not isinstance(raw, bool) else raw  # type: ignore[return-value]
    try:
        return pref.type(raw)  # type: ignore[no-any-return]
    except (TypeError, ValueError):
        return pref.default


def put(pref: Pref[T], value: T) -> None:
    qsettings().setValue(pref.key, value)

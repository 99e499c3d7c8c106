"""Which user a CLI command acts as, and where its passwords come from.

``--user NAME`` (or ``HROMADA_USER``) signs in as that user: the password comes from
``HROMADA_PASSWORD`` or, in a terminal, from a hidden prompt; failures count towards the
account's lockout exactly as in the GUI. Without a name, a command on a local SQLite
file acts as the first active administrator — whoever can write that file can change
anything in it anyway, so a password would protect nothing there. On a server database
(PostgreSQL) a user must be named.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable

from app.db.engine import Database
from app.errors import PermissionDeniedError, ValidationError
from app.services.core import login, users
from app.services.core.auth import Actor

USER_ENV = "HROMADA_USER"
PASSWORD_ENV = "HROMADA_PASSWORD"
NEW_PASSWORD_ENV = "HROMADA_NEW_PASSWORD"


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def read_password(prompt: str = "Пароль: ", env: str = PASSWORD_ENV) -> str:
    """The password from ``env`` if set, else from a hidden prompt in a terminal."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not _interactive():
        raise ValidationError(
            f"Потрібен пароль: задайте змінну середовища {env} або запустіть команду в терміналі.",
            f"A password is needed: set {env} or run the command in a terminal.",
        )
    return getpass.getpass(prompt)


def read_new_password(what: str = "Новий пароль") -> tuple[str, str | None]:
    """A new password and its confirmation (``None`` when it came from ``HROMADA_NEW_PASSWORD``)."""
    value = os.environ.get(NEW_PASSWORD_ENV)
    if value is not None:
        return value, None
    if not _interactive():
        raise ValidationError(
            f"Потрібен новий пароль: задайте змінну середовища {NEW_PASSWORD_ENV} або запустіть команду в терміналі.",
            f"A new password is needed: set {NEW_PASSWORD_ENV} or run the command in a terminal.",
        )
    return getpass.getpass(f"{what}: "), getpass.getpass(f"{what} ще раз: ")


def resolve_actor(db: Database, username: str | None, password: Callable[[], str] | None = None) -> Actor:
    """The signed-in named user, or (SQLite file only) the first administrator when none is named."""
    name = username or os.environ.get(USER_ENV)
    if name:
        return login.authenticate(db, name, (password or read_password)())
    if not db.is_sqlite:
        raise PermissionDeniedError(
            "Спільна база даних: вкажіть, від чийого імені діяти — --user ІМ’Я "
            f"(пароль із запиту або змінної {PASSWORD_ENV}).",
            f"Shared database: name the acting user with --user NAME (password from a prompt or {PASSWORD_ENV}).",
        )
    return users.default_admin(db)

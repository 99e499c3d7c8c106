"""Signing in: passwords checked against argon2id hashes, throttling and lockout, own password change.

Each failed attempt makes the account wait before the next one (1, 2, 4, 8 s …); the
``login.lockout_failures``-th failure in a row locks it for ``login.lockout_minutes``
(council settings, 5 and 15 by default). While an account waits, attempts are refused
without looking at the password, so guessing cannot go faster than the delays allow.
A successful sign-in clears the count; an administrator can unlock an account or reset
its password (:mod:`app.services.core.users`). Failures, lockouts and sign-ins are audited.

The wait is kept in ``app_user.locked_until``, so it holds across PCs sharing one
database and across restarts of the program.
"""

from __future__ import annotations

import functools
import math
import secrets
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.core import User
from app.domain.formats import format_datetime, utc_to_local
from app.errors import PermissionDeniedError, ValidationError
from app.services.core import audit, passwords
from app.services.core.auth import Actor, Permission, Role, writes
from app.services.core.lockout import Throttle, is_locked
from app.services.core.users import actor_from_user, find_user


@functools.cache
def _dummy_hash() -> str:
    """A valid hash of a random password: checked when the user does not exist, so a wrong
    user name takes as long to refuse as a wrong password (names cannot be probed by timing)."""
    return passwords.hash_password(secrets.token_hex(16))


class LoginRefused(PermissionDeniedError):
    """A refused sign-in; ``retry_after`` is how many seconds the account must wait (if any)."""

    def __init__(self, message: str, message_en: str | None = None, retry_after: int | None = None) -> None:
        super().__init__(message, message_en)
        self.retry_after = retry_after


def _seconds_left(until: datetime, now: datetime) -> int:
    return max(1, math.ceil((until - now).total_seconds()))


def _wait_message(username: str, until: datetime, now: datetime, locked: bool) -> LoginRefused:
    seconds = _seconds_left(until, now)
    if locked:
        minutes = math.ceil(seconds / 60)
        local = format_datetime(utc_to_local(until))
        return LoginRefused(
            f"Забагато невдалих спроб входу: обліковий запис «{username}» заблоковано до {local} "
            f"(ще {minutes} хв). Зачекайте або попросіть адміністратора розблокувати його.",
            f"Too many failed sign-ins: the account «{username}» is locked until {local} ({minutes} min). "
            "Wait, or ask an administrator to unlock it.",
            retry_after=seconds,
        )
    return LoginRefused(
        f"Зачекайте {seconds} с перед наступною спробою входу.",
        f"Wait {seconds} s before the next sign-in attempt.",
        retry_after=seconds,
    )


def _wrong(retry_after: int | None) -> LoginRefused:
    tail_uk = f" Наступна спроба — через {retry_after} с." if retry_after else ""
    tail_en = f" Next attempt in {retry_after} s." if retry_after else ""
    return LoginRefused(
        "Неправильне ім’я користувача або пароль." + tail_uk,
        "Wrong user name or password." + tail_en,
        retry_after=retry_after,
    )


def _store(s: Session, user: User, **values: object) -> None:
    """Sign-in bookkeeping without bumping the record's ``version``.

    A colleague signing in must not make an administrator's open edit of that user stale,
    so this is a plain UPDATE rather than an ORM change (which would count a new version).
    """
    s.execute(update(User).where(User.id == user.id).values(**values))


def _record_failure(s: Session, user: User, throttle: Throttle, now: datetime, reason: str) -> LoginRefused:
    """Count a failed attempt on ``user`` (inside the caller's transaction) and audit it."""
    failures = (user.failed_logins or 0) + 1
    until = now + throttle.wait_after(failures)
    _store(s, user, failed_logins=failures, locked_until=until)
    locked = failures >= throttle.failures_to_lock
    if locked:
        summary = f"Вхід заблоковано на {throttle.lock_minutes} хв після {failures} невдалих спроб: «{user.username}»"
        result = "locked"
    else:
        summary = f"Невдала спроба входу ({reason}): «{user.username}»"
        result = "failed"
    audit.record(s, actor_from_user(user), audit.Action.LOGIN, "app_user", entity_id=user.id, entity_uuid=user.uuid,
                 changes={"result": result, "failed_logins": failures}, summary=summary)
    if locked:
        return _wait_message(user.username, until, now, locked=True)
    return _wrong(_seconds_left(until, now))


def _record_success(s: Session, user: User, now: datetime, how: str, password_hash: str | None = None) -> Actor:
    values: dict[str, object] = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
    if password_hash:
        values["password_hash"] = password_hash
    _store(s, user, **values)
    actor = actor_from_user(user)
    audit.record(s, actor, audit.Action.LOGIN, "app_user", entity_id=user.id, entity_uuid=user.uuid,
                 changes={"result": "ok"}, summary=f"Вхід ({how}): «{user.username}»")
    return actor


def authenticate(db: Database, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """The actor for ``username`` if ``password`` is right; otherwise :class:`LoginRefused`.

    Every outcome that looked at the password is committed (the failure count and its
    audit event must stay even though the caller gets an exception).
    """
    now = now or utcnow()
    throttle = Throttle.of(db)
    name = username.strip()
    refusal: LoginRefused | None = None
    actor: Actor | None = None
    with db.write() as s:
        user = find_user(s, name, for_update=True)
        if user is None:
            passwords.verify_password(_dummy_hash(), password)
            stranger = Actor(user_id=None, username=(name or "?")[:100], role=Role.VIEWER)
            audit.record(s, stranger, audit.Action.LOGIN, "app_user", changes={"result": "unknown_user"},
                         summary=f"Невдала спроба входу: невідомий користувач «{name[:60]}»")
            refusal = _wrong(None)
        elif user.locked_until is not None and user.locked_until > now:
            locked = user.failed_logins >= throttle.failures_to_lock
            refusal = _wait_message(user.username, user.locked_until, now, locked=locked)
        elif not user.password_hash:
            refusal = LoginRefused(
                f"Для користувача «{user.username}» пароль не встановлено. Адміністратор може задати його "
                f"в Налаштуваннях → Користувачі або командою «hromada user reset {user.username}».",
                f"User «{user.username}» has no password yet; an administrator can set one.",
            )
        elif not passwords.verify_password(user.password_hash, password):
            refusal = _record_failure(s, user, throttle, now, "неправильний пароль")
        elif not user.is_active:
            # Only a holder of the right password learns that the account is disabled.
            audit.record(s, actor_from_user(user), audit.Action.LOGIN, "app_user", entity_id=user.id,
                         entity_uuid=user.uuid, changes={"result": "disabled"},
                         summary=f"Спроба входу вимкненого користувача «{user.username}»")
            refusal = LoginRefused(
                f"Обліковий запис «{user.username}» вимкнено. Зверніться до адміністратора.",
                f"The account «{user.username}» is disabled. Ask an administrator.",
            )
        else:
            rehash = passwords.hash_password(password) if passwords.needs_rehash(user.password_hash) else None
            actor = _record_success(s, user, now, "пароль", rehash)
    if refusal is not None:
        raise refusal
    assert actor is not None
    return actor


def open_as(db: Database, username: str, *, reason: str = "автоматичний вхід на цьому ПК") -> Actor:
    """Sign in without a password, for a PC set to open directly as one named user.

    Refused for a disabled or locked account (a lockout must not be bypassed this way).
    """
    now = utcnow()
    throttle = Throttle.of(db)
    refusal: LoginRefused | None = None
    with db.write() as s:
        user = find_user(s, username, for_update=True)
        if user is None or not user.is_active:
            refusal = LoginRefused(
                f"Користувача «{username}» для автоматичного входу не знайдено або його вимкнено.",
                f"The user «{username}» for automatic sign-in does not exist or is disabled.",
            )
        elif is_locked(user.failed_logins, user.locked_until, throttle.failures_to_lock, now):
            refusal = _wait_message(user.username, user.locked_until, now, locked=True)  # type: ignore[arg-type]
        else:
            return _record_success(s, user, now, reason)
    raise refusal


def try_known_password(db: Database, username: str, password: str) -> Actor | None:
    """Sign in with a published password (the demo's) if it still works; None if it does not.

    A miss is not counted as a failed attempt: the program tries this itself, and the
    password is public anyway.
    """
    now = utcnow()
    with db.write() as s:
        user = find_user(s, username, for_update=True)
        if user is None or not user.is_active or not passwords.verify_password(user.password_hash, password):
            return None
        if user.locked_until is not None and user.locked_until > now:
            return None
        return _record_success(s, user, now, "демонстраційний пароль")


@writes(Permission.VIEW)  # every role may change its own password
def change_own_password(db: Database, actor: Actor, old_password: str, new_password: str,
                        confirm: str | None = None) -> None:
    """The acting user changes their password; the current one must be typed (counts as a sign-in attempt)."""
    passwords.validate_new_password(new_password, confirm)
    if new_password == old_password:
        raise ValidationError("Новий пароль має відрізнятися від поточного.",
                              "The new password must differ from the current one.")
    if actor.user_id is None:
        raise ValidationError("Цей користувач не має облікового запису.", "This actor has no account.")
    now = utcnow()
    throttle = Throttle.of(db)
    new_hash = passwords.hash_password(new_password)
    refusal: LoginRefused | None = None
    with db.write() as s:
        user = s.execute(select(User).where(User.id == actor.user_id).with_for_update()).scalar_one_or_none()
        if user is None or not user.is_active:
            raise PermissionDeniedError("Обліковий запис не знайдено або вимкнено.",
                                        "The account does not exist or is disabled.")
        if user.locked_until is not None and user.locked_until > now:
            refusal = _wait_message(user.username, user.locked_until, now,
                                    locked=user.failed_logins >= throttle.failures_to_lock)
        elif not passwords.verify_password(user.password_hash, old_password):
            _record_failure(s, user, throttle, now, "неправильний поточний пароль при зміні пароля")
            refusal = LoginRefused("Поточний пароль неправильний; пароль не змінено.",
                                   "The current password is wrong; the password was not changed.")
        else:
            user.password_hash = new_hash
            user.failed_logins = 0
            user.locked_until = None
            audit.record(s, actor, audit.Action.UPDATE, "app_user", entity_id=user.id, entity_uuid=user.uuid,
                         changes={"password": ["***", "змінено"]},
                         summary=f"Користувач «{user.username}» змінив свій пароль")
    if refusal is not None:
        raise refusal

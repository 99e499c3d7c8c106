"""Users: looking them up to act on their behalf, and their administration.

Administrators add users, change their role, disable and enable them, unlock them and
reset their passwords (:data:`Permission.MANAGE_USERS`). Users are never deleted:
a disabled user keeps their history in the audit trail and cannot sign in. User names
are fixed once created (the audit trail names people by them). Signing in and changing
one's own password live in :mod:`app.services.core.login`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.core import User
from app.errors import NotFoundError, PermissionDeniedError, ValidationError
from app.services.core import audit, passwords
from app.services.core.auth import Actor, Permission, Role, writes
from app.services.core.lockout import Throttle, is_locked
from app.services.core.records import check_version

USERNAME_RE = re.compile(r"^[^\W_][\w.\-]{1,99}$")
# Columns that change on every sign-in; user-edit audit diffs leave them out.
_LOGIN_COLUMNS = ("password_hash", "failed_logins", "locked_until", "last_login_at")


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    full_name: str
    role: Role
    is_active: bool
    version: int = 0
    voting_point_id: int | None = None
    last_login_at: datetime | None = None
    failed_logins: int = 0
    locked_until: datetime | None = None
    locked: bool = False  # locked out after too many failed sign-ins (not just a short wait)
    has_password: bool = True

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


@dataclass(frozen=True)
class UserData:
    """What an administrator types in for a user; ``username`` is used only when creating."""

    username: str
    full_name: str
    role: Role
    voting_point_id: int | None = None


def actor_from_user(user: User) -> Actor:
    return Actor(
        user_id=user.id,
        username=user.username,
        role=Role(user.role),
        full_name=user.full_name,
        voting_point_id=user.voting_point_id,
    )


def find_user(s: Session, username: str, *, for_update: bool = False) -> User | None:
    """The user with this name (exact, else ignoring letter case), inside the caller's session."""
    stmt = select(User).where(User.username == username)
    if for_update:
        stmt = stmt.with_for_update()
    user = s.execute(stmt).scalar_one_or_none()
    if user is not None or not username:
        return user
    folded = username.casefold()
    for user_id, name in s.execute(select(User.id, User.username)):
        if name.casefold() == folded:
            stmt = select(User).where(User.id == user_id)
            return s.execute(stmt.with_for_update() if for_update else stmt).scalar_one()
    return None


def get_actor(db: Database, username: str) -> Actor:
    """The actor for an existing, active user (refused if disabled). No password is checked."""
    with db.read() as s:
        user = find_user(s, username)
        if user is None:
            raise NotFoundError(f"Користувача «{username}» не знайдено.", f"User «{username}» not found.")
        if not user.is_active:
            raise PermissionDeniedError(f"Користувача «{username}» вимкнено.", f"User «{username}» is disabled.")
        return actor_from_user(user)


def default_admin(db: Database) -> Actor:
    """The first active administrator: who acts when no user is named (single-PC setups)."""
    with db.read() as s:
        user = s.execute(
            select(User).where(User.role == Role.ADMIN.value, User.is_active.is_(True)).order_by(User.id).limit(1)
        ).scalar_one_or_none()
        if user is None:
            raise NotFoundError(
                "У базі немає адміністратора: спершу пройдіть початкове налаштування.",
                "The database has no administrator yet: complete the first-run setup first.",
            )
        return actor_from_user(user)


def _failures_to_lock(db: Database) -> int:
    return Throttle.of(db).failures_to_lock


def _view(user: User, failures_to_lock: int, now: datetime | None = None) -> UserView:
    from app.db.base import utcnow

    now = now or utcnow()

    return UserView(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        is_active=user.is_active,
        version=user.version,
        voting_point_id=user.voting_point_id,
        last_login_at=user.last_login_at,
        failed_logins=user.failed_logins or 0,
        locked_until=user.locked_until,
        locked=is_locked(user.failed_logins or 0, user.locked_until, failures_to_lock, now),
        has_password=bool(user.password_hash),
    )


def list_users(db: Database, *, active_only: bool = False) -> list[UserView]:
    from app.db.base import utcnow

    threshold, now = _failures_to_lock(db), utcnow()
    stmt = select(User).order_by(User.username)
    if active_only:
        stmt = stmt.where(User.is_active.is_(True))
    with db.read() as s:
        return [_view(u, threshold, now) for u in s.execute(stmt).scalars()]


def get_user(db: Database, username: str) -> UserView:
    from app.db.base import utcnow

    threshold = _failures_to_lock(db)
    with db.read() as s:
        user = find_user(s, username)
        if user is None:
            raise NotFoundError(f"Користувача «{username}» не знайдено.", f"User «{username}» not found.")
        return _view(user, threshold, utcnow())


# --- voting points (an operator works at one) -------------------------------------------

def voting_point_choices(db: Database) -> list[tuple[int, str]]:
    """``(id, name)`` of the voting points an operator can be assigned to (the budget area's table,
    reached through the user's foreign key so that core does not import the budget area)."""
    [foreign] = User.__table__.c.voting_point_id.foreign_keys
    table = foreign.column.table
    with db.read() as s:
        return [(pk, str(name)) for pk, name in s.execute(select(table.c.id, table.c.name).order_by(table.c.name))]


# --- administration ---------------------------------------------------------------------

def validate_username(username: str) -> str:
    name = username.strip()
    if not USERNAME_RE.match(name):
        raise ValidationError(
            "Ім’я користувача: від 2 до 100 знаків — літери, цифри, крапка, дефіс чи підкреслення, "
            "без пробілів; починається з літери або цифри.",
            "User name: 2 to 100 letters, digits, dots, hyphens or underscores, no spaces.",
        )
    return name


def _clean(db: Database, data: UserData) -> UserData:
    try:
        role = Role(data.role)
    except ValueError:
        raise ValidationError(f"Невідома роль «{data.role}».", f"Unknown role «{data.role}».") from None
    point = data.voting_point_id if role is Role.OPERATOR else None
    if point is not None:
        choices = dict(voting_point_choices(db))
        if point not in choices:
            raise ValidationError(f"Пункту голосування №{point} немає.", f"There is no voting point №{point}.")
    elif role is Role.OPERATOR and voting_point_choices(db):
        raise ValidationError("Оберіть пункт голосування, на якому працює оператор.",
                              "Choose the voting point where the operator works.")
    return UserData(data.username.strip(), " ".join(data.full_name.split()), role, point)


def _apply(user: User, data: UserData) -> None:
    user.full_name = data.full_name
    user.role = data.role.value
    user.voting_point_id = data.voting_point_id


def _active_admins(s: Session) -> int:
    return s.execute(
        select(func.count(User.id)).where(User.role == Role.ADMIN.value, User.is_active.is_(True))
    ).scalar_one()


def _keep_an_admin(s: Session, user: User) -> None:
    """Refuse a change that would leave no active administrator (nobody could manage users)."""
    if user.role == Role.ADMIN.value and user.is_active and _active_admins(s) <= 1:
        raise ValidationError(
            f"«{user.username}» — єдиний активний адміністратор: спершу призначте іншого.",
            f"«{user.username}» is the only active administrator: appoint another one first.",
        )


def _get(s: Session, user_id: int, *, for_update: bool = True) -> User:
    stmt = select(User).where(User.id == user_id)
    user = s.execute(stmt.with_for_update() if for_update else stmt).scalar_one_or_none()
    if user is None:
        raise NotFoundError("Користувача не знайдено.", "User not found.")
    return user


def _snapshot(user: User) -> dict[str, object]:
    return audit.snapshot(user, exclude=_LOGIN_COLUMNS)


@writes(Permission.MANAGE_USERS)
def create_user(db: Database, actor: Actor, data: UserData, password: str, confirm: str | None = None) -> UserView:
    """Add a user with an initial password (they can change it after signing in)."""
    username = validate_username(data.username)
    clean = _clean(db, data)
    threshold = _failures_to_lock(db)
    passwords.validate_new_password(password, confirm)
    password_hash = passwords.hash_password(password)
    with db.write() as s:
        if find_user(s, username) is not None:
            raise ValidationError(f"Користувач «{username}» вже існує.", f"User «{username}» already exists.")
        user = User(username=username, password_hash=password_hash, is_active=True, failed_logins=0)
        _apply(user, clean)
        s.add(user)
        s.flush()
        audit.record_object(s, actor, audit.Action.CREATE, user, exclude=_LOGIN_COLUMNS,
                            summary=f"Користувач «{username}» ({clean.role.label_uk})")
        return _view(user, threshold)


@writes(Permission.MANAGE_USERS)
def update_user(db: Database, actor: Actor, user_id: int, data: UserData, expected_version: int) -> UserView:
    """Change a user's full name, role and voting point (not the user name)."""
    clean = _clean(db, data)
    threshold = _failures_to_lock(db)
    with db.write() as s:
        user = _get(s, user_id)
        check_version(user, expected_version, "Обліковий запис користувача")
        if clean.role is not Role.ADMIN:
            _keep_an_admin(s, user)
        before = _snapshot(user)
        _apply(user, clean)
        s.flush()
        changes = audit.diff(before, _snapshot(user))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, user, changes=changes,
                                summary=f"Користувач «{user.username}»")
        return _view(user, threshold)


@writes(Permission.MANAGE_USERS)
def set_active(db: Database, actor: Actor, user_id: int, active: bool) -> UserView:
    """Disable (keeps the user's history; they cannot sign in) or enable a user."""
    threshold = _failures_to_lock(db)
    with db.write() as s:
        user = _get(s, user_id)
        if user.is_active == active:
            return _view(user, threshold)
        if not active:
            if user.id == actor.user_id:
                raise ValidationError("Не можна вимкнути себе самого.", "You cannot disable yourself.")
            _keep_an_admin(s, user)
        user.is_active = active
        s.flush()
        word = "увімкнено" if active else "вимкнено"
        audit.record_object(s, actor, audit.Action.UPDATE, user, changes={"is_active": [not active, active]},
                            summary=f"Користувача «{user.username}» {word}")
        return _view(user, threshold)


@writes(Permission.MANAGE_USERS)
def reset_password(db: Database, actor: Actor, user_id: int, new_password: str, confirm: str | None = None) -> None:
    """Give a user a new password (e.g. forgotten); also lifts a lockout."""
    passwords.validate_new_password(new_password, confirm)
    password_hash = passwords.hash_password(new_password)
    with db.write() as s:
        user = _get(s, user_id)
        user.password_hash = password_hash
        user.failed_logins = 0
        user.locked_until = None
        s.flush()
        audit.record_object(s, actor, audit.Action.UPDATE, user, changes={"password": ["***", "скинуто"]},
                            summary=f"Пароль користувача «{user.username}» скинуто")


@writes(Permission.MANAGE_USERS)
def unlock_user(db: Database, actor: Actor, user_id: int) -> None:
    """Lift a lockout after failed sign-ins, keeping the password."""
    with db.write() as s:
        user = _get(s, user_id)
        if not user.failed_logins and user.locked_until is None:
            return
        before = user.failed_logins
        user.failed_logins = 0
        user.locked_until = None
        s.flush()
        audit.record_object(s, actor, audit.Action.UPDATE, user, changes={"failed_logins": [before, 0]},
                            summary=f"Користувача «{user.username}» розблоковано")

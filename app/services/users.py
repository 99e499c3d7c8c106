"""Users as actors: looking them up to act on their behalf.

Login, passwords and user administration build on this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.db.engine import Database
from app.db.models.core import User
from app.services.auth import Actor, Role
from app.services.errors import NotFoundError, PermissionDeniedError


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    full_name: str
    role: Role
    is_active: bool


def actor_from_user(user: User) -> Actor:
    return Actor(
        user_id=user.id,
        username=user.username,
        role=Role(user.role),
        full_name=user.full_name,
        voting_point_id=getattr(user, "voting_point_id", None),
    )


def get_actor(db: Database, username: str) -> Actor:
    """The actor for an existing, active user (refused if disabled)."""
    with db.read() as s:
        user = s.execute(select(User).where(User.username == username)).scalar_one_or_none()
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


def list_users(db: Database) -> list[UserView]:
    with db.read() as s:
        return [
            UserView(u.id, u.username, u.full_name, Role(u.role), u.is_active)
            for u in s.execute(select(User).order_by(User.username)).scalars()
        ]

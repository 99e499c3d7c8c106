"""Which user a CLI command acts as."""

from __future__ import annotations

from app.db.engine import Database
from app.services import users
from app.services.auth import Actor


def resolve_actor(db: Database, username: str | None) -> Actor:
    """The named user, or the first administrator when none is named."""
    if username:
        return users.get_actor(db, username)
    return users.default_admin(db)

"""Who is acting, and what their role allows.

Permissions are enforced here, in the service layer, not only hidden in the GUI:
every write service calls :func:`require` first.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, ParamSpec, TypeVar

from app.domain.enums import TitledEnum
from app.errors import PermissionDeniedError


class Role(TitledEnum):
    ADMIN = "admin", "адміністратор", "administrator"
    CLERK = "clerk", "діловод", "clerk"
    # voting-point operator: ballots and signatures at their own point
    OPERATOR = "operator", "оператор пункту голосування", "voting-point operator"
    VIEWER = "viewer", "перегляд", "viewer"


class Permission(StrEnum):
    VIEW = "view"  # read records, print reports
    VIEW_AUDIT = "view_audit"  # the audit trail (who changed what); not for voting-point operators
    VIEW_INTERNAL = "view_internal"  # internal reports (with applicants' data); not for voting-point operators
    EDIT_RECORDS = "edit_records"  # deputies, sessions, petitions, appeals, budget...
    ENTER_BALLOTS = "enter_ballots"
    ENTER_SIGNATURES = "enter_signatures"
    MANAGE_SETTINGS = "manage_settings"  # council profile and rules
    MANAGE_USERS = "manage_users"
    BACKUP = "backup"  # backups, restore, exchange bundles, database migration
    PUBLISH = "publish"  # open-data pack


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.CLERK: frozenset(
        {
            Permission.VIEW,
            Permission.VIEW_AUDIT,
            Permission.VIEW_INTERNAL,
            Permission.EDIT_RECORDS,
            Permission.ENTER_BALLOTS,
            Permission.ENTER_SIGNATURES,
            Permission.PUBLISH,
        }
    ),
    Role.OPERATOR: frozenset({Permission.VIEW, Permission.ENTER_BALLOTS, Permission.ENTER_SIGNATURES}),
    Role.VIEWER: frozenset({Permission.VIEW, Permission.VIEW_AUDIT, Permission.VIEW_INTERNAL}),
}

PERMISSION_LABELS: dict[Permission, str] = {
    Permission.VIEW: "перегляд записів і звітів",
    Permission.VIEW_AUDIT: "перегляд журналу змін",
    Permission.VIEW_INTERNAL: "службові звіти",
    Permission.EDIT_RECORDS: "зміна записів",
    Permission.ENTER_BALLOTS: "введення бюлетенів",
    Permission.ENTER_SIGNATURES: "введення підписів",
    Permission.MANAGE_SETTINGS: "зміна налаштувань ради",
    Permission.MANAGE_USERS: "керування користувачами",
    Permission.BACKUP: "резервні копії та відновлення",
    Permission.PUBLISH: "публікація відкритих даних",
}


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf a service acts; audit events name them."""

    user_id: int | None
    username: str
    role: Role
    full_name: str = ""
    voting_point_id: int | None = None  # operators work at one voting point

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


SYSTEM_ACTOR = Actor(user_id=None, username="system", role=Role.ADMIN, full_name="Hromada Desk")


def require(actor: Actor, permission: Permission) -> None:
    """Refuse with a clear message unless the actor's role grants ``permission``."""
    if not actor.can(permission):
        raise PermissionDeniedError(
            f"Користувач «{actor.username}» ({actor.role.label_uk}) не має права: "
            f"{PERMISSION_LABELS[permission]}.",
            f"User «{actor.username}» ({actor.role.label_en}) is not allowed to: {permission.value}.",
        )


def require_voting_point(actor: Actor, voting_point_id: int | None) -> None:
    """Voting-point operators act only at their own voting point; other roles anywhere.

    Call it in ballot and signature services once the record's voting point is known
    (or declare the argument with ``@writes(..., voting_point="voting_point_id")``).
    """
    if actor.role is not Role.OPERATOR:
        return
    if actor.voting_point_id is None:
        raise PermissionDeniedError(
            f"Оператора «{actor.username}» не прив’язано до пункту голосування: "
            "адміністратор має вказати його пункт у Налаштуваннях → Користувачі.",
            f"Operator «{actor.username}» has no voting point: an administrator must assign one.",
        )
    if voting_point_id != actor.voting_point_id:
        raise PermissionDeniedError(
            f"Оператор «{actor.username}» може вводити дані лише на своєму пункті голосування.",
            f"Operator «{actor.username}» may enter data only at their own voting point.",
        )


# --- the registry of write services -------------------------------------------------

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class WriteService:
    """A service function that changes records, with the permission it needs."""

    func: Callable[..., Any]  # the checked (decorated) function
    permission: Permission
    voting_point: bool | str = False

    @property
    def name(self) -> str:
        return f"{self.func.__module__}:{self.func.__qualname__}"


# "module:qualname" -> WriteService, filled at import time by @writes.
WRITE_SERVICES: dict[str, WriteService] = {}


def writes(permission: Permission, *, voting_point: bool | str = False) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare a write service: refuse before the body runs unless the actor may ``permission``.

    The function must have a parameter named ``actor``. It is recorded in
    :data:`WRITE_SERVICES`, so ``tests/services/test_permissions.py`` calls every write of
    the app as each role. ``voting_point=True`` additionally refuses an operator who has no
    voting point; ``voting_point="arg_name"`` also refuses an operator whose voting point
    differs from that argument (see :func:`require_voting_point`)::

        @writes(Permission.ENTER_BALLOTS, voting_point="voting_point_id")
        def enter_ballot(db, actor, voting_point_id, ...): ...
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(func)
        params = list(signature.parameters)
        if "actor" not in params:
            raise TypeError(f"@writes: {func.__qualname__} has no parameter named 'actor'")
        if isinstance(voting_point, str) and voting_point not in params:
            raise TypeError(f"@writes: {func.__qualname__} has no parameter named {voting_point!r}")
        actor_index = params.index("actor")
        point_index = params.index(voting_point) if isinstance(voting_point, str) else -1
        point_default = signature.parameters[voting_point].default if isinstance(voting_point, str) else None
        if point_default is inspect.Parameter.empty:
            point_default = None

        @functools.wraps(func)
        def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            actor = kwargs["actor"] if "actor" in kwargs else args[actor_index] if len(args) > actor_index else None
            if not isinstance(actor, Actor):
                raise TypeError(f"{func.__qualname__}: 'actor' must be an Actor, not {type(actor).__name__}")
            require(actor, permission)
            if isinstance(voting_point, str):
                point = kwargs[voting_point] if voting_point in kwargs else (
                    args[point_index] if len(args) > point_index else point_default)
                require_voting_point(actor, point)  # type: ignore[arg-type]
            elif voting_point:
                require_voting_point(actor, actor.voting_point_id)
            return func(*args, **kwargs)

        checked.__hromada_write__ = permission  # type: ignore[attr-defined]
        entry = WriteService(checked, permission, voting_point)
        WRITE_SERVICES[entry.name] = entry
        return checked

    return decorate


def reads(func: Callable[P, R]) -> Callable[P, R]:
    """Mark a function that takes an ``actor`` but changes nothing (e.g. filters by the actor's point).

    The permissions test treats every other public service function with an ``actor``
    parameter as a write that must be declared with :func:`writes` or call :func:`require`.
    """
    func.__hromada_read__ = True  # type: ignore[attr-defined]
    return func

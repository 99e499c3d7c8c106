"""Who is acting, and what their role allows.

Permissions are enforced here, in the service layer, not only hidden in the GUI:
every write service calls :func:`require` first.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.services.errors import PermissionDeniedError


class Role(StrEnum):
    ADMIN = "admin"
    CLERK = "clerk"
    OPERATOR = "operator"  # voting-point operator: ballots and signatures at their own point
    VIEWER = "viewer"

    @property
    def label_uk(self) -> str:
        return ROLE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return ROLE_LABELS[self][1]


ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.ADMIN: ("адміністратор", "administrator"),
    Role.CLERK: ("діловод", "clerk"),
    Role.OPERATOR: ("оператор пункту голосування", "voting-point operator"),
    Role.VIEWER: ("перегляд", "viewer"),
}


class Permission(StrEnum):
    VIEW = "view"  # read records, print reports
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
            Permission.EDIT_RECORDS,
            Permission.ENTER_BALLOTS,
            Permission.ENTER_SIGNATURES,
            Permission.PUBLISH,
        }
    ),
    Role.OPERATOR: frozenset({Permission.VIEW, Permission.ENTER_BALLOTS, Permission.ENTER_SIGNATURES}),
    Role.VIEWER: frozenset({Permission.VIEW}),
}

PERMISSION_LABELS: dict[Permission, str] = {
    Permission.VIEW: "перегляд записів і звітів",
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

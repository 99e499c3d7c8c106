"""Permissions are enforced in the services: every write service of the app, called as each role.

Write services are discovered, not listed by hand, so areas landing later are covered too:

* functions declared with ``@writes(Permission.X)`` (``app.services.core.auth.WRITE_SERVICES``);
* any other public function in ``app/services`` with an ``actor`` parameter: its permission is
  read from its first ``require(actor, Permission.X)`` call (directly or through a module helper
  such as ``require_edit(actor)``). One with neither is reported as undeclared.

Each is called with the real ``db`` and an actor of each role; every other required argument
is a :class:`Junk` that raises :class:`Touched` when used. A refused role must get
``PermissionDeniedError`` *before* the service looks at its input, and nothing may be written;
an allowed role must get past the permission check (whatever the junk input then causes).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

import app.services
from app.db.base import Base
from app.db.engine import Database
from app.db.models.core import User
from app.errors import PermissionDeniedError
from app.services.core import auth
from app.services.core.auth import ROLE_PERMISSIONS, Actor, Permission, Role, require_voting_point, writes

# Functions with an ``actor`` that are not write services of their own.
NOT_SERVICES = {
    "app.services.core.auth",  # the rules themselves (require, require_voting_point)
    "app.cli.auth",  # resolves the actor itself
    "app.demo",  # builds the demo through the real services
}
# Rules stricter than the permission alone, stated by the service (a role the permission
# allows is refused on purpose). Keep each with its reason.
EXTRA_REFUSALS: dict[str, set[Role]] = {
    # Online votes are imported by council staff, not at a voting point.
    "app.services.budget.ballots:merge_online_votes": {Role.OPERATOR},
}
READ_PREFIXES = ("get_", "list_", "find_", "count_", "can_", "is_", "search_", "describe_")
OPERATOR_POINT = 1


class Touched(Exception):
    """A service used one of the placeholder arguments: it got past its permission check."""


class Junk:
    """A placeholder argument that refuses to be used in any way."""

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "_name", name)

    def __repr__(self) -> str:
        return f"<junk {object.__getattribute__(self, '_name')}>"

    def _touch(self, *_args: Any, **_kwargs: Any) -> Any:
        raise Touched(object.__getattribute__(self, "_name"))

    __getattr__ = __setattr__ = __call__ = __iter__ = __len__ = __bool__ = __int__ = __index__ = _touch
    __float__ = __str__ = __format__ = __getitem__ = __contains__ = __hash__ = _touch
    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __add__ = __radd__ = __sub__ = __mul__ = _touch


@dataclass(frozen=True)
class Service:
    name: str
    func: Callable[..., Any]
    permission: Permission
    how: str  # "@writes" or "require()"
    voting_point: bool | str = False


# --- discovery -------------------------------------------------------------------------

def _service_modules() -> list[Any]:
    modules = []
    for info in pkgutil.walk_packages(app.services.__path__, "app.services."):
        modules.append(importlib.import_module(info.name))
    return modules


def _ordered_calls(node: ast.AST) -> list[ast.Call]:
    calls = [n for n in ast.walk(node) if isinstance(n, ast.Call)]
    return sorted(calls, key=lambda c: (c.lineno, c.col_offset))


def _permission_arg(arg: ast.expr, module: Any) -> Permission | None:
    if isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name) and arg.value.id == "Permission":
        return Permission[arg.attr]
    if isinstance(arg, ast.Name):
        value = getattr(module, arg.id, None)
        return value if isinstance(value, Permission) else None
    return None


def _callee(call: ast.Call, module: Any) -> Any:
    """The object a call refers to: ``helper(...)`` or ``other_module.helper(...)`` in ``module``'s globals."""
    if isinstance(call.func, ast.Name):
        return getattr(module, call.func.id, None)
    if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name):
        owner = getattr(module, call.func.value.id, None)
        return getattr(owner, call.func.attr, None) if inspect.ismodule(owner) else None
    return None


def _first_require(func: Callable[..., Any], depth: int = 0) -> Permission | None:
    """The permission of the first ``require(…, Permission.X)`` the function makes, directly or through
    another service function (``require_edit(actor)``, ``settings.set_values(db, actor, …)``)."""
    if getattr(func, "__hromada_write__", None) is not None:
        return func.__hromada_write__  # type: ignore[attr-defined, no-any-return]
    module = sys.modules[func.__module__]
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(inspect.unwrap(func))))
    except (OSError, TypeError):
        return None
    for call in _ordered_calls(tree):
        target = _callee(call, module)
        if target is auth.require and len(call.args) >= 2:
            found = _permission_arg(call.args[1], module)
            if found is not None:
                return found
        elif (depth < 3 and inspect.isfunction(target) and target is not func
              and target.__module__.startswith("app.services.") and target.__module__ != "app.services.core.auth"):
            found = _first_require(target, depth + 1)
            if found is not None:
                return found
    return None


def discover() -> tuple[list[Service], list[str]]:
    """Every write service, and the names of public functions with an ``actor`` that declare nothing."""
    services: dict[str, Service] = {}
    undeclared: list[str] = []
    for module in _service_modules():
        if module.__name__ in NOT_SERVICES or module.__name__.endswith("_demo"):
            continue
        for name, obj in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(obj) or obj.__module__ != module.__name__:
                continue
            params = list(inspect.signature(obj).parameters)
            if "actor" not in params or getattr(obj, "__hromada_read__", False):
                continue
            qualified = f"{module.__name__}:{name}"
            declared = getattr(obj, "__hromada_write__", None)
            if declared is not None:
                entry = auth.WRITE_SERVICES[qualified]
                services[qualified] = Service(qualified, obj, declared, "@writes", entry.voting_point)
                continue
            if params[0] in ("s", "session", "conn"):
                continue  # a helper inside the caller's transaction; the caller checks
            found = _first_require(obj)
            if found is not None:
                services[qualified] = Service(qualified, obj, found, "require()")
            elif not name.startswith(READ_PREFIXES):
                undeclared.append(qualified)
    return sorted(services.values(), key=lambda s: s.name), sorted(undeclared)


SERVICES, UNDECLARED = discover()


# --- calling ---------------------------------------------------------------------------

def _call(service: Service, db: Database, actor: Actor) -> BaseException | None:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for name, param in inspect.signature(service.func).parameters.items():
        if name == "actor":
            value: Any = actor
        elif name == "db":
            value = db
        elif name == service.voting_point:
            value = OPERATOR_POINT
        elif param.default is not param.empty or param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        else:
            value = Junk(name)
        if param.kind is param.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[name] = value
    try:
        service.func(*args, **kwargs)
    except BaseException as exc:  # noqa: BLE001 - the outcome is what we inspect
        return exc
    return None


def _row_counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {t.name: s.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables}


@pytest.fixture
def actors(council_db: tuple[Database, Actor]) -> dict[Role, Actor]:
    """One real user per role (the operator works at voting point 1)."""
    db, admin = council_db
    result = {Role.ADMIN: admin}
    with db.write() as s:
        for role in (Role.CLERK, Role.OPERATOR, Role.VIEWER):
            user = User(username=f"as-{role.value}", full_name="", role=role.value, is_active=True, failed_logins=0)
            s.add(user)
            s.flush()
            point = OPERATOR_POINT if role is Role.OPERATOR else None
            result[role] = Actor(user.id, user.username, role, voting_point_id=point)
    return result


@pytest.mark.parametrize("service", SERVICES, ids=[s.name.removeprefix("app.services.") for s in SERVICES])
def test_write_service_refuses_roles_without_permission(
    service: Service, council_db: tuple[Database, Actor], actors: dict[Role, Actor]
) -> None:
    db, _ = council_db
    problems = []
    for role in Role:
        allowed = service.permission in ROLE_PERMISSIONS[role] and role not in EXTRA_REFUSALS.get(service.name, ())
        before = _row_counts(db) if not allowed else None
        outcome = _call(service, db, actors[role])
        if allowed:
            if isinstance(outcome, PermissionDeniedError):
                problems.append(f"{role.value}: refused although its role may «{service.permission}»: {outcome}")
        elif isinstance(outcome, Touched):
            problems.append(f"{role.value}: used its input ({outcome}) before refusing; check the permission first")
        elif not isinstance(outcome, PermissionDeniedError):
            problems.append(f"{role.value}: not refused (got {type(outcome).__name__}: {outcome})")
        elif _row_counts(db) != before:
            problems.append(f"{role.value}: refused, but something was written")
    assert not problems, f"{service.name} ({service.how} {service.permission}):\n" + "\n".join(problems)


def test_every_function_taking_an_actor_declares_its_permission() -> None:
    assert not UNDECLARED, (
        "These service functions take an actor but neither use @writes(Permission.X) nor call "
        "require(actor, Permission.X); declare the permission (or mark a read with @auth.reads): "
        + ", ".join(UNDECLARED))


def test_discovery_covers_the_foundation_and_this_area() -> None:
    names = {s.name for s in SERVICES}
    assert {
        "app.services.core.council:update_profile",
        "app.services.core.settings:set_values",
        "app.services.core.users:create_user",
        "app.services.core.users:update_user",
        "app.services.core.users:set_active",
        "app.services.core.users:reset_password",
        "app.services.core.users:unlock_user",
        "app.services.core.login:change_own_password",
        "app.services.safety.dbcopy:copy_database",
    } <= names
    by_name = {s.name: s for s in SERVICES}
    assert by_name["app.services.core.council:update_profile"].permission is Permission.MANAGE_SETTINGS
    assert by_name["app.services.core.users:create_user"].how == "@writes"


# --- the rules themselves --------------------------------------------------------------

def test_role_matrix() -> None:
    assert ROLE_PERMISSIONS[Role.ADMIN] == frozenset(Permission)
    assert ROLE_PERMISSIONS[Role.VIEWER] == {Permission.VIEW, Permission.VIEW_AUDIT, Permission.VIEW_INTERNAL}
    assert ROLE_PERMISSIONS[Role.OPERATOR] == {Permission.VIEW, Permission.ENTER_BALLOTS, Permission.ENTER_SIGNATURES}
    clerk = ROLE_PERMISSIONS[Role.CLERK]
    assert Permission.EDIT_RECORDS in clerk and Permission.MANAGE_USERS not in clerk and Permission.BACKUP not in clerk


def _actor(role: Role, point: int | None = None) -> Actor:
    return Actor(user_id=None, username=f"u-{role.value}", role=role, voting_point_id=point)


def test_voting_point_rule() -> None:
    require_voting_point(_actor(Role.CLERK), 7)  # clerks and administrators work anywhere
    require_voting_point(_actor(Role.ADMIN), None)
    require_voting_point(_actor(Role.OPERATOR, 3), 3)
    with pytest.raises(PermissionDeniedError, match="лише на своєму пункті"):
        require_voting_point(_actor(Role.OPERATOR, 3), 4)
    with pytest.raises(PermissionDeniedError, match="не прив’язано"):
        require_voting_point(_actor(Role.OPERATOR), 3)


def test_writes_decorator_checks_before_the_body_and_registers() -> None:
    calls = []

    @writes(Permission.ENTER_BALLOTS, voting_point="point_id")
    def enter(db: object, actor: Actor, point_id: int, text: str = "") -> str:
        calls.append(point_id)
        return "ok"

    key = f"{enter.__module__}:{enter.__qualname__}"
    try:
        assert auth.WRITE_SERVICES[key].permission is Permission.ENTER_BALLOTS
        assert enter(None, _actor(Role.OPERATOR, 2), 2) == "ok"
        assert enter(None, actor=_actor(Role.CLERK), point_id=9) == "ok"
        with pytest.raises(PermissionDeniedError, match="лише на своєму пункті"):
            enter(None, _actor(Role.OPERATOR, 2), point_id=5)
        with pytest.raises(PermissionDeniedError, match="введення бюлетенів"):
            enter(None, _actor(Role.VIEWER), 2)
        with pytest.raises(TypeError, match="Actor"):
            enter(None, "admin", 2)
        assert calls == [2, 9]
        assert inspect.signature(enter).parameters["point_id"].annotation in (int, "int")
    finally:
        del auth.WRITE_SERVICES[key]


def test_writes_needs_an_actor_parameter() -> None:
    with pytest.raises(TypeError, match="actor"):
        writes(Permission.VIEW)(lambda db: None)
    with pytest.raises(TypeError, match="nowhere"):
        writes(Permission.VIEW, voting_point="nowhere")(lambda db, actor: None)

"""User administration: add, edit, disable/enable, reset, unlock — and the rules that keep an administrator."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from argon2 import Type as Argon2Type

from app.db.engine import Database
from app.errors import NotFoundError, PermissionDeniedError, StaleRecordError, ValidationError
from app.services.core import audit, login, passwords, users
from app.services.core.auth import Actor, Role

Council = tuple[Database, Actor]


def _add(db: Database, admin: Actor, name: str, role: Role = Role.CLERK, password: str = "parol-123",
         full_name: str = "") -> users.UserView:
    return users.create_user(db, admin, users.UserData(name, full_name, role), password)


def test_production_hasher_is_argon2id() -> None:
    # Tests run with the cheapest argon2id parameters (conftest); the program uses the library's defaults.
    stored = PasswordHasher().hash("x" * 8)
    assert stored.startswith("$argon2id$")
    assert PasswordHasher().type is Argon2Type.ID
    assert passwords.verify_password(stored, "x" * 8)


def test_create_user_stores_an_argon2id_hash_and_audits_without_it(council_db: Council) -> None:
    db, admin = council_db
    view = _add(db, admin, "sekretar", full_name="  Ганна   Коваленко ")
    assert view.username == "sekretar" and view.full_name == "Ганна Коваленко" and view.role is Role.CLERK
    assert view.is_active and view.has_password and not view.locked
    actor = login.authenticate(db, "sekretar", "parol-123")
    assert actor.user_id == view.id and actor.role is Role.CLERK
    event = audit.list_events(db, audit.AuditFilter(entity_type="app_user"))[-1]
    assert event.username == admin.username
    assert "password_hash" not in event.changes and "parol" not in str(event.changes)
    assert audit.verify_chain(db).ok


@pytest.mark.parametrize("name", ["", "a", "два слова", "-dash", "x" * 101, "ім'я"])
def test_bad_usernames_are_refused(council_db: Council, name: str) -> None:
    db, admin = council_db
    with pytest.raises(ValidationError, match="Ім’я користувача"):
        _add(db, admin, name)


def test_cyrillic_username_and_case_insensitive_uniqueness(council_db: Council) -> None:
    db, admin = council_db
    _add(db, admin, "Олена.Ш")
    with pytest.raises(ValidationError, match="вже існує"):
        _add(db, admin, "олена.ш")
    assert login.authenticate(db, "ОЛЕНА.Ш", "parol-123").username == "Олена.Ш"


def test_short_password_refused(council_db: Council) -> None:
    db, admin = council_db
    with pytest.raises(ValidationError, match="щонайменше 6"):
        _add(db, admin, "kasyr", password="12345")
    assert [u.username for u in users.list_users(db)] == ["admin"]


def test_only_administrators_manage_users(council_db: Council) -> None:
    db, admin = council_db
    _add(db, admin, "sekretar")
    clerk = login.authenticate(db, "sekretar", "parol-123")
    before = audit.event_count(db)
    with pytest.raises(PermissionDeniedError, match="керування користувачами"):
        _add(db, clerk, "intruder")
    with pytest.raises(PermissionDeniedError):
        users.reset_password(db, clerk, admin.user_id, "hacked-1")
    assert audit.event_count(db) == before


def test_update_role_and_stale_version(council_db: Council) -> None:
    db, admin = council_db
    view = _add(db, admin, "kasyr")
    saved = users.update_user(db, admin, view.id, users.UserData("ignored", "Петро Касир", Role.VIEWER), view.version)
    assert saved.role is Role.VIEWER and saved.username == "kasyr" and saved.full_name == "Петро Касир"
    with pytest.raises(StaleRecordError):
        users.update_user(db, admin, view.id, users.UserData("kasyr", "x", Role.CLERK), view.version)
    event = audit.list_events(db, audit.AuditFilter(entity_type="app_user"))[0]
    assert event.changes["role"] == ["clerk", "viewer"]


def test_signing_in_does_not_make_an_open_edit_stale(council_db: Council) -> None:
    db, admin = council_db
    view = _add(db, admin, "kasyr")
    login.authenticate(db, "kasyr", "parol-123")
    with pytest.raises(login.LoginRefused):
        login.authenticate(db, "kasyr", "wrong-password")
    users.update_user(db, admin, view.id, users.UserData("kasyr", "Петро", Role.CLERK), view.version)


def test_the_last_administrator_stays(council_db: Council) -> None:
    db, admin = council_db
    with pytest.raises(ValidationError, match="єдиний активний адміністратор"):
        users.update_user(db, admin, admin.user_id, users.UserData("admin", "", Role.CLERK),
                          users.get_user(db, "admin").version)
    second = _add(db, admin, "admin2", Role.ADMIN)
    with pytest.raises(ValidationError, match="себе"):
        users.set_active(db, admin, admin.user_id, False)
    deputy_admin = login.authenticate(db, "admin2", "parol-123")
    users.set_active(db, deputy_admin, admin.user_id, False)  # two admins: one may disable the other
    with pytest.raises(ValidationError, match="себе"):
        users.set_active(db, deputy_admin, second.id, False)


def test_disabled_user_keeps_history_and_cannot_sign_in(council_db: Council) -> None:
    db, admin = council_db
    view = _add(db, admin, "sekretar")
    clerk = login.authenticate(db, "sekretar", "parol-123")
    login.change_own_password(db, clerk, "parol-123", "novyi-parol")
    users.set_active(db, admin, view.id, False)

    assert not users.get_user(db, "sekretar").is_active
    assert audit.list_events(db, audit.AuditFilter(username="sekretar"))  # history kept
    with pytest.raises(login.LoginRefused, match="вимкнено"):
        login.authenticate(db, "sekretar", "novyi-parol")
    with pytest.raises(login.LoginRefused, match="Неправильне"):  # a wrong password reveals nothing more
        login.authenticate(db, "sekretar", "guess-guess")
    with pytest.raises(PermissionDeniedError):
        users.get_actor(db, "sekretar")
    users.set_active(db, admin, view.id, True)
    assert login.authenticate(db, "sekretar", "novyi-parol", now=_later(db, "sekretar")).username == "sekretar"


def test_reset_password_lifts_lockout(council_db: Council) -> None:
    db, admin = council_db
    view = _add(db, admin, "sekretar")
    for _ in range(5):
        with pytest.raises(login.LoginRefused):
            login.authenticate(db, "sekretar", "wrong-one", now=_later(db, "sekretar"))
    assert users.get_user(db, "sekretar").locked
    users.reset_password(db, admin, view.id, "svizhyi-parol", "svizhyi-parol")
    assert not users.get_user(db, "sekretar").locked
    assert login.authenticate(db, "sekretar", "svizhyi-parol").username == "sekretar"
    events = audit.list_events(db, audit.AuditFilter(entity_type="app_user"))
    assert any("скинуто" in e.summary for e in events)


def test_unlock_keeps_password(council_db: Council) -> None:
    db, admin = council_db
    view = _add(db, admin, "sekretar")
    for _ in range(5):
        with pytest.raises(login.LoginRefused):
            login.authenticate(db, "sekretar", "wrong-one", now=_later(db, "sekretar"))
    users.unlock_user(db, admin, view.id)
    assert login.authenticate(db, "sekretar", "parol-123").username == "sekretar"


def test_unknown_user(council_db: Council) -> None:
    db, admin = council_db
    with pytest.raises(NotFoundError):
        users.get_user(db, "nobody")
    with pytest.raises(NotFoundError):
        users.set_active(db, admin, 999, False)


def test_operator_voting_point(council_db: Council) -> None:
    db, admin = council_db
    with pytest.raises(ValidationError, match="№42"):
        users.create_user(db, admin, users.UserData("op", "", Role.OPERATOR, 42), "parol-123")
    point_id = _make_point(db, admin)
    view = users.create_user(db, admin, users.UserData("op", "", Role.OPERATOR, point_id), "parol-123")
    assert view.voting_point_id == point_id
    assert login.authenticate(db, "op", "parol-123").voting_point_id == point_id
    with pytest.raises(ValidationError, match="пункт голосування"):
        users.update_user(db, admin, view.id, users.UserData("op", "", Role.OPERATOR, None), view.version)
    clerk = users.update_user(db, admin, view.id, users.UserData("op", "", Role.CLERK, point_id), view.version)
    assert clerk.voting_point_id is None  # only operators are tied to a point
    assert (point_id, "Бібліотека") in users.voting_point_choices(db)


def _make_point(db: Database, admin: Actor) -> int:
    from app.services import budget

    return budget.add_point(db, admin, "Бібліотека", "вул. Шкільна, 2").id


def _later(db: Database, username: str):  # noqa: ANN202 - datetime
    """A moment after the account's current wait, so each attempt counts (no real sleeping)."""
    from datetime import timedelta

    from app.db.base import utcnow

    until = users.get_user(db, username).locked_until
    return max(utcnow(), until + timedelta(seconds=1)) if until else utcnow()

"""Signing in: growing delays, lockout, audit of failures, own password change, automatic sign-in."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.db.base import utcnow
from app.db.engine import Database
from app.errors import PermissionDeniedError, ValidationError
from app.services.core import audit, lockout, login, settings, users
from app.services.core.auth import Actor, Role

Council = tuple[Database, Actor]
PASSWORD = "parol-123"


@pytest.fixture
def clerk(council_db: Council) -> users.UserView:
    db, admin = council_db
    return users.create_user(db, admin, users.UserData("sekretar", "Ганна", Role.CLERK), PASSWORD)


def _fail(db: Database, now: datetime, password: str = "wrong-pass") -> login.LoginRefused:
    with pytest.raises(login.LoginRefused) as info:
        login.authenticate(db, "sekretar", password, now=now)
    return info.value


def _lock(db: Database) -> datetime:
    """Five failures in a row, each after the previous wait; returns the moment the account locked."""
    now = utcnow()
    for _ in range(4):
        now += timedelta(seconds=_fail(db, now).retry_after or 0)
    _fail(db, now)
    return now


def test_success_records_the_sign_in(council_db: Council, clerk: users.UserView) -> None:
    db, _ = council_db
    actor = login.authenticate(db, " sekretar ", PASSWORD)
    assert actor.username == "sekretar" and actor.role is Role.CLERK and actor.full_name == "Ганна"
    assert users.get_user(db, "sekretar").last_login_at is not None
    event = audit.list_events(db, audit.AuditFilter(username="sekretar"))[0]
    assert event.action == audit.Action.LOGIN and event.changes == {"result": "ok"}


def test_delays_grow_then_the_account_locks(council_db: Council, clerk: users.UserView) -> None:
    db, _ = council_db
    start = utcnow()
    waits = []
    now = start
    for _ in range(4):
        refusal = _fail(db, now)
        assert "Неправильне ім’я користувача або пароль" in refusal.message
        waits.append(refusal.retry_after)
        now = now + timedelta(seconds=refusal.retry_after)
    assert waits == [1, 2, 4, 8]
    # Trying before the wait is over is refused without looking at the password — even the right one.
    early = _fail(db, now - timedelta(milliseconds=500), PASSWORD)
    assert "Зачекайте" in early.message
    assert users.get_user(db, "sekretar").failed_logins == 4

    locked = _fail(db, now)  # the fifth failure in a row
    assert "заблоковано" in locked.message and locked.retry_after == 15 * 60
    assert users.get_user(db, "sekretar").locked
    during = _fail(db, now + timedelta(minutes=14), PASSWORD)
    assert "заблоковано" in during.message
    # After the lockout the right password works and clears the count.
    assert login.authenticate(db, "sekretar", PASSWORD, now=now + timedelta(minutes=15, seconds=1))
    view = users.get_user(db, "sekretar")
    assert view.failed_logins == 0 and view.locked_until is None and not view.locked


def test_failures_and_lockout_are_audited(council_db: Council, clerk: users.UserView) -> None:
    db, _ = council_db
    _lock(db)
    events = audit.list_events(db, audit.AuditFilter(username="sekretar"))
    results = [e.changes["result"] for e in reversed(events) if e.action == audit.Action.LOGIN]
    assert results == ["failed"] * 4 + ["locked"]
    assert "заблоковано на 15 хв" in events[0].summary.lower()
    assert audit.verify_chain(db).ok


def test_unknown_user_is_audited_and_answered_like_a_wrong_password(council_db: Council) -> None:
    db, _ = council_db
    with pytest.raises(login.LoginRefused) as info:
        login.authenticate(db, "hacker", "whatever")
    assert info.value.message == "Неправильне ім’я користувача або пароль."
    event = audit.list_events(db, audit.AuditFilter(username="hacker"))[0]
    assert event.changes == {"result": "unknown_user"} and event.entity_id is None


def test_lockout_settings_are_council_rules(council_db: Council, clerk: users.UserView) -> None:
    db, admin = council_db
    settings.set_values(db, admin, {lockout.LOCKOUT_FAILURES: 3, lockout.LOCKOUT_MINUTES: 60})
    now = utcnow()
    for _ in range(2):
        now += timedelta(seconds=_fail(db, now).retry_after or 0)
    assert _fail(db, now).retry_after == 60 * 60


def test_lock_holds_across_pcs(council_db: Council, clerk: users.UserView) -> None:
    """The count lives in the database: a second PC (another engine on the same database) sees the lock."""
    db, _ = council_db
    now = _lock(db)
    from app.db.engine import open_database

    other_pc = open_database(db.url.render_as_string(hide_password=False))
    try:
        with pytest.raises(login.LoginRefused, match="заблоковано"):
            login.authenticate(other_pc, "sekretar", PASSWORD, now=now + timedelta(minutes=1))
    finally:
        other_pc.dispose()


def test_user_without_password_is_told_how_to_get_one(council_db: Council) -> None:
    db, admin = council_db  # the fixture's admin was set up without a password
    with pytest.raises(login.LoginRefused, match="пароль не встановлено"):
        login.authenticate(db, "admin", "")


def test_change_own_password(council_db: Council, clerk: users.UserView) -> None:
    db, _ = council_db
    actor = login.authenticate(db, "sekretar", PASSWORD)
    with pytest.raises(ValidationError, match="не збігаються"):
        login.change_own_password(db, actor, PASSWORD, "novyi-parol", "inshyi-parol")
    with pytest.raises(ValidationError, match="відрізнятися"):
        login.change_own_password(db, actor, PASSWORD, PASSWORD)
    with pytest.raises(login.LoginRefused, match="Поточний пароль неправильний"):
        login.change_own_password(db, actor, "not-mine", "novyi-parol")
    assert users.get_user(db, "sekretar").failed_logins == 1  # guessing through this door counts too
    with pytest.raises(login.LoginRefused, match="Зачекайте"):
        login.change_own_password(db, actor, PASSWORD, "novyi-parol")
    db_view = users.get_user(db, "sekretar")
    users.unlock_user(db, council_db[1], db_view.id)
    login.change_own_password(db, actor, PASSWORD, "novyi-parol", "novyi-parol")
    with pytest.raises(login.LoginRefused):
        login.authenticate(db, "sekretar", PASSWORD)
    assert login.authenticate(db, "sekretar", "novyi-parol", now=utcnow() + timedelta(seconds=2))
    event = [e for e in audit.list_events(db, audit.AuditFilter(username="sekretar")) if e.action == "update"][0]
    assert "змінив свій пароль" in event.summary and "novyi" not in str(event.changes)


def test_every_role_changes_its_own_password(council_db: Council) -> None:
    db, admin = council_db
    users.create_user(db, admin, users.UserData("glyadach", "", Role.VIEWER), PASSWORD)
    viewer = login.authenticate(db, "glyadach", PASSWORD)
    login.change_own_password(db, viewer, PASSWORD, "inshyi-parol")


def test_open_as_named_user(council_db: Council, clerk: users.UserView) -> None:
    db, admin = council_db
    actor = login.open_as(db, "sekretar")
    assert actor.username == "sekretar"
    assert "автоматичний вхід" in audit.list_events(db, audit.AuditFilter(username="sekretar"))[0].summary
    users.set_active(db, admin, clerk.id, False)
    with pytest.raises(PermissionDeniedError, match="вимкнено"):
        login.open_as(db, "sekretar")
    with pytest.raises(PermissionDeniedError):
        login.open_as(db, "nobody")


def test_open_as_does_not_bypass_a_lockout(council_db: Council, clerk: users.UserView) -> None:
    db, _ = council_db
    _lock(db)
    with pytest.raises(login.LoginRefused, match="заблоковано"):
        login.open_as(db, "sekretar")


def test_known_password_for_the_demo(council_db: Council, clerk: users.UserView) -> None:
    db, _ = council_db
    assert login.try_known_password(db, "sekretar", "not-it") is None
    assert users.get_user(db, "sekretar").failed_logins == 0  # the program's own try is not a failure
    assert login.try_known_password(db, "sekretar", PASSWORD).username == "sekretar"


def test_demo_database_opens_with_the_published_password(db: Database) -> None:
    from app.demo import create as demo_create
    from app.demo import profile as demo_profile

    demo_create.create_demo(db)
    actor = login.try_known_password(db, demo_profile.DEMO_ADMIN, demo_profile.DEMO_PASSWORD)
    assert actor is not None and actor.role is Role.ADMIN
    names = {u.username: u.role for u in users.list_users(db)}
    assert names["sekretar"] is Role.CLERK and names["perehliad"] is Role.VIEWER
    assert login.authenticate(db, "sekretar", demo_profile.DEMO_PASSWORD).role is Role.CLERK

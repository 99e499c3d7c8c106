"""The hash-chained audit trail: every change recorded, tampering detected."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.db.engine import Database
from app.services.core import audit, council
from app.services.core.auth import Actor
from tests.conftest import TEST_PROFILE


def _make_changes(db: Database, actor: Actor, n: int = 3) -> None:
    for i in range(n):
        profile = council.require_profile(db)
        council.update_profile(db, actor, replace(TEST_PROFILE, address=f"вул. Садова, {i + 1}"), profile.version)


def test_setup_and_updates_are_audited(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    _make_changes(db, actor, 2)
    rows = audit.list_events(db)
    assert [r.action for r in rows][:2] == ["update", "update"]
    assert rows[0].username == "admin"
    assert rows[0].changes == {"address": ["вул. Садова, 1", "вул. Садова, 2"]}
    assert {r.entity_type for r in rows} == {"council_profile", "app_user"}
    report = audit.verify_chain(db)
    assert report.ok and report.events == 4


def test_unchanged_save_writes_no_event(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    before = audit.event_count(db)
    council.update_profile(db, actor, TEST_PROFILE, council.require_profile(db).version)
    assert audit.event_count(db) == before


@pytest.mark.parametrize(
    "tamper, seq",
    [
        ("UPDATE audit_event SET summary = 'підмінено' WHERE seq = 2", 2),
        ("UPDATE audit_event SET changes_json = '{}' WHERE seq = 3", 3),
        ("DELETE FROM audit_event WHERE seq = 2", 2),
        ("DELETE FROM audit_event WHERE seq = (SELECT MAX(seq) FROM audit_event)", 5),
    ],
)
def test_tampering_is_detected(council_db: tuple[Database, Actor], tamper: str, seq: int, backend: str) -> None:
    db, actor = council_db
    _make_changes(db, actor, 3)
    assert audit.verify_chain(db).ok
    if backend != "sqlite":
        pytest.skip("tampering is simulated on the SQLite file")
    assert db.path is not None
    con = sqlite3.connect(db.path)
    con.execute(tamper)
    con.commit()
    con.close()
    report = audit.verify_chain(db)
    assert not report.ok
    assert report.broken_at_seq == seq
    assert f"№{seq}" in report.message()


def test_filters(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    _make_changes(db, actor, 2)
    assert len(audit.list_events(db, audit.AuditFilter(entity_type="council_profile"))) == 3
    assert len(audit.list_events(db, audit.AuditFilter(username="admin"))) == 4
    assert audit.list_events(db, audit.AuditFilter(username="nobody")) == []
    today = date.today()
    assert len(audit.list_events(db, audit.AuditFilter(date_from=today - timedelta(days=1)))) == 4
    assert audit.list_events(db, audit.AuditFilter(date_to=today - timedelta(days=2))) == []
    users, types = audit.distinct_values(db)
    assert users == ["admin"] and types == ["app_user", "council_profile"]

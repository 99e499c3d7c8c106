"""Migration 0300 (budget branch): tables, the UNIQUE voter constraint, ``app_user.voting_point_id``, downgrade."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from app.db import migrations_runner
from app.db.engine import Database, make_engine, open_database

PB_TABLES = {"pb_cycle", "pb_category", "pb_voting_point", "pb_project", "pb_cost_item", "pb_ballot",
             "pb_ballot_choice", "pb_spoiled_ballot", "pb_implementation", "pb_milestone", "pb_secret"}


def test_upgrade_from_foundation_keeps_users_and_adds_budget(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    url = make_url(f"sqlite:///{path}")
    old = Database(url=url, engine=make_engine(url), path=path)
    command.upgrade(migrations_runner.alembic_config(old), "0001")
    with old.engine.begin() as conn:
        conn.execute(text("INSERT INTO app_user (username, full_name, role, is_active, failed_logins, uuid, "
                          "created_at, updated_at, version) VALUES ('clerk', 'Діловод', 'clerk', 1, 0, "
                          "'00000000-0000-0000-0000-000000000001', '2026-01-01', '2026-01-01', 1)"))
    old.dispose()

    db = open_database(path)
    try:
        inspector = inspect(db.engine)
        assert PB_TABLES <= set(inspector.get_table_names())
        columns = {c["name"]: c for c in inspector.get_columns("app_user")}
        assert columns["voting_point_id"]["nullable"]
        fks = inspector.get_foreign_keys("app_user")
        assert any(fk["referred_table"] == "pb_voting_point" for fk in fks)
        uniques = {tuple(u["column_names"]) for u in inspector.get_unique_constraints("pb_ballot")}
        assert ("cycle_id", "voter_hash") in uniques
        with db.read() as s:
            assert s.execute(text("SELECT username, voting_point_id FROM app_user")).all() == [("clerk", None)]
        assert "0300" in migrations_runner.current_revisions(db)

        command.downgrade(migrations_runner.alembic_config(db), "budget@-1")
        inspector = inspect(db.engine)
        assert not PB_TABLES & set(inspector.get_table_names())
        assert "voting_point_id" not in {c["name"] for c in inspector.get_columns("app_user")}
        with db.read() as s:
            assert s.execute(text("SELECT username FROM app_user")).scalars().all() == ["clerk"]
    finally:
        db.dispose()

"""Migration 0100 creates exactly the council-register tables the models describe (SQLite and PostgreSQL)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.db.base import Base
from app.db.engine import Database
from app.db.models import deputies as models

TABLES = {"faction", "electoral_district", "deputy", "committee", "committee_member", "council_session",
          "session_attendance", "agenda_item", "roll_call", "vote", "decision", "deputy_initiative",
          "deputy_annual_report"}


def test_migration_matches_models(db: Database) -> None:
    assert {t.name for t in Base.metadata.sorted_tables if t.name in TABLES} == TABLES
    assert models.Vote.__table__.name == "vote"
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)

    def table_of(change: object) -> str | None:
        item = change[0] if isinstance(change, list) else change
        for part in item[1:]:
            name = getattr(part, "name", None) if not isinstance(part, str) else None
            table = getattr(part, "table", None)
            if table is not None and getattr(table, "name", None):
                return table.name
            if name in TABLES:
                return name
        return None

    mine = [change for change in diff if table_of(change) in TABLES]
    assert mine == []


def test_branch_label() -> None:
    from alembic.script import ScriptDirectory

    from app.db import migrations_runner

    script = ScriptDirectory.from_config(migrations_runner.alembic_config())
    revision = script.get_revision("0100")
    assert revision.down_revision == "0001" and "deputies" in revision.branch_labels

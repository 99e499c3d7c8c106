"""Alembic environment: uses the engine handed over by app.db.migrations_runner."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

import app.db.models  # noqa: F401  (fills Base.metadata with every table)
from app.db.base import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine: Engine | None = config.attributes.get("engine")
    if engine is None:
        from app.db.engine import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things in place
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()

"""Declarative base and the columns every record carries.

Every table has an integer primary key, a UUID (records are matched by it when data
moves between PCs), ``created_at``/``updated_at`` (UTC) and a ``version`` counter.
``version`` is SQLAlchemy's ``version_id_col``: an UPDATE whose row was changed by
someone else meanwhile matches nothing and raises ``StaleDataError``; services turn
that, and an explicit expected-version check, into a clear message.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String, event
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Current UTC time as a naive datetime (stored the same way on SQLite and PostgreSQL)."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RecordMixin:
    """id, uuid, created_at, updated_at, version: the columns every table has."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - declared_attr receives the class
        return {"version_id_col": cls.version}


# Columns that describe the record's bookkeeping rather than its content; audit diffs skip them.
BOOKKEEPING_COLUMNS = frozenset({"id", "uuid", "created_at", "updated_at", "version"})


@event.listens_for(Base, "init", propagate=True)
def _assign_uuid_on_init(target: Any, args: Any, kwargs: Any) -> None:
    """Give a new object its UUID at construction, so it can be audited before flush."""
    if hasattr(type(target), "uuid") and "uuid" not in kwargs:
        kwargs["uuid"] = new_uuid()

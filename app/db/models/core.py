"""Foundation tables: council profile, council settings, users, audit trail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, RecordMixin


class CouncilProfile(RecordMixin, Base):
    """The one row describing the council whose records this database keeps."""

    __tablename__ = "council_profile"

    hromada_name: Mapped[str] = mapped_column(String(200))
    council_name: Mapped[str] = mapped_column(String(300))
    convocation: Mapped[int] = mapped_column(Integer)
    composition: Mapped[int] = mapped_column(Integer)
    address: Mapped[str] = mapped_column(String(500), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    logo_mime: Mapped[str] = mapped_column(String(50), default="")


class CouncilSetting(RecordMixin, Base):
    """A council rule that travels with the database (threshold, window, holidays...).

    Values are JSON text; the typed registry in :mod:`app.services.core.settings` declares
    each key with its type and default.
    """

    __tablename__ = "council_setting"

    key: Mapped[str] = mapped_column(String(100), unique=True)
    value_json: Mapped[str] = mapped_column(Text)


class User(RecordMixin, Base):
    """Someone who acts in the app; every audit event names one."""

    __tablename__ = "app_user"

    username: Mapped[str] = mapped_column(String(100), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(300), nullable=True)
    is_active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    voting_point_id: Mapped[int | None] = mapped_column(ForeignKey("pb_voting_point.id"), nullable=True)  # operator's


class AuditEvent(RecordMixin, Base):
    """One change, hash-chained to the previous event.

    ``hash`` = SHA-256 over ``prev_hash`` and the canonical JSON of the event's content,
    so editing or deleting any row behind the app's back breaks the chain at that row.
    """

    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(Integer, unique=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    action: Mapped[str] = mapped_column(String(30))
    entity_type: Mapped[str] = mapped_column(String(60), index=True)
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    entity_uuid: Mapped[str] = mapped_column(String(36), default="")
    summary: Mapped[str] = mapped_column(String(500), default="")
    changes_json: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditChainHead(RecordMixin, Base):
    """Single row holding the chain's tip; locked FOR UPDATE so concurrent writers line up."""

    __tablename__ = "audit_chain_head"

    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))

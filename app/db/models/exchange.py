"""Exchange between PCs: this PC's identity, its partners, and what was sent, received and agreed.

See :mod:`app.services.exchange` for how bundles are made and merged.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, RecordMixin


class ExchangeIdentity(RecordMixin, Base):
    """The one row naming this PC's copy of the database in bundles.

    ``epoch`` changes when the database is restored from a backup, so partners accept
    bundle numbers that start again from an older point.
    """

    __tablename__ = "exchange_identity"

    pc_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    pc_name: Mapped[str] = mapped_column(String(100))
    epoch: Mapped[str] = mapped_column(String(36))


class ExchangePartner(RecordMixin, Base):
    """Another PC this one exchanges bundles with (the library, the office...)."""

    __tablename__ = "exchange_partner"

    name: Mapped[str] = mapped_column(String(100), unique=True)
    pc_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    pc_name: Mapped[str] = mapped_column(String(100), default="")
    last_export_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_export_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # What the partner confirmed it imported: the next bundle holds everything changed since then.
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    acked_since: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_import_epoch: Mapped[str] = mapped_column(String(36), default="")
    last_import_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_import_bundle: Mapped[str] = mapped_column(String(36), default="")
    last_import_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resend_all: Mapped[bool] = mapped_column(Boolean, default=False)


class ExchangeExport(RecordMixin, Base):
    """One bundle written for a partner."""

    __tablename__ = "exchange_export"

    partner_id: Mapped[int] = mapped_column(ForeignKey("exchange_partner.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    bundle_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    snapshot_at: Mapped[datetime] = mapped_column(DateTime)
    since: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    counts_json: Mapped[str] = mapped_column(Text, default="{}")
    file_name: Mapped[str] = mapped_column(String(500), default="")
    username: Mapped[str] = mapped_column(String(100), default="")


class ExchangeImport(RecordMixin, Base):
    """One bundle imported from a partner (importing it again changes nothing)."""

    __tablename__ = "exchange_import"

    partner_id: Mapped[int] = mapped_column(ForeignKey("exchange_partner.id"), index=True)
    bundle_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    source_pc_uuid: Mapped[str] = mapped_column(String(36))
    source_epoch: Mapped[str] = mapped_column(String(36), default="")
    seq: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    summary_json: Mapped[str] = mapped_column(Text, default="{}")
    username: Mapped[str] = mapped_column(String(100), default="")


class ExchangeSyncState(RecordMixin, Base):
    """The content (hash) of a record both PCs are known to hold since the last exchange."""

    __tablename__ = "exchange_sync_state"
    __table_args__ = (UniqueConstraint("partner_id", "table_name", "record_uuid"),)

    partner_id: Mapped[int] = mapped_column(ForeignKey("exchange_partner.id"))
    table_name: Mapped[str] = mapped_column(String(100))
    record_uuid: Mapped[str] = mapped_column(String(36))
    content_hash: Mapped[str] = mapped_column(String(64))


class ExchangeConflict(RecordMixin, Base):
    """A record changed on both PCs since their last exchange, kept for the clerk to decide.

    ``local_json`` / ``remote_json`` are the two versions (``None``: deleted on that side).
    """

    __tablename__ = "exchange_conflict"

    partner_id: Mapped[int] = mapped_column(ForeignKey("exchange_partner.id"), index=True)
    table_name: Mapped[str] = mapped_column(String(100))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    local_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    remote_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    local_hash: Mapped[str] = mapped_column(String(64), default="")
    remote_hash: Mapped[str] = mapped_column(String(64), default="")
    remote_created_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    local_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    bundle_uuid: Mapped[str] = mapped_column(String(36))
    detected_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resolved_by: Mapped[str] = mapped_column(String(100), default="")

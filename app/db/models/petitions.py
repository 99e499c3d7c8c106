"""Citizen proposals: local e-petitions with their signatures, and the register of citizens' appeals.

Private data lives only in the columns named so below (author's and signers' contacts,
applicants' names and contacts); public reports never read them.

Two columns of :class:`Petition` are kept by the signature service, not typed by anyone:
``signature_count`` and ``threshold_reached_on`` (the date of the threshold-th signature).
They let the petitions list and its search run on one table; the service recomputes them
in the same transaction as every signature change, under a lock on the petition row.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, RecordMixin


class Petition(RecordMixin, Base):
    """A local e-petition. Its state is derived from dates and counts (app.domain.petitions)."""

    __tablename__ = "petition"

    number: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text, default="")
    author_name: Mapped[str] = mapped_column(String(200))  # public
    author_address: Mapped[str] = mapped_column(String(300), default="")  # private
    author_phone: Mapped[str] = mapped_column(String(50), default="")  # private
    author_email: Mapped[str] = mapped_column(String(200), default="")  # private
    responsible: Mapped[str] = mapped_column(String(200), default="")  # responsible official
    online_url: Mapped[str] = mapped_column(String(500), default="")  # the petition on an online platform
    submitted_on: Mapped[date] = mapped_column(Date)
    published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Copied from the council settings at publication, so later changes do not alter a running petition.
    threshold: Mapped[int | None] = mapped_column(Integer, nullable=True)
    window_length: Mapped[int | None] = mapped_column(Integer, nullable=True)
    window_unit: Mapped[str | None] = mapped_column(String(10), nullable=True)  # "days" | "months"
    # Maintained by the signature service.
    signature_count: Mapped[int] = mapped_column(Integer, default=0)
    threshold_reached_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The council's answer (a petition that reached its threshold).
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)  # PetitionOutcome value
    answer_text: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(200), default="")  # who signed the answer
    search_key: Mapped[str] = mapped_column(String(800), default="")  # number, title, author (search_key)


class PetitionSignature(RecordMixin, Base):
    """One signature. UNIQUE (petition, normalised name) refuses the same signer twice, even from two PCs."""

    __tablename__ = "petition_signature"
    __table_args__ = (
        UniqueConstraint("petition_id", "signer_key"),
        Index("ix_petition_signature_petition_id_signed_on", "petition_id", "signed_on"),
    )

    petition_id: Mapped[int] = mapped_column(ForeignKey("petition.id"))
    signer_name: Mapped[str] = mapped_column(String(200))  # public
    signer_key: Mapped[str] = mapped_column(String(200))  # app.domain.names.normalize_person_name
    address: Mapped[str] = mapped_column(String(300), default="")  # private
    phone: Mapped[str] = mapped_column(String(50), default="")  # private
    signed_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(20))  # "paper" | "online" | "imported"
    source: Mapped[str] = mapped_column(String(300), default="")  # import file name, sheet number...


class Appeal(RecordMixin, Base):
    """A citizens' appeal (звернення громадян) in the council's register."""

    __tablename__ = "appeal"
    __table_args__ = (
        UniqueConstraint("reg_year", "seq"),
        UniqueConstraint("reg_year", "reg_number"),
    )

    reg_year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)  # numbering starts anew each year
    reg_number: Mapped[str] = mapped_column(String(50))  # formatted with the council's pattern
    received_on: Mapped[date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))  # "proposal" | "statement" | "complaint"
    applicant_name: Mapped[str] = mapped_column(String(200))  # private
    applicant_key: Mapped[str] = mapped_column(String(200), index=True)  # private (normalised name)
    applicant_address: Mapped[str] = mapped_column(String(300), default="")  # private
    applicant_phone: Mapped[str] = mapped_column(String(50), default="")  # private
    applicant_email: Mapped[str] = mapped_column(String(200), default="")  # private
    summary: Mapped[str] = mapped_column(Text, default="")
    topic: Mapped[str] = mapped_column(String(200))
    topic_key: Mapped[str] = mapped_column(String(200), index=True)
    assignee: Mapped[str] = mapped_column(String(200), default="")
    needs_study: Mapped[bool] = mapped_column(Boolean, default=True)  # False: 15 days instead of 30
    term_days: Mapped[int] = mapped_column(Integer)
    extension_reason: Mapped[str] = mapped_column(Text, default="")
    extended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    result: Mapped[str | None] = mapped_column(String(20), nullable=True)
    answer_text: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(200), default="")
    petition_id: Mapped[int | None] = mapped_column(ForeignKey("petition.id"), nullable=True, unique=True)
    repeat_of_id: Mapped[int | None] = mapped_column(ForeignKey("appeal.id"), nullable=True)
    search_key: Mapped[str] = mapped_column(String(1200), default="")

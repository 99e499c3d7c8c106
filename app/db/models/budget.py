"""Participatory budget (громадський бюджет): cycles, categories, projects, voting points, ballots, implementation.

Money columns hold kopiykas (or the smallest unit of the cycle's currency: 100 per unit) as
``BigInteger``: a city budget of 24 million passes 2**31 kopiykas.

Voters are not stored as people. A ballot keeps only an HMAC of the voter's identifier
(``voter_hash``, keyed with the database's own secret in ``pb_secret``), the age and the
district; ``UNIQUE(cycle_id, voter_hash)`` is what makes "one person, one ballot" hold when
two voting points submit at the same moment, on SQLite and PostgreSQL alike.

``pb_ballot_choice`` rows are not records of their own (no uuid or version): they are the
immutable content of a ballot, inserted in bulk with it and deleted with it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, RecordMixin


class BudgetCycle(RecordMixin, Base):
    """One year's participatory budget: money, phases, ballot rules, tie-break, approved results."""

    __tablename__ = "pb_cycle"

    title: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    currency: Mapped[str] = mapped_column(String(3), default="UAH")
    total_budget: Mapped[int] = mapped_column(BigInteger, default=0)
    submission_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    submission_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    review_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    voting_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    voting_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    results_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    implementation_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    vote_type: Mapped[str] = mapped_column(String(20), default="approval")
    min_choices: Mapped[int] = mapped_column(Integer, default=1)
    max_choices: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_points: Mapped[int | None] = mapped_column(Integer, nullable=True)
    min_age: Mapped[int] = mapped_column(Integer, default=16)
    tie_break: Mapped[str] = mapped_column(String(100), default="more-votes,lower-cost,project-id")
    results_approved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    results_approved_by: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    meta_json: Mapped[str] = mapped_column(Text, default="{}")


class BudgetCategory(RecordMixin, Base):
    """A share of the cycle's money with its own cost limits, choice limit and outcome rule."""

    __tablename__ = "pb_category"
    __table_args__ = (UniqueConstraint("cycle_id", "name"),)

    cycle_id: Mapped[int] = mapped_column(ForeignKey("pb_cycle.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    budget: Mapped[int] = mapped_column(BigInteger, default=0)
    min_cost: Mapped[int] = mapped_column(BigInteger, default=0)
    max_cost: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    max_choices: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rule: Mapped[str] = mapped_column(String(60), default="greedy")
    threshold: Mapped[int | None] = mapped_column(Integer, nullable=True)
    result_cost_used: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    result_notes: Mapped[str] = mapped_column(Text, default="")


class VotingPoint(RecordMixin, Base):
    """A place where paper ballots are cast (council office, library, school); shared by all cycles."""

    __tablename__ = "pb_voting_point"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class BudgetProject(RecordMixin, Base):
    """A project proposed by a resident; its cost is the sum of its cost items (kept in ``cost``).

    ``number`` is what a voter writes on the paper ballot; ``code`` is the project's id in
    Pabulib files (the number as text for projects entered here). ``author_contact`` is
    private: it never appears in a public report. ``result_*`` hold the approved outcome.
    """

    __tablename__ = "pb_project"
    __table_args__ = (UniqueConstraint("cycle_id", "number"), UniqueConstraint("cycle_id", "code"))

    cycle_id: Mapped[int] = mapped_column(ForeignKey("pb_cycle.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("pb_category.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    author_name: Mapped[str] = mapped_column(String(200), default="")
    author_contact: Mapped[str] = mapped_column(String(300), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    district: Mapped[str] = mapped_column(String(200), default="")
    cost: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(30), default="submitted")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(String(800), default="")
    extra_json: Mapped[str] = mapped_column(Text, default="{}")
    result_votes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    result_score: Mapped[str] = mapped_column(String(40), default="")
    result_status: Mapped[str] = mapped_column(String(40), default="")
    result_explanation: Mapped[str] = mapped_column(Text, default="")
    result_position: Mapped[int | None] = mapped_column(Integer, nullable=True)


class CostItem(RecordMixin, Base):
    """One line of a project's estimate (works, materials, equipment...)."""

    __tablename__ = "pb_cost_item"

    project_id: Mapped[int] = mapped_column(ForeignKey("pb_project.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(String(300))
    amount: Mapped[int] = mapped_column(BigInteger)


class Ballot(RecordMixin, Base):
    """One voter's ballot, paper (entered at a voting point) or online (imported)."""

    __tablename__ = "pb_ballot"
    __table_args__ = (
        UniqueConstraint("cycle_id", "voter_hash"),
        Index("ix_pb_ballot_cycle_point", "cycle_id", "voting_point_id"),
    )

    cycle_id: Mapped[int] = mapped_column(ForeignKey("pb_cycle.id", ondelete="CASCADE"))
    voter_hash: Mapped[str] = mapped_column(String(64))
    age: Mapped[int | None] = mapped_column(Integer, nullable=True)
    district: Mapped[str] = mapped_column(String(200), default="")
    channel: Mapped[str] = mapped_column(String(10), default="paper")
    voting_point_id: Mapped[int | None] = mapped_column(ForeignKey("pb_voting_point.id"), nullable=True)
    cast_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), nullable=True)
    entered_by: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(300), default="")


class BallotChoice(Base):
    """A project chosen on a ballot, in ballot order (the rank for ordinal ballots), with points if any."""

    __tablename__ = "pb_ballot_choice"

    ballot_id: Mapped[int] = mapped_column(ForeignKey("pb_ballot.id", ondelete="CASCADE"), primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("pb_project.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    points: Mapped[int | None] = mapped_column(Integer, nullable=True)


class SpoiledBallot(RecordMixin, Base):
    """A paper ballot that could not be counted; only counted per point, never linked to a voter."""

    __tablename__ = "pb_spoiled_ballot"

    cycle_id: Mapped[int] = mapped_column(ForeignKey("pb_cycle.id", ondelete="CASCADE"), index=True)
    voting_point_id: Mapped[int] = mapped_column(ForeignKey("pb_voting_point.id"))
    cast_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(String(300), default="")
    entered_by: Mapped[str] = mapped_column(String(100), default="")


class Implementation(RecordMixin, Base):
    """How a winning project is being built: status, progress, money allocated and spent."""

    __tablename__ = "pb_implementation"

    project_id: Mapped[int] = mapped_column(ForeignKey("pb_project.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    progress: Mapped[int] = mapped_column(Integer, default=0)
    allocated: Mapped[int] = mapped_column(BigInteger, default=0)
    spent: Mapped[int] = mapped_column(BigInteger, default=0)
    contractor: Mapped[str] = mapped_column(String(300), default="")
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class Milestone(RecordMixin, Base):
    """A dated step of a project's implementation (contract signed, works done, handed over)."""

    __tablename__ = "pb_milestone"

    project_id: Mapped[int] = mapped_column(ForeignKey("pb_project.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")


class BudgetSecret(RecordMixin, Base):
    """Secrets of this database, e.g. the key of the voter-identifier HMAC (generated at first use)."""

    __tablename__ = "pb_secret"

    name: Mapped[str] = mapped_column(String(50), unique=True)
    value: Mapped[str] = mapped_column(String(200))

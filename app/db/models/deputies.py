"""The council register: factions, districts, deputies, committees, sessions, attendance, agenda items,
roll-call votes, decisions, deputies' initiatives and annual reports.

Enumerated columns hold the stable ids of the enums in :mod:`app.domain.deputies` and
:class:`app.domain.votes.VoteOption`. ``vote`` is the big table (one row per deputy per roll call,
~770k rows at large-city scale): its covering indexes serve the per-deputy and per-faction statistics.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, RecordMixin


class Faction(RecordMixin, Base):
    """A deputies' faction (usually of a party)."""

    __tablename__ = "faction"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class District(RecordMixin, Base):
    """An electoral district (or a starosta district / village) a deputy was elected in."""

    __tablename__ = "electoral_district"

    number: Mapped[int | None] = mapped_column(Integer, nullable=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")  # villages, streets


class Deputy(RecordMixin, Base):
    """A deputy of the council and their mandate. Contacts are private unless marked public."""

    __tablename__ = "deputy"

    surname: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(100))
    patronymic: Mapped[str] = mapped_column(String(100), default="")
    search_key: Mapped[str] = mapped_column(String(320), index=True)
    convocation: Mapped[int] = mapped_column(Integer)
    faction_id: Mapped[int | None] = mapped_column(ForeignKey("faction.id"), nullable=True, index=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("electoral_district.id"), nullable=True, index=True)
    mandate_start: Mapped[dt.date] = mapped_column(Date)
    mandate_end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    mandate_end_reason: Mapped[str] = mapped_column(String(20), default="")
    position: Mapped[str] = mapped_column(String(200), default="")  # e.g. "секретар ради"
    biography: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    phone_public: Mapped[bool] = mapped_column(Boolean, default=False)
    email: Mapped[str] = mapped_column(String(200), default="")
    email_public: Mapped[bool] = mapped_column(Boolean, default=False)
    reception_hours: Mapped[str] = mapped_column(String(300), default="")
    reception_place: Mapped[str] = mapped_column(String(300), default="")
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    photo_mime: Mapped[str] = mapped_column(String(50), default="")


class Committee(RecordMixin, Base):
    """A standing committee of the council."""

    __tablename__ = "committee"

    name: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str] = mapped_column(String(100), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class CommitteeMember(RecordMixin, Base):
    """A deputy's seat in a committee, with their role there."""

    __tablename__ = "committee_member"
    __table_args__ = (UniqueConstraint("committee_id", "deputy_id"),)

    committee_id: Mapped[int] = mapped_column(ForeignKey("committee.id", ondelete="CASCADE"))
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="member")


class CouncilSession(RecordMixin, Base):
    """A plenary session (сесія) of the council."""

    __tablename__ = "council_session"
    __table_args__ = (UniqueConstraint("convocation", "number"),)

    number: Mapped[int] = mapped_column(Integer)
    convocation: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="regular")
    place: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class SessionAttendance(RecordMixin, Base):
    """A deputy's registration at a session: present, absent, or absent with a reason."""

    __tablename__ = "session_attendance"
    __table_args__ = (UniqueConstraint("session_id", "deputy_id"), Index("ix_session_attendance_deputy",
                                                                           "deputy_id", "session_id", "status"))

    session_id: Mapped[int] = mapped_column(ForeignKey("council_session.id", ondelete="CASCADE"))
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"))
    status: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(String(300), default="")


class AgendaItem(RecordMixin, Base):
    """An item of a session's agenda (питання порядку денного)."""

    __tablename__ = "agenda_item"
    __table_args__ = (UniqueConstraint("session_id", "number"),)

    session_id: Mapped[int] = mapped_column(ForeignKey("council_session.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    search_key: Mapped[str] = mapped_column(Text, default="")
    initiator_kind: Mapped[str] = mapped_column(String(20), default="head")
    initiator_deputy_id: Mapped[int | None] = mapped_column(ForeignKey("deputy.id"), nullable=True, index=True)
    initiator_committee_id: Mapped[int | None] = mapped_column(ForeignKey("committee.id"), nullable=True)
    initiator_note: Mapped[str] = mapped_column(String(300), default="")
    draft_number: Mapped[str] = mapped_column(String(60), default="")
    majority: Mapped[str] = mapped_column(String(40), default="simple_of_composition")
    status: Mapped[str] = mapped_column(String(20), default="considered")


class RollCall(RecordMixin, Base):
    """One roll-call vote on an agenda item ("за основу", "в цілому"...).

    The counts and the result are computed from the votes by :func:`app.domain.votes.compute_result`
    when the roll call is saved (never typed), and kept here so lists and reports need not recount;
    ``composition`` is the total composition the result was computed against.
    """

    __tablename__ = "roll_call"
    __table_args__ = (UniqueConstraint("agenda_item_id", "number"),)

    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id", ondelete="CASCADE"))
    session_id: Mapped[int] = mapped_column(ForeignKey("council_session.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(200), default="в цілому")
    vote_date: Mapped[dt.date] = mapped_column(Date, index=True)
    majority: Mapped[str] = mapped_column(String(40), default="simple_of_composition")
    composition: Mapped[int] = mapped_column(Integer)
    required: Mapped[int] = mapped_column(Integer)
    votes_for: Mapped[int] = mapped_column(Integer, default=0)
    votes_against: Mapped[int] = mapped_column(Integer, default=0)
    abstained: Mapped[int] = mapped_column(Integer, default=0)
    not_voting: Mapped[int] = mapped_column(Integer, default=0)
    absent: Mapped[int] = mapped_column(Integer, default=0)
    passed: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(200), default="")  # "введено вручну", imported file name


class Vote(RecordMixin, Base):
    """A deputy's option in a roll call; ``faction_id`` is their faction at the time of the vote."""

    __tablename__ = "vote"
    __table_args__ = (
        UniqueConstraint("roll_call_id", "deputy_id"),
        Index("ix_vote_deputy_cover", "deputy_id", "roll_call_id", "option"),
        Index("ix_vote_faction_cover", "faction_id", "roll_call_id", "deputy_id", "option"),
    )

    roll_call_id: Mapped[int] = mapped_column(ForeignKey("roll_call.id", ondelete="CASCADE"))
    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"))
    faction_id: Mapped[int | None] = mapped_column(ForeignKey("faction.id"), nullable=True)
    option: Mapped[str] = mapped_column(String(20))


class Decision(RecordMixin, Base):
    """A decision of the council, linked to the agenda item and the roll call that adopted it."""

    __tablename__ = "decision"

    number: Mapped[str] = mapped_column(String(60), unique=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(Text)
    search_key: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id"), nullable=True, index=True)
    roll_call_id: Mapped[int | None] = mapped_column(ForeignKey("roll_call.id"), nullable=True)
    file: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True, deferred=True)
    file_name: Mapped[str] = mapped_column(String(255), default="")


class DeputyInitiative(RecordMixin, Base):
    """A deputy's inquiry, appeal, draft decision or proposal, and the answer to it."""

    __tablename__ = "deputy_initiative"

    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(60), default="")
    title: Mapped[str] = mapped_column(Text)
    submitted_on: Mapped[dt.date] = mapped_column(Date, index=True)
    addressee: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default="submitted")
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("council_session.id"), nullable=True)


class DeputyAnnualReport(RecordMixin, Base):
    """The free-text parts of a deputy's yearly report to voters (statistics are filled in at print time)."""

    __tablename__ = "deputy_annual_report"
    __table_args__ = (UniqueConstraint("deputy_id", "year"),)

    deputy_id: Mapped[int] = mapped_column(ForeignKey("deputy.id"))
    year: Mapped[int] = mapped_column(Integer)
    meeting_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    meeting_place: Mapped[str] = mapped_column(String(300), default="")
    published_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    committee_work: Mapped[str] = mapped_column(Text, default="")
    voter_work: Mapped[str] = mapped_column(Text, default="")
    district_work: Mapped[str] = mapped_column(Text, default="")
    other: Mapped[str] = mapped_column(Text, default="")
    plans: Mapped[str] = mapped_column(Text, default="")

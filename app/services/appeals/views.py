"""What the appeal services take and return: plain frozen dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.deadlines import DeadlineState


@dataclass(frozen=True)
class AppealInput:
    received_on: dt.date
    channel: str
    kind: str
    applicant_name: str
    summary: str
    topic: str
    applicant_address: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    assignee: str = ""
    needs_study: bool = True


@dataclass(frozen=True)
class AppealAnswer:
    """An answer given at registration time (bulk loads of old registers, the demo)."""

    answered_on: dt.date
    result: str
    answer_text: str = ""
    answered_by: str = ""


@dataclass(frozen=True)
class AppealRow:
    id: int
    reg_number: str
    reg_year: int
    seq: int
    received_on: dt.date
    channel: str
    kind: str
    applicant_name: str  # private: "—" for users who may not see it
    topic: str
    summary: str
    assignee: str
    needs_study: bool
    term_days: int
    due_on: dt.date
    deadline: DeadlineState
    working_days_left: int | None  # None once answered
    answered_on: dt.date | None
    result: str | None
    extended: bool
    repeat_of_id: int | None
    repeat_of_number: str
    petition_id: int | None
    petition_number: int | None
    version: int

    @property
    def is_repeat(self) -> bool:
        return self.repeat_of_id is not None

    @property
    def answered_on_time(self) -> bool | None:
        return None if self.answered_on is None else self.answered_on <= self.due_on


@dataclass(frozen=True)
class AppealDetail(AppealRow):
    applicant_address: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    extension_reason: str = ""
    extended_on: dt.date | None = None
    answer_text: str = ""
    answered_by: str = ""
    private_visible: bool = True

    def input(self) -> AppealInput:
        return AppealInput(
            received_on=self.received_on, channel=self.channel, kind=self.kind, applicant_name=self.applicant_name,
            summary=self.summary, topic=self.topic, applicant_address=self.applicant_address,
            applicant_phone=self.applicant_phone, applicant_email=self.applicant_email, assignee=self.assignee,
            needs_study=self.needs_study,
        )

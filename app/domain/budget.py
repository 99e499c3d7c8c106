"""The participatory budget's stored ids with their Ukrainian and English titles, and the phase of a cycle.

Every value here is what the database and the exports hold (``"eligible"``, ``"voting"``, ``"paper"``);
``.label(lang)`` gives its title, ``Cls.title_of(value, lang)`` titles a stored value (an unknown one is
shown as it is).
"""

from __future__ import annotations

from datetime import date

from app.domain.enums import TitledEnum


class VoteType(TitledEnum):
    """How a voter fills in the ballot (the Pabulib vote types)."""

    APPROVAL = "approval", "підтримка кількох проєктів (approval)", "support for several projects (approval)"
    CHOOSE_1 = "choose-1", "один проєкт (choose-1)", "one project (choose-1)"
    CUMULATIVE = "cumulative", "розподіл балів (cumulative)", "distribution of points (cumulative)"
    ORDINAL = "ordinal", "ранжування (ordinal)", "ranking (ordinal)"
    SCORING = "scoring", "оцінювання (scoring)", "scoring (scoring)"


VOTE_TYPES: tuple[str, ...] = tuple(t.value for t in VoteType)


class ProjectStatus(TitledEnum):
    """Where a submitted project stands, from submission to completion."""

    SUBMITTED = "submitted", "подано", "submitted"
    ELIGIBLE = "eligible", "допущено до голосування", "eligible"
    INELIGIBLE = "ineligible", "не допущено", "ineligible"
    WINNER = "winner", "переможець", "winner"
    NOT_FUNDED = "not_funded", "не профінансовано", "not funded"
    IN_IMPLEMENTATION = "in_implementation", "реалізується", "in implementation"
    COMPLETED = "completed", "реалізовано", "completed"


VOTED_STATUSES = frozenset({ProjectStatus.ELIGIBLE, ProjectStatus.WINNER, ProjectStatus.NOT_FUNDED,
                            ProjectStatus.IN_IMPLEMENTATION, ProjectStatus.COMPLETED})
"""Statuses a project can have once it took part in the vote."""
WINNER_STATUSES = frozenset({ProjectStatus.WINNER, ProjectStatus.IN_IMPLEMENTATION, ProjectStatus.COMPLETED})


class Phase(TitledEnum):
    """The stage a cycle is in on a given day (see :func:`cycle_phase`)."""

    PREPARATION = "preparation", "підготовка", "preparation"
    SUBMISSION = "submission", "подання проєктів", "submission of projects"
    REVIEW = "review", "розгляд проєктів", "review of projects"
    VOTING = "voting", "голосування", "voting"
    COUNTING = "counting", "підрахунок голосів", "counting"
    RESULTS = "results", "результати затверджено, реалізація", "results approved, implementation"
    COMPLETED = "completed", "завершено", "completed"


def cycle_phase(today: date, *, approved: bool, submission_start: date | None, submission_end: date | None,
                voting_start: date | None, voting_end: date | None, implementation_end: date | None) -> Phase:
    """The phase of a cycle on ``today``: approval of the results and the dates the clerk entered decide it."""
    if approved:
        if implementation_end and today > implementation_end:
            return Phase.COMPLETED
        return Phase.RESULTS
    if voting_end and today > voting_end:
        return Phase.COUNTING
    if voting_start and today >= voting_start:
        return Phase.VOTING
    if submission_end and today > submission_end:
        return Phase.REVIEW
    if submission_start and today >= submission_start:
        return Phase.SUBMISSION
    return Phase.PREPARATION


class ImplementationStatus(TitledEnum):
    """The state of a winner's implementation."""

    PLANNED = "planned", "заплановано", "planned"
    IN_PROGRESS = "in_progress", "виконується", "in progress"
    SUSPENDED = "suspended", "призупинено", "suspended"
    COMPLETED = "completed", "завершено", "completed"


_PROJECT_STATUS_OF_IMPLEMENTATION = {
    ImplementationStatus.PLANNED: ProjectStatus.WINNER,
    ImplementationStatus.IN_PROGRESS: ProjectStatus.IN_IMPLEMENTATION,
    ImplementationStatus.SUSPENDED: ProjectStatus.IN_IMPLEMENTATION,
    ImplementationStatus.COMPLETED: ProjectStatus.COMPLETED,
}


def project_status_for(implementation: ImplementationStatus) -> ProjectStatus:
    """The status a winner takes when its implementation is in the given state."""
    return _PROJECT_STATUS_OF_IMPLEMENTATION[implementation]


class Channel(TitledEnum):
    """How a ballot was cast."""

    PAPER = "paper", "паперовий бюлетень", "paper ballot"
    ONLINE = "online", "онлайн", "online"
    UNKNOWN = "unknown", "спосіб не вказано", "channel not stated"  # imported ballots whose file does not say

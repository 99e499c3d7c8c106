"""The participatory budget's stored ids and their titles, and the phase of a cycle on a given day."""

from __future__ import annotations

from datetime import date

from app.domain.budget import (
    VOTE_TYPES,
    WINNER_STATUSES,
    Channel,
    ImplementationStatus,
    Phase,
    ProjectStatus,
    VoteType,
    cycle_phase,
    project_status_for,
)

DATES = dict(submission_start=date(2026, 2, 1), submission_end=date(2026, 3, 1), voting_start=date(2026, 5, 1),
             voting_end=date(2026, 5, 15), implementation_end=date(2026, 12, 31))


def test_titles_in_both_languages_and_unknown_values_shown_as_they_are() -> None:
    assert ProjectStatus.ELIGIBLE.label() == "допущено до голосування"
    assert ProjectStatus.title_of("not_funded", "en") == "not funded"
    assert ImplementationStatus.title_of("in_progress") == "виконується"
    assert VoteType.title_of("cumulative", "en") == "distribution of points (cumulative)"
    assert VoteType.title_of("approval-plus") == "approval-plus"
    assert Channel.UNKNOWN.label() == "спосіб не вказано"
    assert VOTE_TYPES == ("approval", "choose-1", "cumulative", "ordinal", "scoring")


def test_phase_follows_the_dates_until_results_are_approved() -> None:
    def phase(day: date, approved: bool = False) -> Phase:
        return cycle_phase(day, approved=approved, **DATES)

    assert [phase(date(2026, m, d)) for m, d in ((1, 1), (2, 10), (4, 1), (5, 1), (5, 16))] == [
        Phase.PREPARATION, Phase.SUBMISSION, Phase.REVIEW, Phase.VOTING, Phase.COUNTING]
    assert phase(date(2026, 5, 3), approved=True) is Phase.RESULTS
    assert phase(date(2027, 1, 1), approved=True) is Phase.COMPLETED
    assert Phase.VOTING.label("en") == "voting"


def test_a_winner_follows_its_implementation() -> None:
    assert project_status_for(ImplementationStatus.PLANNED) is ProjectStatus.WINNER
    assert project_status_for(ImplementationStatus.SUSPENDED) is ProjectStatus.IN_IMPLEMENTATION
    assert {project_status_for(s) for s in ImplementationStatus} == WINNER_STATUSES

"""Tie-breaking: a stated, reproducible order of projects with equal votes, always ending with the project id."""

from __future__ import annotations

import pytest

from app.domain.pb import (
    DEFAULT_TIE_BREAK,
    PbRuleError,
    TieBreak,
    complete_tie_break,
    describe_tie_break,
    greedy,
    natural_key,
    rank_projects,
)
from tests.domain.pb.support import P


def test_natural_key_orders_numbers_as_numbers() -> None:
    ids = ["10", "9", "B10", "B9", "2022/BAD/0005", "2022/BAD/0001", "a"]
    assert sorted(ids, key=natural_key) == ["9", "10", "2022/BAD/0001", "2022/BAD/0005", "B9", "B10", "a"]


def test_default_tie_break_more_votes_then_lower_cost_then_id() -> None:
    projects = [P("3", 100, 5, 10), P("2", 50, 4, 10), P("1", 50, 4, 10), P("4", 10, 4, 10), P("5", 1, 1, 11)]
    order = [p.id for p in rank_projects(projects)]
    # points first (5 has 11), then more voters (3), then lower cost (4), then id (1 before 2)
    assert order == ["5", "3", "4", "1", "2"]


def test_tie_break_is_a_parameter_and_always_ends_with_project_id() -> None:
    assert complete_tie_break([TieBreak.HIGHER_COST]) == (TieBreak.HIGHER_COST, TieBreak.PROJECT_ID)
    assert complete_tie_break(["lower-cost", "more-votes"]) == (
        TieBreak.LOWER_COST,
        TieBreak.MORE_VOTES,
        TieBreak.PROJECT_ID,
    )
    projects = [P("a", 10, 3), P("b", 20, 3)]
    assert [p.id for p in rank_projects(projects, [TieBreak.HIGHER_COST])] == ["b", "a"]


@pytest.mark.parametrize(
    ("criteria", "fragment"),
    [(["fewest-votes"], "Невідомий критерій"), (["lower-cost", "higher-cost"], "меншій і більшій")],
)
def test_bad_tie_break_refused(criteria: list[str], fragment: str) -> None:
    with pytest.raises(PbRuleError, match=fragment):
        complete_tie_break(criteria)


def test_outcome_states_its_tie_break_in_ukrainian() -> None:
    outcome = greedy([P("1", 1, 1)], 1)
    assert outcome.tie_break == DEFAULT_TIE_BREAK
    assert outcome.tie_break_text.startswith("за рівності перевага: більше виборців → менша вартість")


def test_tie_break_is_stated_in_english_for_the_gui() -> None:
    assert describe_tie_break(DEFAULT_TIE_BREAK, "en") == (
        "on a tie, preference to: more voters → lower cost → lower project id (numbers in the id compared as numbers)")
    assert TieBreak.HIGHER_COST.label() == "більша вартість"

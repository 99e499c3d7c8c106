"""Greedy rules: by votes (points) while the money lasts; skip, no-skip and threshold variants; exact money."""

from __future__ import annotations

from fractions import Fraction

import pytest

from app.domain import pb
from app.domain.pb import PbRuleError, ProjectStatus, TieBreak, greedy
from tests.domain.pb.support import ELECTION, P


def test_greedy_skips_projects_that_do_not_fit() -> None:
    outcome = greedy(ELECTION, 100)
    assert outcome.selected == ("A", "C", "D")
    assert outcome.cost_used == 100 and outcome.leftover == 0
    b = outcome.result_for("B")
    assert b.status is ProjectStatus.NOT_ENOUGH_MONEY
    assert "вартість 50" in b.explanation and "лишалось 40" in b.explanation
    assert outcome.result_for("E").status is ProjectStatus.NOT_ENOUGH_MONEY
    assert outcome.rule == pb.GREEDY


def test_greedy_no_skip_stops_at_first_project_that_does_not_fit() -> None:
    outcome = greedy(ELECTION, 100, skip=False)
    assert outcome.selected == ("A",)
    assert outcome.result_for("B").status is ProjectStatus.NOT_ENOUGH_MONEY
    for pid in "CDE":
        result = outcome.result_for(pid)
        assert result.status is ProjectStatus.STOPPED
        assert "«B», місце 2" in result.explanation
    assert outcome.rule == pb.GREEDY_NO_SKIP


def test_greedy_threshold_excludes_projects_below_it() -> None:
    outcome = greedy(ELECTION, 100, threshold=25)
    assert outcome.selected == ("A", "C")
    d = outcome.result_for("D")
    assert d.status is ProjectStatus.BELOW_THRESHOLD
    assert "20 голосів при мінімумі 25" in d.explanation
    assert outcome.threshold == 25


def test_below_threshold_projects_never_stop_a_no_skip_count() -> None:
    projects = [P("A", 60, 50), P("B", 90, 10), P("C", 40, 30)]
    outcome = greedy(projects, 100, skip=False, threshold=20)
    assert outcome.selected == ("A", "C")
    assert outcome.result_for("B").status is ProjectStatus.BELOW_THRESHOLD


def test_greedy_ranks_by_points_when_given() -> None:
    projects = [P("A", 50, 10, points=12), P("B", 50, 5, points=30), P("C", 50, 20, points=5)]
    outcome = greedy(projects, 100)
    assert outcome.selected == ("B", "A")
    assert "30 балів від 5 виборців" in outcome.result_for("B").explanation


def test_greedy_tie_broken_by_lower_cost_by_default() -> None:
    projects = [P("1", 70, 10), P("2", 40, 10), P("3", 60, 10)]
    assert greedy(projects, 100).selected == ("2", "3")
    assert greedy(projects, 100, tie_break=[TieBreak.HIGHER_COST]).selected == ("1",)


def test_greedy_edge_cases() -> None:
    assert greedy([], 100).selected == ()
    assert greedy([P("A", 10, 5)], 0).selected == ()
    assert greedy([P("free", 0, 0), P("A", 10, 5)], 5).selected == ("free",)
    with pytest.raises(PbRuleError, match="від'ємна вартість"):
        greedy([P("A", -1, 5)], 10)
    with pytest.raises(PbRuleError, match="повторюється"):
        greedy([P("A", 1, 5), P("A", 2, 5)], 10)
    with pytest.raises(PbRuleError, match="Бюджет не може"):
        greedy([P("A", 1, 5)], -10)


def test_money_is_shown_in_currency_units() -> None:
    outcome = greedy([P("A", 123456, 5)], 1000000, money_scale=100)
    assert "вартість 1 234,56" in outcome.result_for("A").explanation
    assert pb.format_amount(Fraction(1, 3), 1) == "≈0,33"
    assert pb.format_amount(1234567) == "1 234 567"
    assert pb.format_amount(174108119, 100) == "1 741 081,19"


def test_outcome_status_titles_in_both_languages() -> None:
    assert ProjectStatus.NOT_ENOUGH_MONEY.label() == "не профінансовано — бракує коштів"
    assert ProjectStatus.STOPPED.label("en") == "not considered — stopped after the first project that did not fit"
    assert ProjectStatus.title_of("selected", "en") == "won"

"""Participatory-budget outcome rules: greedy variants, Equal Shares, tie-breaking, explanations.

The optimized Method of Equal Shares is checked against a deliberately naive per-voter implementation
on many small random elections (full of ties), so that the class bookkeeping, the lazy re-pricing and
the integer arithmetic cannot drift from the definition.  Real elections are in
``tests/interchange/test_pabulib.py``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from fractions import Fraction

import pytest

from app.domain import pb_rules
from app.domain.pb_rules import (
    DEFAULT_TIE_BREAK,
    Add1Start,
    EqualSharesOptions,
    PbRuleError,
    ProjectInput,
    ProjectStatus,
    RuleNotImplementedError,
    TieBreak,
    Utility,
    complete_tie_break,
    equal_shares,
    greedy,
    natural_key,
    rank_projects,
    run_rule,
    supporters_from_ballots,
)


def P(pid: str, cost: int, votes: int, points: int | None = None) -> ProjectInput:  # noqa: N802 - reads like a table
    return ProjectInput(pid, cost, votes, points)


# --- tie-breaking and ranking ---------------------------------------------------------------------------------


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


# --- greedy ------------------------------------------------------------------------------------------------------


ELECTION = [P("A", 60, 50), P("B", 50, 40), P("C", 30, 30), P("D", 10, 20), P("E", 5, 3)]


def test_greedy_skips_projects_that_do_not_fit() -> None:
    outcome = greedy(ELECTION, 100)
    assert outcome.selected == ("A", "C", "D")
    assert outcome.cost_used == 100 and outcome.leftover == 0
    b = outcome.result_for("B")
    assert b.status is ProjectStatus.NOT_ENOUGH_MONEY
    assert "вартість 50" in b.explanation and "лишалось 40" in b.explanation
    assert outcome.result_for("E").status is ProjectStatus.NOT_ENOUGH_MONEY
    assert outcome.rule == pb_rules.GREEDY


def test_greedy_no_skip_stops_at_first_project_that_does_not_fit() -> None:
    outcome = greedy(ELECTION, 100, skip=False)
    assert outcome.selected == ("A",)
    assert outcome.result_for("B").status is ProjectStatus.NOT_ENOUGH_MONEY
    for pid in "CDE":
        result = outcome.result_for(pid)
        assert result.status is ProjectStatus.STOPPED
        assert "«B», місце 2" in result.explanation
    assert outcome.rule == pb_rules.GREEDY_NO_SKIP


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
    assert pb_rules.format_amount(Fraction(1, 3), 1) == "≈0,33"
    assert pb_rules.format_amount(1234567) == "1 234 567"
    assert pb_rules.format_amount(174108119, 100) == "1 741 081,19"


# --- Method of Equal Shares: a naive reference ------------------------------------------------------------------


def reference_mes(
    costs: Sequence[int],
    ballots: Sequence[set[int]],
    per_voter: Fraction,
    cost_utility: bool,
    rank: Sequence[int],
) -> list[int]:
    """MES straight from the definition: every voter's money tracked separately, every project priced."""
    n = len(ballots)
    money = [per_voter] * n
    supporters = [[i for i in range(n) if c in ballots[i]] for c in range(len(costs))]
    chosen = sorted((c for c in range(len(costs)) if costs[c] == 0 and supporters[c]), key=lambda c: rank[c])
    remaining = {c for c in range(len(costs)) if costs[c] > 0 and supporters[c]}
    while True:
        best: tuple[tuple[Fraction, int], int, Fraction] | None = None
        for c in remaining:
            if sum(money[i] for i in supporters[c]) < costs[c]:
                continue
            poorest_first = sorted(supporters[c], key=lambda i: money[i])
            paid = Fraction(0)
            share = Fraction(0)
            for j, i in enumerate(poorest_first):
                share = (costs[c] - paid) / (len(poorest_first) - j)
                if money[i] >= share:
                    break
                paid += money[i]
            key = (share / (costs[c] if cost_utility else 1), rank[c])
            if best is None or key < best[0]:
                best = (key, c, share)
        if best is None:
            return chosen
        _, c, share = best
        chosen.append(c)
        remaining.discard(c)
        for i in supporters[c]:
            money[i] -= min(money[i], share)


def reference_outcome(
    costs: Sequence[int], ballots: Sequence[set[int]], budget: int, rank: Sequence[int], opts: EqualSharesOptions
) -> list[int]:
    """Add1 on top of the reference, by its definition."""
    n = len(ballots)
    cost_utility = opts.utility is Utility.COST
    per_voter = Fraction(budget, n)
    if opts.add1 and opts.add1_start is Add1Start.INTEGRAL:
        per_voter = Fraction(budget // n)
    chosen = reference_mes(costs, ballots, per_voter, cost_utility, rank)
    if not opts.add1:
        return chosen
    candidates = {c for c in range(len(costs)) if costs[c] > 0 and any(c in b for b in ballots)}
    while True:
        spent = sum(costs[c] for c in chosen)
        if candidates <= set(chosen):
            return chosen
        if opts.add1_stop_when_exhaustive and all(c in chosen or spent + costs[c] > budget for c in candidates):
            return chosen
        per_voter += 1
        trial = reference_mes(costs, ballots, per_voter, cost_utility, rank)
        if sum(costs[c] for c in trial) > budget:
            return chosen
        chosen = trial


def _random_election(rng: random.Random) -> tuple[list[ProjectInput], list[set[int]], int]:
    m = rng.randint(1, 7)
    n = rng.randint(1, 25)
    costs = [rng.choice([0, 5, 10, 10, 20, 30, 30, 45, 60, 99]) for _ in range(m)]
    ballots = [{c for c in range(m) if rng.random() < 0.4} for _ in range(n)]
    projects = [ProjectInput(f"p{c}", costs[c], sum(c in b for b in ballots)) for c in range(m)]
    budget = rng.randint(0, sum(costs) + 20)
    return projects, ballots, budget


def _run(projects: list[ProjectInput], ballots: list[set[int]], budget: int, opts: EqualSharesOptions) -> list[str]:
    supporters = {p.id: [i for i, b in enumerate(ballots) if c in b] for c, p in enumerate(projects)}
    return list(equal_shares(projects, budget, supporters, len(ballots), options=opts).selected)


@pytest.mark.parametrize(
    "opts",
    [
        EqualSharesOptions(),
        EqualSharesOptions(utility=Utility.CARDINALITY),
        EqualSharesOptions(add1=True),
        EqualSharesOptions(add1=True, utility=Utility.CARDINALITY),
        EqualSharesOptions.pabutools(add1=True),
    ],
    ids=["cost", "cardinality", "add1", "add1-cardinality", "add1-pabutools"],
)
def test_equal_shares_matches_the_naive_definition(opts: EqualSharesOptions) -> None:
    rng = random.Random(20261126)
    for _ in range(150):
        projects, ballots, budget = _random_election(rng)
        if not ballots:
            continue
        order = sorted(
            range(len(projects)), key=lambda c: (-projects[c].votes, projects[c].cost, natural_key(projects[c].id))
        )
        rank = [order.index(c) for c in range(len(projects))]
        costs = [p.cost for p in projects]
        expected = [projects[c].id for c in reference_outcome(costs, ballots, budget, rank, opts)]
        assert _run(projects, ballots, budget, opts) == expected, (projects, ballots, budget)


# --- Method of Equal Shares: behaviour and explanations ---------------------------------------------------------------


def test_equal_shares_explains_winners_and_losers() -> None:
    # two voters with 5 each: A (6) is shared 3 + 3; then voter 0 has 2 left, too little for B (5)
    projects = [P("A", 6, 2), P("B", 5, 1), P("C", 4, 0)]
    outcome = equal_shares(projects, 10, {"A": [0, 1], "B": [0]}, 2)
    assert outcome.selected == ("A",)
    assert outcome.per_voter_budget == 5
    a = outcome.result_for("A")
    assert a.max_payment == 3 and a.position == 1
    assert "кожен із 2 прихильників заплатив 3" in a.explanation
    b = outcome.result_for("B")
    assert b.status is ProjectStatus.SUPPORTERS_CANNOT_PAY
    assert b.supporters_money == 2
    assert "лишалось разом 2, а проєкт коштує 5" in b.explanation
    assert outcome.result_for("C").status is ProjectStatus.NO_SUPPORTERS


def test_equal_shares_poor_supporters_give_everything_they_have() -> None:
    # 4 voters with 10 each: A (24) costs voters 0-2 8 apiece; then B (9) takes voter 0's last 2 and 7 from voter 3
    projects = [P("A", 24, 3), P("B", 9, 2)]
    outcome = equal_shares(projects, 40, {"A": [0, 1, 2], "B": [0, 3]}, 4)
    assert outcome.selected == ("A", "B")
    b = outcome.result_for("B")
    assert b.max_payment == 7
    assert "з 2 прихильників 1 заплатили по 7, а решта 1 віддали все" in b.explanation


def test_free_projects_with_supporters_win_first() -> None:
    projects = [P("free", 0, 1), P("A", 10, 2)]
    outcome = equal_shares(projects, 10, {"free": [1], "A": [0, 1]}, 2)
    assert outcome.selected == ("free", "A")


def test_add1_raises_the_per_voter_budget_until_it_would_overspend() -> None:
    # 4 voters, budget 8: plain MES gives each 2 and funds only A; Add1 funds B at 3 a voter and stops at 4,
    # because at 5 voter 3 could pay for C and the winners would cost 12
    projects = [P("A", 4, 2), P("B", 3, 1), P("C", 5, 1)]
    supporters = {"A": [0, 1], "B": [2], "C": [3]}
    plain = equal_shares(projects, 8, supporters, 4)
    assert plain.selected == ("A",)
    add1 = equal_shares(projects, 8, supporters, 4, options=EqualSharesOptions(add1=True))
    assert add1.selected == ("A", "B")
    assert add1.per_voter_budget == 4
    assert add1.cost_used == 7
    assert any("Доповнення Add1" in note and "понад бюджет" in note for note in add1.notes)


def test_add1_stops_when_every_candidate_is_funded() -> None:
    projects = [P("A", 4, 1), P("B", 3, 1)]
    outcome = equal_shares(projects, 100, {"A": [0], "B": [1]}, 2, options=EqualSharesOptions(add1=True))
    assert set(outcome.selected) == {"A", "B"}
    assert "обрано всі проєкти" in outcome.notes[0]


def test_add1_step_is_one_currency_unit() -> None:
    projects = [P("A", 400, 2), P("B", 300, 1), P("C", 500, 1)]
    supporters = {"A": [0, 1], "B": [2], "C": [3]}
    outcome = equal_shares(projects, 800, supporters, 4, options=EqualSharesOptions(add1=True), money_scale=100)
    assert outcome.per_voter_budget == 400
    assert "збільшень на 1,00: 2" in outcome.notes[0]


def test_comparison_switches_to_greedy_when_more_voters_prefer_it() -> None:
    # MES funds the small B (voters 4, 5); greedy funds the popular A (voters 0-3), which 4 voters prefer
    projects = [P("A", 6, 4), P("B", 2, 2)]
    supporters = {"A": [0, 1, 2, 3], "B": [4, 5]}
    mes = equal_shares(projects, 6, supporters, 6)
    assert mes.selected == ("B",)
    compared = run_rule("equalshares-comparison", projects, 6, supporters=supporters, num_voters=6)
    assert compared.selected == ("A",)
    assert compared.rule == "equalshares-comparison"
    assert "кращий для 4 виборців" in compared.notes[-1] and "жадібного правила" in compared.notes[-1]


def test_comparison_keeps_equal_shares_on_a_tie_or_majority() -> None:
    projects = [P("A", 6, 2), P("B", 2, 2)]
    supporters = {"A": [0, 1], "B": [2, 3]}
    compared = run_rule("equalshares-comparison", projects, 6, supporters=supporters, num_voters=6)
    assert compared.selected == ("B",)
    assert "залишено результат методу рівних часток" in compared.notes[-1]


def test_equal_shares_input_checks() -> None:
    projects = [P("A", 6, 2)]
    with pytest.raises(PbRuleError, match="2 голосів, але 1 прихильників"):
        equal_shares(projects, 10, {"A": [0]}, 2)
    with pytest.raises(PbRuleError, match="поза межами"):
        equal_shares(projects, 10, {"A": [0, 5]}, 2)
    with pytest.raises(PbRuleError, match="двічі"):
        equal_shares(projects, 10, {"A": [1, 1]}, 2)
    with pytest.raises(PbRuleError, match="невідомого проєкту «Z»"):
        equal_shares(projects, 10, {"A": [0, 1], "Z": [0]}, 2)


def test_equal_shares_without_voters_selects_nothing() -> None:
    outcome = equal_shares([P("A", 6, 0)], 10, {}, 0, options=EqualSharesOptions(add1=True))
    assert outcome.selected == ()


def test_supporters_from_ballots() -> None:
    supporters, n = supporters_from_ballots([["A", "B"], [], ["B", "B"]])
    assert n == 3
    assert supporters == {"A": [0], "B": [0, 2]}


# --- rule names ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", ["greedy-custom", "greedy-exclusive", "unknown", "", "phragmen"])
def test_unimplemented_rules_are_refused_never_guessed(rule: str) -> None:
    with pytest.raises(RuleNotImplementedError, match="Правило не реалізовано") as info:
        run_rule(rule, [P("A", 1, 1)], 10)
    assert info.value.rule == (rule or "(порожньо)")


def test_rule_names_are_normalized_and_dispatched() -> None:
    assert run_rule(" GREEDY ", ELECTION, 100).selected == ("A", "C", "D")
    assert run_rule("greedy-no-skip", ELECTION, 100).selected == ("A",)
    assert run_rule("greedy-no-skip", ELECTION, 100, threshold=45).selected == ("A",)
    assert run_rule("greedy-threshold", ELECTION, 100, threshold=25).selected == ("A", "C")
    # plain greedy ignores a threshold, as Pabulib defines it
    assert run_rule("greedy", ELECTION, 100, threshold=25).selected == ("A", "C", "D")
    with pytest.raises(PbRuleError, match="потребує порогу"):
        run_rule("greedy-threshold", ELECTION, 100)
    with pytest.raises(PbRuleError, match="бюлетені"):
        run_rule("equalshares", ELECTION, 100)


def test_equal_shares_options_follow_rule_names() -> None:
    assert EqualSharesOptions.for_rule("equalshares/add1-comparison") == EqualSharesOptions(add1=True, comparison=True)
    assert EqualSharesOptions.for_rule("equalshares").rule == "equalshares"
    assert EqualSharesOptions(add1=True).rule == "equalshares/add1"
    with pytest.raises(PbRuleError, match="не метод рівних часток"):
        EqualSharesOptions.for_rule("greedy")

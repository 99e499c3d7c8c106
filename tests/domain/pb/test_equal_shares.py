"""The Method of Equal Shares, Add1 and the comparison with greedy.

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

from app.domain.pb import (
    Add1Start,
    EqualSharesOptions,
    PbRuleError,
    ProjectInput,
    ProjectStatus,
    Utility,
    equal_shares,
    natural_key,
    run_rule,
    supporters_from_ballots,
)
from tests.domain.pb.support import P

# --- a naive reference ------------------------------------------------------------------------------------------


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


# --- behaviour and explanations -----------------------------------------------------------------------------------


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


def test_equal_shares_options_follow_rule_names() -> None:
    assert EqualSharesOptions.for_rule("equalshares/add1-comparison") == EqualSharesOptions(add1=True, comparison=True)
    assert EqualSharesOptions.for_rule("equalshares").rule == "equalshares"
    assert EqualSharesOptions(add1=True).rule == "equalshares/add1"
    with pytest.raises(PbRuleError, match="не метод рівних часток"):
        EqualSharesOptions.for_rule("greedy")

"""The Method of Equal Shares (MES) on approval ballots, with the Add1 completion and the greedy comparison.

The budget is split equally among voters; a project is funded when its supporters can pay for it, and
the project whose supporters pay least per unit of what they get wins each round.  Which variant
reproduces the published winners was checked against real Pabulib files (``tests/interchange/test_pabulib.py``):
cost utilities, Add1 starting from a whole-unit per-voter budget and *not* stopping early at an exhaustive
outcome (Wieliczka 2023 needs that).  Every share of money is an exact integer or ``Fraction``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from math import gcd

from app.domain.pb.greedy import greedy
from app.domain.pb.model import (
    Outcome,
    ProjectInput,
    ProjectResult,
    ProjectStatus,
    check_projects,
    format_amount,
    tie_sort_key,
)
from app.domain.pb.rules import (
    EQUAL_SHARES,
    EQUAL_SHARES_ADD1,
    EQUAL_SHARES_ADD1_COMPARISON,
    EQUAL_SHARES_COMPARISON,
    EQUAL_SHARES_RULES,
    GREEDY,
    PbRuleError,
    check_rule,
)
from app.domain.pb.ties import DEFAULT_TIE_BREAK, TieBreak, complete_tie_break, natural_key


class Utility(StrEnum):
    """What a voter gains from an approved winner: its cost (equalshares.net, Pabulib) or simply 1."""

    COST = "cost"
    CARDINALITY = "cardinality"


class Add1Start(StrEnum):
    """Where Add1 starts: the budget rounded down to whole units per voter (equalshares.net) or exact B/n."""

    INTEGRAL = "integral"
    EXACT = "exact"


@dataclass(frozen=True, slots=True)
class EqualSharesOptions:
    """Settings of the Method of Equal Shares.

    The defaults reproduce the published Pabulib winners.  :meth:`pabutools` gives the settings of
    ``pabutools.rules.method_of_equal_shares(sat_class=Cost_Sat, voter_budget_increment=1)``, used by
    the benchmark to compare outcomes.
    """

    add1: bool = False
    comparison: bool = False
    utility: Utility = Utility.COST
    add1_start: Add1Start = Add1Start.INTEGRAL
    add1_stop_when_exhaustive: bool = False
    add1_step: int | None = None
    """Per-voter increment in the smallest money unit; ``None`` means one currency unit (``money_scale``)."""

    @classmethod
    def for_rule(cls, rule: str) -> EqualSharesOptions:
        """Options for a Pabulib ``equalshares...`` rule name."""
        name = check_rule(rule)
        if name not in EQUAL_SHARES_RULES:
            raise PbRuleError(f"«{rule}» — не метод рівних часток.")
        return cls(add1="/add1" in name, comparison=name.endswith("-comparison"))

    @classmethod
    def pabutools(cls, *, add1: bool = False) -> EqualSharesOptions:
        """Settings matching pabutools 1.2.3: start at exact B/n, stop Add1 at an exhaustive outcome."""
        return cls(add1=add1, add1_start=Add1Start.EXACT, add1_stop_when_exhaustive=True)

    @property
    def rule(self) -> str:
        """The Pabulib rule name these options implement."""
        if self.add1:
            return EQUAL_SHARES_ADD1_COMPARISON if self.comparison else EQUAL_SHARES_ADD1
        return EQUAL_SHARES_COMPARISON if self.comparison else EQUAL_SHARES


@dataclass(slots=True)
class _MesRun:
    """One fixed-budget run of MES, kept in integers; fractions are built only for the final report."""

    winners: list[int] = field(default_factory=list)
    free: list[int] = field(default_factory=list)
    # winner -> (round, need, denominator, number of supporters paying the full share)
    paid: dict[int, tuple[int, int, int, int]] = field(default_factory=dict)
    # loser -> (round, money numerator, denominator)
    dropped: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    cost: int = 0
    overspent: bool = False


def _mes_fixed(
    costs: Sequence[int],
    supporters: Sequence[Sequence[int]],
    num_voters: int,
    per_voter: Fraction,
    cost_utility: bool,
    tie_rank: Sequence[int],
    cap: int | None = None,
) -> _MesRun:
    """Run MES once with every voter starting at ``per_voter``.

    Voters are grouped into *classes* of equal remaining budget (all start in one class; paying for a
    winner moves its supporters of a class into a new class), so the water-filling that prices a project
    works on a few hundred classes rather than on every supporter.  Budgets are integers over one common
    denominator ``scale`` that grows when a payment is not a whole multiple of it; all comparisons are
    therefore integer comparisons.  Projects are re-priced lazily in order of their previous price, which
    can only rise as voters spend, so a project whose old price already loses to the best is not priced.
    With ``cap``, the run stops as soon as the winners cost more than ``cap`` (Add1 only needs to know).
    """
    run = _MesRun()
    scale = per_voter.denominator
    class_money: list[int] = [per_voter.numerator]
    zero_class = -1
    voter_class = [0] * num_voters
    n_supp = [len(s) for s in supporters]
    # price of a project = max share / utility; kept as an exact fraction num/den and a float for ordering
    price_num: dict[int, int] = {}
    price_den: dict[int, int] = {}
    price_key: dict[int, float] = {}
    alive: set[int] = set()
    for c, cost in enumerate(costs):
        if not n_supp[c]:
            continue
        if cost == 0:
            run.free.append(c)
            continue
        alive.add(c)
        price_num[c] = cost
        price_den[c] = n_supp[c] * (cost if cost_utility else 1)
        price_key[c] = price_num[c] / price_den[c]
    run.free.sort(key=tie_rank.__getitem__)
    run.cost = sum(costs[c] for c in run.free)
    round_no = len(run.free)
    last_hist: dict[int, Counter[int]] = {}
    while alive:
        round_no += 1
        best_num = best_den = 0
        best: list[tuple[int, int, int]] = []
        for c in sorted(alive, key=lambda c: (price_key[c], tie_rank[c])):
            if best and price_num[c] * best_den > best_num * price_den[c]:
                continue  # its old price already loses; prices only rise
            cost = costs[c]
            need_total = cost * scale
            hist = Counter(map(voter_class.__getitem__, supporters[c]))
            paid = 0
            remaining = n_supp[c]
            need = 0
            for k in sorted(hist, key=class_money.__getitem__):
                money = class_money[k]
                need = need_total - paid
                if money * remaining >= need:
                    break
                paid += money * hist[k]
                remaining -= hist[k]
            else:
                alive.discard(c)
                run.dropped[c] = (round_no, paid, scale)
                continue
            # share = need / (remaining * scale) of money; price = share / utility
            num, den = need, remaining * scale * (cost if cost_utility else 1)
            g = gcd(num, den)
            num //= g
            den //= g
            price_num[c], price_den[c], price_key[c] = num, den, num / den
            last_hist[c] = hist
            if not best or num * best_den < best_num * den:
                best_num, best_den = num, den
                best = [(c, need, remaining)]
            elif num * best_den == best_num * den:
                best.append((c, need, remaining))
        if not best:
            break
        winner, need, remaining = min(best, key=lambda item: tie_rank[item[0]])
        alive.discard(winner)
        run.winners.append(winner)
        run.paid[winner] = (round_no, need, remaining * scale, remaining)
        run.cost += costs[winner]
        if cap is not None and run.cost > cap:
            run.overspent = True
            return run
        # make the share a whole number of units of 1/scale
        grow = remaining // gcd(need, remaining)
        if grow > 1:
            scale *= grow
            class_money = [m * grow for m in class_money]
        share = need * grow // remaining
        remap: dict[int, int] = {}
        for k in last_hist[winner]:
            left = class_money[k] - share
            if left <= 0:
                if zero_class < 0:
                    zero_class = len(class_money)
                    class_money.append(0)
                remap[k] = zero_class
            else:
                remap[k] = len(class_money)
                class_money.append(left)
        for v in supporters[winner]:
            voter_class[v] = remap[voter_class[v]]
    return run


def supporters_from_ballots(ballots: Iterable[Iterable[str]]) -> tuple[dict[str, list[int]], int]:
    """Turn approval ballots (project ids per voter) into voter indices per project, and the voter count."""
    supporters: dict[str, list[int]] = {}
    n = 0
    for n, ballot in enumerate(ballots, start=1):
        for pid in set(ballot):
            supporters.setdefault(pid, []).append(n - 1)
    return supporters, n


def equal_shares(
    projects: Sequence[ProjectInput],
    budget: int,
    supporters: Mapping[str, Sequence[int]],
    num_voters: int,
    *,
    options: EqualSharesOptions | None = None,
    tie_break: Iterable[TieBreak | str] = DEFAULT_TIE_BREAK,
    money_scale: int = 1,
) -> Outcome:
    """The Method of Equal Shares on approval ballots.

    ``supporters[project_id]`` lists the indices (``0 <= i < num_voters``) of the voters who approved the
    project, each once; a project without an entry has no supporters.  ``ProjectInput.votes`` must equal
    the number of its supporters.  See :class:`EqualSharesOptions` for the variants.
    """
    opts = options or EqualSharesOptions()
    check_projects(projects, budget)
    tb = complete_tie_break(tie_break)
    if money_scale < 1:
        raise PbRuleError("Масштаб грошей має бути додатним.")
    ids = [p.id for p in projects]
    known = set(ids)
    unknown = sorted(set(supporters) - known, key=natural_key)
    if unknown:
        raise PbRuleError(f"Прихильники вказані для невідомого проєкту «{unknown[0]}».")
    supp: list[Sequence[int]] = [supporters.get(p.id, ()) for p in projects]
    for p, s in zip(projects, supp, strict=True):
        if len(s) != p.votes:
            raise PbRuleError(f"Проєкт «{p.id}»: {p.votes} голосів, але {len(s)} прихильників.")
        if s and (min(s) < 0 or max(s) >= num_voters):
            raise PbRuleError(f"Проєкт «{p.id}»: номер виборця поза межами 0…{num_voters - 1}.")
        if len(set(s)) != len(s):
            raise PbRuleError(f"Проєкт «{p.id}»: той самий виборець указаний двічі.")
    costs = [p.cost for p in projects]
    order = sorted(range(len(projects)), key=lambda i: tie_sort_key(projects[i], tb))
    tie_rank = [0] * len(projects)
    for rank, i in enumerate(order):
        tie_rank[i] = rank
    cost_utility = opts.utility is Utility.COST
    step = opts.add1_step if opts.add1_step is not None else money_scale
    if step < 1:
        raise PbRuleError("Крок доповнення Add1 має бути додатним.")
    notes: list[str] = []

    if num_voters == 0:
        per_voter = Fraction(0)
        run = _MesRun()
    else:
        exact = Fraction(budget, num_voters)
        per_voter = exact
        if opts.add1 and opts.add1_start is Add1Start.INTEGRAL:
            per_voter = Fraction((budget // (num_voters * step)) * step)
        run = _mes_fixed(costs, supp, num_voters, per_voter, cost_utility, tie_rank)
        if opts.add1:
            candidates = [c for c in range(len(projects)) if supp[c] and costs[c] > 0]
            start, steps, reason = per_voter, 0, ""
            while True:
                chosen = set(run.winners)
                if all(c in chosen for c in candidates):
                    reason = "обрано всі проєкти, що мають прихильників"
                    break
                if opts.add1_stop_when_exhaustive and all(
                    c in chosen or run.cost + costs[c] > budget for c in candidates
                ):
                    reason = "жоден інший проєкт уже не вміщається в залишок бюджету"
                    break
                trial = _mes_fixed(costs, supp, num_voters, per_voter + step, cost_utility, tie_rank, cap=budget)
                if trial.overspent or trial.cost > budget:
                    reason = (
                        f"наступне збільшення (до {format_amount(per_voter + step, money_scale)}) дало б "
                        f"переможців на суму понад бюджет"
                    )
                    break
                per_voter += step
                steps += 1
                run = trial
            notes.append(
                f"Доповнення Add1: бюджет виборця {format_amount(per_voter, money_scale)} "
                f"(рівна частка {format_amount(exact, money_scale)}, старт {format_amount(start, money_scale)}, "
                f"збільшень на {format_amount(step, money_scale)}: {steps}); зупинка: {reason}."
            )

    winners = [*run.free, *run.winners]
    outcome = Outcome(
        rule=opts.rule,
        budget=budget,
        selected=tuple(ids[c] for c in winners),
        cost_used=sum(costs[c] for c in winners),
        projects=_mes_results(projects, supp, run, per_voter, money_scale, tb),
        tie_break=tb,
        money_scale=money_scale,
        per_voter_budget=per_voter,
        notes=tuple(notes),
    )
    if opts.comparison:
        outcome = _comparison_step(outcome, projects, supp, num_voters, tb, money_scale)
    return outcome


def _mes_results(
    projects: Sequence[ProjectInput],
    supp: Sequence[Sequence[int]],
    run: _MesRun,
    per_voter: Fraction,
    money_scale: int,
    tie_break: tuple[TieBreak, ...],
) -> tuple[ProjectResult, ...]:
    """Explain every project of the final MES run: winners in round order, then the rest by votes."""
    results: list[ProjectResult] = []
    fmt = format_amount
    for position, c in enumerate(run.free, start=1):
        p = projects[c]
        results.append(
            ProjectResult(
                p.id,
                p.cost,
                p.votes,
                p.score,
                ProjectStatus.SELECTED,
                "Переміг: проєкт нічого не коштує, а прихильники в нього є.",
                position,
                max_payment=Fraction(0),
            )
        )
    for c in run.winners:
        p = projects[c]
        round_no, need, den, full = run.paid[c]
        share = Fraction(need, den)
        n = len(supp[c])
        head = f"Переміг у раунді {round_no} (вартість {fmt(p.cost, money_scale)}): "
        if n == 1:
            text = head + "єдиний прихильник заплатив усю суму."
        elif full == n:
            text = head + f"кожен із {n} прихильників заплатив {fmt(share, money_scale)}."
        else:
            text = head + (
                f"з {n} прихильників {full} заплатили по {fmt(share, money_scale)}, "
                f"а решта {n - full} віддали все, що в них лишалось."
            )
        results.append(
            ProjectResult(p.id, p.cost, p.votes, p.score, ProjectStatus.SELECTED, text, round_no, max_payment=share)
        )
    free = set(run.free)
    rest = [c for c in range(len(projects)) if c not in run.paid and c not in free]
    rest.sort(key=lambda c: (-projects[c].votes, *tie_sort_key(projects[c], tie_break)))
    for c in rest:
        p = projects[c]
        if not supp[c]:
            results.append(
                ProjectResult(
                    p.id,
                    p.cost,
                    p.votes,
                    p.score,
                    ProjectStatus.NO_SUPPORTERS,
                    "Не профінансовано: жоден виборець його не підтримав.",
                )
            )
            continue
        dropped = run.dropped.get(c)
        if dropped is None:  # only when a capped run stopped early; not part of a returned outcome
            money = per_voter * len(supp[c])
            text = "Не профінансовано."
        else:
            round_no, num, den = dropped
            money = Fraction(num, den)
            text = (
                f"Прихильникам бракує коштів: у {len(supp[c])} прихильників на раунд {round_no} лишалось разом "
                f"{fmt(money, money_scale)}, а проєкт коштує {fmt(p.cost, money_scale)} "
                f"(рівна частка кожного на старті — {fmt(per_voter, money_scale)})."
            )
        results.append(
            ProjectResult(
                p.id,
                p.cost,
                p.votes,
                p.score,
                ProjectStatus.SUPPORTERS_CANNOT_PAY,
                text,
                supporters_money=money,
            )
        )
    return tuple(results)


def _comparison_step(
    mes: Outcome,
    projects: Sequence[ProjectInput],
    supp: Sequence[Sequence[int]],
    num_voters: int,
    tie_break: tuple[TieBreak, ...],
    money_scale: int,
) -> Outcome:
    """Compare MES with ``greedy`` by voter satisfaction; switch if strictly more voters prefer greedy.

    A voter prefers the outcome in which more of the projects they approved win (the "satisfaction"
    comparison of equalshares.net and Pabulib).  Ties keep the MES outcome.
    """
    plain = [ProjectInput(p.id, p.cost, p.votes) for p in projects]
    greedy_outcome = greedy(plain, mes.budget, tie_break=tie_break, money_scale=money_scale, rule=GREEDY)
    index = {p.id: i for i, p in enumerate(projects)}
    mes_set, greedy_set = mes.selected_set, greedy_outcome.selected_set
    balance = [0] * num_voters
    for pid in mes_set - greedy_set:
        for v in supp[index[pid]]:
            balance[v] += 1
    for pid in greedy_set - mes_set:
        for v in supp[index[pid]]:
            balance[v] -= 1
    prefer_mes = sum(1 for b in balance if b > 0)
    prefer_greedy = sum(1 for b in balance if b < 0)
    if prefer_greedy > prefer_mes:
        chosen = greedy_outcome
        note = (
            f"Порівняння: результат жадібного правила кращий для {prefer_greedy} виборців, результат методу "
            f"рівних часток — для {prefer_mes}; тому застосовано результат жадібного правила."
        )
    else:
        chosen = mes
        note = (
            f"Порівняння: результат методу рівних часток кращий для {prefer_mes} виборців, результат жадібного "
            f"правила — для {prefer_greedy}; тому залишено результат методу рівних часток."
        )
    return Outcome(
        rule=mes.rule,
        budget=mes.budget,
        selected=chosen.selected,
        cost_used=chosen.cost_used,
        projects=chosen.projects,
        tie_break=tie_break,
        money_scale=money_scale,
        per_voter_budget=mes.per_voter_budget,
        notes=(*mes.notes, note),
    )

"""Outcome rules of a participatory budget (громадський бюджет): who wins, and why the others did not.

Pure functions over plain inputs: projects (id, cost, votes, points), one budget and, for the Method of
Equal Shares, the supporters of each project as voter indices.  The Pabulib reader
(``app.interchange.pabulib``) and the app's budget service (one call per category) both feed them.

Arithmetic is exact: money is an ``int`` in the smallest unit (kopiykas, groszy; ``money_scale`` says how
many of them make one currency unit) and every share of money is an integer or a ``Fraction``.  A result
must be reproducible to the last kopiyka by anyone who re-counts the ballots, so floats are never used
for a decision.

Rules carry their Pabulib names (META ``rule``):

* ``greedy`` — order by votes (points), fund each project that still fits, skip those that do not;
* ``greedy-no-skip`` — the same, but stop at the first project that does not fit;
* ``greedy-threshold`` — ``greedy`` over projects with at least the minimum number of votes (points);
* ``equalshares`` — the Method of Equal Shares (MES) with cost utilities: the budget is split equally
  among voters and a project is funded when its supporters can pay for it, preferring the project whose
  supporters pay least per unit of what they get;
* ``equalshares/add1`` — MES repeated with the per-voter budget raised by one currency unit at a time
  while the outcome still fits the real budget (the completion used by equalshares.net and Pabulib);
* ``equalshares-comparison`` and ``equalshares/add1-comparison`` — the MES result is compared with the
  ``greedy`` result and replaced by it if more voters prefer it (more approved winners).

Which variant reproduces the published winners was checked against real Pabulib files (see
``tests/domain/test_pb_rules.py``): cost utilities, Add1 starting from a whole-unit per-voter budget and
*not* stopping early at an exhaustive outcome (Wieliczka 2023 needs that), greedy ties broken by more
votes, then lower cost, then project id.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from math import gcd

Number = int | Fraction
"""Votes, points and shares of money: always exact."""

GREEDY = "greedy"
GREEDY_NO_SKIP = "greedy-no-skip"
GREEDY_THRESHOLD = "greedy-threshold"
EQUAL_SHARES = "equalshares"
EQUAL_SHARES_ADD1 = "equalshares/add1"
EQUAL_SHARES_COMPARISON = "equalshares-comparison"
EQUAL_SHARES_ADD1_COMPARISON = "equalshares/add1-comparison"

IMPLEMENTED_RULES: tuple[str, ...] = (
    GREEDY,
    GREEDY_NO_SKIP,
    GREEDY_THRESHOLD,
    EQUAL_SHARES,
    EQUAL_SHARES_ADD1,
    EQUAL_SHARES_COMPARISON,
    EQUAL_SHARES_ADD1_COMPARISON,
)
GREEDY_RULES: frozenset[str] = frozenset({GREEDY, GREEDY_NO_SKIP, GREEDY_THRESHOLD})
EQUAL_SHARES_RULES: frozenset[str] = frozenset(IMPLEMENTED_RULES) - GREEDY_RULES

RULE_TITLES: dict[str, str] = {
    GREEDY: "жадібне правило: за кількістю голосів, проєкти, що не вміщаються, пропускаються",
    GREEDY_NO_SKIP: "жадібне правило без пропусків: зупинка на першому проєкті, що не вміщається",
    GREEDY_THRESHOLD: "жадібне правило з порогом: лише проєкти з мінімальною кількістю голосів",
    EQUAL_SHARES: "метод рівних часток (Method of Equal Shares)",
    EQUAL_SHARES_ADD1: "метод рівних часток із доповненням Add1",
    EQUAL_SHARES_COMPARISON: "метод рівних часток із порівнянням із жадібним правилом",
    EQUAL_SHARES_ADD1_COMPARISON: "метод рівних часток із доповненням Add1 і порівнянням із жадібним правилом",
}
RULE_TITLES_EN: dict[str, str] = {
    GREEDY: "greedy rule: by number of votes, projects that do not fit are skipped",
    GREEDY_NO_SKIP: "greedy rule without skipping: stops at the first project that does not fit",
    GREEDY_THRESHOLD: "greedy rule with a threshold: only projects with the minimum number of votes",
    EQUAL_SHARES: "Method of Equal Shares",
    EQUAL_SHARES_ADD1: "Method of Equal Shares with the Add1 completion",
    EQUAL_SHARES_COMPARISON: "Method of Equal Shares compared with the greedy rule",
    EQUAL_SHARES_ADD1_COMPARISON: "Method of Equal Shares with the Add1 completion, compared with the greedy rule",
}


def rule_title(rule: str, language: str = "uk") -> str | None:
    """The rule's title in ``"uk"`` or ``"en"``; None for a rule the program does not know."""
    return (RULE_TITLES_EN if language == "en" else RULE_TITLES).get(rule)


class PbRuleError(ValueError):
    """Inputs a rule cannot work with (negative cost, unknown voter...); the message is in Ukrainian."""


class RuleNotImplementedError(PbRuleError):
    """A rule we do not implement (city-specific or unknown): refused, never guessed."""

    def __init__(self, rule: str) -> None:
        self.rule = rule
        super().__init__(f"Правило не реалізовано: «{rule}». Реалізовані правила: {', '.join(IMPLEMENTED_RULES)}.")


def normalize_rule(rule: str) -> str:
    """The rule name as Pabulib spells it (trimmed, lower case)."""
    return rule.strip().lower()


def check_rule(rule: str) -> str:
    """Return the normalized rule name, or raise :class:`RuleNotImplementedError`."""
    name = normalize_rule(rule)
    if name not in IMPLEMENTED_RULES:
        raise RuleNotImplementedError(rule.strip() or "(порожньо)")
    return name


# --- tie-breaking -----------------------------------------------------------------------------------


class TieBreak(StrEnum):
    """One criterion for ordering projects whose votes (or MES price) are equal."""

    MORE_VOTES = "more-votes"
    LOWER_COST = "lower-cost"
    HIGHER_COST = "higher-cost"
    PROJECT_ID = "project-id"


DEFAULT_TIE_BREAK: tuple[TieBreak, ...] = (TieBreak.MORE_VOTES, TieBreak.LOWER_COST, TieBreak.PROJECT_ID)
"""Reproduces every real file we checked: more voters first, then the cheaper project, then the id."""

_TIE_BREAK_TEXT = {
    TieBreak.MORE_VOTES: "більше виборців",
    TieBreak.LOWER_COST: "менша вартість",
    TieBreak.HIGHER_COST: "більша вартість",
    TieBreak.PROJECT_ID: "менший ідентифікатор проєкту (числа в ідентифікаторі порівнюються як числа)",
}
_TIE_BREAK_TEXT_EN = {
    TieBreak.MORE_VOTES: "more voters",
    TieBreak.LOWER_COST: "lower cost",
    TieBreak.HIGHER_COST: "higher cost",
    TieBreak.PROJECT_ID: "lower project id (numbers in the id compared as numbers)",
}


def complete_tie_break(tie_break: Iterable[TieBreak | str]) -> tuple[TieBreak, ...]:
    """Validate the criteria and end them with the project id, so that the order is always total."""
    out: list[TieBreak] = []
    for item in tie_break:
        try:
            crit = TieBreak(item)
        except ValueError:
            known = ", ".join(t.value for t in TieBreak)
            raise PbRuleError(f"Невідомий критерій розв'язання нічиєї: «{item}». Можливі: {known}.") from None
        if crit in out:
            continue
        if {crit, *out} >= {TieBreak.LOWER_COST, TieBreak.HIGHER_COST}:
            raise PbRuleError("Не можна водночас віддавати перевагу меншій і більшій вартості.")
        out.append(crit)
    if TieBreak.PROJECT_ID not in out:
        out.append(TieBreak.PROJECT_ID)
    return tuple(out)


def describe_tie_break(tie_break: Iterable[TieBreak | str], language: str = "uk") -> str:
    """The stated tie-breaking rule, in Ukrainian (``"en"``: English, for the GUI), for results and reports."""
    if language == "en":
        return "on a tie, preference to: " + " → ".join(_TIE_BREAK_TEXT_EN[t] for t in complete_tie_break(tie_break))
    return "за рівності перевага: " + " → ".join(_TIE_BREAK_TEXT[t] for t in complete_tie_break(tie_break))


_ID_PARTS = re.compile(r"(\d+)")


def natural_key(project_id: str) -> tuple[tuple[int, int, str], ...]:
    """Order ids as people do: ``2`` before ``10``, ``B9`` before ``B10``."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in _ID_PARTS.split(project_id) if part)


# --- inputs and results -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProjectInput:
    """One project as a rule sees it.

    ``votes`` is the number of voters who chose it; ``points`` is what greedy rules rank by (the sum of
    points for cumulative or scoring ballots, Borda points for ordinal ones) and defaults to ``votes``.
    """

    id: str
    cost: int
    votes: int
    points: Number | None = None

    @property
    def score(self) -> Number:
        """Points if given, else votes."""
        return self.votes if self.points is None else self.points


class ProjectStatus(StrEnum):
    """Why a project ended where it did."""

    SELECTED = "selected"
    NOT_ENOUGH_MONEY = "not-enough-money"
    BELOW_THRESHOLD = "below-threshold"
    STOPPED = "stopped-no-skip"
    SUPPORTERS_CANNOT_PAY = "supporters-cannot-pay"
    NO_SUPPORTERS = "no-supporters"


STATUS_TITLES: dict[ProjectStatus, str] = {
    ProjectStatus.SELECTED: "переміг",
    ProjectStatus.NOT_ENOUGH_MONEY: "не профінансовано — бракує коштів",
    ProjectStatus.BELOW_THRESHOLD: "нижче порогу",
    ProjectStatus.STOPPED: "не розглядався — зупинка після першого, що не вмістився",
    ProjectStatus.SUPPORTERS_CANNOT_PAY: "не профінансовано — прихильникам бракує коштів",
    ProjectStatus.NO_SUPPORTERS: "не профінансовано — немає прихильників",
}
STATUS_TITLES_EN: dict[ProjectStatus, str] = {
    ProjectStatus.SELECTED: "won",
    ProjectStatus.NOT_ENOUGH_MONEY: "not funded — not enough money",
    ProjectStatus.BELOW_THRESHOLD: "below the threshold",
    ProjectStatus.STOPPED: "not considered — stopped after the first project that did not fit",
    ProjectStatus.SUPPORTERS_CANNOT_PAY: "not funded — its supporters lack the money",
    ProjectStatus.NO_SUPPORTERS: "not funded — no supporters",
}


@dataclass(frozen=True, slots=True)
class ProjectResult:
    """The fate of one project and a one-sentence Ukrainian explanation of it.

    ``position`` is the place in the greedy ranking, or the MES round in which the project won.
    ``supporters_money`` (MES) is what its supporters had left together when it was judged;
    ``max_payment`` (MES winners) is the most any single supporter paid for it.
    """

    project_id: str
    cost: int
    votes: int
    score: Number
    status: ProjectStatus
    explanation: str
    position: int | None = None
    supporters_money: Fraction | None = None
    max_payment: Fraction | None = None

    @property
    def selected(self) -> bool:
        """True for a winner."""
        return self.status is ProjectStatus.SELECTED


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one rule on one budget: winners in the order chosen, every project explained."""

    rule: str
    budget: int
    selected: tuple[str, ...]
    cost_used: int
    projects: tuple[ProjectResult, ...]
    tie_break: tuple[TieBreak, ...]
    money_scale: int = 1
    threshold: Number | None = None
    per_voter_budget: Fraction | None = None
    notes: tuple[str, ...] = ()

    @property
    def leftover(self) -> int:
        """Money not spent."""
        return self.budget - self.cost_used

    @property
    def selected_set(self) -> frozenset[str]:
        """Winners as a set, for comparisons."""
        return frozenset(self.selected)

    @property
    def tie_break_text(self) -> str:
        """The stated tie-breaking rule in Ukrainian."""
        return describe_tie_break(self.tie_break)

    def result_for(self, project_id: str) -> ProjectResult:
        """The result of one project (KeyError if unknown)."""
        for item in self.projects:
            if item.project_id == project_id:
                return item
        raise KeyError(project_id)


def format_amount(amount: Number, money_scale: int = 1) -> str:
    """``123456789`` kopiykas → ``1 234 567,89``; shares of money are rounded to two places (``≈``)."""
    value = Fraction(amount) / money_scale
    sign = "-" if value < 0 else ""
    value = abs(value)
    cents = value * 100
    approx = cents.denominator != 1
    whole_cents = round(cents)
    units, rest = divmod(int(whole_cents), 100)
    digits = str(units)
    groups: list[str] = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    text = " ".join(reversed(groups))
    if rest or money_scale > 1 or approx:
        text += f",{rest:02d}"
    return ("≈" if approx else "") + sign + text


def _check_projects(projects: Sequence[ProjectInput], budget: int) -> None:
    if budget < 0:
        raise PbRuleError(f"Бюджет не може бути від'ємним: {budget}.")
    seen: set[str] = set()
    for p in projects:
        if p.id in seen:
            raise PbRuleError(f"Проєкт «{p.id}» повторюється.")
        seen.add(p.id)
        if p.cost < 0:
            raise PbRuleError(f"Проєкт «{p.id}»: від'ємна вартість {p.cost}.")
        if p.votes < 0:
            raise PbRuleError(f"Проєкт «{p.id}»: від'ємна кількість голосів {p.votes}.")


def _tie_sort_key(p: ProjectInput, tie_break: tuple[TieBreak, ...]) -> tuple[object, ...]:
    parts: list[object] = []
    for crit in tie_break:
        if crit is TieBreak.MORE_VOTES:
            parts.append(-p.votes)
        elif crit is TieBreak.LOWER_COST:
            parts.append(p.cost)
        elif crit is TieBreak.HIGHER_COST:
            parts.append(-p.cost)
        else:
            parts.append(natural_key(p.id))
    return tuple(parts)


def rank_projects(
    projects: Sequence[ProjectInput], tie_break: Iterable[TieBreak | str] = DEFAULT_TIE_BREAK
) -> list[ProjectInput]:
    """Projects by points (votes) descending, ties broken by ``tie_break``: the order greedy rules use."""
    tb = complete_tie_break(tie_break)
    return sorted(projects, key=lambda p: (-p.score, *_tie_sort_key(p, tb)))


# --- greedy rules ---------------------------------------------------------------------------------------


def greedy(
    projects: Sequence[ProjectInput],
    budget: int,
    *,
    skip: bool = True,
    threshold: Number | None = None,
    tie_break: Iterable[TieBreak | str] = DEFAULT_TIE_BREAK,
    money_scale: int = 1,
    rule: str | None = None,
) -> Outcome:
    """Fund projects in order of points (votes) while money lasts.

    ``skip=False`` is ``greedy-no-skip``: the first project that does not fit ends the count.  With a
    ``threshold`` only projects with at least that many points take part (``greedy-threshold``; Gdynia
    also combines it with no-skip).  Projects below the threshold never stop a no-skip count.
    """
    _check_projects(projects, budget)
    tb = complete_tie_break(tie_break)
    name = rule or (GREEDY_THRESHOLD if threshold is not None and skip else GREEDY if skip else GREEDY_NO_SKIP)
    left = budget
    selected: list[str] = []
    results: list[ProjectResult] = []
    stopped_by: tuple[str, int] | None = None
    for position, p in enumerate(rank_projects(projects, tb), start=1):
        score = p.score
        if threshold is not None and score < threshold:
            status = ProjectStatus.BELOW_THRESHOLD
            text = f"Нижче порогу: {_score_text(p)} при мінімумі {threshold}, тому не бере участі в розподілі."
        elif stopped_by is not None:
            status = ProjectStatus.STOPPED
            text = (
                f"Не розглядався: правило зупиняється на першому проєкті, що не вміщається в бюджет "
                f"(«{stopped_by[0]}», місце {stopped_by[1]})."
            )
        elif p.cost <= left:
            left -= p.cost
            selected.append(p.id)
            status = ProjectStatus.SELECTED
            text = (
                f"Переміг: {_score_text(p)}, місце {position}; вартість {format_amount(p.cost, money_scale)}, "
                f"після нього в бюджеті лишилось {format_amount(left, money_scale)}."
            )
        else:
            status = ProjectStatus.NOT_ENOUGH_MONEY
            text = (
                f"Бракує коштів: вартість {format_amount(p.cost, money_scale)}, а на його черзі (місце {position}) "
                f"у бюджеті лишалось {format_amount(left, money_scale)}."
            )
            if not skip:
                stopped_by = (p.id, position)
        results.append(ProjectResult(p.id, p.cost, p.votes, score, status, text, position))
    return Outcome(
        rule=name,
        budget=budget,
        selected=tuple(selected),
        cost_used=budget - left,
        projects=tuple(results),
        tie_break=tb,
        money_scale=money_scale,
        threshold=threshold,
    )


def _plural(n: int, one: str, few: str, many: str) -> str:
    """Ukrainian plural form for a whole number."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _score_text(p: ProjectInput) -> str:
    """``1 234 голоси`` or ``2 445 балів від 274 виборців``."""
    votes = f"{format_amount(p.votes)} {_plural(p.votes, 'голос', 'голоси', 'голосів')}"
    if p.points is None:
        return votes
    pts = p.points
    word = _plural(pts, "бал", "бали", "балів") if isinstance(pts, int) else "балів"
    voters = _plural(p.votes, "виборця", "виборців", "виборців")
    return f"{format_amount(pts) if isinstance(pts, int) else pts} {word} від {format_amount(p.votes)} {voters}"


# --- Method of Equal Shares -------------------------------------------------------------------------------


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
    _check_projects(projects, budget)
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
    order = sorted(range(len(projects)), key=lambda i: _tie_sort_key(projects[i], tb))
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
    rest.sort(key=lambda c: (-projects[c].votes, *_tie_sort_key(projects[c], tie_break)))
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


# --- one entry point for every implemented rule --------------------------------------------------------------


def run_rule(
    rule: str,
    projects: Sequence[ProjectInput],
    budget: int,
    *,
    supporters: Mapping[str, Sequence[int]] | None = None,
    num_voters: int | None = None,
    threshold: Number | None = None,
    tie_break: Iterable[TieBreak | str] = DEFAULT_TIE_BREAK,
    money_scale: int = 1,
    mes_options: EqualSharesOptions | None = None,
) -> Outcome:
    """Apply a rule by its Pabulib name; the app calls this once per category with that category's budget.

    ``threshold`` is used by ``greedy-threshold`` (required) and ``greedy-no-skip`` (if given, as in
    Gdynia); plain ``greedy`` ignores it, as Pabulib defines.  Equal Shares needs ``supporters`` and
    ``num_voters``; ``mes_options`` overrides the variant's settings (the rule name still sets Add1 and
    comparison).
    """
    name = check_rule(rule)
    if name == GREEDY:
        return greedy(projects, budget, tie_break=tie_break, money_scale=money_scale, rule=name)
    if name == GREEDY_NO_SKIP:
        return greedy(
            projects, budget, skip=False, threshold=threshold, tie_break=tie_break, money_scale=money_scale, rule=name
        )
    if name == GREEDY_THRESHOLD:
        if threshold is None:
            raise PbRuleError("Правило greedy-threshold потребує порогу (мінімальної кількості голосів).")
        return greedy(projects, budget, threshold=threshold, tie_break=tie_break, money_scale=money_scale, rule=name)
    if supporters is None or num_voters is None:
        raise PbRuleError("Методу рівних часток потрібні бюлетені: хто з виборців підтримав який проєкт.")
    base = EqualSharesOptions.for_rule(name)
    opts = base if mes_options is None else _with_rule(mes_options, base)
    return equal_shares(
        projects, budget, supporters, num_voters, options=opts, tie_break=tie_break, money_scale=money_scale
    )


def _with_rule(options: EqualSharesOptions, base: EqualSharesOptions) -> EqualSharesOptions:
    return EqualSharesOptions(
        add1=base.add1,
        comparison=base.comparison,
        utility=options.utility,
        add1_start=options.add1_start,
        add1_stop_when_exhaustive=options.add1_stop_when_exhaustive,
        add1_step=options.add1_step,
    )

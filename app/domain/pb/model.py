"""The outcome model: projects as a rule sees them, the fate of each project, the outcome of one rule.

Arithmetic is exact: money is an ``int`` in the smallest unit (kopiykas, groszy; ``money_scale`` says how
many of them make one currency unit) and every share of money is an integer or a ``Fraction``.  A result
must be reproducible to the last kopiyka by anyone who re-counts the ballots, so floats are never used
for a decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from app.domain.enums import TitledEnum
from app.domain.pb.rules import PbRuleError
from app.domain.pb.ties import DEFAULT_TIE_BREAK, TieBreak, complete_tie_break, describe_tie_break, natural_key

Number = int | Fraction
"""Votes, points and shares of money: always exact."""


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


class ProjectStatus(TitledEnum):
    """Why a project ended where it did, titled as results explain it."""

    SELECTED = "selected", "переміг", "won"
    NOT_ENOUGH_MONEY = "not-enough-money", "не профінансовано — бракує коштів", "not funded — not enough money"
    BELOW_THRESHOLD = "below-threshold", "нижче порогу", "below the threshold"
    STOPPED = (
        "stopped-no-skip",
        "не розглядався — зупинка після першого, що не вмістився",
        "not considered — stopped after the first project that did not fit",
    )
    SUPPORTERS_CANNOT_PAY = (
        "supporters-cannot-pay",
        "не профінансовано — прихильникам бракує коштів",
        "not funded — its supporters lack the money",
    )
    NO_SUPPORTERS = "no-supporters", "не профінансовано — немає прихильників", "not funded — no supporters"


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


def check_projects(projects: Sequence[ProjectInput], budget: int) -> None:
    """Refuse a negative budget, a repeated project id, a negative cost or negative votes."""
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


def tie_sort_key(p: ProjectInput, tie_break: tuple[TieBreak, ...]) -> tuple[object, ...]:
    """The sort key of a project under completed tie-break criteria (earlier in the key wins the tie)."""
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
    return sorted(projects, key=lambda p: (-p.score, *tie_sort_key(p, tb)))

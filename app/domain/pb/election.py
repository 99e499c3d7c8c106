"""A participatory-budget election as Pabulib describes it, and the outcome its rule gives.

An election is META (``key``/``value``), projects with their cost in the smallest money unit, and the
ballots: the model of a ``.pb`` file (https://pabulib.org/format), read and written by
:mod:`app.interchange.pabulib`, and the model the budget service builds from a category's ballots, so
that the app computes exactly what ``hromada pb outcome`` computes on the exported file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from itertools import chain

from app.domain.pb.engine import run_rule
from app.domain.pb.equal_shares import EqualSharesOptions
from app.domain.pb.model import Number, Outcome, ProjectInput
from app.domain.pb.rules import EQUAL_SHARES_RULES, GREEDY_THRESHOLD, PbRuleError, check_rule
from app.domain.pb.ties import DEFAULT_TIE_BREAK, TieBreak

VOTE_TYPES: tuple[str, ...] = ("approval", "choose-1", "cumulative", "ordinal", "scoring")
APPROVAL_TYPES = frozenset({"approval", "choose-1"})
POINTS_TYPES = frozenset({"cumulative", "scoring"})
TIE_BREAK_KEY = "tie_break"
"""The META key in which this program writes a cycle's stated tie-breaking rule (and reads it back)."""


class PabulibError(ValueError):
    """Pabulib data that cannot be used (a malformed file, a META value that is not a number...).

    The Ukrainian message names the line of the file, when there is one, and the reason.
    """

    def __init__(self, reason: str, line: int | None = None) -> None:
        self.reason = reason
        self.line = line
        super().__init__(f"Рядок {line}: {reason}" if line is not None else reason)


@dataclass(slots=True)
class PbProject:
    """One row of PROJECTS: the id, the cost in the smallest unit and every column as written."""

    id: str
    cost: int
    fields: dict[str, str] = field(default_factory=dict)
    line: int | None = None

    @property
    def name(self) -> str:
        """The project's title, if the file has one."""
        return self.fields.get("name", "")

    @property
    def selected(self) -> int | None:
        """The ``selected`` column: 1 won by the rule; 0 lost; 2 or 3 funded outside the rule (see comments)."""
        raw = self.fields.get("selected", "").strip()
        return int(raw) if raw.isdigit() else None


@dataclass(slots=True)
class PbVote:
    """One ballot: the voter, the projects chosen (ranked for ordinal), points if any, other columns."""

    voter_id: str
    projects: tuple[str, ...]
    points: tuple[Number, ...] | None = None
    extra: tuple[str, ...] = ()
    line: int | None = None


@dataclass(slots=True)
class PbElection:
    """A whole ``.pb`` file: META, projects in file order, ballots, and the columns to write them back.

    ``extra_vote_columns`` names the VOTES columns other than ``voter_id``, ``vote`` and (for cumulative
    and scoring ballots) ``points``; ``PbVote.extra`` holds their values in that order.
    """

    meta: dict[str, str]
    projects: dict[str, PbProject]
    votes: list[PbVote]
    budget: int
    money_scale: int = 1
    project_columns: list[str] = field(default_factory=lambda: ["project_id", "cost"])
    vote_columns: list[str] = field(default_factory=lambda: ["voter_id", "vote"])
    meta_lines: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def vote_type(self) -> str:
        """``approval``, ``choose-1``, ``cumulative``, ``ordinal`` or ``scoring``."""
        return self.meta.get("vote_type", "approval").strip().lower()

    @property
    def rule(self) -> str:
        """The META rule the organisers used (``unknown`` if the file does not say)."""
        return self.meta.get("rule", "").strip() or "unknown"

    @property
    def currency(self) -> str:
        """ISO currency code from META, or an empty string."""
        return self.meta.get("currency", "").strip()

    @property
    def extra_vote_columns(self) -> list[str]:
        """VOTES columns kept as plain text in ``PbVote.extra``."""
        special = {"voter_id", "vote"} | ({"points"} if self.vote_type in POINTS_TYPES else set())
        return [c for c in self.vote_columns if c not in special]

    @property
    def threshold(self) -> Number | None:
        """META ``min_project_score_threshold``: the minimum votes (points) a project needs, if any."""
        return self._meta_number("min_project_score_threshold")

    def _meta_number(self, key: str) -> Number | None:
        raw = self.meta.get(key, "").strip()
        if not raw:
            return None
        value = parse_number(raw)
        if value is None:
            raise PabulibError(f"значення {key} «{raw}» не є числом", self.meta_lines.get(key))
        return value

    def published_winners(self) -> frozenset[str] | None:
        """Projects the file marks ``selected=1`` (won by the rule), or None if there is no such column.

        Pabulib uses 2 and 3 for projects funded outside the rule (the 80 % reserve in Poznań, extra money
        in Gdynia), explained in META ``comment``; they are not part of the rule's outcome.
        """
        if "selected" not in self.project_columns:
            return None
        return frozenset(p.id for p in self.projects.values() if p.selected == 1)

    def supporters(self) -> tuple[dict[str, list[int]], int]:
        """Voter indices (file order) per project, and the number of voters: the input of Equal Shares."""
        supporters: dict[str, list[int]] = {pid: [] for pid in self.projects}
        for index, vote in enumerate(self.votes):
            for pid in vote.projects:
                supporters[pid].append(index)
        return supporters, len(self.votes)

    def project_inputs(self) -> list[ProjectInput]:
        """Projects with the votes and points counted from the ballots (not from the PROJECTS columns).

        Points: the sum of points for cumulative and scoring ballots (unlisted projects get META
        ``default_score`` in scoring), Borda for ordinal ballots as Pabulib counts its ``score`` column
        (k points to the first of k ranked projects, ..., 1 to the last); none for approval.
        """
        votes = Counter(chain.from_iterable(vote.projects for vote in self.votes))
        vote_type = self.vote_type
        points: dict[str, Number] | None = None if vote_type in APPROVAL_TYPES else dict.fromkeys(self.projects, 0)
        if points is not None:
            for vote in self.votes:
                if vote_type == "ordinal":
                    k = len(vote.projects)
                    for rank, pid in enumerate(vote.projects):
                        points[pid] += k - rank
                elif vote.points is not None:
                    for pid, pts in zip(vote.projects, vote.points, strict=True):
                        points[pid] += pts
            default = self._meta_number("default_score") if vote_type == "scoring" else None
            if default:
                n = len(self.votes)
                for pid in points:
                    points[pid] += default * (n - votes[pid])
        return [
            ProjectInput(pid, p.cost, votes[pid], None if points is None else simplify(points[pid]))
            for pid, p in self.projects.items()
        ]


_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_decimal(raw: str) -> Decimal | None:
    """``12``, ``2.5`` or ``2,5`` as a ``Decimal``; None if not a number."""
    text = raw.strip()
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern already guarantees a number
        return None


def simplify(value: Number) -> Number:
    """A whole ``Fraction`` as an ``int``."""
    if isinstance(value, Fraction) and value.denominator == 1:
        return int(value)
    return value


def parse_number(raw: str) -> Number | None:
    """``12`` → 12, ``2.5`` → Fraction(5, 2); None if not a number."""
    dec = parse_decimal(raw)
    if dec is None:
        return None
    return simplify(Fraction(dec))


# --- outcome ------------------------------------------------------------------------------------------


def compute_outcome(
    election: PbElection,
    rule: str | None = None,
    *,
    tie_break: Iterable[TieBreak | str] = DEFAULT_TIE_BREAK,
    mes_options: EqualSharesOptions | None = None,
) -> Outcome:
    """The outcome of the file's META ``rule`` (or of ``rule`` if given) on the file's ballots.

    Rules we do not implement (``greedy-custom``, ``greedy-exclusive``, ``unknown``...) raise
    :class:`app.domain.pb.rules.RuleNotImplementedError`; nothing is guessed.  The threshold of
    ``greedy-threshold`` (and of ``greedy-no-skip`` if present) is META ``min_project_score_threshold``.
    Equal Shares needs approval (or choose-1) ballots.
    """
    name = check_rule(election.rule if rule is None else rule)
    threshold = election.threshold
    if name == GREEDY_THRESHOLD and threshold is None:
        raise PabulibError(
            "правило greedy-threshold потребує ключа min_project_score_threshold у META",
            election.meta_lines.get("rule"),
        )
    if name in EQUAL_SHARES_RULES:
        if election.vote_type not in APPROVAL_TYPES:
            raise PbRuleError(
                f"Метод рівних часток реалізовано для бюлетенів approval і choose-1, а у файлі «{election.vote_type}»."
            )
        supporters, num_voters = election.supporters()
        approvals = [ProjectInput(pid, p.cost, len(supporters[pid])) for pid, p in election.projects.items()]
        return run_rule(
            name,
            approvals,
            election.budget,
            supporters=supporters,
            num_voters=num_voters,
            tie_break=tie_break,
            money_scale=election.money_scale,
            mes_options=mes_options,
        )
    return run_rule(
        name,
        election.project_inputs(),
        election.budget,
        threshold=threshold,
        tie_break=tie_break,
        money_scale=election.money_scale,
    )

"""Outcome rules of a participatory budget (громадський бюджет): who wins, and why the others did not.

Pure functions over plain inputs: projects (id, cost, votes, points), one budget and, for the Method of
Equal Shares, the supporters of each project as voter indices.  The modules, by concern:

* :mod:`~app.domain.pb.rules` — the rules by their Pabulib names, titles, errors;
* :mod:`~app.domain.pb.ties` — the stated tie-breaking order;
* :mod:`~app.domain.pb.model` — projects, results and the outcome; exact money;
* :mod:`~app.domain.pb.greedy` — ``greedy``, ``greedy-no-skip``, ``greedy-threshold``;
* :mod:`~app.domain.pb.equal_shares` — the Method of Equal Shares, Add1, the comparison with greedy;
* :mod:`~app.domain.pb.engine` — :func:`run_rule`, one entry point by rule name;
* :mod:`~app.domain.pb.election` — a Pabulib election (the model of a ``.pb`` file) and its outcome.

The Pabulib reader (``app.interchange.pabulib``) and the budget service (one election per category) both
feed them.  Which variant reproduces the published winners was checked against real Pabulib files (see
``tests/interchange/test_pabulib.py``): cost utilities, Add1 starting from a whole-unit per-voter budget
and *not* stopping early at an exhaustive outcome (Wieliczka 2023 needs that), greedy ties broken by more
votes, then lower cost, then project id.
"""

from app.domain.pb.election import (
    APPROVAL_TYPES,
    POINTS_TYPES,
    TIE_BREAK_KEY,
    VOTE_TYPES,
    PabulibError,
    PbElection,
    PbProject,
    PbVote,
    compute_outcome,
)
from app.domain.pb.engine import run_rule
from app.domain.pb.equal_shares import Add1Start, EqualSharesOptions, Utility, equal_shares, supporters_from_ballots
from app.domain.pb.greedy import greedy
from app.domain.pb.model import (
    Number,
    Outcome,
    ProjectInput,
    ProjectResult,
    ProjectStatus,
    format_amount,
    rank_projects,
)
from app.domain.pb.rules import (
    EQUAL_SHARES,
    EQUAL_SHARES_ADD1,
    EQUAL_SHARES_ADD1_COMPARISON,
    EQUAL_SHARES_COMPARISON,
    EQUAL_SHARES_RULES,
    GREEDY,
    GREEDY_NO_SKIP,
    GREEDY_RULES,
    GREEDY_THRESHOLD,
    IMPLEMENTED_RULES,
    PbRuleError,
    Rule,
    RuleNotImplementedError,
    check_rule,
    normalize_rule,
    rule_title,
)
from app.domain.pb.ties import DEFAULT_TIE_BREAK, TieBreak, complete_tie_break, describe_tie_break, natural_key

__all__ = [
    "APPROVAL_TYPES",
    "DEFAULT_TIE_BREAK",
    "EQUAL_SHARES",
    "EQUAL_SHARES_ADD1",
    "EQUAL_SHARES_ADD1_COMPARISON",
    "EQUAL_SHARES_COMPARISON",
    "EQUAL_SHARES_RULES",
    "GREEDY",
    "GREEDY_NO_SKIP",
    "GREEDY_RULES",
    "GREEDY_THRESHOLD",
    "IMPLEMENTED_RULES",
    "POINTS_TYPES",
    "TIE_BREAK_KEY",
    "VOTE_TYPES",
    "Add1Start",
    "EqualSharesOptions",
    "Number",
    "Outcome",
    "PabulibError",
    "PbElection",
    "PbProject",
    "PbRuleError",
    "PbVote",
    "ProjectInput",
    "ProjectResult",
    "ProjectStatus",
    "Rule",
    "RuleNotImplementedError",
    "TieBreak",
    "Utility",
    "check_rule",
    "complete_tie_break",
    "compute_outcome",
    "describe_tie_break",
    "equal_shares",
    "format_amount",
    "greedy",
    "natural_key",
    "normalize_rule",
    "rank_projects",
    "rule_title",
    "run_rule",
    "supporters_from_ballots",
]

"""One entry point for every implemented rule: :func:`run_rule` applies a rule by its Pabulib name."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from app.domain.pb.equal_shares import EqualSharesOptions, equal_shares
from app.domain.pb.greedy import greedy
from app.domain.pb.model import Number, Outcome, ProjectInput
from app.domain.pb.rules import GREEDY, GREEDY_NO_SKIP, GREEDY_THRESHOLD, PbRuleError, check_rule
from app.domain.pb.ties import DEFAULT_TIE_BREAK, TieBreak


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

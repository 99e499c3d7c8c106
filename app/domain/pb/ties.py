"""Ties: the stated, reproducible order of projects whose votes (or Equal Shares price) are equal."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.domain.enums import TitledEnum
from app.domain.pb.rules import PbRuleError


class TieBreak(TitledEnum):
    """One criterion for ordering projects whose votes (or MES price) are equal; titled as results state it."""

    MORE_VOTES = "more-votes", "більше виборців", "more voters"
    LOWER_COST = "lower-cost", "менша вартість", "lower cost"
    HIGHER_COST = "higher-cost", "більша вартість", "higher cost"
    PROJECT_ID = (
        "project-id",
        "менший ідентифікатор проєкту (числа в ідентифікаторі порівнюються як числа)",
        "lower project id (numbers in the id compared as numbers)",
    )


DEFAULT_TIE_BREAK: tuple[TieBreak, ...] = (TieBreak.MORE_VOTES, TieBreak.LOWER_COST, TieBreak.PROJECT_ID)
"""Reproduces every real file we checked: more voters first, then the cheaper project, then the id."""


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
    criteria = " → ".join(t.label(language) for t in complete_tie_break(tie_break))
    if language == "en":
        return "on a tie, preference to: " + criteria
    return "за рівності перевага: " + criteria


_ID_PARTS = re.compile(r"(\d+)")


def natural_key(project_id: str) -> tuple[tuple[int, int, str], ...]:
    """Order ids as people do: ``2`` before ``10``, ``B9`` before ``B10``."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in _ID_PARTS.split(project_id) if part)

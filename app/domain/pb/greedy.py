"""Greedy rules: fund projects in order of votes (points) while the money lasts.

``greedy`` skips a project that no longer fits, ``greedy-no-skip`` stops at the first one, and
``greedy-threshold`` counts only projects with the minimum votes (points).  Ties are broken by more votes,
then lower cost, then project id (:data:`app.domain.pb.ties.DEFAULT_TIE_BREAK`) unless stated otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.domain.pb.model import (
    Number,
    Outcome,
    ProjectInput,
    ProjectResult,
    ProjectStatus,
    check_projects,
    format_amount,
    rank_projects,
)
from app.domain.pb.rules import GREEDY, GREEDY_NO_SKIP, GREEDY_THRESHOLD
from app.domain.pb.ties import DEFAULT_TIE_BREAK, TieBreak, complete_tie_break


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
    check_projects(projects, budget)
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

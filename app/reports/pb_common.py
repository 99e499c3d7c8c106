"""Pieces shared by the participatory-budget reports: big-number tiles, notes, the preliminary mark.

None of the budget reports prints a voter's identifier (nor its hash), a voter's age or district one by
one, or a project author's contacts: they show counts, projects and money only.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table

from app.domain.budget import VoteType
from app.domain.formats import format_date, format_int
from app.reports.kit import A4_FRAME_WIDTH, FONT_BOLD, esc, number_tiles, styles
from app.services import budget

WARN = colors.HexColor("#9B1C1C")


def tiles(items: list[tuple[str, str]], width: float = A4_FRAME_WIDTH, *, value_size: float = 22,
          label_size: float = 9) -> Table:
    """A row of big numbers with captions ("1 500" / "бюлетенів"); long amounts shrink to fit one line."""
    return number_tiles(items, width, value_size=value_size, label_size=label_size)


def preliminary_note() -> Flowable:
    """The red line printed on results that are not approved yet."""
    style = ParagraphStyle("pb_prelim", parent=styles().body, fontName=FONT_BOLD, textColor=WARN, fontSize=10.5)
    return Paragraph(esc("ПОПЕРЕДНІ РЕЗУЛЬТАТИ: підрахунок ще не затверджено, цифри можуть змінитися."), style)


def percent_of(part: int, whole: int) -> str:
    if whole <= 0:
        return "—"
    return f"{part * 100 / whole:.1f}".replace(".", ",") + " %"


def votes_text(votes: int) -> str:
    return format_int(votes)


def period_text(cycle: budget.CycleView) -> str:
    if cycle.voting_start and cycle.voting_end:
        return f"з {format_date(cycle.voting_start)} по {format_date(cycle.voting_end)}"
    if cycle.voting_end:
        return f"до {format_date(cycle.voting_end)}"
    return "строки не вказано"


def ballot_rules_text(cycle: budget.CycleView) -> str:
    parts = []
    if cycle.vote_type == "approval":
        parts.append(f"виборець підтримує до {cycle.max_choices} проєктів" if cycle.max_choices
                     else "виборець підтримує будь-яку кількість проєктів")
    else:
        parts.append(VoteType.title_of(cycle.vote_type))
    for cat in cycle.categories:
        if cat.max_choices is not None:
            parts.append(f"у категорії «{cat.name}» — до {cat.max_choices}")
    if cycle.max_points:
        parts.append(f"до {cycle.max_points} балів")
    if cycle.min_age:
        parts.append(f"голосують мешканці від {cycle.min_age} років")
    return "; ".join(parts) + "."

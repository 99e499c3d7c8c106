"""Pieces shared by the participatory-budget reports: big-number tiles, notes, the preliminary mark.

None of the budget reports prints a voter's identifier (nor its hash), a voter's age or district one by
one, or a project author's contacts: they show counts, projects and money only.
"""

from __future__ import annotations

import re

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from app.domain.budget import VoteType
from app.domain.formats import NBSP, format_int
from app.reports.base import FONT, FONT_BOLD, esc, register_fonts, styles
from app.services import budget

ACCENT = colors.HexColor("#1F3A5F")
TILE_BG = colors.HexColor("#F3F6FA")
WARN = colors.HexColor("#9B1C1C")
A4_FRAME_WIDTH = 210 * mm - 2 * 18 * mm


def tiles(items: list[tuple[str, str]], width: float = A4_FRAME_WIDTH, *, value_size: float = 22,
          label_size: float = 9) -> Table:
    """A row of big numbers with captions ("1 500" / "бюлетенів")."""
    register_fonts()
    longest = max((len(v) for v, _ in items), default=1)
    value_size = min(value_size, max(13.0, value_size * 10 / max(longest, 1)))  # "1 264 800 грн" fits one line
    value_style = ParagraphStyle("pb_tile_value", fontName=FONT_BOLD, fontSize=value_size,
                                 leading=value_size * 1.15, textColor=ACCENT, alignment=1)
    label_style = ParagraphStyle("pb_tile_label", fontName=FONT, fontSize=label_size, leading=label_size * 1.25,
                                 alignment=1)
    cells = [[Paragraph(esc(v), value_style) for v, _ in items], [Paragraph(esc(lbl), label_style) for _, lbl in items]]
    table = Table(cells, colWidths=[width / len(items)] * len(items))
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), TILE_BG),
        ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white),
        ("TOPPADDING", (0, 0), (-1, 0), 6),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    table.spaceAfter = 8
    return table


def preliminary_note() -> Flowable:
    """The red line printed on results that are not approved yet."""
    style = ParagraphStyle("pb_prelim", parent=styles().body, fontName=FONT_BOLD, textColor=WARN, fontSize=10.5)
    return Paragraph(esc("ПОПЕРЕДНІ РЕЗУЛЬТАТИ: підрахунок ще не затверджено, цифри можуть змінитися."), style)


_NUMBER_GAP = re.compile(r"(?<=\d) (?=\d)")


def keep_numbers(text: str) -> str:
    """``93 500,00`` never split between lines: the group separators become no-break spaces."""
    return _NUMBER_GAP.sub(NBSP, text)


def percent_of(part: int, whole: int) -> str:
    if whole <= 0:
        return "—"
    return f"{part * 100 / whole:.1f}".replace(".", ",") + " %"


def votes_text(votes: int) -> str:
    return format_int(votes)


def period_text(cycle: budget.CycleView) -> str:
    from app.domain.formats import format_date

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

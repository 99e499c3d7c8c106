"""The report look: one colour palette and one set of paragraph styles for every report."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from app.reports.kit.fonts import FONT, FONT_BOLD, register_fonts

__all__ = [
    "ACCENT",
    "ACCENT_SOFT",
    "BAR_OTHER",
    "BAR_TRACK",
    "GRID",
    "INTERNAL",
    "MUTED",
    "RULE",
    "TEXT",
    "TILE",
    "ZEBRA",
    "ReportStyles",
    "make_style",
    "shared_styles",
    "styles",
]

# --------------------------------------------------------------------------- colours

ACCENT = colors.HexColor("#1F3A5F")  # dark navy: titles, rules, highlighted bars
ACCENT_SOFT = colors.HexColor("#DDE5EF")  # table header fill (light, so laser printers cope)
TEXT = colors.HexColor("#1A1D21")
MUTED = colors.HexColor("#5D6876")
RULE = colors.HexColor("#9AA6B4")
GRID = colors.HexColor("#D3D9E0")
ZEBRA = colors.HexColor("#EDF0F4")
TILE = colors.HexColor("#F3F6FA")  # background of the big-number tiles
BAR_OTHER = colors.HexColor("#B3BCC7")
BAR_TRACK = colors.HexColor("#EEF1F4")
INTERNAL = colors.HexColor("#9B1C1C")  # the "for internal use" mark

# --------------------------------------------------------------------------- paragraph styles


@dataclass(frozen=True)
class ReportStyles:
    """The paragraph styles shared by all reports; also readable by name: ``styles()["body"]``."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    big_number: ParagraphStyle

    def __getitem__(self, name: str) -> ParagraphStyle:
        if name not in self.names():
            raise KeyError(name)
        style: ParagraphStyle = getattr(self, name)
        return style

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """All style names, in declaration order."""
        return tuple(f.name for f in fields(cls))


def make_style(name: str, size: float, *, bold: bool = False, color: Any = TEXT, **extra: Any) -> ParagraphStyle:
    """A DejaVu paragraph style with a 1.25 leading."""
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=round(size * 1.25, 2),
        textColor=color,
        **extra,
    )


def styles() -> ReportStyles:
    """A fresh set of the report styles (fresh, so a report may tweak its copy safely)."""
    register_fonts()
    return ReportStyles(
        title=make_style("title", 16, bold=True, color=ACCENT, spaceAfter=3),
        subtitle=make_style("subtitle", 11, color=MUTED, spaceAfter=2),
        h2=make_style("h2", 12.5, bold=True, color=ACCENT, spaceBefore=10, spaceAfter=5),
        h3=make_style("h3", 10.5, bold=True, spaceBefore=7, spaceAfter=3),
        body=make_style("body", 10, spaceAfter=5),
        small=make_style("small", 8),
        muted=make_style("muted", 8.5, color=MUTED),
        cell=make_style("cell", 8.5),
        cell_bold=make_style("cell_bold", 8.5, bold=True),
        cell_right=make_style("cell_right", 8.5, alignment=TA_RIGHT),
        big_number=make_style("big_number", 36, bold=True, color=ACCENT, alignment=TA_CENTER, spaceAfter=4),
    )


_shared_styles: ReportStyles | None = None


def shared_styles() -> ReportStyles:
    """The styles the kit's own helpers use: one set, never handed out to reports, so never modified."""
    global _shared_styles
    if _shared_styles is None:
        _shared_styles = styles()
    return _shared_styles

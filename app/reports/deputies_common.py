"""Pieces shared by the council reports: the placeholder portrait, photos, big statistic tiles, labels."""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Circle, Drawing, Path, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, Table, TableStyle

from app.domain.formats import format_percent
from app.domain.votes import VoteOption
from app.reports.kit import FONT, FONT_BOLD, esc, styles

ACCENT = colors.HexColor("#1F3A5F")
ACCENT_SOFT = colors.HexColor("#DDE5EF")
MUTED = colors.HexColor("#5D6876")

OPTION_SHORT = {
    VoteOption.FOR: "за",
    VoteOption.AGAINST: "проти",
    VoteOption.ABSTAINED: "утрим.",
    VoteOption.NOT_VOTING: "не голос.",
    VoteOption.ABSENT: "відсутн.",
}


def silhouette(width: float, height: float) -> Drawing:
    """A neutral head-and-shoulders placeholder for a deputy without a photo."""
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=ACCENT_SOFT, strokeColor=None))
    figure = colors.HexColor("#9AABC0")
    cx = width / 2
    head_r = width * 0.2
    head_y = height * 0.62
    d.add(Circle(cx, head_y, head_r, fillColor=figure, strokeColor=None))
    body = Path(fillColor=figure, strokeColor=None)
    shoulders = head_y - head_r * 1.25
    body.moveTo(cx - width * 0.4, 0)
    body.curveTo(cx - width * 0.4, shoulders, cx - width * 0.2, shoulders, cx, shoulders)
    body.curveTo(cx + width * 0.2, shoulders, cx + width * 0.4, shoulders, cx + width * 0.4, 0)
    body.closePath()
    d.add(body)
    d.add(String(cx, 4 * mm, "фото немає", fontName=FONT, fontSize=7, fillColor=MUTED, textAnchor="middle"))
    return d


def portrait(photo: bytes | None, width: float, height: float) -> Flowable:
    """The deputy's photo fitted into ``width`` × ``height`` (aspect kept), or the silhouette."""
    if photo:
        try:
            reader = ImageReader(io.BytesIO(photo))
            iw, ih = reader.getSize()
            scale = min(width / iw, height / ih)
            return Image(io.BytesIO(photo), width=iw * scale, height=ih * scale)
        except Exception:  # an unreadable photo prints as the placeholder, never breaks the card
            pass
    return silhouette(width, height)


def tiles(items: list[tuple[str, str]], width: float, *, value_size: float = 26, label_size: float = 9.5) -> Table:
    """A row of big numbers with captions ("83 %" / "відвідуваність сесій")."""
    value_style = ParagraphStyle("tile_value", fontName=FONT_BOLD, fontSize=value_size, leading=value_size * 1.15,
                                 textColor=ACCENT, alignment=1)
    label_style = ParagraphStyle("tile_label", fontName=FONT, fontSize=label_size, leading=label_size * 1.25,
                                 textColor=colors.HexColor("#1A1D21"), alignment=1)
    cells = [[Paragraph(esc(v), value_style) for v, _ in items], [Paragraph(esc(lbl), label_style) for _, lbl in items]]
    table = Table(cells, colWidths=[width / len(items)] * len(items))
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F3F6FA")),
        ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def percent(value: float | None) -> str:
    return format_percent(value, 0)


def heading(text: str, size: float = 24) -> Paragraph:
    style = ParagraphStyle("big_name", parent=styles().title, fontSize=size, leading=size * 1.2, spaceAfter=4)
    return Paragraph(esc(text), style)

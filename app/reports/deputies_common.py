"""Pieces shared by the council reports: the placeholder portrait, photos, big statistic tiles, labels."""

from __future__ import annotations

import io

from reportlab.graphics.shapes import Circle, Drawing, Path, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, Table

from app.domain.formats import format_percent
from app.domain.votes import VoteOption
from app.reports.kit import ACCENT_SOFT, FONT, MUTED, TEXT, esc, number_tiles, styles

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
    return number_tiles(items, width, value_size=value_size, label_size=label_size, label_color=TEXT,
                        padding=(5, 6), fit_values=False, space_after=0)


def percent(value: float | None) -> str:
    return format_percent(value, 0)


def heading(text: str, size: float = 24) -> Paragraph:
    style = ParagraphStyle("big_name", parent=styles().title, fontSize=size, leading=size * 1.2, spaceAfter=4)
    return Paragraph(esc(text), style)

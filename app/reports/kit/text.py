"""Text in reports: escaping for paragraph markup, cell text, paragraphs and section headings.

All text that comes from data must go through :func:`esc` (or :func:`paragraph`, the tables
and the chart, which escape for you): reportlab's paragraph markup is XML-like, so a
petition titled "Ремонт <школи> & саду" would otherwise break or vanish.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from app.domain.formats import NBSP, format_date, format_datetime
from app.reports.kit.styles import shared_styles

__all__ = [
    "clean",
    "esc",
    "keep_number_together",
    "keep_numbers",
    "markup",
    "paragraph",
    "plain_text",
    "section",
]

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def esc(text: object) -> str:
    """Make any value safe to put inside paragraph markup.

    Escapes ``&``, ``<`` and ``>``, turns ``None`` into an empty string, normalises line
    ends to ``\\n``, turns tabs into spaces and drops other control characters (they come
    with spreadsheet imports and would print as boxes).
    """
    value = clean(text)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clean(text: object) -> str:
    """``text`` as a string with ``\n`` line ends, tabs as spaces and no other control characters."""
    if text is None:
        return ""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL_RE.sub("", value)


def markup(text: object) -> str:
    """Escaped text with line breaks kept as ``<br/>``."""
    return esc(text).replace("\n", "<br/>")


def plain_text(value: object) -> str:
    """The text a table cell shows for a value: ``None`` → "", dates in Ukrainian format."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


_NUMBER_RE = re.compile(r"^[-+\u2212]?\d[\d .,\u00a0]*(?: ?(?:грн|%))?$")


def keep_number_together(text: str) -> str:
    """``"1 234,50 грн"`` with no-break spaces, so an amount never breaks across lines.

    Only a cell that holds nothing but a number (an amount, a percentage) is changed.
    """
    return text.replace(" ", NBSP) if " " in text and _NUMBER_RE.match(text) else text


_NUMBER_GAP = re.compile(r"(?<=\d) (?=\d)")


def keep_numbers(text: str) -> str:
    """``93 500,00`` never split between lines, anywhere in a text: digit group separators become no-break spaces."""
    return _NUMBER_GAP.sub(NBSP, text)


def paragraph(text: str, style: str | ParagraphStyle = "body") -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept) in a named report style."""
    chosen = shared_styles()[style] if isinstance(style, str) else style
    return Paragraph(markup(text), chosen)


def section(title: str) -> list[Flowable]:
    """A section heading that never ends up alone at the bottom of a page."""
    return [CondPageBreak(30 * mm), Paragraph(markup(title), shared_styles().h2)]

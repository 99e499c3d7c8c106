"""Ukrainian formats for dates and money, used by the UI, reports and exports.

Money is always an integer number of kopiykas; it is never a float.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NBSP = "\u00a0"  # keeps "1 234 грн" on one line in reports and tables


class FormatError(ValueError):
    """Text that is not a valid date or amount; the message is in Ukrainian."""


def format_date(value: date | None) -> str:
    """``26.11.2026``; an empty string for ``None``."""
    if value is None:
        return ""
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def format_datetime(value: datetime | None) -> str:
    """``26.11.2026 14:05``."""
    if value is None:
        return ""
    return f"{format_date(value.date())} {value.hour:02d}:{value.minute:02d}"


_DATE_RE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")
_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def parse_date(text: str) -> date:
    """Parse ``26.11.2026`` (also ``26/11/2026``) or ISO ``2026-11-26``."""
    iso = _ISO_RE.match(text)
    match = _DATE_RE.match(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        if match:
            return date(int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        raise FormatError(f"Неможлива дата: «{text.strip()}»") from None
    raise FormatError(f"Дата має бути у форматі ДД.ММ.РРРР: «{text.strip()}»")


def _group_thousands(digits: str, sep: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return sep.join(reversed(groups))


def format_money(kopiykas: int, *, currency: bool = True, sep: str = " ") -> str:
    """``123456789`` → ``1 234 567,89 грн``."""
    sign = "-" if kopiykas < 0 else ""
    hryvnias, kop = divmod(abs(kopiykas), 100)
    text = f"{sign}{_group_thousands(str(hryvnias), sep)},{kop:02d}"
    return f"{text} грн" if currency else text


def format_int(value: int, sep: str = " ") -> str:
    """``61668`` → ``61 668``."""
    sign = "-" if value < 0 else ""
    return sign + _group_thousands(str(abs(value)), sep)


def parse_money(text: str, *, allow_negative: bool = False) -> int:
    """Parse ``1 234 567,89``, ``1234567.89`` or ``1 234 грн`` into kopiykas."""
    cleaned = text.strip().lower().removesuffix("грн").removesuffix("uah").strip()
    cleaned = re.sub(r"[\s\u00a0\u202f']", "", cleaned).replace(",", ".")
    if not cleaned:
        raise FormatError("Сума не вказана")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise FormatError(f"Неправильна сума: «{text.strip()}»") from None
    if not amount.is_finite():
        raise FormatError(f"Неправильна сума: «{text.strip()}»")
    if amount < 0 and not allow_negative:
        raise FormatError(f"Сума не може бути від’ємною: «{text.strip()}»")
    if amount != amount.quantize(Decimal("0.01")):
        raise FormatError(f"Сума має щонайбільше дві цифри після коми: «{text.strip()}»")
    return int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def format_percent(value: float | None, digits: int = 1) -> str:
    """``87.5`` → ``87,5 %``."""
    if value is None:
        return "—"
    return f"{value:.{digits}f}".replace(".", ",") + NBSP + "%"


def utc_to_local(value: datetime) -> datetime:
    """A stored naive-UTC timestamp as naive local time, for display."""
    from datetime import UTC

    return value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)

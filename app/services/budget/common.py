"""Helpers the budget services share: money as text and as input, text clean-up, the approval freeze."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models.budget import Ballot, BudgetCycle
from app.domain.formats import NBSP, format_money
from app.errors import ValidationError

AREA = "budget"
MAX_MONEY = 10**15  # kopiykas: ten trillion hryvnias, far beyond any community budget


def money_text(amount: int, currency: str = "UAH", *, whole: bool = False, language: str = "uk") -> str:
    """Kopiykas as ``1 234,56 грн`` (or with the ISO code of another currency), never broken across lines.

    ``whole=True`` leaves out ``,00`` of a whole amount (for big figures on posters). ``language="en"``
    (the GUI in English) writes the hryvnia as ``UAH``.
    """
    text = format_money(amount, currency=False, sep=NBSP)
    if whole and amount % 100 == 0:
        text = text[:-3]
    unit = currency or "UAH"
    if unit == "UAH" and language != "en":
        unit = "грн"
    return f"{text}{NBSP}{unit}"


def clean_text(text: str | None) -> str:
    """One line: spaces collapsed, ends trimmed."""
    return " ".join((text or "").split())


def multiline(text: str | None) -> str:
    """Several lines: each right-trimmed, the whole trimmed."""
    return "\n".join(line.rstrip() for line in (text or "").strip().splitlines())


def check_money(value: int, what: str, *, allow_zero: bool = True) -> int:
    """An amount in kopiykas, or a refusal naming ``what``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{what}: сума має бути цілим числом копійок.")
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(f"{what}: сума має бути {'не меншою за нуль' if allow_zero else 'більшою за нуль'}.")
    if value > MAX_MONEY:
        raise ValidationError(f"{what}: сума завелика.")
    return value


def ballots_exist(s: Session, cycle_id: int) -> bool:
    """True once the cycle has a ballot: its ballot rules are frozen then."""
    return s.execute(select(Ballot.id).where(Ballot.cycle_id == cycle_id).limit(1)).first() is not None


def refuse_if_approved(cycle: BudgetCycle, what: str = "Цей запис") -> None:
    """Refuse a change to a cycle whose results are approved."""
    if cycle.results_approved_at is not None:
        raise ValidationError(
            f"{what} змінити не можна: результати циклу «{cycle.title}» вже затверджено. "
            "Щоб змінити, спершу скасуйте затвердження результатів.",
            "Results of this cycle are approved; reopen them first to change this.",
        )

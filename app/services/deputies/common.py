"""Helpers every deputies module shares: the permission, text cleaning, the council's composition and
convocation, deputies' names and mandates."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.db.models.core import CouncilProfile
from app.db.models.deputies import Deputy
from app.domain import votes as vote_rules
from app.domain.deputies import full_name, short_name
from app.domain.names import search_key
from app.errors import NotFoundError
from app.services.core.auth import Actor, Permission, require


def require_edit(actor: Actor) -> None:
    require(actor, Permission.EDIT_RECORDS)


def clean(text: str | None) -> str:
    """Trimmed text with inner runs of spaces collapsed (line breaks kept for long texts)."""
    if not text:
        return ""
    return "\n".join(" ".join(line.split()) for line in text.strip().splitlines()).strip()


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def like_pattern(query: str) -> str:
    """``%key%`` for LIKE on a search_key column, with ``%``/``_`` escaped (ESCAPE '\\')."""
    key = search_key(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{key}%"


def composition(s: Session) -> int:
    value = s.execute(select(CouncilProfile.composition).order_by(CouncilProfile.id).limit(1)).scalar_one_or_none()
    if value is None:
        raise NotFoundError("Профіль ради ще не заповнено: спершу вкажіть загальний склад ради в Налаштуваннях.",
                            "The council profile is not set up yet.")
    return int(value)


def current_convocation(s: Session) -> int:
    value = s.execute(select(CouncilProfile.convocation).order_by(CouncilProfile.id).limit(1)).scalar_one_or_none()
    return int(value) if value is not None else 1


def mandates(s: Session) -> dict[int, vote_rules.Mandate]:
    return {d: (start, end) for d, start, end in
            s.execute(select(Deputy.id, Deputy.mandate_start, Deputy.mandate_end))}


def deputy_names(s: Session, *, short: bool = True) -> dict[int, str]:
    rows = s.execute(select(Deputy.id, Deputy.surname, Deputy.given_name, Deputy.patronymic))
    fn = short_name if short else full_name
    return {d: fn(sn, gn, pn) for d, sn, gn, pn in rows}


def mandate_active(on: dt.date):  # noqa: ANN202 - SQL expression
    return and_(Deputy.mandate_start <= on, or_(Deputy.mandate_end.is_(None), Deputy.mandate_end >= on))

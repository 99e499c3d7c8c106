"""The petitions register as read: the list with derived states, one petition, pickers, counts.

Private data (author's contacts) is returned only to users who may edit records or enter
signatures, and never reaches a public report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.petitions import Appeal, Petition
from app.domain.petitions import PetitionOutcome, PetitionState
from app.errors import NotFoundError
from app.services.core import holidays
from app.services.core.auth import Actor
from app.services.petitions import links as petition_links
from app.services.petitions.common import (
    PRIVATE_MARK,
    PetitionFacts,
    appeal_for,
    can_see_private,
    like_pattern,
    load_petition,
    row_from,
    status_of,
    window_of,
)
from app.services.petitions.views import PetitionDetail, PetitionRow

STATE_FILTERS: list[PetitionState] = list(PetitionState)


def petition_id_by_number(db: Database, number: int) -> int:
    with db.read() as s:
        pid = s.execute(select(Petition.id).where(Petition.number == number)).scalar_one_or_none()
    if pid is None:
        raise NotFoundError(f"Петиції №{number} немає в реєстрі.", f"There is no petition #{number}.")
    return pid


_LIST_COLUMNS = (
    Petition.id, Petition.number, Petition.title, Petition.author_name, Petition.submitted_on,
    Petition.published_on, Petition.threshold, Petition.window_length, Petition.window_unit,
    Petition.signature_count, Petition.threshold_reached_on, Petition.answered_on, Petition.outcome,
    Petition.answer_text, Petition.version, Appeal.id, Appeal.reg_number, Appeal.answered_on,
)


def list_petitions(
    db: Database,
    today: dt.date | None = None,
    *,
    search: str = "",
    states: Iterable[PetitionState] | None = None,
    published_only: bool = False,
) -> list[PetitionRow]:
    """Petitions, newest first, with their derived state; ``search`` matches number, title and author."""
    today = today or dt.date.today()
    calendar = holidays.working_calendar(db)
    due_soon = holidays.due_soon_days(db)
    stmt = select(*_LIST_COLUMNS).outerjoin(Appeal, Appeal.petition_id == Petition.id).order_by(
        Petition.number.desc())
    if search.strip():
        stmt = stmt.where(Petition.search_key.like(like_pattern(search), escape="\\"))
    if published_only:
        stmt = stmt.where(Petition.published_on.is_not(None))
    wanted = set(states) if states is not None else None
    rows: list[PetitionRow] = []
    with db.read() as s:
        result = s.execute(stmt).all()
    for r in result:
        facts = PetitionFacts(r[1], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12])
        status = status_of(facts, calendar, today, due_soon, r[17])
        if wanted is not None and status.state not in wanted:
            continue
        rows.append(PetitionRow(
            id=r[0], number=r[1], title=r[2], author_name=r[3], submitted_on=r[4], published_on=r[5],
            threshold=r[6], signature_count=r[9], status=status,
            answered_on=r[11] if r[10] else r[17], answer_text=r[13] or "", appeal_id=r[15],
            appeal_number=r[16] or "", version=r[14],
        ))
    return rows


def get_petition(
    db: Database, petition_id: int, today: dt.date | None = None, *, actor: Actor | None = None
) -> PetitionDetail:
    """Everything about one petition; contacts only for users who may see them."""
    today = today or dt.date.today()
    calendar = holidays.working_calendar(db)
    due_soon = holidays.due_soon_days(db)
    private = can_see_private(actor)
    with db.read() as s:
        p = load_petition(s, petition_id)
        appeal = appeal_for(s, p.id)
        status = status_of(p, calendar, today, due_soon, appeal.answered_on if appeal else None)
        row = row_from(p, status, appeal)
        return PetitionDetail(
            **row.__dict__,
            text=p.text,
            author_address=p.author_address if private else PRIVATE_MARK,
            author_phone=p.author_phone if private else PRIVATE_MARK,
            author_email=p.author_email if private else PRIVATE_MARK,
            responsible=p.responsible,
            online_url=p.online_url,
            window=window_of(p),
            threshold_reached_on=p.threshold_reached_on,
            outcome=PetitionOutcome(p.outcome) if p.outcome else None,
            answered_by=p.answered_by,
            private_visible=private,
            links=tuple(_links(s, p)),
            links_en=tuple(_links(s, p, "en")),
        )


def _links(s: Session, p: Petition, language: str = "uk") -> list[str]:
    """Descriptions of the agenda item / decision that acted on the petition (see petition_links)."""
    return petition_links.describe(s, p, language)


def petition_choices(db: Database, *, published_only: bool = False) -> list[tuple[int, str]]:
    """(number, "№N — title") for report and import pickers, newest first."""
    stmt = select(Petition.number, Petition.title).order_by(Petition.number.desc())
    if published_only:
        stmt = stmt.where(Petition.published_on.is_not(None))
    with db.read() as s:
        return [(number, f"№{number} — {title}") for number, title in s.execute(stmt)]


def state_counts(rows: Iterable[PetitionRow]) -> dict[PetitionState, int]:
    counts = dict.fromkeys(PetitionState, 0)
    for row in rows:
        counts[row.state] += 1
    return counts

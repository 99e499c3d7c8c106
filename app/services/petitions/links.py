"""Links from a petition to the agenda item and/or decision of the council that acted on it.

The agenda items and decisions belong to the deputies area (app.services.deputies.sessions); this
module only keeps the link (table ``petition_link``, migration 0210) and describes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.deputies import AgendaItem, CouncilSession, Decision
from app.db.models.petition_links import PetitionLink
from app.db.models.petitions import Petition
from app.domain.formats import format_date
from app.errors import NotFoundError, ValidationError
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require


@dataclass(frozen=True)
class LinkView:
    agenda_item_id: int | None
    decision_id: int | None
    agenda_item: str  # human description, "" when none
    decision: str


def _short(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _item_text(s: Session, item_id: int | None, language: str = "uk") -> str:
    if item_id is None:
        return ""
    row = s.execute(select(AgendaItem.number, AgendaItem.title, CouncilSession.number, CouncilSession.date)
                    .join(CouncilSession, CouncilSession.id == AgendaItem.session_id)
                    .where(AgendaItem.id == item_id)).first()
    if row is None:
        return ""
    number, title, session_number, session_date = row
    if language == "en":
        return f"item {number} of session {session_number} of {format_date(session_date)}: {_short(title)}"
    return f"питання {number} сесії № {session_number} від {format_date(session_date)}: {_short(title)}"


def _decision_text(s: Session, decision_id: int | None, language: str = "uk") -> str:
    if decision_id is None:
        return ""
    row = s.execute(select(Decision.number, Decision.date, Decision.title).where(Decision.id == decision_id)).first()
    if row is None:
        return ""
    number, date, title = row
    if language == "en":
        return f"decision No. {number} of {format_date(date)}: {_short(title)}"
    return f"рішення № {number} від {format_date(date)}: {_short(title)}"


def describe(s: Session, p: Petition, language: str = "uk") -> list[str]:
    """Sentences naming the agenda item and decision linked to ``p`` (for cards and the answer document)."""
    link = s.execute(select(PetitionLink).where(PetitionLink.petition_id == p.id)).scalar_one_or_none()
    if link is None:
        return []
    parts = [_decision_text(s, link.decision_id, language), _item_text(s, link.agenda_item_id, language)]
    return [part[0].upper() + part[1:] for part in parts if part]


def get_link(db: Database, petition_id: int, language: str = "uk") -> LinkView:
    with db.read() as s:
        link = s.execute(select(PetitionLink).where(PetitionLink.petition_id == petition_id)).scalar_one_or_none()
        if link is None:
            return LinkView(None, None, "", "")
        return LinkView(link.agenda_item_id, link.decision_id, _item_text(s, link.agenda_item_id, language),
                        _decision_text(s, link.decision_id, language))


def set_link(
    db: Database, actor: Actor, petition_id: int, *, agenda_item_id: int | None, decision_id: int | None
) -> None:
    """Link the petition to an agenda item and/or a decision; both None removes the link. Audited."""
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        p = s.execute(select(Petition).where(Petition.id == petition_id)).scalar_one_or_none()
        if p is None:
            raise NotFoundError(f"Петицію (id {petition_id}) не знайдено.")
        if p.published_on is None:
            raise ValidationError(f"Петицію №{p.number} ще не оприлюднено: її не могли розглядати на сесії.")
        item = s.get(AgendaItem, agenda_item_id) if agenda_item_id is not None else None
        if agenda_item_id is not None and item is None:
            raise NotFoundError("Питання порядку денного не знайдено.")
        decision = s.get(Decision, decision_id) if decision_id is not None else None
        if decision_id is not None and decision is None:
            raise NotFoundError("Рішення не знайдено.")
        if item is None and decision is not None and decision.agenda_item_id is not None:
            agenda_item_id = decision.agenda_item_id  # the decision names its agenda item: link both
        link = s.execute(select(PetitionLink).where(PetitionLink.petition_id == p.id)).scalar_one_or_none()
        if agenda_item_id is None and decision_id is None:
            if link is not None:
                audit.record_object(s, actor, audit.Action.DELETE, link,
                                    summary=f"Петиція №{p.number}: зв’язок із рішенням прибрано")
                s.delete(link)
            return
        if link is None:
            link = PetitionLink(petition_id=p.id, agenda_item_id=agenda_item_id, decision_id=decision_id, note="")
            s.add(link)
            s.flush()
            audit.record_object(s, actor, audit.Action.CREATE, link, summary=_summary(s, p, link))
            return
        before = audit.snapshot(link)
        link.agenda_item_id = agenda_item_id
        link.decision_id = decision_id
        s.flush()
        changes = audit.diff(before, audit.snapshot(link))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, link, changes=changes, summary=_summary(s, p, link))


def _summary(s: Session, p: Petition, link: PetitionLink) -> str:
    parts = [_decision_text(s, link.decision_id), _item_text(s, link.agenda_item_id)]
    return f"Петиція №{p.number}: " + "; ".join(part for part in parts if part)


def decision_choices(db: Database, query: str = "", language: str = "uk") -> list[tuple[int, str]]:
    """(decision id, "№ N від дата: назва") of the council's decisions, newest first."""
    from app.services.deputies import sessions

    of = "of" if language == "en" else "від"
    return [(d.id, f"№ {d.number} {of} {format_date(d.date)}: {_short(d.title, 100)}")
            for d in sessions.list_decisions(db, query)]


def agenda_item_choices(db: Database, query: str, language: str = "uk") -> list[tuple[int, str]]:
    """(agenda item id, "сесія від дата, питання N: назва") matching ``query``."""
    from app.services.deputies import sessions

    if language == "en":
        return [(item_id, f"session of {format_date(date)}, item {number}: {_short(title, 100)}")
                for item_id, _session_id, date, number, title in sessions.search_items(db, query)]
    return [(item_id, f"сесія від {format_date(date)}, питання {number}: {_short(title, 100)}")
            for item_id, _session_id, date, number, title in sessions.search_items(db, query)]


def decision_id_by_number(db: Database, number: str) -> int:
    with db.read() as s:
        found = s.execute(select(Decision.id).where(Decision.number == number.strip())).scalar_one_or_none()
    if found is None:
        raise NotFoundError(f"Рішення № {number} немає в реєстрі рішень.", f"There is no decision {number}.")
    return found

"""Local e-petitions: signatures against a threshold, the council's answer, links to decisions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.db.models.petitions import Petition, PetitionSignature
from app.services import petitions
from app.services.area import Area, Dataset, TablePolicy


def _published(table: Table) -> Any:
    return table.c.published_on.is_not(None)


def _of_published_petition(table: Table) -> Any:
    petition = table.metadata.tables["petition"]
    return table.c.petition_id.in_(select(petition.c.id).where(petition.c.published_on.is_not(None)))


def _recount_after_import(s: Session, touched: set[int], deleted_parents: set[int]) -> None:
    """Signatures arrived or left in an exchange import: recount their petitions (the service's own rule)."""
    ids = set(deleted_parents)
    touched_ids = sorted(touched)
    for start in range(0, len(touched_ids), 500):
        chunk = touched_ids[start:start + 500]
        ids.update(s.execute(select(PetitionSignature.petition_id).where(PetitionSignature.id.in_(chunk))).scalars())
    for pid in sorted(ids):
        p = s.get(Petition, pid)
        if p is not None:
            petitions.recount(s, p)


AREA = Area(
    key="petitions",
    title_uk="Петиції та звернення",
    title_en="Petitions and appeals",
    settings=(petitions.THRESHOLD, petitions.WINDOW_LENGTH, petitions.WINDOW_IN_MONTHS),
    audit_labels={
        "petition": ("петиція", "petition"),
        "petition_signature": ("підпис під петицією", "petition signature"),
        "petition_link": ("зв’язок петиції з рішенням", "petition–decision link"),
    },
    due_items=petitions.due_items,
    exchange_policies={
        "petition": TablePolicy(derived_columns=frozenset({"signature_count", "threshold_reached_on"})),
    },
    after_import={"petition_signature": _recount_after_import},
    open_data=(
        Dataset("petition", "petitions", "Електронні петиції",
                ("number", "title", "text", "author_name", "responsible", "online_url", "submitted_on", "published_on",
                 "threshold", "window_length", "window_unit", "signature_count", "threshold_reached_on", "answered_on",
                 "outcome", "answer_text", "answered_by"),
                where=_published, note="Лише оприлюднені петиції."),
        Dataset("petition_signature", "petitions", "Підписи під петиціями",
                ("petition_id", "signer_name", "signed_on", "channel"), note="Без адрес і телефонів підписантів."),
        Dataset("petition_link", "petitions", "Петиції та рішення ради",
                ("petition_id", "agenda_item_id", "decision_id", "note"), where=_of_published_petition),
    ),
)

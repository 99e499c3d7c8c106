"""Links from a petition to the agenda item / decision that acted on it (filled in by migration 0210)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.db.models.petitions import Petition


def describe(s: Session, p: Petition) -> list[str]:
    return []

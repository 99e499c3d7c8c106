"""The link from a petition to the agenda item and/or decision of the council that acted on it.

A separate table (migration 0210, after both the petitions and the deputies branches), so
neither area's tables depend on the other's. Deleting the agenda item or decision leaves
the link without it (SET NULL) rather than blocking the deputies area.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, RecordMixin


class PetitionLink(RecordMixin, Base):
    __tablename__ = "petition_link"

    petition_id: Mapped[int] = mapped_column(ForeignKey("petition.id", ondelete="CASCADE"), unique=True)
    agenda_item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id", ondelete="SET NULL"),
                                                       nullable=True, index=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="SET NULL"), nullable=True,
                                                    index=True)
    note: Mapped[str] = mapped_column(String(300), default="")

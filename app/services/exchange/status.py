"""Exchange at a glance: the partner PCs, the open conflicts, the latest imports; the states of a conflict."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models.exchange import ExchangeConflict, ExchangeImport, ExchangePartner

# The states of a stored conflict (``ExchangeConflict.status``).
OPEN = "open"
KEPT_LOCAL = "kept_local"  # the clerk kept this PC's version
TOOK_REMOTE = "took_remote"  # the clerk took the partner's version


@dataclass(frozen=True)
class PartnerView:
    """A partner PC: what was sent to it, what it confirmed, what came from it, open conflicts."""

    id: int
    name: str
    pc_name: str
    known: bool  # we have received a bundle from it
    last_export_seq: int
    last_export_at: datetime | None
    acked_seq: int
    last_import_seq: int
    last_import_at: datetime | None
    open_conflicts: int


def list_partners(db: Database) -> list[PartnerView]:
    with db.read() as s:
        counts = dict(s.execute(select(ExchangeConflict.partner_id, func.count(ExchangeConflict.id))
                                .where(ExchangeConflict.status == OPEN).group_by(ExchangeConflict.partner_id)).all())
        return [
            PartnerView(p.id, p.name, p.pc_name, p.pc_uuid is not None, p.last_export_seq, p.last_export_at,
                        p.acked_seq, p.last_import_seq, p.last_import_at, counts.get(p.id, 0))
            for p in s.execute(select(ExchangePartner).order_by(ExchangePartner.name)).scalars()
        ]


def open_conflict_count(db: Database) -> int:
    """Conflicts waiting for the clerk, with every partner."""
    with db.read() as s:
        return s.execute(select(func.count(ExchangeConflict.id)).where(ExchangeConflict.status == OPEN)).scalar_one()


def import_history(db: Database, limit: int = 50) -> list[tuple[datetime, str, int, str]]:
    """(time, partner, bundle number, summary) of the latest imports."""
    with db.read() as s:
        rows = s.execute(select(ExchangeImport, ExchangePartner.name).join(
            ExchangePartner, ExchangePartner.id == ExchangeImport.partner_id)
            .order_by(ExchangeImport.imported_at.desc()).limit(limit)).all()
        return [(imp.imported_at, name, imp.seq, imp.summary_json) for imp, name in rows]

"""The home page's "due soon" list: petitions to publish, to consider, or to hand over as appeals."""

from __future__ import annotations

import datetime as dt

from app.db.engine import Database
from app.domain.deadlines import DeadlineState
from app.domain.petitions import PetitionState
from app.services.core.due import DueItem
from app.services.petitions.common import signatures_text
from app.services.petitions.reads import list_petitions

PAGE_KEY = "petitions"


def due_items(db: Database, today: dt.date) -> list[DueItem]:
    """Petitions whose publication, consideration or appeal hand-over is due soon or overdue."""
    items = []
    for row in list_petitions(db, today):
        st = row.status
        if st.deadline not in (DeadlineState.DUE_SOON, DeadlineState.OVERDUE) or st.due_on is None:
            continue
        if st.state is PetitionState.DRAFT:
            what = f"Петиція №{row.number}: перевірити й оприлюднити — «{row.title}»"
            what_en = f"Petition No. {row.number}: check and publish — «{row.title}»"
        elif st.state is PetitionState.THRESHOLD_REACHED:
            what = f"Петиція №{row.number} набрала {signatures_text(row.signature_count)}: розглянути — «{row.title}»"
            signed = f"{row.signature_count} signature{'' if row.signature_count == 1 else 's'}"
            what_en = f"Petition No. {row.number} has {signed}: consider it — «{row.title}»"
        elif st.state is PetitionState.UNSUCCESSFUL and row.appeal_id is None:
            what = f"Петиція №{row.number} не набрала підписів: зареєструвати як звернення — «{row.title}»"
            what_en = f"Petition No. {row.number} fell short of signatures: register it as an appeal — «{row.title}»"
        else:
            continue  # an unsuccessful petition already registered as an appeal is due there
        items.append(DueItem(due=st.due_on, area_uk="Петиція", area_en="Petition", title=what,
                             overdue=st.deadline is DeadlineState.OVERDUE, page=PAGE_KEY, record_id=row.id,
                             title_en=what_en))
    return items

"""The demo's citizen proposals: every petition state, a year of appeals, quickly."""

from __future__ import annotations

import datetime as dt

from app.db.engine import Database
from app.demo import petitions as petitions_demo
from app.domain.deadlines import DeadlineState
from app.domain.petitions import PetitionState
from app.services import appeals, petitions
from app.services.core import audit
from app.services.core.auth import Actor


def test_demo_has_petitions_in_every_state_and_a_year_of_appeals(council_db: tuple[Database, Actor]) -> None:
    db, admin = council_db
    petitions_demo.build(db, admin)
    today = dt.date.today()
    rows = petitions.list_petitions(db, today)
    assert set(petitions.state_counts(rows).values()) != {0}
    assert all(petitions.state_counts(rows)[state] for state in PetitionState)
    near = [r for r in rows if r.state is PetitionState.COLLECTING and r.threshold
            and 0.9 <= r.signature_count / r.threshold < 1]
    assert near, "one petition a few signatures short of its threshold"
    overdue = [r for r in rows if r.state is PetitionState.THRESHOLD_REACHED
               and r.status.deadline is DeadlineState.OVERDUE]
    assert overdue, "one petition overdue for an answer"
    assert any(r.appeal_id for r in rows), "a failed petition handed over as an appeal"
    answered = next(r for r in rows if r.state is PetitionState.ANSWERED and r.status.outcome is not None
                    and r.status.outcome.value == "supported")
    assert petitions.get_petition(db, answered.id, today).links  # linked to the council's decision

    register = appeals.list_appeals(db, today)
    assert len(register) >= 300
    assert (today - min(r.received_on for r in register)).days >= 360
    states = {r.deadline for r in register}
    assert {DeadlineState.DONE, DeadlineState.OVERDUE, DeadlineState.DUE_SOON, DeadlineState.OK} <= states
    assert any(r.is_repeat for r in register) and any(r.extended for r in register)
    assert audit.verify_chain(db).ok

"""Many ready ballots at once: one transaction, one audit event, ids matched back by voter hash."""

from __future__ import annotations

from app.db.engine import Database
from app.domain.budget import Channel
from app.services.budget import ballots, bulk, counts
from app.services.core import audit
from app.services.core.auth import Actor
from tests.budget_support import voting_cycle


def test_add_ballots_inserts_choices_in_order_with_one_audit_event(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    vc = voting_cycle(db, actor)
    key = ballots.voter_key(db)
    p = vc.projects
    new = [bulk.NewBallot(ballots.hash_identifier(key, f"ГН{n:06d}"), ((p[1].id, None), (p[4].id, None)), 30 + n,
                          "Вишнівка", Channel.PAPER.value, vc.points[0].id) for n in range(3)]
    new.append(bulk.NewBallot(ballots.hash_identifier(key, "ГН999999"), ((p[2].id, None),)))
    assert bulk.add_ballots(db, actor, vc.cycle.id, new, source="тест", label="Згенеровані бюлетені") == 4
    assert {c.number: c.votes for c in counts.project_counts(db, vc.cycle.id)} == {1: 3, 2: 1, 3: 0, 4: 3, 5: 0}
    turnout = counts.turnout(db, vc.cycle.id)
    assert (turnout.paper, turnout.online) == (3, 1)
    (event,) = audit.list_events(db, audit.AuditFilter(entity_type="pb_ballot"))
    assert event.summary == "Згенеровані бюлетені: 4" and event.changes["accepted"] == [None, 4]

"""Standing committees: one head, members in role order, a deputy's seats kept in step, deletion."""

from __future__ import annotations

import dataclasses

import pytest

from app.db.engine import Database
from app.errors import ValidationError
from app.services import deputies
from app.services.core import audit
from app.services.core.auth import Actor
from tests.deputies_setup import add_deputies


def test_committee_roles(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    _, ids = add_deputies(db, actor, 4)
    with pytest.raises(ValidationError, match="лише один голова"):
        deputies.save_committee(db, actor, deputies.CommitteeData("К"), members=[(ids[0], "head"), (ids[1], "head")])
    cid = deputies.save_committee(db, actor, deputies.CommitteeData("К"),
                                  members=[(ids[0], "member"), (ids[1], "head"), (ids[2], "secretary")])
    [view] = deputies.list_committees(db)
    assert [m.role for m in view.members] == ["head", "secretary", "member"]
    deputies.save_committee(db, actor, deputies.CommitteeData("К"), cid, view.version, members=[(ids[3], "head")])
    [view] = deputies.list_committees(db)
    assert [(m.deputy_id, m.role) for m in view.members] == [(ids[3], "head")]
    view2 = deputies.get_deputy(db, ids[0])
    with pytest.raises(ValidationError, match="уже є голова"):
        deputies.update_deputy(db, actor, ids[0], dataclasses.replace(view2, committees=((cid, "head"),)),
                               view2.version)


def test_duplicate_name_refused_and_delete_clears_the_seats(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    _, ids = add_deputies(db, actor, 2)
    cid = deputies.save_committee(db, actor, deputies.CommitteeData("  Бюджетна   комісія "),
                                  members=[(ids[0], "head"), (ids[1], "member")])
    with pytest.raises(ValidationError, match="Комісія «Бюджетна комісія» уже є"):
        deputies.save_committee(db, actor, deputies.CommitteeData("Бюджетна комісія"))
    with pytest.raises(ValidationError, match="Одного депутата вказано в комісії двічі"):
        deputies.save_committee(db, actor, deputies.CommitteeData("Інша"), members=[(ids[0], "member")] * 2)
    assert deputies.get_deputy(db, ids[0]).seats[0].committee == "Бюджетна комісія"
    [view] = deputies.list_committees(db)
    deputies.delete_committee(db, actor, cid, view.version)
    assert deputies.list_committees(db) == [] and deputies.get_deputy(db, ids[0]).seats == ()
    assert audit.list_events(db, audit.AuditFilter(entity_type="committee"))[0].action == "delete"

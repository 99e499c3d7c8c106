"""An office on PostgreSQL exchanges bundles with a library PC on SQLite, both ways (needs HROMADA_TEST_PG_URL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import publish
from app.db.engine import Database, open_database
from app.db.models.budget import Ballot, BallotChoice
from app.services import deputies, exchange
from app.services.budget import ballots
from app.services.budget.ballots import BallotEntry
from app.services.core.auth import Actor
from app.services.safety import dbcopy
from tests.budget_support import TODAY, voting_cycle
from tests.dbutil import fresh_pg_url

pytestmark = pytest.mark.postgres


def test_office_on_postgresql_and_library_on_sqlite(council_db: tuple[Database, Actor], tmp_path: Path,
                                                     backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("the library side is an SQLite file")
    library, admin = council_db
    vc = voting_cycle(library, admin)
    ballots.voter_key(library)
    exchange.set_pc_name(library, admin, "Бібліотека")
    with fresh_pg_url() as url:
        office = open_database(url)
        try:
            dbcopy.copy_database(library, admin, office)  # the office moved to the server from the same data
            exchange.set_pc_name(office, admin, "Офіс", new_identity=True)
            for n in range(3):
                ballots.enter_ballot(library, admin, BallotEntry(vc.cycle.id, f"АА 10000{n}", 30, "1, 4",
                                                                 vc.points[1].id), today=TODAY)
            bundle = exchange.export_bundle(library, admin, "Офіс", tmp_path)
            result = exchange.import_bundle(office, admin, bundle.path)
            assert result.inserted == {"pb_ballot": 3} and result.safety_copy is None
            with office.read() as s:
                assert s.execute(select(func.count(BallotChoice.ballot_id))).scalar_one() == 6
            deputies.save_faction(office, admin, deputies.FactionData(name="Серверна"))
            back = exchange.import_bundle(library, admin, exchange.export_bundle(office, admin, "Бібліотека",
                                                                                 tmp_path).path)
            assert back.inserted == {"faction": 1}
            # The same voter on both sides is a duplicate, on PostgreSQL as on SQLite.
            for db, point in ((library, vc.points[1].id), (office, vc.points[0].id)):
                ballots.enter_ballot(db, admin, BallotEntry(vc.cycle.id, "ББ 200000", 50, "2", point), today=TODAY)
            again = exchange.import_bundle(office, admin, exchange.export_bundle(library, admin, "Офіс",
                                                                                 tmp_path).path)
            assert again.inserted == {} and len(again.duplicates) == 1
            with office.read() as s:
                assert s.execute(select(func.count(Ballot.id))).scalar_one() == 4
            assert publish.publish(office, admin, tmp_path / "pack").datasets > 5
        finally:
            office.dispose()

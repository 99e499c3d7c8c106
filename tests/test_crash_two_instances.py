"""Two instances of the app on one database file editing the same record: the second save is refused as stale.

The pattern of every update service: the form remembers the record's ``version``; a save whose
version is no longer current is refused with a message, so nothing the first clerk saved is lost.
Shown with two ``Database`` objects in one process and with a second process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.db.engine import Database, open_database
from app.errors import StaleRecordError
from app.services import deputies, exchange
from app.services.core import council
from app.services.core.auth import Actor
from tests.safety_support import clone_pc

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def two(council_db: tuple[Database, Actor], backend: str):  # noqa: ANN201
    first, admin = council_db
    if backend != "sqlite":
        second = open_database(first.url.render_as_string(hide_password=False))
    else:
        second = open_database(first.path)
    yield first, second, admin
    second.dispose()


def test_council_profile_second_save_refused(two) -> None:  # noqa: ANN001
    first, second, admin = two
    seen_by_first = council.require_profile(first)
    seen_by_second = council.require_profile(second)
    assert seen_by_first.version == seen_by_second.version
    council.update_profile(first, admin, council.CouncilProfileData(
        seen_by_first.hromada_name, seen_by_first.council_name, 8, 26, website="https://first.example.ua"),
        seen_by_first.version)
    with pytest.raises(StaleRecordError) as caught:
        council.update_profile(second, admin, council.CouncilProfileData(
            seen_by_second.hromada_name, seen_by_second.council_name, 8, 30, website="https://second.example.ua"),
            seen_by_second.version)
    assert "змінив інший користувач" in caught.value.message and "не збережено" in caught.value.message
    assert council.require_profile(second).website == "https://first.example.ua", "nothing lost"
    assert council.require_profile(second).composition == 26


def test_area_record_second_save_refused(two) -> None:  # noqa: ANN001
    first, second, admin = two
    fid = deputies.save_faction(first, admin, deputies.FactionData(name="Спільна"))
    version = next(f.version for f in deputies.list_factions(second) if f.id == fid)
    deputies.save_faction(first, admin, deputies.FactionData(name="Спільна", short_name="Перший"), fid, version)
    with pytest.raises(StaleRecordError):
        deputies.save_faction(second, admin, deputies.FactionData(name="Спільна", short_name="Другий"), fid, version)
    assert next(f for f in deputies.list_factions(second) if f.id == fid).short_name == "Перший"


def test_second_process_saves_first(council_db: tuple[Database, Actor], backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("the second process opens the SQLite file")
    db, admin = council_db
    seen = council.require_profile(db)
    child = (
        "import sys\n"
        "from app.db.engine import open_database\n"
        "from app.services.core import council, users\n"
        "db = open_database(sys.argv[1])\n"
        "p = council.require_profile(db)\n"
        "council.update_profile(db, users.default_admin(db), council.CouncilProfileData(p.hromada_name,"
        " p.council_name, 8, 27, website='https://other-pc.example.ua'), p.version)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", child, str(db.path)], cwd=ROOT, env=env, check=True, timeout=120)
    with pytest.raises(StaleRecordError):
        council.update_profile(db, admin, council.CouncilProfileData(seen.hromada_name, seen.council_name, 8, 26),
                               seen.version)
    assert council.require_profile(db).website == "https://other-pc.example.ua"


def test_exchange_import_makes_an_open_form_stale(council_db: tuple[Database, Actor], tmp_path: Path,
                                                   backend: str) -> None:
    """A record updated by an imported bundle refuses a save from a form opened before the import."""
    if backend != "sqlite":
        pytest.skip("two PCs are two SQLite files")
    library, admin = council_db
    office = clone_pc(library, admin, tmp_path / "office.sqlite3", "Офіс", source_name="Бібліотека")
    try:
        deputies.save_faction(library, admin, deputies.FactionData(name="Спільна"))
        exchange.import_bundle(office, admin, exchange.export_bundle(library, admin, "Офіс", tmp_path).path)
        exchange.import_bundle(library, admin, exchange.export_bundle(office, admin, "Бібліотека", tmp_path).path)
        form = next(f for f in deputies.list_factions(office) if f.name == "Спільна")  # the clerk opens it
        lib = next(f for f in deputies.list_factions(library) if f.name == "Спільна")
        deputies.save_faction(library, admin, deputies.FactionData(name="Спільна", description="з бібліотеки"),
                              lib.id, lib.version)
        exchange.import_bundle(office, admin, exchange.export_bundle(library, admin, "Офіс", tmp_path).path)
        with pytest.raises(StaleRecordError):
            deputies.save_faction(office, admin, deputies.FactionData(name="Спільна", description="з офісу"),
                                  form.id, form.version)
        assert next(f for f in deputies.list_factions(office) if f.name == "Спільна").description == "з бібліотеки"
    finally:
        office.dispose()

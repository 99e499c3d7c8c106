"""Exchange bundles between two PCs of one council: merge by UUID, idempotence, conflicts, duplicates, refusals."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import zlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.db.engine import Database, open_database
from app.db.models.budget import Ballot, BallotChoice
from app.db.models.deputies import Faction
from app.db.models.petitions import Appeal, Petition, PetitionSignature
from app.errors import PermissionDeniedError, ServiceError, StaleRecordError, ValidationError
from app.services import appeals, deputies, exchange, petitions
from app.services.budget import ballots
from app.services.budget.ballots import BallotEntry
from app.services.core import audit, council
from app.services.core.auth import Actor, Role
from app.services.exchange import bundle as bundle_file
from app.services.safety.safefile import DamagedFileError, PasswordRequiredError, WrongPasswordError
from tests.budget_support import TODAY as PB_TODAY
from tests.budget_support import voting_cycle
from tests.safety_support import clone_pc, data_digest, failing_opener, leftovers, table_counts
from tests.services.petitions.petition_helpers import TODAY, appeal_input, make_petition

PASSWORD = "пароль-для-флешки"


@pytest.fixture(autouse=True)
def _sqlite_only(backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("two PCs are two SQLite files here (PostgreSQL offices share one database)")


@pytest.fixture
def pcs(council_db: tuple[Database, Actor], tmp_path: Path):  # noqa: ANN201
    """(library, office, admin): the office was set up from the library's backup."""
    library, admin = council_db
    office = clone_pc(library, admin, tmp_path / "office.sqlite3", "Офіс", source_name="Бібліотека", fast=True)
    yield library, office, admin
    office.dispose()


def send(source: Database, target: Database, actor: Actor, to: str, folder: Path, **kw: object
         ) -> exchange.ImportResult:
    bundle = exchange.export_bundle(source, actor, to, folder, **kw)
    return exchange.import_bundle(target, actor, bundle.path)


def faction(db: Database, name: str) -> deputies.FactionView | None:
    return next((f for f in deputies.list_factions(db) if f.name == name), None)


def rename(db: Database, actor: Actor, name: str, short: str = "", description: str = "") -> None:
    f = faction(db, name)
    assert f is not None
    deputies.save_faction(db, actor, deputies.FactionData(name=name, short_name=short, description=description),
                          f.id, f.version)


# --------------------------------------------------------------------------- round trips


def test_new_records_travel_and_importing_twice_changes_nothing(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    deputies.save_faction(library, admin, deputies.FactionData(name="Бібліотечна", short_name="Б"))
    bundle = exchange.export_bundle(library, admin, "Офіс", tmp_path)
    assert bundle.counts["faction"] == 1 and bundle.full
    result = exchange.import_bundle(office, admin, bundle.path)
    assert result.inserted == {"faction": 1} and not result.conflicts and not result.duplicates
    assert faction(office, "Бібліотечна") is not None
    digest = data_digest(office)
    again = exchange.import_bundle(office, admin, bundle.path)
    assert again.already_imported and "уже імпортовано" in again.summary_lines()[0]
    assert data_digest(office) == digest, "the same bundle twice changes nothing"
    # A fresh full bundle with the same content is merged as "unchanged": idempotent at record level too.
    full = exchange.import_bundle(office, admin, exchange.export_bundle(library, admin, "Офіс", tmp_path,
                                                                        full=True).path)
    assert full.changed == 0 and full.unchanged >= 1


def test_both_directions_and_only_unconfirmed_changes_travel(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    deputies.save_faction(library, admin, deputies.FactionData(name="З бібліотеки"))
    send(library, office, admin, "Офіс", tmp_path)
    deputies.save_faction(office, admin, deputies.FactionData(name="З офісу"))
    back = send(office, library, admin, "Бібліотека", tmp_path)
    assert back.inserted == {"faction": 1}
    assert faction(library, "З офісу") is not None
    # The library's next bundle holds only what changed since the office confirmed bundle №1.
    deputies.save_faction(library, admin, deputies.FactionData(name="Третя"))
    third = exchange.export_bundle(library, admin, "Офіс", tmp_path)
    assert not third.full
    assert third.counts.get("faction") == 1, third.counts
    assert exchange.import_bundle(office, admin, third.path).inserted == {"faction": 1}
    partner = {p.name: p for p in exchange.list_partners(library)}["Офіс"]
    assert partner.known and partner.last_export_seq == 2 and partner.acked_seq == 1


def test_lost_bundle_is_covered_by_the_next(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    send(office, library, admin, "Бібліотека", tmp_path)  # the PCs know each other
    send(library, office, admin, "Офіс", tmp_path)
    send(office, library, admin, "Бібліотека", tmp_path)  # confirms the library's №1
    deputies.save_faction(library, admin, deputies.FactionData(name="Загублена"))
    exchange.export_bundle(library, admin, "Офіс", tmp_path / "lost.hdx")  # never arrives
    deputies.save_faction(library, admin, deputies.FactionData(name="Наступна"))
    result = send(library, office, admin, "Офіс", tmp_path / "next.hdx")
    assert result.inserted == {"faction": 2}
    assert faction(office, "Загублена") and faction(office, "Наступна")


def test_ids_differ_between_pcs_references_follow_uuids(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    from app.db.models.deputies import Deputy

    library, office, admin = pcs
    for n in range(3):  # the office's ids run ahead, so the same id means different records
        deputies.save_faction(office, admin, deputies.FactionData(name=f"Офісна {n}"))
    fid = deputies.save_faction(library, admin, deputies.FactionData(name="Бібліотечна"))
    deputies.create_deputy(library, admin, deputies.DeputyData(
        surname="Коваль", given_name="Ганна", mandate_start=dt.date(2025, 11, 1), faction_id=fid))
    first = appeals.register_appeal(library, admin, appeal_input(), today=TODAY)
    repeat = appeals.register_appeal(library, admin, appeal_input(summary="Повторне звернення"), today=TODAY)
    with library.write() as s:
        s.get(Appeal, repeat).repeat_of_id = first
    result = send(library, office, admin, "Офіс", tmp_path)
    assert result.inserted == {"faction": 1, "deputy": 1, "appeal": 2}, result.summary_lines()
    with office.read() as s:
        deputy = s.execute(select(Deputy).where(Deputy.surname == "Коваль")).scalar_one()
        office_faction = s.get(Faction, deputy.faction_id)
        assert office_faction.name == "Бібліотечна" and office_faction.id != fid
        by_uuid = {u: (i, r) for u, i, r in s.execute(select(Appeal.uuid, Appeal.id, Appeal.repeat_of_id))}
    with library.read() as s:
        lib = {u: (i, r) for u, i, r in s.execute(select(Appeal.uuid, Appeal.id, Appeal.repeat_of_id))}
    [rep_uuid] = [u for u, (_i, r) in lib.items() if r]
    original_uuid = next(u for u, (i, _r) in lib.items() if i == lib[rep_uuid][1])
    assert by_uuid[rep_uuid][1] == by_uuid[original_uuid][0], "a reference within the bundle"


def test_signatures_travel_and_petition_counters_are_recounted(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    pid = make_petition(library, admin, title="Петиція з бібліотеки")
    send(library, office, admin, "Офіс", tmp_path)
    petitions.add_signature(library, admin, pid, petitions.SignatureInput(
        "Мельник Ірина Петрівна", dt.date(2026, 3, 10), "вул. Садова, 1", "0501112233", "paper"), today=TODAY)
    result = send(library, office, admin, "Офіс", tmp_path)
    assert result.inserted == {"petition_signature": 1} and result.updated == {}, "the counter is not content"
    with office.read() as s:
        p = s.execute(select(Petition).where(Petition.title == "Петиція з бібліотеки")).scalar_one()
        sig = s.execute(select(PetitionSignature).where(PetitionSignature.petition_id == p.id)).scalar_one()
        assert sig.signer_name == "Мельник Ірина Петрівна" and sig.phone == "0501112233"
        assert p.signature_count == 1, "the petition's counter is recounted after the import"


def test_numbers_given_on_both_pcs_are_duplicates(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    """Both PCs numbered a new petition №1: like a single database, the second one is refused, with a reason."""
    library, office, admin = pcs
    make_petition(office, admin, title="Офісна петиція")
    pid = make_petition(library, admin, title="Бібліотечна петиція")
    petitions.add_signature(library, admin, pid, petitions.SignatureInput(
        "Мельник Ірина Петрівна", dt.date(2026, 3, 10), channel="paper"), today=TODAY)
    result = send(library, office, admin, "Офіс", tmp_path)
    assert result.inserted == {}
    assert len(result.duplicates) == 1 and "number" in result.duplicates[0]
    assert len(result.problems) == 1 and "теж не прийнято" in result.problems[0]


def test_ballots_travel_with_their_choices(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    library, admin = council_db
    vc = voting_cycle(library, admin)
    office = clone_pc(library, admin, tmp_path / "office.sqlite3", "Офіс", source_name="Бібліотека")
    try:
        point = vc.points[1].id
        ballots.enter_ballot(library, admin, BallotEntry(vc.cycle.id, "АВ123456", 30, "1, 2, 4", point),
                             today=PB_TODAY)
        result = send(library, office, admin, "Офіс", tmp_path)
        assert result.inserted == {"pb_ballot": 1}
        with office.read() as s:
            ballot = s.execute(select(Ballot)).scalar_one()
            choices = s.execute(select(func.count()).select_from(BallotChoice)
                                .where(BallotChoice.ballot_id == ballot.id)).scalar_one()
        assert choices == 3
        assert ballots.find_voter(office, vc.cycle.id, "ав 123456") is not None, "same key: same hash"
    finally:
        office.dispose()


def test_encrypted_bundle(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    deputies.save_faction(library, admin, deputies.FactionData(name="Таємна"))
    bundle = exchange.export_bundle(library, admin, "Офіс", tmp_path, password=PASSWORD)
    assert "Таємна".encode() not in bundle.path.read_bytes()
    with pytest.raises(PasswordRequiredError):
        exchange.import_bundle(office, admin, bundle.path)
    with pytest.raises(WrongPasswordError):
        exchange.import_bundle(office, admin, bundle.path, password="інший-пароль")
    assert exchange.import_bundle(office, admin, bundle.path, password=PASSWORD).inserted == {"faction": 1}


# --------------------------------------------------------------------------- updates, conflicts, deletions


def test_change_on_one_side_is_applied(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    deputies.save_faction(library, admin, deputies.FactionData(name="Спільна"))
    send(library, office, admin, "Офіс", tmp_path)
    send(office, library, admin, "Бібліотека", tmp_path)
    rename(office, admin, "Спільна", "СП", "Змінено в офісі")
    before = faction(library, "Спільна")
    result = send(office, library, admin, "Бібліотека", tmp_path)
    assert result.updated == {"faction": 1} and not result.conflicts
    after = faction(library, "Спільна")
    assert after.description == "Змінено в офісі" and after.version == before.version + 1
    # The clerk's form opened before the import is now stale: its save is refused, not lost.
    with pytest.raises(StaleRecordError):
        deputies.save_faction(library, admin, deputies.FactionData(name="Спільна", short_name="X"),
                              before.id, before.version)


def test_change_on_both_sides_is_a_conflict_never_overwritten(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    deputies.save_faction(library, admin, deputies.FactionData(name="Спірна"))
    send(library, office, admin, "Офіс", tmp_path)
    send(office, library, admin, "Бібліотека", tmp_path)
    rename(library, admin, "Спірна", "Б", "версія бібліотеки")
    rename(office, admin, "Спірна", "О", "версія офісу")
    result = send(library, office, admin, "Офіс", tmp_path)
    assert result.conflicts == 1 and result.changed == 0
    assert faction(office, "Спірна").description == "версія офісу", "nothing overwritten silently"
    [conflict] = exchange.list_conflicts(office)
    assert conflict.table == "faction" and conflict.partner_name == "Бібліотека"
    differs = {f.name: (f.here, f.there) for f in conflict.fields if f.differs}
    assert differs == {"short_name": ("О", "Б"), "description": ("версія офісу", "версія бібліотеки")}
    # Taking theirs applies it as a normal audited change; the partner then needs nothing back.
    exchange.resolve_conflict(office, admin, conflict.id, "remote", conflict.version,
                              expected_local_version=conflict.local_version)
    assert faction(office, "Спірна").description == "версія бібліотеки"
    assert exchange.list_conflicts(office) == []
    assert audit.list_events(office, audit.AuditFilter(entity_type="exchange_conflict"))
    back = send(office, library, admin, "Бібліотека", tmp_path)
    assert back.conflicts == 0 and faction(library, "Спірна").description == "версія бібліотеки"


def test_keeping_our_version_sends_it_to_the_partner(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    deputies.save_faction(library, admin, deputies.FactionData(name="Спірна"))
    send(library, office, admin, "Офіс", tmp_path)
    send(office, library, admin, "Бібліотека", tmp_path)
    rename(library, admin, "Спірна", "Б", "версія бібліотеки")
    rename(office, admin, "Спірна", "О", "версія офісу")
    send(library, office, admin, "Офіс", tmp_path)
    [conflict] = exchange.list_conflicts(office)
    exchange.resolve_conflict(office, admin, conflict.id, "local", conflict.version)
    back = send(office, library, admin, "Бібліотека", tmp_path)
    assert back.updated == {"faction": 1} and back.conflicts == 0
    assert faction(library, "Спірна").description == "версія офісу"


def test_resolving_a_stale_conflict_is_refused(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    deputies.save_faction(library, admin, deputies.FactionData(name="Спірна"))
    send(library, office, admin, "Офіс", tmp_path)
    send(office, library, admin, "Бібліотека", tmp_path)
    rename(library, admin, "Спірна", "Б")
    rename(office, admin, "Спірна", "О")
    send(library, office, admin, "Офіс", tmp_path)
    [conflict] = exchange.list_conflicts(office)
    rename(office, admin, "Спірна", "О2")  # changed again after the clerk looked
    with pytest.raises(StaleRecordError):
        exchange.resolve_conflict(office, admin, conflict.id, "remote", conflict.version,
                                  expected_local_version=conflict.local_version)
    assert faction(office, "Спірна").short_name == "О2"
    with pytest.raises(ValidationError):
        exchange.resolve_conflict(office, admin, conflict.id, "both", conflict.version)


def test_deletions_travel_and_a_deleted_changed_record_is_a_conflict(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    for name in ("Зникне", "Змінена"):
        deputies.save_faction(library, admin, deputies.FactionData(name=name))
    send(library, office, admin, "Офіс", tmp_path)
    send(office, library, admin, "Бібліотека", tmp_path)
    for name in ("Зникне", "Змінена"):
        f = faction(library, name)
        deputies.delete_faction(library, admin, f.id, f.version)
    rename(office, admin, "Змінена", "З", "змінено в офісі")
    result = send(library, office, admin, "Офіс", tmp_path)
    assert result.deleted == {"faction": 1} and result.conflicts == 1
    assert faction(office, "Зникне") is None and faction(office, "Змінена") is not None
    [conflict] = exchange.list_conflicts(office)
    assert conflict.deleted_there and not conflict.deleted_here


def test_duplicate_signer_across_pcs_is_reported_not_inserted(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    pid = make_petition(library, admin)
    send(library, office, admin, "Офіс", tmp_path)
    send(office, library, admin, "Бібліотека", tmp_path)
    office_pid = petitions.petition_id_by_number(office, petitions.get_petition(library, pid, TODAY).number)
    same = petitions.SignatureInput("Шевченко Тарас Григорович", dt.date(2026, 3, 9), channel="paper")
    petitions.add_signature(library, admin, pid, same, today=TODAY)
    petitions.add_signature(office, admin, office_pid, petitions.SignatureInput(
        "шевченко  тарас григорович", dt.date(2026, 3, 10), channel="paper"), today=TODAY)
    petitions.add_signature(library, admin, pid, petitions.SignatureInput(
        "Коваль Ганна Іванівна", dt.date(2026, 3, 9), channel="paper"), today=TODAY)
    result = send(library, office, admin, "Офіс", tmp_path)
    assert result.inserted == {"petition_signature": 1}
    assert len(result.duplicates) == 1 and "Шевченко" in result.duplicates[0]
    with office.read() as s:
        assert s.execute(select(Petition.signature_count).where(Petition.id == office_pid)).scalar_one() == 2


def test_duplicate_voter_across_pcs_is_reported(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    library, admin = council_db
    vc = voting_cycle(library, admin)
    office = clone_pc(library, admin, tmp_path / "office.sqlite3", "Офіс", source_name="Бібліотека")
    try:
        for db, point in ((library, vc.points[1].id), (office, vc.points[0].id)):
            ballots.enter_ballot(db, admin, BallotEntry(vc.cycle.id, "ВК 777111", 40, "1", point), today=PB_TODAY)
        ballots.enter_ballot(library, admin, BallotEntry(vc.cycle.id, "ВК 777112", 40, "2", vc.points[1].id),
                             today=PB_TODAY)
        result = send(library, office, admin, "Офіс", tmp_path)
        assert result.inserted == {"pb_ballot": 1}
        assert len(result.duplicates) == 1 and "voter_hash" in result.duplicates[0]
        assert "ВК 777111" not in result.duplicates[0] and "777111" not in "".join(result.duplicates)
        with office.read() as s:
            assert s.execute(select(func.count(Ballot.id))).scalar_one() == 2
    finally:
        office.dispose()


def test_different_voter_keys_refused_whole(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    library, admin = council_db
    vc = voting_cycle(library, admin)
    office = clone_pc(library, admin, tmp_path / "office.sqlite3", "Офіс", source_name="Бібліотека")
    try:
        from app.db.models.budget import BudgetSecret

        with office.write() as s:
            s.execute(select(BudgetSecret)).scalar_one().value = "ab" * 32
        ballots.enter_ballot(library, admin, BallotEntry(vc.cycle.id, "АА 000001", 30, "1", vc.points[1].id),
                             today=PB_TODAY)
        bundle = exchange.export_bundle(library, admin, "Офіс", tmp_path)
        before = data_digest(office)
        with pytest.raises(ValidationError, match="ключ хешування виборців"):
            exchange.import_bundle(office, admin, bundle.path)
        assert data_digest(office) == before
    finally:
        office.dispose()


# --------------------------------------------------------------------------- refusals


def test_bundle_from_another_council_refused_whole(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    other = open_database(tmp_path / "other.sqlite3")
    try:
        _, other_admin = council.setup_council(other, council.CouncilProfileData("Сусідня громада", "Сусідня рада",
                                                                                 8, 22))
        deputies.save_faction(other, other_admin, deputies.FactionData(name="Чужа"))
        bundle = exchange.export_bundle(other, other_admin, "Офіс", tmp_path)
    finally:
        other.dispose()
    before = table_counts(db)
    with pytest.raises(ValidationError, match="іншої ради"):
        exchange.import_bundle(db, admin, bundle.path)
    assert table_counts(db) == before


def test_bundle_made_on_this_pc_refused(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, _office, admin = pcs
    bundle = exchange.export_bundle(library, admin, "Офіс", tmp_path)
    with pytest.raises(ValidationError, match="на цьому ж ПК"):
        exchange.import_bundle(library, admin, bundle.path)


def test_older_bundle_refused(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    first = exchange.export_bundle(library, admin, "Офіс", tmp_path / "1.hdx")
    second = exchange.export_bundle(library, admin, "Офіс", tmp_path / "2.hdx")
    exchange.import_bundle(office, admin, second.path)
    with pytest.raises(ValidationError, match="старіший"):
        exchange.import_bundle(office, admin, first.path)


@pytest.mark.parametrize("damage", ["truncate", "flip", "append", "header", "not-a-bundle", "empty"])
def test_altered_or_truncated_bundle_refused_whole(pcs, tmp_path: Path, damage: str) -> None:  # noqa: ANN001
    library, office, admin = pcs
    for n in range(40):
        deputies.save_faction(library, admin, deputies.FactionData(name=f"Фракція {n}"))
    path = exchange.export_bundle(library, admin, "Офіс", tmp_path).path
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data[-10] ^= 0x04
    elif damage == "append":
        data += b"\n{}"
    elif damage == "header":
        data[20] = ord("X")
    elif damage == "not-a-bundle":
        data = bytearray(b"PK\x03\x04 not ours")
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    before = data_digest(office)
    with pytest.raises(ServiceError) as caught:
        exchange.import_bundle(office, admin, path)
    assert "нічого не змінено" in caught.value.message.lower() or "не імпортовано" in caught.value.message
    assert data_digest(office) == before


def test_tampered_bundle_with_recomputed_checksum_still_refused(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    """Someone edits a record and fixes the file's SHA-256: the record's own hash no longer matches."""
    library, office, admin = pcs
    deputies.save_faction(library, admin, deputies.FactionData(name="Справжня"))
    path = exchange.export_bundle(library, admin, "Офіс", tmp_path).path
    lines = exchange.unpack_lines(path.read_bytes())
    edited = [line.replace("Справжня".encode(), "Підроблена".encode()) for line in lines if line]
    path.write_bytes(exchange.pack_lines(edited))
    with pytest.raises(DamagedFileError, match="хешем"):
        exchange.import_bundle(office, admin, path)
    # And a manifest whose counts do not match the records (a cut-off payload re-packed) is refused.
    manifest = json.loads(edited[0])
    manifest["counts"]["faction"] = 5
    path.write_bytes(exchange.pack_lines([json.dumps(manifest).encode(), *lines[1:]]))
    with pytest.raises(DamagedFileError):
        exchange.import_bundle(office, admin, path)


def test_bundle_from_a_newer_program_refused(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    deputies.save_faction(library, admin, deputies.FactionData(name="Нова"))
    path = exchange.export_bundle(library, admin, "Офіс", tmp_path).path
    lines = [line for line in exchange.unpack_lines(path.read_bytes()) if line]
    records = [json.loads(line) for line in lines[1:]]
    for record in records:
        if record["t"] == "faction":
            record["v"]["colour"] = "синій"
            record["h"] = exchange.content_hash(record["v"])
    path.write_bytes(exchange.pack_lines([lines[0], *[json.dumps(r).encode() for r in records]]))
    with pytest.raises(ValidationError, match="новішою версією"):
        exchange.import_bundle(office, admin, path)
    manifest = json.loads(lines[0])
    manifest["counts"]["hovercraft"] = 1
    path.write_bytes(exchange.pack_lines([json.dumps(manifest).encode(), *lines[1:],
                                          json.dumps({"t": "hovercraft", "u": "0" * 36}).encode()]))
    with pytest.raises(ValidationError, match="не знає"):
        exchange.import_bundle(office, admin, path)


def test_zip_bomb_payload_refused(pcs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    _library, office, admin = pcs
    monkeypatch.setattr(bundle_file, "MAX_PAYLOAD", 1 << 20)  # the real cap is 512 MB; the rule is the same
    path = tmp_path / "bomb.hdx"
    payload = zlib.compress(b"{" * (bundle_file.MAX_PAYLOAD + 10), 9)
    header = {"format": exchange.FORMAT, "version": 1, "compression": "zlib",
              "sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload)}
    path.write_bytes(exchange.MAGIC + json.dumps(header).encode() + b"\n" + payload)
    with pytest.raises(DamagedFileError):
        exchange.import_bundle(office, admin, path)


def test_operator_may_not_exchange(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, _office, _admin = pcs
    with pytest.raises(PermissionDeniedError):
        exchange.export_bundle(library, Actor(None, "op", Role.OPERATOR, voting_point_id=1), "Офіс", tmp_path)


# --------------------------------------------------------------------------- writing the file


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_full_medium_during_export_leaves_database_and_stick_untouched(pcs, tmp_path: Path,  # noqa: ANN001
                                                                       code: int) -> None:
    library, _office, admin = pcs
    for n in range(50):
        deputies.save_faction(library, admin, deputies.FactionData(name=f"Фракція {n}"))
    usb = tmp_path / "usb"
    usb.mkdir()
    before = data_digest(library)
    with pytest.raises(ServiceError, match="не записано"):
        exchange.export_bundle(library, admin, "Офіс", usb, opener=failing_opener(2000, code))
    assert data_digest(library) == before, "no export recorded, no partner created, no audit event"
    assert list(usb.iterdir()) == []
    ok = exchange.export_bundle(library, admin, "Офіс", usb)
    assert ok.seq == 1 and leftovers(usb) == []


def test_output_to_missing_folder(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, _office, admin = pcs
    with pytest.raises(ValidationError, match="не існує"):
        exchange.export_bundle(library, admin, "Офіс", tmp_path / "unplugged" / "b.hdx")
    with pytest.raises(ValidationError):
        exchange.export_bundle(library, admin, "   ", tmp_path)


def test_import_makes_a_safety_copy_first(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    library, office, admin = pcs
    deputies.save_faction(library, admin, deputies.FactionData(name="Нова"))
    result = send(library, office, admin, "Офіс", tmp_path)
    assert result.safety_copy is not None and "before-import" in result.safety_copy.name


def test_restored_partner_gets_everything_again(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    """After the office restores an old backup, its epoch changes and the library re-sends everything."""
    from app.services.safety import backup

    library, office, admin = pcs
    send(library, office, admin, "Офіс", tmp_path)
    send(office, library, admin, "Бібліотека", tmp_path)
    old = backup.create_backup(office, admin, tmp_path)
    deputies.save_faction(library, admin, deputies.FactionData(name="Після копії"))
    send(library, office, admin, "Офіс", tmp_path)
    identity = exchange.current_identity(office)
    backup.restore_backup(office, admin, old.path)
    assert exchange.current_identity(office).pc_uuid == identity.pc_uuid, "the office stays the office"
    assert faction(office, "Після копії") is None
    send(office, library, admin, "Бібліотека", tmp_path)  # tells the library about the new epoch
    again = exchange.export_bundle(library, admin, "Офіс", tmp_path)
    assert again.full
    assert exchange.import_bundle(office, admin, again.path).inserted.get("faction") == 1
    assert faction(office, "Після копії") is not None


def test_users_travel_as_inactive_references_only(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    from app.db.models.core import User
    from app.services.core import users

    library, office, admin = pcs
    users.create_user(library, admin, users.UserData("volunteer", "Волонтер Бібліотеки", Role.CLERK),
                      password="пароль-волонтера")
    send(library, office, admin, "Офіс", tmp_path)
    with office.read() as s:
        user = s.execute(select(User).where(User.username == "volunteer")).scalar_one()
        assert user.is_active is False and user.password_hash is None


def test_faction_table_scope_is_generic() -> None:
    scope = exchange.default_scope()
    assert "faction" in scope.specs and "audit_event" not in scope.specs and "pb_secret" not in scope.specs
    ballot = scope.specs["pb_ballot"]
    assert [o.table.name for o in ballot.owned] == ["pb_ballot_choice"]
    assert ("cycle_id", "voter_hash") in ballot.uniques
    assert "signature_count" not in {c.name for c in scope.specs["petition"].columns}
    assert Faction.__tablename__ in scope.specs


def test_cancel_rolls_back_export_and_import(pcs, tmp_path: Path) -> None:  # noqa: ANN001
    from app.services.core.progress import Cancelled

    library, office, admin = pcs
    for n in range(5):
        deputies.save_faction(library, admin, deputies.FactionData(name=f"Фракція {n}"))

    def cancel(done: int, _total: int, text: str) -> None:
        if done >= 1:
            raise Cancelled()

    before = data_digest(library)
    with pytest.raises(Cancelled):
        exchange.export_bundle(library, admin, "Офіс", tmp_path, progress=cancel)
    assert data_digest(library) == before and not list(tmp_path.glob("*.hdx"))
    bundle = exchange.export_bundle(library, admin, "Офіс", tmp_path)
    before = data_digest(office, skip=("audit_event", "audit_chain_head", "exchange_identity"))
    with pytest.raises(Cancelled):
        exchange.import_bundle(office, admin, bundle.path, progress=cancel, backup_first=False)
    assert data_digest(office, skip=("audit_event", "audit_chain_head", "exchange_identity")) == before
    assert exchange.import_bundle(office, admin, bundle.path).inserted == {"faction": 5}

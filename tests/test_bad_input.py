"""Bad input: every importer fed random and mutated files (hypothesis).

For each importer — exchange bundles, backups (plain and encrypted), Pabulib ``.pb`` (the parser and
the database import), petition signatures (CSV, XLSX), online votes (CSV), roll calls (CSV, XLSX) —
the only outcomes allowed are: the import succeeds, or it is refused with the importer's documented
error (a :class:`ServiceError` with a readable message; ``PabulibError`` for the bare parser) and
**nothing was written**. No other exception, no half-import.

Runs are kept small by default (about 30–40 examples each); ``HYPOTHESIS_PROFILE=thorough`` runs more.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from app.db.engine import Database, open_database
from app.errors import ServiceError
from app.interchange import online_votes, pabulib, pb_cycles, rollcall_import, signatures_import
from app.services import deputies, exchange, petitions
from app.services.core import council
from app.services.core.auth import Actor
from app.services.exchange import bundle
from app.services.safety import backup
from tests import DATA_DIR
from tests.budget_support import voting_cycle
from tests.conftest import TEST_PROFILE
from tests.deputies_setup import build_council
from tests.safety_support import bulk_ballots, clone_pc, data_digest, integrity, table_counts
from tests.services.petitions.petition_helpers import TODAY, make_petition

EXAMPLES = 200 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 35
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
PB_FILE = DATA_DIR / "pabulib" / "Netherlands_Assen_2024.pb"

# --------------------------------------------------------------------------- mutations

OPS = st.lists(st.tuples(st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate", "zero"]),
                         st.integers(min_value=0, max_value=2**31), st.binary(min_size=1, max_size=16)),
               min_size=1, max_size=4)


def mutate(data: bytes, ops: list[tuple[str, int, bytes]]) -> bytes:
    out = bytearray(data)
    for op, where, payload in ops:
        at = where % (len(out) + 1)
        if op == "flip" and out:
            out[at % len(out)] ^= payload[0] or 1
        elif op == "delete":
            del out[at:at + len(payload)]
        elif op == "insert":
            out[at:at] = payload
        elif op == "truncate":
            del out[at:]
        elif op == "duplicate":
            out[at:at] = out[at:at + 64]
        elif op == "zero":
            out[at:at + len(payload)] = bytes(len(out[at:at + len(payload)]))
    return bytes(out)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.floats(allow_nan=True)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=8)


def refused_or_done(db: Database, action: Callable[[], object], *, digest: bool = False,
                    errors: tuple[type[BaseException], ...] = (ServiceError,)) -> str:
    """Run an import: success, or the documented refusal with a message and nothing written."""
    before = data_digest(db) if digest else table_counts(db)
    try:
        action()
    except errors as exc:
        text = exc.text() if isinstance(exc, ServiceError) else str(exc)
        assert text.strip() and "Traceback" not in text
        after = data_digest(db) if digest else table_counts(db)
        assert after == before, "a refused import wrote something"
        event("refused")
        return "refused"
    event("imported")
    return "done"


# --------------------------------------------------------------------------- exchange bundles


@pytest.fixture(scope="module")
def pcs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(office template file, a valid bundle for it, working folder)."""
    folder = tmp_path_factory.mktemp("fuzz-exchange")
    library = open_database(folder / "library.sqlite3")
    _, admin = council.setup_council(library, TEST_PROFILE)
    office = clone_pc(library, admin, folder / "office.sqlite3", "Офіс", source_name="Бібліотека")
    office.dispose()
    bulk_ballots(library, admin, 40)
    deputies.save_faction(library, admin, deputies.FactionData(name="Фракція", description="опис"))
    fid = deputies.save_faction(library, admin, deputies.FactionData(name="Зникне"))
    deputies.delete_faction(library, admin, fid, 1)
    pid = make_petition(library, admin)
    petitions.add_signature(library, admin, pid, petitions.SignatureInput(
        "Мельник Ірина Петрівна", dt.date(2026, 3, 10), "вул. Садова, 1", "0501112233", "paper"), today=TODAY)
    bundle = exchange.export_bundle(library, admin, "Офіс", folder / "bundle.hdx").path
    library.dispose()
    return folder / "office.sqlite3", bundle, folder


@contextmanager
def office_copy(pcs: tuple[Path, Path, Path]) -> Iterator[Database]:
    template, _bundle, folder = pcs
    path = folder / f"office-{random.getrandbits(40):x}.sqlite3"
    shutil.copy(template, path)
    db = open_database(path)
    try:
        yield db
    finally:
        db.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)


def admin_of(db: Database) -> Actor:
    from app.services.core import users

    return users.default_admin(db)


@FUZZ
@given(data=st.binary(max_size=2000))
def test_exchange_random_bytes(pcs: tuple[Path, Path, Path], data: bytes) -> None:
    with office_copy(pcs) as db:
        path = pcs[2] / "random.hdx"
        path.write_bytes(data)
        assert refused_or_done(db, lambda: exchange.import_bundle(db, admin_of(db), path, backup_first=False),
                               digest=True) == "refused"


@FUZZ
@given(ops=OPS, prefix=st.booleans())
def test_exchange_mutated_bundle(pcs: tuple[Path, Path, Path], ops: list[tuple[str, int, bytes]],
                                 prefix: bool) -> None:
    data = pcs[1].read_bytes()
    if prefix:  # aim the damage at the header part of the file
        ops = [(op, where % 200, payload) for op, where, payload in ops]
    mutated = mutate(data, ops)
    with office_copy(pcs) as db:
        path = pcs[2] / "mutated.hdx"
        path.write_bytes(mutated)
        outcome = refused_or_done(db, lambda: exchange.import_bundle(db, admin_of(db), path, backup_first=False),
                                  digest=True)
        if mutated != data:
            assert outcome == "refused", "an altered bundle must never be accepted"
        assert integrity(db.path) == "ok"


@FUZZ
@given(line=st.integers(min_value=0, max_value=10_000), key=st.sampled_from(
    ["t", "u", "h", "b", "c", "v", "d", "seq", "epoch", "counts", "council", "source", "ack", "fingerprints",
     "bundle_uuid", "since", "until", "revisions", "deletions", "name", "voter_hash", "cycle_id", "@pb_ballot_choice",
     "petition_id", "signed_on", "age", "version"]),
    value=JSON_VALUES, delete=st.booleans(), rehash=st.booleans())
def test_exchange_structurally_damaged_but_checksummed(pcs: tuple[Path, Path, Path], line: int, key: str,
                                                       value: object, delete: bool, rehash: bool) -> None:
    """Damage inside a bundle whose checksum was recomputed: the per-record checks still hold."""
    lines = [x for x in bundle.unpack_lines(pcs[1].read_bytes()) if x]
    index = line % len(lines)
    item = json.loads(lines[index])
    target = item["v"] if "v" in item and key not in item and isinstance(item.get("v"), dict) else item
    if index == 0 and key in ("name",):
        target = item["source"]
    if delete:
        target.pop(key, None)
    else:
        target[key] = value
    if rehash and isinstance(item.get("v"), dict):
        item["h"] = exchange.content_hash(item["v"])
    lines[index] = json.dumps(item, ensure_ascii=False).encode()
    with office_copy(pcs) as db:
        path = pcs[2] / "edited.hdx"
        path.write_bytes(bundle.pack_lines(lines))
        refused_or_done(db, lambda: exchange.import_bundle(db, admin_of(db), path, backup_first=False), digest=True)
        assert integrity(db.path) == "ok"


# --------------------------------------------------------------------------- backups


@pytest.fixture(scope="module")
def backups(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, Path]:
    """(database file, plain backup, encrypted backup, folder)."""
    folder = tmp_path_factory.mktemp("fuzz-backup")
    db = open_database(folder / "db.sqlite3")
    _, admin = council.setup_council(db, TEST_PROFILE)
    for n in range(20):
        deputies.save_faction(db, admin, deputies.FactionData(name=f"Фракція {n}"))
    plain = backup.create_backup(db, admin, folder).path
    encrypted = backup.create_backup(db, admin, folder, password="пароль-копії").path
    db.dispose()
    return folder / "db.sqlite3", plain, encrypted, folder


@FUZZ
@given(data=st.binary(max_size=3000), header=st.sampled_from([b"", b"SQLite format 3\x00", b"HROMADA-ENC\n"]))
def test_backup_random_bytes(backups: tuple[Path, Path, Path, Path], data: bytes, header: bytes) -> None:
    path = backups[3] / "random.sqlite3"
    path.write_bytes(header + data)
    with pytest.raises(ServiceError) as caught:
        backup.inspect_backup(path, password="пароль-копії", db_path=backups[0])
    assert caught.value.text()


@FUZZ
@given(ops=OPS, encrypted=st.booleans())
def test_backup_mutated(backups: tuple[Path, Path, Path, Path], ops: list[tuple[str, int, bytes]],
                        encrypted: bool) -> None:
    source = backups[2] if encrypted else backups[1]
    path = backups[3] / ("mutated.hdbackup" if encrypted else "mutated.sqlite3")
    path.write_bytes(mutate(source.read_bytes(), ops))
    try:
        info = backup.inspect_backup(path, password="пароль-копії", db_path=backups[0])
    except ServiceError as exc:
        assert exc.text()
        return
    assert info.integrity, "a readable copy is described (and refused by restore unless it is ok)"


@settings(max_examples=max(8, EXAMPLES // 4), deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=OPS, encrypted=st.booleans())
def test_restore_mutated_replaces_all_or_nothing(backups: tuple[Path, Path, Path, Path],
                                                 ops: list[tuple[str, int, bytes]], encrypted: bool) -> None:
    template, plain, protected, folder = backups
    work = folder / f"work-{random.getrandbits(32):x}.sqlite3"
    shutil.copy(template, work)
    db = open_database(work)
    try:
        path = folder / ("restore.hdbackup" if encrypted else "restore.sqlite3")
        path.write_bytes(mutate((protected if encrypted else plain).read_bytes(), ops))
        outcome = refused_or_done(db, lambda: backup.restore_backup(db, admin_of(db), path, password="пароль-копії"),
                                  digest=True)
        assert integrity(work) == "ok"
        if outcome == "done":
            assert council.require_profile(db).council_name
    finally:
        db.dispose()


# --------------------------------------------------------------------------- Pabulib


@FUZZ
@given(ops=OPS)
def test_pabulib_parser_mutated(ops: list[tuple[str, int, bytes]]) -> None:
    data = mutate(PB_FILE.read_bytes(), ops)
    try:
        pabulib.parse_pb_bytes(data)
    except pabulib.PabulibError as exc:
        assert str(exc).strip()


@FUZZ
@given(data=st.binary(max_size=1000) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_pabulib_parser_random(data: bytes) -> None:
    try:
        pabulib.parse_pb_bytes(data)
    except pabulib.PabulibError as exc:
        assert str(exc).strip()


@FUZZ
@given(ops=OPS)
def test_pabulib_import_mutated(council_db: tuple[Database, Actor], tmp_path: Path,
                                ops: list[tuple[str, int, bytes]]) -> None:
    db, admin = council_db
    path = tmp_path / "assen.pb"
    path.write_bytes(mutate(PB_FILE.read_bytes(), ops))
    refused_or_done(db, lambda: pb_cycles.import_pabulib(db, admin, path))


# --------------------------------------------------------------------------- CSV and XLSX


def _xlsx_bytes(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SIGNATURE_ROWS: list[list[object]] = [
    ["ПІБ", "Адреса", "Телефон", "Дата"],
    ["Ґалаґан Їжак Євгенович", "вул. Шкільна, 1", "0501234567", "05.04.2026"],
    ["Д’яченко Марія Петрівна", "", "", "2026-04-06"],
]


@FUZZ
@given(ops=OPS, kind=st.sampled_from(["csv", "xlsx"]), random_data=st.none() | st.binary(max_size=600))
def test_signature_import_bad_files(council_db: tuple[Database, Actor], tmp_path: Path,
                                    ops: list[tuple[str, int, bytes]], kind: str, random_data: bytes | None) -> None:
    db, admin = council_db
    pid = petitions.petition_choices(db)[0][0] if petitions.petition_choices(db) else make_petition(db, admin)
    valid = _xlsx_bytes(SIGNATURE_ROWS) if kind == "xlsx" else \
        "\n".join(";".join(map(str, r)) for r in SIGNATURE_ROWS).encode("utf-8")
    path = tmp_path / f"signatures.{kind}"
    path.write_bytes(random_data if random_data is not None else mutate(valid, ops))
    refused_or_done(db, lambda: signatures_import.import_file(db, admin, pid, path, today=TODAY))


@FUZZ
@given(ops=OPS, random_data=st.none() | st.binary(max_size=600))
def test_online_votes_bad_csv(council_db: tuple[Database, Actor], tmp_path: Path,
                              ops: list[tuple[str, int, bytes]], random_data: bytes | None) -> None:
    db, admin = council_db
    from app.services import budget

    cycles = budget.list_cycles(db)
    cycle_id = cycles[0].id if cycles else voting_cycle(db, admin).cycle.id
    valid = "Номер документа;Вік;Проєкти;Дата\nКВ000001;45;\"3, 4\";2026-05-19\nКВ000002;;1;\n".encode()
    path = tmp_path / "online.csv"
    path.write_bytes(random_data if random_data is not None else mutate(valid, ops))
    refused_or_done(db, lambda: online_votes.import_online_votes(db, admin, cycle_id, path))


@pytest.fixture
def rollcall_council(council_db: tuple[Database, Actor]):  # noqa: ANN201
    db, actor = council_db
    return build_council(db, actor, absent=(25,))


@FUZZ
@given(ops=OPS, kind=st.sampled_from(["csv", "xlsx"]), random_data=st.none() | st.binary(max_size=600))
def test_rollcall_import_bad_files(rollcall_council, tmp_path: Path,  # noqa: ANN001
                                   ops: list[tuple[str, int, bytes]], kind: str, random_data: bytes | None) -> None:
    c = rollcall_council
    names = [r.full_name for r in deputies.list_deputies(c.db)][:5]
    rows: list[list[object]] = [["№", "ПІБ", "Результат"]] + [[i, n, "за"] for i, n in enumerate(names, 1)]
    valid = _xlsx_bytes(rows) if kind == "xlsx" else "\n".join(";".join(map(str, r)) for r in rows).encode("cp1251")
    path = tmp_path / f"rollcall.{kind}"
    path.write_bytes(random_data if random_data is not None else mutate(valid, ops))
    refused_or_done(c.db, lambda: rollcall_import.import_roll_call(c.db, c.actor, c.item_id, path))

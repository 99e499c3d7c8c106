"""The open-data pack: every public report and dataset, a manifest, and a privacy scan that refuses leaks."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import publish
from app.db.engine import Database
from app.errors import PermissionDeniedError, ValidationError
from app.services import deputies, petitions
from app.services.core.auth import Actor, Role
from app.services.open_data import is_private_column
from tests.publish.conftest import SIGNER_ADDRESS, SIGNER_PHONE
from tests.reports.pdf_utils import pdf_text
from tests.services.petitions.petition_helpers import TODAY


def test_pack_has_reports_datasets_index_and_manifest(council: tuple[Database, Actor, int], tmp_path: Path) -> None:
    db, admin, _ = council
    out = tmp_path / "site" / "open-data"
    out.parent.mkdir()
    result = publish.publish(db, admin, out)
    assert result.folder == out and result.reports >= 2 and result.datasets >= 5
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "hromada-open-data" and manifest["council"]["council_name"] == "Тестова сільська рада"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="uk">' in index and "@media print" in index
    listed = {f["path"] for f in manifest["files"]}
    assert listed == {f.path for f in result.files}
    for entry in manifest["files"]:
        path = out / entry["path"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
        assert f'href="{entry["path"]}"' in index, f"index.html links {entry['path']}"
    assert "reports/council-profile.pdf" in listed
    assert any(p.startswith("reports/petition-notice-") for p in listed), "one PDF per record for id reports"
    assert "data/petition.csv" in listed and "data/petitions.xlsx" in listed
    assert "data/popolo.json" in listed
    assert manifest["privacy_check"]["files_scanned"] == len(listed) + 1
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")], "no staging folder left"


def test_datasets_hold_only_public_columns(council: tuple[Database, Actor, int], tmp_path: Path) -> None:
    db, admin, _ = council
    out = tmp_path / "pack"
    publish.publish(db, admin, out)
    for path in (out / "data").glob("*.csv"):
        with path.open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        table = path.stem
        for column in header:
            assert not is_private_column(table, column) or column in ("phone", "email", "address"), \
                f"{path.name}: {column}"
    text = (out / "data" / "petition_signature.csv").read_text(encoding="utf-8")
    assert "Лисенко Марія Іванівна" in text and "Лугова" not in text and "555 44 33" not in text
    deputies_csv = (out / "data" / "deputy.csv").read_text(encoding="utf-8")
    assert "bondar@rada.example.ua" in deputies_csv, "a contact the deputy made public is published"
    assert "tkachuk.private" not in deputies_csv and "999 88 77" not in deputies_csv
    book = load_workbook(out / "data" / "petitions.xlsx", read_only=True)
    try:
        assert any("петиції" in name.lower() for name in book.sheetnames)
    finally:
        book.close()
    for pdf in (out / "reports").glob("*.pdf"):
        body = pdf_text(pdf)
        assert "Лугова" not in body and "555 44 33" not in body


@pytest.mark.parametrize("leak,field", [
    (SIGNER_PHONE, "petition_signature.phone"),
    (SIGNER_ADDRESS, "petition_signature.address"),
    ("olena@example.org", "petition.author_email"),
])
def test_private_value_in_a_public_text_stops_the_publication(council: tuple[Database, Actor, int], tmp_path: Path,
                                                              leak: str, field: str) -> None:
    db, admin, pid = council
    view = petitions.get_petition(db, pid, TODAY)
    data = petitions.PetitionInput(
        title=view.title, text=f"Контакт для довідок: {leak}", author_name=view.author_name,
        submitted_on=view.submitted_on, author_address=view.author_address, author_phone=view.author_phone,
        author_email=view.author_email, responsible=view.responsible)
    petitions.update_petition(db, admin, pid, data, view.version, today=TODAY)
    out = tmp_path / "pack"
    with pytest.raises(publish.PrivateDataError) as caught:
        publish.publish(db, admin, out)
    fields = {f.field for f in caught.value.findings}
    files = {f.file for f in caught.value.findings}
    assert field in fields, fields
    assert "data/petition.csv" in files and any(f.endswith(".pdf") for f in files)
    message = caught.value.text()
    assert field in message and "Нічого не опубліковано" in message
    assert leak not in message, "the message names the field, it does not repeat the private value"
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_patterns_catch_contacts_that_are_not_in_the_database(council: tuple[Database, Actor, int],
                                                               tmp_path: Path) -> None:
    db, admin, _ = council
    bondar = next(d for d in deputies.list_deputies(db) if d.surname == "Бондар")
    view = deputies.get_deputy(db, bondar.id)
    data = deputies.DeputyData(
        surname="Бондар", given_name="Петро", mandate_start=dt.date(2025, 11, 1), faction_id=view.faction_id,
        phone="+380 50 123 45 67", phone_public=True, email="bondar@rada.example.ua", email_public=True,
        biography="Пишіть дружині: maria.bondar@example.net, тел. 067-111-22-33, паспорт НК 123456.")
    deputies.update_deputy(db, admin, bondar.id, data, view.version)
    with pytest.raises(publish.PrivateDataError) as caught:
        publish.publish(db, admin, tmp_path / "pack")
    kinds = {f.kind for f in caught.value.findings}
    assert {"email", "phone", "document"} <= kinds


def test_existing_folder_rules(council: tuple[Database, Actor, int], tmp_path: Path) -> None:
    db, admin, _ = council
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "holiday.jpg").write_bytes(b"x")
    with pytest.raises(ValidationError, match="не порожня"):
        publish.publish(db, admin, busy)
    out = tmp_path / "pack"
    publish.publish(db, admin, out)
    (out / "stale.txt").write_text("from an older pack")
    publish.publish(db, admin, out)  # an earlier pack is replaced whole
    assert not (out / "stale.txt").exists() and (out / "manifest.json").exists()
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(ValidationError):
        publish.publish(db, admin, a_file)
    with pytest.raises(ValidationError, match="не існує"):
        publish.publish(db, admin, tmp_path / "unplugged" / "pack")


def test_viewer_may_not_publish(council: tuple[Database, Actor, int], tmp_path: Path) -> None:
    db, _, _ = council
    with pytest.raises(PermissionDeniedError):
        publish.publish(db, Actor(None, "viewer", Role.VIEWER), tmp_path / "pack")


@pytest.mark.slow
def test_demo_council_pack_is_clean(db: Database, tmp_path: Path) -> None:
    from app.demo import create as demo_create

    actor = demo_create.create_demo(db)
    result = publish.publish(db, actor, tmp_path / "pack")
    assert result.reports > 50 and result.datasets > 15
    index = (tmp_path / "pack" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'href="reports/', index)) == result.reports

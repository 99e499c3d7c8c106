"""The private-data scan: the database's private values and the patterns, found in a file's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from app.db.engine import Database
from app.publish import PrivateDataError, file_text, scan_text
from app.publish.scan import Finding
from app.services.core.auth import Actor
from app.services.open_data import PrivateIndex, private_index


def test_voter_hash_pattern_and_scanner_units() -> None:
    index = PrivateIndex()
    index.add("pb_ballot", "voter_hash", "hash", "a" * 64)
    index.add("petition_signature", "address", "address", "с. Вишнівка")  # no house number: identifies no one
    index.add("petition_signature", "phone", "phone", "+380 (67) 123-45-67")
    found = scan_text("x.csv", "голос " + "a" * 64 + "; с. Вишнівка; 067 123 45 67", index)
    assert {f.field for f in found} >= {"pb_ballot.voter_hash", "petition_signature.phone"}
    assert not any(f.field == "petition_signature.address" for f in found)
    assert scan_text("y.csv", "Рішення №12 від 05.05.2026, сума 150000000 коп.", index) == []


def test_record_keys_are_not_mistaken_for_phone_numbers(council: tuple[Database, Actor, int]) -> None:
    db, _, _ = council
    index = private_index(db)
    text = "uuid\n2190c37d-630a-4d43-a5b2-380671021202\n"  # a UUID whose last group is all digits
    assert scan_text("data/x.csv", text, index) == []


def test_public_contacts_pass_and_findings_are_masked() -> None:
    index = PrivateIndex(allowed_phones={"501234567"}, allowed_emails={"rada@hromada.example.ua"})
    assert scan_text("index.html", "Приймальня: +380 50 123 45 67, rada@hromada.example.ua", index) == []
    found = scan_text("a.csv", "Пишіть: maria.bondar@example.net", index)
    assert [(f.kind, f.field) for f in found] == [("email", "схожий на e-mail рядок")]
    assert "maria.bondar@example.net" not in found[0].sample and found[0].sample.startswith("mari")
    assert "a.csv" in found[0].text() and "e-mail" in found[0].text()


@pytest.mark.parametrize("text", ["паспорт серії НК 123456", "РНОКПП: 3012345678"])
def test_document_numbers_are_found(text: str) -> None:
    assert {f.kind for f in scan_text("b.csv", text, PrivateIndex())} == {"document"}


def test_private_data_error_names_every_finding_up_to_twenty() -> None:
    findings = [Finding(f"data/{n}.csv", "phone", "petition_signature.phone", "+38…67") for n in range(25)]
    message = PrivateDataError(findings).text()
    assert message.startswith("Публікацію зупинено: у файлі «data/0.csv»") and "Нічого не опубліковано" in message
    assert "data/19.csv" in message and "data/20.csv" not in message and "… і ще 5" in message
    assert "Publication stopped" in PrivateDataError(findings[:1]).text("en")


def test_file_text_reads_spreadsheet_cells_and_plain_files(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Петиції"
    sheet.append(["назва", "телефон"])
    sheet.append(["Укриття", "+380 97 555 44 33"])
    book.save(tmp_path / "a.xlsx")
    text = file_text(tmp_path / "a.xlsx")
    assert "Петиції" in text and "Укриття\t+380 97 555 44 33" in text
    (tmp_path / "b.csv").write_text("uuid,назва\n", encoding="utf-8")
    assert file_text(tmp_path / "b.csv") == "uuid,назва\n"

"""Importing signatures from CSV/XLSX: headers in any language and order, preview, all rows or none."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.db.engine import Database
from app.errors import ImportRejectedError, ValidationError
from app.interchange import signatures_import
from app.services import petitions
from app.services.core.auth import Actor
from tests.services.petitions.petition_helpers import TODAY, make_petition


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_in_windows_1251_with_semicolons(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    path = write_csv(tmp_path / "sheet.csv", "Прізвище, ім’я, по батькові;Адреса;Телефон;Дата підпису\r\n"
                     "Ґалаґан Їжак Євгенович;вул. Шкільна, 1;0501234567;05.04.2026\r\n"
                     "Д’яченко Марія;;;2026-04-06\r\n", "cp1251")
    preview = signatures_import.preview(db, pid, path, today=TODAY)
    assert preview.ok and preview.accepted == 2
    assert [(r.signer_name, r.signed_on, r.channel) for r in preview.rows] == [
        ("Ґалаґан Їжак Євгенович", dt.date(2026, 4, 5), "imported"), ("Д’яченко Марія", dt.date(2026, 4, 6),
                                                                      "imported")]
    assert petitions.get_petition(db, pid, TODAY).signature_count == 0  # a preview writes nothing
    assert signatures_import.import_file(db, admin, pid, path, today=TODAY) == 2
    rows = petitions.list_signatures(db, pid)
    assert rows[0].address == "вул. Шкільна, 1" and rows[0].source == "sheet.csv"


def test_online_platform_export_in_utf8_with_bom(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    path = write_csv(tmp_path / "e-dem.csv", "\ufeffName,Date signed,Source\n"
                     "\"Мельник Олена\",2026-04-01 10:15:00,e-dem.in.ua\n"
                     "\"Коваль Петро\",01.04.2026 18:02,Паперовий лист\n")
    preview = signatures_import.preview(db, pid, path, today=TODAY)
    assert preview.columns == {"name": "Name", "date": "Date signed", "channel": "Source"}
    assert [r.channel for r in preview.rows] == ["online", "paper"]
    assert signatures_import.import_file(db, admin, pid, path, today=TODAY) == 2


def test_xlsx_with_separate_name_columns_and_no_date(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    book = Workbook()
    sheet = book.active
    sheet.append(["№", "Прізвище", "Ім'я", "По батькові", "Телефон"])
    sheet.append([1, "Шевченко", "Тарас", "Григорович", 380671234567])
    sheet.append([None, None, None, None, None])
    sheet.append([2, "Українка", "Леся", None, None])
    path = tmp_path / "pidpysy.xlsx"
    book.save(path)
    with pytest.raises(ValidationError, match="Дата"):
        signatures_import.preview(db, pid, path, today=TODAY)
    preview = signatures_import.preview(db, pid, path, default_date=dt.date(2026, 4, 9), default_channel="paper",
                                        today=TODAY)
    assert [(r.line, r.signer_name, r.phone, r.signed_on) for r in preview.rows] == [
        (2, "Шевченко Тарас Григорович", "380671234567", dt.date(2026, 4, 9)),
        (4, "Українка Леся", "", dt.date(2026, 4, 9))]
    assert signatures_import.import_file(db, admin, pid, path, default_date=dt.date(2026, 4, 9),
                                         default_channel="paper", today=TODAY) == 2
    assert {s.channel for s in petitions.list_signatures(db, pid)} == {"paper"}


def test_every_rejected_row_is_listed_and_nothing_is_imported(council_db: tuple[Database, Actor],
                                                              tmp_path: Path) -> None:
    db, admin = council_db
    pid = make_petition(db, admin, published_on=dt.date(2026, 3, 3))
    petitions.add_signature(db, admin, pid, petitions.SignatureInput("Петренко Мар’яна", dt.date(2026, 3, 10)),
                            today=TODAY)
    path = write_csv(tmp_path / "bad.csv", "ПІБ;Дата;Спосіб\n"
                     "Коваль Ганна;10.04.2026;онлайн\n"          # 2: fine
                     "ПЕТРЕНКО МАРʼЯНА;10.04.2026;онлайн\n"      # 3: signed already
                     "коваль  ганна;11.04.2026;папір\n"          # 4: repeats line 2
                     "Мороз Юрій;31.02.2026;онлайн\n"            # 5: impossible date
                     "Бондар Іван;;онлайн\n"                     # 6: no date
                     "Лисенко Остап;01.03.2026;онлайн\n"         # 7: before publication
                     "Руденко Ірина;12.04.2026;голубина пошта\n"  # 8: unknown channel
                     ";12.04.2026;онлайн\n"                      # 9: no name
                     "Олійник Софія;12.04.2026;паперовий лист\n")  # 10: fine
    preview = signatures_import.preview(db, pid, path, today=TODAY)
    assert not preview.ok and preview.accepted == 2
    assert [p.line for p in preview.problems] == [3, 4, 5, 6, 7, 8, 9]
    by_line = {r.line: r.problem for r in preview.rows}
    assert by_line[2] is None and by_line[10] is None
    assert "вже підписав(ла) цю петицію 10.03.2026 (паперовий підписний лист)" in by_line[3]
    assert "повторює рядок 2" in by_line[4]
    assert "Неможлива дата" in by_line[5]
    assert "не вказано дату" in by_line[6]
    assert "раніше оприлюднення" in by_line[7]
    assert "невідомий спосіб" in by_line[8]
    assert "не вказано прізвище" in by_line[9]
    with pytest.raises(ImportRejectedError) as caught:
        signatures_import.import_file(db, admin, pid, path, today=TODAY)
    assert [p.split(":")[0] for p in caught.value.problems] == [f"Рядок {n}" for n in (3, 4, 5, 6, 7, 8, 9)]
    assert "7 із 9 рядків не прийнято" in caught.value.message
    assert petitions.get_petition(db, pid, TODAY).signature_count == 1


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.csv", "", "порожній"),
    ("nohead.csv", "Адреса;Дата\nвул. Тиха;01.04.2026\n", "прізвищем"),
    ("old.xls", "x", "xlsx"),
    ("doc.pdf", "x", "CSV та XLSX"),
    ("broken.xlsx", "not a zip", "Excel"),
])
def test_unreadable_files_are_refused_clearly(council_db: tuple[Database, Actor], tmp_path: Path, name: str,
                                              content: str, message: str) -> None:
    db, admin = council_db
    pid = make_petition(db, admin)
    path = write_csv(tmp_path / name, content)
    with pytest.raises(ValidationError, match=message):
        signatures_import.preview(db, pid, path, default_date=TODAY, today=TODAY)


def test_import_reports_progress_and_refuses_a_closed_petition(council_db: tuple[Database, Actor],
                                                               tmp_path: Path) -> None:
    db, admin = council_db
    pid = make_petition(db, admin, published_on=dt.date(2026, 1, 12), submitted_on=dt.date(2026, 1, 9))
    lines = "\n".join(f"Підписант Номер{chr(0x430 + i % 32)}{chr(0x430 + i // 32)};01.02.2026" for i in range(60))
    path = write_csv(tmp_path / "many.csv", "ПІБ;Дата\n" + lines + "\n")
    calls: list[tuple[int, int]] = []
    count = signatures_import.import_file(db, admin, pid, path, today=dt.date(2026, 2, 2),
                                          progress=lambda done, total, text: calls.append((done, total)))
    assert count == 60 and calls[-1] == (60, 60)
    petitions.register_as_appeal(db, admin, pid, today=TODAY)
    with pytest.raises(ValidationError, match="як звернення"):
        signatures_import.preview(db, pid, path, today=TODAY)

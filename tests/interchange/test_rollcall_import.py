"""Roll calls from CSV/XLSX (column mapping, all rows or none) and to CSV/XLSX; the CLI around them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.cli.main import main
from app.db.engine import Database
from app.domain.votes import VoteOption
from app.errors import ImportRejectedError, ValidationError
from app.interchange import rollcall_import
from app.services.core import audit
from app.services.core.auth import Actor
from app.services.deputies import sessions
from tests.deputies_setup import Council, build_council


@pytest.fixture
def council(council_db: tuple[Database, Actor]) -> Council:
    db, actor = council_db
    return build_council(db, actor, absent=(25,))


def _voting_system_rows(c: Council) -> list[list[str]]:
    """As an electronic voting system exports: full names, Ukrainian words, absent deputy omitted."""
    from app.services import deputies

    rows = [["№", "Прізвище, ім'я, по батькові", "Фракція", "Результат"]]
    by_id = {r.id: r for r in deputies.list_deputies(c.db)}
    for i, deputy_id in enumerate(c.deputy_ids):
        r = by_id[deputy_id]
        if i == 25:
            break
        word = ["За", "ПРОТИ", "Утримався", "Не голосував"][0 if i < 18 else (i % 4)]
        rows.append([str(i + 1), r.full_name.upper() if i % 3 == 0 else r.full_name, r.faction, word])
    return rows


def _write_csv(path: Path, rows: list[list[str]], encoding: str = "cp1251", delimiter: str = ";") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def test_csv_from_voting_system(council: Council, tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "vote.csv", _voting_system_rows(council))
    table = rollcall_import.read_table(path)
    mapping = rollcall_import.guess_mapping(table)
    assert mapping == rollcall_import.Mapping(name=1, option=3)
    plan = rollcall_import.plan_import(council.db, council.item_id, table, mapping)
    assert plan.ok and len(plan.filled_absent) == 1 and len(plan.options) == 26
    row = rollcall_import.import_roll_call(council.db, council.actor, council.item_id, path)
    assert row.votes_for >= 18 and row.absent == 1 and row.source == "імпорт з файлу vote.csv"
    assert row.votes_for + row.votes_against + row.abstained + row.not_voting + row.absent == 26


def test_xlsx_with_short_names_and_digits(council: Council, tmp_path: Path) -> None:
    from app.services import deputies

    wb = Workbook()
    ws = wb.active
    ws.append(["Депутат", "Голос"])
    by_id = {r.id: r for r in deputies.list_deputies(council.db)}
    for i, deputy_id in enumerate(council.deputy_ids):
        ws.append([by_id[deputy_id].short_name.replace(". ", "."), 5 if i == 25 else 1])
    path = tmp_path / "vote.xlsx"
    wb.save(path)
    row = rollcall_import.import_roll_call(council.db, council.actor, council.item_id, path, title="за основу")
    assert (row.votes_for, row.absent, row.title) == (25, 1, "за основу")


def test_all_rows_or_none(council: Council, tmp_path: Path) -> None:
    rows = _voting_system_rows(council)
    rows[3][3] = "може"
    rows[5][1] = "Невідомий Депутат"
    rows.append(rows[2][:])
    path = _write_csv(tmp_path / "bad.csv", rows, encoding="utf-8-sig", delimiter=",")
    events = audit.event_count(council.db)
    with pytest.raises(ImportRejectedError) as err:
        rollcall_import.import_roll_call(council.db, council.actor, council.item_id, path)
    problems = err.value.problems
    assert "Рядок 4: «може» — невідомий варіант голосу" in problems[0]
    assert any("Рядок 6: «Невідомий Депутат» — такого депутата немає в реєстрі." == p for p in problems)
    assert any("уже є в рядку 3" in p for p in problems)
    assert any("який зареєстрований присутнім" in p for p in problems)  # the unknown row's deputy is missing
    assert "жодного голосу не збережено" in err.value.text()
    assert sessions.get_agenda_item(council.db, council.item_id).roll_calls == ()
    assert audit.event_count(council.db) == events


def test_unreadable_files(council: Council, tmp_path: Path) -> None:
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ValidationError, match="XLSX пошкоджено"):
        rollcall_import.read_table(bad)
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(ValidationError, match="потрібен CSV або XLSX"):
        rollcall_import.read_table(tmp_path / "x.pdf")
    empty = _write_csv(tmp_path / "e.csv", [["Депутат", "Голос"]])
    with pytest.raises(ValidationError, match="немає рядків"):
        rollcall_import.read_table(empty)


def test_export_roundtrip(council: Council, tmp_path: Path) -> None:
    options = {d: (VoteOption.ABSENT if i == 25 else VoteOption.FOR if i < 20 else VoteOption.AGAINST)
               for i, d in enumerate(council.deputy_ids)}
    from app.services.deputies import rollcalls

    rollcalls.save_roll_call(council.db, council.actor, council.item_id, options)
    out_csv, out_xlsx = tmp_path / "out.csv", tmp_path / "out.xlsx"
    assert rollcall_import.export_roll_calls(council.db, [council.session_id], out_csv) == 26
    assert rollcall_import.export_roll_calls(council.db, [council.session_id], out_xlsx) == 26
    assert out_csv.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 with BOM
    wb = load_workbook(out_xlsx)
    assert wb.sheetnames == ["Поіменні голосування", "Підсумки"]
    assert [c.value for c in wb["Підсумки"][2]][5:] == [20, 5, 0, 0, 1, 14, 26, "прийнято"]
    # the exported file imports back into another item with the same result
    [item2] = sessions.add_agenda_items(council.db, council.actor, council.session_id,
                                        [sessions.AgendaItemData(number=2, title="Друге питання")])
    table = rollcall_import.read_table(out_csv)
    mapping = rollcall_import.Mapping(table.header.index("Депутат"), table.header.index("Голос"))
    row = rollcall_import.import_roll_call(council.db, council.actor, item2, out_csv, mapping)
    assert (row.votes_for, row.votes_against, row.absent) == (20, 5, 1)


def test_cli(council: Council, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_path = council.db.path
    if db_path is None:
        pytest.skip("the CLI acts as the first administrator only on an SQLite file")
    path = _write_csv(tmp_path / "vote.csv", _voting_system_rows(council))
    args = ["--db", str(db_path)]
    assert main([*args, "import", "rollcall", str(path), "--item", str(council.item_id), "--dry-run"]) == 0
    assert "Перевірка пройшла: 26 голосів" in capsys.readouterr().out
    assert main([*args, "import", "rollcall", str(path), "--item", str(council.item_id),
                 "--name-column", "2", "--option-column", "Результат"]) == 0
    assert "Голосування «в цілому» збережено: прийнято" in capsys.readouterr().out
    bad = _write_csv(tmp_path / "bad.csv", [["Депутат", "Голос"], ["Хтось Невідомий", "за"]])
    assert main([*args, "import", "rollcall", str(bad), "--item", str(council.item_id)]) == 2
    err = capsys.readouterr().err
    assert "не імпортовано" in err and "Рядок 2: «Хтось Невідомий»" in err
    out = tmp_path / "votes.xlsx"
    assert main([*args, "export", "rollcalls", "--year", "2025", "--out", str(out)]) == 0
    assert out.exists()
    assert main([*args, "sessions", "list", "--items"]) == 0
    assert "Про бюджет громади — прийнято" in capsys.readouterr().out
    assert main([*args, "deputies", "list", "--search", "ґудз"]) == 0
    assert "Ґудзь" in capsys.readouterr().out

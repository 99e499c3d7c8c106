"""``hromada petition …``, ``hromada appeal …``, ``hromada calendar`` and ``hromada import signatures``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.cli.main import main
from app.db.engine import open_database
from app.services import petitions
from app.services.core import council
from tests import dbutil
from tests.conftest import TEST_PROFILE

TODAY = dt.date.today()


@pytest.fixture
def rada(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("HROMADA_USER", "HROMADA_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    path = dbutil.migrated_sqlite_file(tmp_path / "rada.sqlite3")
    db = open_database(path)
    try:
        council.setup_council(db, TEST_PROFILE, admin_username="admin")
    finally:
        db.dispose()
    return path


def run(path: Path, *args: str) -> int:
    return main(["--db", str(path), *args])


def test_petition_lifecycle_from_the_command_line(rada: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert run(rada, "petition", "add", "--title", "Освітлення вулиці Садової", "--text", "Просимо освітлення.",
               "--author", "Коваль Олена", "--author-phone", "+380501112233") == 0
    assert "Зареєстровано петицію №1" in capsys.readouterr().out
    assert run(rada, "petition", "publish", "1") == 0
    assert "100 підписів за 3 місяці" in capsys.readouterr().out
    assert run(rada, "petition", "sign", "1", "--name", "Петренко Мар’яна", "--channel", "online") == 0
    assert "1 з 100" in capsys.readouterr().out
    assert run(rada, "petition", "sign", "1", "--name", "ПЕТРЕНКО МАР'ЯНА") == 2
    err = capsys.readouterr().err
    assert "вже підписав(ла)" in err and TODAY.strftime("%d.%m.%Y") in err and "онлайн-платформа" in err

    sheet = tmp_path / "pidpysy.csv"
    today = TODAY.strftime("%d.%m.%Y")
    sheet.write_text(f"ПІБ;Дата\nКоваль Ганна;{today}\nМороз Юрій;{today}\nпетренко марʼяна;{today}\n",
                     encoding="utf-8")
    assert run(rada, "import", "signatures", "--petition", "1", str(sheet), "--check") == 2
    out = capsys.readouterr().out
    assert "можна прийняти 2" in out and "Рядок 4:" in out
    assert run(rada, "import", "signatures", "--petition", "1", str(sheet)) == 2
    err = capsys.readouterr().err
    assert "жодного підпису не записано" in err and "Рядок 4: «петренко марʼяна» вже підписав(ла)" in err
    sheet.write_text(f"ПІБ;Дата\nКоваль Ганна;{today}\nМороз Юрій;{today}\n", encoding="utf-8")
    assert run(rada, "import", "signatures", "--petition", "1", str(sheet)) == 0
    out = capsys.readouterr().out
    assert "Імпортовано 2 підписи" in out and "3 з 100" in out

    assert run(rada, "petition", "list", "--state", "collecting") == 0
    out = capsys.readouterr().out
    assert "№1" in out and "3/100" in out and "Петицій: 1" in out
    assert run(rada, "petition", "show", "1", "--signatures") == 0
    out = capsys.readouterr().out
    assert "+380501112233" in out and "Мороз Юрій" in out
    assert run(rada, "petition", "answer", "1", "--outcome", "supported", "--text", "Так", "--by", "Голова") == 2
    assert "не набрала" in capsys.readouterr().err
    assert run(rada, "petition", "to-appeal", "1") == 2
    assert run(rada, "report", "petition-notice", "--id", "1", "--out", str(tmp_path / "n.pdf")) == 0
    assert (tmp_path / "n.pdf").stat().st_size > 1000


def test_appeals_from_the_command_line(rada: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    received = (TODAY - dt.timedelta(days=40)).strftime("%d.%m.%Y")
    assert run(rada, "appeal", "add", "--received", received, "--channel", "post", "--kind", "complaint",
               "--applicant", "Сидоренко Іван", "--phone", "+380671112233", "--topic", "Вивезення сміття",
               "--summary", "Не вивозять сміття", "--assignee", "Оксана") == 0
    out = capsys.readouterr().out
    assert f"№ 1/{(TODAY - dt.timedelta(days=40)).year}" in out
    assert run(rada, "appeal", "add", "--channel", "email", "--kind", "statement", "--applicant", "сидоренко  іван",
               "--topic", "вивезення сміття", "--summary", "Знову", "--no-study") == 0
    assert "Повторне: попереднє № 1/" in capsys.readouterr().out
    assert run(rada, "appeal", "list", "--overdue") == 0
    out = capsys.readouterr().out
    assert out.startswith("! 1/") and "Звернень: 1" in out
    number = f"1/{(TODAY - dt.timedelta(days=40)).year}"
    assert run(rada, "appeal", "extend", number, "--days", "50", "--reason", "Обстеження") == 2
    assert "не може перевищувати 45" in capsys.readouterr().err
    assert run(rada, "appeal", "answer", number, "--result", "resolved", "--text", "Вивезли", "--by", "Голова") == 0
    assert "Увага: строк минув" in capsys.readouterr().out
    assert run(rada, "appeal", "show", number) == 0
    assert "+380671112233" in capsys.readouterr().out
    out_pdf = tmp_path / "stats.pdf"
    assert run(rada, "appeal", "stats", "--from", "01.01.2000", "--to", TODAY.strftime("%d.%m.%Y"),
               "--out", str(out_pdf)) == 0
    out = capsys.readouterr().out
    assert "Розглянуто: 1" in out and out_pdf.exists()
    assert run(rada, "calendar", "--year", "2026") == 0
    out = capsys.readouterr().out
    assert "Діє воєнний стан" in out and "12.04.2026  Великдень (Пасха) → вихідний переноситься на 13.04.2026" in out


def test_unknown_petition_is_a_clear_refusal(rada: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(rada, "petition", "show", "7") == 2
    assert "Петиції №7 немає в реєстрі" in capsys.readouterr().err
    db = open_database(rada)
    try:
        assert petitions.list_petitions(db) == []
    finally:
        db.dispose()

"""``hromada pb outcome``, ``import pabulib``, ``export pabulib``, ``import online-votes``, ``budget results``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from app.db.engine import open_database
from app.interchange import pabulib
from app.services import budget
from app.services.core import council
from tests import DATA_DIR
from tests.conftest import TEST_PROFILE

DATA = DATA_DIR / "pabulib"
GDYNIA = DATA / "Poland_Gdynia_2022_Babie_Doly__small.pb"
ASSEN = DATA / "Netherlands_Assen_2024.pb"


@pytest.fixture
def council_file(tmp_path: Path) -> Path:
    path = tmp_path / "rada.sqlite3"
    db = open_database(path)
    try:
        council.setup_council(db, TEST_PROFILE)
    finally:
        db.dispose()
    return path


def test_pb_outcome_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pb", "outcome", str(GDYNIA)]) == 0
    out = capsys.readouterr().out
    assert "greedy-no-skip" in out and "2022/BAD/0005" in out
    assert "Збігається з оголошеними переможцями (selected=1): так" in out
    assert "Нічия: за рівності перевага" in out


def test_pb_outcome_json_lists_winners_cost_and_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pb", "outcome", str(ASSEN), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    expected = pabulib.read_pb(ASSEN).published_winners()
    assert set(data["selected"]) == expected
    assert data["rule"] == "equalshares/add1"
    assert data["cost_used"] <= data["budget"] == 100000
    assert data["matches_published"] is True


def test_pb_outcome_other_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pb", "outcome", str(ASSEN), "--rule", "greedy", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rule"] == "greedy"


def test_pb_outcome_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pb", "outcome", str(DATA / "Poland_Warszawa_2024_Wola.pb")]) == 2
    assert "Правило не реалізовано: «greedy-exclusive»" in capsys.readouterr().err
    bad = tmp_path / "bad.pb"
    bad.write_text("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;50\n"
                   "VOTES\nvoter_id;vote\n1;1\n1;1\n", encoding="utf-8")
    assert main(["pb", "outcome", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Рядок 11" in err and "уже голосував" in err
    assert main(["pb", "outcome", str(tmp_path / "missing.pb")]) == 2
    assert main(["pb", "outcome", str(GDYNIA), "--rule", "nonsense"]) == 2
    assert "nonsense" in capsys.readouterr().err


def test_import_export_roundtrip(council_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(council_file), "import", "pabulib", str(ASSEN)]) == 0
    out = capsys.readouterr().out
    assert "Створено цикл №1" in out and "equalshares/add1" in out
    target = tmp_path / "assen-export.pb"
    assert main(["--db", str(council_file), "export", "pabulib", "--cycle", "1", "--out", str(target)]) == 0
    assert str(target) in capsys.readouterr().out
    assert main(["pb", "outcome", str(target), "--json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert set(exported["selected"]) == pabulib.read_pb(ASSEN).published_winners()
    assert main(["--db", str(council_file), "import", "pabulib", str(target)]) == 0
    capsys.readouterr()
    assert main(["--db", str(council_file), "budget", "results", "--cycle", "2", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    winners = {p["code"] for p in results["categories"][0]["projects"] if p["status"] == "selected"}
    assert winners == set(exported["selected"])
    assert main(["--db", str(council_file), "budget", "list"]) == 0
    assert "Assen" in capsys.readouterr().out


def test_import_malformed_exit_2_with_line(council_file: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.pb"
    bad.write_text("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;50\n2;-3\n"
                   "VOTES\nvoter_id;vote\n1;1\n", encoding="utf-8")
    assert main(["--db", str(council_file), "import", "pabulib", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Рядок 8" in err and "від'ємна вартість" in err
    db = open_database(council_file)
    try:
        assert budget.list_cycles(db) == []
    finally:
        db.dispose()


def test_export_unknown_cycle(council_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(council_file), "export", "pabulib", "--cycle", "9", "--out",
                 str(tmp_path / "x.pb")]) == 2
    assert "№9" in capsys.readouterr().err


def test_online_votes_cli(council_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.budget_support import voting_cycle

    db = open_database(council_file)
    try:
        from app.services.core import users

        vc = voting_cycle(db, users.default_admin(db), today=__import__("datetime").date.today())
    finally:
        db.dispose()
    votes = tmp_path / "online.csv"
    votes.write_text("Ідентифікатор;Проєкти;Вік\nАВ100001;1 4;30\nАВ100002;2;40\nав100001;3;30\n", encoding="utf-8")
    assert main(["--db", str(council_file), "import", "online-votes", "--cycle", str(vc.cycle.id),
                 str(votes)]) == 0
    out = capsys.readouterr().out
    assert "Прийнято онлайн-голосів: 2" in out and "Пропущено як повторні: 1" in out


def test_export_help_lists_formats(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    assert "pabulib" in out
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "online-votes" in capsys.readouterr().out

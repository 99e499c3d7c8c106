"""Pabulib files into cycles and back: the app's outcome from the database equals the file's published winners.

Every real file in ``tests/data/pabulib`` is imported; for the rules the app implements the winners computed
from the database equal the ``selected`` column and the PB engine's outcome on the file itself; export and
re-import give the same outcome. The six biggest files are ``slow``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.engine import Database
from app.domain import pb
from app.errors import ValidationError
from app.interchange import pabulib, pb_cycles
from app.services import budget
from app.services.budget import ballots, counts
from app.services.budget import results as budget_results
from app.services.core.auth import Actor
from tests import DATA_DIR

DATA = DATA_DIR / "pabulib"
FILES = sorted(DATA.glob("*.pb"))
BIG_BYTES = 250_000  # the six biggest files (Warsaw 2026: 61,668 voters) run with the slow proofs
PARAMS = [pytest.param(f, id=f.stem[:48], marks=[pytest.mark.slow] if f.stat().st_size > BIG_BYTES else [])
          for f in FILES]


def _file_outcome(path: Path) -> frozenset[str] | None:
    election = pabulib.read_pb(path)
    try:
        return pb.compute_outcome(election).selected_set
    except (pb.PbRuleError, pb.PabulibError):
        return None


def test_the_data_is_there() -> None:
    assert len(FILES) == 34  # the reference set less its two largest files (tests/data/README.md)


@pytest.mark.parametrize("path", PARAMS)
def test_import_compute_export_roundtrip(council_db: tuple[Database, Actor], tmp_path: Path, path: Path) -> None:
    db, actor = council_db
    election = pabulib.read_pb(path)
    imported = pb_cycles.import_pabulib(db, actor, path)
    cycle = imported.cycle
    assert imported.ballots == len(election.votes)
    assert cycle.project_count == len(election.projects)
    assert cycle.total_budget == election.budget * (100 // election.money_scale)
    results = budget_results.compute_results(db, cycle.id)
    (category,) = results.categories
    expected = _file_outcome(path)
    if expected is None:
        assert category.error and not category.winners  # reported as such, never guessed
        assert "не реалізовано" in category.error
    else:
        assert not category.error
        winners = frozenset(p.code for p in category.winners)
        assert winners == expected
        published = election.published_winners()
        if published is not None:
            assert winners == published
    out = tmp_path / "export.pb"
    (written,) = pb_cycles.export_pabulib(db, cycle.id, out)
    assert _file_outcome(written) == expected
    again = pb_cycles.import_pabulib(db, actor, written)
    (cat2,) = budget_results.compute_results(db, again.cycle.id).categories
    assert frozenset(p.code for p in cat2.winners) == frozenset(p.code for p in category.winners)
    assert cat2.cost_used == category.cost_used


def test_import_keeps_points_ranks_and_channels(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    cumulative = pb_cycles.import_pabulib(db, actor, DATA / "Poland_Czestochowa_2024_Grabowka.pb").cycle
    assert cumulative.vote_type == "cumulative" and cumulative.max_points == 10
    project_counts = counts.project_counts(db, cumulative.id)
    assert all(c.points is not None for c in project_counts)
    t = counts.turnout(db, cumulative.id)
    assert t.online + t.paper + t.unknown == t.ballots and t.online > 0
    ordinal = pb_cycles.import_pabulib(db, actor, DATA / "Poland_Krakow_2024_Krowodrza.pb").cycle
    assert ordinal.vote_type == "ordinal" and ordinal.max_choices == 3
    projects = budget.list_projects(db, ordinal.id)
    assert projects[0].code.startswith("BO.") and sorted(p.number for p in projects) == list(range(1, 29))
    warsaw = pb_cycles.import_pabulib(db, actor, DATA / "Poland_Warszawa_2017_Piaski.pb").cycle
    assert warsaw.currency == "PLN" and warsaw.year == 2017 and warsaw.categories[0].rule == "greedy"


def test_malformed_files_name_the_line(council_db: tuple[Database, Actor], tmp_path: Path) -> None:
    db, actor = council_db
    bad = tmp_path / "bad.pb"
    bad.write_text("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;50\n2;x\n"
                   "VOTES\nvoter_id;vote\n1;1\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"Рядок 8: .*не є числом"):
        pb_cycles.import_pabulib(db, actor, bad)
    unknown = tmp_path / "unknown.pb"
    unknown.write_text("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;50\n"
                       "VOTES\nvoter_id;vote\n1;1\n2;7\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"Рядок 11: голос за невідомий проєкт «7»"):
        pb_cycles.import_pabulib(db, actor, unknown)
    fine = tmp_path / "fine.pb"
    fine.write_text("META\nkey;value\nbudget;100.555\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;50\n"
                    "VOTES\nvoter_id;vote\n1;1\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="копійки"):
        pb_cycles.import_pabulib(db, actor, fine)
    assert budget.list_cycles(db) == []


def test_export_of_a_two_category_cycle_writes_one_file_each(council_db: tuple[Database, Actor],
                                                              tmp_path: Path) -> None:
    from tests.budget_support import TODAY, voting_cycle

    db, actor = council_db
    vc = voting_cycle(db, actor, large_rule="equalshares/add1")
    # project 4 has no supporters, so Add1 stops at once (it raises the per-voter budget 1 UAH at a time)
    for i, projects in enumerate(["1 5", "2 5", "3 5", "1 2"]):
        ballots.enter_ballot(db, actor, ballots.BallotEntry(vc.cycle.id, f"ЕК{i:06d}", 30, projects,
                                                            vc.points[0].id), today=TODAY)
    paths = pb_cycles.export_pabulib(db, vc.cycle.id, tmp_path / "gb.pb")
    assert [p.name for p in paths] == ["gb__1_Малі_проєкти.pb", "gb__2_Великі_проєкти.pb"]
    results = budget_results.compute_results(db, vc.cycle.id)
    for path, category in zip(paths, results.categories, strict=True):
        election = pabulib.read_pb(path)
        assert election.rule == category.rule
        assert "6" not in election.projects  # not admitted: not on the ballot
        outcome = pb.compute_outcome(election, tie_break=election.meta["tie_break"].split(","))
        assert outcome.selected_set == frozenset(p.code for p in category.winners)
        text = path.read_text(encoding="utf-8")
        assert "+380" not in text and "Автор Проєкту" not in text  # authors' contacts stay in the database

"""Ballots: privacy of identifiers, one person one ballot (also under concurrency), specific refusals, counts."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError

from app.db.engine import Database
from app.db.models.budget import Ballot, BudgetSecret
from app.domain.ballots import BallotRefused, RefusalCode, normalize_identifier
from app.errors import ImportRejectedError, PermissionDeniedError, ValidationError
from app.interchange import online_votes
from app.services import budget
from app.services.budget import ballots, counts
from app.services.budget.ballots import BallotEntry
from app.services.core import audit
from app.services.core.auth import Actor, Role
from tests.budget_support import TODAY, voting_cycle


def enter(db: Database, actor: Actor, cycle_id: int, identifier: str, projects: str, *, age: int = 30,
          point: int | None = None, **kw: object) -> ballots.BallotReceipt:
    return ballots.enter_ballot(db, actor, BallotEntry(cycle_id, identifier, age, projects, point, **kw), today=TODAY)


@pytest.fixture
def vc(council_db: tuple[Database, Actor]):  # noqa: ANN201
    db, actor = council_db
    return voting_cycle(db, actor)


def test_identifier_is_stored_only_as_keyed_hash(council_db: tuple[Database, Actor], vc) -> None:  # noqa: ANN001
    db, actor = council_db
    enter(db, actor, vc.cycle.id, "МЕ 123456", "1 4", point=vc.points[0].id)
    with db.read() as s:
        stored = s.execute(select(Ballot.voter_hash)).scalar_one()
        key = s.execute(select(BudgetSecret.value)).scalar_one()
    assert len(stored) == 64 and len(key) == 64
    assert stored == ballots.hash_identifier(bytes.fromhex(key), "ME123456")  # Latin look-alikes, no space
    assert stored != ballots.hash_identifier(b"another database's key", "МЕ123456")
    raw = Path(db.path).read_bytes() + Path(str(db.path) + "-wal").read_bytes() if db.path else b""
    for needle in ("123456", "МЕ 123456", "МЕ123456"):
        assert needle.encode("utf-8") not in raw


def test_normalisation_unifies_what_clerks_type() -> None:
    assert normalize_identifier(" ab-123 456 ") == normalize_identifier("АВ123456")
    assert normalize_identifier("№ 001234567") == "001234567"
    with pytest.raises(BallotRefused) as err:
        ballots.hash_identifier(b"k", " - ")
    assert err.value.code is RefusalCode.NO_IDENTIFIER


def test_second_ballot_refused_with_where_and_when(council_db: tuple[Database, Actor], vc) -> None:  # noqa: ANN001
    db, actor = council_db
    enter(db, actor, vc.cycle.id, "КК100200", "1", point=vc.points[1].id, cast_on=TODAY - timedelta(days=1))
    with pytest.raises(BallotRefused) as err:
        enter(db, actor, vc.cycle.id, "kk 100200", "2", point=vc.points[0].id)
    assert err.value.code is RefusalCode.ALREADY_VOTED
    assert err.value.field == "identifier"
    assert "Бібліотека" in err.value.message and "19.05.2026" in err.value.message
    found = ballots.find_voter(db, vc.cycle.id, "КК 100200")
    assert found is not None and found.point_name == "Бібліотека"
    assert ballots.find_voter(db, vc.cycle.id, "КК100201") is None


@pytest.mark.parametrize(("projects", "age", "code", "field"), [
    ("9", 30, RefusalCode.UNKNOWN_PROJECT, "projects"),
    ("6", 30, RefusalCode.INELIGIBLE_PROJECT, "projects"),
    ("1 2 3", 30, RefusalCode.TOO_MANY_IN_CATEGORY, "projects"),
    ("4 5", 30, RefusalCode.TOO_MANY_IN_CATEGORY, "projects"),
    ("1 1", 30, RefusalCode.DUPLICATE_PROJECT, "projects"),
    ("", 30, RefusalCode.NO_CHOICE, "projects"),
    ("1 x", 30, RefusalCode.BAD_INPUT, "projects"),
    ("1:3", 30, RefusalCode.BAD_POINTS, "projects"),
    ("1", 15, RefusalCode.UNDER_AGE, "age"),
    ("1", 131, RefusalCode.BAD_AGE, "age"),
])
def test_specific_refusals(council_db: tuple[Database, Actor], vc, projects: str, age: int,  # noqa: ANN001
                           code: RefusalCode, field: str) -> None:
    db, actor = council_db
    with pytest.raises(BallotRefused) as err:
        enter(db, actor, vc.cycle.id, "АА111111", projects, age=age, point=vc.points[0].id)
    assert err.value.code is code
    assert err.value.field == field
    assert counts.turnout(db, vc.cycle.id).ballots == 0


def test_too_many_overall_and_outside_voting(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    vc = voting_cycle(db, actor, max_choices=2)
    with pytest.raises(BallotRefused) as err:
        enter(db, actor, vc.cycle.id, "АА111111", "1 2 4", point=vc.points[0].id)
    assert err.value.code is RefusalCode.TOO_MANY
    assert "не більше 2" in err.value.message
    with pytest.raises(BallotRefused) as err:
        enter(db, actor, vc.cycle.id, "АА111111", "1", point=vc.points[0].id, cast_on=TODAY + timedelta(days=10))
    assert err.value.code is RefusalCode.VOTING_CLOSED


def test_unique_constraint_holds_in_the_database(council_db: tuple[Database, Actor], vc) -> None:  # noqa: ANN001
    db, actor = council_db
    enter(db, actor, vc.cycle.id, "АВ000001", "1", point=vc.points[0].id)
    with db.read() as s:
        voter_hash = s.execute(select(Ballot.voter_hash)).scalar_one()
    with pytest.raises(IntegrityError), db.write() as s:
        s.execute(insert(Ballot), [{"cycle_id": vc.cycle.id, "voter_hash": voter_hash, "channel": "paper"}])


def test_race_past_the_check_is_caught_by_the_constraint(council_db: tuple[Database, Actor], vc,  # noqa: ANN001
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Two PCs both pass the "already voted?" check; the database refuses the second insert all the same."""
    db, actor = council_db
    enter(db, actor, vc.cycle.id, "АВ000002", "1", point=vc.points[0].id)
    real = ballots._previous
    calls = {"n": 0}

    def blind_first(s, cycle_id, voter_hash):  # noqa: ANN001, ANN202 - the check sees nothing, as in a race
        calls["n"] += 1
        return None if calls["n"] == 1 else real(s, cycle_id, voter_hash)

    monkeypatch.setattr(ballots, "_previous", blind_first)
    with pytest.raises(BallotRefused) as err:
        enter(db, actor, vc.cycle.id, "АВ000002", "2", point=vc.points[1].id)
    assert err.value.code is RefusalCode.ALREADY_VOTED
    assert "Сільська рада" in err.value.message
    assert counts.turnout(db, vc.cycle.id).ballots == 1


def test_two_threads_same_voter_exactly_one_wins(council_db: tuple[Database, Actor], vc) -> None:  # noqa: ANN001
    db, actor = council_db
    ballots.voter_key(db)
    results: list[object] = []
    barrier = threading.Barrier(4)

    def worker(point_id: int) -> None:
        barrier.wait()
        try:
            results.append(enter(db, actor, vc.cycle.id, "ВВ777777", "2 5", point=point_id))
        except BallotRefused as exc:
            results.append(exc)

    threads = [threading.Thread(target=worker, args=(vc.points[i % 2].id,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    accepted = [r for r in results if isinstance(r, ballots.BallotReceipt)]
    refused = [r for r in results if isinstance(r, BallotRefused)]
    assert len(accepted) == 1 and len(refused) == 3
    assert all(r.code is RefusalCode.ALREADY_VOTED for r in refused)


def test_operator_enters_only_at_own_point(council_db: tuple[Database, Actor], vc) -> None:  # noqa: ANN001
    db, actor = council_db
    operator = Actor(None, "oper", Role.OPERATOR, "Оператор", voting_point_id=vc.points[1].id)
    receipt = enter(db, operator, vc.cycle.id, "ОП000001", "1")  # no point given: their own
    assert receipt.point_name == "Бібліотека"
    with pytest.raises(PermissionDeniedError):
        enter(db, operator, vc.cycle.id, "ОП000002", "1", point=vc.points[0].id)
    with pytest.raises(PermissionDeniedError):
        budget.add_point(db, operator, "Школа")
    unassigned = Actor(None, "oper2", Role.OPERATOR, "Оператор без пункту")
    with pytest.raises(PermissionDeniedError, match="не прив’язано"):
        enter(db, unassigned, vc.cycle.id, "ОП000004", "1", point=vc.points[0].id)
    viewer = Actor(None, "viewer", Role.VIEWER)
    with pytest.raises(PermissionDeniedError):
        enter(db, viewer, vc.cycle.id, "ОП000003", "1", point=vc.points[0].id)


def test_spoiled_ballots_counted_per_point_and_turnout(council_db: tuple[Database, Actor], vc) -> None:  # noqa: ANN001
    db, actor = council_db
    enter(db, actor, vc.cycle.id, "АА000001", "1 4", age=17, point=vc.points[0].id)
    enter(db, actor, vc.cycle.id, "АА000002", "2", age=40, point=vc.points[0].id)
    enter(db, actor, vc.cycle.id, "АА000003", "3 5", age=70, point=vc.points[1].id)
    for _ in range(2):
        ballots.record_spoiled(db, actor, vc.cycle.id, vc.points[1].id, "два хрестики", today=TODAY)
    t = counts.turnout(db, vc.cycle.id)
    assert (t.ballots, t.paper, t.online, t.spoiled) == (3, 3, 0, 2)
    by_point = {p.name: (p.ballots, p.spoiled) for p in t.by_point}
    assert by_point == {"Сільська рада": (2, 0), "Бібліотека": (1, 2)}
    ages = dict(t.by_age)
    assert ages["до 18 років"] == 1 and ages["30–44 роки"] == 1 and ages["60 років і старші"] == 1
    votes = {c.number: c.votes for c in counts.project_counts(db, vc.cycle.id)}
    assert votes == {1: 1, 2: 1, 3: 1, 4: 1, 5: 1}


def test_annul_ballot_lets_voter_vote_again(council_db: tuple[Database, Actor], vc) -> None:  # noqa: ANN001
    db, actor = council_db
    enter(db, actor, vc.cycle.id, "АА000009", "1", point=vc.points[0].id)
    with pytest.raises(ValidationError):
        ballots.annul_ballot(db, actor, vc.cycle.id, "АА000009", "  ")
    ballots.annul_ballot(db, actor, vc.cycle.id, "aa 000009", "внесено помилково")
    assert counts.turnout(db, vc.cycle.id).ballots == 0
    enter(db, actor, vc.cycle.id, "АА000009", "2", point=vc.points[0].id)
    events = audit.list_events(db, audit.AuditFilter(entity_type="pb_ballot"))
    assert any(e.action == "delete" and "внесено помилково" in e.summary for e in events)
    assert all("АА000009" not in str(e.changes) and "000009" not in e.summary for e in events)


def test_online_csv_merges_with_paper_and_deduplicates(council_db: tuple[Database, Actor], vc,  # noqa: ANN001
                                                      tmp_path: Path) -> None:
    db, actor = council_db
    enter(db, actor, vc.cycle.id, "КА123456", "1", point=vc.points[0].id)
    csv_file = tmp_path / "online.csv"
    csv_file.write_text(
        "Номер документа;Вік;Проєкти;Дата\n"
        "ka 123456;33;2,5;18.05.2026\n"          # voted on paper already: skipped
        "КВ000001;45;\"3, 4\";2026-05-19\n"
        "КВ000002;;1;\n"
        "kb000001;50;2;\n",                      # the same person twice in the file: skipped
        encoding="utf-8")
    summary = online_votes.import_online_votes(db, actor, vc.cycle.id, csv_file)
    assert summary.accepted == 2
    assert len(summary.duplicates) == 2
    assert "Рядок 2" in summary.duplicates[0] and "Сільська рада" in summary.duplicates[0]
    assert "рядку 3" in summary.duplicates[1]
    t = counts.turnout(db, vc.cycle.id)
    assert (t.paper, t.online) == (1, 2)
    with pytest.raises(BallotRefused) as err:
        enter(db, actor, vc.cycle.id, "КВ 000002", "2", point=vc.points[0].id)
    assert "онлайн" in err.value.message


def test_online_csv_with_a_broken_row_is_refused_whole(council_db: tuple[Database, Actor], vc,  # noqa: ANN001
                                                       tmp_path: Path) -> None:
    db, actor = council_db
    csv_file = tmp_path / "online.csv"
    csv_file.write_text("voter_id,age,vote\nAB000001,30,1\nAB000002,30,\"1 2 3\"\nAB000003,12,2\n", encoding="utf-8")
    with pytest.raises(ImportRejectedError) as err:
        online_votes.import_online_votes(db, actor, vc.cycle.id, csv_file)
    text_ = err.value.text()
    assert "Рядок 3" in text_ and "«Малі проєкти»" in text_ and "Рядок 4" in text_ and "16 років" in text_
    assert counts.turnout(db, vc.cycle.id).ballots == 0
    missing = tmp_path / "bad.csv"
    missing.write_text("name;projects\nx;1\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="ідентифікатор"):
        online_votes.import_online_votes(db, actor, vc.cycle.id, missing)


def test_online_pb_file_merges_by_project_code(council_db: tuple[Database, Actor], vc,  # noqa: ANN001
                                               tmp_path: Path) -> None:
    db, actor = council_db
    enter(db, actor, vc.cycle.id, "777777", "1", point=vc.points[0].id)
    pb = tmp_path / "online.pb"
    pb.write_text("META\nkey;value\nbudget;500000\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;30000\n2;40000\n"
                  "4;300000\nVOTES\nvoter_id;vote;age\n777777;2;30\n888888;1,4;41\n", encoding="utf-8")
    summary = online_votes.import_online_votes(db, actor, vc.cycle.id, pb)
    assert summary.accepted == 1 and len(summary.duplicates) == 1


def test_ballots_entered_one_by_one_at_two_points(council_db: tuple[Database, Actor], vc) -> None:  # noqa: ANN001
    """Two voting points enter ballots one by one (speed per ballot: bench/budget.py)."""
    db, actor = council_db
    for i in range(40):
        enter(db, actor, vc.cycle.id, f"ШВ{i:06d}", "1 4" if i % 2 else "2 3", point=vc.points[i % 2].id)
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM pb_ballot_choice")).scalar_one() == 80


def test_cumulative_ballots_take_points(council_db: tuple[Database, Actor]) -> None:
    from app.services.budget import results as budget_results

    db, actor = council_db
    cycle = budget.create_cycle(db, actor, budget.CycleData(
        "Бали", 2026, 100_000_00, vote_type="cumulative", max_choices=None, max_points=5,
        voting_start=TODAY - timedelta(days=1), voting_end=TODAY), [budget.CategoryData("Усі", 100_000_00)])
    for n, amount in ((1, 60_000_00), (2, 50_000_00)):
        p = budget.add_project(db, actor, cycle.id, budget.ProjectData(
            cycle.categories[0].id, f"Проєкт {n}", (budget.CostItemData("Роботи", amount),)))
        budget.review_project(db, actor, p.id, True, "", p.version)
    point = budget.add_point(db, actor, "Пункт")
    enter(db, actor, cycle.id, "БЛ000001", "1:3 2:2", point=point.id)
    enter(db, actor, cycle.id, "БЛ000002", "2=5", point=point.id)
    for text_, fragment in (("1:3 2:3", "не більше 5"), ("1", "вкажіть бали"), ("1:0", "додатну")):
        with pytest.raises(BallotRefused) as err:
            enter(db, actor, cycle.id, "БЛ000003", text_, point=point.id)
        assert err.value.code is RefusalCode.BAD_POINTS and fragment in err.value.message
    votes = {c.number: (c.votes, c.points) for c in counts.project_counts(db, cycle.id)}
    assert votes == {1: (1, 3), 2: (2, 7)}
    (category,) = budget_results.compute_results(db, cycle.id).categories
    assert [p.number for p in category.winners] == [2]  # 7 points before 3; then 1 (60k) does not fit

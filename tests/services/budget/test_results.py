"""Winners per category by the chosen rule, explained; approval freezes the count; the demo builder."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.db.engine import Database
from app.demo import budget as budget_demo
from app.domain import pb
from app.domain.ballots import BallotRefused
from app.domain.budget import Phase
from app.errors import ValidationError
from app.services import budget
from app.services.budget import ballots, counts
from app.services.budget import results as budget_results
from app.services.budget.ballots import BallotEntry
from app.services.core import council
from app.services.core.auth import Actor
from tests.budget_support import TODAY, voting_cycle

AFTER = TODAY + timedelta(days=10)


def cast(db: Database, actor: Actor, cycle_id: int, point: int, ballots_: list[str]) -> None:
    for i, projects in enumerate(ballots_):
        ballots.enter_ballot(db, actor, BallotEntry(cycle_id, f"ГБ{i:06d}", 30 + i % 40, projects, point),
                             today=TODAY)


def test_greedy_per_category_with_explanations(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    vc = voting_cycle(db, actor)
    # small (budget 100k): 3 (50k) 5 votes, 2 (40k) 4 votes, 1 (30k) 3 votes -> 3 and 2 win; 1 does not fit
    # large (budget 400k): 5 (250k) 3 votes, 4 (300k) 2 votes -> 5 wins; 4 does not fit
    cast(db, actor, vc.cycle.id, vc.points[0].id,
         ["3 2 5", "3 2 5", "3 2 5", "3 2 4", "3 1 4", "1"])
    results = budget_results.compute_results(db, vc.cycle.id)
    assert not results.approved and results.ballots == 6
    small, large = results.categories
    assert [p.number for p in small.winners] == [3, 2]
    assert small.cost_used == 9_000_000 and small.leftover == 1_000_000
    loser = next(p for p in small.projects if p.number == 1)
    assert loser.status == "not-enough-money" and "Бракує коштів" in loser.explanation
    assert [p.number for p in large.winners] == [5]
    excluded = next(p for p in large.projects if p.number == 6)
    assert not excluded.admitted and "Приватна земля" in excluded.explanation
    assert "більше виборців" in results.tie_break_text
    assert small.voters == 6 and large.voters == 5


def test_equal_shares_category_and_tie_break_order(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    vc = voting_cycle(db, actor, large_rule=pb.EQUAL_SHARES_ADD1)
    # Add1 raises the per-voter budget one hryvnia at a time: keep 5 without supporters so it stops at once
    cast(db, actor, vc.cycle.id, vc.points[0].id, ["1 4", "2 4", "3 4", "1 4"])
    results = budget_results.compute_results(db, vc.cycle.id)
    small, large = results.categories
    # small: 1 has 2 votes; 2 (40k) and 3 (50k) tie on 1 vote, broken by the lower cost: 2 before 3
    assert [p.number for p in small.winners] == [1, 2]
    third = next(p for p in small.projects if p.number == 3)
    assert third.position == 3 and third.status == "not-enough-money"
    assert large.rule == "equalshares/add1"
    assert [p.number for p in large.winners] == [4] and large.notes
    five = next(p for p in large.projects if p.number == 5)
    assert five.status == "no-supporters" and five.explanation


def test_unimplemented_rule_is_reported_not_guessed(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    vc = voting_cycle(db, actor)
    cast(db, actor, vc.cycle.id, vc.points[0].id, ["1 4"])
    from app.db.models.budget import BudgetCategory

    with db.write() as s:  # as if imported from a city file with its own rule
        s.get(BudgetCategory, vc.large).rule = "greedy-custom"
    results = budget_results.compute_results(db, vc.cycle.id)
    large = results.categories[1]
    assert "greedy-custom" in large.error and not large.winners
    cycle = budget.get_cycle(db, vc.cycle.id)
    with pytest.raises(ValidationError, match="реалізоване правило"):
        budget_results.approve_results(db, actor, cycle.id, cycle.version, today=AFTER)


def test_approval_freezes_and_reopen_restores(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    vc = voting_cycle(db, actor)
    cast(db, actor, vc.cycle.id, vc.points[0].id, ["3 2 5", "3 4", "1"])
    cycle = budget.get_cycle(db, vc.cycle.id)
    with pytest.raises(ValidationError, match="триває"):
        budget_results.approve_results(db, actor, cycle.id, cycle.version, today=TODAY)
    live = budget_results.compute_results(db, cycle.id)
    approved = budget_results.approve_results(db, actor, cycle.id, cycle.version, today=AFTER)
    assert approved.approved
    assert [p.number for p in approved.winners] == [p.number for p in live.winners]
    assert [(p.number, p.votes, p.explanation) for c in approved.categories for p in c.projects if p.admitted] == \
        [(p.number, p.votes, p.explanation) for c in live.categories for p in c.projects if p.admitted]
    statuses = {p.number: p.status for p in budget.list_projects(db, cycle.id)}
    # small: 3 (2 votes) then the 1-vote tie 1 (30k) / 2 (40k) goes to the cheaper 1; large: tie 4/5 -> cheaper 5
    assert statuses == {1: "winner", 2: "not_funded", 3: "winner", 4: "not_funded", 5: "winner", 6: "ineligible"}
    with pytest.raises(BallotRefused):
        ballots.enter_ballot(db, actor, BallotEntry(cycle.id, "НОВИЙ0001", 30, "1", vc.points[0].id), today=TODAY)
    stored = budget_results.cycle_results(db, cycle.id)
    assert stored.approved and stored.cost_used == approved.cost_used
    cycle = budget.get_cycle(db, cycle.id)
    budget_results.reopen_results(db, actor, cycle.id, cycle.version, "помилка в даті")
    assert {p.status for p in budget.list_projects(db, cycle.id)} == {"eligible", "ineligible"}
    assert budget.list_implementation(db, cycle.id) == []
    assert not budget_results.cycle_results(db, cycle.id).approved


def test_demo_builder_is_fast_and_complete(db: Database) -> None:
    _, actor = council.setup_council(db, council.CouncilProfileData("Громада", "Рада", 8, 26))
    budget_demo.build(db, actor)
    cycles = budget.list_cycles(db)
    past = next(c for c in cycles if c.approved)
    assert len(past.categories) == 2 and past.project_count == 15
    assert len(budget.list_points(db)) == 3
    turnout = counts.turnout(db, past.id)
    assert 1400 <= turnout.ballots <= 1600 and turnout.spoiled > 0 and turnout.online > 0
    results = budget_results.cycle_results(db, past.id)
    assert results.approved and results.winners
    impl = budget.list_implementation(db, past.id)
    states = {i.status for i in impl}
    assert {"completed", "in_progress", "planned"} <= states
    assert any(i.milestones for i in impl)
    assert any(c.phase(time_today()) is Phase.VOTING for c in cycles)


def time_today():  # noqa: ANN201
    from datetime import date

    return date.today()

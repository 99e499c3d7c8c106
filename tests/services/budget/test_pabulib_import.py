"""The database half of the Pabulib import: an election in memory becomes a cycle, without any file."""

from __future__ import annotations

import pytest

from app.db.engine import Database
from app.domain import pb
from app.services.budget import counts
from app.services.budget import results as budget_results
from app.services.budget.pabulib_import import PabulibImportError, import_election
from app.services.core import audit
from app.services.core.auth import Actor


def election(*, money_scale: int = 1, rule: str = "greedy") -> pb.PbElection:
    """Three projects, four voters, budget 100: greedy funds A and C."""
    projects = {pid: pb.PbProject(pid, cost * money_scale, {"project_id": pid, "cost": "", "name": f"Проєкт {pid}"})
                for pid, cost in (("A", 60), ("B", 50), ("C", 30))}
    votes = [pb.PbVote(str(n), chosen) for n, chosen in enumerate((("A", "B"), ("A",), ("A", "C"), ("B", "C")))]
    return pb.PbElection(meta={"description": "Тестове голосування", "instance": "2025", "vote_type": "approval",
                               "rule": rule, "currency": "PLN", "budget": "100", "tie_break": "more-votes"},
                         projects=projects, votes=votes, budget=100 * money_scale, money_scale=money_scale,
                         project_columns=["project_id", "cost", "name"])


def test_an_election_becomes_a_cycle_with_its_ballots(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    imported = import_election(db, actor, election(), source="test.pb")
    cycle = imported.cycle
    assert (cycle.title, cycle.year, cycle.currency, cycle.total_budget) == ("Тестове голосування", 2025, "PLN", 10_000)
    assert cycle.tie_break == ("more-votes", "project-id") and imported.ballots == 4
    assert {c.number: c.votes for c in counts.project_counts(db, cycle.id)} == {1: 3, 2: 2, 3: 2}
    (category,) = budget_results.compute_results(db, cycle.id).categories
    assert [p.code for p in category.winners] == ["A", "C"]
    summaries = [e.summary for e in audit.list_events(db) if e.action == audit.Action.IMPORT]
    assert "Імпорт Pabulib «test.pb»: 3 проєктів, 4 бюлетенів" in summaries


def test_amounts_finer_than_a_kopiyka_are_refused(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    with pytest.raises(PabulibImportError, match="більше двох знаків після коми"):
        import_election(db, actor, election(money_scale=1000), source="fine.pb")

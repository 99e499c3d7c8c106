"""Budget records: cycles, categories, voting points, projects with estimates, review, implementation, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.db.base import Base
from app.db.engine import Database
from app.domain.budget import Phase
from app.errors import NotFoundError, PermissionDeniedError, StaleRecordError, ValidationError
from app.services import budget, registry
from app.services.budget import results as budget_results
from app.services.core import audit
from app.services.core.auth import Actor, Role
from tests.budget_support import TODAY, uah, voting_cycle

BASE = budget.CycleData(title="ГБ 2026", year=2026, total_budget=uah(1_000_000))


def test_every_budget_table_has_an_audit_label() -> None:
    tables = [t for t in Base.metadata.tables if t.startswith("pb_")]
    assert len(tables) >= 11
    for table in tables:
        assert table in registry.entity_labels(), table


def test_cycle_validation_speaks_ukrainian(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    bad = replace(BASE, title=" ", year=1990, total_budget=0, voting_start=date(2026, 6, 1),
                  voting_end=date(2026, 5, 1), min_age=200)
    with pytest.raises(ValidationError) as err:
        budget.create_cycle(db, actor, bad)
    message = err.value.message
    for part in ("назву циклу", "2000", "Загальний бюджет", "кінець голосування", "вік"):
        assert part in message
    with pytest.raises(ValidationError, match="перевищує"):
        budget.create_cycle(db, actor, BASE, [budget.CategoryData("Малі", uah(900_000)),
                                              budget.CategoryData("Великі", uah(200_000))])
    with pytest.raises(ValidationError, match="правило"):
        budget.create_cycle(db, actor, BASE, [budget.CategoryData("Малі", uah(1), rule="greedy-custom")])
    with pytest.raises(ValidationError, match="порогу|мінімальну кількість голосів"):
        budget.create_cycle(db, actor, BASE, [budget.CategoryData("Малі", uah(1), rule="greedy-threshold")])


def test_cycle_phases(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    cycle = budget.create_cycle(db, actor, replace(
        BASE, submission_start=date(2026, 2, 1), submission_end=date(2026, 3, 1), voting_start=date(2026, 5, 1),
        voting_end=date(2026, 5, 15)))
    assert cycle.phase(date(2026, 1, 1)) is Phase.PREPARATION
    assert cycle.phase(date(2026, 2, 10)) is Phase.SUBMISSION
    assert cycle.phase(date(2026, 4, 1)) is Phase.REVIEW
    assert cycle.phase(date(2026, 5, 15)) is Phase.VOTING
    assert cycle.phase(date(2026, 5, 16)) is Phase.COUNTING
    assert cycle.phase_title(date(2026, 5, 3)) == "голосування"


def test_project_cost_is_the_sum_of_items_in_kopiykas(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    cycle = budget.create_cycle(db, actor, BASE, [budget.CategoryData("Малі", uah(300_000), uah(10_000),
                                                                      uah(100_000))])
    cat = cycle.categories[0].id
    p = budget.add_project(db, actor, cycle.id, budget.ProjectData(cat, "Лавки", (
        budget.CostItemData("Лавки", 1_234_567), budget.CostItemData("Монтаж", 33))))
    assert p.cost == 1_234_600 and p.number == 1 and p.code == "1" and p.status == "submitted"
    assert [i.amount for i in budget.get_project(db, p.id).items] == [1_234_567, 33]
    p2 = budget.add_project(db, actor, cycle.id, budget.ProjectData(cat, "Шафа", (budget.CostItemData("x", 100),)))
    assert p2.number == 2
    with pytest.raises(ValidationError, match="кошторису"):
        budget.add_project(db, actor, cycle.id, budget.ProjectData(cat, "Порожній", ()))
    with pytest.raises(ValidationError, match="уже має проєкт"):
        budget.add_project(db, actor, cycle.id, budget.ProjectData(cat, "Дубль", (budget.CostItemData("x", 100),),
                                                                   number=1))
    updated = budget.update_project(db, actor, p.id, budget.ProjectData(cat, "Лавки нові", (
        budget.CostItemData("Лавки", uah(20_000)),)), p.version)
    assert updated.cost == uah(20_000) and updated.title == "Лавки нові"
    with pytest.raises(StaleRecordError):
        budget.update_project(db, actor, p.id, budget.ProjectData(cat, "Застаріле", (
            budget.CostItemData("x", 1),)), p.version)
    events = audit.list_events(db, audit.AuditFilter(entity_type="pb_project"))
    assert any("items" in e.changes for e in events)


def test_review_needs_a_reason_and_respects_cost_limits(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    cycle = budget.create_cycle(db, actor, BASE, [budget.CategoryData("Малі", uah(300_000), uah(10_000),
                                                                      uah(100_000))])
    cat = cycle.categories[0].id
    cheap = budget.add_project(db, actor, cycle.id, budget.ProjectData(cat, "Дешевий", (
        budget.CostItemData("x", uah(5_000)),)))
    with pytest.raises(ValidationError, match="поза межами"):
        budget.review_project(db, actor, cheap.id, True, "", cheap.version)
    with pytest.raises(ValidationError, match="причину"):
        budget.review_project(db, actor, cheap.id, False, "  ", cheap.version)
    refused = budget.review_project(db, actor, cheap.id, False, "Замалий для категорії.", cheap.version)
    assert refused.status == "ineligible" and refused.status_reason == "Замалий для категорії."
    assert refused.status_title() == "не допущено"


def test_permissions(council_db: tuple[Database, Actor]) -> None:
    db, _ = council_db
    for role in (Role.VIEWER, Role.OPERATOR):
        who = Actor(None, "x", role)
        with pytest.raises(PermissionDeniedError):
            budget.create_cycle(db, who, BASE)


def test_points_unique_and_protected(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    vc = voting_cycle(db, actor)
    with pytest.raises(ValidationError, match="уже є"):
        budget.add_point(db, actor, "  бібліотека ")
    from app.services.budget import ballots

    ballots.enter_ballot(db, actor, ballots.BallotEntry(vc.cycle.id, "АВ123456", 30, "1", vc.points[1].id),
                         today=TODAY)
    point = budget.get_point(db, vc.points[1].id)
    with pytest.raises(ValidationError, match="вимкнути"):
        budget.delete_point(db, actor, point.id, point.version)
    off = budget.update_point(db, actor, point.id, point.name, point.address, False, point.version)
    assert not off.is_active
    assert [p.name for p in budget.list_points(db, active_only=True)] == ["Сільська рада"]


def test_rules_locked_once_ballots_exist(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    vc = voting_cycle(db, actor)
    from app.services.budget import ballots

    ballots.enter_ballot(db, actor, ballots.BallotEntry(vc.cycle.id, "АВ123456", 30, "1", vc.points[0].id),
                         today=TODAY)
    cycle = budget.get_cycle(db, vc.cycle.id)
    data = budget.CycleData(cycle.title, cycle.year, cycle.total_budget, voting_start=cycle.voting_start,
                            voting_end=cycle.voting_end, submission_start=cycle.submission_start,
                            submission_end=cycle.submission_end, review_end=cycle.review_end,
                            max_choices=5, min_age=cycle.min_age)
    with pytest.raises(ValidationError, match="Правила бюлетеня"):
        budget.update_cycle(db, actor, cycle.id, data, cycle.version)
    with pytest.raises(ValidationError, match="голосували"):
        p = vc.projects[1]
        budget.delete_project(db, actor, p.id, budget.get_project(db, p.id).version)
    with pytest.raises(ValidationError, match="бюлетені"):
        budget.delete_cycle(db, actor, cycle.id, cycle.version)


def test_delete_empty_cycle(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    cycle = budget.create_cycle(db, actor, BASE, [budget.CategoryData("Малі", uah(300_000))])
    budget.add_project(db, actor, cycle.id, budget.ProjectData(cycle.categories[0].id, "П",
                                                               (budget.CostItemData("x", 100),)))
    budget.delete_cycle(db, actor, cycle.id, budget.get_cycle(db, cycle.id).version)
    with pytest.raises(NotFoundError):
        budget.get_cycle(db, cycle.id)


def test_implementation_drives_project_status_and_due_list(council_db: tuple[Database, Actor]) -> None:
    db, actor = council_db
    vc = voting_cycle(db, actor)
    from app.services.budget import ballots

    for i, projects in enumerate(["1 4", "1 5", "2 4", "3"]):
        ballots.enter_ballot(db, actor, ballots.BallotEntry(vc.cycle.id, f"ВВ{i:06d}", 30, projects,
                                                            vc.points[0].id), today=TODAY)
    later = TODAY + timedelta(days=10)
    cycle = budget.get_cycle(db, vc.cycle.id)
    budget_results.approve_results(db, actor, cycle.id, cycle.version, today=later)
    impl = {i.project_number: i for i in budget.list_implementation(db, cycle.id)}
    assert set(impl) == {1, 2, 4}  # 3 (50k) does not fit after 1 and 2; 5 loses to 4
    one = impl[1]
    assert one.allocated == one.cost and one.status == "planned"
    with pytest.raises(ValidationError, match="дату завершення"):
        budget.update_implementation(db, actor, one.project_id, budget.ImplementationData(
            "completed", 100, one.allocated, one.allocated), one.version)
    done = budget.update_implementation(db, actor, one.project_id, budget.ImplementationData(
        "completed", 80, one.allocated, one.allocated - 100, completed_on=later), one.version)
    assert done.progress == 100
    assert budget.get_project(db, one.project_id).status == "completed"
    going = budget.update_implementation(db, actor, impl[4].project_id, budget.ImplementationData(
        "in_progress", 30, impl[4].allocated, 1000), impl[4].version)
    assert budget.get_project(db, going.project_id).status == "in_implementation"
    m = budget.add_milestone(db, actor, impl[4].project_id, budget.MilestoneData("Договір", later - timedelta(days=1)))
    budget.add_milestone(db, actor, impl[4].project_id, budget.MilestoneData("Монтаж", later + timedelta(days=5)))
    budget.add_milestone(db, actor, impl[4].project_id, budget.MilestoneData("Далеко", later + timedelta(days=90)))
    items = [i for i in registry.due_soon(db, later) if i.area_uk == "Громадський бюджет"]
    assert [(i.title, i.overdue) for i in items] == [("Проєкт №4: Договір", True), ("Проєкт №4: Монтаж", False)]
    budget.update_milestone(db, actor, m.id, budget.MilestoneData("Договір", m.due_on, later), m.version)
    assert len([i for i in registry.due_soon(db, later) if i.area_uk == "Громадський бюджет"]) == 1
    with pytest.raises(ValidationError, match="переможців"):
        budget.add_milestone(db, actor, vc.projects[6].id, budget.MilestoneData("x"))

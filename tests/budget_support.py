"""Building blocks for the participatory-budget tests: a small cycle open for voting, its points and projects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.db.engine import Database
from app.domain import pb
from app.services import budget
from app.services.core.auth import Actor

TODAY = date(2026, 5, 20)


def uah(hryvnias: int) -> int:
    return hryvnias * 100


@dataclass
class VotingCycle:
    cycle: budget.CycleView
    small: int  # category ids
    large: int
    points: list[budget.PointView]
    projects: dict[int, budget.ProjectView]  # by number


def voting_cycle(db: Database, actor: Actor, *, today: date = TODAY, small_rule: str = pb.GREEDY,
                 large_rule: str = pb.GREEDY, min_age: int = 16, max_choices: int | None = 3) -> VotingCycle:
    """A cycle voting around ``today``: small (≤2 per ballot) and large (≤1) categories, six projects, two points.

    Projects: 1–3 small (30k, 40k, 50k; budget 100k), 4–5 large (300k, 250k; budget 400k), 6 not admitted.
    """
    cycle = budget.create_cycle(db, actor, budget.CycleData(
        title="Громадський бюджет Тестової громади", year=today.year, total_budget=uah(500_000),
        submission_start=today - timedelta(days=60), submission_end=today - timedelta(days=30),
        review_end=today - timedelta(days=10), voting_start=today - timedelta(days=5),
        voting_end=today + timedelta(days=5), max_choices=max_choices, min_age=min_age,
    ), [
        budget.CategoryData("Малі проєкти", uah(100_000), uah(10_000), uah(99_000), 2, small_rule, position=1),
        budget.CategoryData("Великі проєкти", uah(400_000), uah(100_000), uah(400_000), 1, large_rule, position=2),
    ])
    small, large = (c.id for c in cycle.categories)
    points = [budget.add_point(db, actor, "Сільська рада", "вул. Центральна, 1"),
              budget.add_point(db, actor, "Бібліотека", "вул. Шкільна, 4")]
    specs = [
        (1, small, "Лавки в парку", [("Лавки", 25_000), ("Монтаж", 5_000)]),
        (2, small, "Книжкова шафа", [("Шафа", 40_000)]),
        (3, small, "Тренажери", [("Тренажери", 45_000), ("Покриття", 5_000)]),
        (4, large, "Дитячий майданчик", [("Комплекс", 250_000), ("Покриття", 50_000)]),
        (5, large, "Укриття в ліцеї", [("Вентиляція", 250_000)]),
        (6, large, "Приватний проїзд", [("Асфальт", 180_000)]),
    ]
    projects: dict[int, budget.ProjectView] = {}
    for number, category, title, items in specs:
        p = budget.add_project(db, actor, cycle.id, budget.ProjectData(
            category_id=category, title=title, number=number, author_name="Автор Проєкту",
            author_contact="+380 67 000 00 00",
            items=tuple(budget.CostItemData(d, uah(a)) for d, a in items)))
        eligible = number != 6
        p = budget.review_project(db, actor, p.id, eligible, "" if eligible else "Приватна земля.", p.version)
        projects[number] = p
    return VotingCycle(budget.get_cycle(db, cycle.id), small, large, points, projects)

"""Demo participatory budget: last year's cycle counted and half built, this year's cycle in its voting week.

Last year's cycle has two categories, 15 projects (one not admitted), three voting points and
about 1,500 ballots (paper at the points and online), a few spoiled ballots, approved results
(greedy for small projects, Equal Shares for large ones) and winners at every stage of
implementation, with milestones. This year's small cycle is open for voting, so a newcomer can
try the ballot-entry form at once. Ballots go in with one bulk insert in one transaction.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.db.engine import Database
from app.domain import pb
from app.domain.budget import Channel
from app.services import budget
from app.services.budget import ballots, bulk
from app.services.budget import results as budget_results
from app.services.core.auth import Actor

POINTS = (
    ("Вишнівська сільська рада, ЦНАП", "вул. Центральна, 1, с. Вишнівка"),
    ("Сільська бібліотека с. Вишнівка", "вул. Шкільна, 4, с. Вишнівка"),
    ("Гайовецький ліцей", "вул. Миру, 12, с. Гайове"),
)

SMALL = "Малі проєкти"
LARGE = "Великі проєкти"

# (category, title, location, district, author, items (description, hryvnias), popularity, description)
PROJECTS: tuple[tuple[str, str, str, str, str, tuple[tuple[str, int], ...], int, str], ...] = (
    (SMALL, "Лавки й урни в сквері біля ставу", "сквер біля ставу, с. Вишнівка", "Вишнівка", "Оксана Гнатюк",
     (("Лавки паркові, 8 шт.", 48_000), ("Урни, 10 шт.", 14_500), ("Монтаж", 9_800)), 30,
     "Вісім лавок і десять урн уздовж доріжки біля ставу, де відпочивають родини з дітьми."),
    (SMALL, "Книжкова шафа «Читай і передай» у бібліотеці", "сільська бібліотека", "Вишнівка", "Ірина Савчук",
     (("Шафи та стелажі", 26_000), ("Книги для дітей і підлітків", 18_000)), 18,
     "Відкрита полиця обміну книжками та нові книжки для дітей."),
    (SMALL, "Тренажери просто неба біля ліцею", "подвір’я Гайовецького ліцею", "Гайове", "Тарас Кравчук",
     (("Вуличні тренажери, 6 шт.", 74_000), ("Гумове покриття", 19_500)), 34,
     "Шість вуличних тренажерів для учнів і дорослих."),
    (SMALL, "Освітлення зупинки на вул. Миру", "зупинка «Гайове-центр»", "Гайове", "Петро Мельник",
     (("Світильники на сонячних панелях, 4 шт.", 52_000), ("Монтаж", 8_000)), 26,
     "Зупинку, з якої діти їдуть до школи, буде освітлено вночі."),
    (SMALL, "Саджанці для алеї Пам’яті", "алея Пам’яті, с. Вишнівка", "Вишнівка", "Галина Бондар",
     (("Саджанці лип, 40 шт.", 28_000), ("Ґрунт і добрива", 6_400), ("Полив першого року", 4_600)), 24,
     "Сорок лип на алеї Пам’яті загиблих захисників громади."),
    (SMALL, "Майстерня робототехніки для підлітків", "Гайовецький ліцей", "Гайове", "Андрій Ткачук",
     (("Набори робототехніки, 6 шт.", 63_000), ("Ноутбук", 27_000)), 20,
     "Гурток робототехніки двічі на тиждень."),
    (SMALL, "Велопарковка біля ЦНАП", "вул. Центральна, 1", "Вишнівка", "Марта Лисенко",
     (("Велостійки, 10 місць", 21_000), ("Навіс", 17_500)), 12,
     "Накрита велопарковка на 10 велосипедів."),
    (SMALL, "Пандус і поручні в амбулаторії", "амбулаторія с. Гайове", "Гайове", "Віктор Шевчук",
     (("Пандус", 58_000), ("Поручні з нержавіючої сталі", 16_000)), 22,
     "Вхід до амбулаторії стане доступним для людей на візках і з дитячими візками."),
    (LARGE, "Дитячий майданчик у центрі Вишнівки", "парк біля будинку культури", "Вишнівка", "Наталія Коваль",
     (("Ігровий комплекс", 240_000), ("Безпечне покриття", 96_000), ("Огорожа і монтаж", 44_000)), 40,
     "Сучасний майданчик для дітей 3–12 років з безпечним покриттям."),
    (LARGE, "Укриття в Гайовецькому ліцеї: вентиляція і освітлення", "Гайовецький ліцей", "Гайове",
     "Сергій Поліщук", (("Система вентиляції", 210_000), ("Аварійне освітлення", 64_000), ("Роботи", 58_000)), 44,
     "Щоб діти могли безпечно перебувати в укритті під час тривог."),
    (LARGE, "Ремонт тротуару на вул. Шкільній", "вул. Шкільна", "Вишнівка", "Олег Руденко",
     (("Бруківка, 620 м²", 286_000), ("Бордюри", 74_000), ("Роботи", 110_000)), 28,
     "Тротуар, яким щодня ходять до школи та бібліотеки."),
    (LARGE, "Сонячна станція для амбулаторії", "амбулаторія с. Гайове", "Гайове", "Людмила Ковальчук",
     (("Сонячні панелі 10 кВт", 230_000), ("Інвертор і акумулятори", 160_000), ("Монтаж", 40_000)), 30,
     "Амбулаторія працюватиме і під час відключень електроенергії."),
    (LARGE, "Спортивний майданчик зі штучним покриттям", "стадіон с. Вишнівка", "Вишнівка", "Роман Гуменюк",
     (("Штучне покриття", 320_000), ("Ворота і сітки", 46_000), ("Освітлення", 84_000)), 24,
     "Міні-футбольне поле для дітей і дорослих."),
    (LARGE, "Відеоспостереження на в’їздах до сіл", "в’їзди до сіл громади", "усі села", "Василь Марченко",
     (("Камери, 8 шт.", 112_000), ("Сервер і зв’язок", 58_000)), 16,
     "Камери на чотирьох в’їздах до сіл громади."),
    (LARGE, "Асфальтування приватного проїзду до садиб", "провулок Садовий, 3–9", "Вишнівка", "Юрій Данильчук",
     (("Асфальтування", 180_000),), 0,
     "Асфальтування проїзду вздовж приватних садиб."),
)
INELIGIBLE_REASON = ("Проїзд розташований на землі приватної власності, а не комунальної: громадський бюджет "
                     "не фінансує роботи на приватних ділянках (п. 3.4 Положення про громадський бюджет).")

CURRENT_PROJECTS: tuple[tuple[str, str, int], ...] = (
    (SMALL, "Шахово-шашковий клуб у бібліотеці", 46_000),
    (SMALL, "Питні фонтанчики в парку", 38_000),
    (SMALL, "Квітники біля старостату в Гайовому", 24_000),
    (LARGE, "Реконструкція сцени будинку культури", 410_000),
    (LARGE, "Укриття в дитячому садку «Сонечко»", 480_000),
    (LARGE, "Освітлення вулиці Лісової", 260_000),
)


def _hryvnias(amount: int) -> int:
    return amount * 100


def _categories() -> list[budget.CategoryData]:
    return [
        budget.CategoryData(SMALL, _hryvnias(400_000), _hryvnias(10_000), _hryvnias(100_000), 2, pb.GREEDY,
                            position=1),
        budget.CategoryData(LARGE, _hryvnias(1_100_000), _hryvnias(100_000), _hryvnias(500_000), 1,
                            pb.EQUAL_SHARES_ADD1, position=2),
    ]


def build(db: Database, actor: Actor) -> None:
    today = date.today()
    rng = random.Random(2026)
    points = [budget.add_point(db, actor, name, address) for name, address in POINTS]
    start = today - timedelta(days=200)
    past = budget.create_cycle(db, actor, budget.CycleData(
        title="Громадський бюджет Вишнівської громади", year=(today - timedelta(days=130)).year,
        total_budget=_hryvnias(1_500_000),
        description="Мешканці громади самі пропонують, як витратити частину бюджету, і голосують за проєкти.",
        submission_start=start, submission_end=start + timedelta(days=30), review_end=start + timedelta(days=60),
        voting_start=start + timedelta(days=70), voting_end=start + timedelta(days=84),
        results_date=start + timedelta(days=90), implementation_end=today + timedelta(days=220),
        min_choices=1, max_choices=3, min_age=16), _categories())
    cats = {c.name: c.id for c in past.categories}
    created: list[tuple[budget.ProjectView, int]] = []
    for category, title, location, district, author, items, weight, description in PROJECTS:
        phone = f"+380 67 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        project = budget.add_project(db, actor, past.id, budget.ProjectData(
            category_id=cats[category], title=title, description=description, author_name=author,
            author_contact=phone, location=location, district=district,
            items=tuple(budget.CostItemData(d, _hryvnias(a)) for d, a in items)))
        eligible = weight > 0
        project = budget.review_project(db, actor, project.id, eligible, "" if eligible else INELIGIBLE_REASON,
                                        project.version)
        created.append((project, weight))

    _demo_ballots(db, actor, past, created, points, rng)
    for point, count in zip(points, (5, 3, 4), strict=True):
        for i in range(count):
            ballots.record_spoiled(db, actor, past.id, point.id,
                                   ("обрано більше проєктів, ніж дозволено", "бюлетень не підписано",
                                    "неможливо визначити волевиявлення")[i % 3],
                                   start + timedelta(days=70 + i), today=today)
    past = budget.get_cycle(db, past.id)
    budget_results.approve_results(db, actor, past.id, past.version, today=today)
    _demo_implementation(db, actor, past.id, today, rng)
    _current_cycle(db, actor, today, points, rng)


def _demo_ballots(db: Database, actor: Actor, cycle: budget.CycleView,
                  created: list[tuple[budget.ProjectView, int]], points: list[budget.PointView],
                  rng: random.Random) -> None:
    key = ballots.voter_key(db)
    small = [(p, w) for p, w in created if p.category_name == SMALL and w]
    large = [(p, w) for p, w in created if p.category_name == LARGE and w]
    assert cycle.voting_start is not None
    new: list[bulk.NewBallot] = []
    for n in range(1500):
        picks: list[int] = []
        for pool, count in ((small, rng.choice((1, 2, 2))), (large, rng.choice((0, 1, 1, 1)))):
            chosen: set[int] = set()
            while len(chosen) < count:
                project = rng.choices([p for p, _ in pool], weights=[w for _, w in pool])[0]
                chosen.add(project.id)
            picks.extend(sorted(chosen))
        online = rng.random() < 0.2
        age = min(90, max(16, int(rng.gauss(44, 17))))
        point = None if online else rng.choices(points, weights=(5, 3, 4))[0]
        voter_hash = ballots.hash_identifier(key, f"ДЕМО{n:06d}")
        new.append(bulk.NewBallot(
            voter_hash, tuple((pid, None) for pid in picks), age,
            rng.choice(("Вишнівка", "Вишнівка", "Гайове")), (Channel.ONLINE if online else Channel.PAPER).value,
            None if point is None else point.id, cycle.voting_start + timedelta(days=rng.randint(0, 14))))
    bulk.add_ballots(db, actor, cycle.id, new, source="демонстраційні дані", label="Демонстраційні бюлетені")


def _demo_implementation(db: Database, actor: Actor, cycle_id: int, today: date, rng: random.Random) -> None:
    plans = (
        ("completed", 100, 1.0, (("Укладено договір", -95, True), ("Роботи виконано", -30, True),
                                 ("Об’єкт передано громаді", -20, True))),
        ("in_progress", 70, 0.62, (("Укладено договір", -80, True), ("Закуплено обладнання", -35, True),
                                   ("Монтаж завершено", 10, False), ("Об’єкт передано громаді", 40, False))),
        ("in_progress", 40, 0.35, (("Укладено договір", -60, True), ("Виконано першу чергу робіт", -5, False),
                                   ("Роботи завершено", 60, False))),
        ("suspended", 15, 0.1, (("Оголошено закупівлю", -70, True), ("Повторна закупівля", 12, False))),
    )
    for index, impl in enumerate(budget.list_implementation(db, cycle_id)):
        if index >= len(plans):
            budget.add_milestone(db, actor, impl.project_id, budget.MilestoneData(
                "Оголошено закупівлю", today + timedelta(days=20 + 10 * index)))
            continue
        status, progress, share, steps = plans[index]
        budget.update_implementation(db, actor, impl.project_id, budget.ImplementationData(
            status=status, progress=progress, allocated=impl.cost, spent=int(impl.cost * share) // 100 * 100,
            contractor=rng.choice(("ТОВ «Будсервіс-Вишнівка»", "ФОП Петренко О. І.", "ТОВ «Енерго-Дім»")),
            started_on=today - timedelta(days=100),
            completed_on=today - timedelta(days=20) if status == "completed" else None,
            notes="Роботи призупинено: закупівля не відбулася, оголошено повторну." if status == "suspended" else ""),
            impl.version)
        for title, offset, done in steps:
            due = today + timedelta(days=offset)
            budget.add_milestone(db, actor, impl.project_id, budget.MilestoneData(
                title, due, due if done else None))


def _current_cycle(db: Database, actor: Actor, today: date, points: list[budget.PointView],
                   rng: random.Random) -> None:
    cycle = budget.create_cycle(db, actor, budget.CycleData(
        title="Громадський бюджет Вишнівської громади", year=today.year + 1 if today.month > 9 else today.year,
        total_budget=_hryvnias(1_500_000),
        description="Голосування триває: вносьте паперові бюлетені з пунктів голосування.",
        submission_start=today - timedelta(days=70), submission_end=today - timedelta(days=40),
        review_end=today - timedelta(days=12), voting_start=today - timedelta(days=3),
        voting_end=today + timedelta(days=11), results_date=today + timedelta(days=18),
        min_choices=1, max_choices=3, min_age=16), _categories())
    cats = {c.name: c.id for c in cycle.categories}
    for category, title, amount in CURRENT_PROJECTS:
        project = budget.add_project(db, actor, cycle.id, budget.ProjectData(
            category_id=cats[category], title=title, author_name="", items=(
                budget.CostItemData("Кошторис робіт і матеріалів", _hryvnias(amount)),)))
        budget.review_project(db, actor, project.id, True, "", project.version)
    for n in range(6):
        point = points[n % len(points)]
        numbers = sorted(rng.sample(range(1, 4), rng.choice((1, 2))) + rng.sample(range(4, 7), 1))
        ballots.enter_ballot(db, actor, ballots.BallotEntry(
            cycle.id, f"ВД{rng.randint(100000, 999999)}{n}", rng.randint(18, 80), " ".join(map(str, numbers)),
            point.id, today - timedelta(days=n % 3)), today=today)

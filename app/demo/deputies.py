"""The demo council of the Vyshnivka hromada: 26 deputies in 4 factions, 3 committees, a year of 12 sessions
with complete roll calls and decisions, deputies' initiatives, and one deputy who misses most sessions.

Everything goes through the area's services (so the demo has a real audit trail); a roll call is one
transaction with one audit event. Deterministic: the same demo every time (seeded random).
"""

from __future__ import annotations

import datetime as dt
import random

from app.db.engine import Database
from app.domain.deputies import (
    AttendanceStatus,
    CommitteeRole,
    InitiativeKind,
    InitiativeStatus,
    InitiatorKind,
    MandateEndReason,
    SessionKind,
    decision_number,
)
from app.domain.votes import Majority, VoteOption
from app.services import deputies
from app.services.core.auth import Actor
from app.services.deputies import initiatives, rollcalls, sessions

FACTIONS = [
    ("Громада разом", "ГР", 9),
    ("Рідний край", "РК", 7),
    ("Нова Вишнівка", "НВ", 5),
    ("Відродження", "Від", 5),
]

DISTRICTS = [
    (1, "Округ №1 (с. Вишнівка, центр)", "с. Вишнівка: вулиці Центральна, Шкільна, Садова"),
    (2, "Округ №2 (с. Вишнівка, Заріччя)", "с. Вишнівка: Заріччя, вул. Річкова, Польова"),
    (3, "Округ №3 (с. Черешневе)", "с. Черешневе"),
    (4, "Округ №4 (с. Дубове, с. Ясени)", "с. Дубове, с. Ясени"),
    (5, "Округ №5 (с. Ґудзівка)", "с. Ґудзівка, хутір Їжаки"),
]

# surname, given name, patronymic, female
PEOPLE = [
    ("Шевченко", "Олена", "Петрівна", True), ("Коваленко", "Ігор", "Миколайович", False),
    ("Бондаренко", "Марія", "Іванівна", True), ("Ткаченко", "Юрій", "Васильович", False),
    ("Кравченко", "Ганна", "Степанівна", True), ("Д’яченко", "Олег", "Андрійович", False),
    ("Мельник", "Тетяна", "Олександрівна", True), ("Ґудзь", "Богдан", "Ярославович", False),
    ("Їжакевич", "Ярина", "Романівна", True), ("Олійник", "Василь", "Петрович", False),
    ("Савчук", "Людмила", "Григорівна", True), ("Поліщук", "Андрій", "Богданович", False),
    ("Руденко", "Оксана", "Миколаївна", True), ("Лисенко", "Сергій", "Іванович", False),
    ("Мороз", "Наталія", "Василівна", True), ("Зінченко", "Остап", "Юрійович", False),
    ("Гончаренко", "Ірина", "Олегівна", True), ("Павленко", "Микола", "Степанович", False),
    ("Марченко", "Світлана", "Андріївна", True), ("Левченко", "Роман", "Олександрович", False),
    ("Кузьменко", "Валентина", "Павлівна", True), ("Петренко", "Дмитро", "Сергійович", False),
    ("Семенюк", "Галина", "Йосипівна", True), ("Вдовиченко", "Тарас", "Іванович", False),
    ("Приходько", "Леся", "Дмитрівна", True), ("Мар’яненко", "Євген", "Володимирович", False),
    ("Сидоренко", "Віра", "Михайлівна", True),  # successor of the deputy who resigns
]
ABSENTEE = 9  # Олійник Василь: misses most sessions
RESIGNS = 20  # Кузьменко Валентина: resigns mid-year; Сидоренко Віра takes the seat

BIOGRAPHIES = [
    "Народилася у Вишнівці. Учителька історії Вишнівського ліцею, 20 років педагогічного стажу. "
    "Ініціаторка шкільного музею та програми літніх таборів для дітей громади.",
    "Фермер, голова фермерського господарства «Колосок». Опікується ремонтом доріг між селами громади "
    "та відновленням зрошення.",
    "Лікарка загальної практики — сімейна медицина амбулаторії с. Черешневе. Займається питаннями "
    "доступності медичної допомоги у віддалених селах.",
    "Підприємець, власник пекарні. Член громадської ради з питань розвитку малого бізнесу.",
    "Працює в Центрі надання адміністративних послуг. Переселенка з Маріуполя, допомагає внутрішньо "
    "переміщеним особам облаштуватися в громаді.",
    "Ветеран війни, інженер-енергетик. Займається енергонезалежністю громади: сонячні станції на "
    "школах і амбулаторіях.",
]

AGENDA_POOL = [
    ("Про затвердження порядку денного сесії", InitiatorKind.HEAD, False),
    ("Про внесення змін до бюджету Вишнівської сільської територіальної громади на {year} рік",
     InitiatorKind.EXECUTIVE, False),
    ("Про затвердження звіту про виконання бюджету громади за {quarter} квартал {year} року",
     InitiatorKind.EXECUTIVE, False),
    ("Про надання дозволу на розроблення проєкту землеустрою щодо відведення земельної ділянки "
     "в с. Черешневе", InitiatorKind.COMMITTEE, False),
    ("Про затвердження технічної документації із землеустрою щодо встановлення меж земельної ділянки "
     "в натурі (на місцевості)", InitiatorKind.COMMITTEE, False),
    ("Про затвердження Програми розвитку освіти громади на {year}–{year2} роки", InitiatorKind.HEAD, False),
    ("Про затвердження Програми «Турбота» щодо підтримки ветеранів війни та їхніх родин",
     InitiatorKind.EXECUTIVE, False),
    ("Про встановлення ставок єдиного податку на території громади", InitiatorKind.EXECUTIVE, False),
    ("Про ремонт дороги по вул. Шкільній у с. Вишнівка", InitiatorKind.DEPUTY, False),
    ("Про облаштування укриття в Ґудзівській гімназії", InitiatorKind.DEPUTY, False),
    ("Про передачу в оренду нежитлового приміщення амбулаторії с. Дубове", InitiatorKind.EXECUTIVE, False),
    ("Про затвердження Положення про громадський бюджет (бюджет участі)", InitiatorKind.RESIDENTS, False),
    ("Про внесення змін до Статуту Вишнівської сільської територіальної громади", InitiatorKind.HEAD, True),
    ("Про затвердження структури та штатної чисельності апарату ради", InitiatorKind.HEAD, False),
    ("Про організацію підвезення учнів до закладів освіти", InitiatorKind.COMMITTEE, False),
    ("Про затвердження тарифів на вивезення побутових відходів", InitiatorKind.EXECUTIVE, False),
    ("Про звернення депутатів до Кабінету Міністрів України щодо ремонту автодороги Т-10-15",
     InitiatorKind.DEPUTY, False),
    ("Про створення комунальної установи «Центр культури та дозвілля»", InitiatorKind.HEAD, False),
    ("Про безоплатну передачу генераторів на баланс ліцею", InitiatorKind.EXECUTIVE, False),
    ("Про затвердження Програми вуличного освітлення сіл громади", InitiatorKind.DEPUTY, False),
    ("Про розгляд електронної петиції щодо облаштування дитячого майданчика в с. Ясени",
     InitiatorKind.RESIDENTS, False),
    ("Про присвоєння звання «Почесний громадянин Вишнівської громади»", InitiatorKind.HEAD, False),
    ("Про подолання вето сільського голови на рішення про продаж земельної ділянки",
     InitiatorKind.DEPUTY, True),
    ("Про затвердження бюджету Вишнівської сільської територіальної громади на {year2} рік",
     InitiatorKind.EXECUTIVE, False),
]

EXCUSES = ["лікарняний", "службове відрядження", "відпустка", "виконання обов’язків військової служби"]

MINIMAL_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
               b"endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
               b"trailer<</Root 1 0 R>>\n%%EOF\n")


def demo_year(today: dt.date | None = None) -> int:
    """The year of the demo's sessions: the last full calendar year."""
    return (today or dt.date.today()).year - 1


def build(db: Database, actor: Actor) -> None:
    rng = random.Random(2025)
    year = demo_year()
    convocation_start = dt.date(2020, 11, 20)

    faction_ids = [deputies.save_faction(db, actor, deputies.FactionData(name, short, f"Фракція «{name}» у раді"))
                   for name, short, _ in FACTIONS]
    district_ids = [deputies.save_district(db, actor, deputies.DistrictData(name, number, desc))
                    for number, name, desc in DISTRICTS]

    seat_faction = [f for f, (_, _, n) in zip(faction_ids, FACTIONS, strict=True) for _ in range(n)]
    rng.shuffle(seat_faction)
    resign_date = dt.date(year, 6, 5)
    deputy_ids: list[int] = []
    for index, (surname, given, patronymic, female) in enumerate(PEOPLE):
        successor = index == len(PEOPLE) - 1
        start = dt.date(year, 6, 19) if successor else convocation_start
        end = resign_date if index == RESIGNS else None
        faction = seat_faction[RESIGNS] if successor else seat_faction[index]
        translit = f"deputy{index + 1}"
        data = deputies.DeputyData(
            surname=surname, given_name=given, patronymic=patronymic, mandate_start=start, mandate_end=end,
            mandate_end_reason=MandateEndReason.RESIGNATION.value if end else "",
            faction_id=faction, district_id=district_ids[index % len(district_ids)],
            position="секретар ради" if index == 0 else "",
            biography=BIOGRAPHIES[index % len(BIOGRAPHIES)].replace("Народилася", "Народився" if not female
                                                                     else "Народилася"),
            phone=f"+380 67 {100 + index:03d} {10 + index:02d} {20 + index:02d}",
            phone_public=index % 3 == 0,
            email=f"{translit}@vyshnivka-rada.example.ua", email_public=index % 2 == 0,
            reception_hours=["щопонеділка 10:00–12:00", "перша середа місяця 14:00–16:00",
                             "щоп’ятниці 9:00–11:00"][index % 3],
            reception_place=["приміщення сільської ради, каб. 5", "Черешневий старостинський округ",
                             "бібліотека с. Дубове"][index % 3],
        )
        deputy_ids.append(deputies.create_deputy(db, actor, data))

    committees = [
        ("Постійна комісія з питань бюджету, фінансів та соціально-економічного розвитку", "бюджетна"),
        ("Постійна комісія з питань земельних відносин, екології та благоустрою", "земельна"),
        ("Постійна комісія з питань освіти, охорони здоров’я, культури та соціального захисту", "гуманітарна"),
    ]
    committee_ids = []
    pool = deputy_ids[1:-1]
    for index, (name, short) in enumerate(committees):
        members = pool[index::3]
        roles = [CommitteeRole.HEAD, CommitteeRole.DEPUTY_HEAD, CommitteeRole.SECRETARY]
        seats = [(d, (roles[i] if i < 3 else CommitteeRole.MEMBER).value) for i, d in enumerate(members)]
        if index == 2:
            seats.append((deputy_ids[-1], CommitteeRole.MEMBER.value))  # the successor joins later
        committee_ids.append(deputies.save_committee(db, actor, deputies.CommitteeData(name, short), members=seats))

    leaning = {f: rng.uniform(0.9, 0.99) for f in faction_ids}
    opposition = faction_ids[1]
    faction_of = {d: (seat_faction[RESIGNS] if i == len(PEOPLE) - 1 else seat_faction[i])
                  for i, d in enumerate(deputy_ids)}
    days = [dt.date(year, month, 1) for month in range(1, 13)]
    session_dates = [d + dt.timedelta(days=(3 - d.weekday()) % 7 + 14) for d in days]  # third Thursday
    session_dates[7] = dt.date(year, 8, 5)  # an extraordinary session in August
    pool_index = 0
    for number_offset, when in enumerate(session_dates):
        number = 61 + number_offset
        kind = SessionKind.EXTRAORDINARY if when.month == 8 else SessionKind.REGULAR
        session_id = sessions.create_session(db, actor, sessions.SessionData(
            number=number, date=when, kind=kind.value, place="Зала засідань Вишнівської сільської ради"))
        active = [d for i, d in enumerate(deputy_ids)
                  if (i != RESIGNS or when <= resign_date) and (i != len(PEOPLE) - 1 or when >= dt.date(year, 6, 19))]
        marks: dict[int, str | tuple[str, str]] = {}
        for d in active:
            if d == deputy_ids[ABSENTEE]:
                present = number_offset in (0, 5, 11)
            else:
                present = rng.random() < 0.9
            if present:
                marks[d] = AttendanceStatus.PRESENT.value
            elif rng.random() < 0.5:
                marks[d] = (AttendanceStatus.ABSENT_EXCUSED.value, rng.choice(EXCUSES))
            else:
                marks[d] = AttendanceStatus.ABSENT.value
        sessions.set_attendance(db, actor, session_id, marks)
        present_set = {d for d, m in marks.items() if m == AttendanceStatus.PRESENT.value}

        count = 8 + (number_offset * 7) % 8  # 8–15 items
        items = []
        for n in range(1, count + 1):
            title, initiator, two_thirds = AGENDA_POOL[0] if n == 1 else AGENDA_POOL[1 + pool_index % 23]
            if n > 1:
                pool_index += 1
            title = title.format(year=year, year2=year + 1, quarter=["I", "II", "III", "IV"][(when.month - 1) // 3])
            initiator_deputy = rng.choice(active) if initiator == InitiatorKind.DEPUTY else None
            initiator_committee = rng.choice(committee_ids) if initiator == InitiatorKind.COMMITTEE else None
            items.append(sessions.AgendaItemData(
                number=n, title=title, initiator_kind=initiator.value, initiator_deputy_id=initiator_deputy,
                initiator_committee_id=initiator_committee,
                draft_number=f"{number}/{n}" if n > 1 else "",
                majority=(Majority.TWO_THIRDS_OF_COMPOSITION if two_thirds else Majority.SIMPLE_OF_COMPOSITION).value))
        item_ids = sessions.add_agenda_items(db, actor, session_id, items)
        for n, item_id in enumerate(item_ids, start=1):
            support = (rng.uniform(0.93, 1.0) if rng.random() < 0.88 else rng.uniform(0.3, 0.6)) if n > 1 else 1.0
            rounds = ["за основу", "в цілому"] if "бюджет" in items[n - 1].title and n > 1 else ["в цілому"]
            final = None
            for title in rounds:
                options: dict[int, VoteOption] = {}
                for d in active:
                    if d not in present_set:
                        options[d] = VoteOption.ABSENT
                        continue
                    p = leaning[faction_of[d]] * support * (0.8 if faction_of[d] == opposition else 1.0)
                    roll = rng.random()
                    if roll < p:
                        options[d] = VoteOption.FOR
                    elif roll < p + (1 - p) * 0.4:
                        options[d] = VoteOption.AGAINST
                    elif roll < p + (1 - p) * 0.8:
                        options[d] = VoteOption.ABSTAINED
                    else:
                        options[d] = VoteOption.NOT_VOTING
                final = rollcalls.save_roll_call(db, actor, item_id, options, rollcalls.RollCallData(title=title))
            if final is not None and final.passed and n > 1:
                number_text = decision_number(number, n, 8)
                sessions.save_decision(db, actor, sessions.DecisionData(
                    number=number_text, date=when, title=items[n - 1].title, agenda_item_id=item_id,
                    roll_call_id=final.id,
                    text=f"Рішення {number_text} ухвалено на {number}-й сесії Вишнівської сільської ради VIII "
                         "скликання. Повний текст рішення оприлюднено на офіційному сайті ради.",
                    file=MINIMAL_PDF if n == 2 else None, file_name=f"rishennia-{number}-{n}.pdf" if n == 2 else ""))

    _initiatives(db, actor, deputy_ids, year, rng)


def _initiatives(db: Database, actor: Actor, deputy_ids: list[int], year: int, rng: random.Random) -> None:
    today = dt.date.today()
    samples = [
        (InitiativeKind.INQUIRY, "Щодо стану ремонту дороги по вул. Шкільній", "Сільський голова",
         InitiativeStatus.ANSWERED, "Ремонт заплановано на травень; кошти передбачено в бюджеті."),
        (InitiativeKind.APPEAL, "Щодо відновлення вуличного освітлення в с. Черешневе", "Виконавчий комітет",
         InitiativeStatus.ANSWERED, "Ліхтарі замінено в повному обсязі."),
        (InitiativeKind.DRAFT_DECISION, "Проєкт рішення «Про Програму вуличного освітлення сіл громади»",
         "Сільська рада", InitiativeStatus.SUPPORTED, "Рішення ухвалено на сесії."),
        (InitiativeKind.INQUIRY, "Щодо підвезення учнів з хутора Їжаки", "Відділ освіти",
         InitiativeStatus.ANSWERED, "Маршрут шкільного автобуса продовжено до хутора."),
        (InitiativeKind.PROPOSAL, "Пропозиція облаштувати пункт незламності в бібліотеці с. Дубове",
         "Сільський голова", InitiativeStatus.IN_PROGRESS, ""),
        (InitiativeKind.APPEAL, "Щодо графіка прийому в амбулаторії с. Ясени", "КНП «Центр первинної медичної "
         "допомоги»", InitiativeStatus.REJECTED, "Графік змінити неможливо через нестачу лікарів."),
        (InitiativeKind.INQUIRY, "Щодо використання коштів на утримання доріг у {year} році", "Фінансовий відділ",
         InitiativeStatus.SUBMITTED, ""),
        (InitiativeKind.APPEAL, "Щодо встановлення зупинки громадського транспорту біля ліцею",
         "Виконавчий комітет", InitiativeStatus.SUBMITTED, ""),
    ]
    for index, (kind, title, addressee, status, answer) in enumerate(samples):
        deputy_id = deputy_ids[[1, 2, 5, 7, 11, 14, 3, 16][index]]
        if status in (InitiativeStatus.SUBMITTED,):
            submitted = today - dt.timedelta(days=[40, 6][index % 2])  # one overdue inquiry, one appeal due soon
        else:
            submitted = dt.date(year, 2 + index, 10)
        answered = submitted + dt.timedelta(days=rng.randint(5, 25)) if answer else None
        initiatives.save_initiative(db, actor, initiatives.InitiativeData(
            deputy_id=deputy_id, kind=kind.value, number=f"{index + 1}/{submitted.year}",
            title=title.format(year=year), submitted_on=submitted, addressee=addressee, status=status.value,
            answer=answer, answered_on=answered))
    meeting = today + dt.timedelta(days=12)
    initiatives.save_annual_report(db, actor, initiatives.AnnualReportData(
        deputy_id=deputy_ids[0], year=year, meeting_date=meeting,
        meeting_place="Будинок культури с. Вишнівка, 18:00",
        committee_work="Як секретар ради готувала порядок денний усіх 12 сесій, забезпечувала оприлюднення "
                       "рішень і поіменних голосувань на сайті ради.",
        voter_work="Провела 11 прийомів громадян, розглянуто 37 звернень: ремонт доріг, освітлення, підвезення "
                   "учнів. За сприяння депутатки відремонтовано дах Вишнівського ліцею.",
        district_work="Ініціювала облаштування укриття у Ґудзівській гімназії та продовження маршруту "
                      "шкільного автобуса до хутора Їжаки.",
        plans="Добудова спортивного майданчика, енергонезалежність амбулаторії, відкриті засідання комісій."))

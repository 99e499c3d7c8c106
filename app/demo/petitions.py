"""Demo data for citizen proposals: petitions in every state and a year of citizens' appeals.

Dates are relative to the day the demo is built, so the states make sense whenever it is
opened: one petition a few signatures short of its threshold, one that reached it and is
overdue for an answer, one answered, one that failed and went on as an appeal... Signatures
and the year of appeals go in with the bulk services (one transaction each), so the demo
builds in well under a second.
"""

from __future__ import annotations

import datetime as dt
import random

from app.db.engine import Database
from app.domain.calendar import WorkingCalendar
from app.domain.petitions import CollectionWindow, PetitionOutcome
from app.services import appeals, petitions
from app.services.appeals import AppealAnswer, AppealInput
from app.services.core import holidays
from app.services.core.auth import Actor
from app.services.petitions import PetitionInput, SignatureInput

SURNAMES = [
    "Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Шевчук", "Поліщук", "Бойко",
    "Мельник", "Лисенко", "Руденко", "Савченко", "Марченко", "Мороз", "Петренко", "Клименко", "Павленко",
    "Левченко", "Гончаренко", "Д’яченко", "Ґалаґан", "Їжакевич", "Литвиненко", "Кузьменко", "Сидоренко",
    "Гнатюк", "Остапчук", "Романюк", "Юрченко", "Пономаренко", "Захарченко", "Вакуленко", "Прокоп’юк",
]
MALE = ["Іван", "Олександр", "Петро", "Андрій", "Микола", "Сергій", "Юрій", "Василь", "Остап", "Тарас", "Богдан",
        "Ігор", "Дмитро", "Віталій", "Олег"]
FEMALE = ["Марія", "Олена", "Ганна", "Наталія", "Оксана", "Ірина", "Тетяна", "Ярина", "Софія", "Людмила",
          "Галина", "Ольга", "Юлія", "Мар’яна", "Катерина"]
PATRONYMICS = [  # (male, female)
    ("Іванович", "Іванівна"), ("Петрович", "Петрівна"), ("Миколайович", "Миколаївна"), ("Васильович", "Василівна"),
    ("Сергійович", "Сергіївна"), ("Андрійович", "Андріївна"), ("Олександрович", "Олександрівна"),
    ("Юрійович", "Юріївна"), ("Богданович", "Богданівна"),
]
STREETS = ["вул. Центральна", "вул. Шкільна", "вул. Садова", "вул. Лесі Українки", "вул. Миру", "вул. Польова",
           "вул. Молодіжна", "пров. Вишневий", "вул. Зарічна", "вул. Соборна"]
VILLAGES = ["с. Вишнівка", "с. Липівка", "с. Дубове", "с. Зелений Гай"]
OFFICIALS = ["Оксана Мельничук", "Петро Гайовий", "Наталія Кравець", "Віктор Соловйов", "Людмила Бабенко"]
HEAD = "Сільський голова Іван Гребенюк"

APPEAL_TOPICS = [
    ("Благоустрій та вуличне освітлення", "Прошу відновити освітлення на вулиці: ліхтарі не працюють з осені."),
    ("Ремонт доріг", "Прошу засипати ями на дорозі біля будинку, після дощів не проїхати."),
    ("Вивезення сміття", "Контейнери біля магазину не вивозять понад тиждень."),
    ("Земельні питання", "Прошу надати дозвіл на виготовлення проєкту землеустрою для ведення городу."),
    ("Соціальний захист", "Прошу призначити одноразову матеріальну допомогу на лікування."),
    ("Освіта", "Прошу організувати підвезення дітей до опорного ліцею."),
    ("Охорона здоров’я", "Прошу збільшити години прийому лікаря в амбулаторії."),
    ("Водопостачання", "Низький тиск води в мережі, прошу перевірити насосну станцію."),
    ("Укриття та безпека", "Прошу облаштувати укриття в будинку культури."),
    ("Житлові питання", "Прошу взяти на облік як внутрішньо переміщену особу, що потребує житла."),
    ("Транспорт", "Прошу змінити розклад автобуса до районного центру."),
    ("Довідки та документи", "Прошу видати довідку про склад сім’ї."),
]
RESULT_WEIGHTS = [("resolved", 45), ("explained", 35), ("refused", 12), ("forwarded", 8)]
KIND_WEIGHTS = [("statement", 60), ("complaint", 22), ("proposal", 18)]
CHANNEL_WEIGHTS = [("in_person", 34), ("post", 22), ("email", 22), ("reception", 12), ("hotline", 10)]

APPEALS_PER_YEAR = 360


def _person(rng: random.Random) -> str:
    surname = rng.choice(SURNAMES)  # these surnames are the same for women and men
    male, female = rng.choice(PATRONYMICS)
    if rng.random() < 0.55:
        return f"{surname} {rng.choice(FEMALE)} {female}"
    return f"{surname} {rng.choice(MALE)} {male}"


def _people(rng: random.Random, count: int) -> list[str]:
    """``count`` different people (different normalised names)."""
    seen: set[str] = set()
    people: list[str] = []
    while len(people) < count:
        name = _person(rng)
        if name not in seen:
            seen.add(name)
            people.append(name)
    return people


def _address(rng: random.Random) -> str:
    return f"{rng.choice(VILLAGES)}, {rng.choice(STREETS)}, {rng.randint(1, 120)}"


def _phone(rng: random.Random) -> str:
    return f"+380 {rng.choice(['50', '67', '63', '97', '66'])} {rng.randint(100, 999)} {rng.randint(10, 99)} " \
           f"{rng.randint(10, 99)}"


def _weighted(rng: random.Random, weights: list[tuple[str, int]]) -> str:
    return rng.choices([w[0] for w in weights], [w[1] for w in weights])[0]


def _signatures(
    rng: random.Random, names: list[str], first: dt.date, last: dt.date, *, reached_on: dt.date | None = None,
    threshold: int = 0,
) -> list[SignatureInput]:
    """Signatures dated between ``first`` and ``last``; the ``threshold``-th exactly on ``reached_on``."""
    span = max((last - first).days, 0)
    dates = sorted(first + dt.timedelta(days=rng.randint(0, span)) for _ in names)
    if reached_on is not None and threshold:
        before = [d for d in dates if d <= reached_on][: threshold - 1]
        before += [first + dt.timedelta(days=rng.randint(0, max((reached_on - first).days, 0)))
                   for _ in range(threshold - 1 - len(before))]
        after_span = max((last - reached_on).days, 0)
        after = [reached_on + dt.timedelta(days=rng.randint(0, after_span)) for _ in range(len(names) - threshold)]
        dates = sorted(before) + [reached_on] + sorted(after)
    result = []
    for name, signed_on in zip(names, dates, strict=True):
        channel = "online" if rng.random() < 0.6 else "paper"
        result.append(SignatureInput(name, signed_on, _address(rng) if channel == "paper" else "",
                                     _phone(rng) if rng.random() < 0.5 else "", channel))
    return result


def _published_for_end(window: CollectionWindow, end: dt.date) -> dt.date:
    """The latest publication date whose collection window ends on or before ``end``."""
    published = end
    while window.end_date(published) > end:
        published -= dt.timedelta(days=1)
    return published


def _working_days_before(cal: WorkingCalendar, today: dt.date, n: int) -> dt.date:
    return cal.add_working_days(today, -n)


PETITIONS = [
    # key, title, text, responsible
    ("answered_yes", "Облаштувати безпечний пішохідний перехід біля Вишнівського ліцею",
     "Щодня понад 200 дітей переходять дорогу Т-10-15 біля ліцею без світлофора й освітлення. Просимо "
     "облаштувати острівець безпеки, встановити освітлення пішохідного переходу та знаки обмеження швидкості.",
     "Петро Гайовий"),
    ("answered_no", "Перейменувати вулицю Гагаріна на вулицю Героїв Вишнівки",
     "Пропонуємо перейменувати вулицю на честь земляків, які загинули, захищаючи Україну.",
     "Наталія Кравець"),
    ("failed_appeal", "Відкрити у селі Дубове пункт видачі посилок",
     "Найближче відділення поштового оператора — за 14 км. Просимо сприяти відкриттю пункту видачі в "
     "приміщенні старостату.", "Оксана Мельничук"),
    ("overdue", "Відремонтувати дах амбулаторії в селі Липівка",
     "Дах амбулаторії протікає, у кабінеті лікаря цвіль. Просимо передбачити кошти на ремонт у бюджеті.",
     "Віктор Соловйов"),
    ("due_soon", "Встановити дитячий майданчик у парку над ставком",
     "У центрі села немає жодного сучасного дитячого майданчика. Просимо встановити його в парку над ставком.",
     "Людмила Бабенко"),
    ("failed_open", "Заборонити рух вантажівок вулицею Зарічною",
     "Вантажівки агрохолдингу руйнують дорогу та паркани. Просимо встановити знак заборони руху вантажних "
     "автомобілів.", "Петро Гайовий"),
    ("near", "Облаштувати укриття в Липівській гімназії",
     "Укриття гімназії вміщує лише половину учнів. Просимо передбачити кошти на облаштування підвалу.",
     "Наталія Кравець"),
    ("collecting", "Провести вуличне освітлення на вулиці Польовій",
     "На вулиці Польовій немає жодного ліхтаря. Просимо провести освітлення із сонячними панелями.",
     "Оксана Мельничук"),
    ("draft", "Збудувати критий майданчик для міні-футболу",
     "Просимо передбачити у бюджеті будівництво критого майданчика біля стадіону.", ""),
]


def build(db: Database, actor: Actor) -> None:
    """Petitions in every state, their signatures, and a year of appeals (≈360)."""
    rng = random.Random(20260427)
    today = dt.date.today()
    cal = holidays.working_calendar(db)
    threshold, window = petitions.collection_rules(db)
    people = _people(rng, 900)
    authors = _people(random.Random(7), len(PETITIONS))
    cursor = 0

    def take(n: int) -> list[str]:
        nonlocal cursor
        chosen = people[cursor:cursor + n]
        cursor += n
        if cursor >= len(people) - 200:
            cursor = 0
        return chosen

    for index, (key, title, text, responsible) in enumerate(PETITIONS):
        author = authors[index]
        # Dates: chosen so each petition lands in the state its key names.
        published: dt.date | None
        if key == "draft":
            submitted = _working_days_before(cal, today, 1)  # publication due tomorrow
            published = None
        elif key == "collecting":
            published = today - dt.timedelta(days=12)
        elif key == "near":
            published = _published_for_end(window, today + dt.timedelta(days=9))  # 9 days left, 7 short
        elif key == "failed_open":
            published = _published_for_end(window, today - dt.timedelta(days=29))  # hand-over as appeal due
        else:
            published = today - dt.timedelta(days={"due_soon": 40, "overdue": 70, "failed_appeal": 230,
                                                   "answered_no": 160, "answered_yes": 300}[key])
        if published is not None:
            submitted = cal.add_working_days(published, -1)
        pid = petitions.create_petition(db, actor, PetitionInput(
            title=title, text=text, author_name=author, submitted_on=submitted,
            author_address=_address(rng), author_phone=_phone(rng),
            author_email=f"author{index + 1}@example.org", responsible=responsible,
            online_url=f"https://vyshnivka-rada.example.ua/petytsii/{index + 1}" if index % 2 == 0 else "",
        ), today=today)
        if published is None:
            continue
        detail = petitions.get_petition(db, pid, today)
        petitions.publish_petition(db, actor, pid, published, detail.version, today=today)
        ends = window.end_date(published)
        last = min(today, ends)
        if key == "collecting":
            sigs = _signatures(rng, take(27), published, last)
        elif key == "near":
            sigs = _signatures(rng, take(threshold - 7), published, last)
        elif key in ("failed_open", "failed_appeal"):
            sigs = _signatures(rng, take(threshold // 3 + 11), published, last)
        else:
            if key == "due_soon":
                reached = cal.add_working_days(today, -8)
            elif key == "overdue":
                reached = cal.add_working_days(today, -19)
            else:
                reached = published + dt.timedelta(days=35)
            extra = {"answered_yes": 64, "answered_no": 21, "overdue": 9, "due_soon": 4}[key]
            sigs = _signatures(rng, take(threshold + extra), published, last, reached_on=reached,
                               threshold=threshold)
        petitions.add_signatures(db, actor, pid, sigs, source="демонстраційні дані", today=today)
        detail = petitions.get_petition(db, pid, today)
        if key in ("answered_yes", "answered_no"):
            assert detail.threshold_reached_on is not None
            answered_on = cal.add_working_days(detail.threshold_reached_on, 8)
            if key == "answered_yes":
                outcome = PetitionOutcome.SUPPORTED
                answer = ("Вишнівська сільська рада підтримує петицію. Рішенням сесії передбачено 380 000 грн на "
                          "облаштування острівця безпеки, освітлення та дорожніх знаків біля ліцею; роботи "
                          "виконає комунальне підприємство до початку навчального року.")
            else:
                outcome = PetitionOutcome.NOT_SUPPORTED
                answer = ("Петицію розглянуто. Перейменування вулиць здійснюється після громадського обговорення "
                          "та висновку топонімічної комісії; комісія рекомендувала іншу вулицю. Питання буде "
                          "винесено на громадське обговорення.")
            petitions.answer_petition(db, actor, pid, outcome=outcome, answered_on=answered_on, answer_text=answer,
                                      answered_by=HEAD, expected_version=detail.version, today=today)
            if key == "answered_yes":
                _link_decision(db, actor, pid, answered_on, title)
        elif key == "failed_appeal":
            appeal_id = petitions.register_as_appeal(db, actor, pid, today=today)
            appeal = appeals.get_appeal(db, appeal_id, today)
            appeals.answer_appeal(
                db, actor, appeal_id, answered_on=cal.add_working_days(appeal.received_on, 12), result="forwarded",
                answer_text="Звернення надіслано поштовим операторам; АТ «Укрпошта» погодило пересувне "
                            "відділення у Дубовому щосереди.",
                answered_by=HEAD, expected_version=appeal.version, today=today)

    _appeals_year(db, actor, rng, cal, today)


def _link_decision(db: Database, actor: Actor, petition_id: int, day: dt.date, title: str) -> None:
    """The council's decision that carried out the supported petition, linked to it."""
    from app.services.deputies import sessions
    from app.services.petitions import links as petition_links

    number = f"П-1/{day.year}"
    existing = [d.id for d in sessions.list_decisions(db, number) if d.number == number]
    decision_id = existing[0] if existing else sessions.save_decision(db, actor, sessions.DecisionData(
        number=number, date=day, title=f"Про підтримку електронної петиції №1 «{title}» і виділення коштів",
        text="Підтримати петицію; передбачити 380 000 грн у бюджеті громади на облаштування переходу."))
    petition_links.set_link(db, actor, petition_id, agenda_item_id=None, decision_id=decision_id)


def _appeals_year(db: Database, actor: Actor, rng: random.Random, cal: WorkingCalendar, today: dt.date) -> None:
    """A year of appeals, most answered on time, some late, a few open and overdue; some repeated."""
    start = today - dt.timedelta(days=365)
    regulars = [(name, rng.randrange(len(APPEAL_TOPICS))) for name in _people(random.Random(11), 12)]
    people = _people(random.Random(13), 400)
    records: list[tuple[AppealInput, AppealAnswer | None]] = []
    for i in range(APPEALS_PER_YEAR):
        received = start + dt.timedelta(days=int(365 * i / APPEALS_PER_YEAR) + rng.randint(0, 1))
        received = cal.roll_forward(received)
        if received > today:
            received = today
        if rng.random() < 0.1:
            name, topic_index = rng.choice(regulars)  # writes again on the same topic: flagged as repeated
        else:
            name, topic_index = rng.choice(people), rng.randrange(len(APPEAL_TOPICS))
        topic, summary = APPEAL_TOPICS[topic_index]
        needs_study = rng.random() < 0.7
        channel = _weighted(rng, CHANNEL_WEIGHTS)
        data = AppealInput(
            received_on=received, channel=channel, kind=_weighted(rng, KIND_WEIGHTS), applicant_name=name,
            summary=summary, topic=topic, applicant_address=_address(rng),
            applicant_phone=_phone(rng) if rng.random() < 0.8 else "",
            applicant_email=f"resident{i}@example.org" if channel == "email" else "",
            assignee=rng.choice(OFFICIALS), needs_study=needs_study,
        )
        term = 30 if needs_study else 15
        due = cal.roll_forward(received + dt.timedelta(days=term))
        age = (today - received).days
        answer = None
        late = rng.random() < 0.06
        if age > term or (age > 3 and rng.random() < 0.6):
            if age > term and rng.random() < 0.012:
                answer = None  # forgotten: overdue now
            else:
                answered = due + dt.timedelta(days=rng.randint(1, 6)) if late else \
                    received + dt.timedelta(days=rng.randint(2, max(3, min(term, age) - 1)))
                answered = min(answered, today)
                result = _weighted(rng, RESULT_WEIGHTS)
                answer = AppealAnswer(answered, result, "Заявнику надано письмову відповідь по суті звернення.",
                                      HEAD if rng.random() < 0.4 else data.assignee)
        records.append((data, answer))
    # Two appeals overdue for sure and two due within days, whatever the random draw gave.
    for days_ago in (41, 38):
        records.append((AppealInput(
            received_on=cal.roll_forward(today - dt.timedelta(days=days_ago)), channel="post", kind="complaint",
            applicant_name=rng.choice(people), summary="Скарга на бездіяльність комунального підприємства щодо "
            "ремонту водогону.", topic="Водопостачання", applicant_address=_address(rng),
            applicant_phone=_phone(rng), assignee=OFFICIALS[1]), None))
    for days_ago in (28, 27):
        received = cal.roll_forward(today - dt.timedelta(days=days_ago))
        if received <= today:
            records.append((AppealInput(
                received_on=received, channel="email", kind="statement", applicant_name=rng.choice(people),
                summary="Прошу надати інформацію про графік ремонту доріг.", topic="Ремонт доріг",
                applicant_email="roads@example.org", assignee=OFFICIALS[0]), None))
    appeals.import_appeals(db, actor, records, source="демонстраційний реєстр за рік", today=today)
    # One open appeal that needed a longer study: its term was extended to 45 days.
    open_rows = [r for r in appeals.list_appeals(db, today, appeals.AppealFilter(state="open"))
                 if r.needs_study and 15 <= (today - r.received_on).days <= 28]
    for row in open_rows[:2]:
        appeals.extend_appeal(db, actor, row.id, new_total_days=45, reason="Потрібне обстеження на місці та запит "
                              "до районної адміністрації.", expected_version=row.version, today=today)

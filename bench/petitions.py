"""Citizen proposals at the scale of a large hromada, with the targets of issue 4.

    python bench/petitions.py [--db PATH]

Builds (in a temporary SQLite file unless --db is given) 1,000 published petitions with
100,000 signatures between them, then measures and prints:

* importing a 20,000-row CSV of signatures (read, check every row against 100k, write) — target < 2 s;
* the petitions list search, one call per keystroke while typing a word — target < 50 ms each;
* the public register PDF of the 1,000 petitions — target < 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from app.db.engine import open_database  # noqa: E402
from app.db.models.petitions import Petition, PetitionSignature  # noqa: E402
from app.demo.profile import DEMO_PROFILE  # noqa: E402
from app.domain.names import normalize_person_name  # noqa: E402
from app.interchange import signatures_import  # noqa: E402
from app.reports import petitions_register  # noqa: E402
from app.services import petitions
from app.services.core import council  # noqa: E402
from app.services.petitions.common import petition_search_key

PETITIONS = 1_000
SIGNATURES = 100_000
CSV_ROWS = 20_000
TODAY = dt.date(2026, 11, 20)

SURNAMES = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Олійник", "Шевчук", "Поліщук",
            "Бойко", "Мельник", "Лисенко", "Руденко", "Савченко", "Марченко", "Мороз", "Петренко", "Клименко",
            "Павленко", "Левченко", "Гончаренко", "Д’яченко", "Ґалаґан", "Їжакевич", "Литвиненко", "Кузьменко",
            "Сидоренко", "Гнатюк", "Остапчук", "Романюк", "Юрченко", "Пономаренко", "Захарченко", "Вакуленко",
            "Прокоп’юк", "Білик", "Гуменюк", "Дорошенко", "Зінченко", "Кириленко", "Онищенко"]
GIVEN = ["Іван", "Олександр", "Петро", "Андрій", "Микола", "Сергій", "Юрій", "Василь", "Остап", "Тарас",
         "Богдан", "Ігор", "Дмитро", "Віталій", "Олег", "Марія", "Олена", "Ганна", "Наталія", "Оксана", "Ірина",
         "Тетяна", "Ярина", "Софія", "Людмила", "Галина", "Ольга", "Юлія", "Мар’яна", "Катерина"]
PATRONYMICS = ["Іванович", "Петрівна", "Миколайович", "Василівна", "Сергійович", "Андріївна", "Олександрович",
               "Юріївна", "Богданович", "Степанівна", "Григорович", "Тарасівна", "Романович", "Олегівна",
               "Дмитрович", "Ігорівна", "Федорович", "Павлівна", "Михайлович", "Іллівна"]
TOPICS = ["Ремонт дороги", "Вуличне освітлення", "Дитячий майданчик", "Укриття в ліцеї", "Благоустрій парку",
          "Зупинка громадського транспорту", "Вивезення сміття", "Водогін", "Спортивний майданчик", "Амбулаторія"]
STREETS = ["Центральна", "Шкільна", "Садова", "Лесі Українки", "Миру", "Польова", "Зарічна"]


def names() -> list[str]:
    return [f"{s} {g} {p}" for s, g, p in itertools.product(SURNAMES, GIVEN, PATRONYMICS)]


def build(db_path: Path) -> tuple[object, object, int]:
    db = open_database(db_path)
    _, actor = council.setup_council(db, DEMO_PROFILE)
    rng = random.Random(4)
    everyone = names()
    started = time.perf_counter()
    with db.write() as s:
        rows = []
        for number in range(1, PETITIONS + 1):
            title = f"{rng.choice(TOPICS)} на вулиці {rng.choice(STREETS)}, {number}"
            author = rng.choice(everyone)
            published = TODAY - dt.timedelta(days=rng.randint(0, 700))
            rows.append({
                "number": number, "title": title, "text": "Просимо вирішити питання. " * 5, "author_name": author,
                "author_address": "", "author_phone": "", "author_email": "", "responsible": "", "online_url": "",
                "submitted_on": published - dt.timedelta(days=1), "published_on": published, "threshold": 100,
                "window_length": 3, "window_unit": "months", "signature_count": 0, "answer_text": "",
                "answered_by": "", "search_key": petition_search_key(number, title, author),
            })
        s.execute(insert(Petition), rows)
        ids = [(pid, published) for pid, published in s.execute(select(Petition.id, Petition.published_on))]
        per_petition = SIGNATURES // PETITIONS
        batch = []
        for pid, published in ids:
            for name in rng.sample(everyone, per_petition):
                batch.append({"petition_id": pid, "signer_name": name, "signer_key": normalize_person_name(name),
                              "address": f"вул. {rng.choice(STREETS)}, {rng.randint(1, 99)}", "phone": "",
                              "signed_on": published + dt.timedelta(days=rng.randint(0, 20)), "channel": "online",
                              "source": "bench"})
            if len(batch) >= 20_000:
                s.execute(insert(PetitionSignature), batch)
                batch = []
        if batch:
            s.execute(insert(PetitionSignature), batch)
        for petition in s.execute(select(Petition)).scalars():
            petitions.recount(s, petition)
    print(f"setup: {PETITIONS} petitions, {SIGNATURES:,} signatures in {time.perf_counter() - started:.1f} s"
          .replace(",", " "))
    target = petitions.create_petition(db, actor, petitions.PetitionInput(
        "Облаштувати укриття в Липівській гімназії", "Текст", "Коваль Олена", TODAY - dt.timedelta(days=10)),
        today=TODAY)
    version = petitions.get_petition(db, target, TODAY).version
    petitions.publish_petition(db, actor, target, TODAY - dt.timedelta(days=9), version, today=TODAY)
    return db, actor, target


def write_csv(path: Path) -> None:
    rng = random.Random(9)
    lines = ["ПІБ;Адреса;Телефон;Дата;Спосіб"]
    for name in names()[:CSV_ROWS]:
        day = TODAY - dt.timedelta(days=rng.randint(0, 9))
        lines.append(f"{name};с. Вишнівка, вул. {rng.choice(STREETS)}, {rng.randint(1, 99)};"
                     f"+38050{rng.randint(1_000_000, 9_999_999)};{day:%d.%m.%Y};онлайн")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def verdict(value: float, target: float) -> str:
    return "OK" if value < target else "ПОВІЛЬНО"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="SQLite file to build in (default: a temporary one)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="hromada-bench-"))
    db_path = args.db or folder / "bench.sqlite3"
    db, actor, target = build(db_path)

    csv_path = folder / "pidpysy.csv"
    write_csv(csv_path)
    started = time.perf_counter()
    preview = signatures_import.preview(db, target, csv_path, today=TODAY)  # type: ignore[arg-type]
    preview_s = time.perf_counter() - started
    assert preview.ok, preview.problem_texts()[:5]
    started = time.perf_counter()
    count = signatures_import.import_file(db, actor, target, csv_path, today=TODAY)  # type: ignore[arg-type]
    import_s = time.perf_counter() - started
    total = petitions.get_petition(db, target, TODAY).signature_count  # type: ignore[arg-type]
    print(f"import of a {count:,}-row CSV (100 000 signatures already in the DB): {import_s:.2f} s "
          f"[target < 2 s: {verdict(import_s, 2)}]; preview alone {preview_s:.2f} s; petition now has {total:,}"
          .replace(",", " "))

    word = "укриття"
    timings = []
    for end in range(1, len(word) + 1):
        started = time.perf_counter()
        found = petitions.list_petitions(db, TODAY, search=word[:end])  # type: ignore[arg-type]
        timings.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    everything = petitions.list_petitions(db, TODAY)  # type: ignore[arg-type]
    full_ms = (time.perf_counter() - started) * 1000
    print(f"petitions list search while typing «{word}»: max {max(timings):.1f} ms, median "
          f"{statistics.median(timings):.1f} ms per keystroke [target < 50 ms: {verdict(max(timings), 50)}]; "
          f"{len(found)} found; whole list of {len(everything)} in {full_ms:.1f} ms")

    rows = [r for r in everything if r.published_on is not None][:PETITIONS]
    started = time.perf_counter()
    petitions_register.render_rows(db, rows, folder / "reiestr.pdf")  # type: ignore[arg-type]
    pdf_s = time.perf_counter() - started
    print(f"register PDF of {len(rows)} petitions: {pdf_s:.2f} s [target < 2 s: {verdict(pdf_s, 2)}]; "
          f"{(folder / 'reiestr.pdf').stat().st_size // 1024} KB")
    db.dispose()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How long the report kit takes to lay out long tables (PITFALLS: one huge Table is superlinear).

    python bench/report_table.py [rows ...]        default: 1000 5000 10000

Each run builds a complete A4 PDF (header, footer "Сторінка N з M", a six-column table of
Cyrillic names, dates and amounts) into memory and prints rows, pages, seconds and
milliseconds per page.
"""

from __future__ import annotations

import io
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.formats import format_money  # noqa: E402
from app.reports.kit import CouncilHeader, build_pdf, data_table, register_fonts  # noqa: E402

SURNAMES = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Д’яченко", "Ґалаґан", "Їжакевич"]
NAMES = ["Олена", "Ігор", "Єва", "Ґанна", "Юрій", "Марія", "Остап", "Ярина"]
SUBJECTS = ["Ремонт дороги", "Вуличне освітлення", "Вивезення сміття", "Укриття в ліцеї № 2", "Дитячий майданчик"]


def rows(count: int, seed: int = 1) -> list[tuple[object, ...]]:
    rng = random.Random(seed)
    start = date(2026, 1, 1)
    return [
        (
            i + 1,
            f"{rng.choice(SURNAMES)} {rng.choice(NAMES)}",
            rng.choice(SUBJECTS),
            start + timedelta(days=i % 365),
            format_money(rng.randint(10_000, 50_000_000)),
            None if i % 5 else "на контролі",
        )
        for i in range(count)
    ]


def render(count: int) -> tuple[float, int]:
    """Seconds to build a PDF with a ``count``-row table, and its page count."""
    data = rows(count)
    council = CouncilHeader("Ясенівська громада", "Ясенівська сільська рада", website="https://yasenove.gov.ua")
    out = io.BytesIO()
    started = time.perf_counter()
    story = data_table(
        ["№", "Заявник", "Предмет", "Дата", "Сума", "Статус"],
        data,
        align=["right", "left", "left", "center", "right", "left"],
    )
    build_pdf(out, title="Реєстр звернень", council=council, story=story, generated_at=datetime(2026, 11, 26, 9, 0))
    elapsed = time.perf_counter() - started
    return elapsed, out.getvalue().count(b"/Type /Page\n")


def main(argv: list[str]) -> int:
    counts = [int(a) for a in argv] or [1000, 5000, 10000]
    register_fonts()
    render(50)  # warm-up: font loading, imports
    print(f"{'rows':>7} {'pages':>6} {'seconds':>8} {'ms/page':>8}")
    for count in counts:
        seconds, pages = render(count)
        print(f"{count:>7} {pages:>6} {seconds:>8.2f} {seconds / max(pages, 1) * 1000:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

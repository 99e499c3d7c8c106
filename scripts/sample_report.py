"""Build a demo PDF that shows every element of the report kit, for visual review.

    python scripts/sample_report.py [out.pdf] [--internal] [--landscape] [--no-logo]

Then look at it, e.g. ``pdftoppm -r 70 -png out.pdf page``. The data is invented.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image, ImageDraw  # noqa: E402
from reportlab.lib.enums import TA_CENTER  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import Flowable, Paragraph, Spacer, Table  # noqa: E402

from app.domain.formats import format_money  # noqa: E402
from app.reports.kit import (  # noqa: E402
    CouncilHeader,
    bar_chart,
    build_pdf,
    data_table,
    key_value_table,
    paragraph,
    qr_flowable,
    section,
    styles,
)

SURNAMES = ["Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравченко", "Д’яченко", "Ґалаґан", "Їжакевич"]
NAMES = ["Олена", "Ігор", "Єва", "Ґанна", "Юрій", "Марія", "Остап", "Ярина"]
TOPICS = [
    "Ремонт дороги по вул. Шкільній",
    "Освітлення зупинки «Центр»",
    "Дитячий майданчик у с. Ясенове",
    "Укриття в ліцеї № 2 <тимчасове> & запасне",
    "Встановлення лавок у парку Ветеранів та облаштування доріжок для людей з інвалідністю",
]


def make_logo() -> bytes:
    """A simple shield-shaped emblem, generated so the demo needs no image files."""
    size = 240
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    shield = [(20, 16), (220, 16), (220, 120), (120, 228), (20, 120)]
    draw.polygon(shield, fill=(31, 58, 95, 255))
    draw.polygon([(38, 34), (202, 34), (202, 116), (120, 204), (38, 116)], fill=(240, 196, 40, 255))
    draw.rectangle([108, 56, 132, 170], fill=(31, 58, 95, 255))
    draw.polygon([(70, 60), (92, 60), (112, 140), (100, 150)], fill=(31, 58, 95, 255))
    draw.polygon([(170, 60), (148, 60), (128, 140), (140, 150)], fill=(31, 58, 95, 255))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def story(rng: random.Random) -> list[Flowable]:
    """A bit of everything: text, key-value sheet, big numbers, bar chart, a long table, a QR code."""
    st = styles()
    caption = ParagraphStyle("caption", parent=st.muted, alignment=TA_CENTER)
    parts: list[Flowable] = [
        paragraph(
            "Звіт підготовлено відповідно до Положення про громадський бюджет. Символи для перевірки: "
            "Їжак Ґалаґан Єва, Д’яченко, № 5 — «лапки», апостроф ’ та <кутові дужки> & амперсанд."
        ),
        *section("Загальні відомості"),
        key_value_table(
            [
                ("Період голосування", "01.09.2026 – 30.09.2026"),
                ("Обсяг громадського бюджету", format_money(250_000_000)),
                ("Кількість поданих проєктів", 27),
                ("Пункти голосування", "Бібліотека (вул. Центральна, 1)\nЦНАП (пл. Свободи, 3)"),
                ("Відповідальна особа", None),
            ]
        ),
    ]
    numbers = Table(
        [
            [Paragraph("4 812", st.big_number), Paragraph("27", st.big_number), Paragraph("9", st.big_number)],
            [Paragraph(t, caption) for t in ("проголосувало мешканців", "проєктів у бюлетені", "переможців")],
        ],
        colWidths=["33.3%", "33.3%", "33.4%"],
        style=[("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")],
    )
    parts += [*section("Підсумки в цифрах"), numbers, Spacer(1, 4 * mm)]
    labels = [f"{i + 1}. {TOPICS[i % len(TOPICS)]}" for i in range(27)]
    values = sorted((rng.randint(20, 1400) for _ in labels), reverse=True)
    parts += [
        *section("Результати голосування"),
        bar_chart(labels, values, highlight=[i < 9 for i in range(len(labels))]),
        paragraph("Темним кольором позначено проєкти-переможці.", "muted"),
    ]
    rows = [
        (
            i + 1,
            f"{rng.choice(SURNAMES)} {rng.choice(NAMES)}",
            rng.choice(TOPICS),
            date(2026, 9, 1 + i % 28),
            format_money(rng.randint(1_000_000, 99_000_000)),
            None if i % 7 == 0 else "прийнято",
        )
        for i in range(140)
    ]
    parts += [
        *section("Реєстр поданих проєктів"),
        *data_table(
            ["№", "Автор", "Назва проєкту", "Подано", "Вартість", "Статус"],
            rows,
            align=["right", "left", "left", "center", "right", "left"],
        ),
        *section("Онлайн-версія"),
        paragraph("Повні результати та відкриті дані — на сайті громади:"),
        qr_flowable("https://yasenivska-gromada.gov.ua/budget/2026"),
    ]
    return parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", nargs="?", default="sample_report.pdf")
    parser.add_argument("--internal", action="store_true", help="mark as Для службового користування")
    parser.add_argument("--landscape", action="store_true")
    parser.add_argument("--no-logo", action="store_true")
    args = parser.parse_args(argv)
    council = CouncilHeader(
        hromada_name="Ясенівська сільська територіальна громада",
        council_name="Ясенівська сільська рада",
        address="вул. Центральна, 1, с. Ясенове, 12345",
        website="https://yasenivska-gromada.gov.ua",
        logo=None if args.no_logo else make_logo(),
    )
    build_pdf(
        args.out,
        title="Громадський бюджет 2026: результати голосування",
        subtitle="Підсумковий протокол комісії з питань громадського бюджету",
        council=council,
        story=story(random.Random(2026)),
        public=not args.internal,
        landscape=args.landscape,
        generated_at=datetime(2026, 10, 2, 9, 30),
        qr_url="https://yasenivska-gromada.gov.ua/budget/2026/results",
    )
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

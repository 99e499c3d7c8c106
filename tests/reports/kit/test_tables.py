"""Tests of report tables: long tables over many pages, widths, key-value sheets, tiles."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from app.reports.kit import A4_FRAME_WIDTH, data_table, key_value_table, number_tiles, paragraph, styles
from tests.reports.kit.kit_utils import SAMPLE, build
from tests.reports.pdf_utils import pdf_pages, pdf_text


def test_two_thousand_row_table_renders_every_row_once_with_headers(tmp_path: Path) -> None:
    rows = [(i, f"Р{i:05d}К", "Шевченко Олена Іванівна", date(2026, 1, 1 + i % 28), None) for i in range(2000)]
    story = data_table(
        ["№", "Код", "Прізвище", "Дата", "Примітка"], rows, align=["right", "left", "left", "center", "left"]
    )
    pages = pdf_pages(build(tmp_path / "r.pdf", story))
    assert len(pages) > 20
    codes = re.findall(r"Р(\d{5})К", "\n".join(pages))
    assert codes == [f"{i:05d}" for i in range(2000)]
    assert all(text.count("Прізвище") == 1 for text in pages)


def test_chunks_never_repeat_the_header_mid_page(tmp_path: Path) -> None:
    rows = [(f"рядок {i}",) for i in range(300)]
    pages = pdf_pages(build(tmp_path / "r.pdf", data_table(["Заголовок"], rows, chunk_size=7)))
    assert len(pages) > 2
    assert [text.count("Заголовок") for text in pages] == [1] * len(pages)
    assert re.findall(r"рядок (\d+)", "\n".join(pages)) == [str(i) for i in range(300)]


def test_row_taller_than_a_page_is_split_inside_the_row(tmp_path: Path) -> None:
    appeal = " ".join(f"слово{i}" for i in range(3000))  # a long appeal text in one cell
    rows = [(1, "коротко"), (2, appeal), (3, "після")]
    story = [paragraph("вступ " * 200), *data_table(["№", "Текст звернення"], rows, col_widths=[0.1, 0.9])]
    pages = pdf_pages(build(tmp_path / "r.pdf", story))
    text = "\n".join(pages)
    assert re.findall(r"слово(\d+)", text) == [str(i) for i in range(3000)]
    assert text.index("коротко") < text.index("слово0") < text.index("після")
    assert all(page.count("Текст звернення") == 1 for page in pages)


def test_table_values_none_ints_dates_and_flowables(tmp_path: Path) -> None:
    cell = Paragraph("<b>готовий абзац</b>", styles().cell)
    story = data_table(["А", "Б", "В", "Г"], [[None, 1234, date(2026, 3, 8), cell]])
    text = pdf_text(build(tmp_path / "r.pdf", story))
    assert "1234" in text and "08.03.2026" in text and "готовий абзац" in text and "None" not in text


def test_empty_table_says_so(tmp_path: Path) -> None:
    text = pdf_text(build(tmp_path / "r.pdf", data_table(["Петиція", "Підписи"], [])))
    assert "Петиція" in text and "Записів немає" in text


def test_column_widths_fractions_points_and_errors(tmp_path: Path) -> None:
    rows = [("1 234 567,89 грн", "текст")] * 3
    for widths in ([0.3, 0.7], [150.0, 200.0], None):
        pdf = build(tmp_path / "r.pdf", data_table(["Сума", "Опис"], rows, col_widths=widths))
        assert pdf_text(pdf).count("1 234 567,89 грн") == 3  # amounts never break across lines
    with pytest.raises(ValueError):
        data_table(["А", "Б"], rows, col_widths=[1.0])
    with pytest.raises(ValueError):
        data_table(["А", "Б"], rows, align=["left", "middle"])
    with pytest.raises(ValueError):
        data_table(["А", "Б"], [("тільки одне",)])


def test_key_value_table(tmp_path: Path) -> None:
    story = [key_value_table([("Прізвище, ім’я", SAMPLE), ("Округ", 7), ("Фракція", None)])]
    text = pdf_text(build(tmp_path / "r.pdf", story))
    assert SAMPLE in text and "Округ" in text and "—" in text


def test_number_tiles_shrink_long_values_unless_told_not_to(tmp_path: Path) -> None:
    items = [("1 264 800 грн", "витрачено"), ("3", "проєкти")]
    fitted = number_tiles(items, A4_FRAME_WIDTH)
    fixed = number_tiles(items, A4_FRAME_WIDTH, value_size=26, fit_values=False, padding=(5, 6), space_after=0)
    assert fitted._cellvalues[0][0].style.fontSize == pytest.approx(22 * 10 / 13)  # 13 characters
    assert fixed._cellvalues[0][0].style.fontSize == 26
    assert number_tiles([("7", "сесій")], A4_FRAME_WIDTH)._cellvalues[0][0].style.fontSize == 22
    assert (fitted.spaceAfter, fixed.spaceAfter) == (8, 0)
    assert fitted._colWidths == [A4_FRAME_WIDTH / 2] * 2
    text = " ".join(pdf_text(build(tmp_path / "r.pdf", [fitted, fixed])).split())
    assert text.count("1 264 800 грн") == 2 and text.count("проєкти") == 2

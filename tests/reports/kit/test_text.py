"""Tests of text in reports: escaping for paragraph markup, numbers kept on one line."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from app.domain.formats import NBSP
from app.reports.kit import bar_chart, data_table, esc, keep_numbers, key_value_table, paragraph, section
from app.reports.kit.text import keep_number_together, markup, plain_text
from tests.reports.kit.kit_utils import build
from tests.reports.pdf_utils import pdf_text


def test_markup_characters_are_escaped_everywhere(tmp_path: Path) -> None:
    tricky = "Ремонт <школи> & саду <b>не жирним</b>"
    story = [
        paragraph(tricky),
        *section(tricky),
        *data_table([tricky], [[tricky]]),
        key_value_table([(tricky, tricky)]),
        bar_chart([tricky], [5]),
    ]
    text = " ".join(pdf_text(build(tmp_path / "r.pdf", story, title=tricky)).split())
    assert text.count(tricky) == 8  # title, paragraph, heading, header cell, cell, key, value, chart label


def test_esc_handles_none_controls_and_newlines() -> None:
    assert esc(None) == ""
    assert esc("a<b>&c") == "a&lt;b&gt;&amp;c"
    assert esc("x\x00y\x1bz\tw\r\nv") == "xyz w\nv"
    assert esc(42) == "42"


def test_keep_numbers_joins_digit_groups_anywhere_in_a_text() -> None:
    assert keep_numbers("вартість 93 500,00 грн, 2 проєкти") == f"вартість 93{NBSP}500,00 грн, 2 проєкти"
    assert keep_numbers("без чисел") == "без чисел"


def test_a_cell_holding_only_a_number_never_breaks() -> None:
    assert keep_number_together("1 234,50 грн") == f"1{NBSP}234,50{NBSP}грн"
    assert keep_number_together("12,5 %") == f"12,5{NBSP}%"
    assert keep_number_together("вул. Шкільна 5") == "вул. Шкільна 5"


def test_cell_values_as_text() -> None:
    assert plain_text(None) == ""
    assert plain_text(date(2026, 3, 8)) == "08.03.2026"
    assert plain_text(datetime(2026, 11, 26, 14, 5)) == "26.11.2026 14:05"
    assert plain_text(7) == "7"
    assert markup("рядок\nдругий <x>") == "рядок<br/>другий &lt;x&gt;"

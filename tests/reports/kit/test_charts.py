"""Tests of the bar chart."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.reports.kit import bar_chart
from tests.reports.kit.kit_utils import build
from tests.reports.pdf_utils import pdf_pages, pdf_text


def test_bar_chart_splits_across_pages_and_keeps_every_row(tmp_path: Path) -> None:
    labels = [f"Проєкт {i:02d}: облаштування дитячого майданчика біля школи № {i}" for i in range(80)]
    values = [1000 - i * 11 for i in range(80)]
    chart = bar_chart(labels, values, highlight=[i < 5 for i in range(80)])
    pages = pdf_pages(build(tmp_path / "r.pdf", [chart]))
    assert len(pages) > 1
    text = "\n".join(pages)
    assert re.findall(r"Проєкт (\d\d):", text) == [f"{i:02d}" for i in range(80)]
    assert "1 000" in text  # format_int by default


def test_bar_chart_edge_cases(tmp_path: Path) -> None:
    story = [bar_chart([], []), bar_chart(["нуль", "мінус"], [0, -3]), bar_chart(["гроші"], [150000], value_format=str)]
    assert "150000" in pdf_text(build(tmp_path / "r.pdf", story))
    with pytest.raises(ValueError):
        bar_chart(["а"], [1, 2])
    with pytest.raises(ValueError):
        bar_chart(["а"], [1], highlight=[True, False])

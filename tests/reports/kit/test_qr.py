"""Tests of QR codes in a story."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm

from app.reports.kit import qr_flowable


def test_qr_flowable_size() -> None:
    flowable = qr_flowable("https://громада.укр/звіт", size_mm=30)
    width, height = flowable.wrap(500, 500)
    assert width == pytest.approx(30 * mm) and height == pytest.approx(30 * mm)

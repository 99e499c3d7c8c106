"""Tests of the report styles."""

from __future__ import annotations

import pytest

from app.reports.kit import styles
from app.reports.kit.styles import shared_styles


def test_styles_are_dejavu_and_readable_by_name() -> None:
    st = styles()
    for name in st.names():
        style = st[name]
        assert style.fontName.startswith("DejaVuSans"), name
        assert style.leading == pytest.approx(style.fontSize * 1.25, abs=0.01), name
    assert st["cell_bold"].fontName == "DejaVuSans-Bold"
    with pytest.raises(KeyError):
        st["nope"]


def test_each_report_gets_a_fresh_set_and_the_kit_keeps_its_own() -> None:
    mine = styles()
    mine.body.fontSize = 20
    assert styles().body.fontSize == 10
    assert shared_styles() is shared_styles()
    assert shared_styles().body.fontSize == 10

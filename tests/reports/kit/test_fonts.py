"""Tests of the report fonts: DejaVu everywhere, Cyrillic comes back exactly, bold works."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import Paragraph

from app.reports.kit import data_table, paragraph, register_fonts, styles
from tests.reports.kit.kit_utils import SAMPLE, build
from tests.reports.pdf_utils import pdf_text


def test_cyrillic_comes_back_exactly_from_title_body_and_table(tmp_path: Path) -> None:
    story = [paragraph(SAMPLE), *data_table(["Прізвище", "Кількість"], [[SAMPLE, 3]])]
    pdf = build(tmp_path / "r.pdf", story, title=SAMPLE, subtitle=f"Підзаголовок {SAMPLE}")
    text = pdf_text(pdf)
    assert text.count(SAMPLE) == 4  # title, subtitle, body, table cell
    assert PdfReader(str(pdf)).metadata.title == SAMPLE


def test_only_dejavu_fonts_are_used(tmp_path: Path) -> None:
    pdf = build(tmp_path / "r.pdf", [paragraph(SAMPLE), *data_table(["А"], [["б"]])], public=False)
    fonts: set[str] = set()
    for page in PdfReader(str(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts
    assert all("DejaVuSans" in name for name in fonts), fonts


def test_register_fonts_is_idempotent() -> None:
    register_fonts()
    register_fonts()
    from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames

    assert {"DejaVuSans", "DejaVuSans-Bold"} <= set(getRegisteredFontNames())


def test_bold_markup_uses_the_bold_face(tmp_path: Path) -> None:
    pdf = build(tmp_path / "r.pdf", [Paragraph("звичайний <b>жирний</b>", styles().body)])
    assert "жирний" in pdf_text(pdf)

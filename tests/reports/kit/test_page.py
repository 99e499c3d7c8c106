"""Tests of the report page: header band, QR code, logo, footer "Сторінка N з M", orientation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from app.reports.kit import A4_FRAME_WIDTH, A4_LANDSCAPE_FRAME_WIDTH, CouncilHeader, paragraph
from tests.reports.kit.kit_utils import SAMPLE, WEBSITE, build, link_uris, long_story, png_bytes
from tests.reports.pdf_utils import pdf_pages, pdf_text, render_png


def test_footer_says_page_n_of_m_on_every_page(tmp_path: Path) -> None:
    pages = pdf_pages(build(tmp_path / "r.pdf", long_story(3)))
    assert len(pages) == 3
    for number, text in enumerate(pages, start=1):
        assert f"Сторінка {number} з 3" in text
        assert "Сформовано 26.11.2026 14:05" in text
        assert "Ясенівська сільська рада" in text  # header band on every page


def test_title_is_on_the_first_page_and_in_later_headers(tmp_path: Path) -> None:
    pages = pdf_pages(build(tmp_path / "r.pdf", long_story(2), title="Річний звіт депутата", subtitle="за 2026 рік"))
    assert "Річний звіт депутата" in pages[0] and "за 2026 рік" in pages[0]
    assert "Річний звіт депутата" in pages[1]
    assert "за 2026 рік" not in pages[1]


def test_internal_mark_only_when_not_public(tmp_path: Path) -> None:
    public = pdf_text(build(tmp_path / "public.pdf", long_story(2), public=True))
    assert "службового" not in public
    internal = pdf_pages(build(tmp_path / "internal.pdf", long_story(2), public=False))
    assert all("Для службового користування" in text for text in internal)


def test_landscape_pages(tmp_path: Path) -> None:
    pdf = build(tmp_path / "r.pdf", long_story(2), landscape=True)
    for page in PdfReader(str(pdf)).pages:
        assert float(page.mediabox.width) == pytest.approx(A4[1])
        assert float(page.mediabox.height) == pytest.approx(A4[0])


def test_qr_code_points_at_the_website(tmp_path: Path) -> None:
    council = CouncilHeader("Ясенівська громада", "Ясенівська сільська рада", website=WEBSITE)
    with_qr = build(tmp_path / "qr.pdf", long_story(2), council=council)
    without = build(tmp_path / "plain.pdf", long_story(2))
    assert link_uris(with_qr) == [WEBSITE]  # first page only
    assert link_uris(without) == []
    first_with, first_without = (PdfReader(str(p)).pages[0].get_contents().get_data() for p in (with_qr, without))
    assert len(first_with) > len(first_without) + 2000  # the QR modules are drawn as rectangles
    assert WEBSITE in pdf_pages(with_qr)[0]


def test_explicit_qr_url_wins_over_website(tmp_path: Path) -> None:
    council = CouncilHeader("Громада", "Рада", website=WEBSITE)
    url = "https://yasenove.gov.ua/petitions/17"
    pdf = build(tmp_path / "r.pdf", [paragraph("x")], council=council, qr_url=url)
    assert link_uris(pdf) == [url]
    assert url in pdf_text(pdf).replace("\n", "")


def test_long_council_name_and_url_do_not_break_the_header(tmp_path: Path) -> None:
    council = CouncilHeader(
        hromada_name="Старосалтівська селищна територіальна громада Чугуївського району Харківської області " * 2,
        council_name="Виконавчий комітет Старосалтівської селищної ради Чугуївського району Харківської області",
        address="вул. Героїв Чорнобиля, 123-А, смт Старий Салтів, Чугуївський район, Харківська область, 62560",
        website="https://staryi-saltiv-gromada.gov.ua/" + "dokumenty/" * 8,
    )
    pdf = build(tmp_path / "r.pdf", long_story(2), council=council)
    assert len(pdf_pages(pdf)) == 2


def test_logo_is_drawn_and_a_broken_logo_is_ignored(tmp_path: Path) -> None:
    good = CouncilHeader("Громада", "Рада", logo=png_bytes())
    pdf = build(tmp_path / "logo.pdf", long_story(3), council=good)
    xobjects = [
        {name: ref.idnum for name, ref in page["/Resources"]["/XObject"].items()} for page in PdfReader(str(pdf)).pages
    ]
    assert len(xobjects) == 3 and all(xobjects)
    assert len({ref for page in xobjects for ref in page.values()}) == 1  # stored once, drawn on each page
    for junk in (b"not an image", png_bytes()[:40], b""):
        broken = CouncilHeader("Громада", "Рада", logo=junk)
        assert "Рада" in pdf_text(build(tmp_path / "broken.pdf", [paragraph("x")], council=broken))


def test_render_png_of_first_page(tmp_path: Path) -> None:
    pdf = build(tmp_path / "r.pdf", [paragraph(SAMPLE)])
    png = render_png(pdf, page=1, out_dir=tmp_path / "png")
    with Image.open(png) as img:
        assert img.size[0] == pytest.approx(A4[0] / 72 * 60, abs=1)
        assert img.size[1] == pytest.approx(A4[1] / 72 * 60, abs=1)
        assert img.convert("L").getextrema()[0] < 100  # something dark was drawn


def test_frame_widths_follow_the_page_margins() -> None:
    assert A4_FRAME_WIDTH == pytest.approx(210 * mm - 2 * 18 * mm)
    assert A4_LANDSCAPE_FRAME_WIDTH == pytest.approx(297 * mm - 2 * 18 * mm)

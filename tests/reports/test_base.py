"""Tests of the shared report base: fonts, header/footer, tables, charts, QR, atomic writing."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, PageBreak, Paragraph

from app.reports import base
from app.reports.base import (
    CouncilHeader,
    bar_chart,
    build_pdf,
    data_table,
    esc,
    key_value_table,
    paragraph,
    qr_flowable,
    register_fonts,
    section,
    styles,
)
from tests.reports.pdf_utils import pdf_pages, pdf_text, render_png

SAMPLE = "Їжак Ґалаґан Єва, Д’яченко, №"
WHEN = datetime(2026, 11, 26, 14, 5)
COUNCIL = CouncilHeader(hromada_name="Ясенівська громада", council_name="Ясенівська сільська рада")
WEBSITE = "https://yasenove.gov.ua"


def build(path: Path, story: list[Flowable], **kwargs: object) -> Path:
    options: dict[str, object] = {"title": "Звіт", "council": COUNCIL, "generated_at": WHEN}
    options.update(kwargs)
    build_pdf(path, story=story, **options)  # type: ignore[arg-type]
    return path


def long_story(pages: int) -> list[Flowable]:
    story: list[Flowable] = []
    for i in range(pages - 1):
        story += [paragraph(f"Розділ {i + 1}"), PageBreak()]
    story.append(paragraph("Кінець"))
    return story


def png_bytes(size: tuple[int, int] = (64, 64)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (31, 58, 95)).save(out, "PNG")
    return out.getvalue()


class Boom(Flowable):
    """A flowable that fails while being drawn, halfway through a document."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, 10

    def draw(self) -> None:
        raise RuntimeError("boom")


# --------------------------------------------------------------------------- text and fonts


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


def test_register_fonts_is_idempotent() -> None:
    register_fonts()
    register_fonts()
    from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames

    assert {"DejaVuSans", "DejaVuSans-Bold"} <= set(getRegisteredFontNames())


def test_styles_are_dejavu_and_readable_by_name() -> None:
    st = styles()
    for name in st.names():
        style = st[name]
        assert style.fontName.startswith("DejaVuSans"), name
        assert style.leading == pytest.approx(style.fontSize * 1.25, abs=0.01), name
    assert st["cell_bold"].fontName == "DejaVuSans-Bold"
    with pytest.raises(KeyError):
        st["nope"]


def test_bold_markup_uses_the_bold_face(tmp_path: Path) -> None:
    pdf = build(tmp_path / "r.pdf", [Paragraph("звичайний <b>жирний</b>", styles().body)])
    assert "жирний" in pdf_text(pdf)


# --------------------------------------------------------------------------- header and footer


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


def link_uris(pdf: Path) -> list[str]:
    uris = []
    for page in PdfReader(str(pdf)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None:
                uris.append(str(action["/URI"]))
    return uris


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


# --------------------------------------------------------------------------- writing


def test_exception_in_story_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    with pytest.raises(RuntimeError, match="boom"):
        build(target, [*long_story(3), Boom()])
    assert list(tmp_path.iterdir()) == []


def test_failed_rebuild_keeps_the_previous_good_file(tmp_path: Path) -> None:
    target = build(tmp_path / "r.pdf", [paragraph("перша версія")])
    good = target.read_bytes()
    with pytest.raises(RuntimeError):
        build(target, [paragraph("друга версія"), Boom()])
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_writes_to_a_stream_and_does_not_consume_the_story(tmp_path: Path) -> None:
    story = [paragraph(SAMPLE)]
    out = io.BytesIO()
    build_pdf(out, title="Т", council=COUNCIL, story=story)
    assert out.getvalue().startswith(b"%PDF-")
    assert len(story) == 1
    build_pdf(str(tmp_path / "again.pdf"), title="Т", council=COUNCIL, story=story)
    assert SAMPLE in pdf_text(tmp_path / "again.pdf")


# --------------------------------------------------------------------------- tables


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


# --------------------------------------------------------------------------- charts and QR


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


def test_qr_flowable_size() -> None:
    flowable = qr_flowable("https://громада.укр/звіт", size_mm=30)
    width, height = flowable.wrap(500, 500)
    assert width == pytest.approx(30 * base.mm) and height == pytest.approx(30 * base.mm)


# --------------------------------------------------------------------------- looking at it


def test_render_png_of_first_page(tmp_path: Path) -> None:
    pdf = build(tmp_path / "r.pdf", [paragraph(SAMPLE)])
    png = render_png(pdf, page=1, out_dir=tmp_path / "png")
    with Image.open(png) as img:
        assert img.size[0] == pytest.approx(A4[0] / 72 * 60, abs=1)
        assert img.size[1] == pytest.approx(A4[1] / 72 * 60, abs=1)
        assert img.convert("L").getextrema()[0] < 100  # something dark was drawn

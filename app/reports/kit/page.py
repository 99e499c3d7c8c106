"""The page of every report: the council header band, the footer and the A4 document around a story.

Page 1 carries the full header (logo, council name, hromada, contacts, a QR code to the
online version with its URL); later pages a slim band with the document title. Every footer
says when the document was made and "Сторінка N з M"; internal documents are marked
"Для службового користування" on each page. :func:`build_pdf` lays a report's story out on
these pages and writes the file (atomically, see :mod:`app.reports.kit.output`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as landscape_size
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer

from app.domain.formats import format_datetime
from app.reports.kit.fonts import FONT, FONT_BOLD, register_fonts
from app.reports.kit.output import write_output
from app.reports.kit.qr import qr_drawing
from app.reports.kit.styles import ACCENT, INTERNAL, MUTED, RULE, TEXT, make_style, shared_styles
from app.reports.kit.text import clean, markup

__all__ = [
    "A4_FRAME_WIDTH",
    "A4_LANDSCAPE_FRAME_WIDTH",
    "INTERNAL_MARK",
    "SIDE_MARGIN",
    "CouncilHeader",
    "build_pdf",
]

# --------------------------------------------------------------------------- page geometry

SIDE_MARGIN = 18 * mm
HEADER_TOP = 12 * mm  # from the top edge of the sheet to the top of the header band
FIRST_HEADER_HEIGHT = 24 * mm
LATER_HEADER_HEIGHT = 12 * mm
HEADER_GAP = 5 * mm  # between the header rule and the text frame
FOOTER_RULE_Y = 15 * mm
FOOTER_TEXT_Y = 10.5 * mm
FRAME_BOTTOM = 19 * mm
QR_HEADER_SIZE = FIRST_HEADER_HEIGHT

A4_FRAME_WIDTH = A4[0] - 2 * SIDE_MARGIN  # the text width of a portrait page
A4_LANDSCAPE_FRAME_WIDTH = A4[1] - 2 * SIDE_MARGIN  # the text width of a landscape page

INTERNAL_MARK = "Для службового користування"

# --------------------------------------------------------------------------- council header


@dataclass(frozen=True)
class CouncilHeader:
    """Who publishes the document: shown in the header band of every page."""

    hromada_name: str
    council_name: str
    address: str = ""
    website: str = ""
    logo: bytes | None = None  # PNG or JPEG bytes; ignored if unreadable


_LOGO_MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding
_LOGO_MAX_SIDE = 600  # enough for a 22 mm logo at 600 dpi; keeps the PDF small


def _load_logo(data: bytes | None) -> ImageReader | None:
    """The logo as an image reportlab can draw, or ``None`` when missing or unreadable."""
    if not data:
        return None
    try:
        from PIL import Image  # reportlab depends on Pillow

        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
            if width <= 0 or height <= 0 or width * height > _LOGO_MAX_PIXELS:
                return None
            img.load()
            converted = img.convert("RGBA" if "A" in img.getbands() or "transparency" in img.info else "RGB")
        converted.thumbnail((_LOGO_MAX_SIDE, _LOGO_MAX_SIDE))
        return ImageReader(converted)
    except Exception:  # any broken or unsupported image: the header simply has no logo
        return None


# --------------------------------------------------------------------------- page decoration


_URL_PIECE_RE = re.compile(r"[^/?&=#._-]*[/?&=#._-]*")


def _break_url(url: str, font: str, size: float, width: float) -> list[str]:
    """Lines of ``url`` no wider than ``width``, broken after ``/``, ``?``, ``&``, ``.`` where possible."""
    lines: list[str] = []
    line = ""
    for piece in (p for p in _URL_PIECE_RE.findall(url) if p):
        while piece:
            if stringWidth(line + piece, font, size) <= width:
                line, piece = line + piece, ""
            elif line:
                lines.append(line)
                line = ""
            else:  # one piece longer than a line: break it anywhere
                cut = len(piece)
                while cut > 1 and stringWidth(piece[:cut], font, size) > width:
                    cut -= 1
                lines.append(piece[:cut])
                piece = piece[cut:]
    if line:
        lines.append(line)
    return lines


def _one_line(text: str) -> str:
    """``text`` cleaned for drawing on one line: no line breaks, runs of spaces collapsed."""
    return re.sub(r"[ \n]+", " ", clean(text)).strip()


def _fit_line(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis so that it fits ``width`` on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…" if text else ""


class _PageDecor:
    """Draws the header band and the footer; one instance per document build."""

    def __init__(
        self,
        *,
        council: CouncilHeader,
        title: str,
        public: bool,
        generated_at: datetime,
        qr_url: str | None,
        page_size: tuple[float, float],
    ) -> None:
        self.council = council
        self.title = title
        self.public = public
        self.generated_at = generated_at
        self.qr_url = qr_url
        self.page_width, self.page_height = page_size
        self.logo = _load_logo(council.logo)
        self.qr: Drawing | None = None
        if qr_url:
            try:
                self.qr = qr_drawing(qr_url, QR_HEADER_SIZE)
            except Exception:  # too long for a QR code: the URL is still printed, the report still made
                self.qr = None

    # ----- header

    @property
    def band_top(self) -> float:
        return self.page_height - HEADER_TOP

    @property
    def content_width(self) -> float:
        return self.page_width - 2 * SIDE_MARGIN

    def _draw_logo(self, canv: Canvas, size: float) -> float:
        """Draw the logo in a ``size`` square at the top left; return the x where text may start."""
        if self.logo is None:
            return SIDE_MARGIN
        try:
            canv.drawImage(
                self.logo,
                SIDE_MARGIN,
                self.band_top - size,
                width=size,
                height=size,
                preserveAspectRatio=True,
                anchor="c",
                mask="auto",
            )
        except Exception:  # a logo that cannot be drawn is left out, never fatal
            self.logo = None
            return SIDE_MARGIN
        return SIDE_MARGIN + size + 4 * mm

    def _rule(self, canv: Canvas, y: float) -> None:
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(0.8)
        canv.line(SIDE_MARGIN, y, self.page_width - SIDE_MARGIN, y)

    def first_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Header of page 1: logo, council block, QR code with its URL, rule."""
        canv.saveState()
        top = self.band_top
        bottom = top - FIRST_HEADER_HEIGHT
        text_x = self._draw_logo(canv, FIRST_HEADER_HEIGHT)
        right = self.page_width - SIDE_MARGIN
        if self.qr_url:
            qr_x = right - (QR_HEADER_SIZE if self.qr is not None else 0)
            if self.qr is not None:
                renderPDF.draw(self.qr, canv, qr_x, bottom)
            url_width = min(55 * mm, max(30 * mm, self.content_width * 0.3))
            canv.setFont(FONT, 7)
            canv.setFillColor(MUTED)
            lines = _break_url(self.qr_url, FONT, 7, url_width)[:5]
            for i, line in enumerate(reversed(lines)):
                canv.drawRightString(qr_x - 1.5 * mm, bottom + 3 * mm + i * 8.5, line)
            canv.linkURL(self.qr_url, (qr_x, bottom, right, top), relative=0, thickness=0)
            used = max(stringWidth(line, FONT, 7) for line in lines)
            right = qr_x - 1.5 * mm - used - 5 * mm
        self._draw_council_block(canv, text_x, top, max(right - text_x, 40 * mm), FIRST_HEADER_HEIGHT)
        self._rule(canv, bottom - 2 * mm)
        canv.restoreState()

    def _draw_council_block(self, canv: Canvas, x: float, top: float, width: float, height: float) -> None:
        """Council name, hromada name and contacts, shrunk until they fit the band."""
        council = self.council
        contacts = "  ·  ".join(part for part in (council.address.strip(), council.website.strip()) if part)
        for scale in (1.0, 0.92, 0.84, 0.76, 0.68):
            parts = [
                Paragraph(markup(council.council_name), make_style("hdr1", 12 * scale, bold=True, color=ACCENT)),
                Paragraph(markup(council.hromada_name), make_style("hdr2", 9.5 * scale, spaceBefore=1)),
            ]
            if contacts:
                parts.append(Paragraph(markup(contacts), make_style("hdr3", 7.5 * scale, color=MUTED, spaceBefore=2)))
            sizes = [p.wrap(width, height) for p in parts]
            total = sum(h for _, h in sizes) + sum(p.style.spaceBefore for p in parts[1:])
            if total <= height:
                break
        y = top - max(0.0, (height - total) / 2) if total < height * 0.6 else top
        for i, (para, (_, h)) in enumerate(zip(parts, sizes, strict=True)):
            if i:
                y -= para.style.spaceBefore
            y -= h
            if y < top - height - 1:  # whatever still overflows is clipped rather than drawn over the rule
                break
            para.drawOn(canv, x, y)

    def later_pages(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Header of pages 2…: small logo, council and hromada on one band, document title right."""
        canv.saveState()
        top = self.band_top
        bottom = top - LATER_HEADER_HEIGHT
        text_x = self._draw_logo(canv, LATER_HEADER_HEIGHT)
        right = self.page_width - SIDE_MARGIN
        title_width = self.content_width * 0.42
        title = _fit_line(_one_line(self.title), FONT, 8, title_width)
        canv.setFont(FONT, 8)
        canv.setFillColor(MUTED)
        canv.drawRightString(right, bottom + 1.5 * mm, title)
        name_width = right - text_x - stringWidth(title, FONT, 8) - 6 * mm
        canv.setFillColor(ACCENT)
        canv.setFont(FONT_BOLD, 9.5)
        canv.drawString(
            text_x, top - 4.5 * mm, _fit_line(_one_line(self.council.council_name), FONT_BOLD, 9.5, name_width)
        )
        canv.setFillColor(TEXT)
        canv.setFont(FONT, 8)
        canv.drawString(text_x, bottom + 1.5 * mm, _fit_line(_one_line(self.council.hromada_name), FONT, 8, name_width))
        self._rule(canv, bottom - 2 * mm)
        canv.restoreState()

    # ----- footer (drawn once the page count is known)

    def footer(self, canv: Canvas, page: int, total: int) -> None:
        """Footer: generation time, the internal-use mark if any, "Сторінка N з M"."""
        canv.saveState()
        left, right = SIDE_MARGIN, self.page_width - SIDE_MARGIN
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.4)
        canv.line(left, FOOTER_RULE_Y, right, FOOTER_RULE_Y)
        canv.setFont(FONT, 7.5)
        canv.setFillColor(MUTED)
        canv.drawString(left, FOOTER_TEXT_Y, f"Сформовано {format_datetime(self.generated_at)}")
        canv.drawRightString(right, FOOTER_TEXT_Y, f"Сторінка {page} з {total}")
        if not self.public:
            _draw_internal_mark(canv, self.page_width / 2, FOOTER_TEXT_Y)
        canv.restoreState()


def _draw_internal_mark(canv: Canvas, center_x: float, baseline: float) -> None:
    """The boxed "Для службового користування" mark centred at ``center_x``."""
    size = 8
    width = stringWidth(INTERNAL_MARK, FONT_BOLD, size)
    canv.setStrokeColor(INTERNAL)
    canv.setFillColor(INTERNAL)
    canv.setLineWidth(0.8)
    canv.roundRect(center_x - width / 2 - 5, baseline - 3.2, width + 10, size + 5.5, 2, stroke=1, fill=0)
    canv.setFont(FONT_BOLD, size)
    canv.drawCentredString(center_x, baseline, INTERNAL_MARK)


class _InternalStamp(Flowable):
    """The internal-use mark as a flowable, placed at the top right of page 1."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._width = availWidth
        return availWidth, 16

    def draw(self) -> None:
        width = stringWidth(INTERNAL_MARK, FONT_BOLD, 8)
        _draw_internal_mark(self.canv, self._width - width / 2 - 5, 5)


class _NumberedCanvas(Canvas):
    """A canvas that holds pages back until the end so each footer can say "з M".

    The classic reportlab recipe: ``showPage`` only remembers the page, ``save`` replays
    every page with its footer, now that the total is known.
    """

    def __init__(self, *args: Any, decor: _PageDecor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._decor.footer(self, number, total)
            super().showPage()
        super().save()


# --------------------------------------------------------------------------- building


def build_pdf(
    out: Path | str | BinaryIO,
    *,
    title: str,
    council: CouncilHeader,
    story: list[Flowable],
    subtitle: str | None = None,
    public: bool = True,
    landscape: bool = False,
    generated_at: datetime | None = None,
    qr_url: str | None = None,
    author: str = "Hromada Desk",
) -> None:
    """Lay out ``story`` on A4 pages with the council header and footer and write the PDF.

    ``out`` may be a path (written atomically: built into a temporary file in the same
    folder and moved into place, so a failure never leaves a half-written PDF and never
    clobbers an earlier good one) or a binary stream (written in one piece at the end).
    ``public=False`` marks every page "Для службового користування". The QR code in the
    first page's header points at ``qr_url`` or, when that is not given, at the council's
    website; without either there is no QR code. ``story`` itself is not consumed.
    """
    register_fonts()
    st = shared_styles()
    page_size = landscape_size(A4) if landscape else A4
    decor = _PageDecor(
        council=council,
        title=title,
        public=public,
        generated_at=generated_at or datetime.now(),
        qr_url=(qr_url or council.website or "").strip() or None,
        page_size=page_size,
    )
    width, height = page_size
    frame_width = width - 2 * SIDE_MARGIN

    def frame(header_height: float, frame_id: str) -> Frame:
        top = height - HEADER_TOP - header_height - 2 * mm - HEADER_GAP
        return Frame(
            SIDE_MARGIN, FRAME_BOTTOM, frame_width, top - FRAME_BOTTOM,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=frame_id,
        )  # fmt: skip

    first: list[Flowable] = []
    if not public:
        first.append(_InternalStamp())
    first.append(Paragraph(markup(title), st.title))
    if subtitle:
        first.append(Paragraph(markup(subtitle), st.subtitle))
    first.append(Spacer(1, 5 * mm))

    def render(target: BinaryIO) -> None:
        doc = BaseDocTemplate(
            target,
            pagesize=page_size,
            leftMargin=SIDE_MARGIN,
            rightMargin=SIDE_MARGIN,
            topMargin=HEADER_TOP,
            bottomMargin=FRAME_BOTTOM,
            title=title,
            subject=subtitle or "",
            author=author,
            creator="Hromada Desk",
            lang="uk",
            initialFontName=FONT,
        )
        doc.addPageTemplates(
            [
                PageTemplate("first", [frame(FIRST_HEADER_HEIGHT, "first")], onPage=decor.first_page,
                             autoNextPageTemplate="later"),
                PageTemplate("later", [frame(LATER_HEADER_HEIGHT, "later")], onPage=decor.later_pages),
            ]
        )  # fmt: skip
        doc.build(first + list(story), canvasmaker=lambda *a, **k: _NumberedCanvas(*a, decor=decor, **k))

    write_output(out, render)

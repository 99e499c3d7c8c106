"""The shared reportlab base of every Hromada Desk report.

Everything a report needs to look like the council's own paper: the DejaVu fonts
(reportlab's built-in Helvetica has no Cyrillic), one set of paragraph styles, the
page frame (header band with logo and council name, footer with "Сторінка N з M",
generation time and the "for internal use" mark), a QR code to the online version,
and the building blocks reports are made of: data tables that stay fast for tens of
thousands of rows, key-value sheets and horizontal bar charts for participatory-budget
posters.

A report module builds a ``story`` (a list of flowables) from these helpers and hands
it to :func:`build_pdf`, which writes the file atomically. Nothing here touches the
database or Qt.

All text that comes from data must go through :func:`esc` (or :func:`paragraph`,
:func:`data_table`, :func:`key_value_table`, which escape for you): reportlab's
paragraph markup is XML-like, so a petition titled "Ремонт <школи> & саду" would
otherwise break or vanish.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as landscape_size
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.formats import NBSP, format_date, format_datetime, format_int
from app.paths import resource_path

__all__ = [
    "FONT",
    "FONT_BOLD",
    "CouncilHeader",
    "ReportStyles",
    "bar_chart",
    "build_pdf",
    "data_table",
    "esc",
    "key_value_table",
    "paragraph",
    "qr_flowable",
    "register_fonts",
    "section",
    "styles",
]

# --------------------------------------------------------------------------- fonts

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_fonts_lock = threading.Lock()
_fonts_ready = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) with reportlab; safe to call any number of times.

    The family mapping makes ``<b>`` work in paragraph markup. There is no oblique face
    in ``resources/fonts``, so ``<i>`` falls back to the upright face instead of failing.
    """
    global _fonts_ready
    if _fonts_ready:
        return
    with _fonts_lock:
        if _fonts_ready:
            return
        known = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in _FONT_FILES.items():
            if name not in known:
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        _fonts_ready = True


# --------------------------------------------------------------------------- colours and page geometry

ACCENT = colors.HexColor("#1F3A5F")  # dark navy: titles, rules, highlighted bars
ACCENT_SOFT = colors.HexColor("#DDE5EF")  # table header fill (light, so laser printers cope)
TEXT = colors.HexColor("#1A1D21")
MUTED = colors.HexColor("#5D6876")
RULE = colors.HexColor("#9AA6B4")
GRID = colors.HexColor("#D3D9E0")
ZEBRA = colors.HexColor("#EDF0F4")
BAR_OTHER = colors.HexColor("#B3BCC7")
BAR_TRACK = colors.HexColor("#EEF1F4")
INTERNAL = colors.HexColor("#9B1C1C")  # the "for internal use" mark

SIDE_MARGIN = 18 * mm
HEADER_TOP = 12 * mm  # from the top edge of the sheet to the top of the header band
FIRST_HEADER_HEIGHT = 24 * mm
LATER_HEADER_HEIGHT = 12 * mm
HEADER_GAP = 5 * mm  # between the header rule and the text frame
FOOTER_RULE_Y = 15 * mm
FOOTER_TEXT_Y = 10.5 * mm
FRAME_BOTTOM = 19 * mm
QR_HEADER_SIZE = FIRST_HEADER_HEIGHT

INTERNAL_MARK = "Для службового користування"

# --------------------------------------------------------------------------- escaping

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def esc(text: object) -> str:
    """Make any value safe to put inside paragraph markup.

    Escapes ``&``, ``<`` and ``>``, turns ``None`` into an empty string, normalises line
    ends to ``\\n``, turns tabs into spaces and drops other control characters (they come
    with spreadsheet imports and would print as boxes).
    """
    value = _clean(text)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clean(text: object) -> str:
    """``text`` as a string with ``\n`` line ends, tabs as spaces and no other control characters."""
    if text is None:
        return ""
    value = str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROL_RE.sub("", value)


def _markup(text: object) -> str:
    """Escaped text with line breaks kept as ``<br/>``."""
    return esc(text).replace("\n", "<br/>")


def _plain(value: object) -> str:
    """The text a table cell shows for a value: ``None`` → "", dates in Ukrainian format."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    return str(value)


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class ReportStyles:
    """The paragraph styles shared by all reports; also readable by name: ``styles()["body"]``."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    big_number: ParagraphStyle

    def __getitem__(self, name: str) -> ParagraphStyle:
        if name not in self.names():
            raise KeyError(name)
        style: ParagraphStyle = getattr(self, name)
        return style

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """All style names, in declaration order."""
        return tuple(f.name for f in fields(cls))


def _style(name: str, size: float, *, bold: bool = False, color: Any = TEXT, **extra: Any) -> ParagraphStyle:
    """A DejaVu paragraph style with a 1.25 leading."""
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=round(size * 1.25, 2),
        textColor=color,
        **extra,
    )


def styles() -> ReportStyles:
    """A fresh set of the report styles (fresh, so a report may tweak its copy safely)."""
    register_fonts()
    return ReportStyles(
        title=_style("title", 16, bold=True, color=ACCENT, spaceAfter=3),
        subtitle=_style("subtitle", 11, color=MUTED, spaceAfter=2),
        h2=_style("h2", 12.5, bold=True, color=ACCENT, spaceBefore=10, spaceAfter=5),
        h3=_style("h3", 10.5, bold=True, spaceBefore=7, spaceAfter=3),
        body=_style("body", 10, spaceAfter=5),
        small=_style("small", 8),
        muted=_style("muted", 8.5, color=MUTED),
        cell=_style("cell", 8.5),
        cell_bold=_style("cell_bold", 8.5, bold=True),
        cell_right=_style("cell_right", 8.5, alignment=TA_RIGHT),
        big_number=_style("big_number", 36, bold=True, color=ACCENT, alignment=TA_CENTER, spaceAfter=4),
    )


_shared_styles: ReportStyles | None = None


def _styles() -> ReportStyles:
    """The styles this module's helpers use (one set, never handed out, so never modified)."""
    global _shared_styles
    if _shared_styles is None:
        _shared_styles = styles()
    return _shared_styles


def paragraph(text: str, style: str | ParagraphStyle = "body") -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept) in a named report style."""
    chosen = _styles()[style] if isinstance(style, str) else style
    return Paragraph(_markup(text), chosen)


def section(title: str) -> list[Flowable]:
    """A section heading that never ends up alone at the bottom of a page."""
    return [CondPageBreak(30 * mm), Paragraph(_markup(title), _styles().h2)]


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


# --------------------------------------------------------------------------- QR code


def _qr_drawing(url: str, size: float) -> Drawing:
    """A square drawing of ``size`` points holding a QR code for ``url`` (with its quiet zone)."""
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), -x0, -y0])
    drawing.add(widget)
    return drawing


def qr_flowable(url: str, size_mm: float = 30) -> Flowable:
    """A QR code pointing at ``url``, ``size_mm`` millimetres square (quiet zone included)."""
    return _qr_drawing(url, size_mm * mm)


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
    return re.sub(r"[ \n]+", " ", _clean(text)).strip()


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
                self.qr = _qr_drawing(qr_url, QR_HEADER_SIZE)
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
                Paragraph(_markup(council.council_name), _style("hdr1", 12 * scale, bold=True, color=ACCENT)),
                Paragraph(_markup(council.hromada_name), _style("hdr2", 9.5 * scale, spaceBefore=1)),
            ]
            if contacts:
                parts.append(Paragraph(_markup(contacts), _style("hdr3", 7.5 * scale, color=MUTED, spaceBefore=2)))
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
    st = _styles()
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
    first.append(Paragraph(_markup(title), st.title))
    if subtitle:
        first.append(Paragraph(_markup(subtitle), st.subtitle))
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

    if isinstance(out, (str, os.PathLike)):
        _write_atomically(Path(out), render)
    else:
        buffer = io.BytesIO()
        render(buffer)
        out.write(buffer.getvalue())


def _write_atomically(target: Path, render: Callable[[BinaryIO], None]) -> None:
    """Run ``render`` into a temporary file next to ``target``, then move it into place."""
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            render(fh)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates the file private (0600); a report is an ordinary document.
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- tables

_ALIGNMENTS = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "centre": TA_CENTER}
_CELL_PAD_X = 4
_CELL_PAD_TOP = 2.5
_CELL_PAD_BOTTOM = 3.5


_NUMBER_RE = re.compile(r"^[-+\u2212]?\d[\d .,\u00a0]*(?: ?(?:грн|%))?$")
_WORD_SPLIT_RE = re.compile(r"[^\S\u00a0]+")  # whitespace reportlab breaks at (not no-break space)


def _keep_number_together(text: str) -> str:
    """``"1 234,50 грн"`` with no-break spaces, so an amount never breaks across lines."""
    return text.replace(" ", NBSP) if " " in text and _NUMBER_RE.match(text) else text


class _ColumnWidths:
    """Column widths in points for a given frame width: as asked, or fitted to the content.

    Given widths are fractions of the frame width when all are ≤ 1, else points. Without
    them, widths follow the usual auto-layout rule: every column gets at least its longest
    unbreakable word (a date, an amount, a long surname), the rest of the frame is shared
    in proportion to how much longer each column's text is. The content is judged from a
    sample of rows spread over the whole table.
    """

    def __init__(
        self, col_widths: Sequence[float] | None, header: Sequence[str], sample: list[list[str]], font_size: float
    ) -> None:
        count = len(header)
        self.given: list[float] | None = None
        self.fractions = False
        self._resolved: dict[float, list[float]] = {}
        if col_widths is not None:
            if len(col_widths) != count:
                raise ValueError(f"col_widths has {len(col_widths)} entries for {count} columns")
            if any(w <= 0 for w in col_widths):
                raise ValueError("column widths must be positive")
            self.given = [float(w) for w in col_widths]
            self.fractions = all(w <= 1 for w in col_widths)
            return
        pad = 2 * _CELL_PAD_X + 1
        self.minimum: list[float] = []
        self.natural: list[float] = []
        for j, head in enumerate(header):
            texts = [row[j] for row in sample]
            head_words = [stringWidth(w, FONT_BOLD, font_size) for w in _WORD_SPLIT_RE.split(str(head)) if w]
            words = [stringWidth(w, FONT, font_size) for t in texts for w in _WORD_SPLIT_RE.split(t) if w]
            longest_word = max(head_words + words, default=0.0)
            longest_text = max((stringWidth(t, FONT, font_size) for t in texts), default=0.0)
            self.minimum.append(min(max(longest_word, 12.0), 160.0) + pad)
            self.natural.append(max(longest_word, min(longest_text, 260.0), 12.0) + pad)

    def resolve(self, avail_width: float) -> list[float]:
        """The widths in points for a frame ``avail_width`` wide."""
        cached = self._resolved.get(avail_width)
        if cached is not None:
            return cached
        if self.given is not None:
            widths = [w * avail_width for w in self.given] if self.fractions else list(self.given)
        else:
            low, high = sum(self.minimum), sum(self.natural)
            if high <= avail_width:
                widths = [w * avail_width / high for w in self.natural]
            elif low >= avail_width:
                widths = [w * avail_width / low for w in self.minimum]
            else:
                share = (avail_width - low) / (high - low)
                widths = [lo + (hi - lo) * share for lo, hi in zip(self.minimum, self.natural, strict=True)]
        self._resolved[avail_width] = widths
        return widths


class _CellParagraph(Paragraph):
    """A table-cell paragraph that remembers its last wrap.

    A reportlab Table wraps every cell when measuring, again when splitting and again when
    the part that fits is placed; the lines only depend on the width, so the work is done once.
    """

    _wrapped_for: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._wrapped_for:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_for = availWidth
        return size


class _TableSpec:
    """Everything needed to build a page-sized reportlab Table from raw row texts."""

    def __init__(
        self, header: Sequence[str], widths: _ColumnWidths, aligns: list[int], font_size: float, zebra: bool
    ) -> None:
        self.widths = widths
        self.zebra = zebra
        self.font_size = font_size
        self.empty = False  # True: the only row is the "no records" note, spanning all columns
        leading = round(font_size * 1.25, 2)
        base = _styles()
        self.cell_styles = [
            ParagraphStyle(f"cell{j}", parent=base.cell, fontSize=font_size, leading=leading, alignment=a)
            for j, a in enumerate(aligns)
        ]
        head_styles = [
            ParagraphStyle(
                f"head{j}", parent=base.cell_bold, fontSize=font_size, leading=leading, alignment=a, textColor=ACCENT
            )
            for j, a in enumerate(aligns)
        ]
        self.header_cells = [Paragraph(_markup(h), s) for h, s in zip(header, head_styles, strict=True)]
        self.min_row_height = leading + _CELL_PAD_TOP + _CELL_PAD_BOTTOM
        # Plain text needs no markup parser: a cell's single fragment is a copy of this one with
        # the text swapped in (the parser is a third of the cost of a long table otherwise).
        self._fragments = [Paragraph("x", s).frags[0] for s in self.cell_styles]

    def cell(self, value: object, column: int) -> Flowable:
        """One value as a cell flowable: a Flowable as it is, anything else as a paragraph."""
        if isinstance(value, Flowable):
            return value
        style = self.cell_styles[column]
        text = _keep_number_together(_clean(_plain(value)))
        if "\n" in text or style.textTransform:
            return _CellParagraph(_markup(text), style)
        return _CellParagraph(text, style, frags=[self._fragments[column].clone(text=text)] if text else [])

    def cells(self, row: Sequence[object]) -> list[Flowable]:
        """One data row as flowables."""
        return [self.cell(value, column) for column, value in enumerate(row)]

    def table(self, rows: Sequence[Sequence[object]], *, with_header: bool, offset: int, width: float) -> Table:
        """A Table of ``rows`` (optionally under the header row) for a frame ``width`` wide.

        ``offset`` is the index of the first row in the whole table, so zebra stripes stay in
        step from page to page.
        """
        data = ([self.header_cells] if with_header else []) + [self.cells(r) for r in rows]
        first = 1 if with_header else 0
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), FONT, self.font_size),  # reportlab's default cell font is Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), _CELL_PAD_TOP),
            ("BOTTOMPADDING", (0, 0), (-1, -1), _CELL_PAD_BOTTOM),
            ("LINEBELOW", (0, first), (-1, -1), 0.25, GRID),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
        ]
        if with_header:
            commands += [
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT_SOFT),
                ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ]
        if self.zebra and rows:
            stripes = [colors.white, ZEBRA] if offset % 2 == 0 else [ZEBRA, colors.white]
            commands.append(("ROWBACKGROUNDS", (0, first), (-1, -1), stripes))
        if self.empty:
            commands += [("SPAN", (0, first), (-1, first)), ("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white])]
        table = Table(
            data, colWidths=self.widths.resolve(width), repeatRows=first, style=TableStyle(commands), hAlign="LEFT"
        )
        table.spaceAfter = 6
        return table


class _LongTable(Flowable):
    """Rows laid out one page at a time, each page a small reportlab Table.

    One reportlab Table of many rows is superlinear (every split re-measures all the rows
    left), so this flowable only ever builds a Table of about one page of rows (never more
    than ``chunk_size``) and hands the rest on. The header row is drawn at the top of every
    frame, never in the middle of one.
    """

    def __init__(
        self,
        spec: _TableSpec,
        rows: list[Sequence[object]],
        chunk_size: int,
        *,
        offset: int = 0,
        continued: bool = False,
    ) -> None:
        super().__init__()
        self.spec = spec
        self.rows = rows
        self.chunk_size = chunk_size
        self.offset = offset
        self.continued = continued
        self.spaceAfter = 6
        self._cache: tuple[tuple[float, float, bool], Table, int, float, float] | None = None

    @property
    def _header_shown(self) -> bool:
        return self._cache is not None and self._cache[0][2]

    def _with_header(self) -> bool:
        frame = getattr(self, "_frame", None)
        return not self.continued or bool(frame is None or getattr(frame, "_atTop", False))

    def _window(self, avail_width: float, avail_height: float) -> tuple[Table, int, float, float]:
        """A table of as many rows as could possibly fit, plus the size it wraps to."""
        with_header = self._with_header()
        key = (avail_width, avail_height, with_header)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1:]
        capacity = int(avail_height / self.spec.min_row_height) + 2
        count = min(len(self.rows), self.chunk_size, capacity)
        table = self.spec.table(self.rows[:count], with_header=with_header, offset=self.offset, width=avail_width)
        width, height = table.wrap(avail_width, avail_height)
        self._cache = (key, table, count, width, height)
        return table, count, width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        _, count, width, height = self._window(availWidth, availHeight)
        if count == len(self.rows) or height > availHeight:
            return width, height
        return width, availHeight + 1  # more rows follow: ask the frame to split us

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        table, count, _, height = self._window(availWidth, availHeight)
        if height <= availHeight:
            shown = count
        else:
            parts = table.split(availWidth, availHeight)
            shown = len(parts[0]._cellvalues) - (1 if self._header_shown else 0) if parts else 0
            if shown <= 0:
                return self._split_giant_row(availWidth, availHeight)
            table = parts[0]
        rest = self.rows[shown:]
        if not rest:
            return [table]
        table.spaceAfter = 0
        return [table, _LongTable(self.spec, rest, self.chunk_size, offset=self.offset + shown, continued=True)]

    def _split_giant_row(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """Split inside the first row when it is taller than a whole empty frame (a long appeal text).

        Anywhere but the top of a frame, return nothing: the row gets a fresh page first.
        """
        frame = getattr(self, "_frame", None)
        if frame is None or not getattr(frame, "_atTop", False):
            return []
        table = self.spec.table(self.rows[:1], with_header=True, offset=self.offset, width=avail_width)
        table.splitInRow = 1
        parts: list[Flowable] = table.split(avail_width, avail_height)
        if not parts:
            return []
        parts[-1].spaceAfter = 0
        rest = self.rows[1:]
        if rest:
            parts.append(_LongTable(self.spec, rest, self.chunk_size, offset=self.offset + 1, continued=True))
        return parts

    def draw(self) -> None:
        assert self._cache is not None, "wrap() must be called before draw()"
        self._cache[1].drawOn(self.canv, 0, 0)


def data_table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    col_widths: Sequence[float] | None = None,
    align: Sequence[str] | None = None,
    chunk_size: int = 500,
    zebra: bool = True,
    font_size: float = 8.5,
    empty_text: str = "Записів немає",
) -> list[Flowable]:
    """A table of records that may run over many pages, header row repeated on each page.

    Every value is escaped and wrapped in a Paragraph (``None`` → empty, dates as
    ``ДД.ММ.РРРР``; a Flowable value is used as it is, e.g. a bold Paragraph). ``col_widths``
    are fractions of the frame width when all are ≤ 1, else points; without them the widths
    are guessed from the content. ``align`` holds "left"/"right"/"center" per column (the
    header cell follows its column). Layout builds at most ``chunk_size`` rows (and about a
    page) into one reportlab Table at a time, so 10,000 rows take seconds, not minutes.
    With no rows the table says ``empty_text`` under its header.
    """
    register_fonts()
    header = [str(h) for h in header]
    if not header:
        raise ValueError("a table needs at least one column")
    if chunk_size < 1:
        raise ValueError("chunk_size must be positive")
    aligns = list(align) if align is not None else ["left"] * len(header)
    if len(aligns) != len(header):
        raise ValueError(f"align has {len(aligns)} entries for {len(header)} columns")
    try:
        align_codes = [_ALIGNMENTS[a.lower()] for a in aligns]
    except KeyError as exc:
        raise ValueError(f"unknown alignment {exc.args[0]!r}; use left, right or center") from None
    data: list[Sequence[object]] = [list(r) for r in rows]
    for number, row in enumerate(data, start=1):
        if len(row) != len(header):
            raise ValueError(f"row {number} has {len(row)} values for {len(header)} columns")
    step = max(1, len(data) // 300)
    sample = [
        ["" if isinstance(v, Flowable) else _keep_number_together(_plain(v)) for v in row] for row in data[::step]
    ]
    widths = _ColumnWidths(col_widths, header, sample, font_size)
    spec = _TableSpec(header, widths, align_codes, font_size, zebra)
    if not data:
        spec.empty = True
        note = ParagraphStyle("empty", parent=spec.cell_styles[0], textColor=MUTED, alignment=TA_LEFT)
        data = [[Paragraph(_markup(empty_text), note), *[""] * (len(header) - 1)]]
    return [_LongTable(spec, data, chunk_size)]


def key_value_table(pairs: Sequence[tuple[str, object]], key_width: float = 0.35) -> Flowable:
    """A two-column sheet ("Прізвище: …", "Округ: …") for profile-like pages.

    ``key_width`` is the key column's share of the frame width. ``None`` values show as
    "—"; a Flowable value is placed as it is.
    """
    if not 0 < key_width < 1:
        raise ValueError("key_width is a fraction of the frame width")
    st = _styles()
    key_style = ParagraphStyle("kv_key", parent=st.cell, fontSize=9.5, leading=12, textColor=MUTED)
    value_style = ParagraphStyle("kv_value", parent=st.cell, fontSize=9.5, leading=12)
    data = [
        [
            Paragraph(_markup(key), key_style),
            value
            if isinstance(value, Flowable)
            else Paragraph(_markup("—" if value is None else _plain(value)), value_style),
        ]
        for key, value in pairs
    ]
    if not data:
        return Spacer(1, 0)
    table = Table(
        data,
        colWidths=[f"{key_width * 100:.4f}%", f"{(1 - key_width) * 100:.4f}%"],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 9.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 3.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
            ]
        ),
    )
    table.spaceAfter = 8
    return table


# --------------------------------------------------------------------------- bar chart


class _BarChart(Flowable):
    """Horizontal bars with wrapping labels and printed values; splits between pages by rows.

    Every part of a split chart keeps the scale of the whole chart, so bars on page 2 compare
    honestly with bars on page 1.
    """

    LABEL_SHARE = 0.38
    GAP = 6.0

    def __init__(
        self,
        rows: list[tuple[str, int, bool]],
        *,
        width: float | None,
        value_format: Callable[[int], str],
        font_size: float,
        max_value: int | None = None,
    ) -> None:
        super().__init__()
        self.rows = rows
        self.fixed_width = width
        self.value_format = value_format
        self.font_size = font_size
        self.max_value = max_value if max_value is not None else max((max(v, 0) for _, v, _ in rows), default=0)
        self.spaceAfter = 8
        st = _styles()
        leading = round(font_size * 1.25, 2)
        self._label_style = ParagraphStyle("bar_label", parent=st.cell, fontSize=font_size, leading=leading)
        self._label_bold = ParagraphStyle("bar_label_b", parent=st.cell_bold, fontSize=font_size, leading=leading)
        self._layout_key: float | None = None
        self._labels: list[tuple[Paragraph, float]] = []
        self._row_heights: list[float] = []

    @property
    def bar_thickness(self) -> float:
        return self.font_size * 1.45

    def _value_text(self, value: int) -> str:
        return self.value_format(value)

    def _layout(self, avail_width: float) -> None:
        width = min(self.fixed_width or avail_width, avail_width)
        if self._layout_key == width:
            return
        self._layout_key = width
        self.width = width
        self.label_width = width * self.LABEL_SHARE
        value_width = max(
            (stringWidth(self._value_text(v), FONT_BOLD, self.font_size) for _, v, _ in self.rows), default=0.0
        )
        self.bar_x = self.label_width + self.GAP
        self.value_width = value_width + 4
        self.bar_span = max(width - self.bar_x - self.value_width, 10.0)
        self._labels = []
        self._row_heights = []
        for label, _, strong in self.rows:
            para = Paragraph(_markup(label), self._label_bold if strong else self._label_style)
            _, h = para.wrap(self.label_width, 10_000)
            self._labels.append((para, h))
            self._row_heights.append(max(h, self.bar_thickness) + self.GAP)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._layout(availWidth)
        self.height = sum(self._row_heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._layout(availWidth)
        used, count = 0.0, 0
        for h in self._row_heights:
            if used + h > availHeight:
                break
            used += h
            count += 1
        if count == 0:
            return []
        if count == len(self.rows):
            return [self]
        first, rest = (
            _BarChart(
                part,
                width=self.fixed_width,
                value_format=self.value_format,
                font_size=self.font_size,
                max_value=self.max_value,
            )
            for part in (self.rows[:count], self.rows[count:])
        )
        first.spaceAfter = 0
        return [first, rest]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        top = self.height
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(self.bar_x, 0, self.bar_x, top)
        for (_label, value, strong), (para, label_h), row_h in zip(
            self.rows, self._labels, self._row_heights, strict=True
        ):
            content = row_h - self.GAP
            mid = top - self.GAP / 2 - content / 2
            para.drawOn(canv, 0, mid - label_h / 2)
            bar_y = mid - self.bar_thickness / 2
            canv.setFillColor(BAR_TRACK)
            canv.rect(self.bar_x, bar_y, self.bar_span, self.bar_thickness, stroke=0, fill=1)
            length = self.bar_span * max(value, 0) / self.max_value if self.max_value > 0 else 0.0
            if length > 0:
                canv.setFillColor(ACCENT if strong else BAR_OTHER)
                canv.rect(self.bar_x, bar_y, length, self.bar_thickness, stroke=0, fill=1)
            canv.setFillColor(ACCENT if strong else TEXT)
            canv.setFont(FONT_BOLD if strong else FONT, self.font_size)
            canv.drawString(self.bar_x + self.bar_span + 4, mid - self.font_size * 0.36, self._value_text(value))
            top -= row_h
        canv.restoreState()


def bar_chart(
    labels: Sequence[str],
    values: Sequence[int],
    *,
    highlight: Sequence[bool] | None = None,
    width: float | None = None,
    value_format: Callable[[int], str] = format_int,
    font_size: float = 9.5,
) -> Flowable:
    """A horizontal bar chart: one row per label, bar length proportional to the value.

    Labels wrap (long project names are normal); values are printed after the bars with
    ``value_format``. Highlighted rows (e.g. winning projects) get a navy bar and bold
    text, others a grey bar. ``width`` in points, default the frame width. Long charts split
    across pages keeping one scale. Negative values draw no bar.
    """
    register_fonts()
    if len(labels) != len(values):
        raise ValueError(f"{len(labels)} labels for {len(values)} values")
    marks = list(highlight) if highlight is not None else [False] * len(labels)
    if len(marks) != len(labels):
        raise ValueError(f"highlight has {len(marks)} entries for {len(labels)} bars")
    rows = [(str(label), int(value), bool(mark)) for label, value, mark in zip(labels, values, marks, strict=True)]
    return _BarChart(rows, width=width, value_format=value_format, font_size=font_size)

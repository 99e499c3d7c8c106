"""Tables for reports: long record tables that stay fast over thousands of rows, key-value
sheets and rows of big-number tiles.

A long table is laid out one page at a time (PITFALLS: one huge reportlab Table is
superlinear): each page window is sized from real row heights and every cell is built and
line-broken once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.reports.kit.fonts import FONT, FONT_BOLD, register_fonts
from app.reports.kit.styles import ACCENT, ACCENT_SOFT, GRID, MUTED, TILE, ZEBRA, shared_styles
from app.reports.kit.text import clean, esc, keep_number_together, markup, plain_text

__all__ = ["data_table", "key_value_table", "number_tiles"]

_ALIGNMENTS = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER, "centre": TA_CENTER}
_CELL_PAD_X = 4
_CELL_PAD_TOP = 2.5
_CELL_PAD_BOTTOM = 3.5

_WORD_SPLIT_RE = re.compile(r"[^\S\u00a0]+")  # whitespace reportlab breaks at (not no-break space)


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
        base = shared_styles()
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
        self.header_cells = [Paragraph(markup(h), s) for h, s in zip(header, head_styles, strict=True)]
        self.min_row_height = leading + _CELL_PAD_TOP + _CELL_PAD_BOTTOM
        # Plain text needs no markup parser: a cell's single fragment is a copy of this one with
        # the text swapped in (the parser is a third of the cost of a long table otherwise).
        self._fragments = [Paragraph("x", s).frags[0] for s in self.cell_styles]

    def cell(self, value: object, column: int) -> Flowable:
        """One value as a cell flowable: a Flowable as it is, anything else as a paragraph."""
        if isinstance(value, Flowable):
            return value
        style = self.cell_styles[column]
        text = keep_number_together(clean(plain_text(value)))
        if "\n" in text or style.textTransform:
            return _CellParagraph(markup(text), style)
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
        ["" if isinstance(v, Flowable) else keep_number_together(plain_text(v)) for v in row] for row in data[::step]
    ]
    widths = _ColumnWidths(col_widths, header, sample, font_size)
    spec = _TableSpec(header, widths, align_codes, font_size, zebra)
    if not data:
        spec.empty = True
        note = ParagraphStyle("empty", parent=spec.cell_styles[0], textColor=MUTED, alignment=TA_LEFT)
        data = [[Paragraph(markup(empty_text), note), *[""] * (len(header) - 1)]]
    return [_LongTable(spec, data, chunk_size)]


def key_value_table(pairs: Sequence[tuple[str, object]], key_width: float = 0.35) -> Flowable:
    """A two-column sheet ("Прізвище: …", "Округ: …") for profile-like pages.

    ``key_width`` is the key column's share of the frame width. ``None`` values show as
    "—"; a Flowable value is placed as it is.
    """
    if not 0 < key_width < 1:
        raise ValueError("key_width is a fraction of the frame width")
    st = shared_styles()
    key_style = ParagraphStyle("kv_key", parent=st.cell, fontSize=9.5, leading=12, textColor=MUTED)
    value_style = ParagraphStyle("kv_value", parent=st.cell, fontSize=9.5, leading=12)
    data = [
        [
            Paragraph(markup(key), key_style),
            value
            if isinstance(value, Flowable)
            else Paragraph(markup("—" if value is None else plain_text(value)), value_style),
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


def number_tiles(
    items: Sequence[tuple[str, str]],
    width: float,
    *,
    value_size: float = 22,
    label_size: float = 9,
    label_color: Any = colors.black,
    padding: tuple[float, float] = (6, 7),
    fit_values: bool = True,
    space_after: float = 8,
) -> Table:
    """A row of equal tiles, each a big number over its caption ("1 500" / "бюлетенів").

    ``width`` is the width of the whole row in points. ``fit_values`` shrinks the numbers
    when the longest is over ten characters (never below 13 pt), so "1 264 800 грн" stays on
    one line. ``padding`` is the space above the numbers and below the captions.
    """
    register_fonts()
    if fit_values:
        longest = max((len(v) for v, _ in items), default=1)
        value_size = min(value_size, max(13.0, value_size * 10 / max(longest, 1)))
    value_style = ParagraphStyle(
        "tile_value", fontName=FONT_BOLD, fontSize=value_size, leading=value_size * 1.15, textColor=ACCENT, alignment=1
    )
    label_style = ParagraphStyle(
        "tile_label", fontName=FONT, fontSize=label_size, leading=label_size * 1.25, textColor=label_color, alignment=1
    )
    cells = [[Paragraph(esc(v), value_style) for v, _ in items], [Paragraph(esc(lbl), label_style) for _, lbl in items]]
    table = Table(cells, colWidths=[width / len(items)] * len(items))
    pad_top, pad_bottom = padding
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TILE),
                ("LINEAFTER", (0, 0), (-2, -1), 2, colors.white),
                ("TOPPADDING", (0, 0), (-1, 0), pad_top),
                ("BOTTOMPADDING", (0, -1), (-1, -1), pad_bottom),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    table.spaceAfter = space_after
    return table

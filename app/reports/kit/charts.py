"""Charts for reports: a horizontal bar chart (participatory-budget posters, statistics)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from app.domain.formats import format_int
from app.reports.kit.fonts import FONT, FONT_BOLD, register_fonts
from app.reports.kit.styles import ACCENT, BAR_OTHER, BAR_TRACK, RULE, TEXT, shared_styles
from app.reports.kit.text import markup

__all__ = ["bar_chart"]


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
        st = shared_styles()
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
            para = Paragraph(markup(label), self._label_bold if strong else self._label_style)
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

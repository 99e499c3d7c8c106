"""The report kit: everything a Hromada Desk report is made of.

A report module builds a ``story`` (a list of flowables) from these helpers and hands it
to :func:`build_pdf`, which lays it out on A4 pages in the council's own look and writes
the file atomically. Nothing here touches the database or Qt.

- :mod:`~app.reports.kit.fonts` — DejaVu Sans (reportlab's Helvetica has no Cyrillic);
- :mod:`~app.reports.kit.styles` — the colour palette and the paragraph styles;
- :mod:`~app.reports.kit.text` — escaping for paragraph markup, paragraphs, section headings;
- :mod:`~app.reports.kit.page` — the council header, the footer "Сторінка N з M", :func:`build_pdf`;
- :mod:`~app.reports.kit.output` — atomic writing of the finished file;
- :mod:`~app.reports.kit.tables` — long record tables, key-value sheets, big-number tiles;
- :mod:`~app.reports.kit.charts` — horizontal bar charts;
- :mod:`~app.reports.kit.qr` — QR codes to the online version.

All text that comes from data must go through :func:`esc` (or :func:`paragraph`,
:func:`data_table`, :func:`key_value_table`, :func:`bar_chart`, which escape for you).
"""

from app.reports.kit.charts import bar_chart
from app.reports.kit.fonts import FONT, FONT_BOLD, register_fonts
from app.reports.kit.page import A4_FRAME_WIDTH, A4_LANDSCAPE_FRAME_WIDTH, CouncilHeader, build_pdf
from app.reports.kit.qr import qr_flowable
from app.reports.kit.styles import ACCENT, ACCENT_SOFT, MUTED, TEXT, ReportStyles, styles
from app.reports.kit.tables import data_table, key_value_table, number_tiles
from app.reports.kit.text import esc, keep_numbers, paragraph, section

__all__ = [
    "A4_FRAME_WIDTH",
    "A4_LANDSCAPE_FRAME_WIDTH",
    "ACCENT",
    "ACCENT_SOFT",
    "FONT",
    "FONT_BOLD",
    "MUTED",
    "TEXT",
    "CouncilHeader",
    "ReportStyles",
    "bar_chart",
    "build_pdf",
    "data_table",
    "esc",
    "keep_numbers",
    "key_value_table",
    "number_tiles",
    "paragraph",
    "qr_flowable",
    "register_fonts",
    "section",
    "styles",
]

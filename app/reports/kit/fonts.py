"""The report fonts: DejaVu Sans, regular and bold.

reportlab's built-in Helvetica has no Cyrillic (Ukrainian prints as black boxes), and its
bundled Vera TTFs lack Cyrillic too, so every report uses the DejaVu faces shipped in
``resources/fonts``.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource_path

__all__ = ["FONT", "FONT_BOLD", "register_fonts"]

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

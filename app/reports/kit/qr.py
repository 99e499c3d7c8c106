"""QR codes pointing at the online version of a document: in the page header or anywhere in a story."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

__all__ = ["qr_drawing", "qr_flowable"]


def qr_drawing(url: str, size: float) -> Drawing:
    """A square drawing of ``size`` points holding a QR code for ``url`` (with its quiet zone)."""
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), -x0, -y0])
    drawing.add(widget)
    return drawing


def qr_flowable(url: str, size_mm: float = 30) -> Flowable:
    """A QR code pointing at ``url``, ``size_mm`` millimetres square (quiet zone included)."""
    return qr_drawing(url, size_mm * mm)

"""The application's look: Fusion with a calm, official palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

STYLESHEET = """
#sidebar { background: #1f3a5f; }
#sidebar QLabel { color: #dbe4ee; }
#navigation { background: #1f3a5f; color: white; border: none; font-size: 11pt; }
#navigation::item { padding: 8px 10px; border-radius: 4px; }
#navigation::item:selected { background: #f2c94c; color: #1f3a5f; }
#navigation::item:hover:!selected { background: #2d4f7c; }
QPushButton { padding: 5px 12px; }
QTableView { gridline-color: #dde3ea; selection-background-color: #cfe0f5; selection-color: black; }
QHeaderView::section { background: #eef2f7; padding: 4px; border: none; border-right: 1px solid #dde3ea;
                       font-weight: 600; }
QGroupBox { font-weight: 600; margin-top: 12px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; color: #1f3a5f; }
"""


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#fafbfc"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2d6cb5"))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)

"""Dates between Python and Qt, checked both ways.

PySide6 converts ``datetime.date`` to ``QDate`` and back (``QDate(day)``, ``QDate.toPython()``), but
its type stubs declare neither conversion; these helpers keep the dates typed.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_of(edit: QDateEdit) -> dt.date:
    """The date an edit shows."""
    return to_date(edit.date())

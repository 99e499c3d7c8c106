"""The files of the pack: what is known of each, and the CSV/XLSX writers of the datasets."""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PackFile:
    path: str  # relative to the pack folder, with "/"
    kind: str  # pdf, csv, xlsx, json, pb, html
    title: str
    area: str = ""
    rows: int | None = None
    sha256: str = ""
    size: int = 0
    group: str = ""  # the report kind, for grouping in index.html
    label: str = ""  # the record a per-record report is about


def cell(value: Any) -> Any:
    """A stored value as a dataset cell (yes/no in Ukrainian, ISO dates, enum values)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "так" if value else "ні"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "value") and not isinstance(value, int | float | str):
        return str(value.value)
    return value


def write_csv(path: Path, headers: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        writer.writerows(rows)


def write_xlsx(path: Path, sheets: list[tuple[str, list[str], list[list[Any]]]]) -> None:
    """One sheet per dataset; a cell starting with ``= + - @`` is written as text (formula injection)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    used: set[str] = set()
    for title, headers, rows in sheets:
        name = re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Аркуш"
        base, n = name, 2
        while name in used:
            suffix = f" ({n})"
            name, n = base[:31 - len(suffix)] + suffix, n + 1
        used.add(name)
        sheet = book.create_sheet(name)
        sheet.append(headers)
        for row in rows:
            sheet.append([v if not isinstance(v, str) or not v.startswith(("=", "+", "-", "@")) else "'" + v
                          for v in row])
    book.save(path)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()

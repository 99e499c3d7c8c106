"""Importing petition signatures from CSV or XLSX: an online platform's export, or paper sheets typed into Excel.

The file is read into rows (:func:`read_file`), checked against the petition without
writing anything (:func:`preview`), then imported whole (:func:`import_file`): all rows
or none, and every rejected row is listed with its reason ("Рядок 17: «Петренко Марія»
вже підписала цю петицію 03.02.2026 (паперовий підписний лист)").

Columns are found by their headers, in Ukrainian or English, in any order:

* the signer: one column ("ПІБ", "Прізвище, ім’я, по батькові", "Name"...) or separate
  "Прізвище" / "Ім’я" / "По батькові" columns;
* "Адреса", "Телефон" (private, optional);
* "Дата" (ДД.ММ.РРРР, ISO, or an Excel date; with a time or without) — when the file has
  no date column, every row gets the date chosen for the import;
* "Спосіб" / "Канал": paper or online; rows without it get the channel chosen for the import.

CSV files may be UTF-8 (with or without BOM) or Windows-1251 (Excel's "CSV" on a
Ukrainian Windows), separated by ``;``, ``,`` or tabs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.db.engine import Database
from app.domain.formats import FormatError, parse_date
from app.domain.names import search_key
from app.domain.petitions import SignatureChannel
from app.errors import ImportRejectedError, ValidationError
from app.interchange.text_files import decode_text
from app.services import petitions
from app.services.core.auth import Actor, Permission, require
from app.services.core.progress import ProgressCallback, report
from app.services.petitions import BatchProblem, SignatureInput

MAX_FILE_BYTES = 50 * 1024 * 1024

# Normalised header -> field. Headers are normalised by _header_key (case, apostrophes, punctuation).
_HEADERS: dict[str, str] = {}
for _field, _names in {
    "name": ["піб", "п і б", "прізвище ім'я по батькові", "прізвище ім'я та по батькові", "прізвище та ім'я",
             "прізвище ім'я", "ім'я та прізвище", "підписант", "хто підписав", "name", "full name", "signer",
             "фио"],
    "surname": ["прізвище", "surname", "last name", "family name"],
    "given": ["ім'я", "first name", "given name"],
    "patronymic": ["по батькові", "patronymic", "middle name"],
    "address": ["адреса", "адреса проживання", "місце проживання", "address"],
    "phone": ["телефон", "тел", "номер телефону", "phone", "telephone", "мобільний"],
    "date": ["дата", "дата підпису", "дата підписання", "date", "signed", "signed on", "date signed", "час",
             "дата і час", "дата та час"],
    "channel": ["спосіб", "спосіб підписання", "канал", "джерело", "channel", "source"],
}.items():
    for _name in _names:
        _HEADERS[search_key(_name)] = _field

_CHANNEL_WORDS = {
    "paper": ("папір", "паперов", "лист", "paper", "sheet", "особисто"),
    "online": ("онлайн", "online", "електрон", "сайт", "платформ", "e-dem", "edem", "інтернет", "web"),
    "imported": ("імпорт", "import"),
}

_DATETIME_RE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$")


def _header_key(text: object) -> str:
    key = search_key(str(text or ""))
    key = re.sub(r"[.,:;*()\"«»]", " ", key)
    return " ".join(key.split())


@dataclass(frozen=True)
class PreviewRow:
    line: int
    signer_name: str
    address: str
    phone: str
    signed_on: dt.date | None
    channel: str
    problem: str | None = None


@dataclass(frozen=True)
class ParsedFile:
    rows: list[SignatureInput]  # rows that could be read
    problems: list[BatchProblem]  # rows that could not (bad date, unknown channel)
    columns: dict[str, str]  # field -> header as found in the file
    all_rows: list[PreviewRow] = field(default_factory=list)


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do; nothing has been written."""

    file_name: str
    petition_number: int
    columns: dict[str, str]
    rows: list[PreviewRow]  # every data row, with its problem (if any)
    problems: list[BatchProblem]  # sorted by line
    signature_count: int  # signatures the petition already has
    threshold: int | None

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def accepted(self) -> int:
        return len(self.rows) - len({p.line for p in self.problems})

    def problem_texts(self) -> list[str]:
        return [p.text() for p in self.problems]


# --------------------------------------------------------------------------- reading




def _csv_rows(path: Path) -> list[tuple[int, list[object]]]:
    text = decode_text(path.read_bytes())
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[object]]] = []
    for row in reader:
        rows.append((reader.line_num, list(row)))
    return rows


def _xlsx_rows(path: Path) -> list[tuple[int, list[object]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged or foreign files
        raise ValidationError(f"Файл «{path.name}» не вдається відкрити як таблицю Excel (.xlsx): {exc}.",
                              f"«{path.name}» cannot be opened as an .xlsx workbook.") from exc
    try:
        sheet = book.worksheets[0]
        return [(number, list(values)) for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()


def _table(path: Path) -> list[tuple[int, list[object]]]:
    if not path.is_file():
        raise ValidationError(f"Файлу «{path}» не знайдено.", f"File «{path}» not found.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValidationError(f"Файл «{path.name}» завеликий (понад 50 МБ).")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _csv_rows(path)
    if suffix == ".xls":
        raise ValidationError("Старий формат Excel (.xls) не підтримується: збережіть файл як .xlsx або .csv.",
                              "Old .xls files are not supported; save as .xlsx or .csv.")
    raise ValidationError(f"Файл «{path.name}»: підтримуються лише таблиці CSV та XLSX.",
                          "Only CSV and XLSX files are supported.")


def _cell(values: list[object], index: int | None) -> object:
    if index is None or index >= len(values):
        return None
    return values[index]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number Excel turned into a number
    return " ".join(str(value).split())


def _parse_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    match = _DATETIME_RE.match(text)
    if not match:
        raise FormatError(f"дата «{text}» не у форматі ДД.ММ.РРРР")
    return parse_date(match.group(1))


def _parse_channel(value: object, default: str) -> str:
    text = search_key(_text(value))
    if not text:
        return default
    if text in SignatureChannel._value2member_map_:
        return text
    for channel, words in _CHANNEL_WORDS.items():
        if any(word in text for word in words):
            return channel
    raise FormatError(f"невідомий спосіб підписання «{_text(value)}» (паперовий лист або онлайн)")


def read_file(
    path: Path, *, default_date: dt.date | None = None, default_channel: str = "imported"
) -> ParsedFile:
    """Read the rows of a CSV/XLSX file (no database involved)."""
    table = _table(Path(path))
    header_at = next((i for i, (_, values) in enumerate(table) if any(_text(v) for v in values)), None)
    if header_at is None:
        raise ValidationError(f"Файл «{Path(path).name}» порожній.", "The file is empty.")
    header_line, header = table[header_at]
    index: dict[str, int] = {}
    columns: dict[str, str] = {}
    for i, title in enumerate(header):
        found = _HEADERS.get(_header_key(title))
        if found and found not in index:
            index[found] = i
            columns[found] = _text(title)
    if "name" not in index and "surname" not in index and "given" in index:
        index["name"] = index.pop("given")  # a lone "Ім’я" column holds the whole name
        columns["name"] = columns.pop("given")
    if "name" not in index and "surname" not in index:
        raise ValidationError(
            f"У першому рядку файлу «{Path(path).name}» немає стовпця з прізвищем та ім’ям підписанта "
            "(«ПІБ» або «Прізвище», «Ім’я»). Перевірте заголовки стовпців.",
            "The first row has no signer's name column («ПІБ», «Name» or «Прізвище»/«Ім’я»).",
        )
    if "date" not in index and default_date is None:
        raise ValidationError("У файлі немає стовпця «Дата»: вкажіть дату підпису для всіх рядків.",
                              "The file has no date column: give a date for all rows.")
    rows: list[SignatureInput] = []
    problems: list[BatchProblem] = []
    preview: list[PreviewRow] = []
    for line, values in table[header_at + 1:]:
        if not any(_text(v) for v in values):
            continue
        if "name" in index:
            name = _text(_cell(values, index["name"]))
        else:
            name = " ".join(part for part in (_text(_cell(values, index.get(k))) for k in
                                              ("surname", "given", "patronymic")) if part)
        address = _text(_cell(values, index.get("address")))
        phone = _text(_cell(values, index.get("phone")))
        problem = None
        signed_on: dt.date | None = default_date
        channel = default_channel
        try:
            if "date" in index:
                raw = _cell(values, index["date"])
                if not _text(raw) and not isinstance(raw, dt.date):
                    raise FormatError("не вказано дату підпису")
                signed_on = _parse_date(raw)
            channel = _parse_channel(_cell(values, index.get("channel")), default_channel)
        except FormatError as exc:
            problem = str(exc)
        if problem is None:
            rows.append(SignatureInput(name, signed_on, address, phone, channel, line))
        else:
            problems.append(BatchProblem(line, name, f"«{name}»: {problem}" if name else problem))
        preview.append(PreviewRow(line, name, address, phone, signed_on if problem is None else None, channel,
                                  problem))
    return ParsedFile(rows, problems, columns, preview)


# --------------------------------------------------------------------------- preview and import


def preview(
    db: Database,
    petition_id: int,
    path: Path,
    *,
    default_date: dt.date | None = None,
    default_channel: str = "imported",
    today: dt.date | None = None,
) -> ImportPreview:
    """Read the file and check every row against the petition; nothing is written."""
    parsed = read_file(path, default_date=default_date, default_channel=default_channel)
    check = petitions.check_signatures(db, petition_id, parsed.rows, today=today)
    problems = sorted(parsed.problems + check.problems, key=lambda p: p.line)
    by_line = {p.line: p.reason for p in problems}
    rows = [PreviewRow(r.line, r.signer_name, r.address, r.phone, r.signed_on, r.channel,
                       by_line.get(r.line, r.problem)) for r in parsed.all_rows]
    return ImportPreview(Path(path).name, check.petition_number, parsed.columns, rows, problems,
                         check.signature_count, check.threshold)


def import_file(
    db: Database,
    actor: Actor,
    petition_id: int,
    path: Path,
    *,
    default_date: dt.date | None = None,
    default_channel: str = "imported",
    today: dt.date | None = None,
    progress: ProgressCallback | None = None,
) -> int:
    """Import every signature of the file, or none; returns how many were recorded."""
    require(actor, Permission.ENTER_SIGNATURES)
    report(progress, 0, 1, "Читання файлу")
    parsed = read_file(path, default_date=default_date, default_channel=default_channel)
    if parsed.problems:
        check = petitions.check_signatures(db, petition_id, parsed.rows, today=today)
        problems = sorted(parsed.problems + check.problems, key=lambda p: p.line)
        raise ImportRejectedError(
            f"Імпорт скасовано: {len({p.line for p in problems})} із {len(parsed.all_rows)} рядків не прийнято, "
            "жодного підпису не записано. Виправте рядки у файлі й повторіть.",
            [p.text() for p in problems],
            f"Import refused: {len(problems)} rows rejected; nothing was recorded.",
        )
    from app.services.safety import backup

    backup.before_import(db)  # a copy of the database aside before a bulk write
    return petitions.add_signatures(db, actor, petition_id, parsed.rows, source=Path(path).name, today=today,
                                    progress=progress)

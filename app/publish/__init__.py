"""The open-data pack: a folder ready to upload to the council's website.

``hromada --db PATH publish --out DIR`` (and the Data safety page) writes:

* ``index.html`` — plain, printable Ukrainian page linking everything below;
* ``reports/*.pdf`` — every *public* report of :mod:`app.reports.registry` (reports that
  need a record get one PDF per record offered by their ``choices``);
* ``data/<table>.csv`` and ``data/<area>.xlsx`` — one dataset per table, built generically
  from an **allow-list** of public columns (:func:`app.services.registry.datasets`); private columns are never
  read into a dataset;
* ``data/popolo.json`` (Popolo, when the deputies area provides it) and ``data/*.pb``
  (Pabulib, one per budget category of every cycle whose results were approved);
* ``manifest.json`` — machine-readable list of every file with its SHA-256.

Nothing is written to DIR until everything has been generated in a staging folder and
**scanned for private data**: the actual private values present in the database (citizens'
addresses, phones, e-mails, birth dates, document numbers, voter hashes, secrets) and
patterns for phones, e-mails, document numbers and hashes, in every file including the
text of the PDFs. A finding stops the publication with the file and the field named.
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import logging
import re
import secrets
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import LargeBinary, Table, inspect, select

from app import __version__
from app.db.engine import Database
from app.errors import ServiceError, ValidationError
from app.services import registry as areas
from app.services.area import Dataset
from app.services.core import audit, council
from app.services.core.auth import Actor, Permission, writes
from app.services.core.progress import ProgressCallback, report
from app.services.safety.safefile import check_folder, os_error

log = logging.getLogger(__name__)

MANIFEST_FORMAT = "hromada-open-data"
MANIFEST_VERSION = 1



# --------------------------------------------------------------------------- what is public


# --------------------------------------------------------------------------- what is private

# Column names that hold citizens' private data, wherever they appear.
PRIVATE_NAME = re.compile(
    r"(?:^|_)(address|addr|phone|mobile|e_?mail|birth\w*|born\w*|dob|passport\w*|doc_?no|doc_?number|"
    r"document_?no|document_?number|id_card\w*|rnokpp|ipn|inn|tax_?number|voter_hash|password\w*|secret\w*|"
    r"contact\w*)(?:$|_)", re.IGNORECASE)
# Columns private whatever their name says.
PRIVATE_COLUMNS: set[tuple[str, str]] = {("pb_secret", "value")}
# Columns whose names look private but hold the council's own public facts.
PUBLIC_EXCEPTIONS: set[tuple[str, str]] = {
    ("council_profile", "address"), ("council_profile", "website"), ("pb_voting_point", "address"),
}
# Tables never scanned for private values (their content is bookkeeping, not citizens' data).
NOT_SCANNED = {"audit_event", "audit_chain_head", "exchange_identity", "exchange_partner", "exchange_export",
               "exchange_import", "exchange_sync_state", "exchange_conflict", "council_setting", "alembic_version"}

KIND_LABELS = {
    "address": "адресу", "phone": "номер телефону", "email": "адресу e-mail", "birth": "дату народження",
    "document": "номер документа", "hash": "хеш ідентифікатора виборця або секрет", "contact": "контакти",
    "secret": "секрет",
}

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
PHONE_RE = re.compile(r"(?<![\d\w])(?:\+?3\s?8\s?)?\(?0\d{2}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}(?![\d\w])")
HASH_RE = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{32,}(?![0-9a-fA-F])")
PASSPORT_RE = re.compile(r"(?<!\w)[А-ЩЬЮЯҐЄІЇ]{2}\s?№?\s?\d{6}(?!\d)")
ID_KEYWORD_RE = re.compile(r"(паспорт\w*|РНОКПП|ІПН|ідентифікаційн\w+\s+(?:код|номер))\W{0,20}\d{6,}", re.IGNORECASE)
TOKEN_RE = re.compile(r"\w+", re.UNICODE)
# Record keys in the datasets: random hex whose digit runs can look like a phone number.
UUID_RE = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
                     r"(?![0-9a-fA-F])")


def _kind_of(table: str, column: str) -> str:
    name = column.lower()
    for key in ("address", "phone", "birth", "born", "passport", "document", "id_card", "rnokpp", "ipn", "tax",
                "voter_hash", "password", "secret", "contact"):
        if key in name:
            return {"born": "birth", "passport": "document", "id_card": "document", "rnokpp": "document",
                    "ipn": "document", "tax": "document", "voter_hash": "hash", "password": "secret"}.get(key, key)
    if "mail" in name:
        return "email"
    return "secret" if (table, column) in PRIVATE_COLUMNS else "contact"


def is_private_column(table: str, column: str) -> bool:
    if (table, column) in PUBLIC_EXCEPTIONS:
        return False
    return (table, column) in PRIVATE_COLUMNS or bool(PRIVATE_NAME.search(column))


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text.casefold().replace("’", "'"))


@dataclass(frozen=True)
class PrivateValue:
    tokens: tuple[str, ...]
    table: str
    column: str
    kind: str


@dataclass
class PrivateIndex:
    """The private values of the database, indexed for a fast scan of large texts."""

    by_anchor: dict[str, list[tuple[PrivateValue, int]]] = field(default_factory=lambda: defaultdict(list))
    phones: dict[str, tuple[str, str]] = field(default_factory=dict)  # last 9 digits -> (table, column)
    allowed_phones: set[str] = field(default_factory=set)
    allowed_emails: set[str] = field(default_factory=set)
    allowed_hashes: set[str] = field(default_factory=set)
    count: int = 0

    def add(self, table: str, column: str, kind: str, raw: Any) -> None:
        values: list[str] = []
        if isinstance(raw, date | datetime):
            day = raw if isinstance(raw, date) and not isinstance(raw, datetime) else raw.date()
            values = [day.isoformat(), day.strftime("%d.%m.%Y")]
        elif isinstance(raw, str):
            values = [raw]
        elif raw is not None and not isinstance(raw, bytes | bool):
            values = [str(raw)]
        for text in values:
            text = text.strip()
            if not text:
                continue
            if kind in ("phone", "contact") and len(_digits(text)) >= 9:
                self.phones[_digits(text)[-9:]] = (table, column)
            tokens = tuple(_tokens(text))
            if not tokens:
                continue
            joined = "".join(tokens)
            if len(joined) < 6:
                continue  # too short to identify anyone ("5", "кв. 2")
            if kind == "address" and not any(ch.isdigit() for ch in joined):
                continue  # a village or street without a house number identifies no one
            anchor = max(range(len(tokens)), key=lambda i: len(tokens[i]))
            self.by_anchor[tokens[anchor]].append((PrivateValue(tokens, table, column, kind), anchor))
            self.count += 1

    def find(self, text: str) -> Iterator[tuple[PrivateValue, int]]:
        """Private values occurring in ``text`` (as whole-token sequences), with their token position."""
        tokens = _tokens(text)
        for position, token in enumerate(tokens):
            candidates = self.by_anchor.get(token)
            if not candidates:
                continue
            for value, anchor in candidates:
                start = position - anchor
                if start < 0 or start + len(value.tokens) > len(tokens):
                    continue
                if tuple(tokens[start:start + len(value.tokens)]) == value.tokens:
                    yield value, start


def private_index(db: Database) -> PrivateIndex:
    """Every private value present in the database, plus the public contacts that look private."""
    from app.db.base import Base

    index = PrivateIndex()
    present = set(inspect(db.engine).get_table_names())
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_SCANNED or table.name not in present:
                continue
            private = [c for c in table.columns if is_private_column(table.name, c.name)
                       and not isinstance(c.type, LargeBinary)]
            public_contacts = [c for c in table.columns if (table.name, c.name) in PUBLIC_EXCEPTIONS]
            flagged = {c.name: f"{c.name}_public" for c in private if f"{c.name}_public" in table.c}
            if not private and not public_contacts:
                continue
            cols = {c.name: c for c in [*private, *public_contacts]}
            extra = [table.c[f] for f in flagged.values()]
            for row in s.execute(select(*cols.values(), *extra)).mappings():
                for name in cols:
                    value = row[name]
                    if value in (None, ""):
                        continue
                    public = (table.name, name) in PUBLIC_EXCEPTIONS or (name in flagged and row[flagged[name]])
                    if public:
                        text = str(value)
                        if len(_digits(text)) >= 9:
                            index.allowed_phones.add(_digits(text)[-9:])
                        index.allowed_emails.update(m.casefold() for m in EMAIL_RE.findall(text))
                        continue
                    index.add(table.name, name, _kind_of(table.name, name), value)
    return index


@dataclass(frozen=True)
class Finding:
    file: str
    kind: str
    field: str  # "table.column" or a pattern's name
    sample: str

    def text(self) -> str:
        where = f"поле «{self.field}»" if "." in self.field else self.field
        return f"у файлі «{self.file}» знайдено {KIND_LABELS.get(self.kind, self.kind)} ({where}: {self.sample})"


class PrivateDataError(ValidationError):
    """The pack would leak private data; nothing was published."""

    def __init__(self, findings: list[Finding]) -> None:
        first = findings[0]
        super().__init__(
            f"Публікацію зупинено: {first.text()}. Нічого не опубліковано. Приберіть ці дані з публічного звіту "
            "або набору даних (чи позначте контакт як публічний, якщо це контакт депутата) і повторіть.",
            f"Publication stopped: private data ({first.kind}, {first.field}) found in «{first.file}». "
            "Nothing was published.",
        )
        self.findings = findings

    def text(self, language: str = "uk") -> str:
        head = super().text(language)
        if len(self.findings) == 1:
            return head
        rest = [f"  • {f.text()}" for f in self.findings[1:20]]
        more = len(self.findings) - 20
        return head + "\nІнші знахідки:\n" + "\n".join(rest) + (f"\n  … і ще {more}" if more > 0 else "")


def _mask(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= 4:
        return "…"
    keep = max(2, len(text) // 4)
    return text[:keep] + "…" + text[-2:]


def scan_text(name: str, text: str, index: PrivateIndex, *, limit: int = 50) -> list[Finding]:
    """Private data in one file's text: the database's private values, then patterns."""
    findings: list[Finding] = []
    for value, _pos in index.find(text):
        findings.append(Finding(name, value.kind, f"{value.table}.{value.column}", _mask(" ".join(value.tokens))))
        if len(findings) >= limit:
            return findings
    text = UUID_RE.sub(" ", text)  # the patterns below look at content, not at record keys
    for match in PHONE_RE.finditer(text):
        digits = _digits(match.group())[-9:]
        if digits in index.allowed_phones:
            continue
        origin = index.phones.get(digits)
        field_name = f"{origin[0]}.{origin[1]}" if origin else "схожий на телефон рядок"
        findings.append(Finding(name, "phone", field_name, _mask(match.group())))
    for match in EMAIL_RE.finditer(text):
        if match.group().casefold() in index.allowed_emails:
            continue
        findings.append(Finding(name, "email", "схожий на e-mail рядок", _mask(match.group())))
    for match in HASH_RE.finditer(text):
        if match.group().lower() in index.allowed_hashes:
            continue
        findings.append(Finding(name, "hash", "схожий на хеш рядок", _mask(match.group())))
    for match in PASSPORT_RE.finditer(text):
        findings.append(Finding(name, "document", "схожий на номер паспорта рядок", _mask(match.group())))
    for match in ID_KEYWORD_RE.finditer(text):
        findings.append(Finding(name, "document", "номер документа", _mask(match.group())))
    return findings[:limit]


def file_text(path: Path) -> str:
    """The text of a generated file as a reader would see it (PDF text, spreadsheet cells...)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        return "\n".join((page.extract_text() or "") for page in reader.pages)
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            parts = []
            for sheet in book.worksheets:
                parts.append(sheet.title)
                for row in sheet.iter_rows(values_only=True):
                    parts.append("\t".join("" if v is None else str(v) for v in row))
            return "\n".join(parts)
        finally:
            book.close()
    return path.read_text(encoding="utf-8", errors="replace")


# --------------------------------------------------------------------------- building the pack


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


@dataclass(frozen=True)
class PublishResult:
    folder: Path
    files: list[PackFile]
    skipped: list[str]
    scanned: int

    @property
    def reports(self) -> int:
        return sum(1 for f in self.files if f.kind == "pdf")

    @property
    def datasets(self) -> int:
        return sum(1 for f in self.files if f.kind == "csv")


def _cell(value: Any) -> Any:
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


def _fk_target(table: Table, column: str) -> Table | None:
    for fk in table.c[column].foreign_keys:
        if fk.column.name == "id" and "uuid" in fk.column.table.c:
            return fk.column.table
    return None


def _dataset_rows(db: Database, ds: Dataset, table: Table) -> tuple[list[str], list[list[Any]]]:
    for column in ds.columns:
        if column not in table.c:
            raise ValidationError(f"Набір «{ds.title}»: у таблиці {ds.table} немає стовпця «{column}».")
        if is_private_column(ds.table, column) and column not in ds.conditional:
            raise ValidationError(f"Набір «{ds.title}»: стовпець «{column}» приватний і не може публікуватися.")
    headers = ["uuid"]
    for column in ds.columns:
        target = _fk_target(table, column)
        headers.append(column[:-3] + "_uuid" if target is not None and column.endswith("_id") else column)
    targets = {c: _fk_target(table, c) for c in ds.columns}
    maps: dict[str, dict[int, str]] = {}
    rows: list[list[Any]] = []
    with db.read() as s:
        for target in targets.values():
            if target is not None and target.name not in maps:
                maps[target.name] = {rid: ruuid for rid, ruuid in s.execute(select(target.c.id, target.c.uuid))}
        conditions = [table.c[f] for f in ds.conditional.values()]
        stmt = select(table.c.uuid, *[table.c[c] for c in ds.columns], *conditions).order_by(table.c.id)
        if ds.where is not None:
            stmt = stmt.where(ds.where(table))
        for record in s.execute(stmt).mappings():
            row: list[Any] = [record["uuid"]]
            for column in ds.columns:
                value = record[column]
                flag = ds.conditional.get(column)
                if flag is not None and not record[flag]:
                    value = None
                target = targets[column]
                if target is not None and value is not None:
                    value = maps[target.name].get(value, "")
                if isinstance(table.c[column].type, LargeBinary):
                    value = None
                row.append(_cell(value))
            rows.append(row)
    return headers, rows


def _write_csv(path: Path, headers: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        writer.writerows(rows)


def _write_xlsx(path: Path, sheets: list[tuple[str, list[str], list[list[Any]]]]) -> None:
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


def _render_reports(db: Database, folder: Path, files: list[PackFile], skipped: list[str],
                    tick: Callable[[str], None]) -> None:
    from app.reports import registry

    (folder / "reports").mkdir()
    for kind in registry.all_reports():
        if not kind.public:
            continue
        targets: list[tuple[int | None, str]]
        if kind.needs_id:
            try:
                targets = [(rid, label) for rid, label in (kind.choices(db) if kind.choices else [])]
            except Exception as exc:  # noqa: BLE001 - one area's list must not stop the others
                log.exception("choices of %s failed", kind.id)
                skipped.append(f"{kind.title_uk}: не вдалося отримати перелік записів ({exc})")
                continue
        else:
            targets = [(None, "")]
        for record_id, label in targets:
            name = f"{kind.id}.pdf" if record_id is None else f"{kind.id}-{record_id}.pdf"
            path = folder / "reports" / name
            tick(f"Звіт: {kind.title_uk} {label}".strip())
            try:
                kind.render(db, record_id, path, None)
            except ServiceError as exc:
                skipped.append(f"{kind.title_uk} {label}: {exc.message}".strip())
                path.unlink(missing_ok=True)
                continue
            except OSError:
                raise
            except Exception as exc:  # noqa: BLE001 - a broken report is reported, not published
                log.exception("report %s %s failed", kind.id, record_id)
                skipped.append(f"{kind.title_uk} {label}: помилка формування ({type(exc).__name__})".strip())
                path.unlink(missing_ok=True)
                continue
            title = kind.title_uk + (f" — {label}" if label else "")
            files.append(PackFile(f"reports/{name}", "pdf", title, _report_area(kind.id), group=kind.title_uk,
                                  label=label))


def _report_area(kind_id: str) -> str:
    if kind_id.startswith(("petition", "appeal")):
        return "petitions"
    if kind_id.startswith(("pb", "budget")):
        return "budget"
    if kind_id.startswith("council"):
        return "council"
    return "deputies"


def _build_datasets(db: Database, folder: Path, files: list[PackFile], tick: Callable[[str], None]) -> None:
    import app.db.models  # noqa: F401
    from app.db.base import Base

    data = folder / "data"
    data.mkdir(exist_ok=True)
    present = set(inspect(db.engine).get_table_names())
    per_area: dict[str, list[tuple[str, list[str], list[list[Any]]]]] = defaultdict(list)
    for ds in areas.datasets():
        table = Base.metadata.tables.get(ds.table)
        if table is None or ds.table not in present:
            continue
        tick(f"Набір даних: {ds.title}")
        headers, rows = _dataset_rows(db, ds, table)
        _write_csv(data / f"{ds.table}.csv", headers, rows)
        files.append(PackFile(f"data/{ds.table}.csv", "csv", ds.title, ds.area, len(rows)))
        per_area[ds.area].append((ds.title, headers, rows))
    for area, sheets in per_area.items():
        _write_xlsx(data / f"{area}.xlsx", sheets)
        files.append(PackFile(f"data/{area}.xlsx", "xlsx", f"{areas.area_titles().get(area, area)} (усі таблиці)", area,
                              sum(len(r) for _, _, r in sheets)))


def _build_popolo(db: Database, folder: Path, files: list[PackFile], skipped: list[str],
                  tick: Callable[[str], None]) -> None:
    try:
        from app.interchange import popolo
    except ImportError:
        return
    tick("Popolo JSON")
    target = folder / "data" / "popolo.json"
    try:
        popolo.write_popolo(db, target)
    except ServiceError as exc:
        skipped.append(f"Popolo JSON: {exc.message}")
        return
    files.append(PackFile("data/popolo.json", "json", "Депутати, сесії та голосування (Popolo JSON)", "deputies"))


def _build_pabulib(db: Database, folder: Path, files: list[PackFile], skipped: list[str],
                   tick: Callable[[str], None]) -> None:
    try:
        from app.db.models.budget import BudgetCycle
        from app.interchange import pb_cycles
    except ImportError:
        return
    with db.read() as s:
        cycles = s.execute(select(BudgetCycle.id, BudgetCycle.year, BudgetCycle.title,
                                  BudgetCycle.results_approved_at).order_by(BudgetCycle.year, BudgetCycle.id)).all()
    for cycle_id, year, title, approved in cycles:
        if approved is None:
            skipped.append(f"Pabulib «{title}»: результати голосування ще не затверджено — голоси не публікуються.")
            continue
        tick(f"Pabulib: {title}")
        target = folder / "data" / f"pb-{year}-{cycle_id}.pb"
        try:
            written = pb_cycles.export_pabulib(db, cycle_id, target)
        except ServiceError as exc:
            skipped.append(f"Pabulib «{title}»: {exc.message}")
            continue
        for path in written:
            files.append(PackFile(f"data/{path.name}", "pb", f"{title}: голоси і проєкти (Pabulib)", "budget"))


def _index_html(profile: Any, files: list[PackFile], skipped: list[str], generated: datetime) -> str:
    from app.domain.formats import format_datetime

    e = html.escape
    parts = [
        "<!DOCTYPE html>", '<html lang="uk">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Відкриті дані — {e(profile.council_name)}</title>",
        "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60em;margin:1.5em auto;padding:0 1em;"
        "color:#1a1a1a;line-height:1.45}h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;margin-top:1.6em;"
        "border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;"
        "padding:.3em .5em;text-align:left;vertical-align:top}th{background:#eee}a{color:#0b4f9c}"
        ".muted{color:#555;font-size:.9em}@media print{a{color:#000;text-decoration:none}"
        "a[href]:after{content:' (' attr(href) ')';font-size:.8em}}</style>",
        "</head>", "<body>",
        f"<h1>{e(profile.council_name)}</h1>",
        f"<p>{e(profile.hromada_name)}. Відкриті дані ради: звіти та набори даних.</p>",
        f'<p class="muted">Сформовано {e(format_datetime(generated))} програмою Hromada Desk {e(__version__)}. '
        'Опис усіх файлів із контрольними сумами — у <a href="manifest.json">manifest.json</a>.</p>',
    ]
    reports = [f for f in files if f.kind == "pdf"]
    if reports:
        parts.append("<h2>Звіти (PDF)</h2>")
        for area, area_title in areas.area_titles().items():
            in_area = [f for f in reports if f.area == area]
            if not in_area:
                continue
            parts.append(f"<h3>{e(area_title)}</h3>")
            groups: dict[str, list[PackFile]] = {}
            for f in in_area:
                groups.setdefault(f.group or f.title, []).append(f)
            parts.append("<ul>")
            for group, items in groups.items():
                if len(items) == 1 and not items[0].label:
                    parts.append(f'<li><a href="{e(items[0].path)}">{e(group)}</a></li>')
                    continue
                links = "".join(f'<li><a href="{e(f.path)}">{e(f.label or f.title)}</a></li>' for f in items)
                parts.append(f"<li>{e(group)}<ul>{links}</ul></li>")
            parts.append("</ul>")
    data = [f for f in files if f.kind in ("csv", "xlsx")]
    if data:
        parts += ["<h2>Набори даних</h2>", "<table>", "<tr><th>Набір</th><th>Розділ</th><th>Записів</th>"
                  "<th>Файл</th></tr>"]
        for f in data:
            parts.append(f"<tr><td>{e(f.title)}</td><td>{e(areas.area_titles().get(f.area, f.area))}</td>"
                         f"<td>{'' if f.rows is None else f.rows}</td>"
                         f'<td><a href="{e(f.path)}">{e(f.path.rsplit("/", 1)[-1])}</a></td></tr>')
        parts.append("</table>")
        parts.append('<p class="muted">CSV — UTF-8, кома як роздільник; ідентифікатори записів — UUID, '
                     "посилання між наборами — стовпці *_uuid. Суми громадського бюджету — у копійках.</p>")
    other = [f for f in files if f.kind in ("json", "pb")]
    if other:
        parts += ["<h2>Відкриті формати</h2>", "<ul>"]
        for f in other:
            fmt = "Popolo JSON" if f.kind == "json" else "Pabulib .pb"
            parts.append(f'<li><a href="{e(f.path)}">{e(f.title)}</a> <span class="muted">({fmt})</span></li>')
        parts.append("</ul>")
    if skipped:
        parts += ["<h2>Не включено</h2>", "<ul>"] + [f"<li>{e(s)}</li>" for s in skipped] + ["</ul>"]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _prepare_target(out: Path) -> None:
    """The output folder must be new, empty, or an earlier pack (which is replaced)."""
    if out.exists():
        if not out.is_dir():
            raise ValidationError(f"«{out}» — це файл, а не папка.", f"«{out}» is a file, not a folder.")
        content = [p.name for p in out.iterdir()]
        if content and "manifest.json" not in content:
            raise ValidationError(
                f"Папка «{out}» не порожня і не містить попереднього пакета відкритих даних: виберіть порожню папку.",
                f"The folder «{out}» is not empty; choose an empty folder.",
            )


@writes(Permission.PUBLISH)
def publish(
    db: Database,
    actor: Actor,
    out: Path | str,
    *,
    progress: ProgressCallback | None = None,
    generated: datetime | None = None,
) -> PublishResult:
    """Build the open-data pack in ``out`` (see the module docstring); refused whole on any private data."""
    out = Path(out).expanduser()
    parent = check_folder(out.parent if out.parent != Path("") else Path("."), "пакет відкритих даних")
    _prepare_target(out)
    profile = council.require_profile(db)
    generated = generated or datetime.now()
    from app.reports import registry

    steps = [0, 1]
    public = [k for k in registry.all_reports() if k.public]
    steps[1] = len(public) * 3 + len(areas.datasets()) + 10

    def tick(text: str) -> None:
        steps[0] += 1
        steps[1] = max(steps[1], steps[0] + 3)
        report(progress, steps[0], steps[1], text)

    staging = parent / f".{out.name}.staging-{secrets.token_hex(4)}"
    try:
        staging.mkdir()
    except OSError as exc:
        raise os_error(exc, staging, "пакет відкритих даних") from exc
    files: list[PackFile] = []
    skipped: list[str] = []
    try:
        _render_reports(db, staging, files, skipped, tick)
        _build_datasets(db, staging, files, tick)
        _build_popolo(db, staging, files, skipped, tick)
        _build_pabulib(db, staging, files, skipped, tick)
        index_text = _index_html(profile, files, skipped, generated)
        (staging / "index.html").write_text(index_text, encoding="utf-8")
        tick("Перевірка на персональні дані")
        private = private_index(db)
        findings: list[Finding] = []
        scanned = 0
        for item in [*files, PackFile("index.html", "html", "index.html")]:
            tick(f"Перевірка: {item.path}")
            path = staging / item.path
            findings.extend(scan_text(item.path, file_text(path), private))
            scanned += 1
        if findings:
            raise PrivateDataError(findings)
        files = [PackFile(f.path, f.kind, f.title, f.area, f.rows, _sha256(staging / f.path),
                          (staging / f.path).stat().st_size, f.group, f.label) for f in files]
        manifest = {
            "format": MANIFEST_FORMAT, "version": MANIFEST_VERSION,
            "council": {"hromada_name": profile.hromada_name, "council_name": profile.council_name,
                        "website": profile.website},
            "generated_at": generated.isoformat(timespec="seconds"), "generator": f"Hromada Desk {__version__}",
            "files": [{"path": f.path, "type": f.kind, "title": f.title, "area": f.area, "rows": f.rows,
                       "sha256": f.sha256, "bytes": f.size} for f in files],
            "datasets": [{"table": d.table, "title": d.title, "area": d.area, "columns": ["uuid", *d.columns],
                          "note": d.note}
                         for d in areas.datasets() if any(f.path == f"data/{d.table}.csv" for f in files)],
            "not_included": skipped,
            "privacy_check": {"files_scanned": scanned, "private_values_checked": private.count,
                              "patterns": ["phone", "email", "hash", "passport", "document-number"]},
        }
        (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        _swap_into_place(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise os_error(exc, out, "пакет відкритих даних") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    with db.write() as s:
        audit.record(s, actor, audit.Action.OTHER, "open_data",
                     summary=f"Пакет відкритих даних: {len(files)} файлів → {out}",
                     changes={"files": [None, len(files)], "folder": [None, str(out)]})
    return PublishResult(out, files, skipped, scanned)


def _swap_into_place(staging: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{secrets.token_hex(4)}")
        out.rename(old)
    try:
        staging.rename(out)
    except OSError:
        if old is not None:
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


__all__ = ["PrivateDataError", "PublishResult", "private_index", "publish", "scan_text"]

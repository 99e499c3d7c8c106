"""The database half of the open-data pack (:mod:`app.publish` builds the files).

* :func:`available_datasets` / :func:`dataset_table` — a public dataset's rows, read through
  its **allow-list** of columns (:class:`~app.services.area.Dataset`): conditional columns
  are emptied unless their flag is set, the dataset's row filter applies, links to other
  records become their UUIDs, private columns are never read;
* :func:`private_index` — every private value present in the database (citizens' addresses,
  phones, e-mails, birth dates, document numbers, voter hashes, secrets), indexed so that
  the pack's scanner finds them in large texts, plus the public contacts that look private;
* :func:`pb_cycles` — the participatory-budget cycles, with whether their results were
  approved (only those are published as Pabulib files);
* :func:`record_publication` — the audit-trail entry of a published pack.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import LargeBinary, Table, inspect, select

import app.db.models  # noqa: F401 - fills Base.metadata with every table
from app.db.base import Base
from app.db.engine import Database
from app.db.models.budget import BudgetCycle
from app.errors import ValidationError
from app.services.area import Dataset
from app.services.core import audit
from app.services.core.auth import Actor, Permission, writes

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

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def kind_of(table: str, column: str) -> str:
    """What kind of private value a column holds (``address``, ``phone``, ``email``, ``document``…)."""
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


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def tokens(text: str) -> list[str]:
    """The words of ``text`` as the scanner compares them (case-folded, one apostrophe)."""
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
            if kind in ("phone", "contact") and len(digits(text)) >= 9:
                self.phones[digits(text)[-9:]] = (table, column)
            words = tuple(tokens(text))
            if not words:
                continue
            joined = "".join(words)
            if len(joined) < 6:
                continue  # too short to identify anyone ("5", "кв. 2")
            if kind == "address" and not any(ch.isdigit() for ch in joined):
                continue  # a village or street without a house number identifies no one
            anchor = max(range(len(words)), key=lambda i: len(words[i]))
            self.by_anchor[words[anchor]].append((PrivateValue(words, table, column, kind), anchor))
            self.count += 1

    def find(self, text: str) -> Iterator[tuple[PrivateValue, int]]:
        """Private values occurring in ``text`` (as whole-token sequences), with their token position."""
        words = tokens(text)
        for position, word in enumerate(words):
            candidates = self.by_anchor.get(word)
            if not candidates:
                continue
            for value, anchor in candidates:
                start = position - anchor
                if start < 0 or start + len(value.tokens) > len(words):
                    continue
                if tuple(words[start:start + len(value.tokens)]) == value.tokens:
                    yield value, start


def private_index(db: Database) -> PrivateIndex:
    """Every private value present in the database, plus the public contacts that look private."""
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
                        if len(digits(text)) >= 9:
                            index.allowed_phones.add(digits(text)[-9:])
                        index.allowed_emails.update(m.casefold() for m in EMAIL_RE.findall(text))
                        continue
                    index.add(table.name, name, kind_of(table.name, name), value)
    return index


# --------------------------------------------------------------------------- public datasets


@dataclass(frozen=True)
class DatasetTable:
    """A dataset's rows as stored: ``uuid`` first, then the allow-listed columns (links as UUIDs)."""

    headers: list[str]
    rows: list[list[Any]]


def available_datasets(db: Database, datasets: list[Dataset]) -> list[Dataset]:
    """The datasets whose table exists in this database (in the order given)."""
    present = set(inspect(db.engine).get_table_names())
    return [ds for ds in datasets if ds.table in Base.metadata.tables and ds.table in present]


def _fk_target(table: Table, column: str) -> Table | None:
    for fk in table.c[column].foreign_keys:
        if fk.column.name == "id" and "uuid" in fk.column.table.c:
            return fk.column.table
    return None


def dataset_table(db: Database, ds: Dataset) -> DatasetTable:
    """The public rows of one dataset; refused if its allow-list names a missing or private column."""
    table = Base.metadata.tables[ds.table]
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
                row.append(value)
            rows.append(row)
    return DatasetTable(headers, rows)


# --------------------------------------------------------------------------- Pabulib files


@dataclass(frozen=True)
class PbCycle:
    id: int
    year: int
    title: str
    results_approved: bool  # only approved results are published (their votes as Pabulib files)


def pb_cycles(db: Database) -> list[PbCycle]:
    """Every participatory-budget cycle, the oldest year first."""
    with db.read() as s:
        rows = s.execute(select(BudgetCycle.id, BudgetCycle.year, BudgetCycle.title,
                                BudgetCycle.results_approved_at).order_by(BudgetCycle.year, BudgetCycle.id)).all()
    return [PbCycle(cycle_id, year, title, approved is not None) for cycle_id, year, title, approved in rows]


# --------------------------------------------------------------------------- the audit trail


@writes(Permission.PUBLISH)
def record_publication(db: Database, actor: Actor, folder: Path, files: int) -> None:
    """Record in the audit trail that a pack of ``files`` files was published to ``folder``."""
    with db.write() as s:
        audit.record(s, actor, audit.Action.OTHER, "open_data",
                     summary=f"Пакет відкритих даних: {files} файлів → {folder}",
                     changes={"files": [None, files], "folder": [None, str(folder)]})


__all__ = [
    "DatasetTable", "PbCycle", "PrivateIndex", "PrivateValue", "available_datasets", "dataset_table",
    "is_private_column", "kind_of", "pb_cycles", "private_index", "record_publication",
]

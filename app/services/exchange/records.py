"""Records on the wire: a table row to the content that travels (and is hashed), and back.

A record's content holds its content columns (no bookkeeping, private or derived columns),
its foreign keys as the UUIDs of the records they name (ids differ between PCs) and its owned
rows inside it. :class:`RecordKeys` caches the ``id <-> uuid`` maps of one session; an
:class:`Incoming` is one record read from a bundle, decoded against this program's schema.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.services import registry
from app.services.exchange.codec import UUID_RE, BadValue, canonical, decode_value, encode_value
from app.services.exchange.scope import TableSpec

CHUNK = 500


def chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """``items`` in slices of ``size`` (an ``IN (...)`` list stays within every backend's limits)."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


class RecordKeys:
    """Cached ``id <-> uuid`` maps per table for one session."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self._uuid_of: dict[str, dict[int, str]] = {}
        self._id_of: dict[str, dict[str, int]] = {}

    def _load(self, table: Table) -> None:
        if table.name in self._uuid_of:
            return
        forward: dict[int, str] = {}
        back: dict[str, int] = {}
        for rid, ruuid in self.s.execute(select(table.c.id, table.c.uuid)):
            forward[rid] = ruuid
            back[ruuid] = rid
        self._uuid_of[table.name] = forward
        self._id_of[table.name] = back

    def uuid_of(self, table: Table, rid: int | None) -> str | None:
        if rid is None:
            return None
        self._load(table)
        return self._uuid_of[table.name].get(rid)

    def id_of(self, table: Table, ruuid: str | None) -> int | None:
        if ruuid is None:
            return None
        self._load(table)
        return self._id_of[table.name].get(ruuid)

    def add(self, table: Table, rid: int, ruuid: str) -> None:
        self._load(table)
        self._uuid_of[table.name][rid] = ruuid
        self._id_of[table.name][ruuid] = rid

    def alias(self, table: Table, remote_uuid: str, rid: int) -> None:
        """A remote UUID that stands for a local record (matched by natural key)."""
        self._load(table)
        self._id_of[table.name][remote_uuid] = rid

    def forget(self, table: Table, rid: int) -> None:
        self._load(table)
        ruuid = self._uuid_of[table.name].pop(rid, None)
        if ruuid is not None:
            self._id_of[table.name].pop(ruuid, None)


def fetch_owned(s: Session, spec: TableSpec, owner_ids: list[int]) -> dict[str, dict[int, list[Mapping[Any, Any]]]]:
    """The owned rows of these records: ``{owned key: {owner id: [rows]}}``."""
    result: dict[str, dict[int, list[Mapping[Any, Any]]]] = {}
    for owned in spec.owned:
        fk = owned.table.c[owned.owner_fk]
        grouped: dict[int, list[Mapping[Any, Any]]] = defaultdict(list)
        if len(owner_ids) > 4 * CHUNK:
            wanted = set(owner_ids)
            for row in s.execute(select(owned.table)).mappings():
                if row[owned.owner_fk] in wanted:
                    grouped[row[owned.owner_fk]].append(row)
        else:
            for chunk in chunks(owner_ids):
                for row in s.execute(select(owned.table).where(fk.in_(chunk))).mappings():
                    grouped[row[owned.owner_fk]].append(row)
        result[owned.key] = grouped
    return result


def encode_record(spec: TableSpec, row: Mapping[Any, Any], keys: RecordKeys,
                  owned: Mapping[str, Mapping[int, list[Mapping[Any, Any]]]]) -> dict[str, Any]:
    """A row's content as it travels: foreign keys as UUIDs, owned rows inside, in canonical order."""
    content: dict[str, Any] = {}
    for column in spec.columns:
        value = row[column.name]
        if column.name in spec.fks:
            content[column.name] = keys.uuid_of(spec.fks[column.name], value)
        else:
            content[column.name] = encode_value(column, value)
    for owned_spec in spec.owned:
        items = []
        for child in owned.get(owned_spec.key, {}).get(row["id"], []):
            item = {}
            for column in owned_spec.columns:
                value = child[column.name]
                item[column.name] = (keys.uuid_of(owned_spec.fks[column.name], value)
                                     if column.name in owned_spec.fks else encode_value(column, value))
            items.append(item)
        items.sort(key=canonical)
        content[owned_spec.key] = items
    return content


def label_of(table: str, language: str = "uk") -> str:
    """The human name of a record type (``faction`` -> «фракція»)."""
    return registry.entity_label(table, language)


def record_title(table: str, values: Mapping[str, Any], ruuid: str) -> str:
    """``Фракція «Назва» (1a2b3c4d…)``: the record's kind, its name when it has one, its UUID."""
    name = next((values[k] for k in ("name", "title", "signer_name", "full_name", "username", "number",
                                     "reg_number", "code") if values.get(k) not in (None, "")), None)
    label = label_of(table)
    label = label[:1].upper() + label[1:]
    return f"{label} «{name}» ({ruuid[:8]}…)" if name is not None else f"{label} ({ruuid[:8]}…)"


@dataclass
class Incoming:
    """One record (or deletion) read from a bundle, checked and decoded, not yet merged."""

    table: str
    uuid: str
    hash: str
    base: str | None
    created_at: datetime | None
    content: dict[str, Any] | None  # None: a deletion
    values: dict[str, Any] = field(default_factory=dict)  # decoded, FKs still as UUIDs
    owned: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    owned_local: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # FKs as local ids


def decode_content(spec: TableSpec, incoming: Incoming, problems: list[str], number: int) -> None:
    """Fill ``incoming.values`` and ``incoming.owned`` from its content; what does not fit goes to ``problems``."""
    content = incoming.content or {}
    known = {c.name for c in spec.columns} | {o.key for o in spec.owned}
    extra = sorted(set(content) - known)
    if extra:
        problems.append(f"Рядок {number} ({label_of(spec.name)}): невідомі поля {', '.join(extra[:5])} — пакет "
                        "створено новішою версією програми.")
        return
    for column in spec.columns:
        if column.name not in content:
            if not column.nullable and column.default is None and column.server_default is None:
                problems.append(f"Рядок {number} ({label_of(spec.name)}): бракує поля «{column.name}».")
            continue
        value = content[column.name]
        try:
            if column.name in spec.fks:
                if value is not None and (not isinstance(value, str) or not UUID_RE.match(value)):
                    raise BadValue("неправильне посилання")
                if value is None and not column.nullable:
                    raise BadValue("значення обов’язкове")
                incoming.values[column.name] = value
            else:
                incoming.values[column.name] = decode_value(column, value)
        except BadValue as exc:
            problems.append(f"Рядок {number} ({label_of(spec.name)}), поле «{column.name}»: {exc}.")
    for owned in spec.owned:
        items = content.get(owned.key, [])
        if not isinstance(items, list):
            problems.append(f"Рядок {number} ({label_of(spec.name)}): неправильні вкладені записи.")
            continue
        decoded: list[dict[str, Any]] = []
        for item in items:
            if not isinstance(item, dict) or set(item) - {c.name for c in owned.columns}:
                problems.append(f"Рядок {number} ({label_of(spec.name)}): неправильні вкладені записи.")
                break
            values: dict[str, Any] = {}
            try:
                for column in owned.columns:
                    value = item.get(column.name)
                    if column.name in owned.fks:
                        if not isinstance(value, str) or not UUID_RE.match(value):
                            raise BadValue("неправильне посилання")
                        values[column.name] = value
                    else:
                        values[column.name] = decode_value(column, value)
            except BadValue as exc:
                problems.append(f"Рядок {number} ({label_of(spec.name)}), {label_of(owned.table.name)}: {exc}.")
                break
            decoded.append(values)
        incoming.owned[owned.key] = decoded

"""The scope of exchange: which tables travel between PCs, and how.

Derived from an ORM ``MetaData`` (``Base.metadata`` by default) and the areas' table
policies (:func:`app.services.registry.exchange_policies`). Every table with ``id`` and
``uuid`` travels as records keyed by UUID, its foreign keys as the UUIDs of the records they
name. A table without a UUID whose primary key is a cascading foreign key to such a record
(the choices of a ballot) travels inside that record. Tables come parents first, so a merge
can insert them in order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from typing import Any

from sqlalchemy import Column, MetaData, Table, UniqueConstraint, inspect

import app.db.models  # noqa: F401  (fill the metadata)
from app.db.base import Base
from app.db.engine import Database
from app.services import registry
from app.services.area import TablePolicy

BOOKKEEPING = ("id", "uuid", "created_at", "updated_at", "version")


@dataclass
class OwnedSpec:
    """Rows without a UUID that belong to a record of the owner table (e.g. a ballot's choices)."""

    table: Table
    owner_fk: str
    columns: list[Column[Any]]
    fks: dict[str, Table]

    @property
    def key(self) -> str:
        return "@" + self.table.name


@dataclass
class TableSpec:
    table: Table
    policy: TablePolicy
    columns: list[Column[Any]]  # content columns (no bookkeeping, private or derived columns)
    fks: dict[str, Table]  # content column -> referenced table (by its id)
    owned: list[OwnedSpec]
    uniques: list[tuple[str, ...]]

    @property
    def name(self) -> str:
        return self.table.name


class Scope:
    """Which tables travel and how, derived from a MetaData (``Base.metadata`` by default)."""

    def __init__(self, metadata: MetaData, policies: Mapping[str, TablePolicy] | None = None,
                 present: set[str] | None = None) -> None:
        policies = registry.exchange_policies() if policies is None else policies
        self.metadata = metadata
        self.specs: dict[str, TableSpec] = {}
        self.skipped: list[str] = []
        with_uuid = {t.name for t in metadata.tables.values() if "uuid" in t.c and "id" in t.c}
        owned: dict[str, list[OwnedSpec]] = defaultdict(list)
        for table in metadata.tables.values():
            if present is not None and table.name not in present:
                continue
            if table.name in with_uuid:
                continue
            spec = self._owned_spec(table, with_uuid)
            if spec is None:
                self.skipped.append(table.name)
            else:
                owner = next(fk.column.table.name for fk in table.foreign_keys if fk.parent.name == spec.owner_fk)
                owned[owner].append(spec)
        specs: dict[str, TableSpec] = {}
        for table in metadata.sorted_tables:
            if table.name not in with_uuid or (present is not None and table.name not in present):
                continue
            policy = policies.get(table.name, TablePolicy())
            if policy.exclude:
                continue
            hidden = set(BOOKKEEPING) | policy.private_columns | policy.derived_columns
            columns = [c for c in table.columns if c.name not in hidden]
            specs[table.name] = TableSpec(
                table=table, policy=policy, columns=columns, fks=_fk_targets(columns, with_uuid),
                owned=owned.get(table.name, []), uniques=_unique_keys(table, hidden),
            )
        # Parents first; a record's owned rows count as its own references (a ballot's choices name projects).
        sorter: TopologicalSorter[str] = TopologicalSorter()
        for name, table_spec in specs.items():
            needs = {t.name for t in table_spec.fks.values()}
            for owned_spec in table_spec.owned:
                needs |= {t.name for t in owned_spec.fks.values()}
            sorter.add(name, *sorted(n for n in needs if n in specs and n != name))
        try:
            order = list(sorter.static_order())
        except CycleError:
            order = list(specs)
        self.specs = {name: specs[name] for name in order}

    @staticmethod
    def _owned_spec(table: Table, with_uuid: set[str]) -> OwnedSpec | None:
        owner_fk = None
        for fk in table.foreign_keys:
            if fk.column.table.name in with_uuid and fk.column.name == "id" and fk.ondelete == "CASCADE" \
                    and fk.parent.primary_key:
                owner_fk = fk.parent.name
                break
        if owner_fk is None:
            return None
        columns = [c for c in table.columns if c.name != owner_fk]
        return OwnedSpec(table, owner_fk, columns, _fk_targets(columns, with_uuid))

    @property
    def ordered(self) -> list[TableSpec]:
        return list(self.specs.values())

    def get(self, name: str) -> TableSpec | None:
        return self.specs.get(name)


def _fk_targets(columns: Iterable[Column[Any]], with_uuid: set[str]) -> dict[str, Table]:
    targets: dict[str, Table] = {}
    for column in columns:
        for fk in column.foreign_keys:
            if fk.column.name == "id" and fk.column.table.name in with_uuid:
                targets[column.name] = fk.column.table
    return targets


def _unique_keys(table: Table, hidden: set[str]) -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            cols = tuple(c.name for c in constraint.columns)
            if cols and not set(cols) & {"id", "uuid"} and not set(cols) & hidden:
                keys.append(cols)
    for column in table.columns:
        if column.unique and column.name not in ("id", "uuid") and column.name not in hidden:
            keys.append((column.name,))
    for index in table.indexes:
        if index.unique and not _is_partial(index):
            cols = tuple(c.name for c in index.columns)
            if cols and not set(cols) & {"id", "uuid"} and not set(cols) & hidden:
                keys.append(cols)
    return list(dict.fromkeys(keys))


def _is_partial(index: Any) -> bool:
    """A partial unique index (``WHERE ...``): the pre-check cannot judge it; the database will."""
    for dialect in ("sqlite", "postgresql"):
        try:
            if index.dialect_options[dialect]["where"] is not None:
                return True
        except KeyError:
            continue
    return False


def default_scope(db: Database | None = None) -> Scope:
    """Every table of the program (``Base.metadata``); with ``db``, only those its schema has."""
    present = None
    if db is not None:
        present = set(inspect(db.engine).get_table_names())
    return Scope(Base.metadata, present=present)

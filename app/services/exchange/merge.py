"""Merging one bundle into this database: all in one transaction, nothing written unless all of it is.

* per partner, ``exchange_sync_state`` keeps the content hash both PCs held at their last
  exchange; each incoming record also carries the sender's base hash;
* same content here → nothing to do; theirs unchanged since the last exchange → ours is
  kept (it will travel back); ours unchanged (or theirs was made from ours) → theirs is
  applied; **both changed → a conflict**, stored for the clerk, nothing overwritten;
* a UNIQUE rule the incoming record would break (the same voter or signer entered on
  two PCs) is reported as a duplicate, as a single database would refuse it;
* a record that refers to one not taken waits with it; deletions go children first;
* after the merge each area's after-import hook recomputes what it derives (e.g. the
  signature counts of petitions).
"""

from __future__ import annotations

import json
import uuid as uuid_module
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Column, Table, and_, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models.core import AuditEvent
from app.db.models.exchange import ExchangeConflict, ExchangePartner, ExchangeSyncState
from app.errors import StaleRecordError
from app.services import registry
from app.services.core import audit
from app.services.core.auth import Actor
from app.services.core.progress import ProgressCallback, report
from app.services.exchange.bundle import BundleInfo
from app.services.exchange.codec import content_hash, encode_value
from app.services.exchange.records import (
    Incoming,
    RecordKeys,
    chunks,
    encode_record,
    fetch_owned,
    label_of,
    record_title,
)
from app.services.exchange.scope import Scope, TableSpec
from app.services.exchange.status import OPEN

SYNC_TABLE: Table = ExchangeSyncState.__table__  # type: ignore[assignment]


class Merge:
    """One bundle merged into one transaction (also used to apply the clerk's decision on one conflict)."""

    def __init__(self, s: Session, scope: Scope, partner: ExchangePartner, info: BundleInfo,
                 actor: Actor, progress: ProgressCallback | None, *, load_sync: bool = True) -> None:
        self.s = s
        self.scope = scope
        self.partner = partner
        self.info = info
        self.actor = actor
        self.progress = progress
        self.keys = RecordKeys(s)
        self.sync: dict[tuple[str, str], str] = {
            (t, u): h for t, u, h in s.execute(
                select(ExchangeSyncState.table_name, ExchangeSyncState.record_uuid, ExchangeSyncState.content_hash)
                .where(ExchangeSyncState.partner_id == partner.id))} if load_sync else {}
        self.sync_changes: dict[tuple[str, str], str | None] = {}
        self.sync_stored: set[tuple[str, str]] = set()
        self.inserted: dict[str, int] = defaultdict(int)
        self.updated: dict[str, int] = defaultdict(int)
        self.deleted: dict[str, int] = defaultdict(int)
        self.unchanged = 0
        self.matched = 0
        self.conflicts = 0
        self.duplicates: list[str] = []
        self.problems: list[str] = []
        self.refused: set[tuple[str, str]] = set()  # (table, uuid) not taken: dependants must wait too
        self.touched: dict[str, set[int]] = defaultdict(set)
        self.parents_of_deleted: dict[str, set[int]] = defaultdict(set)
        self._unique_index: dict[tuple[str, tuple[str, ...]], dict[tuple[Any, ...], str]] = {}
        self._deleted_here: set[tuple[str, str]] | None = None
        self.done = 0
        self.total = max(len(info.counts) + len(info.deletions), 1)

    # ----- helpers
    def set_sync(self, table: str, ruuid: str, digest: str | None) -> None:
        """Both PCs now hold ``digest`` for this record (None: neither holds it); written by :meth:`write_sync`."""
        if (table, ruuid) in self.sync and (table, ruuid) not in self.sync_changes:
            self.sync_stored.add((table, ruuid))  # a row exists in exchange_sync_state: replace it
        self.sync_changes[(table, ruuid)] = digest
        if digest is None:
            self.sync.pop((table, ruuid), None)
        else:
            self.sync[(table, ruuid)] = digest

    def _locally_deleted(self, table: str, ruuid: str) -> bool:
        if self._deleted_here is None:
            names = list(self.scope.specs)
            stmt = select(AuditEvent.entity_type, AuditEvent.entity_uuid).where(
                AuditEvent.action == audit.Action.DELETE, AuditEvent.entity_type.in_(names),
                AuditEvent.entity_uuid != "").distinct()
            self._deleted_here = {(t, u) for t, u in self.s.execute(stmt)}
        return (table, ruuid) in self._deleted_here or (table, ruuid) in self.sync

    def _unique(self, spec: TableSpec, cols: tuple[str, ...]) -> dict[tuple[Any, ...], str]:
        key = (spec.name, cols)
        if key not in self._unique_index:
            table = spec.table
            index: dict[tuple[Any, ...], str] = {}
            for row in self.s.execute(select(table.c.uuid, *[table.c[c] for c in cols])):
                values = tuple(row[1:])
                if None not in values:
                    index[values] = row[0]
            self._unique_index[key] = index
        return self._unique_index[key]


    def _duplicate_of(self, spec: TableSpec, ruuid: str, row: Mapping[str, Any]) -> tuple[str, ...] | None:
        for cols in spec.uniques:
            values = tuple([row.get(c) for c in cols])
            if None in values:
                continue
            owner = self._unique(spec, cols).get(values)
            if owner is not None and owner != ruuid:
                return cols
        return None

    def _claim_unique(self, spec: TableSpec, ruuid: str, row: Mapping[str, Any],
                      old: Mapping[str, Any] | None = None) -> None:
        for cols in spec.uniques:
            index = self._unique(spec, cols)
            if old is not None:
                before = tuple(old.get(c) for c in cols)
                if index.get(before) == ruuid:
                    del index[before]
            values = tuple(row.get(c) for c in cols)
            if None not in values:
                index[values] = ruuid

    def _local_rows(self, spec: TableSpec, uuids: list[str]) -> dict[str, Mapping[Any, Any]]:
        table = spec.table
        found: dict[str, Mapping[Any, Any]] = {}
        for chunk in chunks(uuids):
            for row in self.s.execute(select(table).where(table.c.uuid.in_(chunk))).mappings():
                found[row["uuid"]] = row
        return found

    def _to_local(self, spec_fks: Mapping[str, Table], values: Mapping[str, Any]) -> tuple[dict[str, Any], str | None]:
        """Values with foreign keys turned from UUIDs into local ids; or the missing reference."""
        row = dict(values)
        for column, target in spec_fks.items():
            ref = values.get(column)
            if column not in values or ref is None:
                continue
            local_id = self.keys.id_of(target, ref)
            if local_id is None:
                if (target.name, ref) in self.refused:
                    return row, f"він посилається на {label_of(target.name)}, який теж не прийнято"
                return row, f"він посилається на {label_of(target.name)} ({ref[:8]}…), якого на цьому ПК немає"
            row[column] = local_id
        return row, None

    def _step(self, label: str) -> None:
        self.done += 1
        report(self.progress, self.done, self.total, label)

    # ----- merging
    def run(self, records: list[Incoming]) -> None:
        by_table: dict[str, list[Incoming]] = defaultdict(list)
        deletions: dict[str, list[Incoming]] = defaultdict(list)
        for item in records:
            (deletions if item.content is None else by_table)[item.table].append(item)
        for spec in self.scope.ordered:
            if by_table.get(spec.name):
                self._merge_table(spec, by_table[spec.name])
                self._step(f"Імпорт: {label_of(spec.name)}")
        for spec in reversed(self.scope.ordered):
            if deletions.get(spec.name):
                self._delete(spec, deletions[spec.name])
                self._step(f"Вилучення: {label_of(spec.name)}")
        self.write_sync()
        for table, ids in self.touched.items():
            hook = registry.after_import_hooks().get(table)
            if hook is not None and (ids or self.parents_of_deleted.get(table)):
                hook(self.s, ids, self.parents_of_deleted.get(table, set()))
        for table, parents in self.parents_of_deleted.items():
            hook = registry.after_import_hooks().get(table)
            if hook is not None and table not in self.touched and parents:
                hook(self.s, set(), parents)

    def _merge_table(self, spec: TableSpec, items: list[Incoming]) -> None:
        local = self._local_rows(spec, [i.uuid for i in items])
        local_owned = fetch_owned(self.s, spec, [r["id"] for r in local.values()]) if spec.owned and local else {}
        inserts: list[tuple[Incoming, dict[str, Any]]] = []
        for item in items:
            row = local.get(item.uuid)
            if row is None and spec.policy.natural_key:
                match = self._natural_match(spec, item)
                if match is not None:
                    self.keys.alias(spec.table, item.uuid, match)
                    self.matched += 1
                    continue
            if row is None:
                if spec.policy.insert_only:
                    inserts.append((item, {}))
                    continue
                if self._locally_deleted(spec.name, item.uuid):
                    if self.sync.get((spec.name, item.uuid)) == item.hash:
                        self.unchanged += 1  # deleted here, unchanged there: our deletion travels back
                    else:
                        self._conflict(spec, item, None, None)  # deleted here, changed there
                    continue
                inserts.append((item, {}))
                continue
            self.keys.add(spec.table, row["id"], item.uuid)
            if spec.policy.insert_only:
                self.unchanged += 1
                continue
            mine = content_hash(encode_record(spec, row, self.keys, local_owned))
            known = self.sync.get((spec.name, item.uuid))
            if mine == item.hash:
                self.unchanged += 1
                self.set_sync(spec.name, item.uuid, item.hash)
            elif known == item.hash:
                self.unchanged += 1  # theirs is what we agreed on; ours changed since and will travel back
            elif mine == known or mine == item.base:
                self.update_row(spec, item, row)
            else:
                self._conflict(spec, item, row, mine)
        self.insert_all(spec, inserts)

    def _natural_match(self, spec: TableSpec, item: Incoming) -> int | None:
        cols = spec.policy.natural_key
        values = tuple(item.values.get(c) for c in cols)
        if None in values or any(c in spec.fks for c in cols):
            return None
        table = spec.table
        return self.s.execute(select(table.c.id).where(and_(*[table.c[c] == v for c, v in zip(cols, values,
                                                                                               strict=True)]))
                              ).scalar_one_or_none()

    def _prepare(self, spec: TableSpec, item: Incoming, for_insert: bool) -> dict[str, Any] | None:
        row, missing = self._to_local(spec.fks, item.values)
        owned_rows: dict[str, list[dict[str, Any]]] = {}
        for owned in spec.owned:
            owned_rows[owned.key] = []
            for values in item.owned.get(owned.key, []):
                child, child_missing = self._to_local(owned.fks, values)
                missing = missing or child_missing
                owned_rows[owned.key].append(child)
        item.owned_local = owned_rows
        if missing:
            self.problems.append(f"{record_title(spec.name, item.values, item.uuid)} не прийнято: {missing}.")
            self.refused.add((spec.name, item.uuid))
            return None
        if for_insert:
            row.update(spec.policy.insert_values)
        duplicate = self._duplicate_of(spec, item.uuid, row)
        if duplicate is not None:
            fields = ", ".join(duplicate)
            self.duplicates.append(
                f"{record_title(spec.name, item.values, item.uuid)}: такий запис уже є на цьому ПК (збігаються поля: "
                f"{fields}) — як і в одній базі, повтор не прийнято.")
            self.refused.add((spec.name, item.uuid))
            return None
        return row

    def insert_all(self, spec: TableSpec, inserts: list[tuple[Incoming, dict[str, Any]]]) -> None:
        """Insert new records, those referring to others of the same batch after them."""
        pending = inserts
        now = utcnow()
        table = spec.table
        while pending:
            ready: list[tuple[Incoming, dict[str, Any]]] = []
            waiting: list[tuple[Incoming, dict[str, Any]]] = []
            in_batch = {i.uuid for i, _ in pending}
            for item, _ in pending:
                self_refs = [c for c, t in spec.fks.items() if t is table and item.values.get(c) in in_batch
                             and item.values.get(c) != item.uuid]
                if self_refs:
                    waiting.append((item, {}))
                    continue
                row = self._prepare(spec, item, for_insert=True)
                if row is None:
                    continue
                row.update(uuid=item.uuid, created_at=item.created_at or now, updated_at=now, version=1)
                self._claim_unique(spec, item.uuid, row)
                ready.append((item, row))
            if not ready and waiting:
                for item, _ in waiting:  # a cycle of references within the bundle
                    self.problems.append(f"{record_title(spec.name, item.values, item.uuid)} не прийнято: "
                                         "кругові посилання між записами пакета.")
                    self.refused.add((spec.name, item.uuid))
                break
            if ready:
                self._bulk_insert(spec, ready)
            pending = waiting

    def _bulk_insert(self, spec: TableSpec, ready: list[tuple[Incoming, dict[str, Any]]]) -> None:
        table = spec.table
        columns = {k for _, row in ready for k in row}
        rows = [row for _, row in ready]
        if any(len(row) != len(columns) for row in rows):  # executemany needs the same keys in every row
            defaults = {c: _default(table.c[c]) for c in columns}
            rows = [{**defaults, **row} for row in rows]
        try:
            with self.s.begin_nested():
                for chunk in chunks(rows, 1000):
                    for rid, ruuid in self.s.execute(insert(table).returning(table.c.id, table.c.uuid), chunk):
                        self.keys.add(table, rid, ruuid)
                        self.touched[spec.name].add(rid)
        except IntegrityError:
            # A rule the pre-checks do not know (CHECK, partial index...): find the records one by one.
            for item, row in ready:
                try:
                    with self.s.begin_nested():
                        rid = self.s.execute(insert(table).returning(table.c.id), row).scalar_one()
                    self.keys.add(table, rid, item.uuid)
                    self.touched[spec.name].add(rid)
                except IntegrityError as exc:
                    self._integrity_problem(spec, item, exc)
                    continue
            ready = [(i, r) for i, r in ready if (spec.name, i.uuid) not in self.refused]
        self._insert_owned(spec, [(item, self.keys.id_of(table, item.uuid)) for item, _row in ready])
        for item, _row in ready:
            self.inserted[spec.name] += 1
            if not spec.policy.insert_only:
                self.set_sync(spec.name, item.uuid, item.hash)

    def _integrity_problem(self, spec: TableSpec, item: Incoming, exc: IntegrityError) -> None:
        self.refused.add((spec.name, item.uuid))
        self.duplicates.append(
            f"{record_title(spec.name, item.values, item.uuid)}: порушує правило бази "
            f"({str(exc.orig).splitlines()[0] if exc.orig else 'обмеження'}) — не прийнято.")

    def _insert_owned(self, spec: TableSpec, items: list[tuple[Incoming, int | None]]) -> None:
        """The owned rows (a ballot's choices) of freshly written records, one bulk insert per table."""
        for owned in spec.owned:
            rows = [{**values, owned.owner_fk: owner_id} for item, owner_id in items if owner_id is not None
                    for values in item.owned_local.get(owned.key, [])]
            for chunk in chunks(rows, 5000):
                self.s.execute(insert(owned.table), chunk)

    def update_row(self, spec: TableSpec, item: Incoming, local: Mapping[Any, Any]) -> None:
        """Take the partner's version of a local record (refused as stale if it changed meanwhile)."""
        row = self._prepare(spec, item, for_insert=False)
        if row is None:
            return
        table = spec.table
        result = self.s.execute(
            update(table).where(table.c.id == local["id"], table.c.version == local["version"])
            .values(**row, updated_at=utcnow(), version=local["version"] + 1))
        if getattr(result, "rowcount", 1) != 1:
            raise StaleRecordError(record_title(spec.name, item.values, item.uuid))
        self._claim_unique(spec, item.uuid, row, old=local)
        for owned in spec.owned:
            self.s.execute(delete(owned.table).where(owned.table.c[owned.owner_fk] == local["id"]))
        self._insert_owned(spec, [(item, local["id"])])
        self.touched[spec.name].add(local["id"])
        self.updated[spec.name] += 1
        self.set_sync(spec.name, item.uuid, item.hash)

    def _conflict(self, spec: TableSpec, item: Incoming, local: Mapping[Any, Any] | None, mine: str | None) -> None:
        local_owned = fetch_owned(self.s, spec, [local["id"]]) if local is not None and spec.owned else {}
        local_json = json.dumps(encode_record(spec, local, self.keys, local_owned), ensure_ascii=False) \
            if local is not None else None
        remote_json = json.dumps(item.content, ensure_ascii=False) if item.content is not None else None
        existing = self.s.execute(select(ExchangeConflict).where(
            ExchangeConflict.partner_id == self.partner.id, ExchangeConflict.table_name == spec.name,
            ExchangeConflict.record_uuid == item.uuid, ExchangeConflict.status == OPEN)).scalar_one_or_none()
        if existing is None:
            existing = ExchangeConflict(partner_id=self.partner.id, table_name=spec.name, record_uuid=item.uuid,
                                        status=OPEN, resolved_by="")
            self.s.add(existing)
        existing.local_json = local_json
        existing.remote_json = remote_json
        existing.local_hash = mine or ""
        existing.remote_hash = item.hash
        existing.remote_created_at = item.created_at
        existing.local_version = local["version"] if local is not None else None
        existing.bundle_uuid = self.info.bundle_uuid
        existing.detected_at = utcnow()
        self.conflicts += 1
        if local is None:
            self.refused.add((spec.name, item.uuid))

    def _delete(self, spec: TableSpec, items: list[Incoming]) -> None:
        local = self._local_rows(spec, [i.uuid for i in items])
        local_owned = fetch_owned(self.s, spec, [r["id"] for r in local.values()]) if spec.owned and local else {}
        for item in items:
            row = local.get(item.uuid)
            if row is None:
                self.unchanged += 1
                self.set_sync(spec.name, item.uuid, None)
                continue
            mine = content_hash(encode_record(spec, row, self.keys, local_owned))
            known = self.sync.get((spec.name, item.uuid))
            if mine == known or mine == item.base:
                self.delete_row(spec, item, row)
            else:
                self._conflict(spec, item, row, mine)

    def delete_row(self, spec: TableSpec, item: Incoming, row: Mapping[Any, Any]) -> None:
        """Delete a local record the partner deleted (kept, with a problem, while others refer to it)."""
        table = spec.table
        parents = [row[c] for c in spec.fks if row.get(c) is not None]
        try:
            with self.s.begin_nested():
                for owned in spec.owned:
                    self.s.execute(delete(owned.table).where(owned.table.c[owned.owner_fk] == row["id"]))
                self.s.execute(delete(table).where(table.c.id == row["id"]))
        except IntegrityError:
            self.problems.append(
                f"{record_title(spec.name, row, item.uuid)} на ПК «{self.info.source_pc_name}» вилучено, "
                "але тут на нього посилаються інші записи — його залишено.")
            return
        snapshot = {c.name: [encode_value(c, row[c.name]), None] for c in spec.columns if row[c.name] not in (None, "")}
        audit.record(self.s, self.actor, audit.Action.DELETE, spec.name, entity_id=row["id"], entity_uuid=item.uuid,
                     changes=snapshot, summary=f"Вилучено за пакетом обміну від «{self.info.source_pc_name}»")
        self.keys.forget(table, row["id"])
        self.deleted[spec.name] += 1
        self.set_sync(spec.name, item.uuid, None)
        self.parents_of_deleted[spec.name].update(parents)

    def write_sync(self) -> None:
        """Store the agreed content hashes collected by :meth:`set_sync`."""
        if not self.sync_changes:
            return
        by_table: dict[str, list[str]] = defaultdict(list)
        for table, ruuid in self.sync_stored:
            by_table[table].append(ruuid)
        for table, uuids in by_table.items():
            for chunk in chunks(uuids):
                self.s.execute(delete(ExchangeSyncState).where(
                    ExchangeSyncState.partner_id == self.partner.id, ExchangeSyncState.table_name == table,
                    ExchangeSyncState.record_uuid.in_(chunk)))
        now = utcnow()
        rows = [{"partner_id": self.partner.id, "table_name": t, "record_uuid": u, "content_hash": h,
                 "uuid": str(uuid_module.uuid4()), "created_at": now, "updated_at": now, "version": 1}
                for (t, u), h in self.sync_changes.items() if h is not None]
        for chunk in chunks(rows, 5000):
            self.s.execute(insert(SYNC_TABLE), chunk)


def _default(column: Column[Any]) -> Any:
    default = column.default
    arg = getattr(default, "arg", None)
    if default is None or arg is None:
        return None
    if getattr(default, "is_callable", False):
        try:
            return arg({})
        except TypeError:
            return arg()
    return arg

"""Conflicts: a record changed on both PCs (or changed on one and deleted on the other).

A merge never overwrites such a record: it stores both versions (``ExchangeConflict``);
the clerk sees them field by field, side by side, and decides which one stays. Keeping this
PC's version makes it travel to the partner again; taking the partner's applies it as a
merge would. A decision is refused as stale if the conflict or the record changed since
the clerk looked at them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.exchange import ExchangeConflict, ExchangePartner, ExchangeSyncState
from app.errors import NotFoundError, StaleRecordError, ValidationError
from app.services import registry
from app.services.core import audit
from app.services.core.auth import Actor, Permission, writes
from app.services.exchange.bundle import BundleInfo
from app.services.exchange.merge import Merge
from app.services.exchange.records import Incoming, RecordKeys, decode_content, encode_record, fetch_owned, label_of
from app.services.exchange.scope import Scope, default_scope
from app.services.exchange.status import KEPT_LOCAL, OPEN, TOOK_REMOTE


@dataclass(frozen=True)
class ConflictField:
    """One field of a conflicting record: this PC's value and the partner's, side by side."""

    name: str
    here: str
    there: str
    differs: bool


@dataclass(frozen=True)
class ConflictView:
    """A conflict as the clerk sees it: which record, from which partner, and every field of both versions."""

    id: int
    version: int
    partner_name: str
    table: str
    table_label: str
    record_uuid: str
    detected_at: datetime
    status: str
    deleted_here: bool
    deleted_there: bool
    local_version: int | None  # the local record's version now (None: absent)
    fields: tuple[ConflictField, ...]
    title: str


def _show(value: Any, language: str = "uk") -> str:
    en = language == "en"
    if value is None:
        return "—"
    if isinstance(value, bool):
        return ("yes" if value else "no") if en else ("так" if value else "ні")
    if isinstance(value, list):
        return f"{len(value)} record(s)" if en else f"{len(value)} запис(ів)"
    return str(value)


def _conflict_view(s: Session, c: ExchangeConflict, scope: Scope, keys: RecordKeys,
                   language: str = "uk") -> ConflictView:
    spec = scope.get(c.table_name)
    local_content: dict[str, Any] | None = None
    local_version: int | None = None
    if spec is not None:
        row = s.execute(select(spec.table).where(spec.table.c.uuid == c.record_uuid)).mappings().one_or_none()
        if row is not None:
            owned = fetch_owned(s, spec, [row["id"]]) if spec.owned else {}
            local_content = encode_record(spec, row, keys, owned)
            local_version = row["version"]
    remote = json.loads(c.remote_json) if c.remote_json is not None else None
    names = list(dict.fromkeys([*(local_content or {}), *(remote or {})]))
    deleted = "(deleted)" if language == "en" else "(вилучено)"
    fields = tuple(
        ConflictField(n, _show((local_content or {}).get(n), language) if local_content is not None else deleted,
                      _show((remote or {}).get(n), language) if remote is not None else deleted,
                      (local_content or {}).get(n) != (remote or {}).get(n))
        for n in names
    )
    probe = remote or local_content or {}
    title = next((str(probe[k]) for k in ("name", "title", "signer_name", "full_name", "number") if probe.get(k)), "")
    partner = s.get(ExchangePartner, c.partner_id)
    return ConflictView(c.id, c.version, partner.name if partner else "?", c.table_name,
                        label_of(c.table_name, language),
                        c.record_uuid, c.detected_at, c.status, local_content is None, remote is None,
                        local_version, fields, title)


def list_conflicts(db: Database, *, status: str = OPEN, scope: Scope | None = None,
                   language: str = "uk") -> list[ConflictView]:
    scope = scope or default_scope(db)
    with db.read() as s:
        keys = RecordKeys(s)
        rows = s.execute(select(ExchangeConflict).where(ExchangeConflict.status == status)
                         .order_by(ExchangeConflict.detected_at, ExchangeConflict.id)).scalars().all()
        return [_conflict_view(s, c, scope, keys, language) for c in rows]


def get_conflict(db: Database, conflict_id: int, *, scope: Scope | None = None) -> ConflictView:
    scope = scope or default_scope(db)
    with db.read() as s:
        c = s.get(ExchangeConflict, conflict_id)
        if c is None:
            raise NotFoundError("Конфлікт не знайдено (можливо, його вже вирішено).")
        return _conflict_view(s, c, scope, RecordKeys(s))


@writes(Permission.BACKUP)
def resolve_conflict(
    db: Database,
    actor: Actor,
    conflict_id: int,
    keep: str,
    expected_version: int,
    *,
    expected_local_version: int | None = None,
    scope: Scope | None = None,
) -> None:
    """Decide a conflict: ``keep="local"`` keeps this PC's version (it will travel to the partner),
    ``keep="remote"`` takes the partner's. Refused as stale if the conflict or the record changed
    since the clerk looked at them."""
    if keep not in ("local", "remote"):
        raise ValidationError("Вкажіть, яку версію залишити: local (цього ПК) або remote (іншого ПК).")
    scope = scope or default_scope(db)
    with db.write() as s:
        c = s.get(ExchangeConflict, conflict_id)
        if c is None:
            raise NotFoundError("Конфлікт не знайдено.")
        if c.version != expected_version or c.status != OPEN:
            raise StaleRecordError("Конфлікт")
        spec = scope.get(c.table_name)
        if spec is None:
            raise ValidationError(f"Таблиці «{c.table_name}» у цій версії програми немає.")
        table = spec.table
        keys = RecordKeys(s)
        local = s.execute(select(table).where(table.c.uuid == c.record_uuid)).mappings().one_or_none()
        current_version = local["version"] if local is not None else None
        if expected_local_version is not None and current_version != expected_local_version:
            raise StaleRecordError(label_of(c.table_name).capitalize())
        partner = s.get(ExchangePartner, c.partner_id)
        assert partner is not None
        merge = Merge(s, scope, partner, _resolution_info(c), actor, None, load_sync=False)
        stored = s.execute(select(ExchangeSyncState.content_hash).where(
            ExchangeSyncState.partner_id == partner.id, ExchangeSyncState.table_name == c.table_name,
            ExchangeSyncState.record_uuid == c.record_uuid)).scalar_one_or_none()
        if stored is not None:
            merge.sync[(c.table_name, c.record_uuid)] = stored
        label = label_of(c.table_name)
        if keep == "remote":
            if c.remote_json is None:
                if local is not None:
                    merge.delete_row(spec, Incoming(c.table_name, c.record_uuid, "", None, None, None), local)
                    if merge.problems:
                        raise ValidationError(merge.problems[0])
            else:
                content = json.loads(c.remote_json)
                item = Incoming(c.table_name, c.record_uuid, c.remote_hash, None, c.remote_created_at, content)
                problems: list[str] = []
                decode_content(spec, item, problems, 0)
                if problems:
                    raise ValidationError(problems[0])
                if local is None:
                    merge.insert_all(spec, [(item, {})])
                else:
                    merge.update_row(spec, item, local)
                if merge.duplicates or merge.problems:
                    raise ValidationError((merge.duplicates + merge.problems)[0])
                merge.set_sync(c.table_name, c.record_uuid, c.remote_hash)
        else:
            if c.remote_json is not None:
                merge.set_sync(c.table_name, c.record_uuid, c.remote_hash)
            if local is not None:  # travel again to the partner, who holds the other version
                s.execute(update(table).where(table.c.id == local["id"]).values(updated_at=utcnow()))
        merge.write_sync()
        for tname, ids in merge.touched.items():
            hook = registry.after_import_hooks().get(tname)
            if hook is not None:
                hook(s, ids, merge.parents_of_deleted.get(tname, set()))
        c.status = KEPT_LOCAL if keep == "local" else TOOK_REMOTE
        c.resolved_at = utcnow()
        c.resolved_by = actor.username
        s.flush()
        audit.record(s, actor, audit.Action.UPDATE, "exchange_conflict", entity_id=c.id, entity_uuid=c.uuid,
                     changes={"status": [OPEN, c.status]},
                     summary=f"Конфлікт обміну ({label}, {c.record_uuid[:8]}…): "
                             + ("залишено версію цього ПК" if keep == "local" else "прийнято версію іншого ПК"))
        del keys


def _resolution_info(c: ExchangeConflict) -> BundleInfo:
    """A stand-in manifest for applying a decision (a merge needs one; only its bundle id matters)."""
    now = utcnow()
    return BundleInfo(c.bundle_uuid, 0, "", "", "інший ПК", "", "", "", "", now, None, now, {}, {}, None, {}, (), "")

"""Writing a bundle: every change a partner PC has not confirmed yet, or everything.

The changes are found by ``updated_at`` (with a margin, as clocks step) and by the audit
trail (edits of owned rows, deletions). A record whose content the partner already holds
(per ``exchange_sync_state``) is left out; each record carries the content hash both PCs
agreed on last (its *base*), so the partner can tell its own edits from ours. The file
appears whole or not at all, and the partner's watermark moves only when it confirms the
import in its next bundle.
"""

from __future__ import annotations

import io
import json
import re
import uuid as uuid_module
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__
from app.db import migrations_runner
from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.core import AuditEvent
from app.db.models.exchange import ExchangeConflict, ExchangeExport, ExchangePartner, ExchangeSyncState
from app.errors import ValidationError
from app.services.core import audit
from app.services.core.auth import Actor, Permission, writes
from app.services.core.progress import ProgressCallback, report
from app.services.exchange.bundle import FORMAT, FORMAT_VERSION, pack_lines
from app.services.exchange.codec import canonical, content_hash, encode_value
from app.services.exchange.compat import council_row, local_fingerprints
from app.services.exchange.records import RecordKeys, chunks, encode_record, fetch_owned, label_of
from app.services.exchange.scope import Scope, default_scope
from app.services.exchange.status import KEPT_LOCAL
from app.services.safety.identity import this_pc
from app.services.safety.safefile import (
    AtomicFile,
    Opener,
    check_folder,
    check_password,
    default_opener,
    encrypt_stream,
)

MARGIN = timedelta(minutes=2)  # clocks step; re-sending a little is harmless (merging is idempotent)


@dataclass(frozen=True)
class ExportResult:
    """The bundle written: where, which number, what it holds."""

    path: Path
    bundle_uuid: str
    seq: int
    counts: dict[str, int]
    deletions: dict[str, int]
    size: int
    full: bool

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + sum(self.deletions.values())


def _clean_partner_name(name: str) -> str:
    clean = " ".join((name or "").split())
    if not 1 <= len(clean) <= 100:
        raise ValidationError("Вкажіть назву ПК-партнера (1–100 символів), наприклад «Бібліотека».",
                              "Name the partner PC (1–100 characters).")
    return clean


def _changed_uuids(s: Session, table: str, since: datetime) -> set[str]:
    """Records of ``table`` named by an audit event since ``since`` (catches edits of owned rows)."""
    return set(s.execute(select(AuditEvent.entity_uuid).where(
        AuditEvent.entity_type == table, AuditEvent.occurred_at > since, AuditEvent.entity_uuid != "",
        AuditEvent.action != audit.Action.DELETE).distinct()).scalars())


@writes(Permission.BACKUP)
def export_bundle(
    db: Database,
    actor: Actor,
    partner_name: str,
    out: Path | str,
    *,
    full: bool = False,
    password: str | None = None,
    progress: ProgressCallback | None = None,
    opener: Opener = default_opener,
    scope: Scope | None = None,
) -> ExportResult:
    """Write a bundle for ``partner_name`` with every change it has not confirmed yet (``full``: everything).

    ``out`` is a file path or a folder (the file is then named after both PCs and the
    time). The file appears whole or not at all; if it cannot be written the database is
    left exactly as it was.
    """
    name = _clean_partner_name(partner_name)
    if password is not None:
        check_password(password)
    out = Path(out).expanduser()
    if out.is_dir():
        folder = out
        target = None
    else:
        folder = check_folder(out.parent, "пакет обміну")
        target = out
    scope = scope or default_scope(db)
    with db.write() as s:
        identity = this_pc(s)
        council = council_row(s)
        partner = s.execute(select(ExchangePartner).where(ExchangePartner.name == name)).scalar_one_or_none()
        if partner is None:
            partner = ExchangePartner(name=name, pc_name="")
            s.add(partner)
            s.flush()
        snapshot = utcnow()
        is_full = full or partner.resend_all or partner.acked_since is None
        since: datetime | None = None if is_full or partner.acked_since is None else partner.acked_since - MARGIN
        sync = {(t, u): h for t, u, h in s.execute(
            select(ExchangeSyncState.table_name, ExchangeSyncState.record_uuid, ExchangeSyncState.content_hash)
            .where(ExchangeSyncState.partner_id == partner.id))}
        keys = RecordKeys(s)
        lines: list[bytes] = []
        counts: dict[str, int] = {}
        total_tables = len(scope.ordered)
        for index, spec in enumerate(scope.ordered):
            report(progress, index, total_tables + 2, f"Збір змін: {label_of(spec.name)}")
            table = spec.table
            stmt = select(table).order_by(table.c.id)
            if since is not None and not spec.policy.insert_only:
                touched = _changed_uuids(s, spec.name, since)
                rows = list(s.execute(stmt.where(table.c.updated_at > since)).mappings())
                have = {r["uuid"] for r in rows}
                extra = sorted(touched - have)
                for chunk in chunks(extra):
                    rows.extend(s.execute(select(table).where(table.c.uuid.in_(chunk))).mappings())
            else:
                rows = list(s.execute(stmt).mappings())
            owned = fetch_owned(s, spec, [r["id"] for r in rows]) if spec.owned and rows else {}
            n = 0
            for row in rows:
                content = encode_record(spec, row, keys, owned)
                digest = content_hash(content)
                base = sync.get((spec.name, row["uuid"]))
                if base == digest and not is_full:
                    continue  # the partner holds exactly this already
                lines.append(canonical({"t": spec.name, "u": row["uuid"], "h": digest, "b": base,
                                         "c": encode_value(table.c.created_at, row["created_at"]), "v": content}))
                n += 1
            if n:
                counts[spec.name] = n
        deletions = _deletions(s, scope, since, sync, partner.id, lines)
        report(progress, total_tables, total_tables + 2, "Запис пакета")
        ack = None
        if partner.pc_uuid and partner.last_import_bundle:
            ack = {"pc_uuid": partner.pc_uuid, "bundle_uuid": partner.last_import_bundle,
                   "seq": partner.last_import_seq}
        bundle_uuid = str(uuid_module.uuid4())
        seq = partner.last_export_seq + 1
        manifest = {
            "format": FORMAT, "version": FORMAT_VERSION, "bundle_uuid": bundle_uuid, "seq": seq,
            "epoch": identity.epoch, "source": {"pc_uuid": identity.pc_uuid, "pc_name": identity.pc_name},
            "target_name": name, "target_pc_uuid": partner.pc_uuid,
            "council": {"uuid": council.uuid, "council_name": council.council_name,
                        "hromada_name": council.hromada_name},
            "created_at": snapshot.isoformat(), "since": since.isoformat() if since else None,
            "until": snapshot.isoformat(), "counts": counts, "deletions": deletions, "ack": ack,
            "fingerprints": local_fingerprints(s, scope),
            "revisions": sorted(migrations_runner.current_revisions(db)),
            "app_version": __version__,
        }
        data = pack_lines([canonical(manifest), *lines])
        if target is None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = folder / f"hromada-{_slug(identity.pc_name)}-to-{_slug(name)}-{stamp}.hdx"
        with AtomicFile(target, what="пакет обміну", opener=opener) as fh:
            if password:
                encrypt_stream(io.BytesIO(data), fh, password, kind="exchange", total=len(data))
            else:
                view = memoryview(data)
                for start in range(0, len(data), 1 << 20):
                    fh.write(view[start:start + (1 << 20)])
        partner.last_export_seq = seq
        partner.last_export_at = snapshot
        partner.resend_all = False
        s.add(ExchangeExport(partner_id=partner.id, seq=seq, bundle_uuid=bundle_uuid, snapshot_at=snapshot,
                             since=since, counts_json=json.dumps({"records": counts, "deletions": deletions}),
                             file_name=target.name[:500], username=actor.username))
        s.flush()
        audit.record(s, actor, audit.Action.OTHER, "exchange_bundle", entity_uuid=bundle_uuid,
                     summary=f"Пакет обміну №{seq} для «{name}»: {sum(counts.values())} записів, "
                             f"{sum(deletions.values())} вилучень → {target.name}",
                     changes={"records": [None, counts], "deletions": [None, deletions], "full": [None, is_full]})
        size = target.stat().st_size
    return ExportResult(target, bundle_uuid, seq, counts, deletions, size, is_full)


def _slug(text: str) -> str:
    translit = str.maketrans({
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
        "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "’": "", "'": ""})
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(translit)).strip("-")
    return slug[:40] or "pc"


def _deletions(s: Session, scope: Scope, since: datetime | None, sync: Mapping[tuple[str, str], str],
               partner_id: int, lines: list[bytes]) -> dict[str, int]:
    """Tombstones: records deleted here (per the audit trail) that no longer exist."""
    names = [spec.name for spec in scope.ordered if not spec.policy.insert_only]
    if not names:
        return {}
    stmt = select(AuditEvent.entity_type, AuditEvent.entity_uuid).where(
        AuditEvent.action == audit.Action.DELETE, AuditEvent.entity_type.in_(names), AuditEvent.entity_uuid != "")
    if since is not None:
        stmt = stmt.where(AuditEvent.occurred_at > since)
    wanted: dict[str, set[str]] = defaultdict(set)
    for table, ruuid in s.execute(stmt.distinct()):
        wanted[table].add(ruuid)
    kept = select(ExchangeConflict.table_name, ExchangeConflict.record_uuid).where(
        ExchangeConflict.partner_id == partner_id, ExchangeConflict.status == KEPT_LOCAL,
        ExchangeConflict.local_json.is_(None))
    if since is not None:
        kept = kept.where(ExchangeConflict.resolved_at > since)
    for table, ruuid in s.execute(kept):
        if table in scope.specs:
            wanted[table].add(ruuid)
    counts: dict[str, int] = {}
    for spec in reversed(scope.ordered):
        candidates = sorted(wanted.get(spec.name, ()))
        if not candidates:
            continue
        existing: set[str] = set()
        for chunk in chunks(candidates):
            existing.update(s.execute(select(spec.table.c.uuid).where(spec.table.c.uuid.in_(chunk))).scalars())
        n = 0
        for ruuid in candidates:
            if ruuid in existing:
                continue
            lines.append(canonical({"t": spec.name, "u": ruuid, "d": True, "b": sync.get((spec.name, ruuid))}))
            n += 1
        if n:
            counts[spec.name] = n
    return counts

"""Importing a bundle: check it whole, copy the database aside, merge, and remember what was imported.

A bundle already imported changes nothing; an older one, one made on this PC or for another
council, or one whose voter keys differ is refused whole (:mod:`app.services.exchange.compat`).
A PC moves its partner's watermark only when the partner confirms (in its next bundle) which
bundle it imported, so a bundle lost on the way is simply covered by the next one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.exchange import ExchangeExport, ExchangeImport, ExchangePartner
from app.services.core import audit
from app.services.core.auth import Actor, Permission, writes
from app.services.core.progress import ProgressCallback, report
from app.services.exchange.bundle import BundleInfo, open_bundle, parse_records
from app.services.exchange.compat import check_compatible, check_order
from app.services.exchange.merge import Merge
from app.services.exchange.scope import Scope, default_scope
from app.services.safety import backup
from app.services.safety.identity import this_pc


@dataclass(frozen=True)
class ImportResult:
    """What an import did, for the clerk: counts, conflicts, duplicates and problems, the safety copy."""

    info: BundleInfo
    already_imported: bool = False
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    matched: int = 0  # records known here under another UUID (same login, same voting point name)
    conflicts: int = 0
    duplicates: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    safety_copy: Path | None = None

    @property
    def changed(self) -> int:
        return sum(self.inserted.values()) + sum(self.updated.values()) + sum(self.deleted.values())

    def summary_lines(self, language: str = "uk") -> list[str]:
        if language == "en":
            return self._summary_lines_en()
        if self.already_imported:
            return [f"Пакет №{self.info.seq} від «{self.info.source_pc_name}» уже імпортовано раніше; "
                    "нічого не змінено."]
        lines = [
            f"Пакет №{self.info.seq} від «{self.info.source_pc_name}» імпортовано.",
            f"Додано: {sum(self.inserted.values())}, змінено: {sum(self.updated.values())}, "
            f"вилучено: {sum(self.deleted.values())}, без змін: {self.unchanged}.",
        ]
        if self.conflicts:
            lines.append(f"Конфліктів (змінено на обох ПК): {self.conflicts} — вирішіть їх у розділі «Обмін між ПК».")
        if self.duplicates:
            lines.append(f"Дублікатів не прийнято: {len(self.duplicates)}:")
            lines.extend("  " + d for d in self.duplicates[:50])
        if self.problems:
            lines.append(f"Не прийнято через інші причини: {len(self.problems)}:")
            lines.extend("  " + p for p in self.problems[:50])
        return lines

    def _summary_lines_en(self) -> list[str]:
        if self.already_imported:
            return [f"Bundle No. {self.info.seq} from «{self.info.source_pc_name}» was imported before; "
                    "nothing was changed."]
        lines = [
            f"Bundle No. {self.info.seq} from «{self.info.source_pc_name}» imported.",
            f"Added: {sum(self.inserted.values())}, changed: {sum(self.updated.values())}, "
            f"deleted: {sum(self.deleted.values())}, unchanged: {self.unchanged}.",
        ]
        if self.conflicts:
            lines.append(f"Conflicts (changed on both PCs): {self.conflicts} — resolve them under «Exchange "
                         "between PCs».")
        if self.duplicates:  # the details below come from the records themselves, as written
            lines.append(f"Duplicates not accepted: {len(self.duplicates)}:")
            lines.extend("  " + d for d in self.duplicates[:50])
        if self.problems:
            lines.append(f"Not accepted for other reasons: {len(self.problems)}:")
            lines.extend("  " + p for p in self.problems[:50])
        return lines


def _find_partner(s: Session, info: BundleInfo) -> ExchangePartner:
    """The partner the bundle comes from: by PC id, by the bundle it acknowledges, by name, or a new one."""
    partner = s.execute(select(ExchangePartner).where(ExchangePartner.pc_uuid == info.source_pc_uuid)
                        ).scalar_one_or_none()
    if partner is None and info.ack is not None:
        exported = s.execute(select(ExchangeExport).where(
            ExchangeExport.bundle_uuid == info.ack["bundle_uuid"])).scalar_one_or_none()
        if exported is not None:
            candidate = s.get(ExchangePartner, exported.partner_id)
            if candidate is not None and candidate.pc_uuid is None:
                partner = candidate
    if partner is None:
        partner = s.execute(select(ExchangePartner).where(
            ExchangePartner.name == info.source_pc_name, ExchangePartner.pc_uuid.is_(None))).scalar_one_or_none()
    if partner is None:
        name = info.source_pc_name[:90] or "ПК"
        taken = set(s.execute(select(ExchangePartner.name)).scalars())
        candidate_name, n = name, 2
        while candidate_name in taken:
            candidate_name, n = f"{name} ({n})", n + 1
        partner = ExchangePartner(name=candidate_name, pc_name=info.source_pc_name)
        s.add(partner)
    partner.pc_uuid = info.source_pc_uuid
    partner.pc_name = info.source_pc_name
    s.flush()
    return partner


@writes(Permission.BACKUP)
def import_bundle(
    db: Database,
    actor: Actor,
    path: Path | str,
    *,
    password: str | None = None,
    progress: ProgressCallback | None = None,
    scope: Scope | None = None,
    backup_first: bool = True,
) -> ImportResult:
    """Merge a bundle into this database (one transaction; :mod:`app.services.exchange.merge` has the rules).

    Refused whole (nothing written) when the file is altered or truncated, from another
    council, made on this PC, older than one already imported, or made with a newer schema.
    Importing the same bundle again changes nothing.
    """
    scope = scope or default_scope(db)
    report(progress, 0, 1, "Перевірка пакета")
    info, lines = open_bundle(path, password)
    with db.read() as s:
        if s.execute(select(ExchangeImport.id).where(ExchangeImport.bundle_uuid == info.bundle_uuid)
                     ).scalar_one_or_none() is not None:
            return ImportResult(info, already_imported=True)
    records = parse_records(lines, info, scope)
    with db.write() as s:  # checks only; a refusal here writes nothing
        check_compatible(s, info, records, scope)
        check_order(s, info)
    safety_copy = None
    if backup_first:
        safety_copy = backup.before_import(db)
    with db.write() as s:
        if s.execute(select(ExchangeImport.id).where(ExchangeImport.bundle_uuid == info.bundle_uuid)
                     ).scalar_one_or_none() is not None:
            return ImportResult(info, already_imported=True)
        check_compatible(s, info, records, scope)
        check_order(s, info)
        partner = _find_partner(s, info)
        merge = Merge(s, scope, partner, info, actor, progress)
        merge.run(records)
        now = utcnow()
        if info.ack is not None:
            identity = this_pc(s)
            if info.ack["pc_uuid"] == identity.pc_uuid:
                exported = s.execute(select(ExchangeExport).where(
                    ExchangeExport.bundle_uuid == info.ack["bundle_uuid"],
                    ExchangeExport.partner_id == partner.id)).scalar_one_or_none()
                if exported is not None and exported.seq >= partner.acked_seq:
                    partner.acked_seq = exported.seq
                    partner.acked_since = exported.snapshot_at
        if partner.last_import_epoch and partner.last_import_epoch != info.epoch:
            partner.resend_all = True  # the partner restored a backup: it may have lost what we sent
        partner.last_import_epoch = info.epoch
        partner.last_import_seq = info.seq
        partner.last_import_bundle = info.bundle_uuid
        partner.last_import_at = now
        summary = {"inserted": dict(merge.inserted), "updated": dict(merge.updated), "deleted": dict(merge.deleted),
                   "unchanged": merge.unchanged, "matched": merge.matched, "conflicts": merge.conflicts,
                   "duplicates": len(merge.duplicates), "problems": len(merge.problems)}
        s.add(ExchangeImport(partner_id=partner.id, bundle_uuid=info.bundle_uuid, source_pc_uuid=info.source_pc_uuid,
                             source_epoch=info.epoch, seq=info.seq, imported_at=now,
                             summary_json=json.dumps(summary, ensure_ascii=False), username=actor.username))
        s.flush()
        audit.record(s, actor, audit.Action.IMPORT, "exchange_bundle", entity_uuid=info.bundle_uuid,
                     summary=f"Імпорт пакета №{info.seq} від «{info.source_pc_name}»: додано "
                             f"{sum(merge.inserted.values())}, змінено {sum(merge.updated.values())}, вилучено "
                             f"{sum(merge.deleted.values())}, конфліктів {merge.conflicts}, дублікатів "
                             f"{len(merge.duplicates)}",
                     changes={k: [None, v] for k, v in summary.items()})
    return ImportResult(info, False, dict(merge.inserted), dict(merge.updated), dict(merge.deleted), merge.unchanged,
                        merge.matched, merge.conflicts, merge.duplicates, merge.problems, safety_copy)

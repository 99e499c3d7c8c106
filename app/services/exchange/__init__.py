"""Exchange bundles: moving records between PCs on a USB stick, without loss, duplicates or silent overwrites.

A **bundle** holds what changed on this PC since the partner last confirmed an import,
for every table of ``Base.metadata`` (generic: each table has ``id``, ``uuid``,
``created_at``, ``updated_at``, ``version``). Records are keyed by UUID and foreign keys
travel as the UUID of the referenced record, so ids may differ between PCs. Rows of
tables without a UUID that belong to a record through a cascading foreign key (the
choices of a ballot) travel inside that record.

File: ``HROMADA-EXCHANGE`` line, a JSON header with the SHA-256 and size of the payload,
then the zlib-compressed payload: one JSON manifest line (source PC, council, time range,
counts, the last bundle it imported from the target) and one line per record or
deletion. A changed byte, a cut-off file or counts that do not match are refused whole.
With a password the whole file is wrapped in the encrypted container of
:mod:`app.services.safety.safefile`.

**Merging** (all in one transaction; nothing is written unless all of it is):

* per partner, ``exchange_sync_state`` keeps the content hash both PCs held at their last
  exchange; each incoming record also carries the sender's base hash;
* same content here → nothing to do; theirs unchanged since the last exchange → ours is
  kept (it will travel back); ours unchanged (or theirs was made from ours) → theirs is
  applied; **both changed → a conflict**, stored for the clerk, nothing overwritten;
* a UNIQUE rule the incoming record would break (the same voter or signer entered on
  two PCs) is reported as a duplicate, as a single database would refuse it;
* a bundle already imported changes nothing; an older one, one made on this PC or for
  another council, or one whose voter keys differ is refused whole.

A PC moves its partner's watermark only when the partner confirms (in its next bundle)
which bundle it imported, so a bundle lost on the way is simply covered by the next one.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import logging
import re
import socket
import uuid as uuid_module
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from graphlib import CycleError, TopologicalSorter
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Time,
    UniqueConstraint,
    and_,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import __version__
from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.core import AuditEvent, CouncilProfile
from app.db.models.exchange import (
    ExchangeConflict,
    ExchangeExport,
    ExchangeIdentity,
    ExchangeImport,
    ExchangePartner,
    ExchangeSyncState,
)
from app.errors import (
    ImportRejectedError,
    NotFoundError,
    StaleRecordError,
    ValidationError,
)
from app.services import registry
from app.services.area import TablePolicy
from app.services.core import audit
from app.services.core.auth import Actor, Permission, writes
from app.services.core.progress import ProgressCallback, report
from app.services.safety.safefile import (
    AtomicFile,
    DamagedFileError,
    Opener,
    check_folder,
    check_password,
    decrypt_stream,
    default_opener,
    encrypt_stream,
    is_encrypted,
)

log = logging.getLogger(__name__)

MAGIC = b"HROMADA-EXCHANGE\n"
FORMAT = "hromada-exchange"
FORMAT_VERSION = 1
MAX_PAYLOAD = 512 << 20  # uncompressed; a bundle of 100k ballots is ~40 MB
MAX_HEADER_LINE = 4096
MARGIN = timedelta(minutes=2)  # clocks step; re-sending a little is harmless (merging is idempotent)
CHUNK = 500
BOOKKEEPING = ("id", "uuid", "created_at", "updated_at", "version")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
HASH_RE = re.compile(r"^[0-9a-f]{64}$")
SYNC_TABLE: Table = ExchangeSyncState.__table__  # type: ignore[assignment]
OPEN = "open"
KEPT_LOCAL = "kept_local"
TOOK_REMOTE = "took_remote"





def _pb_voter_key_fingerprint(s: Session) -> str | None:
    from app.db.models.budget import BudgetSecret
    from app.services.budget.ballots import VOTER_KEY_NAME

    value = s.execute(select(BudgetSecret.value).where(BudgetSecret.name == VOTER_KEY_NAME)).scalar_one_or_none()
    if value is None:
        return None
    return hashlib.sha256(b"hromada-exchange-voter-key:" + value.encode("ascii")).hexdigest()[:16]


# name -> (tables whose records need equal fingerprints on both PCs, function, message)
FINGERPRINTS: dict[str, tuple[tuple[str, ...], Callable[[Session], str | None], str]] = {
    "pb_voter_key": (
        ("pb_ballot",), _pb_voter_key_fingerprint,
        "ключ хешування виборців громадського бюджету на цьому ПК і на ПК «{source}» різний (або на одному з них "
        "його ще немає), тож повторний голос тієї самої людини на двох ПК не можна було б виявити. Налаштуйте "
        "один ПК із резервної копії бази іншого (відновлення копії) і повторіть обмін.",
    ),
}


# --------------------------------------------------------------------------- the scope (tables in play)


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
    import app.db.models  # noqa: F401  (fill the metadata)
    from app.db.base import Base

    present = None
    if db is not None:
        from sqlalchemy import inspect

        present = set(inspect(db.engine).get_table_names())
    return Scope(Base.metadata, present=present)


# --------------------------------------------------------------------------- values


def _encode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):  # "10.50" on one backend, "10.5" on another: one form for the hash
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if hasattr(value, "value") and not isinstance(value, int | float | str):  # an Enum member
        return value.name if isinstance(column.type, Enum) else value.value
    return value


class BadValue(Exception):
    pass


def _decode(column: Column[Any], value: Any) -> Any:
    """The Python value for ``column`` from its JSON form; raises :class:`BadValue`."""
    if value is None:
        if not column.nullable:
            raise BadValue("значення обов’язкове")
        return None
    kind = column.type
    try:
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise BadValue("потрібно так/ні")
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**63:
                raise BadValue("потрібне ціле число")
            return value
        if isinstance(kind, Enum):
            if not isinstance(value, str) or value not in kind.enums:
                raise BadValue("невідоме значення")
            return kind.enum_class[value] if kind.enum_class is not None else value
        if isinstance(kind, DateTime):
            if not isinstance(value, str):
                raise BadValue("потрібні дата й час")
            parsed = datetime.fromisoformat(value)
            return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
        if isinstance(kind, Date):
            if not isinstance(value, str) or len(value) != 10:
                raise BadValue("потрібна дата")
            return date.fromisoformat(value)
        if isinstance(kind, Time):
            if not isinstance(value, str):
                raise BadValue("потрібен час")
            return time.fromisoformat(value)
        if isinstance(kind, Numeric) and not isinstance(kind, Float):
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise BadValue("потрібне число")
            number = Decimal(str(value))
            if not number.is_finite():
                raise BadValue("потрібне число")
            return number if kind.asdecimal else float(number)
        if isinstance(kind, Float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise BadValue("потрібне число")
            return float(value)
        if isinstance(kind, LargeBinary):
            if not isinstance(value, str):
                raise BadValue("потрібні двійкові дані")
            return base64.b64decode(value, validate=True)
        if isinstance(kind, JSON):
            return value
        if isinstance(kind, String):
            if not isinstance(value, str):
                raise BadValue("потрібен текст")
            if kind.length is not None and len(value) > kind.length:
                raise BadValue(f"текст довший за {kind.length} символів")
            if "\x00" in value:
                raise BadValue("недопустимий символ")
            return value
    except BadValue:
        raise
    except (ValueError, TypeError, InvalidOperation, OverflowError, KeyError, binascii.Error) as exc:
        raise BadValue("неправильне значення") from exc
    if isinstance(value, dict | list):
        raise BadValue("неправильне значення")
    return value


def content_hash(content: Mapping[str, Any]) -> str:
    return hashlib.sha256(_canonical(content)).hexdigest()


def _canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _Keys:
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


def _owned_rows(s: Session, spec: TableSpec, owner_ids: list[int]) -> dict[str, dict[int, list[Mapping[Any, Any]]]]:
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
            for chunk in _chunks(owner_ids):
                for row in s.execute(select(owned.table).where(fk.in_(chunk))).mappings():
                    grouped[row[owned.owner_fk]].append(row)
        result[owned.key] = grouped
    return result


def _encode_record(spec: TableSpec, row: Mapping[Any, Any], keys: _Keys,
                   owned: Mapping[str, Mapping[int, list[Mapping[Any, Any]]]]) -> dict[str, Any]:
    content: dict[str, Any] = {}
    for column in spec.columns:
        value = row[column.name]
        if column.name in spec.fks:
            content[column.name] = keys.uuid_of(spec.fks[column.name], value)
        else:
            content[column.name] = _encode(column, value)
    for owned_spec in spec.owned:
        items = []
        for child in owned.get(owned_spec.key, {}).get(row["id"], []):
            item = {}
            for column in owned_spec.columns:
                value = child[column.name]
                item[column.name] = (keys.uuid_of(owned_spec.fks[column.name], value)
                                     if column.name in owned_spec.fks else _encode(column, value))
            items.append(item)
        items.sort(key=_canonical)
        content[owned_spec.key] = items
    return content


# --------------------------------------------------------------------------- identity and partners


@dataclass(frozen=True)
class Identity:
    pc_uuid: str
    pc_name: str
    epoch: str


def _default_pc_name() -> str:
    try:
        name = socket.gethostname().strip()
    except OSError:
        name = ""
    return (name or "ПК")[:100]


def _identity(s: Session) -> ExchangeIdentity:
    row = s.execute(select(ExchangeIdentity).order_by(ExchangeIdentity.id).limit(1)).scalar_one_or_none()
    if row is None:
        row = ExchangeIdentity(pc_uuid=str(uuid_module.uuid4()), pc_name=_default_pc_name(),
                               epoch=str(uuid_module.uuid4()))
        s.add(row)
        s.flush()
    return row


def current_identity(db: Database) -> Identity | None:
    """This PC's identity as stored (None before the first exchange)."""
    with db.read() as s:
        row = s.execute(select(ExchangeIdentity).order_by(ExchangeIdentity.id).limit(1)).scalar_one_or_none()
        return Identity(row.pc_uuid, row.pc_name, row.epoch) if row else None


def ensure_identity(db: Database) -> Identity:
    with db.write() as s:
        row = _identity(s)
        return Identity(row.pc_uuid, row.pc_name, row.epoch)


@writes(Permission.BACKUP)
def set_pc_name(db: Database, actor: Actor, name: str, *, new_identity: bool = False) -> Identity:
    """Rename this PC for its partners; ``new_identity`` when this database was copied from another PC."""
    clean = " ".join(name.split())
    if not 1 <= len(clean) <= 100:
        raise ValidationError("Назва ПК має містити від 1 до 100 символів.", "The PC name must be 1–100 characters.")
    with db.write() as s:
        row = _identity(s)
        before = {"pc_name": row.pc_name, "pc_uuid": row.pc_uuid}
        row.pc_name = clean
        if new_identity:
            row.pc_uuid = str(uuid_module.uuid4())
            row.epoch = str(uuid_module.uuid4())
        s.flush()
        audit.record(s, actor, audit.Action.UPDATE, "exchange_identity", entity_id=row.id, entity_uuid=row.uuid,
                     changes=audit.diff(before, {"pc_name": row.pc_name, "pc_uuid": row.pc_uuid}),
                     summary=f"Назва ПК для обміну: {clean}")
        return Identity(row.pc_uuid, row.pc_name, row.epoch)


def after_restore(db: Database, preserved: Identity | None) -> None:
    """After a restore: keep this PC's identity, start a new epoch, send everything next time."""
    with db.write() as s:
        row = _identity(s)
        if preserved is not None:
            row.pc_uuid = preserved.pc_uuid
            row.pc_name = preserved.pc_name
        else:  # this PC had no identity (a new PC, or a database beyond repair): never reuse the backup's
            row.pc_uuid = str(uuid_module.uuid4())
            row.pc_name = _default_pc_name()
        row.epoch = str(uuid_module.uuid4())
        s.execute(update(ExchangePartner).values(resend_all=True))


def _clean_partner_name(name: str) -> str:
    clean = " ".join((name or "").split())
    if not 1 <= len(clean) <= 100:
        raise ValidationError("Вкажіть назву ПК-партнера (1–100 символів), наприклад «Бібліотека».",
                              "Name the partner PC (1–100 characters).")
    return clean


@dataclass(frozen=True)
class PartnerView:
    id: int
    name: str
    pc_name: str
    known: bool  # we have received a bundle from it
    last_export_seq: int
    last_export_at: datetime | None
    acked_seq: int
    last_import_seq: int
    last_import_at: datetime | None
    open_conflicts: int


def list_partners(db: Database) -> list[PartnerView]:
    with db.read() as s:
        counts = dict(s.execute(select(ExchangeConflict.partner_id, func.count(ExchangeConflict.id))
                                .where(ExchangeConflict.status == OPEN).group_by(ExchangeConflict.partner_id)).all())
        return [
            PartnerView(p.id, p.name, p.pc_name, p.pc_uuid is not None, p.last_export_seq, p.last_export_at,
                        p.acked_seq, p.last_import_seq, p.last_import_at, counts.get(p.id, 0))
            for p in s.execute(select(ExchangePartner).order_by(ExchangePartner.name)).scalars()
        ]


# --------------------------------------------------------------------------- bundle file


@dataclass(frozen=True)
class BundleInfo:
    """The manifest of a bundle, shown before importing it."""

    bundle_uuid: str
    seq: int
    epoch: str
    source_pc_uuid: str
    source_pc_name: str
    target_name: str
    council_uuid: str
    council_name: str
    hromada_name: str
    created_at: datetime
    since: datetime | None
    until: datetime
    counts: dict[str, int]
    deletions: dict[str, int]
    ack: dict[str, Any] | None
    fingerprints: dict[str, str | None]
    revisions: tuple[str, ...]
    app_version: str
    encrypted: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + sum(self.deletions.values())

    def summary_lines(self, language: str = "uk") -> list[str]:
        from app.domain.formats import format_datetime, format_int, utc_to_local

        if language == "en":
            span = (f"from {format_datetime(utc_to_local(self.since))} " if self.since else "all records ") + \
                f"to {format_datetime(utc_to_local(self.until))}"
            lines = [
                f"From: PC «{self.source_pc_name}» (for «{self.target_name}»), bundle No. {self.seq}",
                f"Council: {self.council_name} ({self.hromada_name})",
                f"Changes: {span}",
                f"Records: {format_int(sum(self.counts.values()))}, "
                f"deletions: {format_int(sum(self.deletions.values()))}",
            ]
            for table, count in sorted(self.counts.items()):
                lines.append(f"  {_label(table, language)}: {format_int(count)}")
            for table, count in sorted(self.deletions.items()):
                lines.append(f"  {_label(table, language)} (deleted): {format_int(count)}")
            return lines
        span = (f"з {format_datetime(utc_to_local(self.since))} " if self.since else "усі записи ") + \
            f"по {format_datetime(utc_to_local(self.until))}"
        lines = [
            f"Звідки: ПК «{self.source_pc_name}» (для «{self.target_name}»), пакет №{self.seq}",
            f"Рада: {self.council_name} ({self.hromada_name})",
            f"Зміни: {span}",
            f"Записів: {format_int(sum(self.counts.values()))}, вилучень: {format_int(sum(self.deletions.values()))}",
        ]
        for table, count in sorted(self.counts.items()):
            lines.append(f"  {_label(table)}: {format_int(count)}")
        for table, count in sorted(self.deletions.items()):
            lines.append(f"  {_label(table)} (вилучено): {format_int(count)}")
        return lines


def _label(table: str, language: str = "uk") -> str:
    return registry.entity_label(table, language)


def _who(table: str, values: Mapping[str, Any], ruuid: str) -> str:
    """``Фракція «Назва» (1a2b3c4d…)``: the record's kind, its name when it has one, its UUID."""
    name = next((values[k] for k in ("name", "title", "signer_name", "full_name", "username", "number",
                                     "reg_number", "code") if values.get(k) not in (None, "")), None)
    label = _label(table)
    label = label[:1].upper() + label[1:]
    return f"{label} «{name}» ({ruuid[:8]}…)" if name is not None else f"{label} ({ruuid[:8]}…)"


def _damaged(detail: str) -> DamagedFileError:
    return DamagedFileError(
        f"Пакет обміну пошкоджено або змінено ({detail}); його не імпортовано, нічого не змінено.",
        f"The exchange bundle is damaged or altered ({detail}); nothing was imported.",
    )


def _pack(lines: list[bytes]) -> bytes:
    payload = zlib.compress(b"\n".join(lines) + b"\n", 6)
    header = {"format": FORMAT, "version": FORMAT_VERSION, "compression": "zlib",
              "sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload)}
    return MAGIC + json.dumps(header, sort_keys=True).encode("ascii") + b"\n" + payload


def _unpack(data: bytes) -> list[bytes]:
    """The payload lines of a plain bundle, after checking its checksum; raises DamagedFileError."""
    if not data.startswith(MAGIC):
        raise DamagedFileError(
            "Цей файл не є пакетом обміну Hromada Desk; нічого не змінено.",
            "This file is not a Hromada Desk exchange bundle; nothing was changed.",
        )
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER_LINE)
    if end < 0:
        raise _damaged("заголовок не читається")
    try:
        header = json.loads(data[len(MAGIC):end].decode("ascii"))
        ok = (isinstance(header, dict) and header.get("format") == FORMAT and header.get("compression") == "zlib"
              and isinstance(header.get("sha256"), str) and isinstance(header.get("size"), int))
    except (ValueError, UnicodeDecodeError):
        ok = False
    if not ok:
        raise _damaged("заголовок не читається")
    if header.get("version") != FORMAT_VERSION:
        raise ValidationError(
            "Пакет створено іншою версією формату обміну; оновіть програму на обох ПК. Нічого не змінено.",
            "The bundle uses another format version; update the program on both PCs.",
        )
    payload = data[end + 1:]
    if len(payload) != header["size"]:
        raise _damaged(f"файл обрізано: {len(payload)} байт замість {header['size']}"
                       if len(payload) < header["size"] else "у файлі зайві дані")
    if hashlib.sha256(payload).hexdigest() != header["sha256"]:
        raise _damaged("контрольна сума SHA-256 не збігається")
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(payload, MAX_PAYLOAD)
        if inflater.unconsumed_tail or not inflater.eof:
            raise _damaged("вміст завеликий або неповний")
    except zlib.error:
        raise _damaged("стиснений вміст не читається") from None
    return raw.split(b"\n")


def _read_file(path: Path, password: str | None) -> tuple[bytes, bool]:
    path = Path(path).expanduser()
    if not path.is_file():
        raise ValidationError(f"Файл «{path}» не знайдено.", f"File «{path}» not found.")
    try:
        if is_encrypted(path):
            out = io.BytesIO()
            with path.open("rb") as fh:
                decrypt_stream(fh, out, password, kind="exchange")
            return out.getvalue(), True
        if path.stat().st_size > 2 * MAX_PAYLOAD:
            raise _damaged("файл завеликий")
        return path.read_bytes(), False
    except OSError as exc:
        raise ValidationError(f"Не вдається прочитати «{path}»: {exc.strerror or exc}.",
                              f"Cannot read «{path}».") from exc


def _get_str(data: Mapping[str, Any], key: str, *, max_len: int = 500, pattern: re.Pattern[str] | None = None,
             optional: bool = False) -> Any:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > max_len or (pattern and not pattern.match(value)):
        raise _damaged(f"поле «{key}» заголовка")
    return value


def _get_time(data: Mapping[str, Any], key: str, *, optional: bool = False) -> datetime | None:
    value = data.get(key)
    if value is None and optional:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        raise _damaged(f"поле «{key}» заголовка") from None


def _get_counts(data: Mapping[str, Any], key: str) -> dict[str, int]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0 for k, v in value.items()):
        raise _damaged(f"поле «{key}» заголовка")
    return dict(value)


def _parse_manifest(line: bytes, encrypted: bool) -> BundleInfo:
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        raise _damaged("заголовок пакета") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _damaged("заголовок пакета")
    source = data.get("source")
    council = data.get("council")
    if not isinstance(source, dict) or not isinstance(council, dict):
        raise _damaged("заголовок пакета")
    seq = data.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise _damaged("поле «seq» заголовка")
    ack = data.get("ack")
    if ack is not None:
        if not isinstance(ack, dict):
            raise _damaged("поле «ack» заголовка")
        _get_str(ack, "pc_uuid", pattern=UUID_RE)
        _get_str(ack, "bundle_uuid", pattern=UUID_RE)
    fingerprints = data.get("fingerprints", {})
    if not isinstance(fingerprints, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in fingerprints.items()):
        raise _damaged("поле «fingerprints» заголовка")
    revisions = data.get("revisions", [])
    if not isinstance(revisions, list) or not all(isinstance(r, str) for r in revisions):
        raise _damaged("поле «revisions» заголовка")
    return BundleInfo(
        bundle_uuid=_get_str(data, "bundle_uuid", pattern=UUID_RE),
        seq=seq,
        epoch=_get_str(data, "epoch", pattern=UUID_RE),
        source_pc_uuid=_get_str(source, "pc_uuid", pattern=UUID_RE),
        source_pc_name=_get_str(source, "pc_name", max_len=100),
        target_name=_get_str(data, "target_name", max_len=100),
        council_uuid=_get_str(council, "uuid", pattern=UUID_RE),
        council_name=_get_str(council, "council_name", max_len=300),
        hromada_name=_get_str(council, "hromada_name", max_len=200),
        created_at=_get_time(data, "created_at"),  # type: ignore[arg-type]
        since=_get_time(data, "since", optional=True),
        until=_get_time(data, "until"),  # type: ignore[arg-type]
        counts=_get_counts(data, "counts"),
        deletions=_get_counts(data, "deletions"),
        ack=ack,
        fingerprints=dict(fingerprints),
        revisions=tuple(revisions),
        app_version=_get_str(data, "app_version", max_len=50),
        encrypted=encrypted,
    )


@dataclass
class _Incoming:
    table: str
    uuid: str
    hash: str
    base: str | None
    created_at: datetime | None
    content: dict[str, Any] | None  # None: a deletion
    values: dict[str, Any] = field(default_factory=dict)  # decoded, FKs still as UUIDs
    owned: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    owned_local: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # FKs as local ids


def _parse_records(lines: list[bytes], info: BundleInfo, scope: Scope) -> list[_Incoming]:
    """Every record line, checked against the manifest and this program's schema (all or nothing)."""
    if lines and lines[-1] == b"":
        lines = lines[:-1]
    records: list[_Incoming] = []
    counts: dict[str, int] = defaultdict(int)
    deletions: dict[str, int] = defaultdict(int)
    seen: set[tuple[str, str]] = set()
    problems: list[str] = []
    unknown_tables = sorted(set(info.counts) | set(info.deletions) - set(scope.specs))
    unknown_tables = [t for t in unknown_tables if t not in scope.specs]
    if unknown_tables:
        raise ValidationError(
            "Пакет містить записи, яких ця версія програми не знає (" + ", ".join(unknown_tables[:5]) + "). "
            "Оновіть програму на цьому ПК і повторіть; нічого не змінено.",
            "The bundle holds record types this version does not know; update the program.",
        )
    for number, line in enumerate(lines, start=2):
        try:
            item = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            raise _damaged(f"рядок {number}") from None
        if not isinstance(item, dict):
            raise _damaged(f"рядок {number}")
        table = item.get("t")
        ruuid = item.get("u")
        spec = scope.get(table) if isinstance(table, str) else None
        if spec is None or not isinstance(table, str) or not isinstance(ruuid, str) or not UUID_RE.match(ruuid):
            raise _damaged(f"рядок {number}")
        if (table, ruuid) in seen:
            raise _damaged(f"рядок {number}: запис повторюється")
        seen.add((table, ruuid))
        base = item.get("b")
        if base is not None and (not isinstance(base, str) or not HASH_RE.match(base)):
            raise _damaged(f"рядок {number}")
        if item.get("d") is True:
            deletions[table] += 1
            records.append(_Incoming(table, ruuid, "", base, None, None))
            continue
        content = item.get("v")
        rhash = item.get("h")
        if not isinstance(content, dict) or not isinstance(rhash, str) or content_hash(content) != rhash:
            raise _damaged(f"рядок {number}: вміст запису не збігається з його хешем")
        created = item.get("c")
        try:
            created_at = datetime.fromisoformat(created).replace(tzinfo=None) if isinstance(created, str) else None
        except ValueError:
            raise _damaged(f"рядок {number}") from None
        incoming = _Incoming(table, ruuid, rhash, base, created_at, content)
        _decode_content(spec, incoming, problems, number)
        counts[table] += 1
        records.append(incoming)
    if dict(counts) != {k: v for k, v in info.counts.items() if v} or \
            dict(deletions) != {k: v for k, v in info.deletions.items() if v}:
        raise _damaged("кількість записів не збігається із заголовком — файл неповний")
    if problems:
        raise ImportRejectedError(
            "Пакет містить записи, які ця версія програми не може прийняти (можливо, його створено новішою "
            "версією програми); нічого не змінено:", problems,
            "The bundle holds records this version cannot accept; nothing was changed.")
    return records


def _decode_content(spec: TableSpec, incoming: _Incoming, problems: list[str], number: int) -> None:
    content = incoming.content or {}
    known = {c.name for c in spec.columns} | {o.key for o in spec.owned}
    extra = sorted(set(content) - known)
    if extra:
        problems.append(f"Рядок {number} ({_label(spec.name)}): невідомі поля {', '.join(extra[:5])} — пакет "
                        "створено новішою версією програми.")
        return
    for column in spec.columns:
        if column.name not in content:
            if not column.nullable and column.default is None and column.server_default is None:
                problems.append(f"Рядок {number} ({_label(spec.name)}): бракує поля «{column.name}».")
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
                incoming.values[column.name] = _decode(column, value)
        except BadValue as exc:
            problems.append(f"Рядок {number} ({_label(spec.name)}), поле «{column.name}»: {exc}.")
    for owned in spec.owned:
        items = content.get(owned.key, [])
        if not isinstance(items, list):
            problems.append(f"Рядок {number} ({_label(spec.name)}): неправильні вкладені записи.")
            continue
        decoded: list[dict[str, Any]] = []
        for item in items:
            if not isinstance(item, dict) or set(item) - {c.name for c in owned.columns}:
                problems.append(f"Рядок {number} ({_label(spec.name)}): неправильні вкладені записи.")
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
                        values[column.name] = _decode(column, value)
            except BadValue as exc:
                problems.append(f"Рядок {number} ({_label(spec.name)}), {_label(owned.table.name)}: {exc}.")
                break
            decoded.append(values)
        incoming.owned[owned.key] = decoded


def _open_bundle(path: Path | str, password: str | None) -> tuple[BundleInfo, list[bytes]]:
    """The checked manifest and the (checksum-verified, not yet parsed) record lines."""
    data, encrypted = _read_file(Path(path), password)
    lines = _unpack(data)
    if not lines or not lines[0]:
        raise _damaged("немає заголовка")
    return _parse_manifest(lines[0], encrypted), lines[1:]


def read_bundle(path: Path | str, *, password: str | None = None,
                scope: Scope | None = None) -> tuple[BundleInfo, list[_Incoming]]:
    """Open and check a bundle completely (checksum, manifest, every record); nothing is written."""
    info, lines = _open_bundle(path, password)
    return info, _parse_records(lines, info, scope or default_scope())


def inspect_bundle(path: Path | str, *, password: str | None = None, scope: Scope | None = None) -> BundleInfo:
    """The manifest of a bundle after checking the whole file (for the preview before import)."""
    return read_bundle(path, password=password, scope=scope)[0]


# --------------------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportResult:
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


def _council_row(s: Session) -> CouncilProfile:
    profile = s.execute(select(CouncilProfile).order_by(CouncilProfile.id).limit(1)).scalar_one_or_none()
    if profile is None:
        raise ValidationError(
            "Профіль ради ще не заповнено: обмін можливий лише між базами однієї ради. Налаштуйте цей ПК, "
            "відновивши резервну копію бази офісу.",
            "The council profile is not set up yet: restore the office's backup on this PC first.",
        )
    return profile


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
        identity = _identity(s)
        council = _council_row(s)
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
        keys = _Keys(s)
        lines: list[bytes] = []
        counts: dict[str, int] = {}
        total_tables = len(scope.ordered)
        for index, spec in enumerate(scope.ordered):
            report(progress, index, total_tables + 2, f"Збір змін: {_label(spec.name)}")
            table = spec.table
            stmt = select(table).order_by(table.c.id)
            if since is not None and not spec.policy.insert_only:
                touched = _changed_uuids(s, spec.name, since)
                rows = list(s.execute(stmt.where(table.c.updated_at > since)).mappings())
                have = {r["uuid"] for r in rows}
                extra = sorted(touched - have)
                for chunk in _chunks(extra):
                    rows.extend(s.execute(select(table).where(table.c.uuid.in_(chunk))).mappings())
            else:
                rows = list(s.execute(stmt).mappings())
            owned = _owned_rows(s, spec, [r["id"] for r in rows]) if spec.owned and rows else {}
            n = 0
            for row in rows:
                content = _encode_record(spec, row, keys, owned)
                digest = content_hash(content)
                base = sync.get((spec.name, row["uuid"]))
                if base == digest and not is_full:
                    continue  # the partner holds exactly this already
                lines.append(_canonical({"t": spec.name, "u": row["uuid"], "h": digest, "b": base,
                                         "c": _encode(table.c.created_at, row["created_at"]), "v": content}))
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
        from app.db import migrations_runner

        manifest = {
            "format": FORMAT, "version": FORMAT_VERSION, "bundle_uuid": bundle_uuid, "seq": seq,
            "epoch": identity.epoch, "source": {"pc_uuid": identity.pc_uuid, "pc_name": identity.pc_name},
            "target_name": name, "target_pc_uuid": partner.pc_uuid,
            "council": {"uuid": council.uuid, "council_name": council.council_name,
                        "hromada_name": council.hromada_name},
            "created_at": snapshot.isoformat(), "since": since.isoformat() if since else None,
            "until": snapshot.isoformat(), "counts": counts, "deletions": deletions, "ack": ack,
            "fingerprints": _fingerprints(s, scope),
            "revisions": sorted(migrations_runner.current_revisions(db)),
            "app_version": __version__,
        }
        data = _pack([_canonical(manifest), *lines])
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
        for chunk in _chunks(candidates):
            existing.update(s.execute(select(spec.table.c.uuid).where(spec.table.c.uuid.in_(chunk))).scalars())
        n = 0
        for ruuid in candidates:
            if ruuid in existing:
                continue
            lines.append(_canonical({"t": spec.name, "u": ruuid, "d": True, "b": sync.get((spec.name, ruuid))}))
            n += 1
        if n:
            counts[spec.name] = n
    return counts


def _fingerprints(s: Session, scope: Scope) -> dict[str, str | None]:
    result: dict[str, str | None] = {}
    for name, (tables, fn, _msg) in FINGERPRINTS.items():
        if any(t in scope.specs for t in tables):
            try:
                result[name] = fn(s)
            except Exception:  # noqa: BLE001 - an area's table may be missing in an old database
                result[name] = None
    return result


# --------------------------------------------------------------------------- import


@dataclass(frozen=True)
class ImportResult:
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


def _check_compatible(s: Session, info: BundleInfo, records: list[_Incoming], scope: Scope) -> None:
    council = _council_row(s)
    if council.uuid != info.council_uuid:
        raise ValidationError(
            f"Пакет створено в базі іншої ради («{info.council_name}», {info.hromada_name}), а ця база — "
            f"«{council.council_name}». Пакет не імпортовано, нічого не змінено.",
            "The bundle comes from another council's database; nothing was imported.",
        )
    identity = _identity(s)
    if identity.pc_uuid == info.source_pc_uuid:
        raise ValidationError(
            "Цей пакет створено на цьому ж ПК (або ця база — копія бази того ПК, з якого його зроблено). "
            "Якщо базу скопійовано з іншого ПК, дайте цьому ПК власну ідентичність "
            "(«Обмін між ПК» → «Назва ПК» → «Новий ідентифікатор») і повторіть. Нічого не змінено.",
            "This bundle was made on this PC (or this database is a copy of that PC's); nothing was imported.",
        )
    tables = {r.table for r in records}
    for name, (needs, fn, message) in FINGERPRINTS.items():
        if not tables & set(needs):
            continue
        try:
            mine = fn(s)
        except Exception:  # noqa: BLE001
            mine = None
        theirs = info.fingerprints.get(name)
        if mine is None or theirs is None or mine != theirs:
            raise ValidationError(
                "Пакет не імпортовано: " + message.replace("{source}", info.source_pc_name) + " Нічого не змінено.",
                "The bundle was refused: the two PCs use different voter keys; set one up from the other's backup.",
            )


def _find_partner(s: Session, info: BundleInfo) -> ExchangePartner:
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


class _Merge:
    """One bundle merged into one transaction."""

    def __init__(self, s: Session, scope: Scope, partner: ExchangePartner, info: BundleInfo,
                 actor: Actor, progress: ProgressCallback | None, *, load_sync: bool = True) -> None:
        self.s = s
        self.scope = scope
        self.partner = partner
        self.info = info
        self.actor = actor
        self.progress = progress
        self.keys = _Keys(s)
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
    def _set_sync(self, table: str, ruuid: str, digest: str | None) -> None:
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
        for chunk in _chunks(uuids):
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
                    return row, f"він посилається на {_label(target.name)}, який теж не прийнято"
                return row, f"він посилається на {_label(target.name)} ({ref[:8]}…), якого на цьому ПК немає"
            row[column] = local_id
        return row, None

    def _step(self, label: str) -> None:
        self.done += 1
        report(self.progress, self.done, self.total, label)

    # ----- merging
    def run(self, records: list[_Incoming]) -> None:
        by_table: dict[str, list[_Incoming]] = defaultdict(list)
        deletions: dict[str, list[_Incoming]] = defaultdict(list)
        for item in records:
            (deletions if item.content is None else by_table)[item.table].append(item)
        for spec in self.scope.ordered:
            if by_table.get(spec.name):
                self._merge_table(spec, by_table[spec.name])
                self._step(f"Імпорт: {_label(spec.name)}")
        for spec in reversed(self.scope.ordered):
            if deletions.get(spec.name):
                self._delete(spec, deletions[spec.name])
                self._step(f"Вилучення: {_label(spec.name)}")
        self._write_sync()
        for table, ids in self.touched.items():
            hook = registry.after_import_hooks().get(table)
            if hook is not None and (ids or self.parents_of_deleted.get(table)):
                hook(self.s, ids, self.parents_of_deleted.get(table, set()))
        for table, parents in self.parents_of_deleted.items():
            hook = registry.after_import_hooks().get(table)
            if hook is not None and table not in self.touched and parents:
                hook(self.s, set(), parents)

    def _merge_table(self, spec: TableSpec, items: list[_Incoming]) -> None:
        local = self._local_rows(spec, [i.uuid for i in items])
        local_owned = _owned_rows(self.s, spec, [r["id"] for r in local.values()]) if spec.owned and local else {}
        inserts: list[tuple[_Incoming, dict[str, Any]]] = []
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
            mine = content_hash(_encode_record(spec, row, self.keys, local_owned))
            known = self.sync.get((spec.name, item.uuid))
            if mine == item.hash:
                self.unchanged += 1
                self._set_sync(spec.name, item.uuid, item.hash)
            elif known == item.hash:
                self.unchanged += 1  # theirs is what we agreed on; ours changed since and will travel back
            elif mine == known or mine == item.base:
                self._update(spec, item, row)
            else:
                self._conflict(spec, item, row, mine)
        self._insert_all(spec, inserts)

    def _natural_match(self, spec: TableSpec, item: _Incoming) -> int | None:
        cols = spec.policy.natural_key
        values = tuple(item.values.get(c) for c in cols)
        if None in values or any(c in spec.fks for c in cols):
            return None
        table = spec.table
        return self.s.execute(select(table.c.id).where(and_(*[table.c[c] == v for c, v in zip(cols, values,
                                                                                               strict=True)]))
                              ).scalar_one_or_none()

    def _prepare(self, spec: TableSpec, item: _Incoming, for_insert: bool) -> dict[str, Any] | None:
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
            self.problems.append(f"{_who(spec.name, item.values, item.uuid)} не прийнято: {missing}.")
            self.refused.add((spec.name, item.uuid))
            return None
        if for_insert:
            row.update(spec.policy.insert_values)
        duplicate = self._duplicate_of(spec, item.uuid, row)
        if duplicate is not None:
            fields = ", ".join(duplicate)
            self.duplicates.append(
                f"{_who(spec.name, item.values, item.uuid)}: такий запис уже є на цьому ПК (збігаються поля: "
                f"{fields}) — як і в одній базі, повтор не прийнято.")
            self.refused.add((spec.name, item.uuid))
            return None
        return row

    def _insert_all(self, spec: TableSpec, inserts: list[tuple[_Incoming, dict[str, Any]]]) -> None:
        pending = inserts
        now = utcnow()
        table = spec.table
        while pending:
            ready: list[tuple[_Incoming, dict[str, Any]]] = []
            waiting: list[tuple[_Incoming, dict[str, Any]]] = []
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
                    self.problems.append(f"{_who(spec.name, item.values, item.uuid)} не прийнято: "
                                         "кругові посилання між записами пакета.")
                    self.refused.add((spec.name, item.uuid))
                break
            if ready:
                self._bulk_insert(spec, ready)
            pending = waiting

    def _bulk_insert(self, spec: TableSpec, ready: list[tuple[_Incoming, dict[str, Any]]]) -> None:
        table = spec.table
        columns = {k for _, row in ready for k in row}
        rows = [row for _, row in ready]
        if any(len(row) != len(columns) for row in rows):  # executemany needs the same keys in every row
            defaults = {c: _default(table.c[c]) for c in columns}
            rows = [{**defaults, **row} for row in rows]
        try:
            with self.s.begin_nested():
                for chunk in _chunks(rows, 1000):
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
                self._set_sync(spec.name, item.uuid, item.hash)

    def _integrity_problem(self, spec: TableSpec, item: _Incoming, exc: IntegrityError) -> None:
        self.refused.add((spec.name, item.uuid))
        self.duplicates.append(
            f"{_who(spec.name, item.values, item.uuid)}: порушує правило бази "
            f"({str(exc.orig).splitlines()[0] if exc.orig else 'обмеження'}) — не прийнято.")

    def _insert_owned(self, spec: TableSpec, items: list[tuple[_Incoming, int | None]]) -> None:
        """The owned rows (a ballot's choices) of freshly written records, one bulk insert per table."""
        for owned in spec.owned:
            rows = [{**values, owned.owner_fk: owner_id} for item, owner_id in items if owner_id is not None
                    for values in item.owned_local.get(owned.key, [])]
            for chunk in _chunks(rows, 5000):
                self.s.execute(insert(owned.table), chunk)

    def _update(self, spec: TableSpec, item: _Incoming, local: Mapping[Any, Any]) -> None:
        row = self._prepare(spec, item, for_insert=False)
        if row is None:
            return
        table = spec.table
        result = self.s.execute(
            update(table).where(table.c.id == local["id"], table.c.version == local["version"])
            .values(**row, updated_at=utcnow(), version=local["version"] + 1))
        if getattr(result, "rowcount", 1) != 1:
            raise StaleRecordError(_who(spec.name, item.values, item.uuid))
        self._claim_unique(spec, item.uuid, row, old=local)
        for owned in spec.owned:
            self.s.execute(delete(owned.table).where(owned.table.c[owned.owner_fk] == local["id"]))
        self._insert_owned(spec, [(item, local["id"])])
        self.touched[spec.name].add(local["id"])
        self.updated[spec.name] += 1
        self._set_sync(spec.name, item.uuid, item.hash)

    def _conflict(self, spec: TableSpec, item: _Incoming, local: Mapping[Any, Any] | None, mine: str | None) -> None:
        local_owned = _owned_rows(self.s, spec, [local["id"]]) if local is not None and spec.owned else {}
        local_json = json.dumps(_encode_record(spec, local, self.keys, local_owned), ensure_ascii=False) \
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

    def _delete(self, spec: TableSpec, items: list[_Incoming]) -> None:
        local = self._local_rows(spec, [i.uuid for i in items])
        local_owned = _owned_rows(self.s, spec, [r["id"] for r in local.values()]) if spec.owned and local else {}
        for item in items:
            row = local.get(item.uuid)
            if row is None:
                self.unchanged += 1
                self._set_sync(spec.name, item.uuid, None)
                continue
            mine = content_hash(_encode_record(spec, row, self.keys, local_owned))
            known = self.sync.get((spec.name, item.uuid))
            if mine == known or mine == item.base:
                self._delete_row(spec, item, row)
            else:
                self._conflict(spec, item, row, mine)

    def _delete_row(self, spec: TableSpec, item: _Incoming, row: Mapping[Any, Any]) -> None:
        table = spec.table
        parents = [row[c] for c in spec.fks if row.get(c) is not None]
        try:
            with self.s.begin_nested():
                for owned in spec.owned:
                    self.s.execute(delete(owned.table).where(owned.table.c[owned.owner_fk] == row["id"]))
                self.s.execute(delete(table).where(table.c.id == row["id"]))
        except IntegrityError:
            self.problems.append(
                f"{_who(spec.name, row, item.uuid)} на ПК «{self.info.source_pc_name}» вилучено, "
                "але тут на нього посилаються інші записи — його залишено.")
            return
        snapshot = {c.name: [_encode(c, row[c.name]), None] for c in spec.columns if row[c.name] not in (None, "")}
        audit.record(self.s, self.actor, audit.Action.DELETE, spec.name, entity_id=row["id"], entity_uuid=item.uuid,
                     changes=snapshot, summary=f"Вилучено за пакетом обміну від «{self.info.source_pc_name}»")
        self.keys.forget(table, row["id"])
        self.deleted[spec.name] += 1
        self._set_sync(spec.name, item.uuid, None)
        self.parents_of_deleted[spec.name].update(parents)

    def _write_sync(self) -> None:
        if not self.sync_changes:
            return
        by_table: dict[str, list[str]] = defaultdict(list)
        for table, ruuid in self.sync_stored:
            by_table[table].append(ruuid)
        for table, uuids in by_table.items():
            for chunk in _chunks(uuids):
                self.s.execute(delete(ExchangeSyncState).where(
                    ExchangeSyncState.partner_id == self.partner.id, ExchangeSyncState.table_name == table,
                    ExchangeSyncState.record_uuid.in_(chunk)))
        now = utcnow()
        rows = [{"partner_id": self.partner.id, "table_name": t, "record_uuid": u, "content_hash": h,
                 "uuid": str(uuid_module.uuid4()), "created_at": now, "updated_at": now, "version": 1}
                for (t, u), h in self.sync_changes.items() if h is not None]
        for chunk in _chunks(rows, 5000):
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
    """Merge a bundle into this database (one transaction; see the module docstring for the rules).

    Refused whole (nothing written) when the file is altered or truncated, from another
    council, made on this PC, older than one already imported, or made with a newer schema.
    Importing the same bundle again changes nothing.
    """
    scope = scope or default_scope(db)
    report(progress, 0, 1, "Перевірка пакета")
    info, lines = _open_bundle(path, password)
    with db.read() as s:
        if s.execute(select(ExchangeImport.id).where(ExchangeImport.bundle_uuid == info.bundle_uuid)
                     ).scalar_one_or_none() is not None:
            return ImportResult(info, already_imported=True)
    records = _parse_records(lines, info, scope)
    with db.write() as s:  # checks only; a refusal here writes nothing
        _check_compatible(s, info, records, scope)
        _check_order(s, info)
    safety_copy = None
    if backup_first:
        from app.services.safety import backup

        safety_copy = backup.before_import(db)
    with db.write() as s:
        if s.execute(select(ExchangeImport.id).where(ExchangeImport.bundle_uuid == info.bundle_uuid)
                     ).scalar_one_or_none() is not None:
            return ImportResult(info, already_imported=True)
        _check_compatible(s, info, records, scope)
        _check_order(s, info)
        partner = _find_partner(s, info)
        merge = _Merge(s, scope, partner, info, actor, progress)
        merge.run(records)
        now = utcnow()
        if info.ack is not None:
            identity = _identity(s)
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


def _check_order(s: Session, info: BundleInfo) -> None:
    partner = s.execute(select(ExchangePartner).where(ExchangePartner.pc_uuid == info.source_pc_uuid)
                        ).scalar_one_or_none()
    if partner is None or partner.last_import_epoch != info.epoch:
        return
    if info.seq <= partner.last_import_seq:
        raise ValidationError(
            f"Пакет №{info.seq} від «{info.source_pc_name}» старіший за вже імпортований №{partner.last_import_seq}: "
            "у ньому застарілі дані. Попросіть зробити новий пакет; нічого не змінено.",
            "This bundle is older than one already imported from the same PC; nothing was changed.",
        )


# --------------------------------------------------------------------------- conflicts


@dataclass(frozen=True)
class ConflictField:
    name: str
    here: str
    there: str
    differs: bool


@dataclass(frozen=True)
class ConflictView:
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


def _conflict_view(s: Session, c: ExchangeConflict, scope: Scope, keys: _Keys, language: str = "uk") -> ConflictView:
    spec = scope.get(c.table_name)
    local_content: dict[str, Any] | None = None
    local_version: int | None = None
    if spec is not None:
        row = s.execute(select(spec.table).where(spec.table.c.uuid == c.record_uuid)).mappings().one_or_none()
        if row is not None:
            owned = _owned_rows(s, spec, [row["id"]]) if spec.owned else {}
            local_content = _encode_record(spec, row, keys, owned)
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
    return ConflictView(c.id, c.version, partner.name if partner else "?", c.table_name, _label(c.table_name, language),
                        c.record_uuid, c.detected_at, c.status, local_content is None, remote is None,
                        local_version, fields, title)


def list_conflicts(db: Database, *, status: str = OPEN, scope: Scope | None = None,
                   language: str = "uk") -> list[ConflictView]:
    scope = scope or default_scope(db)
    with db.read() as s:
        keys = _Keys(s)
        rows = s.execute(select(ExchangeConflict).where(ExchangeConflict.status == status)
                         .order_by(ExchangeConflict.detected_at, ExchangeConflict.id)).scalars().all()
        return [_conflict_view(s, c, scope, keys, language) for c in rows]


def get_conflict(db: Database, conflict_id: int, *, scope: Scope | None = None) -> ConflictView:
    scope = scope or default_scope(db)
    with db.read() as s:
        c = s.get(ExchangeConflict, conflict_id)
        if c is None:
            raise NotFoundError("Конфлікт не знайдено (можливо, його вже вирішено).")
        return _conflict_view(s, c, scope, _Keys(s))


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
        keys = _Keys(s)
        local = s.execute(select(table).where(table.c.uuid == c.record_uuid)).mappings().one_or_none()
        current_version = local["version"] if local is not None else None
        if expected_local_version is not None and current_version != expected_local_version:
            raise StaleRecordError(_label(c.table_name).capitalize())
        partner = s.get(ExchangePartner, c.partner_id)
        assert partner is not None
        merge = _Merge(s, scope, partner, _resolution_info(c), actor, None, load_sync=False)
        stored = s.execute(select(ExchangeSyncState.content_hash).where(
            ExchangeSyncState.partner_id == partner.id, ExchangeSyncState.table_name == c.table_name,
            ExchangeSyncState.record_uuid == c.record_uuid)).scalar_one_or_none()
        if stored is not None:
            merge.sync[(c.table_name, c.record_uuid)] = stored
        label = _label(c.table_name)
        if keep == "remote":
            if c.remote_json is None:
                if local is not None:
                    merge._delete_row(spec, _Incoming(c.table_name, c.record_uuid, "", None, None, None), local)
                    if merge.problems:
                        raise ValidationError(merge.problems[0])
            else:
                content = json.loads(c.remote_json)
                item = _Incoming(c.table_name, c.record_uuid, c.remote_hash, None, c.remote_created_at, content)
                problems: list[str] = []
                _decode_content(spec, item, problems, 0)
                if problems:
                    raise ValidationError(problems[0])
                if local is None:
                    merge._insert_all(spec, [(item, {})])
                else:
                    merge._update(spec, item, local)
                if merge.duplicates or merge.problems:
                    raise ValidationError((merge.duplicates + merge.problems)[0])
                merge._set_sync(c.table_name, c.record_uuid, c.remote_hash)
        else:
            if c.remote_json is not None:
                merge._set_sync(c.table_name, c.record_uuid, c.remote_hash)
            if local is not None:  # travel again to the partner, who holds the other version
                s.execute(update(table).where(table.c.id == local["id"]).values(updated_at=utcnow()))
        merge._write_sync()
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
    now = utcnow()
    return BundleInfo(c.bundle_uuid, 0, "", "", "інший ПК", "", "", "", "", now, None, now, {}, {}, None, {}, (), "")


def open_conflict_count(db: Database) -> int:
    with db.read() as s:
        return s.execute(select(func.count(ExchangeConflict.id)).where(ExchangeConflict.status == OPEN)).scalar_one()


def import_history(db: Database, limit: int = 50) -> list[tuple[datetime, str, int, str]]:
    """(time, partner, bundle number, summary) of the latest imports."""
    with db.read() as s:
        rows = s.execute(select(ExchangeImport, ExchangePartner.name).join(
            ExchangePartner, ExchangePartner.id == ExchangeImport.partner_id)
            .order_by(ExchangeImport.imported_at.desc()).limit(limit)).all()
        return [(imp.imported_at, name, imp.seq, imp.summary_json) for imp, name in rows]


__all__ = [
    "BundleInfo", "ConflictView", "ExportResult", "ImportResult", "Scope", "TablePolicy",
    "default_scope", "export_bundle", "import_bundle", "inspect_bundle", "list_conflicts", "list_partners",
    "read_bundle", "resolve_conflict", "set_pc_name",
]



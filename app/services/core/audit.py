"""The audit trail: an append-only, hash-chained log of every change.

Services call :func:`record` inside their own transaction, so a change and its audit
event commit together or not at all. Each event's hash covers the previous event's
hash and the event's content; :func:`verify_chain` recomputes the chain and reports
the first event that was edited, deleted or inserted behind the app's back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.db.base import BOOKKEEPING_COLUMNS, utcnow
from app.db.engine import Database
from app.db.models.core import AuditChainHead, AuditEvent
from app.services.core.auth import Actor

GENESIS_HASH = "0" * 64


class Action:
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    IMPORT = "import"
    LOGIN = "login"
    OTHER = "other"


ACTION_LABELS = {
    "create": ("створено", "created"),
    "update": ("змінено", "updated"),
    "delete": ("видалено", "deleted"),
    "import": ("імпорт", "import"),
    "login": ("вхід", "login"),
    "other": ("дія", "action"),
}

def jsonable(value: Any) -> Any:
    """A JSON-safe form of a column value (dates as ISO text, bytes summarised)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bytes | bytearray | memoryview):
        return f"<{len(bytes(value))} байт>"
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    return str(value)


def snapshot(obj: Any, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """Column values of an ORM object, without bookkeeping columns."""
    skip = BOOKKEEPING_COLUMNS | set(exclude)
    mapper = inspect(type(obj))
    return {attr.key: jsonable(getattr(obj, attr.key)) for attr in mapper.column_attrs if attr.key not in skip}


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value changed."""
    keys = list(before) + [k for k in after if k not in before]
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def _canonical(event: AuditEvent) -> bytes:
    payload = {
        "seq": event.seq,
        "uuid": event.uuid,
        "occurred_at": event.occurred_at.isoformat(timespec="microseconds"),
        "user_id": event.user_id,
        "username": event.username,
        "action": event.action,
        "entity_type": event.entity_type,
        "entity_id": event.entity_id,
        "entity_uuid": event.entity_uuid,
        "summary": event.summary,
        "changes": json.loads(event.changes_json),
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def compute_hash(prev_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + _canonical(event)).hexdigest()


HEAD_ID = 1


def _lock_head(session: Session) -> AuditChainHead:
    """The chain's tip, locked until the caller's transaction ends (FOR UPDATE on PostgreSQL;
    on SQLite the write transaction already holds the only write lock).

    ``populate_existing`` re-reads the row even if this session loaded it before, so the
    sequence number is the committed one. The very first event creates the head with a
    fixed id inside a savepoint: when several PCs start a new server database at the same
    moment, all but one collide on that id and then lock the winner's head instead of
    creating a second one.
    """
    stmt = select(AuditChainHead).with_for_update().execution_options(populate_existing=True)
    head = session.execute(stmt).scalar_one_or_none()
    if head is None:
        try:
            with session.begin_nested():
                session.add(AuditChainHead(id=HEAD_ID, last_seq=0, last_hash=GENESIS_HASH))
        except IntegrityError:
            pass  # another PC created it meanwhile
        head = session.execute(stmt).scalar_one()
    return head


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    *,
    entity_id: int | None = None,
    entity_uuid: str = "",
    changes: Mapping[str, Any] | None = None,
    summary: str = "",
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction."""
    head = _lock_head(session)
    event = AuditEvent(
        seq=head.last_seq + 1,
        occurred_at=utcnow(),
        user_id=actor.user_id,
        username=actor.username,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        entity_uuid=entity_uuid,
        summary=summary[:500],
        changes_json=json.dumps(jsonable(dict(changes or {})), ensure_ascii=False, sort_keys=True),
        prev_hash=head.last_hash,
        hash="",
    )
    event.hash = compute_hash(head.last_hash, event)
    session.add(event)
    head.last_seq = event.seq
    head.last_hash = event.hash
    session.flush()
    return event


def record_object(
    session: Session,
    actor: Actor,
    action: str,
    obj: Any,
    *,
    changes: Mapping[str, Any] | None = None,
    summary: str = "",
    exclude: Iterable[str] = (),
) -> AuditEvent:
    """Audit a change of an ORM object; for create/delete the changes default to its snapshot."""
    session.flush()
    if changes is None:
        snap = snapshot(obj, exclude)
        if action == Action.DELETE:
            changes = {k: [v, None] for k, v in snap.items()}
        else:
            changes = {k: [None, v] for k, v in snap.items() if v not in (None, "")}
    return record(
        session,
        actor,
        action,
        obj.__tablename__,
        entity_id=obj.id,
        entity_uuid=getattr(obj, "uuid", ""),
        changes=changes,
        summary=summary,
    )


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    broken_at_seq: int | None = None
    reason: str = ""

    def message(self) -> str:
        if self.ok:
            return f"Журнал змін цілий: {self.events} подій, ланцюжок не порушено."
        return f"Журнал змін порушено на події №{self.broken_at_seq}: {self.reason}"


def verify_chain(db: Database) -> ChainReport:
    """Recompute every hash in order; report the first broken link."""
    prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    with db.read() as s:
        head = s.execute(select(AuditChainHead)).scalar_one_or_none()
        for event in s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars().yield_per(2000):
            count += 1
            if event.seq != expected_seq:
                return ChainReport(False, count, expected_seq, "подію видалено або номер змінено.")
            if event.prev_hash != prev:
                return ChainReport(False, count, event.seq, "посилання на попередню подію не збігається.")
            if compute_hash(prev, event) != event.hash:
                return ChainReport(False, count, event.seq, "вміст події змінено після запису.")
            prev = event.hash
            expected_seq += 1
        if head is not None and (head.last_seq != count or head.last_hash != prev):
            return ChainReport(False, count, count + 1, "останні події видалено.")
    return ChainReport(True, count)


@dataclass(frozen=True)
class AuditRow:
    seq: int
    occurred_at: datetime
    username: str
    action: str
    entity_type: str
    entity_id: int | None
    summary: str
    changes: dict[str, list[Any]]


@dataclass(frozen=True)
class AuditFilter:
    date_from: date | None = None
    date_to: date | None = None
    username: str | None = None
    entity_type: str | None = None
    limit: int | None = None


def list_events(db: Database, flt: AuditFilter = AuditFilter()) -> list[AuditRow]:
    """Events newest first, filtered by date range (inclusive, UTC dates), user and record type."""
    stmt = select(AuditEvent).order_by(AuditEvent.seq.desc())
    if flt.date_from:
        stmt = stmt.where(AuditEvent.occurred_at >= datetime.combine(flt.date_from, datetime.min.time()))
    if flt.date_to:
        stmt = stmt.where(AuditEvent.occurred_at <= datetime.combine(flt.date_to, datetime.max.time()))
    if flt.username:
        stmt = stmt.where(AuditEvent.username == flt.username)
    if flt.entity_type:
        stmt = stmt.where(AuditEvent.entity_type == flt.entity_type)
    if flt.limit:
        stmt = stmt.limit(flt.limit)
    with db.read() as s:
        return [
            AuditRow(
                e.seq, e.occurred_at, e.username, e.action, e.entity_type, e.entity_id, e.summary,
                json.loads(e.changes_json),
            )
            for e in s.execute(stmt).scalars()
        ]


def distinct_values(db: Database) -> tuple[list[str], list[str]]:
    """Usernames and record types that occur in the trail (for filter drop-downs)."""
    with db.read() as s:
        users = [u for (u,) in s.execute(select(AuditEvent.username).distinct().order_by(AuditEvent.username))]
        types = [t for (t,) in s.execute(select(AuditEvent.entity_type).distinct().order_by(AuditEvent.entity_type))]
    return users, types


def event_count(db: Database) -> int:
    with db.read() as s:
        return s.execute(select(func.count(AuditEvent.id))).scalar_one()

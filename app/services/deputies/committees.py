"""Standing committees of the council and their members (one head each)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select

from app.db.base import utcnow
from app.db.engine import Database
from app.db.models.deputies import AgendaItem, Committee, CommitteeMember
from app.domain.deputies import CommitteeRole, collation_key
from app.errors import ValidationError
from app.services.core import audit
from app.services.core.auth import Actor
from app.services.core.records import check_version, get_or_404
from app.services.deputies.common import clean, deputy_names, one_line, require_edit


@dataclass(frozen=True)
class CommitteeData:
    name: str
    short_name: str = ""
    description: str = ""


@dataclass(frozen=True)
class CommitteeMemberView:
    deputy_id: int
    name: str
    role: str


@dataclass(frozen=True)
class CommitteeView(CommitteeData):
    id: int = 0
    version: int = 0
    uuid: str = ""
    members: tuple[CommitteeMemberView, ...] = ()


_ROLE_ORDER = {r.value: i for i, r in enumerate(CommitteeRole)}


def list_committees(db: Database) -> list[CommitteeView]:
    with db.read() as s:
        names = deputy_names(s, short=False)
        members: dict[int, list[CommitteeMemberView]] = defaultdict(list)
        for cid, did, role in s.execute(select(CommitteeMember.committee_id, CommitteeMember.deputy_id,
                                               CommitteeMember.role)):
            members[cid].append(CommitteeMemberView(did, names.get(did, "?"), role))
        out = []
        for c in s.execute(select(Committee).order_by(Committee.name)).scalars():
            seats = sorted(members.get(c.id, []), key=lambda m: (_ROLE_ORDER.get(m.role, 9), collation_key(m.name)))
            out.append(CommitteeView(name=c.name, short_name=c.short_name, description=c.description, id=c.id,
                                     version=c.version, uuid=c.uuid, members=tuple(seats)))
        return out


def save_committee(db: Database, actor: Actor, data: CommitteeData, committee_id: int | None = None,
                   expected_version: int | None = None, members: Sequence[tuple[int, str]] | None = None) -> int:
    """Create or update a committee; ``members`` (deputy id, role) replaces its membership when given."""
    require_edit(actor)
    name = one_line(data.name)
    if not name:
        raise ValidationError("Вкажіть назву комісії.", "Enter the committee's name.")
    if members is not None:
        heads = [d for d, role in members if role == CommitteeRole.HEAD]
        if len(heads) > 1:
            raise ValidationError("У комісії може бути лише один голова.", "A committee has one head.")
        if len({d for d, _ in members}) != len(members):
            raise ValidationError("Одного депутата вказано в комісії двічі.", "A deputy is listed twice.")
        for _, role in members:
            if role not in CommitteeRole._value2member_map_:
                raise ValidationError(f"Невідома роль у комісії: «{role}».", f"Unknown committee role «{role}».")
    with db.write() as s:
        clash = s.execute(select(Committee.id).where(Committee.name == name)).scalar_one_or_none()
        if clash is not None and clash != committee_id:
            raise ValidationError(f"Комісія «{name}» уже є.", f"Committee «{name}» already exists.")
        if committee_id is None:
            committee = Committee(name=name, short_name=one_line(data.short_name), description=clean(data.description))
            s.add(committee)
            s.flush()
            before: dict = {}
        else:
            committee = get_or_404(s, Committee, committee_id, "Комісію", "Committee")
            check_version(committee, expected_version, "Комісію")
            before = audit.snapshot(committee)
            committee.name, committee.short_name = name, one_line(data.short_name)
            committee.description = clean(data.description)
        changes = audit.diff(before, audit.snapshot(committee)) if before else {}
        if members is not None:
            names = deputy_names(s, short=False)
            for deputy_id, _ in members:
                if deputy_id not in names:
                    raise ValidationError("Обраного депутата не знайдено.", "Deputy not found.")
            current = {m.deputy_id: m for m in s.execute(
                select(CommitteeMember).where(CommitteeMember.committee_id == committee.id)).scalars()}
            wanted = dict(members)
            for deputy_id, member in current.items():
                if deputy_id not in wanted:
                    changes[names[deputy_id]] = [member.role, None]
                    s.delete(member)
            s.flush()
            for deputy_id, role in wanted.items():
                seat = current.get(deputy_id)
                if seat is None:
                    s.add(CommitteeMember(committee_id=committee.id, deputy_id=deputy_id, role=role))
                    changes[names[deputy_id]] = [None, role]
                elif seat.role != role:
                    changes[names[deputy_id]] = [seat.role, role]
                    seat.role = role
            if committee_id is not None and changes:
                committee.updated_at = utcnow()  # bumps the version
        s.flush()
        if committee_id is None:
            snap = {k: [None, v] for k, v in audit.snapshot(committee).items() if v}
            audit.record_object(s, actor, audit.Action.CREATE, committee, changes={**snap, **changes},
                                summary=f"Комісія «{name}»")
        elif changes:
            audit.record_object(s, actor, audit.Action.UPDATE, committee, changes=changes, summary=f"Комісія «{name}»")
        return committee.id


def delete_committee(db: Database, actor: Actor, committee_id: int, expected_version: int) -> None:
    require_edit(actor)
    with db.write() as s:
        committee = get_or_404(s, Committee, committee_id, "Комісію", "Committee")
        check_version(committee, expected_version, "Комісію")
        if s.execute(select(AgendaItem.id).where(AgendaItem.initiator_committee_id == committee_id).limit(1)).first():
            raise ValidationError(f"Комісію «{committee.name}» не можна видалити: вона ініціювала питання порядку "
                                  "денного.", "The committee initiated agenda items and cannot be deleted.")
        s.execute(delete(CommitteeMember).where(CommitteeMember.committee_id == committee_id))
        audit.record_object(s, actor, audit.Action.DELETE, committee, summary=f"Комісія «{committee.name}»")
        s.delete(committee)

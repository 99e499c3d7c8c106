"""Voting points (пункти голосування): where paper ballots are cast and entered."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.budget import Ballot, SpoiledBallot, VotingPoint
from app.db.models.core import User
from app.domain.names import search_key
from app.errors import ValidationError
from app.services.budget.common import clean_text
from app.services.budget.views import PointView, point_view
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.records import check_version, get_or_404


def list_points(db: Database, *, active_only: bool = False) -> list[PointView]:
    stmt = select(VotingPoint).order_by(VotingPoint.name)
    if active_only:
        stmt = stmt.where(VotingPoint.is_active.is_(True))
    with db.read() as s:
        return [point_view(p) for p in s.execute(stmt).scalars()]


def get_point(db: Database, point_id: int) -> PointView:
    with db.read() as s:
        return point_view(get_or_404(s, VotingPoint, point_id, "Пункт голосування"))


def _validate_point(name: str, address: str) -> tuple[str, str]:
    name = clean_text(name)
    if not name:
        raise ValidationError("Вкажіть назву пункту голосування.")
    if len(name) > 200:
        raise ValidationError("Назва пункту голосування задовга (понад 200 знаків).")
    return name, clean_text(address)


def _unique_point(s: Session, name: str, exclude_id: int | None = None) -> None:
    for pid, existing in s.execute(select(VotingPoint.id, VotingPoint.name)).all():
        if pid != exclude_id and search_key(existing) == search_key(name):
            raise ValidationError(f"Пункт голосування «{name}» уже є.")


def add_point(db: Database, actor: Actor, name: str, address: str = "") -> PointView:
    require(actor, Permission.EDIT_RECORDS)
    name, address = _validate_point(name, address)
    with db.write() as s:
        _unique_point(s, name)
        point = VotingPoint(name=name, address=address, is_active=True)
        s.add(point)
        s.flush()
        audit.record_object(s, actor, audit.Action.CREATE, point, summary=f"Пункт голосування «{name}»")
        return point_view(point)


def update_point(db: Database, actor: Actor, point_id: int, name: str, address: str, is_active: bool,
                 expected_version: int) -> PointView:
    require(actor, Permission.EDIT_RECORDS)
    name, address = _validate_point(name, address)
    with db.write() as s:
        point = get_or_404(s, VotingPoint, point_id, "Пункт голосування")
        check_version(point, expected_version, "Пункт голосування")
        _unique_point(s, name, exclude_id=point.id)
        before = audit.snapshot(point)
        point.name, point.address, point.is_active = name, address, bool(is_active)
        s.flush()
        changes = audit.diff(before, audit.snapshot(point))
        if changes:
            audit.record_object(s, actor, audit.Action.UPDATE, point, changes=changes, summary=name)
        return point_view(point)


def delete_point(db: Database, actor: Actor, point_id: int, expected_version: int) -> None:
    """Delete an unused point; a point with ballots or operators can only be deactivated."""
    require(actor, Permission.EDIT_RECORDS)
    with db.write() as s:
        point = get_or_404(s, VotingPoint, point_id, "Пункт голосування")
        check_version(point, expected_version, "Пункт голосування")
        used = (
            s.execute(select(Ballot.id).where(Ballot.voting_point_id == point.id).limit(1)).first()
            or s.execute(select(SpoiledBallot.id).where(SpoiledBallot.voting_point_id == point.id).limit(1)).first()
        )
        if used:
            raise ValidationError(f"На пункті «{point.name}» уже голосували; його можна лише вимкнути.",
                                  "Ballots were cast at this point; deactivate it instead.")
        if s.execute(select(User.id).where(User.voting_point_id == point.id).limit(1)).first():
            raise ValidationError(f"До пункту «{point.name}» прив’язано операторів; спершу змініть їхній пункт.")
        audit.record_object(s, actor, audit.Action.DELETE, point, summary=point.name)
        s.delete(point)


def point_names(db: Database) -> dict[int, str]:
    with db.read() as s:
        return dict(s.execute(select(VotingPoint.id, VotingPoint.name)).all())

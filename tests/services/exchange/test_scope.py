"""The exchange scope read from a metadata: what travels, what rides inside a record, in which order."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, UniqueConstraint, text

from app.services.area import TablePolicy
from app.services.exchange.scope import Scope, default_scope


def bookkeeping() -> list[Column[object]]:
    return [Column("id", Integer, primary_key=True), Column("uuid", String(36), nullable=False, unique=True),
            Column("created_at", DateTime), Column("updated_at", DateTime), Column("version", Integer)]


def metadata() -> MetaData:
    md = MetaData()
    # Named so that plain dependency order would put the ballot first: only its choices name projects.
    Table("a_ballot", md, *bookkeeping(), Column("voter", String(64)), Column("secret", String(64)),
          Column("count_cache", Integer), UniqueConstraint("voter"))
    Table("z_project", md, *bookkeeping(), Column("number", Integer, unique=True), Column("title", String(50)),
          Column("cycle", Integer), Index("one_open_title", "title", unique=True, sqlite_where=text("cycle = 1")))
    Table("a_ballot_choice", md,
          Column("ballot_id", ForeignKey("a_ballot.id", ondelete="CASCADE"), primary_key=True),
          Column("project_id", ForeignKey("z_project.id"), primary_key=True), Column("rank", Integer))
    Table("log_line", md, Column("n", Integer, primary_key=True), Column("text", String(10)))
    Table("per_pc", md, *bookkeeping(), Column("state", String(10)))
    return md


POLICIES = {
    "a_ballot": TablePolicy(private_columns=frozenset({"secret"}), derived_columns=frozenset({"count_cache"})),
    "per_pc": TablePolicy(exclude=True),
}


def test_scope_of_a_metadata() -> None:
    scope = Scope(metadata(), POLICIES)
    assert [spec.name for spec in scope.ordered] == ["z_project", "a_ballot"]
    assert scope.skipped == ["log_line"]  # no UUID and no owner: stays on its PC
    ballot = scope.get("a_ballot")
    assert ballot is not None and scope.get("per_pc") is None
    assert [c.name for c in ballot.columns] == ["voter"]  # no bookkeeping, private or derived columns
    assert ballot.uniques == [("voter",)]
    [choices] = ballot.owned
    assert (choices.key, choices.owner_fk) == ("@a_ballot_choice", "ballot_id")
    assert [c.name for c in choices.columns] == ["project_id", "rank"]
    assert {name: table.name for name, table in choices.fks.items()} == {"project_id": "z_project"}
    project = scope.get("z_project")
    assert project is not None and project.uniques == [("number",)], "a partial unique index is the database's"


def test_only_tables_the_database_has() -> None:
    scope = Scope(metadata(), POLICIES, present={"z_project", "a_ballot"})
    assert sorted(scope.specs) == ["a_ballot", "z_project"] and scope.skipped == []
    ballot = scope.get("a_ballot")
    assert ballot is not None and ballot.owned == [], "the choices table is missing: nothing rides inside"


def test_default_scope_uses_the_areas_policies() -> None:
    scope = default_scope()
    assert scope.get("exchange_sync_state") is None, "exchange's own bookkeeping never travels"
    ballot = scope.get("pb_ballot")
    assert ballot is not None and [o.key for o in ballot.owned] == ["@pb_ballot_choice"]

"""What an area (deputies, petitions, budget…) contributes to the services every area shares.

An area describes itself once, in one :class:`Area` value: its council settings, the human
names of its tables for the audit trail, its "due soon" items for the home page, how its
tables travel between PCs, and which of its tables are open data. The list of areas is
:data:`app.services.registry.AREAS` — an imported list, so a reader (and a tool) sees who
depends on whom; nothing is found by module name or registered as a side effect of an import.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.orm import Session

    from app.db.engine import Database
    from app.services.core.due import DueItem
    from app.services.core.settings import SettingDef

DueProvider = Callable[["Database", date], "list[DueItem]"]
# After an exchange import touched records of a table: ``hook(session, touched ids, deleted parent ids)``.
AfterImportHook = Callable[["Session", set[int], set[int]], None]


@dataclass(frozen=True)
class TablePolicy:
    """How one table takes part in exchange between PCs (the default: fully, merged by UUID)."""

    exclude: bool = False
    # Never leave this PC and are never touched by a bundle (per-PC state, secrets).
    private_columns: frozenset[str] = frozenset()
    # Kept by a service from other records; not compared, recomputed after import by a hook.
    derived_columns: frozenset[str] = frozenset()
    insert_only: bool = False  # existing records are never changed by a bundle (reference data)
    natural_key: tuple[str, ...] = ()  # unknown UUID but the same key: the same record (mapped, not merged)
    insert_values: Mapping[str, Any] = field(default_factory=dict)  # set on records created by a bundle


@dataclass(frozen=True)
class Dataset:
    """A public dataset: one table, its public columns (an allow-list), and which rows may be shown."""

    table: str
    area: str
    title: str
    columns: tuple[str, ...]
    # column -> boolean column that must be true for the value to be shown (else empty)
    conditional: Mapping[str, str] = field(default_factory=dict)
    where: Callable[[Table], Any] | None = None  # SQL condition on the rows
    note: str = ""


@dataclass(frozen=True)
class Area:
    """One area's contributions; every field is optional."""

    key: str
    title_uk: str
    title_en: str
    settings: tuple[SettingDef, ...] = ()
    audit_labels: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # table -> (uk, en)
    due_items: DueProvider | None = None
    exchange_policies: Mapping[str, TablePolicy] = field(default_factory=dict)
    after_import: Mapping[str, AfterImportHook] = field(default_factory=dict)
    open_data: tuple[Dataset, ...] = ()

    def title(self, language: str = "uk") -> str:
        return self.title_en if language == "en" else self.title_uk

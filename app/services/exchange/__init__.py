"""Exchange bundles: moving records between PCs on a USB stick, without loss, duplicates or silent overwrites.

A **bundle** holds what changed on this PC since the partner last confirmed an import,
for every table of ``Base.metadata`` (generic: each table has ``id``, ``uuid``,
``created_at``, ``updated_at``, ``version``). Records are keyed by UUID and foreign keys
travel as the UUID of the referenced record, so ids may differ between PCs. A changed byte,
a cut-off file, a bundle from another council or an older one is refused whole; a record
changed on both PCs becomes a conflict for the clerk, never a silent overwrite.

The package, one concern a module (callers use this facade:
``from app.services import exchange; exchange.export_bundle(...)``):

* :mod:`.scope`: which tables travel and how (from the metadata and the areas' policies);
* :mod:`.codec`: one value to its JSON form and back, the content hash;
* :mod:`.records`: a row to the content that travels (foreign keys as UUIDs, owned rows inside);
* :mod:`.bundle`: the file (envelope, checksum, manifest), read and checked whole;
* :mod:`.compat`: what both PCs must share (council, identity, voter keys, order of bundles);
* :mod:`.export`: writing a bundle for a partner;
* :mod:`.merge`: merging one bundle in one transaction (the rules are in its docstring);
* :mod:`.importing`: importing a bundle (checks, safety copy, merge, bookkeeping);
* :mod:`.conflicts`: listing conflicts and applying the clerk's decision;
* :mod:`.status`: partners, open conflicts, import history.

This PC's identity (id, name, epoch) lives in :mod:`app.services.safety.identity`, because
restoring a backup uses it too; it is re-exported here for the exchange page and command.
:mod:`.area` is data only (the registry reads it).
"""

from __future__ import annotations

from app.services.area import TablePolicy
from app.services.exchange.bundle import (
    FORMAT,
    FORMAT_VERSION,
    MAGIC,
    MAX_PAYLOAD,
    BundleInfo,
    inspect_bundle,
    pack_lines,
    read_bundle,
    unpack_lines,
)

# Old private names, still used by tests/test_bad_input.py; drop them once it calls pack_lines/unpack_lines.
from app.services.exchange.codec import BadValue, content_hash
from app.services.exchange.conflicts import (
    ConflictField,
    ConflictView,
    get_conflict,
    list_conflicts,
    resolve_conflict,
)
from app.services.exchange.export import ExportResult, export_bundle
from app.services.exchange.importing import ImportResult, import_bundle
from app.services.exchange.records import Incoming
from app.services.exchange.scope import OwnedSpec, Scope, TableSpec, default_scope
from app.services.exchange.status import (
    KEPT_LOCAL,
    OPEN,
    TOOK_REMOTE,
    PartnerView,
    import_history,
    list_partners,
    open_conflict_count,
)
from app.services.safety.identity import Identity, after_restore, current_identity, ensure_identity, set_pc_name

__all__ = [
    "FORMAT", "FORMAT_VERSION", "KEPT_LOCAL", "MAGIC", "MAX_PAYLOAD", "OPEN", "TOOK_REMOTE",
    "BadValue", "BundleInfo", "ConflictField", "ConflictView", "ExportResult", "Identity", "ImportResult",
    "Incoming", "OwnedSpec", "PartnerView", "Scope", "TablePolicy", "TableSpec",
    "after_restore", "content_hash", "current_identity", "default_scope", "ensure_identity", "export_bundle",
    "get_conflict", "import_bundle", "import_history", "inspect_bundle", "list_conflicts", "list_partners",
    "open_conflict_count", "pack_lines", "read_bundle", "resolve_conflict", "set_pc_name", "unpack_lines",
]

"""Participatory budget cycles to and from Pabulib ``.pb`` files: the file half, on the PB engine's reader and writer.

*Import* (``hromada import pabulib FILE.pb``) reads the file and hands the parsed election to
:func:`app.services.budget.pabulib_import.import_election`, which turns it into a new cycle in one
transaction. A malformed file is refused with the line and the reason, and nothing is written.

*Export* (``hromada export pabulib --cycle N --out FILE.pb``) writes each category of a cycle as
one ``.pb`` file (:func:`app.services.budget.elections.export_elections` builds them). Voter ids are
ballot numbers; no identifier or hash leaves the database. Re-importing an exported file gives the
same outcome.
"""

from __future__ import annotations

import re
from pathlib import Path

from app.db.engine import Database
from app.domain.pb import PabulibError, PbElection
from app.interchange import pabulib
from app.services.budget import elections, pabulib_import
from app.services.budget.pabulib_import import ImportedCycle, PabulibImportError
from app.services.core.auth import Actor, Permission, require
from app.services.core.progress import ProgressCallback, report
from app.services.safety import backup
from app.services.safety.safefile import AtomicFile


def read_election(path: Path | str) -> PbElection:
    """Parse a ``.pb`` file with the PB engine's reader; malformed → :class:`PabulibImportError` (line and reason)."""
    try:
        return pabulib.read_pb(path)
    except PabulibError as exc:
        raise PabulibImportError(f"Файл «{Path(path).name}» не прочитано. {exc}",
                                 f"The file «{Path(path).name}» cannot be read: {exc}") from None


def import_pabulib(db: Database, actor: Actor, path: Path | str, *, title: str | None = None,
                   progress: ProgressCallback | None = None) -> ImportedCycle:
    """Create a cycle from a Pabulib file: one category with the file's budget and rule, projects, ballots."""
    require(actor, Permission.EDIT_RECORDS)  # refused before the file is read or the database copied
    path = Path(path)
    report(progress, 0, 4, "Читання файлу")
    election = read_election(path)
    backup.before_import(db)  # the file parses: a copy of the database aside before the bulk write
    return pabulib_import.import_election(db, actor, election, source=path.name, title=title, progress=progress)


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "_", text, flags=re.UNICODE).strip("_")[:40] or "category"


def export_pabulib(db: Database, cycle_id: int, out: Path | str, *, category_id: int | None = None) -> list[Path]:
    """Write the cycle as ``.pb`` files, one per category (``OUT`` itself for a single category).

    With several categories the files are named ``<stem>__<n>_<category>.pb`` beside ``OUT``.
    """
    out = Path(out)
    files = elections.export_elections(db, cycle_id, category_id=category_id)
    single = len(files) == 1
    written: list[Path] = []
    for item in files:
        target = out if single else out.with_name(f"{out.stem}__{item.index}_{_slug(item.name)}{out.suffix or '.pb'}")
        text = pabulib.dump_pb(item.election)
        with AtomicFile(target, what="файл Pabulib") as fh:
            fh.write(text.encode("utf-8"))
        written.append(target)
    return written

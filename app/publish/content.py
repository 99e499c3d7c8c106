"""What goes into the pack: the public reports, the datasets, Popolo JSON and Pabulib files.

Each builder writes into the staging folder, appends a :class:`~app.publish.files.PackFile`
per file written, and notes in ``skipped`` what it left out and why.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.db.engine import Database
from app.errors import ServiceError
from app.interchange import pb_cycles, popolo
from app.publish.files import PackFile, cell, write_csv, write_xlsx
from app.reports import registry
from app.services import open_data
from app.services import registry as areas

log = logging.getLogger(__name__)

Tick = Callable[[str], None]


def render_reports(db: Database, folder: Path, files: list[PackFile], skipped: list[str], tick: Tick) -> None:
    """Every public report as ``reports/<kind>.pdf`` (one per record for reports about a record)."""
    (folder / "reports").mkdir()
    for kind in registry.all_reports():
        if not kind.public:
            continue
        targets: list[tuple[int | None, str]]
        if kind.needs_id:
            try:
                targets = [(rid, label) for rid, label in (kind.choices(db) if kind.choices else [])]
            except Exception as exc:  # noqa: BLE001 - one area's list must not stop the others
                log.exception("choices of %s failed", kind.id)
                skipped.append(f"{kind.title_uk}: не вдалося отримати перелік записів ({exc})")
                continue
        else:
            targets = [(None, "")]
        for record_id, label in targets:
            name = f"{kind.id}.pdf" if record_id is None else f"{kind.id}-{record_id}.pdf"
            path = folder / "reports" / name
            tick(f"Звіт: {kind.title_uk} {label}".strip())
            try:
                kind.render(db, record_id, path, None)
            except ServiceError as exc:
                skipped.append(f"{kind.title_uk} {label}: {exc.message}".strip())
                path.unlink(missing_ok=True)
                continue
            except OSError:
                raise
            except Exception as exc:  # noqa: BLE001 - a broken report is reported, not published
                log.exception("report %s %s failed", kind.id, record_id)
                skipped.append(f"{kind.title_uk} {label}: помилка формування ({type(exc).__name__})".strip())
                path.unlink(missing_ok=True)
                continue
            title = kind.title_uk + (f" — {label}" if label else "")
            files.append(PackFile(f"reports/{name}", "pdf", title, report_area(kind.id), group=kind.title_uk,
                                  label=label))


def report_area(kind_id: str) -> str:
    if kind_id.startswith(("petition", "appeal")):
        return "petitions"
    if kind_id.startswith(("pb", "budget")):
        return "budget"
    if kind_id.startswith("council"):
        return "council"
    return "deputies"


def build_datasets(db: Database, folder: Path, files: list[PackFile], tick: Tick) -> None:
    """``data/<table>.csv`` per public dataset and ``data/<area>.xlsx`` with an area's datasets as sheets."""
    data = folder / "data"
    data.mkdir(exist_ok=True)
    per_area: dict[str, list[tuple[str, list[str], list[list[Any]]]]] = defaultdict(list)
    for ds in open_data.available_datasets(db, areas.datasets()):
        tick(f"Набір даних: {ds.title}")
        table = open_data.dataset_table(db, ds)
        headers = table.headers
        rows = [[cell(value) for value in row] for row in table.rows]
        write_csv(data / f"{ds.table}.csv", headers, rows)
        files.append(PackFile(f"data/{ds.table}.csv", "csv", ds.title, ds.area, len(rows)))
        per_area[ds.area].append((ds.title, headers, rows))
    for area, sheets in per_area.items():
        write_xlsx(data / f"{area}.xlsx", sheets)
        files.append(PackFile(f"data/{area}.xlsx", "xlsx", f"{areas.area_titles().get(area, area)} (усі таблиці)", area,
                              sum(len(r) for _, _, r in sheets)))


def build_popolo(db: Database, folder: Path, files: list[PackFile], skipped: list[str], tick: Tick) -> None:
    tick("Popolo JSON")
    target = folder / "data" / "popolo.json"
    try:
        popolo.write_popolo(db, target)
    except ServiceError as exc:
        skipped.append(f"Popolo JSON: {exc.message}")
        return
    files.append(PackFile("data/popolo.json", "json", "Депутати, сесії та голосування (Popolo JSON)", "deputies"))


def build_pabulib(db: Database, folder: Path, files: list[PackFile], skipped: list[str], tick: Tick) -> None:
    """``data/pb-<year>-<id>.pb`` for every cycle whose results were approved (the others are noted)."""
    for cycle in open_data.pb_cycles(db):
        if not cycle.results_approved:
            skipped.append(f"Pabulib «{cycle.title}»: результати голосування ще не затверджено — "
                           "голоси не публікуються.")
            continue
        tick(f"Pabulib: {cycle.title}")
        target = folder / "data" / f"pb-{cycle.year}-{cycle.id}.pb"
        try:
            written = pb_cycles.export_pabulib(db, cycle.id, target)
        except ServiceError as exc:
            skipped.append(f"Pabulib «{cycle.title}»: {exc.message}")
            continue
        for path in written:
            files.append(PackFile(f"data/{path.name}", "pb", f"{cycle.title}: голоси і проєкти (Pabulib)", "budget"))

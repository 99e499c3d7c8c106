"""Building the pack: everything is generated in a staging folder beside the target, scanned
for private data, and only then moved into place (an earlier pack there is replaced whole).
"""

from __future__ import annotations

import json
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.db.engine import Database
from app.errors import ValidationError
from app.publish.content import build_datasets, build_pabulib, build_popolo, render_reports
from app.publish.files import PackFile, sha256
from app.publish.index_page import index_html
from app.publish.scan import Finding, PrivateDataError, file_text, scan_text
from app.reports import registry
from app.services import open_data
from app.services import registry as areas
from app.services.core import council
from app.services.core.auth import Actor, Permission, require
from app.services.core.council import CouncilProfileView
from app.services.core.progress import ProgressCallback, report
from app.services.safety.safefile import check_folder, os_error

MANIFEST_FORMAT = "hromada-open-data"
MANIFEST_VERSION = 1


@dataclass(frozen=True)
class PublishResult:
    folder: Path
    files: list[PackFile]
    skipped: list[str]
    scanned: int

    @property
    def reports(self) -> int:
        return sum(1 for f in self.files if f.kind == "pdf")

    @property
    def datasets(self) -> int:
        return sum(1 for f in self.files if f.kind == "csv")


def _prepare_target(out: Path) -> None:
    """The output folder must be new, empty, or an earlier pack (which is replaced)."""
    if out.exists():
        if not out.is_dir():
            raise ValidationError(f"«{out}» — це файл, а не папка.", f"«{out}» is a file, not a folder.")
        content = [p.name for p in out.iterdir()]
        if content and "manifest.json" not in content:
            raise ValidationError(
                f"Папка «{out}» не порожня і не містить попереднього пакета відкритих даних: виберіть порожню папку.",
                f"The folder «{out}» is not empty; choose an empty folder.",
            )


def publish(
    db: Database,
    actor: Actor,
    out: Path | str,
    *,
    progress: ProgressCallback | None = None,
    generated: datetime | None = None,
) -> PublishResult:
    """Build the open-data pack in ``out`` (see :mod:`app.publish`); refused whole on any private data."""
    require(actor, Permission.PUBLISH)
    out = Path(out).expanduser()
    parent = check_folder(out.parent if out.parent != Path("") else Path("."), "пакет відкритих даних")
    _prepare_target(out)
    profile = council.require_profile(db)
    generated = generated or datetime.now()

    steps = [0, 1]
    public = [k for k in registry.all_reports() if k.public]
    steps[1] = len(public) * 3 + len(areas.datasets()) + 10

    def tick(text: str) -> None:
        steps[0] += 1
        steps[1] = max(steps[1], steps[0] + 3)
        report(progress, steps[0], steps[1], text)

    staging = parent / f".{out.name}.staging-{secrets.token_hex(4)}"
    try:
        staging.mkdir()
    except OSError as exc:
        raise os_error(exc, staging, "пакет відкритих даних") from exc
    files: list[PackFile] = []
    skipped: list[str] = []
    try:
        render_reports(db, staging, files, skipped, tick)
        build_datasets(db, staging, files, tick)
        build_popolo(db, staging, files, skipped, tick)
        build_pabulib(db, staging, files, skipped, tick)
        (staging / "index.html").write_text(index_html(profile, files, skipped, generated), encoding="utf-8")
        tick("Перевірка на персональні дані")
        private = open_data.private_index(db)
        findings: list[Finding] = []
        scanned = 0
        for item in [*files, PackFile("index.html", "html", "index.html")]:
            tick(f"Перевірка: {item.path}")
            findings.extend(scan_text(item.path, file_text(staging / item.path), private))
            scanned += 1
        if findings:
            raise PrivateDataError(findings)
        files = [PackFile(f.path, f.kind, f.title, f.area, f.rows, sha256(staging / f.path),
                          (staging / f.path).stat().st_size, f.group, f.label) for f in files]
        manifest = _manifest(profile, files, skipped, generated, scanned, private.count)
        (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        _swap_into_place(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise os_error(exc, out, "пакет відкритих даних") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    open_data.record_publication(db, actor, out, len(files))
    return PublishResult(out, files, skipped, scanned)


def _manifest(profile: CouncilProfileView, files: list[PackFile], skipped: list[str], generated: datetime,
              scanned: int, private_values: int) -> dict[str, Any]:
    """``manifest.json``: every file with its SHA-256, the datasets' columns, and the privacy check done."""
    return {
        "format": MANIFEST_FORMAT, "version": MANIFEST_VERSION,
        "council": {"hromada_name": profile.hromada_name, "council_name": profile.council_name,
                    "website": profile.website},
        "generated_at": generated.isoformat(timespec="seconds"), "generator": f"Hromada Desk {__version__}",
        "files": [{"path": f.path, "type": f.kind, "title": f.title, "area": f.area, "rows": f.rows,
                   "sha256": f.sha256, "bytes": f.size} for f in files],
        "datasets": [{"table": d.table, "title": d.title, "area": d.area, "columns": ["uuid", *d.columns],
                      "note": d.note}
                     for d in areas.datasets() if any(f.path == f"data/{d.table}.csv" for f in files)],
        "not_included": skipped,
        "privacy_check": {"files_scanned": scanned, "private_values_checked": private_values,
                          "patterns": ["phone", "email", "hash", "passport", "document-number"]},
    }


def _swap_into_place(staging: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{secrets.token_hex(4)}")
        out.rename(old)
    try:
        staging.rename(out)
    except OSError:
        if old is not None:
            old.rename(out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

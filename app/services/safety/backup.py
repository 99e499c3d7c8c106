"""Backups of the SQLite database: automatic, manual (optionally password-protected), restore.

* **Automatic** copies go to the data folder (``backups/<db name>-<hash>/``): once a day
  when the app starts (before it opens, and so before any migration), and always before
  an exchange import and before a restore. Each kind keeps its last N copies (council
  setting ``_backup_keep_last``), so a busy day of imports never pushes out the daily ones.
* **Manual** backups go to a folder the clerk picks (a USB stick). With a password the
  file is encrypted (:mod:`app.services.safety.safefile`: AES-256-GCM, scrypt); without one it is
  a plain SQLite file any SQLite tool can open.
* **Restore** first stages and checks the backup (``PRAGMA integrity_check``, a schema
  this program knows, the password, the council), shows what it holds, copies the current
  database aside, and then copies the backup *into* the open database with SQLite's
  online backup API: one write transaction, so other connections simply see the new
  content and a power cut leaves the old one.

Every copy is made with SQLite's online backup API, so it is consistent while the app
runs. PostgreSQL databases are backed up on the server (``pg_dump``); these services
refuse them with a message saying so.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import secrets
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

import app.db.models  # noqa: F401  (fill the metadata)
from app import paths
from app.db import migrations_runner
from app.db.base import Base
from app.db.engine import SQLITE_HEADER, Database, make_engine
from app.db.models.core import CouncilProfile, User
from app.domain.formats import format_datetime, format_int, utc_to_local
from app.errors import ServiceError, ValidationError
from app.services import registry
from app.services.areas.safety import KEEP_LAST
from app.services.core import audit, council, settings
from app.services.core.auth import SYSTEM_ACTOR, Actor, Permission, writes
from app.services.core.progress import ProgressCallback, report
from app.services.safety import identity
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
    os_error,
    read_enc_header,
    remove_stale_partials,
    unique_path,
)

log = logging.getLogger(__name__)


REASONS: dict[str, tuple[str, str]] = {
    "daily": ("щоденна, під час запуску", "daily, at start"),
    "before-import": ("перед імпортом", "before an import"),
    "before-restore": ("перед відновленням", "before a restore"),
    "before-migration": ("перед оновленням схеми", "before a schema upgrade"),
    "manual": ("створена вручну", "made by hand"),
}
AUTO_NAME = re.compile(r"^(?P<stem>.+?)-(?P<reason>" + "|".join(re.escape(r) for r in REASONS)
                       + r")-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.sqlite3$")
MANUAL_NAME = re.compile(r"^hromada-backup-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.(?:sqlite3|hdbackup)$")
STAMP = "%Y%m%d-%H%M%S"
PAGES_PER_STEP = 2048
RESTORE_PAGES_PER_STEP = 256  # one transaction however many steps; small steps let Cancel in

# Human names of the areas, by the module holding their tables (app.db.models.<area>).
AREA_LABELS: dict[str, tuple[str, str]] = {
    "core": ("Рада, користувачі, журнал змін", "Council, users, audit trail"),
    "deputies": ("Депутати, сесії, голосування", "Deputies, sessions, votes"),
    "petitions": ("Петиції, підписи, звернення", "Petitions, signatures, appeals"),
    "appeals": ("Звернення громадян", "Citizens' appeals"),
    "budget": ("Громадський бюджет", "Participatory budget"),
    "users": ("Користувачі", "Users"),
    "exchange": ("Обмін між ПК", "Exchange between PCs"),
}


# --------------------------------------------------------------------------- helpers


def require_sqlite(db: Database) -> Path:
    if not db.is_sqlite or db.path is None:
        raise ValidationError(
            "Резервні копії бази PostgreSQL робить адміністратор сервера (pg_dump); "
            "ця функція працює з файлом бази SQLite.",
            "Backups of a PostgreSQL database are made on the server (pg_dump).",
        )
    return db.path


def auto_backup_dir(db_path: Path) -> Path:
    """Where the automatic copies of this database file live (one folder per database file)."""
    resolved = Path(db_path).expanduser().resolve()
    digest = hashlib.sha1(str(resolved).encode("utf-8")).hexdigest()[:8]
    return paths.backups_dir() / f"{resolved.stem}-{digest}"


def table_areas() -> dict[str, str]:
    """``table name -> area key`` from the module each ORM class lives in."""
    areas: dict[str, str] = {}
    for mapper in Base.registry.mappers:
        table = getattr(mapper.class_, "__tablename__", None)
        if table:
            areas[table] = mapper.class_.__module__.rsplit(".", 1)[-1]
    return areas


def area_label(area: str, language: str = "uk") -> str:
    uk, en = AREA_LABELS.get(area, (area, area))
    return en if language == "en" else uk


def table_label(table: str, language: str = "uk") -> str:
    return registry.entity_label(table, language)


def _sqlite_error(exc: sqlite3.Error, path: Path, what: str) -> ServiceError:
    return os_error(exc, path, what)


def _online_copy(source: Path, dest: Path, progress: ProgressCallback | None, share: tuple[int, int] = (0, 100),
                 label: str = "Копіювання бази") -> None:
    """Copy ``source`` into a new file ``dest`` with the online backup API (consistent while in use)."""
    lo, hi = share

    def step(_status: int, remaining: int, total: int) -> None:
        done = total - remaining
        report(progress, lo + (hi - lo) * done // max(total, 1), 100, label)

    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=15)
    try:
        dst = sqlite3.connect(str(dest))
        try:
            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
            # A copy is one self-contained file (no -wal/-shm beside it on a USB stick).
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _open_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection that survives damaged text (invalid UTF-8 becomes U+FFFD)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.text_factory = lambda raw: raw.decode("utf-8", "replace")
    return con


def _quick_check(path: Path, full: bool = False) -> str:
    con = _open_ro(path)
    try:
        rows = con.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check").fetchall()
    finally:
        con.close()
    return "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])


def _read_keep_last(db_path: Path) -> int:
    """The rotation setting straight from the file (before the database is opened)."""
    default = int(KEEP_LAST.default)
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value_json FROM council_setting WHERE key = ?", (KEEP_LAST.key,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return default
    try:
        value = int(row[0]) if row else default
    except (TypeError, ValueError):
        return default
    return max(KEEP_LAST.minimum or 1, min(value, KEEP_LAST.maximum or 365))


# --------------------------------------------------------------------------- automatic backups


@dataclass(frozen=True)
class BackupFile:
    path: Path
    reason: str
    made_at: datetime  # local time, from the file name
    size: int

    def reason_label(self, language: str = "uk") -> str:
        uk, en = REASONS.get(self.reason, (self.reason, self.reason))
        return en if language == "en" else uk


def list_auto_backups(db_path: Path, folder: Path | None = None) -> list[BackupFile]:
    """The automatic copies of this database, newest first."""
    folder = folder or auto_backup_dir(db_path)
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for item in folder.iterdir():
        match = AUTO_NAME.match(item.name)
        if not match or not item.is_file():
            continue
        try:
            made = datetime.strptime(match["stamp"], STAMP)
            size = item.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupFile(item, match["reason"], made, size))
    found.sort(key=lambda b: (b.made_at, b.path.name), reverse=True)
    return found


def auto_backup(
    target: Database | Path | str,
    reason: str,
    *,
    folder: Path | None = None,
    keep: int | None = None,
    force: bool = False,
    now: datetime | None = None,
    verify: bool = True,
    progress: ProgressCallback | None = None,
) -> Path | None:
    """One automatic copy (``reason`` in :data:`REASONS`), then rotation; None when nothing was due.

    ``daily`` copies are made at most once per calendar day unless ``force``. With
    ``verify`` a copy failing ``quick_check`` is thrown away (so a damaged database never
    rotates out good copies).
    """
    if reason not in REASONS:
        raise ValueError(reason)
    if isinstance(target, Database):
        db_path = require_sqlite(target)
        keep = keep if keep is not None else int(settings.get(target, KEEP_LAST))
    else:
        db_path = Path(target).expanduser().resolve()
        keep = keep if keep is not None else _read_keep_last(db_path)
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    folder = folder or auto_backup_dir(db_path)
    now = now or datetime.now()
    existing = list_auto_backups(db_path, folder)
    if reason == "daily" and not force and any(b.reason == "daily" and b.made_at.date() == now.date()
                                               for b in existing):
        return None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, folder, "резервну копію") from exc
    remove_stale_partials(folder)
    final = unique_path(folder, f"{db_path.stem}-{reason}-{now.strftime(STAMP)}", ".sqlite3")
    partial = final.with_name(f"{final.name}.partial-{secrets.token_hex(4)}")
    try:
        _online_copy(db_path, partial, progress)
        if verify:
            result = _quick_check(partial)
            if result != "ok":
                raise ServiceError(
                    f"Автоматичну копію не збережено: перевірка бази показала пошкодження ({result}).",
                    "The automatic copy was not kept: the database check found damage.",
                )
        partial.replace(final)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise _sqlite_error(exc, final, "резервну копію") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise os_error(exc, final, "резервну копію") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    rotate(db_path, keep, folder)
    log.info("automatic backup (%s): %s", reason, final)
    return final


def rotate(db_path: Path, keep: int, folder: Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` copies of each kind; returns what was deleted."""
    removed: list[Path] = []
    by_reason: dict[str, list[BackupFile]] = {}
    for item in list_auto_backups(db_path, folder):
        by_reason.setdefault(item.reason, []).append(item)
    for items in by_reason.values():
        for old in items[max(keep, 1):]:
            try:
                old.path.unlink()
                removed.append(old.path)
            except OSError:
                log.warning("could not delete old backup %s", old.path)
    return removed


def startup_backup(target: str | Path, *, folder: Path | None = None, now: datetime | None = None) -> Path | None:
    """The daily copy at program start, before the database is opened (so before any migration).

    Never stops the program from starting: problems are logged and None is returned.
    """
    if isinstance(target, str) and "://" in target:
        return None
    try:
        path = Path(target).expanduser()
        if not path.is_file():
            return None
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                return None
        return auto_backup(path, "daily", folder=folder, now=now)
    except Exception:  # noqa: BLE001 - a failed daily copy must not block the clerk's work
        log.exception("daily backup failed")
        return None


def before_import(db: Database) -> Path | None:
    """Copy the database aside before an import (any area's importer may call this)."""
    if not db.is_sqlite or db.path is None:
        return None
    return auto_backup(db, "before-import", force=True)


# --------------------------------------------------------------------------- manual backups


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    encrypted: bool
    records: int


@contextlib.contextmanager
def _staging(db_path: Path) -> Iterator[Path]:
    """A private scratch folder on the local disk (beside the automatic copies), removed afterwards."""
    root = auto_backup_dir(db_path)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise os_error(exc, root, "тимчасову копію") from exc
    for stale in root.glob(".staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    folder = root / f".staging-{secrets.token_hex(4)}"
    folder.mkdir()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _count_records(path: Path) -> int:
    con = _open_ro(path)
    try:
        total = 0
        for (name,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version'"
        ).fetchall():
            total += con.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]
        return total
    finally:
        con.close()


@writes(Permission.BACKUP)
def backup_now(db: Database, actor: Actor) -> Path:
    """An extra copy in the automatic-copies folder, made by hand (kept like the others, last N)."""
    require_sqlite(db)
    path = auto_backup(db, "manual", force=True)
    if path is None:
        raise ValidationError("Копію не створено: файл бази порожній.", "No copy was made: the database is empty.")
    with db.write() as s:
        audit.record(s, actor, audit.Action.OTHER, "database", summary=f"Резервну копію збережено: {path.name}",
                     changes={"backup": [None, path.name]})
    return path


@writes(Permission.BACKUP)
def create_backup(
    db: Database,
    actor: Actor,
    out_dir: Path | str,
    *,
    password: str | None = None,
    progress: ProgressCallback | None = None,
    opener: Opener = default_opener,
    now: datetime | None = None,
) -> BackupResult:
    """A copy of the database in ``out_dir`` (e.g. a USB stick); encrypted when a password is given.

    The file appears whole or not at all; a full or write-protected medium is refused with
    a clear message and leaves no partial file. The database itself is only read (an audit
    event is added after the copy succeeded).
    """
    db_path = require_sqlite(db)
    folder = check_folder(Path(out_dir), "резервну копію")
    if password is not None:
        check_password(password)
    now = now or datetime.now()
    suffix = ".hdbackup" if password else ".sqlite3"
    target = unique_path(folder, f"hromada-backup-{now.strftime(STAMP)}", suffix)
    with _staging(db_path) as stage:
        snapshot = stage / "snapshot.sqlite3"
        try:
            _online_copy(db_path, snapshot, progress, (0, 45))
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, snapshot, "тимчасову копію") from exc
        check = _quick_check(snapshot)
        if check != "ok":
            raise ServiceError(f"Базу даних пошкоджено ({check}); копію не записано.",
                               "The database is damaged; no copy was written.")
        records = _count_records(snapshot)
        size = snapshot.stat().st_size
        with AtomicFile(target, what="резервну копію", opener=opener) as out, snapshot.open("rb") as src:
            if password:
                encrypt_stream(src, out, password, kind="backup", total=size,
                               progress=lambda d, t, _x: report(progress, 45 + 55 * d // max(t, 1), 100,
                                                                 "Шифрування копії"),
                               meta={"created_at": now.isoformat(timespec="seconds")})
            else:
                done = 0
                while chunk := src.read(1024 * 1024):
                    out.write(chunk)
                    done += len(chunk)
                    report(progress, 45 + 55 * done // max(size, 1), 100, "Запис копії")
    with db.write() as s:
        audit.record(s, actor, audit.Action.OTHER, "database", summary=f"Резервну копію записано: {target}",
                     changes={"backup": [None, target.name], "encrypted": [None, bool(password)]})
    return BackupResult(target, target.stat().st_size, bool(password), records)


# --------------------------------------------------------------------------- inspecting and restoring


@dataclass(frozen=True)
class AreaCount:
    area: str
    label: str
    tables: tuple[tuple[str, str, int], ...]  # (table, label, count)

    @property
    def total(self) -> int:
        return sum(c for _, _, c in self.tables)


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, shown before anything is replaced."""

    path: Path
    encrypted: bool
    made_at: datetime | None
    last_change: datetime | None  # the newest audit event (UTC)
    hromada_name: str
    council_name: str
    council_uuid: str
    revisions: tuple[str, ...]
    schema_known: bool
    integrity: str
    audit_ok: bool | None
    audit_message: str
    areas: tuple[AreaCount, ...] = field(default_factory=tuple)

    @property
    def total_records(self) -> int:
        return sum(a.total for a in self.areas)

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and self.schema_known and bool(self.revisions)

    def summary_lines(self, language: str = "uk") -> list[str]:
        lines = [
            f"Рада: {self.council_name or '—'} ({self.hromada_name or '—'})",
            f"Копію зроблено: {format_datetime(self.made_at) if self.made_at else 'невідомо'}",
            f"Остання зміна в журналі: {format_datetime(utc_to_local(self.last_change)) if self.last_change else '—'}",
            f"Перевірка цілісності: {'гаразд' if self.integrity == 'ok' else self.integrity}",
            f"Схема бази: {', '.join(self.revisions) or '—'}"
            + ("" if self.schema_known else " — невідома цій версії програми"),
            f"Журнал змін: {self.audit_message}",
            f"Захищено паролем: {'так' if self.encrypted else 'ні'}",
            f"Усього записів: {format_int(self.total_records)}",
        ]
        for area in self.areas:
            lines.append(f"  {area.label}: {format_int(area.total)}")
            for _table, label, count in area.tables:
                lines.append(f"    {label}: {format_int(count)}")
        return lines


def _stage_backup(source: Path, stage: Path, password: str | None, progress: ProgressCallback | None) -> Path:
    """Copy (decrypting when needed) a backup file into the staging folder; returns the copy."""
    if not source.is_file():
        raise ValidationError(f"Файл «{source}» не знайдено.", f"File «{source}» not found.")
    staged = stage / "restore.sqlite3"
    try:
        with source.open("rb") as src, staged.open("wb") as dst:
            if is_encrypted(source):
                decrypt_stream(src, dst, password, kind="backup", progress=progress,
                               total=source.stat().st_size)
            else:
                head = src.read(16)
                if head != SQLITE_HEADER:
                    raise DamagedFileError(
                        f"Файл «{source.name}» не є резервною копією Hromada Desk (це не база SQLite і не "
                        "захищена копія).",
                        f"«{source.name}» is not a Hromada Desk backup.",
                    )
                dst.write(head)
                shutil.copyfileobj(src, dst, 1024 * 1024)
    except OSError as exc:
        raise ValidationError(f"Не вдається прочитати «{source}»: {exc.strerror or exc}.",
                              f"Cannot read «{source}».") from exc
    return staged


def _made_at(source: Path, encrypted_meta: dict[str, Any] | None) -> datetime | None:
    match = MANUAL_NAME.match(source.name) or AUTO_NAME.match(source.name)
    if match:
        try:
            return datetime.strptime(match["stamp"], STAMP)
        except ValueError:
            pass
    if encrypted_meta and isinstance(encrypted_meta.get("created_at"), str):
        try:
            return datetime.fromisoformat(encrypted_meta["created_at"])
        except ValueError:
            pass
    try:
        return datetime.fromtimestamp(source.stat().st_mtime)
    except OSError:
        return None


def _describe_staged(source: Path, staged: Path, encrypted: bool, language: str = "uk") -> BackupInfo:
    damaged = DamagedFileError(
        f"Файл «{source.name}» пошкоджено: SQLite не може його прочитати.", f"«{source.name}» is damaged."
    )
    try:
        con = _open_ro(staged)
    except sqlite3.Error as exc:
        raise damaged from exc
    try:
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise DamagedFileError(f"Файл «{source.name}» пошкоджено: {exc}.", f"«{source.name}» is damaged.") from exc
        integrity = "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall()]
        if "alembic_version" not in tables or "council_profile" not in tables:
            raise DamagedFileError(
                f"Файл «{source.name}» — база SQLite, але не база Hromada Desk.",
                f"«{source.name}» is an SQLite database but not a Hromada Desk one.",
            )
        revisions = tuple(sorted(r[0] for r in con.execute("SELECT version_num FROM alembic_version").fetchall()))
        schema_known = bool(revisions) and set(revisions) <= migrations_runner.known_revisions()
        profile = con.execute(
            "SELECT hromada_name, council_name, uuid FROM council_profile ORDER BY id LIMIT 1").fetchone()
        last_change = None
        if "audit_event" in tables:
            raw = con.execute("SELECT MAX(occurred_at) FROM audit_event").fetchone()[0]
            if raw:
                with contextlib.suppress(ValueError):
                    last_change = datetime.fromisoformat(str(raw))
        areas_of = table_areas()
        grouped: dict[str, list[tuple[str, str, int]]] = {}
        for table in sorted(tables):
            if table == "alembic_version":
                continue
            count = con.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            grouped.setdefault(areas_of.get(table, "other"), []).append((table, table_label(table, language), count))
    except (sqlite3.Error, ValueError, TypeError) as exc:
        raise DamagedFileError(f"Файл «{source.name}» пошкоджено: {exc}.", f"«{source.name}» is damaged.") from exc
    finally:
        con.close()
    order = list(AREA_LABELS)
    areas = tuple(
        AreaCount(area, area_label(area, language) if area != "other" else "Інше", tuple(items))
        for area, items in sorted(grouped.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99,
                                                                    kv[0]))
    )
    audit_ok: bool | None = None
    audit_message = "не перевірено (схема старіша або новіша)"
    if integrity == "ok" and schema_known:
        audit_ok, audit_message = _verify_audit(staged)
    return BackupInfo(
        path=source, encrypted=encrypted, made_at=None, last_change=last_change,
        hromada_name=profile[0] if profile else "", council_name=profile[1] if profile else "",
        council_uuid=profile[2] if profile else "", revisions=revisions, schema_known=schema_known,
        integrity=integrity, audit_ok=audit_ok, audit_message=audit_message, areas=areas,
    )


def _verify_audit(staged: Path) -> tuple[bool | None, str]:
    engine = make_engine(f"sqlite:///{staged}")
    try:
        chain = audit.verify_chain(Database(url=engine.url, engine=engine, path=staged))
        return chain.ok, chain.message()
    except Exception as exc:  # noqa: BLE001 - an older schema may not match today's model
        log.info("audit chain of a backup not verified: %s", exc)
        return None, "не вдалося перевірити"
    finally:
        engine.dispose()


def _encrypted_meta(source: Path) -> dict[str, Any] | None:
    if not is_encrypted(source):
        return None
    try:
        with source.open("rb") as fh:
            header, _ = read_enc_header(fh)
        meta = header.get("meta")
        return meta if isinstance(meta, dict) else None
    except (OSError, ServiceError):
        return None


def inspect_backup(
    backup_file: Path | str, *, password: str | None = None, progress: ProgressCallback | None = None,
    language: str = "uk", db_path: Path | None = None,
) -> BackupInfo:
    """What a backup file holds (council, date, counts per area) and whether it can be restored.

    Raises :class:`~app.services.safety.safefile.PasswordRequiredError`,
    :class:`~app.services.safety.safefile.WrongPasswordError` or
    :class:`~app.services.safety.safefile.DamagedFileError` for files that cannot be opened.
    """
    source = Path(backup_file).expanduser()
    with _staging(db_path or paths.default_db_path()) as stage:
        staged = _stage_backup(source, stage, password, progress)
        info = _describe_staged(source, staged, is_encrypted(source), language)
    return _with_made_at(info, source)


def _with_made_at(info: BackupInfo, source: Path) -> BackupInfo:
    return replace(info, made_at=_made_at(source, _encrypted_meta(source)))


def is_other_council(db: Database, info: BackupInfo) -> bool:
    """The backup belongs to another council than the one in this database."""
    current = _current_council_uuid(db)
    return bool(current and info.council_uuid and info.council_uuid != current)


@dataclass(frozen=True)
class RestoreResult:
    info: BackupInfo
    safety_copy: Path | None


def _current_council_uuid(db: Database) -> str | None:
    try:
        profile = council.get_profile(db)
    except Exception:  # noqa: BLE001 - a broken current database must not block its restore
        return None
    if profile is None:
        return None
    with db.read() as s:
        return s.execute(select(CouncilProfile.uuid).where(CouncilProfile.id == profile.id)).scalar_one_or_none()


@writes(Permission.BACKUP)
def restore_backup(
    db: Database,
    actor: Actor,
    backup_file: Path | str,
    *,
    password: str | None = None,
    allow_other_council: bool = False,
    progress: ProgressCallback | None = None,
    language: str = "uk",
) -> RestoreResult:
    """Replace the database's content with a verified backup; the current content is copied aside first.

    Nothing is replaced unless the backup passes ``integrity_check``, has a schema this
    program knows, opens with the password and (unless ``allow_other_council``) belongs to
    the same council.
    """
    return _restore(db, backup_file, actor, password=password, allow_other_council=allow_other_council,
                    progress=progress, language=language)


def restore_into_empty(
    db: Database, backup_file: Path | str, *, password: str | None = None,
    progress: ProgressCallback | None = None, language: str = "uk",
) -> RestoreResult:
    """Set up a new PC from another PC's backup: allowed only while this database has no council yet."""
    if _current_council_uuid(db) is not None:
        raise ValidationError(
            "У цій базі вже є рада: відновлення виконує користувач із правом на резервні копії.",
            "This database already has a council: a user allowed to restore must do it.",
        )
    return _restore(db, backup_file, None, password=password, allow_other_council=True, progress=progress,
                    language=language)


def _restore(
    db: Database, backup_file: Path | str, actor: Actor | None, *, password: str | None,
    allow_other_council: bool, progress: ProgressCallback | None, language: str,
) -> RestoreResult:
    db_path = require_sqlite(db)
    current_council = _current_council_uuid(db)
    source = Path(backup_file).expanduser()
    with _staging(db_path) as stage:
        report(progress, 0, 100, "Перевірка копії")
        staged = _stage_backup(source, stage, password,
                               lambda d, t, _x: report(progress, 20 * d // max(t, 1), 100, "Розшифрування копії"))
        info = _with_made_at(_describe_staged(source, staged, is_encrypted(source), language), source)
        report(progress, 30, 100, "Копію перевірено")
        if info.integrity != "ok":
            raise DamagedFileError(
                f"Копію «{source.name}» пошкоджено (integrity_check: {info.integrity}); базу не змінено.",
                "The backup is damaged; the database was not changed.",
            )
        if not info.schema_known:
            raise ValidationError(
                f"Копію «{source.name}» зроблено новішою версією Hromada Desk (схема {', '.join(info.revisions)}); "
                "оновіть програму. Базу не змінено.",
                "The backup was made by a newer Hromada Desk; update the program. The database was not changed.",
            )
        if current_council and info.council_uuid and info.council_uuid != current_council and not allow_other_council:
            raise ValidationError(
                f"Копія належить іншій раді («{info.council_name}»), а не раді цієї бази. Базу не змінено. "
                "Якщо ви справді хочете замінити базу, підтвердіть відновлення копії іншої ради.",
                "The backup belongs to another council; the database was not changed.",
            )
        preserved = _preserved_identity(db)
        safety_copy = auto_backup(db_path, "before-restore", force=True, verify=False,
                                  keep=_read_keep_last(db_path))
        report(progress, 40, 100, "Поточну базу збережено")
        db.engine.dispose()  # no pooled connection may hold a snapshot of the old content
        try:
            _copy_into(staged, db_path, lambda d, t, _x: report(progress, 40 + 50 * d // max(t, 1), 100,
                                                                 "Відновлення бази"))
        except sqlite3.Error as exc:
            raise _sqlite_error(exc, db_path, "базу") from exc
    # From here on the new content is in place: nothing may be cancelled any more.
    migrations_runner.upgrade(db)
    identity.after_restore(db, preserved)
    who = actor or SYSTEM_ACTOR
    with db.write() as s:
        known = s.execute(select(User.id).where(User.id == who.user_id, User.username == who.username)
                          ).scalar_one_or_none() if who.user_id is not None else None
        acting = who if known is not None else Actor(None, who.username, who.role, who.full_name)
        audit.record(s, acting, audit.Action.OTHER, "database",
                     summary=f"Базу відновлено з копії {source.name}",
                     changes={"restored_from": [None, source.name],
                              "safety_copy": [None, safety_copy.name if safety_copy else None]})
    return RestoreResult(info, safety_copy)


def _preserved_identity(db: Database) -> identity.Identity | None:
    try:
        return identity.current_identity(db)
    except Exception:  # noqa: BLE001 - a damaged database has no identity worth keeping
        return None


def _copy_into(staged: Path, db_path: Path, progress: ProgressCallback | None) -> None:
    """Overwrite the live database with ``staged`` in one SQLite transaction (online backup API)."""

    def step(_status: int, remaining: int, total: int) -> None:
        # SQLite commits the destination together with the last step: after it, Cancel is too late.
        if remaining > 0:
            report(progress, total - remaining, max(total, 1), "Відновлення бази")

    src = sqlite3.connect(f"file:{staged}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(db_path), timeout=15)
        try:
            dst.execute("PRAGMA busy_timeout = 15000")
            src.backup(dst, pages=RESTORE_PAGES_PER_STEP, progress=step)
            result = dst.execute("PRAGMA quick_check").fetchone()
            if not result or result[0] != "ok":
                raise ServiceError("Після відновлення перевірка бази не пройшла; зверніться до адміністратора. "
                                   "Попередню базу збережено в автоматичних копіях.")
        finally:
            dst.close()
    finally:
        src.close()

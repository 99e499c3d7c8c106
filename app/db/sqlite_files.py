"""An SQLite database as a file: checking it before opening, copying it aside, removing it."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from app.errors import DatabaseOpenError

SQLITE_HEADER = b"SQLite format 3\x00"


def check_sqlite_file(path: Path, *, create: bool) -> None:
    if path.exists():
        if path.is_dir():
            raise DatabaseOpenError(f"«{path}» — це папка, а не файл бази даних.")
        try:
            with path.open("rb") as fh:
                header = fh.read(16)
        except OSError as exc:
            raise DatabaseOpenError(f"Не вдається прочитати файл «{path}»: {exc.strerror}.") from exc
        if header and header != SQLITE_HEADER:
            raise DatabaseOpenError(f"Файл «{path}» не є базою даних Hromada Desk (це не файл SQLite).")
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseOpenError(
                f"Немає дозволу на запис у «{path}»: відкрийте базу з папки, куди можна писати."
            )
        if header == SQLITE_HEADER:
            try:
                con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                try:
                    result = con.execute("PRAGMA quick_check").fetchone()
                finally:
                    con.close()
            except sqlite3.DatabaseError as exc:
                raise DatabaseOpenError(f"Файл бази даних «{path}» пошкоджено: {exc}.") from exc
            if not result or result[0] != "ok":
                raise DatabaseOpenError(f"Файл бази даних «{path}» пошкоджено: {result[0] if result else '?'}.")
        return
    if not create:
        raise DatabaseOpenError(f"Файл бази даних «{path}» не знайдено.")
    parent = path.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseOpenError(f"Не вдається створити папку «{parent}»: {exc.strerror}.") from exc
    if not os.access(parent, os.W_OK):
        raise DatabaseOpenError(f"Немає дозволу на запис у папку «{parent}».")


def copy_sqlite_aside(path: Path, label: str) -> Path:
    """A consistent copy of the SQLite file next to it (online backup API), e.g. before a migration."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def remove_sqlite_files(path: Path) -> None:
    """Delete an SQLite file with its WAL/SHM companions (used by restore and tests)."""
    for suffix in ("", "-wal", "-shm"):
        candidate = Path(str(path) + suffix)
        if candidate.exists():
            candidate.unlink()

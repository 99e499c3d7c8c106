"""Safe-file helpers used by backups, exchange bundles and the open-data pack."""

from __future__ import annotations

from pathlib import Path

from app.services.safety.safefile import unique_path


def test_unique_path_never_names_an_existing_file(tmp_path: Path) -> None:
    first = unique_path(tmp_path, "hromada-backup-20260301-100000", ".sqlite3")
    assert first == tmp_path / "hromada-backup-20260301-100000.sqlite3"
    first.write_bytes(b"1")
    second = unique_path(tmp_path, "hromada-backup-20260301-100000", ".sqlite3")
    assert second == tmp_path / "hromada-backup-20260301-100000-1.sqlite3"
    second.write_bytes(b"2")
    assert unique_path(tmp_path, "hromada-backup-20260301-100000", ".sqlite3").name.endswith("-2.sqlite3")
    assert unique_path(tmp_path, "hromada-backup-20260301-100000", ".hdbackup") == \
        tmp_path / "hromada-backup-20260301-100000.hdbackup"

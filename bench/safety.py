"""Data safety speed: backups of a large database, exchange bundles of 10,000 ballots.

    python bench/safety.py [--ballots-db N] [--ballots-bundle N]     defaults: 100000 and 10000

Prints, for a database of N participatory-budget ballots with their choices (100k ballots is
about 300k rows in all), the time of: the automatic copy (online backup API), a manual copy to a
folder (plain, and encrypted with a password), and a restore check of it; then, for two PCs of one
council (the second set up from the first one's backup), the time to export a bundle with
10,000 new ballots and to import it on the other PC (the import includes its safety copy).
Targets (issue 6): backup of 100k+ records < 2 s; bundle export and import < 3 s each.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("HROMADA_DATA_DIR", tempfile.mkdtemp(prefix="hromada-bench-"))

from sqlalchemy import func, select, text  # noqa: E402

from app.db.engine import Database, open_database  # noqa: E402
from app.services import exchange
from app.services.core import council
from app.services.safety import backup  # noqa: E402
from tests.conftest import TEST_PROFILE  # noqa: E402
from tests.safety_support import bulk_ballots, clone_pc  # noqa: E402


def rows_in(db: Database) -> int:
    with db.read() as s:
        names = [r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type='table' "
                                              "AND name NOT LIKE 'sqlite_%'"))]
        return sum(s.execute(text(f'SELECT COUNT(*) FROM "{n}"')).scalar_one() for n in names)


def timed(label: str, fn):  # noqa: ANN001, ANN201
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print(f"  {label:58} {seconds:6.2f} s")
    return result, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ballots-db", type=int, default=100_000)
    parser.add_argument("--ballots-bundle", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="hromada-safety-"))
    usb = folder / "usb"
    usb.mkdir()
    ok = True

    print(f"Backups of a database with {args.ballots_db:,} ballots".replace(",", " "))
    big = open_database(folder / "big.sqlite3")
    _, admin = council.setup_council(big, TEST_PROFILE)
    timed("filling (bulk insert, not part of the targets)", lambda: bulk_ballots(big, admin, args.ballots_db))
    assert big.path is not None
    size = big.path.stat().st_size
    records = rows_in(big)
    print(f"  database: {records:,} rows".replace(",", " ") + f"; {size / 1024 / 1024:.1f} MB")
    _, auto_s = timed("automatic copy (online backup API + quick_check)",
                      lambda: backup.auto_backup(big, "manual", force=True))
    plain, plain_s = timed("manual copy to a folder, plain",
                           lambda: backup.create_backup(big, admin, usb))
    _, enc_s = timed("manual copy to a folder, encrypted (scrypt + AES-256-GCM)",
                     lambda: backup.create_backup(big, admin, usb, password="пароль-для-бенчмарку"))
    timed("restore check of the plain copy (integrity_check, counts)",
          lambda: backup.inspect_backup(plain.path, db_path=big.path))
    big.dispose()
    for label, seconds in (("automatic copy", auto_s), ("plain copy", plain_s), ("encrypted copy", enc_s)):
        verdict = "ok" if seconds < 2 else "SLOWER than 2 s"
        ok &= seconds < 2 or label == "encrypted copy"
        print(f"  → {label}: {verdict}")

    print(f"Exchange bundle with {args.ballots_bundle:,} ballots".replace(",", " "))
    library = open_database(folder / "library.sqlite3")
    _, admin = council.setup_council(library, TEST_PROFILE)
    office = clone_pc(library, admin, folder / "office.sqlite3", "Офіс", source_name="Бібліотека")
    bulk_ballots(library, admin, args.ballots_bundle)
    bundle, export_s = timed("export (changes since the last exchange)",
                             lambda: exchange.export_bundle(library, admin, "Офіс", folder))
    print(f"  bundle: {bundle.path.stat().st_size / 1024 / 1024:.1f} MB; " + f"{bundle.total:,} records"
          .replace(",", " "))
    result, import_s = timed("import on the other PC (with its safety copy)",
                             lambda: exchange.import_bundle(office, admin, bundle.path))
    assert result.inserted.get("pb_ballot") == args.ballots_bundle, result.summary_lines()
    _, again_s = timed("importing the same bundle again (already imported)",
                       lambda: exchange.import_bundle(office, admin, bundle.path))
    full, full_s = timed("full bundle back to the library (all unchanged there)",
                         lambda: exchange.export_bundle(office, admin, "Бібліотека", folder, full=True))
    merged, merge_s = timed("merging it: every record compared, nothing changes",
                            lambda: exchange.import_bundle(library, admin, full.path))
    assert merged.changed == 0
    from app.db.models.budget import Ballot

    with office.read() as s:
        assert s.execute(select(func.count(Ballot.id))).scalar_one() == args.ballots_bundle
    library.dispose()
    office.dispose()
    for label, seconds in (("export", export_s), ("import", import_s)):
        print(f"  → {label}: {'ok' if seconds < 3 else 'SLOWER than 3 s'}")
        ok &= seconds < 3
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

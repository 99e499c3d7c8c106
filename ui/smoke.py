"""``hromada --smoke``: proves a build works, without a screen.

Builds the main window offscreen on a temporary, freshly migrated database with the
demo data, writes a Cyrillic PDF, and exits 0; any failure exits non-zero.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def run_smoke() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.demo import create as demo_create
    from app.reports import registry
    from ui.app import build_main_window, make_application
    from ui.db_choice import open_scratch

    with tempfile.TemporaryDirectory(prefix="hromada-smoke-") as tmp:
        os.environ["HROMADA_DATA_DIR"] = tmp
        app = make_application([sys.argv[0] if sys.argv else "hromada"])
        db = open_scratch(Path(tmp) / "smoke.sqlite3")
        try:
            actor = demo_create.create_demo(db)
            window = build_main_window(db, actor)
            window.show()
            app.processEvents()
            pdf = Path(tmp) / "smoke.pdf"
            registry.render_report(db, "council-profile", None, pdf)
            ok = pdf.stat().st_size > 1000 and pdf.read_bytes().startswith(b"%PDF")
            window.close()
        finally:
            db.dispose()
    if sys.stdout is not None:
        print("smoke: OK" if ok else "smoke: PDF missing")
    return 0 if ok else 1

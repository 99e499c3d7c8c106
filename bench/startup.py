"""Start-up time: process start → main window shown, next to a bare PySide6 window.

    python bench/startup.py [--runs 5]

Both are measured the same way, as whole processes in this run: the program shows its
window and quits at the next event-loop turn. The app opens a demo database (created
once before timing). Target: the app ≤ 1.5× the bare window.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.resize(1200, 760)
w.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "HROMADA_DATA_DIR": tmp, "XDG_CONFIG_HOME": tmp, "HROMADA_EXIT_AFTER_SHOW": "shown",
               "PYTHONPATH": str(root)}
        db = Path(tmp) / "demo.sqlite3"
        subprocess.run([sys.executable, "-m", "app", "--db", str(db), "demo"], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        app_cmd = [sys.executable, "-m", "app", "--demo", "--db", str(db)]
        bare_cmd = [sys.executable, "-c", BARE]
        ready_env = {**env, "HROMADA_EXIT_AFTER_SHOW": "ready"}
        timed(bare_cmd, env)  # warm the OS file cache for both
        timed(app_cmd, env)
        bare, app, ready = [], [], []
        for _ in range(args.runs):
            bare.append(timed(bare_cmd, env))
            app.append(timed(app_cmd, env))
            ready.append(timed(app_cmd, ready_env))
    b, a, r = statistics.median(bare), statistics.median(app), statistics.median(ready)
    print(f"platform: {env['QT_QPA_PLATFORM']}, runs: {args.runs}")
    print(f"bare PySide6 window:            median {b * 1000:.0f} ms (min {min(bare) * 1000:.0f})")
    print(f"Hromada Desk main window shown: median {a * 1000:.0f} ms (min {min(app) * 1000:.0f})")
    print(f"ratio: {a / b:.2f}x (target <= 1.5x)")
    print(f"Hromada Desk ready (database open, migrations checked, home page filled): median {r * 1000:.0f} ms")


if __name__ == "__main__":
    main()

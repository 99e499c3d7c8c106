"""Where things live: the user's data folder and the bundled resources.

The data folder comes from platformdirs and can be overridden with the
``HROMADA_DATA_DIR`` environment variable (tests, portable installs). The database
location is chosen in :mod:`app.db.engine` (``--db`` and ``HROMADA_DB`` win).
Resources are found in a frozen bundle (``sys._MEIPASS``), in the source tree, or in
the shared-data folder that ``pip install .`` writes.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "HromadaDesk"
APP_AUTHOR = "Hromada"
DB_FILENAME = "hromada.sqlite3"
DEMO_DB_FILENAME = "demo.sqlite3"


def data_dir() -> Path:
    """The folder that holds the database, automatic backups and logs."""
    override = os.environ.get("HROMADA_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return path


def backups_dir() -> Path:
    return data_dir() / "backups"


def logs_dir() -> Path:
    return data_dir() / "logs"


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_FILENAME


def db_target(explicit: str | None = None, *, demo: bool = False) -> str:
    """The database to open: ``--db`` wins, then ``HROMADA_DB``, then the demo or the default file."""
    if explicit:
        return explicit
    if os.environ.get("HROMADA_DB"):
        return os.environ["HROMADA_DB"]
    return str(demo_db_path() if demo else default_db_path())


@cache
def resources_dir() -> Path:
    """The ``resources/`` folder, wherever this program runs from."""
    candidates: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / "hromada-desk" / "resources")
    for candidate in candidates:
        if (candidate / "fonts").is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found; looked in: " + ", ".join(map(str, candidates)))


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return resources_dir().joinpath(*parts)

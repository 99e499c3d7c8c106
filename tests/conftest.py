"""Shared fixtures: headless Qt, an isolated data folder, a fresh database per test.

The backend is SQLite unless ``--backend=postgres`` is given (or HROMADA_TEST_BACKEND);
then every ``db`` fixture is a fresh database on the server at HROMADA_TEST_PG_URL.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_ISOLATED = Path(tempfile.mkdtemp(prefix="hromada-tests-"))
os.environ["HROMADA_DATA_DIR"] = str(_ISOLATED / "data")
os.environ["XDG_CONFIG_HOME"] = str(_ISOLATED / "config")  # QSettings stay out of the real profile
os.environ.pop("HROMADA_DB", None)

import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402
from argon2.profiles import CHEAPEST  # noqa: E402

from app.db.engine import Database  # noqa: E402
from app.services.core import council, passwords  # noqa: E402
from app.services.core.auth import Actor  # noqa: E402
from tests import dbutil  # noqa: E402

# Still argon2id, with the smallest cost: production parameters take ~0.1 s per hash, far too slow
# for hundreds of test sign-ins. tests/services/test_users.py checks the production parameters.
passwords._hasher = PasswordHasher.from_parameters(CHEAPEST)

TEST_PROFILE = council.CouncilProfileData(
    hromada_name="Тестова сільська територіальна громада",
    council_name="Тестова сільська рада",
    convocation=8,
    composition=26,
    address="вул. Шевченка, 5, с. Тестове",
    website="https://test-rada.example.ua",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--backend",
        choices=["sqlite", "postgres"],
        default=os.environ.get("HROMADA_TEST_BACKEND", "sqlite"),
        help="database backend for service and migration tests",
    )


@pytest.fixture(scope="session")
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.config.getoption("--backend"))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Tests marked ``postgres`` need a server whatever the backend; skipped without HROMADA_TEST_PG_URL."""
    if item.get_closest_marker("postgres") and not os.environ.get(dbutil.PG_URL_ENV):
        pytest.skip(f"needs a PostgreSQL server: set {dbutil.PG_URL_ENV} (scripts/pg_test_cluster start)")


@pytest.fixture
def db(tmp_path: Path, backend: str) -> Iterator[Database]:
    """A fresh, migrated, empty database."""
    with dbutil.fresh_database(tmp_path, backend) as database:
        yield database


@pytest.fixture
def council_db(db: Database) -> tuple[Database, Actor]:
    """A database with the test council set up; returns it with its administrator."""
    _, actor = council.setup_council(db, TEST_PROFILE, admin_username="admin", admin_full_name="Олена Адмін")
    return db, actor


@pytest.fixture
def admin(council_db: tuple[Database, Actor]) -> Actor:
    return council_db[1]

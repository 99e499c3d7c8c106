"""Shared fixtures: headless Qt, an isolated data folder, a fresh database per test.

The backend is SQLite unless ``--backend=postgres`` is given (or HROMADA_TEST_BACKEND);
then every ``db`` fixture is a fresh database on the server at HROMADA_TEST_PG_URL.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
# for hundreds of test sign-ins. tests/services/core/test_users.py checks the production parameters.
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


class ModalOpened(AssertionError):
    """A test reached a modal dialog or message box, which would wait forever for a click."""


_MODAL_CLASSES = ("QDialog", "QMessageBox", "QFileDialog", "QInputDialog", "QColorDialog", "QFontDialog")
_MODAL_STATICS = {
    "QMessageBox": ("warning", "critical", "information", "question", "about"),
    "QFileDialog": ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"),
    "QInputDialog": ("getText", "getInt", "getDouble", "getItem", "getMultiLineText"),
}


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fail, never hang, when code under test opens a modal box; a test answers one with monkeypatch.

    Every blocking entry point of Qt's dialogs raises :class:`ModalOpened` with the box's text; a
    test that expects a box replaces the helper that shows it (``show_error``, ``confirm``…) or the
    dialog's ``exec``. After the test, a modal window left open fails it too.
    """
    from PySide6 import QtWidgets

    opened: list[str] = []

    def refuse(what: str) -> Any:
        def _refuse(*args: Any, **_kwargs: Any) -> Any:
            texts = [a for a in args if isinstance(a, str)]
            opened.append(f"{what}: {' | '.join(texts)}")
            raise ModalOpened(f"{what} opened in a test ({' | '.join(texts) or 'no text'}): it would wait "
                              "for a click forever; answer it with monkeypatch")
        return _refuse

    for name in _MODAL_CLASSES:
        cls = getattr(QtWidgets, name)
        monkeypatch.setattr(cls, "exec", refuse(f"{name}.exec"))
    for name, functions in _MODAL_STATICS.items():
        cls = getattr(QtWidgets, name)
        for function in functions:
            monkeypatch.setattr(cls, function, staticmethod(refuse(f"{name}.{function}")))
    yield opened
    app = QtWidgets.QApplication.instance()
    modal = app.activeModalWidget() if isinstance(app, QtWidgets.QApplication) else None
    if modal is not None:
        title = modal.windowTitle()
        modal.close()
        pytest.fail(f"a modal window was left open: {type(modal).__name__} «{title}»")


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

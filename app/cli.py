"""The ``hromada`` command: the GUI by default, and subcommands for work without it.

Global options come before the subcommand: ``hromada --db PATH report list``. Every
refusal is a plain Ukrainian sentence on stderr with exit code 2. Areas add their
subcommands through ``COMMAND_MODULES``: each module has ``register(subparsers)``
and sets ``func(args, ctx) -> int`` on its parsers.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app import __version__, paths
from app.services.errors import ServiceError

if TYPE_CHECKING:  # the GUI path must not import SQLAlchemy before the window shows
    from app.db.engine import Database
    from app.services.auth import Actor

EXIT_OK = 0
EXIT_ERROR = 2

log = logging.getLogger("hromada")

# Modules that add subcommands (``register(subparsers)``), one per area.
COMMAND_MODULES: list[str] = [
    "app.cli_core",
    "app.cli_users",
    "app.cli_deputies",
    "app.cli_petitions",
    "app.cli_budget",
    "app.cli_safety",
]


class CliContext:
    """What a subcommand needs: the chosen database (opened on first use) and the acting user."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._db: Database | None = None
        self._actor: Actor | None = None

    @property
    def db_target(self) -> str:
        return resolve_db_target(self.args)

    def db(self, *, create: bool = True) -> Database:
        if self._db is None:
            from app.db.engine import open_database

            self._db = open_database(self.db_target, create=create)
        return self._db

    def actor(self) -> Actor:
        """The acting user, signed in once per command (see app.services.cli_auth)."""
        from app.services import cli_auth

        if self._actor is None:
            self._actor = cli_auth.resolve_actor(self.db(), self.args.user)
        return self._actor

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None


def resolve_db_target(args: argparse.Namespace) -> str:
    """``--db`` wins, then ``HROMADA_DB``, then the demo or the default file in the data folder."""
    if args.db:
        return args.db
    if os.environ.get("HROMADA_DB"):
        return os.environ["HROMADA_DB"]
    if getattr(args, "demo", False):
        return str(paths.demo_db_path())
    return str(paths.default_db_path())


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"Hromada Desk {__version__}")
    parser.add_argument("--db", metavar="PATH|URL", help="файл бази SQLite або URL PostgreSQL (також HROMADA_DB)")
    parser.add_argument("--demo", action="store_true", help="відкрити демонстраційну базу (створити за потреби)")
    parser.add_argument("--user", metavar="NAME",
                        help="від імені якого користувача діяти (також HROMADA_USER; пароль — із запиту "
                             "або HROMADA_PASSWORD)")
    parser.add_argument("--lang", choices=["uk", "en"], help="мова інтерфейсу")
    parser.add_argument("--smoke", action="store_true", help="перевірка збірки: вікно, база, PDF — і вихід")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hromada",
        description="Hromada Desk — реєстри та звіти ради територіальної громади.",
    )
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _setup_logging() -> None:
    if logging.getLogger().handlers:
        return  # already configured (a second main() in the same process, or a test runner)
    handlers: list[logging.Handler] = []
    try:
        paths.logs_dir().mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(paths.logs_dir() / "hromada.log", encoding="utf-8"))
    except OSError:
        pass
    if sys.stderr is not None and os.environ.get("HROMADA_DEBUG"):
        handlers.append(logging.StreamHandler(sys.stderr))
    logging.basicConfig(level=logging.INFO, handlers=handlers or [logging.NullHandler()],
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def error(message: str) -> int:
    if sys.stderr is not None:
        print(f"Помилка: {message}", file=sys.stderr)
    return EXIT_ERROR


@dataclass(frozen=True)
class Frontend:
    """The graphical side, handed in by the entry point (``ui.launcher``): app/ never imports ui/."""

    run_gui: Callable[[argparse.Namespace], int]
    run_smoke: Callable[[], int]


def main(argv: Sequence[str] | None = None, *, frontend: Frontend | None = None) -> int:
    """Run a subcommand; without one, start the GUI through ``frontend``."""
    _setup_logging()
    # The GUI path (no subcommand) skips importing every area's CLI module: start-up time matters.
    quick = argparse.ArgumentParser(prog="hromada", add_help=False)
    _global_options(quick)
    quick_args, rest = quick.parse_known_args(argv)
    if not rest:
        quick_args.command = None
        args = quick_args
    else:
        args = build_parser().parse_args(argv)
    if args.smoke or args.command is None:
        if frontend is None:
            return error("графічний інтерфейс запускається командою hromada (або python -m app).")
        return frontend.run_smoke() if args.smoke else frontend.run_gui(args)
    ctx = CliContext(args)
    try:
        return int(args.func(args, ctx) or EXIT_OK)
    except ServiceError as exc:
        return error(exc.text())
    except KeyboardInterrupt:
        return error("перервано.")
    finally:
        ctx.close()

"""The ``hromada`` command: the GUI by default, and subcommands for work without it.

Global options come before the subcommand: ``hromada --db PATH report list``. Every
refusal is a plain Ukrainian sentence on stderr with exit code 2. Each area adds its
subcommands through :data:`COMMANDS`: its module under ``app/cli/`` has
``register(subparsers)`` and sets ``func(args, ctx) -> int`` on its parsers; the module
imports only argparse at the top, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app import __version__, paths
from app.cli import budget, core, deputies, petitions, safety, users
from app.cli.context import CliContext
from app.errors import ServiceError

EXIT_OK = 0
EXIT_ERROR = 2

log = logging.getLogger("hromada")

# Each area's subcommands (``register(subparsers)``), in the order ``--help`` lists them.
COMMANDS: tuple[Callable[[argparse._SubParsersAction], None], ...] = (
    core.register,
    users.register,
    deputies.register,
    petitions.register,
    budget.register,
    safety.register,
)


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
    for register in COMMANDS:
        register(sub)
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

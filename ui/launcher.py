"""The ``hromada`` program: the command line of app.cli.main with the Qt front end plugged in.

This is the composition root: app/ knows nothing of ui/, so the entry point hands the GUI
and the smoke check to :func:`app.cli.main.main`. Both are imported only when used, so a
subcommand never loads Qt and the GUI path loads nothing it does not need.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app.cli.main import Frontend
from app.cli.main import main as cli_main


def _run_gui(args: argparse.Namespace) -> int:
    from ui.app import run_gui

    return run_gui(args)


def _run_smoke() -> int:
    from ui.smoke import run_smoke

    return run_smoke()


FRONTEND = Frontend(run_gui=_run_gui, run_smoke=_run_smoke)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, frontend=FRONTEND)


def entry() -> None:
    sys.exit(main())

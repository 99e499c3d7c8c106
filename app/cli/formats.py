"""Shared ``hromada export FORMAT`` and ``hromada import FORMAT`` commands that several areas extend.

argparse refuses a second ``add_parser("export")``, so no area creates these commands itself: each asks
:func:`format_parser` for its own format's parser, and the command parser is created by whichever area
asks first (the order of ``COMMAND_MODULES`` does not matter)::

    from app.cli.formats import format_parser

    def register(sub):
        pb = format_parser(sub, "export", "pabulib", help="вибори громадського бюджету у форматі .pb")
        pb.add_argument("--cycle", type=int, required=True)
        pb.add_argument("--out", type=Path, required=True)
        pb.set_defaults(func=cmd_export_pabulib)

``hromada export --help`` then lists every format registered by any area.
"""

from __future__ import annotations

import argparse

COMMAND_HELP = {
    "export": "вивантажити дані у відкритих форматах: export ФОРМАТ ... (див. export --help)",
    "import": "завантажити дані з файлів: import ФОРМАТ ФАЙЛ ... (див. import --help)",
}
_FORMATS_ATTR = "_hromada_formats"


def format_parser(sub: argparse._SubParsersAction, command: str, fmt: str, *, help: str) -> argparse.ArgumentParser:  # noqa: A002
    """The parser of ``hromada COMMAND FMT``, creating ``COMMAND`` (e.g. ``export``) on first use."""
    parent = sub.choices.get(command)
    if parent is None:
        parent = sub.add_parser(command, help=COMMAND_HELP.get(command, command),
                                description=COMMAND_HELP.get(command, command))
        formats = parent.add_subparsers(dest=f"{command}_format", metavar="ФОРМАТ", required=True)
        setattr(parent, _FORMATS_ATTR, formats)
    formats = getattr(parent, _FORMATS_ATTR, None)
    if formats is None:
        raise RuntimeError(f"the '{command}' command was created without app.cli.formats.format_parser")
    if fmt in formats.choices:
        raise RuntimeError(f"'{command} {fmt}' is registered twice")
    return formats.add_parser(fmt, help=help, description=help)

"""What a subcommand gets: the chosen database (opened on first use) and the acting user."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app import paths

if TYPE_CHECKING:  # a subcommand's start must not import SQLAlchemy before it needs it
    from app.db.engine import Database
    from app.services.core.auth import Actor


class CliContext:
    """What a subcommand needs: the chosen database (opened on first use) and the acting user."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._db: Database | None = None
        self._actor: Actor | None = None

    @property
    def db_target(self) -> str:
        return paths.db_target(self.args.db, demo=getattr(self.args, "demo", False))

    def db(self, *, create: bool = True) -> Database:
        if self._db is None:
            from app.db.engine import open_database

            self._db = open_database(self.db_target, create=create)
        return self._db

    def actor(self) -> Actor:
        """The acting user, signed in once per command (see app.cli.auth)."""
        from app.cli import auth as cli_auth

        if self._actor is None:
            self._actor = cli_auth.resolve_actor(self.db(), self.args.user)
        return self._actor

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None

"""Autogenerate a migration against a scratch database: python scripts/new_migration.py REV "message" [DOWN_REV]."""
import sys
import tempfile

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent))
from pathlib import Path

from alembic import command
from sqlalchemy.engine import make_url

from app.db import migrations_runner
from app.db.engine import Database, make_engine

rev, msg = sys.argv[1], sys.argv[2]
tmp = Path(tempfile.mkdtemp())/"a.sqlite3"
url = make_url(f"sqlite:///{tmp}")
db = Database(url=url, engine=make_engine(url), path=tmp)
cfg = migrations_runner.alembic_config(db)
if len(sys.argv) > 3:
    command.upgrade(cfg, sys.argv[3])
    command.revision(cfg, message=msg, autogenerate=True, rev_id=rev, head=sys.argv[3])
else:
    command.revision(cfg, message=msg, autogenerate=True, rev_id=rev)

"""Demo users, one per everyday role, all with the demo password (see README)."""

from __future__ import annotations

from app.db.engine import Database
from app.demo.profile import DEMO_PASSWORD
from app.services.core import users
from app.services.core.auth import Actor, Role

DEMO_USERS = [
    users.UserData("sekretar", "Ганна Коваленко", Role.CLERK),
    users.UserData("perehliad", "Богдан Ярошенко", Role.VIEWER),
]


def build(db: Database, actor: Actor) -> None:
    for data in DEMO_USERS:
        users.create_user(db, actor, data, DEMO_PASSWORD)

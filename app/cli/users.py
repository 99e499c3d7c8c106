"""Users and the database itself: ``hromada user …`` and ``hromada migrate-db``.

Every command acts as ``--user NAME`` (password from a prompt or HROMADA_PASSWORD; see
:mod:`app.cli.auth`). New passwords come from a prompt typed twice, or from
HROMADA_NEW_PASSWORD in scripts.
"""

from __future__ import annotations

import argparse
import sys

from app.cli.context import CliContext
from app.domain.formats import format_datetime, utc_to_local
from app.errors import ValidationError
from app.services.core.auth import Role

ROLE_CHOICES = [r.value for r in Role]


def register(sub: argparse._SubParsersAction) -> None:
    user = sub.add_parser("user", help="користувачі: list, add, edit, disable, enable, unlock, reset, passwd")
    actions = user.add_subparsers(dest="user_action", metavar="ACTION", required=True)

    actions.add_parser("list", help="усі користувачі з ролями і станом").set_defaults(func=cmd_list)

    add = actions.add_parser("add", help="додати користувача (пароль — із запиту або HROMADA_NEW_PASSWORD)")
    add.add_argument("name", help="ім’я користувача для входу")
    add.add_argument("--role", required=True, choices=ROLE_CHOICES,
                     help="admin — адміністратор, clerk — діловод, operator — оператор пункту голосування, "
                          "viewer — перегляд")
    add.add_argument("--full-name", default="", help="прізвище та ім’я")
    add.add_argument("--voting-point", type=int, help="номер пункту голосування (для оператора)")
    add.set_defaults(func=cmd_add)

    edit = actions.add_parser("edit", help="змінити роль, прізвище та ім’я або пункт голосування")
    edit.add_argument("name")
    edit.add_argument("--role", choices=ROLE_CHOICES)
    edit.add_argument("--full-name")
    edit.add_argument("--voting-point", type=int)
    edit.set_defaults(func=cmd_edit)

    for action, text in (("disable", "вимкнути (історія лишається, увійти не можна)"), ("enable", "увімкнути"),
                         ("unlock", "зняти блокування після невдалих спроб входу")):
        parser = actions.add_parser(action, help=text)
        parser.add_argument("name")
        parser.set_defaults(func=cmd_state, state_action=action)

    reset = actions.add_parser("reset", help="задати користувачеві новий пароль (і зняти блокування)")
    reset.add_argument("name")
    reset.set_defaults(func=cmd_reset)

    passwd = actions.add_parser("passwd", help="змінити власний пароль (потрібен --user)")
    passwd.set_defaults(func=cmd_passwd)

    migrate = sub.add_parser(
        "migrate-db", help="скопіювати всю базу в іншу, порожню (SQLite ⇄ PostgreSQL), з перевіркою")
    migrate.add_argument("--from", dest="source", required=True, metavar="PATH|URL", help="звідки")
    migrate.add_argument("--to", dest="target", required=True, metavar="PATH|URL", help="куди (порожня база)")
    migrate.set_defaults(func=cmd_migrate)


def _state(view) -> str:  # noqa: ANN001 - users.UserView
    if not view.is_active:
        return "вимкнено"
    if view.locked:
        return f"заблоковано до {format_datetime(utc_to_local(view.locked_until))}"
    if not view.has_password:
        return "без пароля"
    return "активний"


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.core import users

    db = ctx.db(create=False)
    ctx.actor()  # listing users is for signed-in users too
    rows = users.list_users(db)
    print(f"{'користувач':20} {'роль':28} {'стан':32} {'останній вхід':17} прізвище та ім’я")
    for u in rows:
        last = format_datetime(utc_to_local(u.last_login_at)) if u.last_login_at else "—"
        role = u.role.label_uk + (f" (пункт №{u.voting_point_id})" if u.voting_point_id else "")
        print(f"{u.username:20} {role:28} {_state(u):32} {last:17} {u.full_name}")
    return 0


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.cli import auth as cli_auth
    from app.services.core import users

    db = ctx.db(create=False)
    actor = ctx.actor()
    password, confirm = cli_auth.read_new_password("Пароль нового користувача")
    view = users.create_user(
        db, actor, users.UserData(args.name, args.full_name, Role(args.role), args.voting_point), password, confirm)
    print(f"Користувача «{view.username}» ({view.role.label_uk}) додано.")
    return 0


def cmd_edit(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.core import users

    db = ctx.db(create=False)
    actor = ctx.actor()
    view = users.get_user(db, args.name)
    data = users.UserData(
        view.username,
        view.full_name if args.full_name is None else args.full_name,
        view.role if args.role is None else Role(args.role),
        view.voting_point_id if args.voting_point is None else args.voting_point,
    )
    saved = users.update_user(db, actor, view.id, data, view.version)
    print(f"Користувача «{saved.username}» змінено: {saved.role.label_uk}, {saved.full_name or '—'}.")
    return 0


def cmd_state(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.core import users

    db = ctx.db(create=False)
    actor = ctx.actor()
    view = users.get_user(db, args.name)
    if args.state_action == "unlock":
        users.unlock_user(db, actor, view.id)
        print(f"Користувача «{view.username}» розблоковано.")
    else:
        active = args.state_action == "enable"
        users.set_active(db, actor, view.id, active)
        print(f"Користувача «{view.username}» {'увімкнено' if active else 'вимкнено'}.")
    return 0


def cmd_reset(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.cli import auth as cli_auth
    from app.services.core import users

    db = ctx.db(create=False)
    actor = ctx.actor()
    view = users.get_user(db, args.name)
    password, confirm = cli_auth.read_new_password(f"Новий пароль для «{view.username}»")
    users.reset_password(db, actor, view.id, password, confirm)
    print(f"Пароль користувача «{view.username}» змінено; блокування знято.")
    return 0


def cmd_passwd(args: argparse.Namespace, ctx: CliContext) -> int:
    import os

    from app.cli import auth as cli_auth
    from app.services.core import login

    name = args.user or os.environ.get(cli_auth.USER_ENV)
    if not name:
        raise ValidationError("Вкажіть, чий пароль змінити: hromada --user ІМ’Я user passwd.")
    db = ctx.db(create=False)
    current = cli_auth.read_password("Поточний пароль: ")
    actor = cli_auth.resolve_actor(db, name, lambda: current)
    password, confirm = cli_auth.read_new_password()
    login.change_own_password(db, actor, current, password, confirm)
    print(f"Пароль користувача «{actor.username}» змінено.")
    return 0


def cmd_migrate(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.cli import auth as cli_auth
    from app.services.safety import dbcopy

    def progress(done: int, total: int, text: str) -> None:
        if sys.stderr is not None and sys.stderr.isatty():
            print(f"\r{done * 100 // max(total, 1):3d}% {text[:60]:60}", end="", file=sys.stderr)

    result = dbcopy.migrate(args.source, args.target,
                            lambda source: cli_auth.resolve_actor(source, args.user), progress)
    if sys.stderr is not None and sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Звідки: {result.source}\nКуди:   {result.target}")
    print(f"{'таблиця':32} {'було':>9} {'стало':>9}  вміст")
    for check in result.tables:
        mark = "збігається" if check.same_content else "НЕ ЗБІГАЄТЬСЯ"
        print(f"{check.table:32} {check.source_rows:9d} {check.target_rows:9d}  {mark}")
    print(result.chain.message())
    if not result.ok:
        print("Помилка: копія не збігається з оригіналом; не користуйтеся нею.", file=sys.stderr)
        return 2
    print(f"Скопійовано {result.rows} записів; копію перевірено. До журналу змін копії додано подію про копіювання.")
    return 0

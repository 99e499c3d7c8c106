"""Data-safety subcommands: backup, restore, exchange between PCs, the open-data pack.

    hromada --db PATH backup [--out DIR] [--password-env VAR]
    hromada --db PATH restore FILE [--check] [--password-env VAR] [--other-council]
    hromada --db PATH exchange export --to NAME --out FILE|DIR [--all] [--password-env VAR]
    hromada --db PATH exchange import FILE [--password-env VAR]
    hromada --db PATH exchange status | conflicts | resolve ID --keep local|remote | pc-name NAME [--new-id]
    hromada --db PATH publish --out DIR

Passwords never go on the command line (they would stay in the shell history): they are
read from the environment variable named by ``--password-env``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app.cli.context import CliContext
from app.errors import ValidationError


def register(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser("backup", help="резервна копія бази: у папку автоматичних копій або --out ПАПКА")
    backup.add_argument("--out", type=Path, metavar="DIR", help="папка для копії (наприклад, флешка)")
    backup.add_argument("--password-env", metavar="VAR",
                        help="змінна середовища з паролем: копію буде зашифровано (AES-256-GCM)")
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="відновити базу з резервної копії (поточну буде збережено)")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument("--check", action="store_true", help="лише показати вміст копії й перевірити її")
    restore.add_argument("--password-env", metavar="VAR", help="змінна середовища з паролем копії")
    restore.add_argument("--other-council", action="store_true",
                         help="дозволити відновлення копії іншої ради (замінить усі записи)")
    restore.set_defaults(func=cmd_restore)

    exchange = sub.add_parser("exchange", help="обмін записами між ПК (флешка): export, import, status...")
    actions = exchange.add_subparsers(dest="exchange_action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="записати пакет змін для ПК-партнера")
    export.add_argument("--to", required=True, metavar="NAME", help="назва ПК-партнера, напр. «Бібліотека»")
    export.add_argument("--out", required=True, type=Path, metavar="FILE", help="файл пакета або папка")
    export.add_argument("--all", action="store_true", help="усі записи, а не лише зміни")
    export.add_argument("--password-env", metavar="VAR", help="змінна середовища з паролем: пакет буде зашифровано")
    export.set_defaults(func=cmd_exchange_export)
    imp = actions.add_parser("import", help="імпортувати пакет з іншого ПК")
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--password-env", metavar="VAR", help="змінна середовища з паролем пакета")
    imp.set_defaults(func=cmd_exchange_import)
    status = actions.add_parser("status", help="цей ПК, партнери, відкриті конфлікти")
    status.set_defaults(func=cmd_exchange_status)
    conflicts = actions.add_parser("conflicts", help="конфлікти: записи, змінені на обох ПК")
    conflicts.set_defaults(func=cmd_exchange_conflicts)
    resolve = actions.add_parser("resolve", help="вирішити конфлікт")
    resolve.add_argument("conflict_id", type=int, metavar="ID")
    resolve.add_argument("--keep", required=True, choices=["local", "remote"],
                         help="local — версія цього ПК, remote — версія іншого ПК")
    resolve.set_defaults(func=cmd_exchange_resolve)
    name = actions.add_parser("pc-name", help="назва цього ПК для партнерів")
    name.add_argument("name", metavar="NAME")
    name.add_argument("--new-id", action="store_true",
                      help="нова ідентичність ПК (якщо базу скопійовано з іншого ПК)")
    name.set_defaults(func=cmd_exchange_pc_name)

    publish = sub.add_parser("publish", help="пакет відкритих даних для сайту ради (--out ПАПКА)")
    publish.add_argument("--out", required=True, type=Path, metavar="DIR")
    publish.set_defaults(func=cmd_publish)


def _password(var: str | None) -> str | None:
    if not var:
        return None
    value = os.environ.get(var)
    if value is None:
        raise ValidationError(f"Змінну середовища {var} з паролем не задано.", f"The variable {var} is not set.")
    return value


def _progress(done: int, total: int, text: str) -> None:
    if sys.stderr is not None and sys.stderr.isatty():
        print(f"\r{text[:60]:60} {done}/{total}", end="", file=sys.stderr, flush=True)


def _end_progress() -> None:
    if sys.stderr is not None and sys.stderr.isatty():
        print(file=sys.stderr)


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.domain.formats import format_int
    from app.services.safety import backup

    db = ctx.db(create=False)
    password = _password(args.password_env)
    actor = ctx.actor()
    if args.out is None:
        if password:
            raise ValidationError("Зашифровану копію записують у вибрану папку: додайте --out ПАПКА.")
        path = backup.backup_now(db, actor)
        print(f"Резервну копію збережено: {path}")
        return 0
    result = backup.create_backup(db, actor, args.out, password=password, progress=_progress)
    _end_progress()
    note = " (зашифровано паролем)" if result.encrypted else ""
    print(f"Резервну копію записано{note}: {result.path} — {format_int(result.size)} байт, "
          f"{format_int(result.records)} записів")
    return 0


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.core import council
    from app.services.safety import backup

    password = _password(args.password_env)
    db = ctx.db()
    if args.check:
        info = backup.inspect_backup(args.file, password=password, db_path=db.path)
        print("\n".join(info.summary_lines()))
        return 0 if info.ok else 2
    if council.needs_setup(db):
        result = backup.restore_into_empty(db, args.file, password=password, progress=_progress)
    else:
        result = backup.restore_backup(db, ctx.actor(), args.file, password=password,
                                       allow_other_council=args.other_council, progress=_progress)
    _end_progress()
    print("\n".join(result.info.summary_lines()))
    if result.safety_copy:
        print(f"Попередню базу збережено: {result.safety_copy}")
    print("Базу відновлено.")
    return 0


def cmd_exchange_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import exchange

    password = _password(args.password_env)
    result = exchange.export_bundle(ctx.db(create=False), ctx.actor(), args.to, args.out, full=args.all,
                                    password=password, progress=_progress)
    _end_progress()
    scope = "усі записи" if result.full else "зміни"
    print(f"Пакет №{result.seq} для «{args.to}» ({scope}): {sum(result.counts.values())} записів, "
          f"{sum(result.deletions.values())} вилучень → {result.path}")
    return 0


def cmd_exchange_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import exchange

    password = _password(args.password_env)
    result = exchange.import_bundle(ctx.db(create=False), ctx.actor(), args.file, password=password,
                                    progress=_progress)
    _end_progress()
    print("\n".join(result.summary_lines()))
    return 0


def cmd_exchange_status(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.domain.formats import format_datetime, utc_to_local
    from app.services import exchange

    db = ctx.db(create=False)
    identity = exchange.ensure_identity(db)
    print(f"Цей ПК: «{identity.pc_name}» ({identity.pc_uuid})")
    partners = exchange.list_partners(db)
    if not partners:
        print("Обмінів ще не було.")
    for p in partners:
        sent = f"пакет №{p.last_export_seq} {format_datetime(utc_to_local(p.last_export_at))}" \
            if p.last_export_at else "—"
        got = f"пакет №{p.last_import_seq} {format_datetime(utc_to_local(p.last_import_at))}" \
            if p.last_import_at else "—"
        print(f"«{p.name}»: надіслано {sent} (підтверджено №{p.acked_seq}); отримано {got}; "
              f"відкритих конфліктів: {p.open_conflicts}")
    return 0


def cmd_exchange_conflicts(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import exchange

    conflicts = exchange.list_conflicts(ctx.db(create=False))
    if not conflicts:
        print("Відкритих конфліктів немає.")
        return 0
    for c in conflicts:
        print(f"#{c.id} {c.table_label} {c.title} ({c.record_uuid}) — з «{c.partner_name}»")
        if c.deleted_here:
            print("    на цьому ПК запис вилучено")
        if c.deleted_there:
            print("    на іншому ПК запис вилучено")
        for f in c.fields:
            if f.differs:
                print(f"    {f.name}: тут «{f.here}» | там «{f.there}»")
    return 0


def cmd_exchange_resolve(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import exchange

    db = ctx.db(create=False)
    conflict = exchange.get_conflict(db, args.conflict_id)
    exchange.resolve_conflict(db, ctx.actor(), conflict.id, args.keep, conflict.version,
                              expected_local_version=conflict.local_version)
    which = "версію цього ПК" if args.keep == "local" else "версію іншого ПК"
    print(f"Конфлікт #{conflict.id} вирішено: залишено {which}.")
    return 0


def cmd_exchange_pc_name(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import exchange

    identity = exchange.set_pc_name(ctx.db(create=False), ctx.actor(), args.name, new_identity=args.new_id)
    print(f"Цей ПК: «{identity.pc_name}» ({identity.pc_uuid})")
    return 0


def cmd_publish(args: argparse.Namespace, ctx: CliContext) -> int:
    from app import publish

    result = publish.publish(ctx.db(create=False), ctx.actor(), args.out, progress=_progress)
    _end_progress()
    print(f"Пакет відкритих даних: {result.folder} — звітів PDF: {result.reports}, наборів даних: {result.datasets}, "
          f"усього файлів: {len(result.files)}; перевірено на персональні дані: {result.scanned} файлів.")
    for note in result.skipped:
        print(f"  не включено: {note}")
    return 0

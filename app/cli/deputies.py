"""Council commands: Popolo and roll-call exports, roll-call import, deputies and sessions lists.

    hromada --db PATH export popolo --out council.json
    hromada --db PATH export rollcalls --out votes.xlsx [--session ID | --year 2025]
    hromada --db PATH import rollcall votes.csv --item ID [--title "в цілому"] [--name-column N] [--option-column N]
    hromada --db PATH deputies list [--search TEXT] [--active]
    hromada --db PATH deputies attendance --year 2025
    hromada --db PATH sessions list [--year 2025]

``export`` and ``import`` are shared with other areas through :mod:`app.cli.formats`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import CliContext
from app.cli.formats import format_parser


def register(sub: argparse._SubParsersAction) -> None:
    popolo = format_parser(sub, "export", "popolo", help="депутати, фракції, комісії, сесії й поіменні "
                                                          "голосування у форматі Popolo JSON")
    popolo.add_argument("--out", type=Path, required=True, help="файл .json")
    popolo.set_defaults(func=cmd_export_popolo)

    export_rc = format_parser(sub, "export", "rollcalls", help="поіменні голосування у CSV або XLSX")
    export_rc.add_argument("--out", type=Path, required=True, help="файл .csv або .xlsx")
    scope = export_rc.add_mutually_exclusive_group()
    scope.add_argument("--session", type=int, help="номер запису сесії (див. sessions list)")
    scope.add_argument("--year", type=int, help="усі сесії року")
    export_rc.set_defaults(func=cmd_export_rollcalls)

    import_rc = format_parser(sub, "import", "rollcall", help="поіменне голосування з CSV/XLSX системи "
                                                              "електронного голосування (усі рядки або жодного)")
    import_rc.add_argument("file", type=Path)
    import_rc.add_argument("--item", type=int, required=True, help="номер запису питання порядку денного")
    import_rc.add_argument("--title", default="в цілому", help="назва голосування (за основу, в цілому…)")
    import_rc.add_argument("--name-column", help="стовпець з іменем депутата: номер (з 1) або заголовок")
    import_rc.add_argument("--option-column", help="стовпець з голосом: номер (з 1) або заголовок")
    import_rc.add_argument("--dry-run", action="store_true", help="лише перевірити файл, нічого не зберігати")
    import_rc.set_defaults(func=cmd_import_rollcall)

    dep = sub.add_parser("deputies", help="депутати: list, attendance")
    dep_sub = dep.add_subparsers(dest="deputies_action", metavar="ДІЯ", required=True)
    dep_list = dep_sub.add_parser("list", help="список депутатів")
    dep_list.add_argument("--search", default="", help="частина прізвища чи імені (будь-який регістр)")
    dep_list.add_argument("--active", action="store_true", help="лише з чинними повноваженнями")
    dep_list.set_defaults(func=cmd_deputies_list)
    dep_att = dep_sub.add_parser("attendance", help="відвідуваність сесій за рік")
    dep_att.add_argument("--year", type=int, required=True)
    dep_att.set_defaults(func=cmd_deputies_attendance)

    ses = sub.add_parser("sessions", help="сесії ради: list")
    ses_sub = ses.add_subparsers(dest="sessions_action", metavar="ДІЯ", required=True)
    ses_list = ses_sub.add_parser("list", help="список сесій з питаннями і голосуваннями")
    ses_list.add_argument("--year", type=int)
    ses_list.add_argument("--items", action="store_true", help="показати питання порядку денного")
    ses_list.set_defaults(func=cmd_sessions_list)


def _check_out(out: Path, suffixes: tuple[str, ...]) -> None:
    from app.errors import ValidationError

    if out.suffix.lower() not in suffixes:
        raise ValidationError(f"Файл має бути {' або '.join(suffixes)}: «{out.name}».")
    if not out.parent.exists():
        raise ValidationError(f"Папки «{out.parent}» не існує.")


def cmd_export_popolo(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.interchange import popolo

    _check_out(args.out, (".json",))
    counts = popolo.write_popolo(ctx.db(create=False), args.out)
    print(f"Popolo JSON: {args.out}")
    labels = {"persons": "осіб", "organizations": "організацій", "memberships": "членств", "areas": "округів",
              "posts": "посад", "events": "сесій", "motions": "питань", "vote_events": "голосувань"}
    print(", ".join(f"{labels[k]}: {v}" for k, v in counts.items()))
    return 0


def cmd_export_rollcalls(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.errors import NotFoundError
    from app.interchange import rollcall_import
    from app.services.deputies import sessions

    _check_out(args.out, (".csv", ".xlsx"))
    db = ctx.db(create=False)
    if args.session is not None:
        sessions.get_session(db, args.session)
        ids = [args.session]
    else:
        ids = [s.id for s in sessions.list_sessions(db, year=args.year)]
    if not ids:
        raise NotFoundError("Немає сесій для вивантаження." + (f" (рік {args.year})" if args.year else ""))
    count = rollcall_import.export_roll_calls(db, ids, args.out)
    print(f"Поіменні голосування ({len(ids)} сесій, {count} голосів): {args.out}")
    return 0


def _column(table, value: str | None, what: str) -> int | None:  # noqa: ANN001 - rollcall_import.Table
    from app.errors import ValidationError

    if value is None:
        return None
    if value.isdigit():
        index = int(value) - 1
        if 0 <= index < len(table.header):
            return index
        raise ValidationError(f"Стовпця {value} ({what}) у файлі немає: їх {len(table.header)}.")
    for index, header in enumerate(table.header):
        if header.strip().casefold() == value.strip().casefold():
            return index
    raise ValidationError(f"Стовпця «{value}» ({what}) у файлі немає. Є: {', '.join(table.header)}.")


def cmd_import_rollcall(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.errors import ImportRejectedError, ValidationError
    from app.interchange import rollcall_import

    db = ctx.db(create=False)
    actor = ctx.actor()
    table = rollcall_import.read_table(args.file)
    guess = rollcall_import.guess_mapping(table)
    name = _column(table, args.name_column, "ім’я")
    option = _column(table, args.option_column, "голос")
    if name is None:
        name = guess.name if guess else None
    if option is None:
        option = guess.option if guess else None
    if name is None or option is None:
        raise ValidationError("Не вдалося визначити стовпці: вкажіть --name-column і --option-column.")
    mapping = rollcall_import.Mapping(name=name, option=option)
    print(f"Стовпці: депутат — «{table.header[name]}», голос — «{table.header[option]}»; рядків: {len(table.rows)}")
    plan = rollcall_import.plan_import(db, args.item, table, mapping)
    if plan.problems:
        raise ImportRejectedError(f"Файл «{args.file.name}» не імпортовано: жодного голосу не збережено. "
                                  f"Проблем: {len(plan.problems)}.", plan.problems)
    if plan.filled_absent:
        print("Відсутні на сесії (додано як «відсутній»): " + ", ".join(plan.filled_absent))
    if args.dry_run:
        print(f"Перевірка пройшла: {len(plan.options)} голосів, нічого не збережено (--dry-run).")
        return 0
    row = rollcall_import.import_roll_call(db, actor, args.item, args.file, mapping, args.title)
    print(f"Голосування «{row.title}» збережено: {row.result_label} — {row.counts_label} "
          f"(потрібно {row.required} з {row.composition}).")
    return 0


def cmd_deputies_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.domain.formats import format_date
    from app.services import deputies

    rows = deputies.list_deputies(ctx.db(create=False), deputies.DeputyFilter(
        query=args.search, status="active" if args.active else None))
    for r in rows:
        end = f" — до {format_date(r.mandate_end)}" if r.mandate_end else ""
        print(f"{r.id:5}  {r.full_name:40} {r.faction or 'позафракційний':24} {r.district}{end}")
    print(f"Усього: {len(rows)}")
    return 0


def cmd_deputies_attendance(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.domain.formats import format_percent
    from app.services import deputies

    table = deputies.attendance_table(ctx.db(create=False), args.year)
    print(f"Сесій у {args.year} році: {len(table.sessions)}")
    for line in table.lines:
        a = line.attendance
        if a is None:
            continue
        flag = "  ← пропущено понад половину сесій" if line.flagged else ""
        print(f"{line.name:28} {a.present:3} з {a.sessions:3}  {format_percent(a.percent):>8}{flag}")
    return 0


def cmd_sessions_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.deputies import sessions

    db = ctx.db(create=False)
    rows = sessions.list_sessions(db, year=args.year)
    for s in rows:
        print(f"{s.id:5}  {s.title:40} питань: {s.items:3}  голосувань: {s.roll_calls:3}  присутні: {s.present}")
        if args.items:
            for item in sessions.agenda(db, s.id):
                print(f"         {item.id:6}  {item.number:3}. {item.title[:70]} — {item.result_label}")
    print(f"Усього: {len(rows)}")
    return 0

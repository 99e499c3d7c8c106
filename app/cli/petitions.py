"""Subcommands for citizen proposals: ``petition``, ``appeal``, ``calendar`` and ``import signatures``.

    hromada --db PATH import signatures --petition 7 pidpysy.csv
    hromada petition list --state collecting
    hromada petition sign 7 --name "Петренко Марія" --channel paper
    hromada appeal list --overdue
    hromada appeal answer 15/2026 --result explained --text "…" --by "Сільський голова"
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from app.cli.context import CliContext
from app.cli.formats import format_parser
from app.domain.appeals import AppealChannel, AppealKind, AppealResult
from app.domain.formats import FormatError, format_date, parse_date
from app.domain.petitions import PetitionOutcome, PetitionState, SignatureChannel
from app.errors import ImportRejectedError, ValidationError


def _date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except FormatError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _joined(*parts: str) -> str:
    return ", ".join(part for part in parts if part and part != "—") or "—"


def _text_arg(args: argparse.Namespace, name: str) -> str:
    """``--text`` or ``--text-file`` (UTF-8), whichever was given."""
    text = getattr(args, name, None)
    path = getattr(args, f"{name}_file", None)
    if path is not None:
        try:
            return Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ValidationError(f"Не вдається прочитати «{path}»: {exc.strerror}.") from exc
    return text or ""


def register(sub: argparse._SubParsersAction) -> None:
    # ------------------------------------------------------------------ import signatures
    sig = format_parser(sub, "import", "signatures", help="підписи під петицією з CSV/XLSX: усі рядки або жодного")
    sig.add_argument("file", type=Path, help="файл CSV або XLSX із підписами")
    sig.add_argument("--petition", type=int, required=True, metavar="N", help="номер петиції")
    sig.add_argument("--date", type=_date, help="дата підпису для рядків без дати (ДД.ММ.РРРР)")
    sig.add_argument("--channel", choices=[c.value for c in SignatureChannel], default="imported",
                     help="спосіб підписання для рядків без нього (типово imported)")
    sig.add_argument("--check", action="store_true", help="лише перевірити файл, нічого не записувати")
    sig.set_defaults(func=cmd_import_signatures)

    # ------------------------------------------------------------------ petitions
    pet = sub.add_parser("petition", help="електронні петиції: list, show, add, publish, sign, answer, to-appeal")
    psub = pet.add_subparsers(dest="petition_command", metavar="ACTION", required=True)

    p = psub.add_parser("list", help="реєстр петицій зі станом")
    p.add_argument("--state", choices=[s.value for s in PetitionState], help="лише петиції в цьому стані")
    p.add_argument("--search", default="", help="пошук за номером, назвою, автором")
    p.set_defaults(func=cmd_petition_list)

    p = psub.add_parser("show", help="картка петиції")
    p.add_argument("number", type=int)
    p.add_argument("--signatures", action="store_true", help="показати й підписи")
    p.set_defaults(func=cmd_petition_show)

    p = psub.add_parser("add", help="зареєструвати подану петицію (чернетка)")
    p.add_argument("--title", required=True)
    p.add_argument("--text", help="текст петиції")
    p.add_argument("--text-file", type=Path, help="файл із текстом петиції (UTF-8)")
    p.add_argument("--author", required=True, help="прізвище та ім’я автора (оприлюднюється)")
    p.add_argument("--author-address", default="")
    p.add_argument("--author-phone", default="")
    p.add_argument("--author-email", default="")
    p.add_argument("--submitted", type=_date, help="дата подання (типово сьогодні)")
    p.add_argument("--responsible", default="", help="відповідальна посадова особа")
    p.add_argument("--url", default="", help="посилання на петицію на онлайн-платформі")
    p.set_defaults(func=cmd_petition_add)

    p = psub.add_parser("publish", help="оприлюднити петицію: починається збір підписів")
    p.add_argument("number", type=int)
    p.add_argument("--date", type=_date, help="дата оприлюднення (типово сьогодні)")
    p.set_defaults(func=cmd_petition_publish)

    p = psub.add_parser("sign", help="записати один підпис")
    p.add_argument("number", type=int)
    p.add_argument("--name", required=True, help="прізвище, ім’я, по батькові")
    p.add_argument("--address", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--date", type=_date, help="дата підпису (типово сьогодні)")
    p.add_argument("--channel", choices=["paper", "online"], default="paper")
    p.set_defaults(func=cmd_petition_sign)

    p = psub.add_parser("answer", help="відповідь ради на петицію, що набрала підписи")
    p.add_argument("number", type=int)
    p.add_argument("--outcome", choices=["supported", "not-supported"], required=True)
    p.add_argument("--text", help="текст відповіді")
    p.add_argument("--text-file", type=Path, help="файл із текстом відповіді (UTF-8)")
    p.add_argument("--by", required=True, help="хто підписав відповідь")
    p.add_argument("--date", type=_date, help="дата відповіді (типово сьогодні)")
    p.set_defaults(func=cmd_petition_answer)

    p = psub.add_parser("link", help="пов’язати петицію з рішенням ради (або прибрати зв’язок)")
    p.add_argument("number", type=int)
    p.add_argument("--decision", help="номер рішення ради, напр. 12-3/VIII")
    p.add_argument("--item", type=int, help="id питання порядку денного (якщо рішення ще немає)")
    p.add_argument("--clear", action="store_true", help="прибрати зв’язок")
    p.set_defaults(func=cmd_petition_link)

    p = psub.add_parser("to-appeal", help="передати петицію, що не набрала підписів, як звернення")
    p.add_argument("number", type=int)
    p.set_defaults(func=cmd_petition_to_appeal)

    # ------------------------------------------------------------------ appeals
    app_parser = sub.add_parser("appeal", help="звернення громадян: list, show, add, extend, answer, stats")
    asub = app_parser.add_subparsers(dest="appeal_command", metavar="ACTION", required=True)

    a = asub.add_parser("list", help="реєстр звернень зі строками")
    state = a.add_mutually_exclusive_group()
    for flag, value, text in (("--open", "open", "лише на розгляді"), ("--overdue", "overdue", "лише прострочені"),
                              ("--due-soon", "due_soon", "лише ті, чий строк спливає"),
                              ("--answered", "answered", "лише розглянуті"),
                              ("--repeated", "repeated", "лише повторні")):
        state.add_argument(flag, dest="state", action="store_const", const=value, help=text)
    a.add_argument("--assignee", help="виконавець")
    a.add_argument("--kind", choices=[k.value for k in AppealKind])
    a.add_argument("--topic", help="тема")
    a.add_argument("--search", default="")
    a.add_argument("--year", type=int, help="рік надходження")
    a.set_defaults(func=cmd_appeal_list)

    a = asub.add_parser("show", help="картка звернення")
    a.add_argument("reg_number", help="реєстраційний номер, напр. 15/2026")
    a.add_argument("--year", type=int, help="рік реєстрації, якщо номери повторюються з року в рік")
    a.set_defaults(func=cmd_appeal_show)

    a = asub.add_parser("add", help="зареєструвати звернення")
    a.add_argument("--received", type=_date, help="дата надходження (типово сьогодні)")
    a.add_argument("--channel", choices=[c.value for c in AppealChannel if c is not AppealChannel.PETITION],
                   required=True)
    a.add_argument("--kind", choices=[k.value for k in AppealKind], required=True)
    a.add_argument("--applicant", required=True, help="прізвище та ім’я заявника")
    a.add_argument("--address", default="")
    a.add_argument("--phone", default="")
    a.add_argument("--email", default="")
    a.add_argument("--topic", required=True)
    a.add_argument("--summary", required=True, help="короткий зміст")
    a.add_argument("--assignee", default="")
    a.add_argument("--no-study", action="store_true", help="не потребує додаткового вивчення (15 днів)")
    a.set_defaults(func=cmd_appeal_add)

    a = asub.add_parser("extend", help="продовжити строк розгляду (до 45 днів загалом)")
    a.add_argument("reg_number")
    a.add_argument("--year", type=int)
    a.add_argument("--days", type=int, default=45, help="новий загальний строк, днів (типово 45)")
    a.add_argument("--reason", required=True, help="причина (повідомляється заявнику)")
    a.set_defaults(func=cmd_appeal_extend)

    a = asub.add_parser("answer", help="записати відповідь на звернення")
    a.add_argument("reg_number")
    a.add_argument("--year", type=int)
    a.add_argument("--result", choices=[r.value for r in AppealResult], required=True)
    a.add_argument("--text", required=True, help="короткий зміст відповіді")
    a.add_argument("--by", required=True, help="хто підписав відповідь")
    a.add_argument("--date", type=_date, help="дата відповіді (типово сьогодні)")
    a.set_defaults(func=cmd_appeal_answer)

    a = asub.add_parser("stats", help="статистика звернень за період (і PDF)")
    a.add_argument("--from", dest="date_from", type=_date)
    a.add_argument("--to", dest="date_to", type=_date)
    a.add_argument("--year", type=int, help="календарний рік замість --from/--to")
    a.add_argument("--out", type=Path, help="записати публічний звіт PDF")
    a.set_defaults(func=cmd_appeal_stats)

    # ------------------------------------------------------------------ calendar
    c = sub.add_parser("calendar", help="календар робочих днів: свята, воєнний стан")
    c.add_argument("--year", type=int, help="рік (типово поточний)")
    c.set_defaults(func=cmd_calendar)


# --------------------------------------------------------------------------- import


def cmd_import_signatures(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.interchange import signatures_import
    from app.services import petitions

    db = ctx.db(create=False)
    petition_id = petitions.petition_id_by_number(db, args.petition)
    if args.check:
        preview = signatures_import.preview(db, petition_id, args.file, default_date=args.date,
                                            default_channel=args.channel)
        print(f"Файл «{preview.file_name}»: {len(preview.rows)} рядків, можна прийняти {preview.accepted}.")
        for text in preview.problem_texts():
            print(text)
        return 0 if preview.ok else 2
    actor = ctx.actor()
    try:
        count = signatures_import.import_file(db, actor, petition_id, args.file, default_date=args.date,
                                              default_channel=args.channel)
    except ImportRejectedError as exc:
        print(f"Помилка: {exc.message}", file=sys.stderr)
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    detail = petitions.get_petition(db, petition_id)
    print(f"Імпортовано {petitions.signatures_text(count)} під петицією №{args.petition}. "
          f"Усього: {detail.signature_count} з {detail.threshold}; стан: {detail.status.label_uk}.")
    return 0


# --------------------------------------------------------------------------- petitions


def _petition_line(row: object) -> str:
    from app.services.petitions import PetitionRow

    assert isinstance(row, PetitionRow)
    st = row.status
    count = f"{row.signature_count}/{row.threshold}" if row.threshold else "—"
    due = ""
    if st.deadline is not None and st.deadline.value != "done" and st.due_on:
        due = f" · строк {format_date(st.due_on)} ({st.deadline.label_uk.lower()})"
    return f"№{row.number:<4} {count:>9}  {st.label_uk}{due}  — {row.title}"


def cmd_petition_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import petitions

    states = [PetitionState(args.state)] if args.state else None
    rows = petitions.list_petitions(ctx.db(create=False), search=args.search, states=states)
    for row in rows:
        print(_petition_line(row))
    print(f"Петицій: {len(rows)}")
    return 0


def cmd_petition_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import petitions

    db = ctx.db(create=False)
    d = petitions.get_petition(db, petitions.petition_id_by_number(db, args.number), actor=ctx.actor())
    st = d.status
    lines = [
        f"Петиція №{d.number}: {d.title}",
        f"Стан: {st.label_uk}" + (f" (строк {format_date(st.due_on)}, {st.deadline.label_uk.lower()})"
                                   if st.deadline and st.deadline.value != "done" and st.due_on else ""),
        f"Автор: {d.author_name}; контакти: {_joined(d.author_phone, d.author_email, d.author_address)}",
        f"Подано: {format_date(d.submitted_on)}; оприлюднено: {format_date(d.published_on) or '—'}",
    ]
    if d.window is not None:
        lines.append(f"Збір: {d.window.describe_uk()}, до {format_date(st.window_ends_on)}; "
                     f"підписів {d.signature_count} з {d.threshold}")
    if d.answered_on and d.outcome:
        lines.append(f"Відповідь {format_date(d.answered_on)} ({d.outcome.label_uk}), підписав {d.answered_by}:")
        lines.append(d.answer_text)
    if d.appeal_number:
        lines.append(f"Передано як звернення № {d.appeal_number}")
    lines += [f"Рішення: {link}" for link in d.links]
    lines += ["", d.text]
    print("\n".join(lines))
    if args.signatures:
        for s in petitions.list_signatures(db, d.id, actor=ctx.actor()):
            channel = SignatureChannel.title_of(s.channel)
            print(f"{s.number:>6}. {format_date(s.signed_on)}  {s.signer_name} ({channel})")
    return 0


def cmd_petition_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import petitions

    db = ctx.db(create=False)
    pid = petitions.create_petition(db, ctx.actor(), petitions.PetitionInput(
        title=args.title, text=_text_arg(args, "text"), author_name=args.author,
        submitted_on=args.submitted or dt.date.today(), author_address=args.author_address,
        author_phone=args.author_phone, author_email=args.author_email, responsible=args.responsible,
        online_url=args.url,
    ))
    d = petitions.get_petition(db, pid)
    print(f"Зареєстровано петицію №{d.number}; оприлюднити до {format_date(d.status.due_on)}.")
    return 0


def cmd_petition_publish(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import petitions

    db = ctx.db(create=False)
    pid = petitions.petition_id_by_number(db, args.number)
    d = petitions.get_petition(db, pid)
    petitions.publish_petition(db, ctx.actor(), pid, args.date or dt.date.today(), d.version)
    d = petitions.get_petition(db, pid)
    print(f"Петицію №{d.number} оприлюднено: {d.threshold} підписів за {d.window.describe_uk() if d.window else ''}, "
          f"збір до {format_date(d.status.window_ends_on)}.")
    return 0


def cmd_petition_sign(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import petitions

    db = ctx.db(create=False)
    pid = petitions.petition_id_by_number(db, args.number)
    row = petitions.add_signature(db, ctx.actor(), pid, petitions.SignatureInput(
        args.name, args.date or dt.date.today(), args.address, args.phone, args.channel))
    d = petitions.get_petition(db, pid)
    print(f"Підпис «{row.signer_name}» записано: {d.signature_count} з {d.threshold}; {d.status.label_uk}.")
    return 0


def cmd_petition_answer(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import petitions

    db = ctx.db(create=False)
    pid = petitions.petition_id_by_number(db, args.number)
    d = petitions.get_petition(db, pid)
    outcome = PetitionOutcome.SUPPORTED if args.outcome == "supported" else PetitionOutcome.NOT_SUPPORTED
    petitions.answer_petition(db, ctx.actor(), pid, outcome=outcome, answered_on=args.date or dt.date.today(),
                              answer_text=_text_arg(args, "text"), answered_by=args.by, expected_version=d.version)
    print(f"Відповідь на петицію №{args.number} записано: {outcome.label_uk}.")
    return 0


def cmd_petition_link(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import petitions
    from app.services.petitions import links as petition_links

    db = ctx.db(create=False)
    pid = petitions.petition_id_by_number(db, args.number)
    if not args.clear and args.decision is None and args.item is None:
        raise ValidationError("Вкажіть --decision НОМЕР, --item ID або --clear.")
    decision_id = petition_links.decision_id_by_number(db, args.decision) if args.decision else None
    petition_links.set_link(db, ctx.actor(), pid, agenda_item_id=None if args.clear else args.item,
                            decision_id=None if args.clear else decision_id)
    link = petition_links.get_link(db, pid)
    described = "; ".join(x for x in (link.decision, link.agenda_item) if x)
    print(f"Петиція №{args.number}: " + (described or "зв’язок прибрано") + ".")
    return 0


def cmd_petition_to_appeal(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import appeals, petitions

    db = ctx.db(create=False)
    appeal_id = petitions.register_as_appeal(db, ctx.actor(), petitions.petition_id_by_number(db, args.number))
    a = appeals.get_appeal(db, appeal_id)
    print(f"Петицію №{args.number} зареєстровано як звернення № {a.reg_number}; відповісти до {format_date(a.due_on)}.")
    return 0


# --------------------------------------------------------------------------- appeals


def _appeal_id(ctx: CliContext, args: argparse.Namespace) -> int:
    from app.services import appeals

    return appeals.appeal_id_by_number(ctx.db(create=False), args.reg_number, args.year)


def cmd_appeal_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import appeals

    flt = appeals.AppealFilter(
        search=args.search, assignee=args.assignee, kind=args.kind, topic=args.topic, state=args.state,
        date_from=dt.date(args.year, 1, 1) if args.year else None,
        date_to=dt.date(args.year, 12, 31) if args.year else None,
    )
    rows = appeals.list_appeals(ctx.db(create=False), flt=flt, actor=ctx.actor())
    for r in rows:
        mark = {"overdue": "!", "due_soon": "~", "done": " ", "ok": " "}[r.deadline.value]
        answer = f"відповідь {format_date(r.answered_on)}" if r.answered_on else f"строк {format_date(r.due_on)}"
        repeat = f" [повторне до {r.repeat_of_number}]" if r.is_repeat else ""
        print(f"{mark} {r.reg_number:<10} {format_date(r.received_on)}  {answer:<22} {r.topic} — "
              f"{r.applicant_name}{repeat} ({r.assignee or 'без виконавця'})")
    print(f"Звернень: {len(rows)}")
    return 0


def cmd_appeal_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import appeals

    db = ctx.db(create=False)
    a = appeals.get_appeal(db, _appeal_id(ctx, args), actor=ctx.actor())
    lines = [
        f"Звернення № {a.reg_number} від {format_date(a.received_on)} ({AppealKind.title_of(a.kind)}, "
        f"{AppealChannel.title_of(a.channel)})",
        f"Заявник: {a.applicant_name}; {_joined(a.applicant_phone, a.applicant_email, a.applicant_address)}",
        f"Тема: {a.topic}; виконавець: {a.assignee or '—'}",
        f"Строк: {a.term_days} днів, до {format_date(a.due_on)} — {a.deadline.label_uk}",
    ]
    if a.extension_reason:
        lines.append(f"Продовжено {format_date(a.extended_on)}: {a.extension_reason}")
    if a.is_repeat:
        lines.append(f"Повторне: попереднє звернення № {a.repeat_of_number}")
    if a.petition_number:
        lines.append(f"З петиції №{a.petition_number}")
    if a.answered_on:
        lines.append(f"Відповідь {format_date(a.answered_on)}: {AppealResult.title_of(a.result or '')}; "
                     f"підписав {a.answered_by}")
        lines.append(a.answer_text)
    lines += ["", a.summary]
    print("\n".join(lines))
    return 0


def cmd_appeal_add(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import appeals

    db = ctx.db(create=False)
    appeal_id = appeals.register_appeal(db, ctx.actor(), appeals.AppealInput(
        received_on=args.received or dt.date.today(), channel=args.channel, kind=args.kind,
        applicant_name=args.applicant, summary=args.summary, topic=args.topic, applicant_address=args.address,
        applicant_phone=args.phone, applicant_email=args.email, assignee=args.assignee, needs_study=not args.no_study,
    ))
    a = appeals.get_appeal(db, appeal_id)
    repeat = f" Повторне: попереднє № {a.repeat_of_number}." if a.is_repeat else ""
    print(f"Зареєстровано звернення № {a.reg_number}; відповісти до {format_date(a.due_on)}.{repeat}")
    return 0


def cmd_appeal_extend(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import appeals

    db = ctx.db(create=False)
    appeal_id = _appeal_id(ctx, args)
    a = appeals.get_appeal(db, appeal_id)
    appeals.extend_appeal(db, ctx.actor(), appeal_id, new_total_days=args.days, reason=args.reason,
                          expected_version=a.version)
    a = appeals.get_appeal(db, appeal_id)
    print(f"Строк звернення № {a.reg_number} продовжено до {a.term_days} днів: до {format_date(a.due_on)}.")
    return 0


def cmd_appeal_answer(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services import appeals

    db = ctx.db(create=False)
    appeal_id = _appeal_id(ctx, args)
    a = appeals.get_appeal(db, appeal_id)
    answered_on = args.date or dt.date.today()
    appeals.answer_appeal(db, ctx.actor(), appeal_id, answered_on=answered_on, result=args.result,
                          answer_text=args.text, answered_by=args.by, expected_version=a.version)
    late = "" if answered_on <= a.due_on else f" Увага: строк минув {format_date(a.due_on)}."
    print(f"Відповідь на звернення № {a.reg_number} записано ({AppealResult.title_of(args.result)}).{late}")
    return 0


def cmd_appeal_stats(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.domain.formats import format_percent
    from app.services import appeals

    today = dt.date.today()
    if args.year:
        date_from, date_to = dt.date(args.year, 1, 1), dt.date(args.year, 12, 31)
    else:
        date_from = args.date_from or dt.date(today.year, 1, 1)
        date_to = args.date_to or today
    db = ctx.db(create=False)
    st = appeals.statistics(db, date_from, date_to)
    print(f"Звернення з {format_date(date_from)} по {format_date(date_to)}: {st.total}")
    print(f"Розглянуто: {st.answered}, з них вчасно {st.answered_on_time} ({format_percent(st.share_on_time)})")
    print(f"На розгляді: у строк {st.open_in_time}, прострочено {st.open_overdue}; продовжено {st.extended}; "
          f"повторних {st.repeated}")
    for title, pairs in (("За видами", st.by_kind), ("За темами", st.by_topic), ("За способом", st.by_channel),
                         ("За результатами", st.by_result)):
        print(f"{title}: " + "; ".join(f"{label} — {n}" for label, n in pairs))
    if args.out:
        from app.reports import appeals_statistics

        appeals_statistics.render_period(db, date_from, date_to, args.out)
        print(f"Звіт: {args.out}")
    return 0


# --------------------------------------------------------------------------- calendar


def cmd_calendar(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.core import holidays

    year = args.year or dt.date.today().year
    cal = holidays.calendar_settings(ctx.db(create=False))
    if cal.martial_law:
        print("Діє воєнний стан: святкові дні є робочими, перелік свят до строків не застосовується.")
    source = "типовий перелік (ст. 73 КЗпП)" if cal.is_statutory(year) else "перелік, змінений радою"
    print(f"Святкові дні {year} року — {source}:")
    for line in holidays.days_off(cal, year):
        moved = f" → вихідний переноситься на {format_date(line.day_off)}" if line.day_off else ""
        print(f"  {format_date(line.holiday.date)}  {line.holiday.name}{moved}")
    extras = [d for d in cal.extra_working_days if d.year == year]
    if extras:
        print("Робочі дні у вихідні: " + ", ".join(format_date(d) for d in extras))
    return 0

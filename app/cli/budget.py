"""Participatory budget on the command line.

* ``hromada --db PATH import pabulib FILE.pb`` — a new cycle from any Pabulib file;
* ``hromada --db PATH import online-votes --cycle N FILE`` — online votes (.csv or .pb) merged with paper ballots;
* ``hromada --db PATH export pabulib --cycle N --out FILE.pb [--category ID]`` — a cycle as ``.pb`` file(s);
* ``hromada pb outcome FILE.pb [--rule RULE] [--json]`` — the winners of a file, no database needed;
* ``hromada --db PATH budget list`` / ``budget results --cycle N [--json]`` — cycles and their results.

``import`` and ``export`` are shared by several areas, each adding its format as a sub-command
(``export pabulib``, ``export popolo``...) through :func:`app.cli.formats.format_parser`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli.context import CliContext
from app.cli.formats import format_parser


def register(sub: argparse._SubParsersAction) -> None:
    pb_import = format_parser(sub, "import", "pabulib", help="створити цикл громадського бюджету з файлу Pabulib (.pb)")
    pb_import.add_argument("file", type=Path, metavar="FILE.pb")
    pb_import.add_argument("--title", help="назва циклу (типово — з опису у файлі)")
    pb_import.set_defaults(func=cmd_import_pabulib)

    online = format_parser(sub, "import", "online-votes",
                           help="онлайн-голоси громадського бюджету (.csv або .pb), без повторів з паперовими")
    online.add_argument("file", type=Path, metavar="FILE")
    online.add_argument("--cycle", type=int, required=True, help="номер циклу громадського бюджету")
    online.set_defaults(func=cmd_import_online)

    pb_export = format_parser(sub, "export", "pabulib", help="цикл громадського бюджету у файл(и) Pabulib (.pb)")
    pb_export.add_argument("--cycle", type=int, required=True, help="номер циклу")
    pb_export.add_argument("--out", type=Path, required=True, metavar="FILE.pb",
                           help="куди записати (для кількох категорій — кілька файлів поруч)")
    pb_export.add_argument("--category", type=int, help="лише ця категорія")
    pb_export.set_defaults(func=cmd_export_pabulib)

    pb = sub.add_parser("pb", help="файли Pabulib без бази: outcome")
    pb_actions = pb.add_subparsers(dest="pb_action", metavar="ACTION", required=True)
    outcome = pb_actions.add_parser("outcome", help="переможці за правилом файлу (або --rule) і пояснення")
    outcome.add_argument("file", type=Path, metavar="FILE.pb")
    outcome.add_argument("--rule", help="правило замість зазначеного у файлі: greedy, greedy-no-skip, "
                                        "greedy-threshold, equalshares, equalshares/add1, …-comparison")
    outcome.add_argument("--json", action="store_true", help="вивести JSON (обрані проєкти, витрачено, правило…)")
    outcome.set_defaults(func=cmd_pb_outcome)

    budget_cmd = sub.add_parser("budget", help="громадський бюджет: list, results")
    actions = budget_cmd.add_subparsers(dest="budget_action", metavar="ACTION", required=True)
    actions.add_parser("list", help="цикли громадського бюджету").set_defaults(func=cmd_budget_list)
    results = actions.add_parser("results", help="результати циклу за категоріями з поясненнями")
    results.add_argument("--cycle", type=int, required=True)
    results.add_argument("--json", action="store_true")
    results.set_defaults(func=cmd_budget_results)


def _check_file(path: Path) -> None:
    from app.errors import ValidationError

    if not path.is_file():
        raise ValidationError(f"Файл «{path}» не знайдено.", f"File «{path}» not found.")


def cmd_import_pabulib(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.interchange import pb_cycles

    _check_file(args.file)
    result = pb_cycles.import_pabulib(ctx.db(), ctx.actor(), args.file, title=args.title)
    cycle = result.cycle
    cat = cycle.categories[0]
    print(f"Створено цикл №{cycle.id}: {cycle.label}")
    print(f"  проєктів: {cycle.project_count}; бюлетенів: {result.ballots}; бюджет: {cycle.money(cycle.total_budget)}; "
          f"правило: {cat.rule}")
    if not cat.rule_implemented:
        print(f"  Увага: {cat.rule_title}. Щоб визначити переможців, оберіть для категорії реалізоване правило.")
    for warning in result.warnings[:20]:
        print(f"  {warning}")
    return 0


def cmd_import_online(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.interchange import online_votes

    _check_file(args.file)
    summary = online_votes.import_online_votes(ctx.db(create=False), ctx.actor(), args.cycle, args.file)
    print(summary.message())
    for line in summary.duplicates[:50]:
        print(f"  {line}")
    if len(summary.duplicates) > 50:
        print(f"  … і ще {len(summary.duplicates) - 50}")
    return 0


def cmd_export_pabulib(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.errors import ValidationError
    from app.interchange import pb_cycles

    out: Path = args.out
    if not out.parent.exists():
        raise ValidationError(f"Папки «{out.parent}» не існує.")
    for path in pb_cycles.export_pabulib(ctx.db(create=False), args.cycle, out, category_id=args.category):
        print(f"Записано: {path}")
    return 0


def cmd_pb_outcome(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.domain import pb
    from app.errors import ValidationError
    from app.interchange import pabulib
    from app.interchange.pb_cycles import read_election

    _check_file(args.file)
    election = read_election(args.file)
    tie_break = [t.strip() for t in election.meta.get(pb.TIE_BREAK_KEY, "").split(",") if t.strip()] or \
        list(pb.DEFAULT_TIE_BREAK)
    try:
        outcome = pb.compute_outcome(election, args.rule, tie_break=tie_break)
    except pb.PabulibError as exc:
        raise ValidationError(f"Файл «{args.file.name}»: {exc}") from None
    except pb.PbRuleError as exc:
        raise ValidationError(str(exc)) from None
    if args.json:
        print(pabulib.outcome_to_json(outcome, election))
    else:
        sys.stdout.write(pabulib.outcome_to_text(outcome, election))
    return 0


def cmd_budget_list(args: argparse.Namespace, ctx: CliContext) -> int:
    from datetime import date

    from app.services import budget

    cycles = budget.list_cycles(ctx.db(create=False))
    if not cycles:
        print("Циклів громадського бюджету ще немає.")
    for c in cycles:
        print(f"{c.id:>4}  {c.label}  ·  {c.phase_title(date.today())}  ·  бюджет {c.money(c.total_budget)}  ·  "
              f"проєктів {c.project_count}, бюлетенів {c.ballot_count}")
    return 0


def cmd_budget_results(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.budget import results as budget_results

    results = budget_results.cycle_results(ctx.db(create=False), args.cycle)
    if args.json:
        print(json.dumps(budget_results.results_dict(results), ensure_ascii=False, indent=2))
        return 0
    state = "затверджено" if results.approved else "попередні (не затверджено)"
    print(f"{results.year} — {results.title}: результати {state}; бюлетенів {results.ballots}")
    print(f"Нічия: {results.tie_break_text}")
    for cat in results.categories:
        print()
        print(f"{cat.name}: {cat.rule} — {cat.rule_title}")
        print(f"  бюджет {results.money(cat.budget)}; використано {results.money(cat.cost_used)}; "
              f"виборців {cat.voters}")
        if cat.error:
            print(f"  {cat.error}")
        for note in cat.notes:
            print(f"  {note}")
        for p in cat.projects:
            mark = "✔" if p.selected else " "
            print(f"  {mark} №{p.number:<4} {p.votes:>6} гол.  {results.money(p.cost):>18}  {p.title}")
            print(f"           {p.explanation}")
    return 0

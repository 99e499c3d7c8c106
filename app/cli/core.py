"""Foundation subcommands: demo, report, audit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.context import CliContext


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help="створити демонстраційні дані в порожній базі (без вікна)")
    demo.set_defaults(func=cmd_demo)

    report = sub.add_parser("report", help="звіти PDF: list або KIND --out FILE.pdf")
    report.add_argument("kind", help="ідентифікатор звіту або list")
    report.add_argument("--id", type=int, dest="record_id", help="номер запису, якщо звіт його потребує")
    report.add_argument("--out", type=Path, help="куди записати PDF")
    report.set_defaults(func=cmd_report)

    audit = sub.add_parser("audit", help="журнал змін: verify")
    audit.add_argument("action", choices=["verify"])
    audit.set_defaults(func=cmd_audit)


def cmd_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.demo import create as demo_create

    db = ctx.db()
    demo_create.create_demo(db)
    print(f"Демонстраційну базу створено: {db.describe()}")
    return 0


def cmd_report(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.errors import ValidationError
    from app.reports import registry

    if args.kind == "list":
        for kind in registry.all_reports():
            scope = "публічний" if kind.public else "службовий"
            needs = f" (--id: {kind.id_hint_uk})" if kind.needs_id else ""
            print(f"{kind.id:24} {scope:10} {kind.title_uk}{needs}")
        return 0
    if args.out is None:
        raise ValidationError("Вкажіть, куди записати звіт: --out ФАЙЛ.pdf")
    out: Path = args.out
    if out.parent and not out.parent.exists():
        raise ValidationError(f"Папки «{out.parent}» не існує.")
    db = ctx.db(create=False)
    kind = registry.render_report(db, args.kind, args.record_id, out, actor=ctx.actor())
    print(f"{kind.title_uk}: {out}")
    return 0


def cmd_audit(args: argparse.Namespace, ctx: CliContext) -> int:
    from app.services.core import audit

    result = audit.verify_chain(ctx.db(create=False))
    if result.ok:
        print(result.message())
        return 0
    print(result.message(), file=sys.stderr)
    return 2

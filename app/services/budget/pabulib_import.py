"""A Pabulib election becomes a participatory budget cycle: the database half of ``hromada import pabulib``.

Any election — approval, choose-1, cumulative, ordinal or scoring — becomes a new cycle with one
category (a ``.pb`` file holds one budget), its projects and every ballot, in one transaction with
Core bulk inserts: the 61,668 ballots of Warsaw 2026 take about two seconds. The file is read by
:mod:`app.interchange.pb_cycles`, which hands the parsed :class:`app.domain.pb.PbElection` here.

Amounts are stored in kopiykas (100 minor units per currency unit): whole-zloty files are scaled
by 100, files with grosze are taken as they are; files with finer amounts are refused.
"""

from __future__ import annotations

import hmac
import json
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction

from app.db.engine import Database
from app.db.models.budget import BudgetCategory, BudgetCycle, BudgetProject, CostItem
from app.domain import pb
from app.domain.ballots import MAX_AGE
from app.domain.budget import Channel, ProjectStatus
from app.domain.names import search_key
from app.errors import ValidationError
from app.services.budget.ballots import voter_key
from app.services.budget.bulk import NewBallot, insert_ballots
from app.services.budget.categories import CategoryData, validate_category
from app.services.budget.cycles import CycleData, get_cycle, validate_cycle
from app.services.budget.elections import MONEY_SCALE
from app.services.budget.views import CycleView
from app.services.core import audit
from app.services.core.auth import Actor, Permission, require
from app.services.core.progress import ProgressCallback, report

# META keys the cycle's own fields regenerate on export; every other key is kept and written back.
_REGENERATED_META = frozenset({
    "description", "instance", "subunit", "num_projects", "num_votes", "budget", "vote_type", "rule", "currency",
    "min_length", "max_length", "max_sum_points", "min_project_score_threshold", "date_begin", "date_end",
})
# PROJECTS columns mapped onto project fields; the others are kept in extra_json.
_MAPPED_PROJECT_COLUMNS = frozenset({"project_id", "cost", "votes", "score", "name", "selected", "description",
                                     "district"})
NO_CURRENCY = "XXX"  # ISO 4217 "no currency": a file that does not name one


class PabulibImportError(ValidationError):
    """A ``.pb`` file that cannot become a cycle; the message starts with the line number when there is one."""


@dataclass(frozen=True)
class ImportedCycle:
    cycle: CycleView
    ballots: int
    warnings: tuple[str, ...]


def _meta_int(meta: dict[str, str], key: str) -> int | None:
    raw = meta.get(key, "").strip()
    return int(raw) if raw.isdigit() else None


def _meta_date(meta: dict[str, str], key: str) -> date | None:
    raw = meta.get(key, "").strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def _year(meta: dict[str, str], begin: date | None, end: date | None) -> int:
    match = re.search(r"(20\d\d|2100)", meta.get("instance", ""))
    if match:
        return int(match[1])
    for value in (begin, end):
        if value is not None and 2000 <= value.year <= 2100:
            return value.year
    return date.today().year


def _title(meta: dict[str, str], path_name: str) -> str:
    for candidate in (meta.get("description", ""),
                      " ".join(x for x in (meta.get("unit", ""), meta.get("subunit", ""),
                                           meta.get("instance", "")) if x)):
        text = " ".join(candidate.split())
        if text:
            return text[:300]
    return path_name[:300]


def _numbers(election: pb.PbElection) -> dict[str, int]:
    """Ballot numbers of projects: the ids themselves when they are all small whole numbers, else 1, 2, 3..."""
    ids = list(election.projects)
    if all(pid.isdigit() and 1 <= int(pid) <= 99_999 for pid in ids) and len({int(p) for p in ids}) == len(ids):
        return {pid: int(pid) for pid in ids}
    return {pid: n for n, pid in enumerate(ids, start=1)}


def _line_of_budget(election: pb.PbElection) -> int | None:
    return election.meta_lines.get("budget")


def import_election(db: Database, actor: Actor, election: pb.PbElection, *, source: str,
                    title: str | None = None, progress: ProgressCallback | None = None) -> ImportedCycle:
    """Create a cycle from a parsed election: one category with its budget and rule, projects, ballots.

    ``source`` (the file's name) is kept on the cycle and in the audit trail. Voter ids become keyed
    hashes (never stored as they are), so a re-import is recognised but no id leaves the database.
    """
    require(actor, Permission.EDIT_RECORDS)
    meta = election.meta
    if MONEY_SCALE % election.money_scale:
        raise PabulibImportError(f"Рядок {_line_of_budget(election)}: суми мають більше двох знаків після коми; "
                                 "програма зберігає гроші з точністю до копійки.")
    factor = MONEY_SCALE // election.money_scale
    begin, end = _meta_date(meta, "date_begin"), _meta_date(meta, "date_end")
    if begin and end and end < begin:
        begin = end = None
    currency = meta.get("currency", "").strip().upper()
    if len(currency) != 3 or not currency.isalpha():
        currency = NO_CURRENCY
    vote_type = election.vote_type
    max_length = _meta_int(meta, "max_length")
    threshold = election.threshold
    tie_break = tuple(t for t in meta.get(pb.TIE_BREAK_KEY, "").split(",") if t.strip()) or \
        tuple(t.value for t in pb.DEFAULT_TIE_BREAK)
    try:
        data = validate_cycle(CycleData(
            title=title or _title(meta, source), year=_year(meta, begin, end), total_budget=election.budget * factor,
            description=meta.get("comment", "")[:5000], currency=currency, voting_start=begin, voting_end=end,
            vote_type=vote_type, min_choices=_meta_int(meta, "min_length") or 0,
            max_choices=1 if vote_type == "choose-1" else max_length,
            max_points=_meta_int(meta, "max_sum_points") if vote_type in pb.POINTS_TYPES else None,
            min_age=0, tie_break=tie_break))
    except ValidationError as exc:
        raise PabulibImportError(f"Файл «{source}» не можна імпортувати: {exc.message}") from None
    rule = pb.normalize_rule(election.rule)
    category_name = " ".join((meta.get("subunit") or meta.get("district") or "Усі проєкти").split())[:200]
    category = validate_category(CategoryData(
        name=category_name, budget=election.budget * factor, rule=rule,
        threshold=None if threshold is None else math.ceil(threshold)), vote_type, keep_rule=rule) \
        if rule != pb.GREEDY_THRESHOLD or threshold is not None else None
    if category is None:
        raise PabulibImportError(f"Рядок {election.meta_lines.get('rule')}: правило greedy-threshold потребує ключа "
                                 "min_project_score_threshold у META.")
    for pid in election.projects:
        if len(pid) > 100:
            raise PabulibImportError(f"Рядок {election.projects[pid].line}: ідентифікатор проєкту довший за 100 "
                                     "знаків.")
    numbers = _numbers(election)
    kept_meta = {k: v for k, v in meta.items() if k not in _REGENERATED_META and k != pb.TIE_BREAK_KEY}
    report(progress, 1, 4, "Проєкти")
    key = voter_key(db)
    extra_names = election.extra_vote_columns
    age_col = extra_names.index("age") if "age" in extra_names else -1
    method_col = extra_names.index("voting_method") if "voting_method" in extra_names else -1
    district_col = next((extra_names.index(c) for c in ("district", "neighborhood") if c in extra_names), -1)
    with db.write() as s:
        cycle = BudgetCycle(
            title=data.title, year=data.year, description=data.description, currency=data.currency,
            total_budget=data.total_budget, voting_start=data.voting_start, voting_end=data.voting_end,
            vote_type=data.vote_type, min_choices=data.min_choices, max_choices=data.max_choices,
            max_points=data.max_points, min_age=data.min_age, tie_break=",".join(data.tie_break),
            source=f"Pabulib: {source}"[:300], meta_json=json.dumps(kept_meta, ensure_ascii=False),
        )
        s.add(cycle)
        s.flush()
        audit.record_object(s, actor, audit.Action.IMPORT, cycle, summary=f"Імпорт Pabulib: {source}",
                            exclude=("meta_json",))
        cat = BudgetCategory(cycle_id=cycle.id, name=category.name, position=1, budget=category.budget, min_cost=0,
                             max_cost=None, max_choices=None, rule=category.rule, threshold=category.threshold)
        s.add(cat)
        s.flush()
        audit.record_object(s, actor, audit.Action.IMPORT, cat, summary=f"Категорія «{cat.name}»")
        project_ids: dict[str, int] = {}
        for pid, p in election.projects.items():
            fields = p.fields
            name = " ".join(fields.get("name", "").split())[:500] or f"Проєкт {pid}"
            extra = {k: v for k, v in fields.items() if k not in _MAPPED_PROJECT_COLUMNS and v != ""}
            number = numbers[pid]
            district = " ".join(fields.get("district", "").split())[:200]
            project = BudgetProject(
                cycle_id=cycle.id, category_id=cat.id, number=number, code=pid, title=name,
                description=fields.get("description", "").strip(), district=district, cost=p.cost * factor,
                status=ProjectStatus.ELIGIBLE.value, extra_json=json.dumps(extra, ensure_ascii=False),
                search_key=search_key(f"{number} {name} {district}")[:800],
            )
            s.add(project)
            s.flush()
            s.add(CostItem(project_id=project.id, position=0, description="Вартість за даними файлу Pabulib",
                           amount=p.cost * factor))
            project_ids[pid] = project.id
        report(progress, 2, 4, "Бюлетені")
        new: list[NewBallot] = []
        append = new.append
        digest = hmac.digest
        make = NewBallot
        paper, online, unknown = Channel.PAPER.value, Channel.ONLINE.value, Channel.UNKNOWN.value
        default_channel = online if method_col >= 0 else unknown
        max_age = MAX_AGE
        for vote in election.votes:
            extra_values = vote.extra
            age: int | None = None
            if age_col >= 0:
                raw_age = extra_values[age_col].strip()
                if raw_age.isdigit() and int(raw_age) <= max_age:
                    age = int(raw_age)
            channel = default_channel
            if method_col >= 0:
                method = extra_values[method_col].strip().lower()
                channel = paper if method == "paper" else online if method else unknown
            points = vote.points
            choices: tuple[tuple[int, int | None], ...]
            if points is not None:
                for value in points:
                    if isinstance(value, Fraction) and value.denominator != 1:
                        raise PabulibImportError(f"Рядок {vote.line}: дробові бали ({value}) програма не зберігає.")
                choices = tuple((project_ids[pid], int(pts)) for pid, pts in zip(vote.projects, points, strict=True))
            else:
                choices = tuple((project_ids[pid], None) for pid in vote.projects)
            voter_hash = digest(key, b"pabulib\x00" + vote.voter_id.encode("utf-8"), "sha256").hex()
            append(make(voter_hash, choices, age, extra_values[district_col].strip()[:200] if district_col >= 0 else "",
                        channel, None, None))
        count = insert_ballots(s, actor, cycle.id, new, source=f"Pabulib: {source}"[:300], progress=progress)
        audit.record(s, actor, audit.Action.IMPORT, "pb_ballot", entity_id=cycle.id,
                     changes={"cycle_id": [None, cycle.id], "projects": [None, len(project_ids)],
                              "ballots": [None, count], "rule": [None, rule]},
                     summary=f"Імпорт Pabulib «{source}»: {len(project_ids)} проєктів, {count} бюлетенів")
        report(progress, 4, 4, "Готово")
        cycle_id = cycle.id
    return ImportedCycle(get_cycle(db, cycle_id), count, tuple(election.warnings))

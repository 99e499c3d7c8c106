"""Pabulib ``.pb`` files: read, write, and show the outcome a file's rule gives.

The format (https://pabulib.org/format) is three ``;``-separated CSV tables in one UTF-8 file, each
introduced by a title line — ``META`` (``key;value``), ``PROJECTS`` (``project_id;cost;...``) and
``VOTES`` (``voter_id;vote;...``) — and each with its own header line.  A vote lists project ids
separated by commas; cumulative and scoring ballots add a ``points`` column in the same order.

Everything malformed is refused with :class:`PabulibError`, whose Ukrainian message starts with the line
number (``Рядок 57: ...``) so that a clerk can open the file and find the fault.  Money becomes an
integer in the smallest unit the file uses (``money_scale`` units per currency unit: 1 for whole zloty,
100 when a budget has grosze), because outcomes must be exact.

A file becomes a :class:`app.domain.pb.election.PbElection` (the election model, plain data); its
outcome is :func:`app.domain.pb.election.compute_outcome`.  The CLI command ``hromada pb outcome``
prints :func:`outcome_to_text` or :func:`outcome_to_json`.
"""

from __future__ import annotations

import csv
import io
import json
import os
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from app.domain.pb.election import (
    APPROVAL_TYPES,
    POINTS_TYPES,
    VOTE_TYPES,
    PabulibError,
    PbElection,
    PbProject,
    PbVote,
    parse_decimal,
    parse_number,
)
from app.domain.pb.model import Number, Outcome, ProjectStatus, format_amount
from app.domain.pb.rules import rule_title

SECTIONS: tuple[str, ...] = ("META", "PROJECTS", "VOTES")
MAX_DECIMALS = 6
"""More digits after the decimal point than this in a cost is refused: no real currency needs them."""


# --- reading ------------------------------------------------------------------------------------------------


def parse_pb(source: str | bytes | os.PathLike[str]) -> PbElection:
    """Parse a ``.pb`` file given as a path, as its bytes, or as its text.

    A ``str`` is taken as the file's text if it contains a line break, otherwise as a path.
    """
    if isinstance(source, bytes):
        return parse_pb_bytes(source)
    if isinstance(source, str) and ("\n" in source or "\r" in source or not source.strip()):
        return parse_pb_text(source)
    return read_pb(source)


def read_pb(path: str | os.PathLike[str]) -> PbElection:
    """Read and parse a ``.pb`` file from disk."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PabulibError(f"Не вдалося прочитати файл {os.fspath(path)}: {exc.strerror or exc}") from exc
    return parse_pb_bytes(data)


def parse_pb_bytes(data: bytes) -> PbElection:
    """Parse the bytes of a ``.pb`` file, which must be UTF-8 (a byte-order mark is allowed)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise PabulibError(
            f"файл не в кодуванні UTF-8 (неприпустимий байт 0x{data[exc.start]:02x}); збережіть його як UTF-8",
            line,
        ) from None
    return parse_pb_text(text)


def _decimals(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


class _Reader:
    """Row-by-row state machine over the CSV records of one file, tracking physical line numbers."""

    def __init__(self, text: str) -> None:
        self.reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
        self.last_line = 0
        self.pending: tuple[int, list[str]] | None = None

    def next(self) -> tuple[int, list[str]] | None:
        """The next non-empty record and its first line, or None at the end."""
        if self.pending is not None:
            item, self.pending = self.pending, None
            return item
        while True:
            start = self.last_line + 1
            try:
                row = next(self.reader)
            except StopIteration:
                return None
            except csv.Error as exc:
                raise PabulibError(f"порушено лапки CSV ({exc})", start) from None
            self.last_line = self.reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            return start, row

    def push_back(self, item: tuple[int, list[str]]) -> None:
        """Return a record read one too far (the next section's title) to be read again."""
        self.pending = item


def _section_title(row: list[str]) -> str | None:
    title = row[0].strip().upper()
    if title in SECTIONS and all(not cell.strip() for cell in row[1:]):
        return title
    return None


def _header(reader: _Reader, title: str, title_line: int) -> tuple[int, list[str]]:
    item = reader.next()
    if item is None or _section_title(item[1]) is not None:
        raise PabulibError(f"після «{title}» має бути рядок заголовків стовпців", item[0] if item else title_line)
    line, row = item
    header = [cell.strip() for cell in row]
    if any(not name for name in header):
        raise PabulibError(f"порожня назва стовпця в заголовку розділу {title}", line)
    dup = next((name for i, name in enumerate(header) if name in header[:i]), None)
    if dup is not None:
        raise PabulibError(f"стовпець «{dup}» повторюється в заголовку розділу {title}", line)
    return line, header


def _expect_section(reader: _Reader, title: str) -> int:
    item = reader.next()
    if item is None:
        raise PabulibError(f"файл закінчився, а розділу {title} немає", max(reader.last_line, 1))
    line, row = item
    found = _section_title(row)
    if found != title:
        what = f"розділ {found}" if found else f"«{';'.join(row)[:40]}»"
        raise PabulibError(f"очікувався розділ {title}, а знайдено {what}", line)
    return line


def _column_count(row: list[str], header: list[str], line: int) -> None:
    if len(row) != len(header):
        raise PabulibError(f"очікувалось {len(header)} стовпців (як у заголовку), а в рядку {len(row)}", line)


def parse_pb_text(text: str) -> PbElection:
    """Parse the text of a ``.pb`` file."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise PabulibError("файл порожній", 1)
    reader = _Reader(text)

    # META
    title_line = _expect_section(reader, "META")
    line, header = _header(reader, "META", title_line)
    if [h.lower() for h in header] != ["key", "value"]:
        raise PabulibError("заголовок розділу META має бути «key;value»", line)
    meta: dict[str, str] = {}
    meta_lines: dict[str, int] = {}
    meta_end = line
    while (item := reader.next()) is not None and _section_title(item[1]) is None:
        line, row = item
        _column_count(row, header, line)
        key = row[0].strip()
        if not key:
            raise PabulibError("порожній ключ у розділі META", line)
        if key in meta:
            raise PabulibError(f"ключ «{key}» уже був у рядку {meta_lines[key]}", line)
        meta[key] = row[1].strip()
        meta_lines[key] = meta_end = line
    if item is not None:
        reader.push_back(item)
    for key in ("budget", "vote_type"):
        if key not in meta:
            raise PabulibError(f"у розділі META немає обов'язкового ключа «{key}»", meta_end)
    vote_type = meta["vote_type"].strip().lower()
    if vote_type not in VOTE_TYPES:
        raise PabulibError(
            f"невідомий тип голосування «{meta['vote_type']}» (можливі: {', '.join(VOTE_TYPES)})",
            meta_lines["vote_type"],
        )
    budget_dec = parse_decimal(meta["budget"])
    if budget_dec is None:
        raise PabulibError(f"бюджет «{meta['budget']}» не є числом", meta_lines["budget"])
    if budget_dec < 0:
        raise PabulibError(f"від'ємний бюджет {meta['budget']}", meta_lines["budget"])

    # PROJECTS
    title_line = _expect_section(reader, "PROJECTS")
    line, project_columns = _header(reader, "PROJECTS", title_line)
    for required in ("project_id", "cost"):
        if required not in project_columns:
            raise PabulibError(f"у заголовку PROJECTS немає стовпця «{required}»", line)
    id_col = project_columns.index("project_id")
    cost_col = project_columns.index("cost")
    raw_projects: list[tuple[str, Decimal, dict[str, str], int]] = []
    project_lines: dict[str, int] = {}
    while (item := reader.next()) is not None and _section_title(item[1]) is None:
        line, row = item
        _column_count(row, project_columns, line)
        pid = row[id_col].strip()
        if not pid:
            raise PabulibError("порожній project_id", line)
        if "," in pid:
            raise PabulibError(f"project_id «{pid}» містить кому, а коми розділяють проєкти в голосах", line)
        if pid in project_lines:
            raise PabulibError(f"проєкт «{pid}» уже був у рядку {project_lines[pid]}", line)
        cost_dec = parse_decimal(row[cost_col])
        if cost_dec is None:
            raise PabulibError(f"вартість проєкту «{pid}» — «{row[cost_col].strip()}» — не є числом", line)
        if cost_dec < 0:
            raise PabulibError(f"від'ємна вартість проєкту «{pid}»: {row[cost_col].strip()}", line)
        project_lines[pid] = line
        raw_projects.append((pid, cost_dec, dict(zip(project_columns, row, strict=True)), line))
    if item is not None:
        reader.push_back(item)

    decimals = max([_decimals(budget_dec), *(_decimals(c) for _, c, _, _ in raw_projects)])
    if decimals > MAX_DECIMALS:
        raise PabulibError(f"забагато знаків після коми в сумах (понад {MAX_DECIMALS})", meta_lines["budget"])
    scale = 10**decimals
    projects = {pid: PbProject(pid, int(cost * scale), fields, ln) for pid, cost, fields, ln in raw_projects}

    # VOTES
    title_line = _expect_section(reader, "VOTES")
    line, vote_columns = _header(reader, "VOTES", title_line)
    for required in ("voter_id", "vote"):
        if required not in vote_columns:
            raise PabulibError(f"у заголовку VOTES немає стовпця «{required}»", line)
    with_points = vote_type in POINTS_TYPES
    if with_points and "points" not in vote_columns:
        raise PabulibError(f"для типу голосування {vote_type} потрібен стовпець «points»", line)
    election = PbElection(
        meta=meta,
        projects=projects,
        votes=[],
        budget=int(budget_dec * scale),
        money_scale=scale,
        project_columns=project_columns,
        vote_columns=vote_columns,
        meta_lines=meta_lines,
    )
    _read_votes(reader, election, with_points)

    item = reader.next()
    if item is not None:
        raise PabulibError("після розділу VOTES не може бути іншого розділу", item[0])
    _check_counts(election)
    return election


def _read_votes(reader: _Reader, election: PbElection, with_points: bool) -> None:
    columns = election.vote_columns
    n_columns = len(columns)
    voter_col = columns.index("voter_id")
    vote_col = columns.index("vote")
    points_col = columns.index("points") if with_points else -1
    extra_cols = [i for i, c in enumerate(columns) if i not in (voter_col, vote_col, points_col)]
    projects = election.projects
    vote_type = election.vote_type
    dedupe = vote_type in APPROVAL_TYPES
    seen_voters: dict[str, int] = {}
    votes = election.votes
    append = votes.append
    while (item := reader.next()) is not None:
        line, row = item
        if _section_title(row) is not None:
            reader.push_back(item)
            return
        if len(row) != n_columns:
            _column_count(row, columns, line)
        voter_id = row[voter_col].strip()
        if not voter_id:
            raise PabulibError("порожній voter_id", line)
        if voter_id in seen_voters:
            raise PabulibError(f"виборець «{voter_id}» уже голосував у рядку {seen_voters[voter_id]}", line)
        seen_voters[voter_id] = line
        raw_vote = row[vote_col]
        chosen = [pid.strip() for pid in raw_vote.split(",")] if raw_vote.strip() else []
        for pid in chosen:
            if pid not in projects:
                if not pid:
                    raise PabulibError("порожній ідентифікатор проєкту в голосі", line)
                raise PabulibError(f"голос за невідомий проєкт «{pid}»", line)
        points: tuple[Number, ...] | None = None
        if with_points:
            raw_points = row[points_col]
            parts = [p.strip() for p in raw_points.split(",")] if raw_points.strip() else []
            if len(parts) != len(chosen):
                raise PabulibError(f"у голосі проєктів: {len(chosen)}, а балів: {len(parts)}", line)
            values: list[Number] = []
            for part in parts:
                value = parse_number(part)
                if value is None:
                    raise PabulibError(f"бал «{part}» не є числом", line)
                if value < 0 and vote_type == "cumulative":
                    raise PabulibError(f"від'ємний бал {part} у кумулятивному голосуванні", line)
                values.append(value)
            points = tuple(values)
        if len(set(chosen)) != len(chosen):
            if not dedupe:
                raise PabulibError("той самий проєкт указано в голосі двічі", line)
            repeated = next(pid for i, pid in enumerate(chosen) if pid in chosen[:i])
            election.warnings.append(f"Рядок {line}: проєкт «{repeated}» указано в голосі двічі; враховано один раз.")
            chosen = list(dict.fromkeys(chosen))
        if vote_type == "choose-1" and len(chosen) > 1:
            raise PabulibError(f"тип голосування choose-1 дозволяє один проєкт, а вибрано {len(chosen)}", line)
        append(PbVote(voter_id, tuple(chosen), points, tuple(row[i] for i in extra_cols), line))


def _check_counts(election: PbElection) -> None:
    for key, actual, what in (
        ("num_projects", len(election.projects), "проєктів"),
        ("num_votes", len(election.votes), "голосів"),
    ):
        raw = election.meta.get(key, "").strip()
        if not raw:
            continue
        if not raw.isdigit():
            raise PabulibError(f"значення {key} «{raw}» не є цілим числом", election.meta_lines.get(key))
        if int(raw) != actual:
            raise PabulibError(
                f"{key} = {raw}, а у файлі {actual} {what}",
                election.meta_lines.get(key),
            )


# --- writing -----------------------------------------------------------------------------------------------


def _format_minor(amount: int, scale: int) -> str:
    """Smallest units back to the file's notation: ``174108119`` with scale 100 → ``1741081.19``."""
    if scale == 1:
        return str(amount)
    units, rest = divmod(amount, scale)
    if not rest:
        return str(units)
    digits = len(str(scale)) - 1
    return f"{units}.{rest:0{digits}d}".rstrip("0")


def _format_number(value: Number) -> str:
    if isinstance(value, int) or value.denominator == 1:
        return str(int(value))
    return format(Decimal(value.numerator) / Decimal(value.denominator), "f")


def dump_pb(election: PbElection) -> str:
    """The text of a ``.pb`` file; ``num_projects``, ``num_votes`` and ``budget`` are written as they are."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    meta = dict(election.meta)
    meta["num_projects"] = str(len(election.projects))
    meta["num_votes"] = str(len(election.votes))
    meta["budget"] = _format_minor(election.budget, election.money_scale)
    meta.setdefault("vote_type", election.vote_type)
    writer.writerow(["META"])
    writer.writerow(["key", "value"])
    writer.writerows(meta.items())

    writer.writerow(["PROJECTS"])
    columns = election.project_columns
    for required in ("cost", "project_id"):
        if required not in columns:
            columns = [required, *columns]
    writer.writerow(columns)
    for project in election.projects.values():
        values = dict(project.fields)
        values["project_id"] = project.id
        values["cost"] = _format_minor(project.cost, election.money_scale)
        writer.writerow([values.get(col, "") for col in columns])

    writer.writerow(["VOTES"])
    with_points = election.vote_type in POINTS_TYPES
    vote_columns = list(election.vote_columns)
    for required in ("vote", "voter_id"):
        if required not in vote_columns:
            vote_columns.insert(0, required)
    if with_points and "points" not in vote_columns:
        vote_columns.insert(vote_columns.index("vote") + 1, "points")
    extra_names = election.extra_vote_columns
    writer.writerow(vote_columns)
    for vote in election.votes:
        values = dict(zip(extra_names, vote.extra, strict=False))
        values["voter_id"] = vote.voter_id
        values["vote"] = ",".join(vote.projects)
        if with_points:
            values["points"] = ",".join(_format_number(p) for p in vote.points or ())
        writer.writerow([values.get(col, "") for col in vote_columns])
    return buffer.getvalue()


def write_pb(election: PbElection, path: str | os.PathLike[str]) -> None:
    """Write a ``.pb`` file (UTF-8, ``\\n`` line ends) that :func:`parse_pb` reads back to the same election."""
    Path(path).write_text(dump_pb(election), encoding="utf-8", newline="")


# --- outcomes ------------------------------------------------------------------------------------------------


def _money_json(amount: Number, scale: int) -> int | float:
    """Currency units as a JSON number: exact for whole and decimal amounts, shares rounded to 0.01."""
    value = Fraction(amount) / scale
    if value.denominator == 1:
        return int(value)
    if (value * 10**MAX_DECIMALS).denominator == 1:
        return float(Decimal(value.numerator) / Decimal(value.denominator))
    return round(float(value), 2)


def _number_json(value: Number) -> int | float:
    return int(value) if isinstance(value, int) or value.denominator == 1 else float(value)


def outcome_to_dict(outcome: Outcome, election: PbElection | None = None) -> dict[str, Any]:
    """The outcome as plain JSON-ready data; money in currency units."""
    scale = outcome.money_scale
    names = {pid: p.name for pid, p in election.projects.items()} if election else {}
    data: dict[str, Any] = {
        "rule": outcome.rule,
        "rule_title": rule_title(outcome.rule) or outcome.rule,
        "budget": _money_json(outcome.budget, scale),
        "cost_used": _money_json(outcome.cost_used, scale),
        "leftover": _money_json(outcome.leftover, scale),
        "currency": election.currency if election else "",
        "selected": list(outcome.selected),
        "tie_break": [t.value for t in outcome.tie_break],
        "tie_break_text": outcome.tie_break_text,
        "threshold": None if outcome.threshold is None else _number_json(outcome.threshold),
        "per_voter_budget": None if outcome.per_voter_budget is None else _money_json(outcome.per_voter_budget, scale),
        "notes": list(outcome.notes),
        "projects": [
            {
                "id": r.project_id,
                "name": names.get(r.project_id, ""),
                "cost": _money_json(r.cost, scale),
                "votes": r.votes,
                "score": _number_json(r.score),
                "status": r.status.value,
                "explanation": r.explanation,
                "position": r.position,
            }
            for r in outcome.projects
        ],
    }
    if election is not None:
        published = election.published_winners()
        if published is not None:
            data["matches_published"] = published == outcome.selected_set
    return data


def outcome_to_json(outcome: Outcome, election: PbElection | None = None, *, indent: int | None = 2) -> str:
    """JSON for ``hromada pb outcome --json``: selected ids, cost used, budget, rule, every project explained."""
    return json.dumps(outcome_to_dict(outcome, election), ensure_ascii=False, indent=indent)


def outcome_to_text(outcome: Outcome, election: PbElection | None = None) -> str:
    """A plain Ukrainian report of the outcome for the terminal."""
    scale = outcome.money_scale
    currency = f" {election.currency}" if election and election.currency else ""

    def money(amount: Number) -> str:
        return format_amount(amount, scale) + currency

    lines: list[str] = []
    if election is not None and election.meta.get("description"):
        lines.append(election.meta["description"])
    lines.append(f"Правило: {outcome.rule} — {rule_title(outcome.rule) or outcome.rule}")
    lines.append(
        f"Бюджет: {money(outcome.budget)}; використано: {money(outcome.cost_used)}; залишок: {money(outcome.leftover)}"
    )
    lines.append(f"Переможців: {len(outcome.selected)} з {len(outcome.projects)}")
    if outcome.threshold is not None:
        lines.append(f"Поріг: {outcome.threshold}")
    lines.append(f"Нічия: {outcome.tie_break_text}")
    lines.extend(f"Примітка: {note}" for note in outcome.notes)
    if election is not None:
        published = election.published_winners()
        if published is not None:
            same = published == outcome.selected_set
            lines.append("Збігається з оголошеними переможцями (selected=1): " + ("так" if same else "НІ"))
        lines.extend(election.warnings)
    names = {pid: p.name for pid, p in election.projects.items()} if election else {}
    for heading, group in (
        ("Переможці", [r for r in outcome.projects if r.status is ProjectStatus.SELECTED]),
        ("Не профінансовано", [r for r in outcome.projects if r.status is not ProjectStatus.SELECTED]),
    ):
        if not group:
            continue
        lines.append("")
        lines.append(f"{heading}:")
        for number, r in enumerate(group, start=1):
            title = f" — {names[r.project_id]}" if names.get(r.project_id) else ""
            status = "" if r.selected else f" [{r.status.label()}]"
            lines.append(f"{number:>4}. {r.project_id}{title}{status}")
            lines.append(f"      {r.explanation}")
    return "\n".join(lines) + "\n"

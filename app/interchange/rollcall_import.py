"""Roll calls from and to spreadsheets: import a roll call exported by an electronic voting system (CSV or
XLSX, with a column-mapping preview; all rows or none), and export roll calls to CSV or XLSX.

Import, step by step (the GUI wizard and ``hromada import rollcall`` do the same):

1. :func:`read_table` reads the first sheet / the CSV (UTF-8 with or without BOM, or Windows-1251 as old
   Excel writes it; delimiter guessed) into a header and rows.
2. :func:`guess_mapping` proposes which column holds the deputy's name and which the option.
3. :func:`plan_import` matches every row to a deputy with a mandate on the session's date (full name,
   "Прізвище І. Б.", "Ім’я Прізвище"; any case and apostrophe) and reads the option ("за", "проти",
   "утримався", "не голосував", "відсутній", or 1–5, +/-...). Deputies missing from the file who were
   registered absent at the session are filled in as absent. Every problem is listed.
4. :func:`import_roll_call` refuses the whole file if any problem remains (``ImportRejectedError``
   naming each row); otherwise saves it as one roll call through :func:`app.services.deputies.rollcalls.save_roll_call`,
   which computes the result and checks the roll call against the attendance register and mandates.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.db.engine import Database
from app.domain.deputies import OPTION_ORDER, parse_vote_option
from app.domain.names import search_key
from app.domain.votes import VoteOption
from app.errors import ImportRejectedError, ValidationError
from app.interchange.text_files import decode_text
from app.services import deputies
from app.services.core.auth import Actor
from app.services.deputies import rollcalls, sessions

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 2000

NAME_HEADERS = ("депутат", "піб", "п.і.б.", "прізвище", "прізвище, ім'я, по батькові", "прізвище ім'я по батькові",
                "deputy", "name", "full name", "member", "ім'я")
OPTION_HEADERS = ("голос", "результат", "рішення", "варіант", "голосування", "vote", "option", "result", "choice")


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    source: str


@dataclass(frozen=True)
class Mapping:
    name: int  # column index of the deputy's name
    option: int  # column index of the option


@dataclass
class ImportPlan:
    options: dict[int, VoteOption] = field(default_factory=dict)
    matched: list[tuple[int, str, str, VoteOption]] = field(default_factory=list)  # (row no, text, deputy, option)
    filled_absent: list[str] = field(default_factory=list)  # deputies absent at the session, not in the file
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.options)




def read_table(path: Path) -> Table:
    """Header and rows of a CSV or XLSX file (first sheet); empty rows dropped, cells as trimmed text."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ValidationError(f"Файл «{path}» не вдається відкрити: {exc.strerror}.", "Cannot open the file.") from exc
    if size > MAX_FILE_BYTES:
        raise ValidationError("Файл завеликий для поіменного голосування (понад 10 МБ).", "The file is too large.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _read_xlsx(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        rows = _read_csv(path.read_bytes())
    else:
        raise ValidationError(f"Непідтримуваний формат «{suffix}»: потрібен CSV або XLSX.", "Use CSV or XLSX.")
    rows = [r for r in rows if any(cell for cell in r)]
    if len(rows) < 2:
        raise ValidationError("У файлі немає рядків із голосами (потрібен рядок заголовків і рядки депутатів).",
                              "The file has no data rows.")
    if len(rows) > MAX_ROWS:
        raise ValidationError(f"Забагато рядків ({len(rows)}): це не схоже на одне поіменне голосування.",
                              "Too many rows for one roll call.")
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header = [h or f"Стовпець {i + 1}" for i, h in enumerate(rows[0])]
    return Table(header, rows[1:], path.name)


def _read_csv(data: bytes) -> list[list[str]]:
    text = decode_text(data)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]
    except csv.Error as exc:
        raise ValidationError(f"Файл CSV пошкоджено: {exc}.", "The CSV file is damaged.") from exc


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise ValidationError("Файл XLSX пошкоджено або це не таблиця Excel.", "The XLSX file is damaged.") from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append(["" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))
                         .strip() for v in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def guess_mapping(table: Table) -> Mapping | None:
    """The name and option columns: by header words, else by content (the column whose cells read as options)."""
    keys = [search_key(h).strip(" :") for h in table.header]
    name = next((i for i, k in enumerate(keys) if any(k.startswith(h) for h in NAME_HEADERS)), None)
    option = next((i for i, k in enumerate(keys) if i != name and any(k.startswith(h) for h in OPTION_HEADERS)),
                  None)
    if option is None:
        scores = [sum(1 for r in table.rows if parse_vote_option(r[i]) is not None) for i in range(len(table.header))]
        candidates = [i for i in range(len(table.header)) if i != name and scores[i] >= max(1, len(table.rows) // 2)]
        option = candidates[-1] if candidates else None
    if name is None:
        lengths = [sum(len(r[i]) for r in table.rows) if i != option else -1 for i in range(len(table.header))]
        name = max(range(len(lengths)), key=lengths.__getitem__) if lengths else None
    if name is None or option is None or name == option:
        return None
    return Mapping(name=name, option=option)


def _name_keys(row: deputies.DeputyRow) -> set[str]:
    sn, gn, pn = row.surname, row.given_name, row.patronymic
    initials = f"{gn[:1]}.{pn[:1]}." if pn else f"{gn[:1]}."
    variants = {
        f"{sn} {gn} {pn}", f"{sn} {gn}", f"{gn} {sn}", f"{gn} {pn} {sn}", f"{sn} {initials}",
        f"{sn} {gn[:1]}. {pn[:1]}." if pn else f"{sn} {gn[:1]}.", f"{gn[:1]}.{pn[:1]}. {sn}" if pn else "",
        f"{gn[:1]}. {pn[:1]}. {sn}" if pn else "",
    }
    return {search_key(v) for v in variants if v}


def plan_import(db: Database, agenda_item_id: int, table: Table, mapping: Mapping) -> ImportPlan:
    """Match the rows to deputies and options; every problem is listed, nothing is written."""
    if not (0 <= mapping.name < len(table.header) and 0 <= mapping.option < len(table.header)):
        raise ValidationError("Обраного стовпця немає у файлі.", "The chosen column is not in the file.")
    if mapping.name == mapping.option:
        raise ValidationError("Для імені депутата і для голосу обрано той самий стовпець.",
                              "The name and the option are in the same column.")
    grid = rollcalls.grid_data(db, agenda_item_id)
    active = {d.deputy_id for d in grid.deputies}
    all_rows = deputies.list_deputies(db)
    by_key: dict[str, list[deputies.DeputyRow]] = defaultdict(list)
    for row in all_rows:
        for key in _name_keys(row):
            by_key[key].append(row)
    plan = ImportPlan()
    seen: dict[int, int] = {}
    for number, cells in enumerate(table.rows, start=2):
        name_text, option_text = cells[mapping.name], cells[mapping.option]
        if not name_text and not option_text:
            continue
        candidates = by_key.get(search_key(name_text.replace(". ", ".").replace(".", ". ").replace("  ", " ")), []) \
            or by_key.get(search_key(name_text), [])
        candidates = [c for c in candidates if c.id in active] or candidates
        option = parse_vote_option(option_text)
        if not name_text:
            plan.problems.append(f"Рядок {number}: не вказано депутата.")
            continue
        if not candidates:
            plan.problems.append(f"Рядок {number}: «{name_text}» — такого депутата немає в реєстрі.")
            continue
        if len(candidates) > 1:
            plan.problems.append(f"Рядок {number}: «{name_text}» — кілька депутатів з таким ім’ям; "
                                 "вкажіть повне ім’я.")
            continue
        deputy = candidates[0]
        if deputy.id not in active:
            plan.problems.append(f"Рядок {number}: {deputy.full_name} не мав(-ла) повноважень на "
                                 f"{grid.vote_date.strftime('%d.%m.%Y')}.")
            continue
        if option is None:
            plan.problems.append(f"Рядок {number}: «{option_text}» — невідомий варіант голосу (очікується за, "
                                 "проти, утримався, не голосував, відсутній).")
            continue
        if deputy.id in seen:
            plan.problems.append(f"Рядок {number}: {deputy.full_name} уже є в рядку {seen[deputy.id]}.")
            continue
        seen[deputy.id] = number
        plan.options[deputy.id] = option
        plan.matched.append((number, name_text, deputy.full_name, option))
    for d in grid.deputies:
        if d.deputy_id not in plan.options:
            if not d.present:
                plan.options[d.deputy_id] = VoteOption.ABSENT
                plan.filled_absent.append(d.name)
            else:
                plan.problems.append(f"У файлі немає голосу депутата {d.name}, який зареєстрований присутнім.")
    return plan


def import_roll_call(db: Database, actor: Actor, agenda_item_id: int, path: Path, mapping: Mapping | None = None,
                     title: str = "в цілому") -> sessions.RollCallRow:
    """Import one roll call from a file: all rows or none."""
    table = read_table(path)
    mapping = mapping or guess_mapping(table)
    if mapping is None:
        raise ValidationError("Не вдалося визначити стовпці з іменем депутата і голосом: вкажіть їх явно.",
                              "Could not guess the name and option columns.")
    plan = plan_import(db, agenda_item_id, table, mapping)
    if plan.problems:
        raise ImportRejectedError(f"Файл «{path.name}» не імпортовано: жодного голосу не збережено. "
                                  f"Проблем: {len(plan.problems)}.", plan.problems,
                                  "The file was not imported; nothing was saved.")
    from app.services.safety import backup

    backup.before_import(db)  # a copy of the database aside before a bulk write
    return rollcalls.save_roll_call(db, actor, agenda_item_id, plan.options,
                                    rollcalls.RollCallData(title=title, source=f"імпорт з файлу {path.name}"))


# --------------------------------------------------------------------------- export

EXPORT_HEADER = ["Сесія", "Дата", "Питання №", "Питання", "Голосування", "Результат", "Депутат", "Фракція", "Голос"]
SUMMARY_HEADER = ["Сесія", "Дата", "Питання №", "Питання", "Голосування", "За", "Проти", "Утрималися",
                  "Не голосували", "Відсутні", "Потрібно", "Склад ради", "Результат"]


def export_rows(db: Database, session_ids: Sequence[int]) -> tuple[list[list[object]], list[list[object]]]:
    """(one row per deputy per roll call, one row per roll call) for the given sessions, in order."""
    by_session = {s.id: s for s in sessions.list_sessions(db)}
    agendas = sessions.agenda_for_sessions(db, list(session_ids))
    ordered = sorted(session_ids, key=lambda sid: (by_session[sid].date, by_session[sid].number))
    roll_ids = [rc.id for sid in ordered for item in agendas[sid] for rc in item.roll_calls]
    named = rollcalls.votes_for_roll_calls(db, roll_ids)
    detail: list[list[object]] = []
    summary: list[list[object]] = []
    for sid in ordered:
        s = by_session[sid]
        for item in agendas[sid]:
            for rc in item.roll_calls:
                summary.append([s.number, s.date, item.number, item.title, rc.title, rc.votes_for, rc.votes_against,
                                rc.abstained, rc.not_voting, rc.absent, rc.required, rc.composition,
                                rc.result_label])
                for vote in named.get(rc.id, []):
                    detail.append([s.number, s.date, item.number, item.title, rc.title, rc.result_label, vote.name,
                                   vote.faction, vote.option.label_uk])
    return detail, summary


def _atomic(out: Path, write) -> None:  # noqa: ANN001 - write(tmp_path)
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def export_roll_calls(db: Database, session_ids: Sequence[int], out: Path) -> int:
    """Write the roll calls of the sessions to CSV (UTF-8 with BOM, ``;``, as Excel opens it) or XLSX.

    Returns the number of individual votes written.
    """
    detail, summary = export_rows(db, session_ids)
    suffix = out.suffix.lower()
    if suffix == ".csv":
        def write_csv(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh, delimiter=";")
                writer.writerow(EXPORT_HEADER)
                for row in detail:
                    writer.writerow([v.strftime("%d.%m.%Y") if hasattr(v, "strftime") else v for v in row])
        _atomic(out, write_csv)
    elif suffix == ".xlsx":
        from openpyxl import Workbook
        from openpyxl.styles import Font

        def write_xlsx(tmp: Path) -> None:
            wb = Workbook(write_only=False)
            sheet = wb.active
            sheet.title = "Поіменні голосування"
            sheet.append(EXPORT_HEADER)
            for row in detail:
                sheet.append(row)
            totals = wb.create_sheet("Підсумки")
            totals.append(SUMMARY_HEADER)
            for row in summary:
                totals.append(row)
            for ws in (sheet, totals):
                for cell in ws[1]:
                    cell.font = Font(bold=True)
                ws.freeze_panes = "A2"
                for column in ("B",):
                    for cell in ws[column][1:]:
                        cell.number_format = "DD.MM.YYYY"
            wb.save(tmp)
        _atomic(out, write_xlsx)
    else:
        raise ValidationError("Вкажіть файл .csv або .xlsx.", "Use a .csv or .xlsx file.")
    return len(detail)


def option_keys_help() -> str:
    return ", ".join(f"{i + 1} — {o.label_uk}" for i, o in enumerate(OPTION_ORDER))

"""Online votes of the participatory budget from a CSV export or a Pabulib ``.pb`` file, merged with paper ballots.

CSV columns are found by their headers, in Ukrainian or English, in any order:

* the voter's identifier ("Ідентифікатор", "Номер документа", "voter_id"...), required: it is hashed
  exactly like the identifier typed at a voting point, so a person who voted on paper and online
  is found and counted once;
* the projects ("Проєкти", "Номери проєктів", "vote"...), required: numbers separated by commas,
  spaces or ``|`` (``3, 7, 12``); with a "Бали"/"points" column, points in the same order;
* "Вік"/"age", "Дата"/"date" (ДД.ММ.РРРР or ISO), "Населений пункт"/"district", optional.

CSV files may be UTF-8 (with or without BOM) or Windows-1251, separated by ``;``, ``,`` or tabs.
In a ``.pb`` file the ``voter_id`` is the identifier and projects are matched by their Pabulib id.
The whole file is refused if any row breaks a ballot rule; duplicates are skipped and listed.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from app.db.engine import Database
from app.domain.ballots import OnlineVote
from app.domain.formats import FormatError, parse_date
from app.domain.names import search_key
from app.domain.pb import PbElection
from app.errors import ImportRejectedError, ValidationError
from app.interchange.pb_cycles import read_election
from app.interchange.text_files import decode_text
from app.services.budget import ballots
from app.services.budget.ballots import ImportSummary
from app.services.core.auth import Actor
from app.services.core.progress import ProgressCallback
from app.services.safety import backup

MAX_FILE_BYTES = 100 * 1024 * 1024

_HEADERS: dict[str, str] = {}
for _field, _names in {
    "identifier": ["ідентифікатор", "ідентифікатор виборця", "номер документа", "документ", "паспорт",
                   "id-картка", "id картка", "рнокпп", "voter_id", "voter id", "identifier", "document", "id"],
    "projects": ["проєкти", "проекти", "номери проєктів", "номери проектів", "голос", "вибір", "vote", "votes",
                 "projects", "project numbers"],
    "points": ["бали", "points", "scores"],
    "age": ["вік", "age"],
    "date": ["дата", "дата голосування", "date", "voted on"],
    "district": ["населений пункт", "село", "район", "округ", "district", "neighborhood", "neighbourhood"],
}.items():
    for _name in _names:
        _HEADERS[search_key(_name)] = _field


def _header_key(text: str) -> str:
    return search_key(re.sub(r"[*:.]+$", "", text.strip()))


def read_csv(path: Path | str) -> list[OnlineVote]:
    """Read online votes from a CSV file; a missing column or a malformed row is refused with its line."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValidationError(f"Файл «{path.name}» завеликий (понад 100 МБ).")
        text = decode_text(path.read_bytes())
    except OSError as exc:
        raise ValidationError(f"Не вдалося прочитати файл «{path.name}»: {exc.strerror or exc}.") from None
    return parse_csv_text(text, path.name)


def parse_csv_text(text: str, name: str = "файл") -> list[OnlineVote]:
    sample = text[:4096]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError(f"Файл «{name}» порожній.") from None
    except csv.Error as exc:
        raise ValidationError(f"Рядок 1: порушено лапки CSV ({exc}).") from None
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        field = _HEADERS.get(_header_key(title))
        if field and field not in columns:
            columns[field] = index
    missing = [label for key, label in (("identifier", "ідентифікатор виборця"), ("projects", "проєкти"))
               if key not in columns]
    if missing:
        raise ValidationError(
            f"У файлі «{name}» немає стовпця: {', '.join(missing)}. Знайдено стовпці: "
            f"{', '.join(h.strip() for h in header if h.strip()) or '—'}.",
            "The file lacks the identifier or projects column.")
    votes: list[OnlineVote] = []
    problems: list[str] = []
    line = 1
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue

            def cell(key: str, row: list[str] = row) -> str:
                index = columns.get(key)
                return row[index].strip() if index is not None and index < len(row) else ""

            projects = tuple(x for x in re.split(r"[\s,;|]+", cell("projects")) if x)
            points: tuple[int | None, ...] = ()
            if "points" in columns and cell("points"):
                raw_points = [x for x in re.split(r"[\s,;|]+", cell("points")) if x]
                if len(raw_points) != len(projects) or not all(re.fullmatch(r"-?\d+", x) for x in raw_points):
                    problems.append(f"Рядок {line}: бали «{cell('points')}» не відповідають проєктам.")
                    continue
                points = tuple(int(x) for x in raw_points)
            age_text = cell("age")
            age: int | None = None
            if age_text:
                if not age_text.isdigit():
                    problems.append(f"Рядок {line}: вік «{age_text}» не є числом.")
                    continue
                age = int(age_text)
            cast_on = None
            if cell("date"):
                try:
                    cast_on = parse_date(cell("date")[:10])
                except FormatError as exc:
                    problems.append(f"Рядок {line}: {exc}.")
                    continue
            votes.append(OnlineVote(line, cell("identifier"), projects, points, age, cast_on, cell("district")))
    except csv.Error as exc:
        raise ValidationError(f"Рядок {line + 1}: порушено лапки CSV ({exc}).") from None
    if problems:
        raise ImportRejectedError(f"Файл «{name}» не імпортовано: {len(problems)} рядк(и) з помилками.", problems)
    return votes


def votes_from_pb(election: PbElection) -> list[OnlineVote]:
    extra = election.extra_vote_columns
    age_col = extra.index("age") if "age" in extra else -1
    district_col = next((extra.index(c) for c in ("district", "neighborhood") if c in extra), -1)
    out = []
    for vote in election.votes:
        age_text = vote.extra[age_col].strip() if age_col >= 0 else ""
        points = tuple(int(p) for p in vote.points) if vote.points is not None else ()
        out.append(OnlineVote(vote.line or 0, vote.voter_id, vote.projects, points,
                              int(age_text) if age_text.isdigit() else None, None,
                              vote.extra[district_col] if district_col >= 0 else ""))
    return out


def import_online_votes(db: Database, actor: Actor, cycle_id: int, path: Path | str, *,
                        progress: ProgressCallback | None = None) -> ImportSummary:
    """Merge online votes from ``path`` (.csv or .pb) into a cycle, deduplicated against paper ballots."""
    path = Path(path)
    by_code = path.suffix.lower() == ".pb"
    votes = votes_from_pb(read_election(path)) if by_code else read_csv(path)
    backup.before_import(db)  # the file reads cleanly: a copy of the database aside before the bulk write
    return ballots.merge_online_votes(db, actor, cycle_id, votes, source=path.name, by_code=by_code,
                                      progress=progress)

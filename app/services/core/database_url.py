"""The database address a PC is set to use (the GUI keeps it per PC; ``--db`` and HROMADA_DB win).

Empty means the SQLite file in the data folder. Otherwise a PostgreSQL URL
(``postgresql://user@server/dbname``; a password in the URL is stored in plain text on
the PC, so prefer the server's trust/peer rules or a ``.pgpass`` file) or the path of an
SQLite file (e.g. on another disk).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from app.db.engine import is_url, make_engine, normalize_url
from app.errors import ValidationError


def clean(address: str) -> str:
    """The address as it will be stored: trimmed, PostgreSQL URLs with our driver; refused if unusable."""
    value = address.strip()
    if not value:
        return ""
    if not is_url(value):
        return str(Path(value).expanduser())
    try:
        url = normalize_url(value)
    except ArgumentError:
        raise ValidationError(f"Адреса «{value}» неправильна.", f"The address «{value}» is not valid.") from None
    if url.get_backend_name() not in ("postgresql", "sqlite"):
        raise ValidationError(
            "Підтримуються лише PostgreSQL (postgresql://користувач@сервер/база) і файли SQLite.",
            "Only PostgreSQL (postgresql://user@server/dbname) and SQLite files are supported.",
        )
    if url.get_backend_name() == "postgresql" and not url.database:
        raise ValidationError("В адресі не вказано назву бази даних (…/назва).", "The address names no database.")
    return url.render_as_string(hide_password=False)


def describe(address: str) -> str:
    """The address for showing on screen (password hidden)."""
    if not address:
        return ""
    if is_url(address):
        return make_url(address).render_as_string(hide_password=True)
    return address


@dataclass(frozen=True)
class Probe:
    ok: bool
    message: str


def probe(address: str) -> Probe:
    """Try the address without changing anything: can we connect, and what is there?"""
    target = clean(address)
    if not target:
        return Probe(True, "Використовуватиметься файл бази даних на цьому комп’ютері.")
    if not is_url(target):
        path = Path(target)
        if path.is_file():
            return Probe(True, f"Файл «{path}» знайдено.")
        if path.parent.is_dir():
            return Probe(True, f"Файлу «{path}» ще немає: його буде створено під час запуску.")
        return Probe(False, f"Папки «{path.parent}» немає.")
    engine = make_engine(target)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if "council_profile" not in tables:
                return Probe(True, "З’єднання встановлено. База даних порожня: під час запуску буде "
                                   "запропоновано початкове налаштування (або перенесіть дані: hromada migrate-db).")
            name = conn.execute(select(text("council_name")).select_from(text("council_profile")).limit(1)).scalar()
            if name is None:
                return Probe(True, "З’єднання встановлено; профіль ради ще не заповнено.")
            return Probe(True, f"З’єднання встановлено: база ради «{name}».")
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        return Probe(False, f"Не вдається з’єднатися: {reason}")
    finally:
        engine.dispose()

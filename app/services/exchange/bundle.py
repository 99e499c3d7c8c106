"""The bundle file: writing its envelope, reading and checking it whole before anything is merged.

File: a ``HROMADA-EXCHANGE`` line, a JSON header with the SHA-256 and size of the payload,
then the zlib-compressed payload: one JSON manifest line (source PC, council, time range,
counts, the last bundle it imported from the target) and one line per record or deletion.
A changed byte, a cut-off file or counts that do not match are refused whole. With a
password the whole file is wrapped in the encrypted container of
:mod:`app.services.safety.safefile`.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app.domain.formats import format_datetime, format_int, utc_to_local
from app.errors import ImportRejectedError, ValidationError
from app.services.exchange.codec import UUID_RE, content_hash
from app.services.exchange.records import Incoming, decode_content, label_of
from app.services.exchange.scope import Scope, default_scope
from app.services.safety.safefile import DamagedFileError, decrypt_stream, is_encrypted

MAGIC = b"HROMADA-EXCHANGE\n"
FORMAT = "hromada-exchange"
FORMAT_VERSION = 1
MAX_PAYLOAD = 512 << 20  # uncompressed; a bundle of 100k ballots is ~40 MB
MAX_HEADER_LINE = 4096
HASH_RE = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class BundleInfo:
    """The manifest of a bundle, shown before importing it."""

    bundle_uuid: str
    seq: int
    epoch: str
    source_pc_uuid: str
    source_pc_name: str
    target_name: str
    council_uuid: str
    council_name: str
    hromada_name: str
    created_at: datetime
    since: datetime | None
    until: datetime
    counts: dict[str, int]
    deletions: dict[str, int]
    ack: dict[str, Any] | None
    fingerprints: dict[str, str | None]
    revisions: tuple[str, ...]
    app_version: str
    encrypted: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values()) + sum(self.deletions.values())

    def summary_lines(self, language: str = "uk") -> list[str]:
        if language == "en":
            span = (f"from {format_datetime(utc_to_local(self.since))} " if self.since else "all records ") + \
                f"to {format_datetime(utc_to_local(self.until))}"
            lines = [
                f"From: PC «{self.source_pc_name}» (for «{self.target_name}»), bundle No. {self.seq}",
                f"Council: {self.council_name} ({self.hromada_name})",
                f"Changes: {span}",
                f"Records: {format_int(sum(self.counts.values()))}, "
                f"deletions: {format_int(sum(self.deletions.values()))}",
            ]
            for table, count in sorted(self.counts.items()):
                lines.append(f"  {label_of(table, language)}: {format_int(count)}")
            for table, count in sorted(self.deletions.items()):
                lines.append(f"  {label_of(table, language)} (deleted): {format_int(count)}")
            return lines
        span = (f"з {format_datetime(utc_to_local(self.since))} " if self.since else "усі записи ") + \
            f"по {format_datetime(utc_to_local(self.until))}"
        lines = [
            f"Звідки: ПК «{self.source_pc_name}» (для «{self.target_name}»), пакет №{self.seq}",
            f"Рада: {self.council_name} ({self.hromada_name})",
            f"Зміни: {span}",
            f"Записів: {format_int(sum(self.counts.values()))}, вилучень: {format_int(sum(self.deletions.values()))}",
        ]
        for table, count in sorted(self.counts.items()):
            lines.append(f"  {label_of(table)}: {format_int(count)}")
        for table, count in sorted(self.deletions.items()):
            lines.append(f"  {label_of(table)} (вилучено): {format_int(count)}")
        return lines


def _damaged(detail: str) -> DamagedFileError:
    return DamagedFileError(
        f"Пакет обміну пошкоджено або змінено ({detail}); його не імпортовано, нічого не змінено.",
        f"The exchange bundle is damaged or altered ({detail}); nothing was imported.",
    )


def pack_lines(lines: list[bytes]) -> bytes:
    """A plain bundle file: the magic line, a JSON header (SHA-256 and size), the compressed lines."""
    payload = zlib.compress(b"\n".join(lines) + b"\n", 6)
    header = {"format": FORMAT, "version": FORMAT_VERSION, "compression": "zlib",
              "sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload)}
    return MAGIC + json.dumps(header, sort_keys=True).encode("ascii") + b"\n" + payload


def unpack_lines(data: bytes) -> list[bytes]:
    """The payload lines of a plain bundle, after checking its checksum; raises DamagedFileError."""
    if not data.startswith(MAGIC):
        raise DamagedFileError(
            "Цей файл не є пакетом обміну Hromada Desk; нічого не змінено.",
            "This file is not a Hromada Desk exchange bundle; nothing was changed.",
        )
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER_LINE)
    if end < 0:
        raise _damaged("заголовок не читається")
    try:
        header = json.loads(data[len(MAGIC):end].decode("ascii"))
        ok = (isinstance(header, dict) and header.get("format") == FORMAT and header.get("compression") == "zlib"
              and isinstance(header.get("sha256"), str) and isinstance(header.get("size"), int))
    except (ValueError, UnicodeDecodeError):
        ok = False
    if not ok:
        raise _damaged("заголовок не читається")
    if header.get("version") != FORMAT_VERSION:
        raise ValidationError(
            "Пакет створено іншою версією формату обміну; оновіть програму на обох ПК. Нічого не змінено.",
            "The bundle uses another format version; update the program on both PCs.",
        )
    payload = data[end + 1:]
    if len(payload) != header["size"]:
        raise _damaged(f"файл обрізано: {len(payload)} байт замість {header['size']}"
                       if len(payload) < header["size"] else "у файлі зайві дані")
    if hashlib.sha256(payload).hexdigest() != header["sha256"]:
        raise _damaged("контрольна сума SHA-256 не збігається")
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(payload, MAX_PAYLOAD)
        if inflater.unconsumed_tail or not inflater.eof:
            raise _damaged("вміст завеликий або неповний")
    except zlib.error:
        raise _damaged("стиснений вміст не читається") from None
    return raw.split(b"\n")


def _read_file(path: Path, password: str | None) -> tuple[bytes, bool]:
    path = Path(path).expanduser()
    if not path.is_file():
        raise ValidationError(f"Файл «{path}» не знайдено.", f"File «{path}» not found.")
    try:
        if is_encrypted(path):
            out = io.BytesIO()
            with path.open("rb") as fh:
                decrypt_stream(fh, out, password, kind="exchange")
            return out.getvalue(), True
        if path.stat().st_size > 2 * MAX_PAYLOAD:
            raise _damaged("файл завеликий")
        return path.read_bytes(), False
    except OSError as exc:
        raise ValidationError(f"Не вдається прочитати «{path}»: {exc.strerror or exc}.",
                              f"Cannot read «{path}».") from exc


def _get_str(data: Mapping[str, Any], key: str, *, max_len: int = 500, pattern: re.Pattern[str] | None = None,
             optional: bool = False) -> Any:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > max_len or (pattern and not pattern.match(value)):
        raise _damaged(f"поле «{key}» заголовка")
    return value


def _get_time(data: Mapping[str, Any], key: str, *, optional: bool = False) -> datetime | None:
    value = data.get(key)
    if value is None and optional:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        raise _damaged(f"поле «{key}» заголовка") from None


def _get_counts(data: Mapping[str, Any], key: str) -> dict[str, int]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0 for k, v in value.items()):
        raise _damaged(f"поле «{key}» заголовка")
    return dict(value)


def _parse_manifest(line: bytes, encrypted: bool) -> BundleInfo:
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        raise _damaged("заголовок пакета") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _damaged("заголовок пакета")
    source = data.get("source")
    council = data.get("council")
    if not isinstance(source, dict) or not isinstance(council, dict):
        raise _damaged("заголовок пакета")
    seq = data.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise _damaged("поле «seq» заголовка")
    ack = data.get("ack")
    if ack is not None:
        if not isinstance(ack, dict):
            raise _damaged("поле «ack» заголовка")
        _get_str(ack, "pc_uuid", pattern=UUID_RE)
        _get_str(ack, "bundle_uuid", pattern=UUID_RE)
    fingerprints = data.get("fingerprints", {})
    if not isinstance(fingerprints, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in fingerprints.items()):
        raise _damaged("поле «fingerprints» заголовка")
    revisions = data.get("revisions", [])
    if not isinstance(revisions, list) or not all(isinstance(r, str) for r in revisions):
        raise _damaged("поле «revisions» заголовка")
    return BundleInfo(
        bundle_uuid=_get_str(data, "bundle_uuid", pattern=UUID_RE),
        seq=seq,
        epoch=_get_str(data, "epoch", pattern=UUID_RE),
        source_pc_uuid=_get_str(source, "pc_uuid", pattern=UUID_RE),
        source_pc_name=_get_str(source, "pc_name", max_len=100),
        target_name=_get_str(data, "target_name", max_len=100),
        council_uuid=_get_str(council, "uuid", pattern=UUID_RE),
        council_name=_get_str(council, "council_name", max_len=300),
        hromada_name=_get_str(council, "hromada_name", max_len=200),
        created_at=_get_time(data, "created_at"),  # type: ignore[arg-type]
        since=_get_time(data, "since", optional=True),
        until=_get_time(data, "until"),  # type: ignore[arg-type]
        counts=_get_counts(data, "counts"),
        deletions=_get_counts(data, "deletions"),
        ack=ack,
        fingerprints=dict(fingerprints),
        revisions=tuple(revisions),
        app_version=_get_str(data, "app_version", max_len=50),
        encrypted=encrypted,
    )


def parse_records(lines: list[bytes], info: BundleInfo, scope: Scope) -> list[Incoming]:
    """Every record line, checked against the manifest and this program's schema (all or nothing)."""
    if lines and lines[-1] == b"":
        lines = lines[:-1]
    records: list[Incoming] = []
    counts: dict[str, int] = defaultdict(int)
    deletions: dict[str, int] = defaultdict(int)
    seen: set[tuple[str, str]] = set()
    problems: list[str] = []
    unknown_tables = sorted(set(info.counts) | set(info.deletions) - set(scope.specs))
    unknown_tables = [t for t in unknown_tables if t not in scope.specs]
    if unknown_tables:
        raise ValidationError(
            "Пакет містить записи, яких ця версія програми не знає (" + ", ".join(unknown_tables[:5]) + "). "
            "Оновіть програму на цьому ПК і повторіть; нічого не змінено.",
            "The bundle holds record types this version does not know; update the program.",
        )
    for number, line in enumerate(lines, start=2):
        try:
            item = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            raise _damaged(f"рядок {number}") from None
        if not isinstance(item, dict):
            raise _damaged(f"рядок {number}")
        table = item.get("t")
        ruuid = item.get("u")
        spec = scope.get(table) if isinstance(table, str) else None
        if spec is None or not isinstance(table, str) or not isinstance(ruuid, str) or not UUID_RE.match(ruuid):
            raise _damaged(f"рядок {number}")
        if (table, ruuid) in seen:
            raise _damaged(f"рядок {number}: запис повторюється")
        seen.add((table, ruuid))
        base = item.get("b")
        if base is not None and (not isinstance(base, str) or not HASH_RE.match(base)):
            raise _damaged(f"рядок {number}")
        if item.get("d") is True:
            deletions[table] += 1
            records.append(Incoming(table, ruuid, "", base, None, None))
            continue
        content = item.get("v")
        rhash = item.get("h")
        if not isinstance(content, dict) or not isinstance(rhash, str) or content_hash(content) != rhash:
            raise _damaged(f"рядок {number}: вміст запису не збігається з його хешем")
        created = item.get("c")
        try:
            created_at = datetime.fromisoformat(created).replace(tzinfo=None) if isinstance(created, str) else None
        except ValueError:
            raise _damaged(f"рядок {number}") from None
        incoming = Incoming(table, ruuid, rhash, base, created_at, content)
        decode_content(spec, incoming, problems, number)
        counts[table] += 1
        records.append(incoming)
    if dict(counts) != {k: v for k, v in info.counts.items() if v} or \
            dict(deletions) != {k: v for k, v in info.deletions.items() if v}:
        raise _damaged("кількість записів не збігається із заголовком — файл неповний")
    if problems:
        raise ImportRejectedError(
            "Пакет містить записи, які ця версія програми не може прийняти (можливо, його створено новішою "
            "версією програми); нічого не змінено:", problems,
            "The bundle holds records this version cannot accept; nothing was changed.")
    return records


def open_bundle(path: Path | str, password: str | None) -> tuple[BundleInfo, list[bytes]]:
    """The checked manifest and the (checksum-verified, not yet parsed) record lines."""
    data, encrypted = _read_file(Path(path), password)
    lines = unpack_lines(data)
    if not lines or not lines[0]:
        raise _damaged("немає заголовка")
    return _parse_manifest(lines[0], encrypted), lines[1:]


def read_bundle(path: Path | str, *, password: str | None = None,
                scope: Scope | None = None) -> tuple[BundleInfo, list[Incoming]]:
    """Open and check a bundle completely (checksum, manifest, every record); nothing is written."""
    info, lines = open_bundle(path, password)
    return info, parse_records(lines, info, scope or default_scope())


def inspect_bundle(path: Path | str, *, password: str | None = None, scope: Scope | None = None) -> BundleInfo:
    """The manifest of a bundle after checking the whole file (for the preview before import)."""
    return read_bundle(path, password=password, scope=scope)[0]

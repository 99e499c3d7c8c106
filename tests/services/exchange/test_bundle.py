"""The bundle file on its own: the envelope (magic, header, checksum, size) and the manifest and record checks."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table

from app.errors import ImportRejectedError, ValidationError
from app.services.exchange import bundle
from app.services.exchange.codec import content_hash
from app.services.exchange.scope import Scope
from app.services.safety.safefile import DamagedFileError

NOTES = MetaData()
Table(
    "note", NOTES,
    Column("id", Integer, primary_key=True),
    Column("uuid", String(36), nullable=False, unique=True),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False),
    Column("text", String(20), nullable=False),
)
SCOPE = Scope(NOTES, policies={})


def manifest(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": bundle.FORMAT, "version": bundle.FORMAT_VERSION, "bundle_uuid": str(uuid.uuid4()), "seq": 3,
        "epoch": str(uuid.uuid4()), "source": {"pc_uuid": str(uuid.uuid4()), "pc_name": "Бібліотека"},
        "target_name": "Офіс",
        "council": {"uuid": str(uuid.uuid4()), "council_name": "Рада", "hromada_name": "Громада"},
        "created_at": "2026-03-01T10:00:00", "since": None, "until": "2026-03-01T10:00:00",
        "counts": {"note": 1}, "deletions": {}, "ack": None, "fingerprints": {}, "revisions": ["abc"],
        "app_version": "1.0",
    }
    data.update(changes)
    return data


def record(text: str = "привіт") -> dict[str, Any]:
    content = {"text": text}
    return {"t": "note", "u": str(uuid.uuid4()), "h": content_hash(content), "b": None,
            "c": "2026-02-01T09:00:00.000000", "v": content}


def write(path: Path, head: dict[str, Any], *records: dict[str, Any]) -> Path:
    lines = [json.dumps(head).encode(), *(json.dumps(r, ensure_ascii=False).encode() for r in records)]
    path.write_bytes(bundle.pack_lines(lines))
    return path


def test_envelope_round_trip() -> None:
    lines = [b'{"a":1}', "рядок".encode()]
    assert bundle.unpack_lines(bundle.pack_lines(lines)) == [*lines, b""]


def test_envelope_refuses_damage() -> None:
    data = bundle.pack_lines([b'{"a":1}', b'{"b":2}'])
    with pytest.raises(DamagedFileError, match="не є пакетом"):
        bundle.unpack_lines(b"PK\x03\x04" + data)
    flipped = bytearray(data)
    flipped[-3] ^= 0x01
    with pytest.raises(DamagedFileError, match="SHA-256"):
        bundle.unpack_lines(bytes(flipped))
    with pytest.raises(DamagedFileError, match="обрізано"):
        bundle.unpack_lines(data[:-2])
    with pytest.raises(DamagedFileError, match="зайві дані"):
        bundle.unpack_lines(data + b"x")
    header_end = data.index(b"\n", len(bundle.MAGIC))
    with pytest.raises(DamagedFileError, match="заголовок"):
        bundle.unpack_lines(bundle.MAGIC + b"{not json" + data[header_end:])
    newer = json.loads(data[len(bundle.MAGIC):header_end])
    newer["version"] = bundle.FORMAT_VERSION + 1
    with pytest.raises(ValidationError, match="іншою версією"):
        bundle.unpack_lines(bundle.MAGIC + json.dumps(newer).encode() + data[header_end:])


def test_read_bundle(tmp_path: Path) -> None:
    sent = record()
    info, records = bundle.read_bundle(write(tmp_path / "b.hdx", manifest(), sent), scope=SCOPE)
    assert (info.seq, info.source_pc_name, info.counts, info.encrypted) == (3, "Бібліотека", {"note": 1}, False)
    assert info.total == 1 and any("Бібліотека" in line for line in info.summary_lines())
    [incoming] = records
    assert (incoming.table, incoming.uuid, incoming.values) == ("note", sent["u"], {"text": "привіт"})


@pytest.mark.parametrize(("head", "records", "error", "message"), [
    (manifest(seq=0), [record()], DamagedFileError, "seq"),
    (manifest(source={"pc_uuid": "not-a-uuid", "pc_name": "X"}), [record()], DamagedFileError, "pc_uuid"),
    (manifest(counts={"note": 2}), [record()], DamagedFileError, "кількість записів"),
    (manifest(counts={"hovercraft": 1}), [], ValidationError, "не знає"),
    (manifest(), [{**record(), "h": "0" * 64}], DamagedFileError, "хешем"),
    (manifest(), [record("задовгий текст для цього поля")], ImportRejectedError, "не може прийняти"),
])
def test_read_bundle_refuses(tmp_path: Path, head: dict[str, Any], records: list[dict[str, Any]],
                             error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        bundle.read_bundle(write(tmp_path / "b.hdx", head, *records), scope=SCOPE)


def test_duplicate_record_refused(tmp_path: Path) -> None:
    twice = record()
    with pytest.raises(DamagedFileError, match="повторюється"):
        bundle.read_bundle(write(tmp_path / "b.hdx", manifest(counts={"note": 2}), twice, twice), scope=SCOPE)

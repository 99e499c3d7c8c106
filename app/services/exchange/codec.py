"""The wire codec: one column value to its JSON form in a bundle and back, and the content hash.

A value is written in one form on every backend (a Decimal "10.50" on one and "10.5" on
another hash alike), so two PCs agree on whether a record changed. Decoding checks each value
against its column (type, length, nullability) and raises :class:`BadValue` with a message
for the clerk instead of letting a wrong value reach the database.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Enum, Float, Integer, LargeBinary, Numeric, String, Time

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def encode_value(column: Column[Any], value: Any) -> Any:
    """The JSON form of one column value (the form that is hashed and written to a bundle)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):  # "10.50" on one backend, "10.5" on another: one form for the hash
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if hasattr(value, "value") and not isinstance(value, int | float | str):  # an Enum member
        return value.name if isinstance(column.type, Enum) else value.value
    return value


class BadValue(Exception):
    """A value from a bundle that does not fit its column; the message says why, for the clerk."""


def decode_value(column: Column[Any], value: Any) -> Any:
    """The Python value for ``column`` from its JSON form; raises :class:`BadValue`."""
    if value is None:
        if not column.nullable:
            raise BadValue("значення обов’язкове")
        return None
    kind = column.type
    try:
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise BadValue("потрібно так/ні")
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**63:
                raise BadValue("потрібне ціле число")
            return value
        if isinstance(kind, Enum):
            if not isinstance(value, str) or value not in kind.enums:
                raise BadValue("невідоме значення")
            return kind.enum_class[value] if kind.enum_class is not None else value
        if isinstance(kind, DateTime):
            if not isinstance(value, str):
                raise BadValue("потрібні дата й час")
            parsed = datetime.fromisoformat(value)
            return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
        if isinstance(kind, Date):
            if not isinstance(value, str) or len(value) != 10:
                raise BadValue("потрібна дата")
            return date.fromisoformat(value)
        if isinstance(kind, Time):
            if not isinstance(value, str):
                raise BadValue("потрібен час")
            return time.fromisoformat(value)
        if isinstance(kind, Numeric) and not isinstance(kind, Float):
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise BadValue("потрібне число")
            number = Decimal(str(value))
            if not number.is_finite():
                raise BadValue("потрібне число")
            return number if kind.asdecimal else float(number)
        if isinstance(kind, Float):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise BadValue("потрібне число")
            return float(value)
        if isinstance(kind, LargeBinary):
            if not isinstance(value, str):
                raise BadValue("потрібні двійкові дані")
            return base64.b64decode(value, validate=True)
        if isinstance(kind, JSON):
            return value
        if isinstance(kind, String):
            if not isinstance(value, str):
                raise BadValue("потрібен текст")
            if kind.length is not None and len(value) > kind.length:
                raise BadValue(f"текст довший за {kind.length} символів")
            if "\x00" in value:
                raise BadValue("недопустимий символ")
            return value
    except BadValue:
        raise
    except (ValueError, TypeError, InvalidOperation, OverflowError, KeyError, binascii.Error) as exc:
        raise BadValue("неправильне значення") from exc
    if isinstance(value, dict | list):
        raise BadValue("неправильне значення")
    return value


def content_hash(content: Mapping[str, Any]) -> str:
    """The SHA-256 of a record's content in its canonical form: equal content, equal hash, on any PC."""
    return hashlib.sha256(canonical(content)).hexdigest()


def canonical(value: Any) -> bytes:
    """One byte form for a JSON value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")

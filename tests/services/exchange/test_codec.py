"""The wire codec: every column type survives encode -> JSON -> decode; wrong values are refused by name."""

from __future__ import annotations

import enum
import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Time,
)

from app.services.exchange.codec import BadValue, canonical, content_hash, decode_value, encode_value


class Colour(enum.Enum):
    RED = "червоний"
    BLUE = "синій"


TABLE = Table(
    "sample", MetaData(),
    Column("flag", Boolean, nullable=False),
    Column("count", Integer),
    Column("colour", Enum(Colour)),
    Column("kind", Enum("a", "b", name="kind")),
    Column("at", DateTime),
    Column("day", Date),
    Column("hour", Time),
    Column("amount", Numeric(12, 2)),
    Column("share", Float),
    Column("blob", LargeBinary),
    Column("extra", JSON),
    Column("name", String(10)),
)
C = TABLE.c


def through_json(column: Column[Any], value: Any) -> Any:
    """What a value becomes after a trip through a bundle."""
    return decode_value(column, json.loads(json.dumps(encode_value(column, value))))


@pytest.mark.parametrize(("column", "value"), [
    (C.flag, True),
    (C.flag, False),
    (C.count, 0),
    (C.count, -(2**62)),
    (C.colour, Colour.BLUE),
    (C.kind, "b"),
    (C.at, datetime(2026, 3, 1, 14, 5, 9, 123456)),
    (C.day, date(2026, 2, 28)),
    (C.hour, time(9, 30)),
    (C.amount, Decimal("1234.50")),
    (C.amount, Decimal("-0.01")),
    (C.share, 2.5),
    (C.blob, b"\x00\xff" + "бінарне".encode()),
    (C.extra, {"k": [1, "два", None]}),
    (C.name, "Олена"),
    (C.count, None),
])
def test_round_trip(column: Column[Any], value: Any) -> None:
    assert through_json(column, value) == value


def test_one_form_for_equal_values() -> None:
    """Backends return 10.50 or 10.5: both encode (and so hash) alike."""
    assert encode_value(C.amount, Decimal("10.50")) == encode_value(C.amount, Decimal("10.5")) == "10.5"
    assert encode_value(C.amount, Decimal("100")) == "100"
    assert encode_value(C.colour, Colour.RED) == "RED"  # an Enum column stores the member's name
    assert encode_value(C.at, datetime(2026, 1, 1)) == "2026-01-01T00:00:00.000000"
    assert content_hash({"a": 1, "b": "ї"}) == content_hash({"b": "ї", "a": 1})
    assert canonical({"b": 1, "a": [1, 2]}) == b'{"a":[1,2],"b":1}'


def test_aware_datetime_loses_its_zone() -> None:
    assert decode_value(C.at, "2026-03-01T10:00:00+02:00") == datetime(2026, 3, 1, 10, 0)


@pytest.mark.parametrize(("column", "value", "message"), [
    (C.flag, None, "обов’язкове"),
    (C.flag, 1, "так/ні"),
    (C.count, True, "ціле число"),
    (C.count, "5", "ціле число"),
    (C.count, 2**63, "ціле число"),
    (C.colour, "GREEN", "невідоме значення"),
    (C.at, 20260301, "дата й час"),
    (C.at, "вчора", "неправильне значення"),
    (C.day, "2026-03-01T00:00", "дата"),
    (C.hour, 930, "час"),
    (C.amount, "NaN", "число"),
    (C.amount, 1.5, "число"),
    (C.share, "1.5", "число"),
    (C.blob, "не base64!", "неправильне значення"),
    (C.name, "задовгий текст", "довший за 10"),
    (C.name, "a\x00b", "недопустимий символ"),
    (C.name, 5, "текст"),
])
def test_wrong_values_refused(column: Column[Any], value: Any, message: str) -> None:
    with pytest.raises(BadValue, match=message):
        decode_value(column, value)

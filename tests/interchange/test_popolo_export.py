"""Popolo JSON export: every object validates against the official draft-03 schemas; no private data leaks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft3Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from app.cli.main import main
from app.db.engine import open_database
from app.interchange import popolo
from app.services import deputies
from tests import DATA_DIR
from tests.deputies_setup import demo_copy, demo_path  # noqa: F401 - fixtures

SCHEMAS = DATA_DIR / "popolo" / "schemas"
BASE_URL = "http://www.popoloproject.com/schemas/"
COLLECTION_SCHEMA = {"persons": "person", "organizations": "organization", "memberships": "membership",
                     "areas": "area", "posts": "post", "events": "event", "motions": "motion",
                     "vote_events": "vote_event"}


@pytest.fixture(scope="module")
def validators() -> dict[str, Draft3Validator]:
    if not SCHEMAS.is_dir():
        pytest.skip(f"Popolo schemas not found at {SCHEMAS}")
    resources = []
    for path in SCHEMAS.glob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((BASE_URL + path.name, Resource.from_contents(contents, default_specification=DRAFT3)))
        resources.append((BASE_URL + path.name + "#", Resource.from_contents(contents, default_specification=DRAFT3)))
    registry = Registry().with_resources(resources)
    out = {}
    for name in set(COLLECTION_SCHEMA.values()) | {"vote"}:
        schema = json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))
        Draft3Validator.check_schema(schema)
        out[name] = Draft3Validator(schema, registry=registry, format_checker=FormatChecker())
    return out


def test_every_object_validates(demo_copy, validators: dict[str, Draft3Validator], tmp_path: Path) -> None:  # noqa: F811
    db, _ = demo_copy
    out = tmp_path / "council.json"
    counts = popolo.write_popolo(db, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == set(COLLECTION_SCHEMA)
    errors = []
    checked = 0
    for collection, schema in COLLECTION_SCHEMA.items():
        assert len(data[collection]) == counts[collection] > 0
        for obj in data[collection]:
            checked += 1
            errors += [f"{collection}/{obj.get('id')}: {e.message}" for e in validators[schema].iter_errors(obj)]
            if collection == "vote_events":
                for vote in obj["votes"]:
                    errors += [f"vote: {e.message}" for e in validators["vote"].iter_errors(vote)]
    assert errors == []
    assert checked > 400
    # a bad object really is caught (the validators are not vacuous)
    assert list(validators["vote_event"].iter_errors({"counts": [{"option": "yes"}]}))
    assert list(validators["person"].iter_errors({"birth_date": "20.11.1970"}))


def test_content_and_privacy(demo_copy) -> None:  # noqa: F811
    db, _ = demo_copy
    data = popolo.build_popolo(db)
    rows = deputies.list_deputies(db)
    assert len(data["persons"]) == len(rows) == 27
    views = [deputies.get_deputy(db, r.id) for r in rows]
    text = json.dumps(data, ensure_ascii=False)
    for view in views:
        if view.phone and not view.phone_public:
            assert view.phone not in text
        if view.email and not view.email_public:
            assert view.email not in text
    assert any(v.email_public for v in views) and any(v.email in text for v in views if v.email_public)
    classes = sorted(o["classification"] for o in data["organizations"])
    assert classes == ["committee"] * 3 + ["faction"] * 4 + ["legislature"]
    event = data["vote_events"][0]
    counts = {c["option"]: c["value"] for c in event["counts"]}
    assert sum(counts.values()) == len(event["votes"])
    assert counts["yes"] == sum(1 for v in event["votes"] if v["option"] == "yes")
    assert {v["option"] for e in data["vote_events"] for v in e["votes"]} == {"yes", "no", "abstain", "not voting",
                                                                               "absent"}
    motion_ids = {m["id"] for m in data["motions"]}
    assert all(e["motion_id"] in motion_ids for e in data["vote_events"])
    person_ids = {p["id"] for p in data["persons"]}
    assert all(m["person_id"] in person_ids for m in data["memberships"])


def test_cli_export_popolo(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    db_file = tmp_path / "d.sqlite3"
    db_file.write_bytes(demo_path.read_bytes())
    out = tmp_path / "popolo.json"
    assert main(["--db", str(db_file), "export", "popolo", "--out", str(out)]) == 0
    assert "голосувань: 165" in capsys.readouterr().out
    assert json.loads(out.read_text(encoding="utf-8"))["vote_events"]
    assert main(["--db", str(db_file), "export", "popolo", "--out", str(tmp_path / "x.txt")]) == 2
    assert "Файл має бути .json" in capsys.readouterr().err


def test_export_formats_are_shared() -> None:
    import argparse

    from app.cli.formats import format_parser

    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command")
    first = format_parser(sub, "export", "popolo", help="a")
    second = format_parser(sub, "export", "pabulib", help="b")
    second.add_argument("--cycle", type=int)
    args = parser.parse_args(["export", "pabulib", "--cycle", "3"])
    assert args.export_format == "pabulib" and args.cycle == 3 and first is not second
    with pytest.raises(RuntimeError):
        format_parser(sub, "export", "popolo", help="again")


def test_empty_council_exports(council_db, tmp_path: Path) -> None:
    db, _ = council_db
    counts = popolo.write_popolo(db, tmp_path / "e.json")
    assert counts["persons"] == 0 and counts["vote_events"] == 0
    assert json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["organizations"][0]["classification"] == \
        "legislature"
    _ = open_database

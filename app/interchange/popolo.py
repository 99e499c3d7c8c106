"""Popolo JSON export of the council: persons, organizations, memberships, posts, areas, events, motions and
vote events with counts and every individual vote.

Popolo (popoloproject.com) is the open-government standard for legislatures. One JSON document holds
the top-level collections, as EveryPolitician and OpenStates publish them. Ids are the records' UUIDs,
so a later export keeps the same ids. Only public data leaves: a deputy's phone or e-mail is exported
only when the clerk marked it public; no birth dates, no addresses.

The vote events are streamed to the file one at a time, so ~770k individual votes do not have to sit
in memory as dicts.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.db.engine import Database
from app.domain.deputies import CommitteeRole, InitiatorKind, roman
from app.domain.votes import Majority, VoteOption
from app.services import deputies
from app.services.core import council
from app.services.core.progress import ProgressCallback, report
from app.services.deputies import rollcalls, sessions

POPOLO_OPTIONS = {
    VoteOption.FOR: "yes",
    VoteOption.AGAINST: "no",
    VoteOption.ABSTAINED: "abstain",
    VoteOption.NOT_VOTING: "not voting",
    VoteOption.ABSENT: "absent",
}
COUNT_ORDER = ("yes", "no", "abstain", "not voting", "absent")
SCHEME = "hromada-desk"


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values: Popolo treats a missing property as unknown."""
    return {k: v for k, v in obj.items() if v not in (None, "", [], {})}


class PopoloBuilder:
    """Reads the register once and produces the Popolo collections."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.profile = council.require_profile(db)
        self.council_id = f"council-{self.profile.id}-{self.profile.convocation}"
        self.factions = deputies.list_factions(db)
        self.districts = deputies.list_districts(db)
        self.committees = deputies.list_committees(db)
        self.deputies = [deputies.get_deputy(db, row.id) for row in deputies.list_deputies(db)]
        self.sessions = sorted(sessions.list_sessions(db), key=lambda s: (s.date, s.number))
        self.agenda = sessions.agenda_for_sessions(db, [s.id for s in self.sessions])
        self.person_ids = {d.id: d.uuid for d in self.deputies}
        self.faction_ids = {f.id: f.uuid for f in self.factions}

    # ----- people and organizations

    def persons(self) -> list[dict[str, Any]]:
        out = []
        for d in self.deputies:
            contacts = []
            if d.phone and d.phone_public:
                contacts.append({"type": "voice", "label": "Телефон", "value": d.phone})
            if d.email and d.email_public:
                contacts.append({"type": "email", "label": "Ел. пошта", "value": d.email})
            out.append(_clean({
                "id": d.uuid,
                "name": d.full_name,
                "family_name": d.surname,
                "given_name": d.given_name,
                "patronymic_name": d.patronymic,
                "sort_name": f"{d.surname} {d.given_name} {d.patronymic}".strip(),
                "biography": d.biography,
                "email": d.email if d.email_public else None,
                "identifiers": [{"scheme": SCHEME, "identifier": d.uuid}],
                "contact_details": contacts,
            }))
        return out

    def organizations(self) -> list[dict[str, Any]]:
        orgs = [_clean({
            "id": self.council_id,
            "name": f"{self.profile.council_name} {roman(self.profile.convocation)} скликання",
            "classification": "legislature",
            "description": self.profile.hromada_name,
            "links": [{"url": self.profile.website, "note": "офіційний сайт"}] if self.profile.website else [],
        })]
        for f in self.factions:
            orgs.append(_clean({"id": f.uuid, "name": f.name, "other_names": [{"name": f.short_name}]
                                if f.short_name else [], "classification": "faction", "parent_id": self.council_id,
                                "description": f.description}))
        for c in self.committees:
            orgs.append(_clean({"id": c.uuid, "name": c.name, "other_names": [{"name": c.short_name}]
                                if c.short_name else [], "classification": "committee", "parent_id": self.council_id,
                                "description": c.description}))
        return orgs

    def areas(self) -> list[dict[str, Any]]:
        return [_clean({"id": d.uuid, "name": d.name, "identifier": str(d.number) if d.number else None,
                        "classification": "electoral district"}) for d in self.districts]

    def posts(self) -> list[dict[str, Any]]:
        return [_clean({"id": f"post-{d.uuid}", "label": f"Депутат ради: {d.name}", "role": "депутат",
                        "organization_id": self.council_id, "area_id": d.uuid}) for d in self.districts]

    def memberships(self) -> list[dict[str, Any]]:
        district_uuid = {d.id: d.uuid for d in self.districts}
        committee_uuid = {c.id: c.uuid for c in self.committees}
        out = []
        for d in self.deputies:
            start = d.mandate_start.isoformat() if d.mandate_start else None
            end = d.mandate_end.isoformat() if d.mandate_end else None
            out.append(_clean({
                "id": f"{d.uuid}-council", "person_id": d.uuid, "organization_id": self.council_id,
                "role": "депутат", "label": d.position,
                "post_id": f"post-{district_uuid[d.district_id]}" if d.district_id in district_uuid else None,
                "area_id": district_uuid.get(d.district_id) if d.district_id else None,
                "on_behalf_of_id": self.faction_ids.get(d.faction_id) if d.faction_id else None,
                "start_date": start, "end_date": end,
            }))
            if d.faction_id in self.faction_ids:
                out.append(_clean({"id": f"{d.uuid}-faction", "person_id": d.uuid,
                                   "organization_id": self.faction_ids[d.faction_id], "role": "член фракції",
                                   "start_date": start, "end_date": end}))
            for seat in d.seats:
                out.append(_clean({"id": f"{d.uuid}-committee-{committee_uuid[seat.committee_id]}",
                                   "person_id": d.uuid, "organization_id": committee_uuid[seat.committee_id],
                                   "role": CommitteeRole(seat.role).label_uk, "start_date": start, "end_date": end}))
        return out

    # ----- sittings, motions, votes

    def events(self) -> list[dict[str, Any]]:
        return [_clean({
            "id": s.uuid, "name": s.title, "classification": "session", "start_date": s.date.isoformat(),
            "location": s.place, "organization_id": self.council_id,
            "identifiers": [{"scheme": "session-number", "identifier": f"{s.number}/{roman(s.convocation)}"}],
        }) for s in self.sessions]

    def motions(self) -> list[dict[str, Any]]:
        out = []
        for s in self.sessions:
            for item in self.agenda.get(s.id, []):
                final = item.final
                out.append(_clean({
                    "id": item.uuid, "organization_id": self.council_id, "legislative_session_id": s.uuid,
                    "creator_id": self.person_ids.get(item.initiator_deputy_id) if item.initiator_deputy_id else None,
                    "text": item.title,
                    "identifier": item.draft_number or f"{s.number}-{item.number}/{roman(s.convocation)}",
                    "classification": InitiatorKind(item.initiator_kind).label_uk,
                    "requirement": Majority(item.majority).label_uk,
                    "result": None if final is None else ("pass" if final.passed else "fail"),
                }))
        return out

    def vote_events(self) -> Iterator[dict[str, Any]]:
        """One vote event per roll call, with its counts and every deputy's vote."""
        meta = {}
        for s in self.sessions:
            for item in self.agenda.get(s.id, []):
                for rc in item.roll_calls:
                    meta[rc.id] = (s, item, rc)
        current: int | None = None
        votes: list[dict[str, Any]] = []
        for roll_call_id, deputy_id, faction_id, option in rollcalls.iter_votes(self.db):
            if roll_call_id != current:
                if current is not None and current in meta:
                    yield self._vote_event(*meta[current], votes)
                current, votes = roll_call_id, []
            votes.append(_clean({"voter_id": self.person_ids.get(deputy_id),
                                 "option": POPOLO_OPTIONS[VoteOption(option)],
                                 "group_id": self.faction_ids.get(faction_id) if faction_id else None}))
        if current is not None and current in meta:
            yield self._vote_event(*meta[current], votes)

    def _vote_event(self, s: sessions.SessionRow, item: sessions.AgendaItemRow, rc: sessions.RollCallRow,
                    votes: list[dict[str, Any]]) -> dict[str, Any]:
        counts = dict(zip(COUNT_ORDER, (rc.votes_for, rc.votes_against, rc.abstained, rc.not_voting, rc.absent),
                          strict=True))
        return _clean({
            "id": rc.uuid, "organization_id": self.council_id, "legislative_session_id": s.uuid,
            "motion_id": item.uuid, "identifier": f"{s.number}-{item.number}-{rc.number}",
            "classification": rc.title, "result": "pass" if rc.passed else "fail",
            "counts": [{"option": option, "value": value} for option, value in counts.items()],
            "votes": votes,
        })


COLLECTIONS = ("persons", "organizations", "memberships", "areas", "posts", "events", "motions")


def build_popolo(db: Database) -> dict[str, Any]:
    """The whole export as one dict (for tests and small councils; :func:`write_popolo` streams)."""
    builder = PopoloBuilder(db)
    data: dict[str, Any] = {name: getattr(builder, name)() for name in COLLECTIONS}
    data["vote_events"] = list(builder.vote_events())
    return data


def write_popolo(db: Database, out: Path, progress: ProgressCallback | None = None) -> dict[str, int]:
    """Write the Popolo JSON to ``out`` atomically; returns the number of objects per collection."""
    builder = PopoloBuilder(db)
    counts: dict[str, int] = {}
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("{\n")
            for name in COLLECTIONS:
                items = getattr(builder, name)()
                counts[name] = len(items)
                fh.write(f'"{name}": ')
                json.dump(items, fh, ensure_ascii=False, separators=(",", ":"))
                fh.write(",\n")
            fh.write('"vote_events": [')
            done = 0
            total = sum(len(item.roll_calls) for s in builder.sessions for item in builder.agenda.get(s.id, []))
            for event in builder.vote_events():
                if done:
                    fh.write(",\n")
                json.dump(event, fh, ensure_ascii=False, separators=(",", ":"))
                done += 1
                if done % 200 == 0:
                    report(progress, done, total, f"Голосувань: {done} з {total}")
            fh.write("]\n}\n")
            counts["vote_events"] = done
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return counts

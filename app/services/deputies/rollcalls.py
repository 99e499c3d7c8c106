"""Roll-call votes: saving a whole roll call at once, its computed result, and reading it back.

The result is never typed in: :func:`save_roll_call` counts the options with
:func:`app.domain.votes.compute_result` against the council's total composition, after checking that
only deputies with a mandate on the date voted, that everyone who voted is registered present at the
session, and that there are no more entries than seats. A roll call (up to a few hundred rows) is
written in one transaction with one audit event; votes go in as one bulk insert.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.db.base import new_uuid, utcnow
from app.db.engine import Database
from app.db.models.deputies import (
    AgendaItem,
    CouncilSession,
    Decision,
    Deputy,
    Faction,
    RollCall,
    SessionAttendance,
    Vote,
)
from app.domain import votes as vote_rules
from app.domain.deputies import AttendanceStatus, collation_key, full_name, short_name
from app.domain.votes import Majority, VoteOption, VoteValidationError
from app.errors import ValidationError
from app.services.core import audit
from app.services.core.auth import Actor
from app.services.core.records import check_version, get_or_404
from app.services.deputies.common import composition, deputy_names, one_line, require_edit
from app.services.deputies.sessions import RollCallRow, roll_call_row

DEFAULT_TITLES = ("в цілому", "за основу", "за основу і в цілому", "про включення до порядку денного",
                  "за поправку", "процедурне")
# English for the GUI only: roll calls are stored (and reported) with the Ukrainian title.
DEFAULT_TITLES_EN = dict(zip(DEFAULT_TITLES, ("as a whole", "as a basis", "as a basis and as a whole",
                                              "on inclusion in the agenda", "on an amendment", "procedural"),
                             strict=True))
MANUAL_SOURCE = "введено вручну"
_IMPORT_SOURCE = "імпорт з файлу "


def title_label(title: str, language: str = "uk") -> str:
    """A roll call's title to show: one of :data:`DEFAULT_TITLES` in English for ``"en"``, else as stored."""
    return DEFAULT_TITLES_EN.get(title, title) if language == "en" else title


def title_from_label(text: str) -> str:
    """The title to store for what the clerk chose: an English default back to its Ukrainian original."""
    return next((uk for uk, en in DEFAULT_TITLES_EN.items() if en == text), text)


def import_source(file_name: str) -> str:
    """The stored source of a roll call imported from a file (Ukrainian, as in the reports)."""
    return f"{_IMPORT_SOURCE}{file_name}"


def source_label(source: str, language: str = "uk") -> str:
    """Where a roll call came from, to show: the program's own wordings in English for ``"en"``."""
    if language != "en":
        return source
    if source == MANUAL_SOURCE:
        return "entered by hand"
    if source.startswith(_IMPORT_SOURCE):
        return "imported from file " + source[len(_IMPORT_SOURCE):]
    return source


@dataclass(frozen=True)
class RollCallData:
    title: str = "в цілому"
    majority: str | None = None  # None: the item's requirement
    number: int | None = None  # None: next free number for the item
    source: str = MANUAL_SOURCE


@dataclass(frozen=True)
class GridDeputy:
    deputy_id: int
    name: str
    faction: str
    present: bool  # registered present at the session


@dataclass(frozen=True)
class GridData:
    """What the fast entry grid needs: the deputies with a mandate on the date, their presence, current options."""

    session_id: int
    session_number: int
    vote_date: dt.date
    item_id: int
    item_number: int
    item_title: str
    majority: str
    composition: int
    deputies: tuple[GridDeputy, ...]
    options: Mapping[int, VoteOption]  # existing roll call's options, or {} for a new one
    roll_call_id: int | None = None
    version: int | None = None
    title: str = "в цілому"


def grid_data(db: Database, agenda_item_id: int, roll_call_id: int | None = None) -> GridData:
    with db.read() as s:
        item = get_or_404(s, AgendaItem, agenda_item_id, "Питання порядку денного", "Agenda item")
        session = s.get(CouncilSession, item.session_id)
        assert session is not None
        present = {d for (d,) in s.execute(select(SessionAttendance.deputy_id).where(
            SessionAttendance.session_id == session.id,
            SessionAttendance.status == AttendanceStatus.PRESENT.value))}
        keyed: list[tuple[str, GridDeputy]] = []
        for did, sn, gn, pn, a, b, fname in s.execute(
                select(Deputy.id, Deputy.surname, Deputy.given_name, Deputy.patronymic, Deputy.mandate_start,
                       Deputy.mandate_end, Faction.name).outerjoin(Faction, Faction.id == Deputy.faction_id)
                ):
            if vote_rules.has_mandate((a, b), session.date):
                keyed.append((collation_key(full_name(sn, gn, pn)),
                              GridDeputy(did, short_name(sn, gn, pn), fname or "", did in present)))
        rows = [row for _, row in sorted(keyed, key=lambda pair: pair[0])]
        options: dict[int, VoteOption] = {}
        version = None
        title = "в цілому"
        majority = item.majority
        if roll_call_id is not None:
            roll_call = get_or_404(s, RollCall, roll_call_id, "Голосування", "Roll call")
            version, title, majority = roll_call.version, roll_call.title, roll_call.majority
            options = {d: VoteOption(o) for d, o in s.execute(select(Vote.deputy_id, Vote.option).where(
                Vote.roll_call_id == roll_call_id))}
        return GridData(session.id, session.number, session.date, item.id, item.number, item.title, majority,
                        composition(s), tuple(rows), options, roll_call_id, version, title)


def _check_and_count(s: Session, session: CouncilSession, options: Mapping[int, VoteOption | str],
                     majority: Majority) -> vote_rules.VoteResult:
    present = {d for (d,) in s.execute(select(SessionAttendance.deputy_id).where(
        SessionAttendance.session_id == session.id,
        SessionAttendance.status == AttendanceStatus.PRESENT.value))}
    mandate_map = {d: (a, b) for d, a, b in s.execute(
        select(Deputy.id, Deputy.mandate_start, Deputy.mandate_end))}
    names = deputy_names(s)
    try:
        return vote_rules.compute_result(options, composition(s), majority, mandates=mandate_map,
                                         vote_date=session.date, present=present, names=names)
    except VoteValidationError as exc:
        if not present and any(VoteOption(o) is not VoteOption.ABSENT for o in options.values()
                               if o in VoteOption._value2member_map_):
            hint = " Спершу внесіть реєстрацію депутатів на сесії."
        else:
            hint = ""
        raise ValidationError("Голосування не збережено. " + "; ".join(exc.problems) + "." + hint,
                              "The roll call was not saved: it is inconsistent (see the Ukrainian message).") from None


def save_roll_call(db: Database, actor: Actor, agenda_item_id: int, options: Mapping[int, VoteOption | str],
                   data: RollCallData = RollCallData(), roll_call_id: int | None = None,
                   expected_version: int | None = None) -> RollCallRow:
    """Create or replace a whole roll call; the counts and the result are computed, never typed.

    ``options`` maps every deputy with a mandate on the session's date to their option. One transaction,
    one audit event (the changed options on an update).
    """
    require_edit(actor)
    title = one_line(data.title)[:200] or "в цілому"
    with db.write() as s:
        item = get_or_404(s, AgendaItem, agenda_item_id, "Питання порядку денного", "Agenda item")
        session = s.get(CouncilSession, item.session_id)
        assert session is not None
        majority_value = data.majority or item.majority
        if majority_value not in Majority._value2member_map_:
            raise ValidationError(f"Невідома вимога до більшості: «{majority_value}».", "Unknown majority rule.")
        majority = Majority(majority_value)
        result = _check_and_count(s, session, options, majority)
        clean_options = {int(d): VoteOption(o).value for d, o in options.items()}
        factions = dict(s.execute(select(Deputy.id, Deputy.faction_id)).all())
        names = deputy_names(s)
        before_options: dict[int, str] = {}
        if roll_call_id is None:
            number = data.number
            if number is None:
                top = s.execute(select(func.max(RollCall.number)).where(RollCall.agenda_item_id == item.id)).scalar()
                number = int(top or 0) + 1
            elif s.execute(select(RollCall.id).where(RollCall.agenda_item_id == item.id,
                                                     RollCall.number == number)).first():
                raise ValidationError(f"Голосування №{number} з питання {item.number} уже є.",
                                      "A roll call with that number exists.")
            roll_call = RollCall(agenda_item_id=item.id, session_id=session.id, number=number)
            s.add(roll_call)
        else:
            roll_call = get_or_404(s, RollCall, roll_call_id, "Голосування", "Roll call")
            check_version(roll_call, expected_version, "Голосування")
            if roll_call.agenda_item_id != item.id:
                raise ValidationError("Голосування належить іншому питанню.", "The roll call is on another item.")
            before_options = dict(s.execute(select(Vote.deputy_id, Vote.option).where(
                Vote.roll_call_id == roll_call.id)).all())
            if not result.passed and s.execute(select(Decision.id).where(
                    Decision.roll_call_id == roll_call.id)).first():
                raise ValidationError("За цим голосуванням ухвалено рішення, а з новими голосами воно не проходить. "
                                      "Спершу змініть або видаліть рішення.",
                                      "A decision relies on this roll call passing.")
        previous = (roll_call.votes_for, roll_call.votes_against, roll_call.abstained, roll_call.not_voting,
                    roll_call.absent, roll_call.passed) if roll_call_id is not None else None
        previous_title = roll_call.title
        roll_call.title, roll_call.vote_date, roll_call.majority = title, session.date, majority.value
        roll_call.composition, roll_call.required = result.composition, result.required
        roll_call.votes_for, roll_call.votes_against = result.votes_for, result.against
        roll_call.abstained, roll_call.not_voting, roll_call.absent = result.abstained, result.not_voting, result.absent
        roll_call.passed = result.passed
        roll_call.source = one_line(data.source)[:200]
        s.flush()
        if roll_call_id is not None:
            s.execute(delete(Vote).where(Vote.roll_call_id == roll_call.id))
        now = utcnow()
        s.execute(insert(Vote), [
            {"roll_call_id": roll_call.id, "deputy_id": d, "faction_id": factions.get(d), "option": o,
             "uuid": new_uuid(), "created_at": now, "updated_at": now, "version": 1}
            for d, o in clean_options.items()])
        counts = {VoteOption(k).label_uk: v for k, v in result.counts.items()}
        summary = (f"Сесія №{session.number}, питання {item.number}, «{title}»: "
                   f"{'прийнято' if result.passed else 'не прийнято'} ({result.votes_for} з {result.required})")
        if roll_call_id is None:
            changes: dict[str, object] = {"підсумок": [None, counts], "результат": [None, result.passed],
                                          "голоси": [None, {names.get(d, str(d)): o for d, o in clean_options.items()}]}
            action = audit.Action.CREATE
        else:
            changes = {names.get(d, str(d)): [before_options.get(d), clean_options.get(d)]
                       for d in sorted(set(before_options) | set(clean_options))
                       if before_options.get(d) != clean_options.get(d)}
            assert previous is not None
            if previous[5] != result.passed:
                changes["результат"] = [previous[5], result.passed]
            if previous_title != title:
                changes["назва"] = [previous_title, title]
            action = audit.Action.UPDATE
        if changes or roll_call_id is None:
            audit.record_object(s, actor, action, roll_call, changes=changes, summary=summary)
        return roll_call_row(roll_call)


def delete_roll_call(db: Database, actor: Actor, roll_call_id: int, expected_version: int) -> None:
    require_edit(actor)
    with db.write() as s:
        roll_call = get_or_404(s, RollCall, roll_call_id, "Голосування", "Roll call")
        check_version(roll_call, expected_version, "Голосування")
        if s.execute(select(Decision.number).where(Decision.roll_call_id == roll_call_id)).first():
            raise ValidationError("Голосування не можна видалити: за ним ухвалено рішення. Спершу видаліть "
                                  "рішення або прив’яжіть його до іншого голосування.",
                                  "A decision refers to this roll call.")
        names = deputy_names(s)
        options = {names.get(d, str(d)): o for d, o in s.execute(
            select(Vote.deputy_id, Vote.option).where(Vote.roll_call_id == roll_call_id))}
        s.execute(delete(Vote).where(Vote.roll_call_id == roll_call_id))
        audit.record_object(s, actor, audit.Action.DELETE, roll_call,
                            changes={"голоси": [options, None], "результат": [roll_call.passed, None]},
                            summary=f"Голосування «{roll_call.title}»")
        s.delete(roll_call)


@dataclass(frozen=True)
class VoteRow:
    deputy_id: int
    name: str
    faction: str
    option: VoteOption


def votes(db: Database, roll_call_id: int) -> list[VoteRow]:
    """The roll call by name, in alphabetical order."""
    with db.read() as s:
        rows = s.execute(select(Vote.deputy_id, Deputy.surname, Deputy.given_name, Deputy.patronymic, Faction.name,
                                Vote.option).join(Deputy, Deputy.id == Vote.deputy_id)
                         .outerjoin(Faction, Faction.id == Vote.faction_id)
                         .where(Vote.roll_call_id == roll_call_id))
        ordered = sorted(rows, key=lambda r: collation_key(full_name(r[1], r[2], r[3])))
        return [VoteRow(d, short_name(sn, gn, pn), f or "", VoteOption(o)) for d, sn, gn, pn, f, o in ordered]


def votes_for_roll_calls(db: Database, roll_call_ids: list[int]) -> dict[int, list[VoteRow]]:
    out: dict[int, list[VoteRow]] = {r: [] for r in roll_call_ids}
    with db.read() as s:
        for chunk in range(0, len(roll_call_ids), 500):
            part = roll_call_ids[chunk:chunk + 500]
            rows = s.execute(select(Vote.roll_call_id, Vote.deputy_id, Deputy.surname, Deputy.given_name,
                                    Deputy.patronymic, Faction.name, Vote.option)
                             .join(Deputy, Deputy.id == Vote.deputy_id)
                             .outerjoin(Faction, Faction.id == Vote.faction_id)
                             .where(Vote.roll_call_id.in_(part))
                             )
            ordered = sorted(rows, key=lambda x: (x[0], collation_key(full_name(x[2], x[3], x[4]))))
            for r, d, sn, gn, pn, f, o in ordered:
                out[r].append(VoteRow(d, short_name(sn, gn, pn), f or "", VoteOption(o)))
    return out


def get_roll_call(db: Database, roll_call_id: int) -> RollCallRow:
    with db.read() as s:
        return roll_call_row(get_or_404(s, RollCall, roll_call_id, "Голосування", "Roll call"))


def iter_votes(db: Database, batch: int = 20_000) -> Iterator[tuple[int, int, int | None, str]]:
    """Every individual vote as (roll call, deputy, faction at the time, option), by roll call: for exports."""
    with db.read() as s:
        result = s.execute(select(Vote.roll_call_id, Vote.deputy_id, Vote.faction_id, Vote.option)
                           .order_by(Vote.roll_call_id, Vote.deputy_id).execution_options(yield_per=batch))
        yield from result


def all_roll_calls(db: Database) -> list[RollCallRow]:
    with db.read() as s:
        return [roll_call_row(r) for r in s.execute(select(RollCall).order_by(RollCall.vote_date, RollCall.session_id,
                                                                              RollCall.agenda_item_id,
                                                                              RollCall.number)).scalars()]

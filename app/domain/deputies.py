"""Pure rules of the council register: kinds and statuses with their Ukrainian labels, decision numbers,
reading vote options typed by people or exported by voting systems, deadlines of deputies' initiatives.

No I/O here; services and the GUI use these so that a label or a rule lives in one place.
"""

from __future__ import annotations

import datetime as dt
import re

from app.domain.enums import TitledEnum
from app.domain.names import search_key
from app.domain.votes import VoteOption


class MandateEndReason(TitledEnum):
    EXPIRY = "expiry", "закінчення строку", "expiry of the term"
    RESIGNATION = "resignation", "складення мандата", "resignation"
    RECALL = "recall", "відкликання виборцями", "recall"
    DEATH = "death", "смерть", "death"
    OTHER = "other", "інша підстава", "other reason"


class CommitteeRole(TitledEnum):
    HEAD = "head", "голова", "head"
    DEPUTY_HEAD = "deputy_head", "заступник голови", "deputy head"
    SECRETARY = "secretary", "секретар", "secretary"
    MEMBER = "member", "член", "member"


class SessionKind(TitledEnum):
    REGULAR = "regular", "чергова", "regular"
    EXTRAORDINARY = "extraordinary", "позачергова", "extraordinary"


class AttendanceStatus(TitledEnum):
    PRESENT = "present", "присутній", "present"
    ABSENT = "absent", "відсутній", "absent"
    ABSENT_EXCUSED = "absent_excused", "відсутній з поважної причини", "absent with reason"


class InitiatorKind(TitledEnum):
    DEPUTY = "deputy", "депутат", "deputy"
    HEAD = "head", "голова громади", "head of the hromada"
    COMMITTEE = "committee", "постійна комісія", "standing committee"
    EXECUTIVE = "executive", "виконавчий комітет", "executive committee"
    RESIDENTS = "residents", "мешканці громади", "residents"
    PETITION = "petition", "електронна петиція", "e-petition"


class ItemStatus(TitledEnum):
    CONSIDERED = "considered", "розглянуто", "considered"
    WITHDRAWN = "withdrawn", "знято з розгляду", "withdrawn"
    POSTPONED = "postponed", "перенесено", "postponed"


class InitiativeKind(TitledEnum):
    INQUIRY = "inquiry", "депутатський запит", "deputy's inquiry"
    APPEAL = "appeal", "депутатське звернення", "deputy's appeal"
    DRAFT_DECISION = "draft_decision", "проєкт рішення", "draft decision"
    PROPOSAL = "proposal", "пропозиція", "proposal"


class InitiativeStatus(TitledEnum):
    SUBMITTED = "submitted", "подано", "submitted"
    IN_PROGRESS = "in_progress", "на розгляді", "in progress"
    ANSWERED = "answered", "надано відповідь", "answered"
    SUPPORTED = "supported", "підтримано", "supported"
    REJECTED = "rejected", "відхилено", "rejected"
    WITHDRAWN = "withdrawn", "відкликано", "withdrawn"


# Statuses after which an initiative needs nothing more from anyone.
CLOSED_INITIATIVE_STATUSES = frozenset(
    {InitiativeStatus.ANSWERED, InitiativeStatus.SUPPORTED, InitiativeStatus.REJECTED, InitiativeStatus.WITHDRAWN}
)

# Keys of the fast roll-call grid and of spreadsheets: 1–5 in this order.
OPTION_ORDER: tuple[VoteOption, ...] = (
    VoteOption.FOR,
    VoteOption.AGAINST,
    VoteOption.ABSTAINED,
    VoteOption.NOT_VOTING,
    VoteOption.ABSENT,
)

_OPTION_WORDS: dict[str, VoteOption] = {}
for _option, _words in {
    VoteOption.FOR: ("за", "for", "yes", "так", "+", "1", "y", "aye"),
    VoteOption.AGAINST: ("проти", "against", "no", "ні", "-", "2", "n", "nay"),
    VoteOption.ABSTAINED: ("утримався", "утрималася", "утрим", "утрим.", "abstained", "abstain", "abstention", "0",
                           "3", "у"),
    VoteOption.NOT_VOTING: ("не голосував", "не голосувала", "не голос.", "не голосував(ла)", "не голосував(-ла)",
                            "not voting", "not_voting", "did not vote", "4", "нг"),
    VoteOption.ABSENT: ("відсутній", "відсутня", "відсутній(я)", "відс.", "absent", "5", "в", "вд"),
}.items():
    for _word in _words:
        _OPTION_WORDS[search_key(_word)] = _option


def parse_vote_option(text: object) -> VoteOption | None:
    """A vote option from what a voting system or a clerk wrote ("За", "ПРОТИ", "утрим.", "+", "1", "absent").

    Case, apostrophes and spacing do not matter. Returns None for text that is not an option
    (the caller reports the row); an empty cell is not an option either.
    """
    if text is None:
        return None
    key = search_key(str(text))
    if not key:
        return None
    if key in VoteOption._value2member_map_:
        return VoteOption(key)
    return _OPTION_WORDS.get(key) or _OPTION_WORDS.get(key.rstrip("."))


ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def roman(number: int) -> str:
    """``8`` → ``VIII`` (convocations are written in Roman numerals)."""
    if number < 1:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, letters in ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def decision_number(session_number: int, item_number: int, convocation: int) -> str:
    """The customary number of a decision: ``12-3/VIII`` (session 12, item 3, convocation VIII)."""
    return f"{session_number}-{item_number}/{roman(convocation)}"


_DECISION_RE = re.compile(r"^[0-9A-Za-zА-Яа-яІіЇїЄєҐґ/\-–.№ ]{1,40}$")


def check_decision_number(text: str) -> str | None:
    """A problem with a decision number, in Ukrainian, or None when it looks right."""
    value = text.strip()
    if not value:
        return "Вкажіть номер рішення (наприклад, 12-3/VIII)."
    if not _DECISION_RE.match(value) or not any(ch.isdigit() for ch in value):
        return f"Номер рішення «{value}» має незвичний вигляд: очікується, наприклад, 12-3/VIII."
    return None


def initiative_answer_due(kind: InitiativeKind | str, submitted: dt.date, *, inquiry_days: int,
                          appeal_days: int) -> dt.date | None:
    """When an answer is due: an inquiry within ``inquiry_days`` (a month by law), an appeal within
    ``appeal_days`` (ten days by law); draft decisions and proposals have no answer deadline."""
    kind = InitiativeKind(kind)
    if kind is InitiativeKind.INQUIRY:
        return submitted + dt.timedelta(days=inquiry_days)
    if kind is InitiativeKind.APPEAL:
        return submitted + dt.timedelta(days=appeal_days)
    return None


def report_publication_deadline(meeting: dt.date, notice_days: int) -> dt.date:
    """The last day to publish a deputy's annual report before the meeting with voters."""
    return meeting - dt.timedelta(days=notice_days)


def full_name(surname: str, given_name: str, patronymic: str = "") -> str:
    return " ".join(part for part in (surname.strip(), given_name.strip(), patronymic.strip()) if part)


def short_name(surname: str, given_name: str, patronymic: str = "") -> str:
    """``Шевченко О. П.``: the form used in roll calls and tables."""
    initials = " ".join(f"{p.strip()[0]}." for p in (given_name, patronymic) if p.strip())
    return f"{surname.strip()} {initials}".strip()


def deputy_search_key(surname: str, given_name: str, patronymic: str) -> str:
    return search_key(full_name(surname, given_name, patronymic))


UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
# Each Ukrainian letter to a code point in alphabet order (code point order puts є, і, ї, ґ after я).
_COLLATION = str.maketrans({ch: chr(0xE000 + i) for i, ch in enumerate(UKRAINIAN_ALPHABET)}
                           | {"'": None, "-": " "})


def collation_key(text: str) -> str:
    """A key that sorts Ukrainian names in alphabet order: Гончаренко < Ґудзь < Дяченко, Зінченко < Їжакевич.

    Case-insensitive; apostrophes are ignored (Д’яченко sorts as Дяченко), as in Ukrainian dictionaries.
    """
    return search_key(text).translate(_COLLATION)


__all__ = [
    "CLOSED_INITIATIVE_STATUSES",
    "OPTION_ORDER",
    "AttendanceStatus",
    "CommitteeRole",
    "InitiativeKind",
    "InitiativeStatus",
    "InitiatorKind",
    "ItemStatus",
    "MandateEndReason",
    "SessionKind",
    "check_decision_number",
    "collation_key",
    "decision_number",
    "deputy_search_key",
    "full_name",
    "initiative_answer_due",
    "parse_vote_option",
    "report_publication_deadline",
    "roman",
    "short_name",
]

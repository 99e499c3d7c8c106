"""What the petition services take and return: plain frozen dataclasses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.domain.petitions import CollectionWindow, PetitionOutcome, PetitionState, PetitionStatus


@dataclass(frozen=True)
class PetitionInput:
    """What the clerk types for a petition (author's contacts are private)."""

    title: str
    text: str
    author_name: str
    submitted_on: dt.date
    author_address: str = ""
    author_phone: str = ""
    author_email: str = ""
    responsible: str = ""
    online_url: str = ""


@dataclass(frozen=True)
class PetitionRow:
    """One line of the petitions list (public data only)."""

    id: int
    number: int
    title: str
    author_name: str
    submitted_on: dt.date
    published_on: dt.date | None
    threshold: int | None
    signature_count: int
    status: PetitionStatus
    answered_on: dt.date | None
    answer_text: str
    appeal_id: int | None
    appeal_number: str
    version: int

    @property
    def state(self) -> PetitionState:
        return self.status.state

    @property
    def progress(self) -> float:
        """Share of the threshold collected, 0…1 (0 for drafts)."""
        if not self.threshold:
            return 0.0
        return min(1.0, self.signature_count / self.threshold)


@dataclass(frozen=True)
class PetitionDetail(PetitionRow):
    text: str = ""
    author_address: str = ""
    author_phone: str = ""
    author_email: str = ""
    responsible: str = ""
    online_url: str = ""
    window: CollectionWindow | None = None
    threshold_reached_on: dt.date | None = None
    outcome: PetitionOutcome | None = None
    answered_by: str = ""
    private_visible: bool = True
    links: tuple[str, ...] = field(default_factory=tuple)  # agenda item / decision that acted on it
    links_en: tuple[str, ...] = field(default_factory=tuple)  # the same in English, for the GUI

    def link_texts(self, language: str = "uk") -> tuple[str, ...]:
        return self.links_en if language == "en" else self.links

    def input(self) -> PetitionInput:
        return PetitionInput(
            title=self.title, text=self.text, author_name=self.author_name, submitted_on=self.submitted_on,
            author_address=self.author_address, author_phone=self.author_phone, author_email=self.author_email,
            responsible=self.responsible, online_url=self.online_url,
        )


@dataclass(frozen=True)
class SignatureInput:
    """One signature as typed or imported; ``line`` is the row in an import file (0 when typed)."""

    signer_name: str
    signed_on: dt.date | None = None
    address: str = ""
    phone: str = ""
    channel: str = "paper"
    line: int = 0


@dataclass(frozen=True)
class SignatureRow:
    id: int
    number: int  # 1-based position in the petition's list, by date of signing
    signer_name: str
    signed_on: dt.date
    channel: str
    address: str
    phone: str
    source: str
    created_at: dt.datetime

"""Citizens' appeals (звернення громадян): what an appeal is, how it came, how it was answered.

The kinds are those of the Law of Ukraine "On citizens' appeals" (art. 3): a proposal, a
statement (with a request) and a complaint. Each kind has the letter the paperwork
instruction puts into registration numbers ("П-15"). The values are stable ids for storage
and exports; the titles are what registers and reports show.
"""

from __future__ import annotations

from app.domain.enums import TitledEnum


class AppealKind(TitledEnum):
    """The kind of an appeal; :attr:`letter` is its letter in registration numbers (``{kind}``)."""

    PROPOSAL = "proposal", "пропозиція (зауваження)", "proposal"
    STATEMENT = "statement", "заява (клопотання)", "statement"
    COMPLAINT = "complaint", "скарга", "complaint"

    @property
    def letter(self) -> str:
        return _KIND_LETTERS[self.value]


_KIND_LETTERS = {"proposal": "П", "statement": "З", "complaint": "С"}


class AppealChannel(TitledEnum):
    """How an appeal reached the council. ``PETITION`` is set only when a petition short of its
    signatures is handed over as an appeal."""

    POST = "post", "поштою", "by post"
    IN_PERSON = "in_person", "особисто", "in person"
    EMAIL = "email", "електронною поштою", "by e-mail"
    RECEPTION = "reception", "на прийомі громадян (депутат)", "at a deputy's reception hours"
    HOTLINE = "hotline", "гаряча лінія", "hotline"
    PETITION = "petition", "петиція, що не набрала підписів", "petition short of signatures"


class AppealResult(TitledEnum):
    """The result of considering an appeal, recorded with the answer."""

    RESOLVED = "resolved", "вирішено позитивно", "resolved"
    EXPLAINED = "explained", "надано роз’яснення", "explanation given"
    REFUSED = "refused", "відмовлено", "refused"
    FORWARDED = "forwarded", "надіслано за належністю", "forwarded to the competent body"

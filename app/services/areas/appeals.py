"""Citizens' written appeals: registration, legal answer deadlines, answers."""

from __future__ import annotations

from app.services import appeals
from app.services.area import Area, Dataset

AREA = Area(
    key="appeals",
    title_uk="Звернення громадян",
    title_en="Citizens' appeals",
    settings=(appeals.NUMBER_PATTERN, appeals.TERM_DAYS, appeals.TERM_NO_STUDY_DAYS, appeals.MAX_DAYS),
    audit_labels={"appeal": ("звернення громадян", "citizens' appeal")},
    due_items=appeals.due_items,
    open_data=(
        Dataset("appeal", "petitions", "Звернення громадян (без даних заявників)",
                ("reg_year", "reg_number", "received_on", "channel", "kind", "topic", "term_days", "extended_on",
                 "answered_on", "result"), note="Без імен, адрес, телефонів, e-mail і змісту звернень."),
    ),
)

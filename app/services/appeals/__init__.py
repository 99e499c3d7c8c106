"""The register of citizens' appeals (звернення громадян): registration, deadlines, extension, answer.

Deadlines follow the Law "On citizens' appeals" art. 20 (see app.domain.deadlines): 30
days, 15 when the appeal needs no additional study, an extension to at most 45 days in
total with a recorded reason; a term ending on a day off moves to the next working day of
the council's calendar. The due date is derived when read, so correcting the holiday list
moves the deadlines of appeals still open.

Registration numbers follow the council's pattern (setting ``appeals.number_pattern``, see
:mod:`.rules`). An appeal from an applicant who already wrote on the same topic is flagged
as repeated and linked to the latest earlier one. Kinds, channels and results are titled enums
in :mod:`app.domain.appeals`.

Applicants' names and contacts are private: only the internal overdue list shows them.

Modules:

* :mod:`.rules` — the council's rules (settings): numbering pattern and terms; registration numbers;
* :mod:`.views` — the dataclasses the services take and return;
* :mod:`.common` — validation, search keys, repeat detection shared by the modules;
* :mod:`.registration` — registering appeals one by one or a whole register, corrections;
* :mod:`.answers` — extending the term, recording the answer;
* :mod:`.reads` — the register with due dates, one appeal, filter choices;
* :mod:`.stats` — figures of a period, the overdue list;
* :mod:`.due` — the home page's "due soon" items.

Callers use the package as one API (``appeals.register_appeal(...)``): the names are re-exported here.
"""

from app.services.appeals.answers import answer_appeal, extend_appeal
from app.services.appeals.common import can_see_private
from app.services.appeals.due import PAGE_KEY, due_items
from app.services.appeals.reads import (
    AppealFilter,
    FilterChoices,
    appeal_id_by_number,
    due_date_for,
    earlier_appeals,
    filter_choices,
    find_earlier,
    get_appeal,
    list_appeals,
    topics_in_use,
)
from app.services.appeals.registration import import_appeals, insert_appeal, register_appeal, update_appeal
from app.services.appeals.rules import (
    MAX_DAYS,
    NUMBER_PATTERN,
    TERM_DAYS,
    TERM_NO_STUDY_DAYS,
    Numbering,
    check_pattern,
    format_number,
    numbering,
)
from app.services.appeals.stats import MONTHS_UK, AppealStatistics, OverdueAppeal, overdue_appeals, statistics
from app.services.appeals.views import AppealAnswer, AppealDetail, AppealInput, AppealRow

__all__ = [
    "MAX_DAYS",
    "MONTHS_UK",
    "NUMBER_PATTERN",
    "PAGE_KEY",
    "TERM_DAYS",
    "TERM_NO_STUDY_DAYS",
    "AppealAnswer",
    "AppealDetail",
    "AppealFilter",
    "AppealInput",
    "AppealRow",
    "AppealStatistics",
    "FilterChoices",
    "Numbering",
    "OverdueAppeal",
    "answer_appeal",
    "appeal_id_by_number",
    "can_see_private",
    "check_pattern",
    "due_date_for",
    "due_items",
    "earlier_appeals",
    "extend_appeal",
    "filter_choices",
    "find_earlier",
    "format_number",
    "get_appeal",
    "import_appeals",
    "insert_appeal",
    "list_appeals",
    "numbering",
    "overdue_appeals",
    "register_appeal",
    "statistics",
    "topics_in_use",
    "update_appeal",
]

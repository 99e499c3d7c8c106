"""Local e-petitions: register, publication, signatures, answer, and hand-over to appeals.

A petition's state is never typed: it follows from its dates and signature count
(:func:`app.domain.petitions.petition_state`) on the council's working calendar. The
threshold and the collection window are copied from the council settings when the
petition is published, so a later change of the statute does not alter a running
petition. A petition whose window closes short of the threshold is handled as an
ordinary appeal: :func:`register_as_appeal` creates that appeal, linked to it.

Signers are compared by :func:`app.domain.names.normalize_person_name`; the database
refuses the same key twice for one petition (UNIQUE constraint), so two PCs entering
signatures at once cannot both record one person. The refusal names the earlier
signature (date and channel).

Private data (author's and signers' contacts) is returned only to users who may edit
records or enter signatures, and never reaches a public report.

Modules:

* :mod:`.views` — the dataclasses the services take and return;
* :mod:`.common` — derived state, validation, search keys shared by the modules;
* :mod:`.lifecycle` — registration, corrections, publication (collection settings), answer, hand-over;
* :mod:`.signatures` — signatures typed, imported, struck out, listed; the recount;
* :mod:`.reads` — the register with derived states, one petition, pickers;
* :mod:`.due` — the home page's "due soon" items;
* :mod:`.links` — links from a petition to the agenda item or decision that acted on it.

Callers use the package as one API (``petitions.add_signature(...)``): the names are re-exported
here. Signature channels are :class:`app.domain.petitions.SignatureChannel`.
"""

from app.services.petitions.common import MAX_NAME, MAX_TITLE, can_see_private, plural_uk, signatures_text
from app.services.petitions.due import PAGE_KEY, due_items
from app.services.petitions.lifecycle import (
    THRESHOLD,
    WINDOW_IN_MONTHS,
    WINDOW_LENGTH,
    answer_petition,
    collection_rules,
    create_petition,
    delete_petition,
    publish_petition,
    register_as_appeal,
    update_petition,
)
from app.services.petitions.reads import (
    STATE_FILTERS,
    get_petition,
    list_petitions,
    petition_choices,
    petition_id_by_number,
    state_counts,
)
from app.services.petitions.signatures import (
    BatchCheck,
    BatchProblem,
    DuplicateSignatureError,
    add_signature,
    add_signatures,
    check_signatures,
    find_signer,
    list_signatures,
    recount,
    remove_signature,
)
from app.services.petitions.views import PetitionDetail, PetitionInput, PetitionRow, SignatureInput, SignatureRow

__all__ = [
    "MAX_NAME",
    "MAX_TITLE",
    "PAGE_KEY",
    "STATE_FILTERS",
    "THRESHOLD",
    "WINDOW_IN_MONTHS",
    "WINDOW_LENGTH",
    "BatchCheck",
    "BatchProblem",
    "DuplicateSignatureError",
    "PetitionDetail",
    "PetitionInput",
    "PetitionRow",
    "SignatureInput",
    "SignatureRow",
    "add_signature",
    "add_signatures",
    "answer_petition",
    "can_see_private",
    "check_signatures",
    "collection_rules",
    "create_petition",
    "delete_petition",
    "due_items",
    "find_signer",
    "get_petition",
    "list_petitions",
    "list_signatures",
    "petition_choices",
    "petition_id_by_number",
    "plural_uk",
    "publish_petition",
    "recount",
    "register_as_appeal",
    "remove_signature",
    "signatures_text",
    "state_counts",
    "update_petition",
]

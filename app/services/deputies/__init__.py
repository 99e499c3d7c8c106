"""Deputies and the council: the register of deputies, factions, districts, committees, sessions, votes.

Every write takes the acting user, checks ``EDIT_RECORDS``, validates (a Ukrainian sentence for the
clerk, English as the second argument), runs in one transaction and appends its audit event there.
Updates take the version the clerk opened and are refused as stale when someone saved meanwhile.
Reads return frozen dataclasses; nothing here hands out a session or an ORM object.

Modules:

* :mod:`.common` — helpers every module shares (permission, text cleaning, composition, names);
* :mod:`.factions` — factions and electoral districts;
* :mod:`.members` — deputies: card, mandate, contacts, photo, committee seats;
* :mod:`.committees` — standing committees and their members;
* :mod:`.statistics` — attendance, participation, faction discipline, a deputy's votes;
* :mod:`.sessions` — sessions, attendance register, agenda, decisions;
* :mod:`.rollcalls` — roll-call votes;
* :mod:`.initiatives` — deputies' inquiries, appeals and yearly reports, their answer terms, due items.

The register API (``deputies.create_deputy(...)``) is re-exported here; sessions, roll calls and
initiatives are imported as modules (``from app.services.deputies import sessions``).
"""

from app.services.deputies.committees import (
    CommitteeData,
    CommitteeMemberView,
    CommitteeView,
    delete_committee,
    list_committees,
    save_committee,
)
from app.services.deputies.factions import (
    DistrictData,
    DistrictView,
    FactionData,
    FactionView,
    delete_faction,
    list_districts,
    list_factions,
    save_district,
    save_faction,
)
from app.services.deputies.initiatives import APPEAL_DAYS, INQUIRY_DAYS, REPORT_NOTICE_DAYS
from app.services.deputies.members import (
    MAX_PHOTO_BYTES,
    CommitteeSeat,
    DeputyData,
    DeputyFilter,
    DeputyRow,
    DeputyView,
    create_deputy,
    delete_deputy,
    deputy_choices,
    deputy_label,
    get_deputy,
    get_deputy_photo,
    list_deputies,
    set_deputy_photo,
    update_deputy,
)
from app.services.deputies.statistics import (
    AttendanceLine,
    AttendanceSessionCol,
    AttendanceTable,
    DeputyStats,
    DeputyVoteRow,
    attendance_table,
    deputy_statistics,
    deputy_votes,
    initiative_kinds_summary,
    recall_candidates,
    session_years,
)

__all__ = [
    "APPEAL_DAYS",
    "INQUIRY_DAYS",
    "MAX_PHOTO_BYTES",
    "REPORT_NOTICE_DAYS",
    "AttendanceLine",
    "AttendanceSessionCol",
    "AttendanceTable",
    "CommitteeData",
    "CommitteeMemberView",
    "CommitteeSeat",
    "CommitteeView",
    "DeputyData",
    "DeputyFilter",
    "DeputyRow",
    "DeputyStats",
    "DeputyView",
    "DeputyVoteRow",
    "DistrictData",
    "DistrictView",
    "FactionData",
    "FactionView",
    "attendance_table",
    "create_deputy",
    "delete_committee",
    "delete_deputy",
    "delete_faction",
    "deputy_choices",
    "deputy_label",
    "deputy_statistics",
    "deputy_votes",
    "get_deputy",
    "get_deputy_photo",
    "initiative_kinds_summary",
    "list_committees",
    "list_deputies",
    "list_districts",
    "list_factions",
    "recall_candidates",
    "save_committee",
    "save_district",
    "save_faction",
    "session_years",
    "set_deputy_photo",
    "update_deputy",
]

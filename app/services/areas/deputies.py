"""Deputies and the council: factions, districts, committees, sessions, roll calls, initiatives."""

from __future__ import annotations

from app.services import deputies
from app.services.area import Area, Dataset
from app.services.deputies import initiatives

AREA = Area(
    key="deputies",
    title_uk="Депутати, сесії, голосування",
    title_en="Deputies, sessions, votes",
    settings=(deputies.INQUIRY_DAYS, deputies.APPEAL_DAYS, deputies.REPORT_NOTICE_DAYS),
    audit_labels={
        "faction": ("фракція", "faction"),
        "electoral_district": ("виборчий округ", "electoral district"),
        "deputy": ("депутат", "deputy"),
        "committee": ("постійна комісія", "standing committee"),
        "committee_member": ("член комісії", "committee member"),
        "council_session": ("сесія", "session"),
        "session_attendance": ("реєстрація на сесії", "session attendance"),
        "agenda_item": ("питання порядку денного", "agenda item"),
        "roll_call": ("поіменне голосування", "roll-call vote"),
        "vote": ("голос депутата", "deputy's vote"),
        "decision": ("рішення ради", "council decision"),
        "deputy_initiative": ("ініціатива депутата", "deputy's initiative"),
        "deputy_annual_report": ("звіт депутата перед виборцями", "deputy's annual report"),
    },
    due_items=initiatives.due_items,
    open_data=(
        Dataset("faction", "deputies", "Фракції", ("name", "short_name", "description")),
        Dataset("electoral_district", "deputies", "Виборчі округи", ("number", "name", "description")),
        Dataset("committee", "deputies", "Постійні комісії", ("name", "short_name", "description")),
        Dataset("deputy", "deputies", "Депутати",
                ("surname", "given_name", "patronymic", "convocation", "faction_id", "district_id", "mandate_start",
                 "mandate_end", "mandate_end_reason", "position", "biography", "phone", "email", "reception_hours",
                 "reception_place"),
                conditional={"phone": "phone_public", "email": "email_public"},
                note="Телефон і e-mail — лише ті, які депутат погодився оприлюднити."),
        Dataset("committee_member", "deputies", "Склад комісій", ("committee_id", "deputy_id", "role")),
        Dataset("council_session", "deputies", "Сесії", ("number", "convocation", "date", "kind", "place")),
        Dataset("session_attendance", "deputies", "Присутність на сесіях", ("session_id", "deputy_id", "status")),
        Dataset("agenda_item", "deputies", "Питання порядку денного",
                ("session_id", "number", "title", "initiator_kind", "initiator_deputy_id", "initiator_committee_id",
                 "initiator_note", "draft_number", "majority", "status")),
        Dataset("roll_call", "deputies", "Поіменні голосування",
                ("agenda_item_id", "session_id", "number", "title", "vote_date", "majority", "composition", "required",
                 "votes_for", "votes_against", "abstained", "not_voting", "absent", "passed")),
        Dataset("vote", "deputies", "Голоси депутатів", ("roll_call_id", "deputy_id", "faction_id", "option")),
        Dataset("decision", "deputies", "Рішення",
                ("number", "date", "title", "text", "agenda_item_id", "roll_call_id", "file_name")),
        Dataset("deputy_initiative", "deputies", "Депутатські запити та звернення",
                ("deputy_id", "kind", "number", "title", "submitted_on", "addressee", "status", "answer", "answered_on",
                 "session_id")),
        Dataset("deputy_annual_report", "deputies", "Звіти депутатів перед виборцями",
                ("deputy_id", "year", "meeting_date", "meeting_place", "published_on", "committee_work", "voter_work",
                 "district_work", "other", "plans")),
    ),
)

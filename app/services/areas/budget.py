"""The participatory budget: cycles, projects, voting points, ballots, results, implementation."""

from __future__ import annotations

from app.services import budget
from app.services.area import Area, Dataset, TablePolicy

AREA = Area(
    key="budget",
    title_uk="Громадський бюджет",
    title_en="Participatory budget",
    audit_labels={
        "pb_cycle": ("цикл громадського бюджету", "participatory budget cycle"),
        "pb_category": ("категорія проєктів", "project category"),
        "pb_voting_point": ("пункт голосування", "voting point"),
        "pb_project": ("проєкт громадського бюджету", "participatory budget project"),
        "pb_cost_item": ("стаття кошторису проєкту", "project cost item"),
        "pb_ballot": ("бюлетень", "ballot"),
        "pb_ballot_choice": ("вибір у бюлетені", "ballot choice"),
        "pb_spoiled_ballot": ("зіпсований бюлетень", "spoiled ballot"),
        "pb_implementation": ("реалізація проєкту", "project implementation"),
        "pb_milestone": ("етап реалізації", "implementation milestone"),
        "pb_secret": ("секрет бази (громадський бюджет)", "database secret (participatory budget)"),
    },
    due_items=budget.due_items,
    exchange_policies={
        "pb_secret": TablePolicy(exclude=True),  # the voter-hash key: compared by fingerprint, never shipped
        "pb_voting_point": TablePolicy(natural_key=("name",)),
    },
    open_data=(
        Dataset("pb_cycle", "budget", "Цикли громадського бюджету",
                ("title", "year", "description", "currency", "total_budget", "submission_start", "submission_end",
                 "review_end", "voting_start", "voting_end", "results_date", "implementation_end", "vote_type",
                 "min_choices", "max_choices", "max_points", "min_age", "tie_break", "results_approved_at"),
                note="Суми — у копійках (1/100 гривні)."),
        Dataset("pb_category", "budget", "Категорії проєктів",
                ("cycle_id", "name", "position", "budget", "min_cost", "max_cost", "max_choices", "rule", "threshold",
                 "result_cost_used", "result_notes")),
        Dataset("pb_project", "budget", "Проєкти громадського бюджету",
                ("cycle_id", "category_id", "number", "code", "title", "description", "author_name", "location",
                 "district", "cost", "status", "status_reason", "result_votes", "result_score", "result_status",
                 "result_explanation", "result_position"), note="Без контактів авторів."),
        Dataset("pb_cost_item", "budget", "Кошториси проєктів", ("project_id", "position", "description", "amount")),
        Dataset("pb_voting_point", "budget", "Пункти голосування", ("name", "address", "is_active")),
        Dataset("pb_implementation", "budget", "Реалізація проєктів",
                ("project_id", "status", "progress", "allocated", "spent", "contractor", "started_on", "completed_on",
                 "notes")),
        Dataset("pb_milestone", "budget", "Етапи реалізації",
                ("project_id", "position", "title", "due_on", "done_on", "notes")),
    ),
)

"""Participatory budget records: cycles, categories, voting points, projects with cost items, implementation.

The area is used as one API (``budget.list_cycles(db)``, ``budget.add_project(...)``): this facade
re-exports the records services from their modules — :mod:`.cycles`, :mod:`.categories`, :mod:`.points`,
:mod:`.projects`, :mod:`.implementation`, :mod:`.due` — and the views and helpers they share
(:mod:`.views`, :mod:`.common`). Ballots live in :mod:`app.services.budget.ballots` (counts and
turnout in :mod:`.counts`, bulk inserts in :mod:`.bulk`), outcomes in :mod:`app.services.budget.results`,
Pabulib elections in :mod:`.elections` and :mod:`.pabulib_import`. The stored ids with their titles
(project status, phase, vote type...) are domain rules: :mod:`app.domain.budget`.

Every write checks the actor's permission (``EDIT_RECORDS``), validates with Ukrainian
messages, runs in one transaction and appends an audit event in it. Money is always an
integer number of kopiykas (the cycle's currency's smallest unit, 100 per unit).
"""

from app.services.budget.categories import (
    CategoryData,
    add_category,
    delete_category,
    update_category,
    validate_category,
)
from app.services.budget.common import MAX_MONEY, money_text
from app.services.budget.cycles import (
    CycleData,
    create_cycle,
    cycle_choices,
    delete_cycle,
    get_cycle,
    list_cycles,
    update_cycle,
    validate_cycle,
)
from app.services.budget.due import DUE_HORIZON_DAYS, due_items
from app.services.budget.implementation import (
    ImplementationData,
    ImplementationView,
    MilestoneData,
    MilestoneView,
    add_milestone,
    delete_milestone,
    get_implementation,
    list_implementation,
    update_implementation,
    update_milestone,
)
from app.services.budget.points import add_point, delete_point, get_point, list_points, point_names, update_point
from app.services.budget.projects import (
    ProjectData,
    ProjectFilter,
    add_project,
    delete_project,
    get_project,
    list_projects,
    project_choices,
    review_project,
    update_project,
)
from app.services.budget.views import CategoryView, CostItemData, CycleView, PointView, ProjectView

__all__ = [
    "DUE_HORIZON_DAYS",
    "MAX_MONEY",
    "CategoryData",
    "CategoryView",
    "CostItemData",
    "CycleData",
    "CycleView",
    "ImplementationData",
    "ImplementationView",
    "MilestoneData",
    "MilestoneView",
    "PointView",
    "ProjectData",
    "ProjectFilter",
    "ProjectView",
    "add_category",
    "add_milestone",
    "add_point",
    "add_project",
    "create_cycle",
    "cycle_choices",
    "delete_category",
    "delete_cycle",
    "delete_milestone",
    "delete_point",
    "delete_project",
    "due_items",
    "get_cycle",
    "get_implementation",
    "get_point",
    "get_project",
    "list_cycles",
    "list_implementation",
    "list_points",
    "list_projects",
    "money_text",
    "point_names",
    "project_choices",
    "review_project",
    "update_category",
    "update_cycle",
    "update_implementation",
    "update_milestone",
    "update_point",
    "update_project",
    "validate_category",
    "validate_cycle",
]

"""Glue between the report kit and the database: the council header of this database."""

from __future__ import annotations

from app.db.engine import Database
from app.reports.kit import CouncilHeader
from app.services.core import council


def council_header(db: Database) -> CouncilHeader:
    profile = council.require_profile(db)
    return CouncilHeader(
        hromada_name=profile.hromada_name,
        council_name=profile.council_name,
        address=profile.address,
        website=profile.website,
        logo=profile.logo,
    )

"""All ORM models; importing this package fills ``Base.metadata`` (Alembic needs every table).

Each area keeps its tables in its own module; add the module to the import list below.
"""

from app.db.models import (
    budget,  # noqa: F401
    core,  # noqa: F401
    deputies,  # noqa: F401
    exchange,  # noqa: F401
    petition_links,  # noqa: F401 - after deputies and petitions: links the two (migration 0210)
    petitions,  # noqa: F401
)

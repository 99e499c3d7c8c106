"""All ORM models; importing this package fills ``Base.metadata`` (Alembic needs every table).

Each area keeps its tables in its own module; add the module to the import list below.
"""

from app.db.models import core  # noqa: F401
from app.db.models import deputies  # noqa: F401
from app.db.models import budget  # noqa: F401
from app.db.models import petitions  # noqa: F401

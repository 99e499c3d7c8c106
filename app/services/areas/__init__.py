"""Each area's declaration (:class:`app.services.area.Area`), one module per area.

They live here, outside the areas' own packages, so that reading the registry never runs an
area package that itself reads the registry (exchange, backups): a declaration imports only the
settings and due-item functions it names, and is data otherwise.
"""

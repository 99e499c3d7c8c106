"""Data safety: nothing the clerk entered is lost, whatever happens to the PC or the USB stick.

* :mod:`.backup`: automatic and manual backups of the SQLite database, checked restore;
* :mod:`.dbcopy`: moving a database between SQLite and PostgreSQL, verified table by table;
* :mod:`.safefile`: files that appear whole or not at all, the encrypted container, unique names;
* :mod:`.identity`: this PC's identity for exchange, kept across a restore;
* :mod:`.area`: the area's settings and audit labels (data only; the registry reads it).

Callers import the module they need (``from app.services.safety import backup``).
"""

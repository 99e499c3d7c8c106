"""``python -m app`` is the same as the ``hromada`` command.

The process entry point, not library code: it is the one place under app/ that names the
Qt front end, because running the package must open the GUI like the installed command.
Nothing imports this module.
"""

from ui.launcher import entry

entry()

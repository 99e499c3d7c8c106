"""The open-data pack: a folder ready to upload to the council's website.

``hromada --db PATH publish --out DIR`` (and the Data safety page) writes:

* ``index.html`` — plain, printable Ukrainian page linking everything below;
* ``reports/*.pdf`` — every *public* report of :mod:`app.reports.registry` (reports that
  need a record get one PDF per record offered by their ``choices``);
* ``data/<table>.csv`` and ``data/<area>.xlsx`` — one dataset per table, built generically
  from an **allow-list** of public columns (:func:`app.services.registry.datasets`); private columns are never
  read into a dataset;
* ``data/popolo.json`` (Popolo) and ``data/*.pb``
  (Pabulib, one per budget category of every cycle whose results were approved);
* ``manifest.json`` — machine-readable list of every file with its SHA-256.

Nothing is written to DIR until everything has been generated in a staging folder and
**scanned for private data**: the actual private values present in the database (citizens'
addresses, phones, e-mails, birth dates, document numbers, voter hashes, secrets) and
patterns for phones, e-mails, document numbers and hashes, in every file including the
text of the PDFs. A finding stops the publication with the file and the field named.

The modules: :mod:`~app.publish.pack` (the staging folder, the manifest, the swap into
place), :mod:`~app.publish.content` (reports, datasets, Popolo, Pabulib),
:mod:`~app.publish.files` (CSV/XLSX writers), :mod:`~app.publish.index_page` (index.html),
:mod:`~app.publish.scan` (the private-data scan). What is read from the database (the
datasets, the private values, the audit entry) is :mod:`app.services.open_data`.
"""

from app.publish.files import PackFile
from app.publish.pack import PublishResult, publish
from app.publish.scan import Finding, PrivateDataError, file_text, scan_text

__all__ = ["Finding", "PackFile", "PrivateDataError", "PublishResult", "file_text", "publish", "scan_text"]

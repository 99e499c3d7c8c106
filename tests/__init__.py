"""The test suite; tests read data only from :data:`DATA_DIR` (``tests/data``)."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

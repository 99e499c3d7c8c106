"""Helpers for testing PDFs: extract their text, render a page to PNG to look at it.

Usage in a report test::

    from tests.reports.pdf_utils import pdf_text, render_png

    text = pdf_text(tmp_path / "report.pdf")
    png = render_png(tmp_path / "report.pdf", page=1, out_dir=tmp_path)  # skips without poppler
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader


def pdf_pages(path: Path | str) -> list[str]:
    """The extracted text of each page, in order."""
    reader = PdfReader(str(path))
    return [page.extract_text() or "" for page in reader.pages]


def pdf_text(path: Path | str) -> str:
    """The text of all pages, joined by newlines (pypdf's extraction)."""
    return "\n".join(pdf_pages(path))


def render_png(pdf_path: Path | str, page: int = 1, out_dir: Path | str | None = None, *, dpi: int = 60) -> Path:
    """Render one page with poppler's ``pdftoppm`` and return the PNG's path.

    The PNG is written to ``out_dir`` (default: beside the PDF) as ``<pdf stem>-p<page>.png``.
    Skips the calling test when ``pdftoppm`` (Debian: poppler-utils) is not installed.
    """
    exe = shutil.which("pdftoppm")
    if exe is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = Path(pdf_path)
    folder = Path(out_dir) if out_dir is not None else pdf.parent
    folder.mkdir(parents=True, exist_ok=True)
    prefix = folder / f"{pdf.stem}-p{page}"
    subprocess.run(
        [exe, "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    out = prefix.with_name(prefix.name + ".png")
    if not out.is_file():
        raise FileNotFoundError(f"pdftoppm wrote no {out}")
    return out

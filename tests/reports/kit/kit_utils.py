"""Shared helpers of the report-kit tests: a sample council, a one-call PDF build, a failing flowable."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from PIL import Image
from pypdf import PdfReader
from reportlab.platypus import Flowable, PageBreak

from app.reports.kit import CouncilHeader, build_pdf, paragraph

SAMPLE = "Їжак Ґалаґан Єва, Д’яченко, №"
WHEN = datetime(2026, 11, 26, 14, 5)
COUNCIL = CouncilHeader(hromada_name="Ясенівська громада", council_name="Ясенівська сільська рада")
WEBSITE = "https://yasenove.gov.ua"


def build(path: Path, story: list[Flowable], **kwargs: object) -> Path:
    options: dict[str, object] = {"title": "Звіт", "council": COUNCIL, "generated_at": WHEN}
    options.update(kwargs)
    build_pdf(path, story=story, **options)  # type: ignore[arg-type]
    return path


def long_story(pages: int) -> list[Flowable]:
    story: list[Flowable] = []
    for i in range(pages - 1):
        story += [paragraph(f"Розділ {i + 1}"), PageBreak()]
    story.append(paragraph("Кінець"))
    return story


def png_bytes(size: tuple[int, int] = (64, 64)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (31, 58, 95)).save(out, "PNG")
    return out.getvalue()


class Boom(Flowable):
    """A flowable that fails while being drawn, halfway through a document."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, 10

    def draw(self) -> None:
        raise RuntimeError("boom")


def link_uris(pdf: Path) -> list[str]:
    uris = []
    for page in PdfReader(str(pdf)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None:
                uris.append(str(action["/URI"]))
    return uris

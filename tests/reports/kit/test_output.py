"""Tests of writing a report: atomically to a path, or to a stream."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from app.reports.kit import build_pdf, paragraph
from app.reports.kit.output import write_atomically
from tests.reports.kit.kit_utils import COUNCIL, SAMPLE, Boom, build, long_story
from tests.reports.pdf_utils import pdf_text


def test_exception_in_story_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "r.pdf"
    with pytest.raises(RuntimeError, match="boom"):
        build(target, [*long_story(3), Boom()])
    assert list(tmp_path.iterdir()) == []


def test_failed_rebuild_keeps_the_previous_good_file(tmp_path: Path) -> None:
    target = build(tmp_path / "r.pdf", [paragraph("перша версія")])
    good = target.read_bytes()
    with pytest.raises(RuntimeError):
        build(target, [paragraph("друга версія"), Boom()])
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_writes_to_a_stream_and_does_not_consume_the_story(tmp_path: Path) -> None:
    story = [paragraph(SAMPLE)]
    out = io.BytesIO()
    build_pdf(out, title="Т", council=COUNCIL, story=story)
    assert out.getvalue().startswith(b"%PDF-")
    assert len(story) == 1
    build_pdf(str(tmp_path / "again.pdf"), title="Т", council=COUNCIL, story=story)
    assert SAMPLE in pdf_text(tmp_path / "again.pdf")


def test_atomic_write_makes_an_ordinary_document_and_keeps_an_existing_mode(tmp_path: Path) -> None:
    def first(fh: BinaryIO) -> None:
        fh.write(b"one")

    def second(fh: BinaryIO) -> None:
        fh.write(b"two")

    target = tmp_path / "r.pdf"
    write_atomically(target, first)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's private 0600
    os.chmod(target, 0o640)
    write_atomically(target, second)
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]

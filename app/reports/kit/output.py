"""Writing a finished PDF: atomically to a path, or in one piece to a stream."""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["write_atomically", "write_output"]


def write_output(out: Path | str | BinaryIO, render: Callable[[BinaryIO], None]) -> None:
    """Run ``render`` for ``out``: a path is written atomically, a stream gets the whole file at the end."""
    if isinstance(out, (str, os.PathLike)):
        write_atomically(Path(out), render)
    else:
        buffer = io.BytesIO()
        render(buffer)
        out.write(buffer.getvalue())


def write_atomically(target: Path, render: Callable[[BinaryIO], None]) -> None:
    """Run ``render`` into a temporary file next to ``target``, then move it into place.

    A failure never leaves a half-written file and never clobbers an earlier good one.
    """
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            render(fh)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp creates the file private (0600); a report is an ordinary document.
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise

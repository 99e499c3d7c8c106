"""The ``hromada`` command: subcommands, exit codes, messages on stderr."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli.main import main
from app.db.engine import open_database
from app.demo import profile as demo_profile


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def test_report_list(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_db), "report", "list"]) == 0
    out = capsys.readouterr().out
    assert "council-profile" in out and "публічний" in out
    assert "audit-trail" in out and "службовий" in out


def test_council_profile_pdf(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "profile.pdf"
    assert main(["--db", str(demo_db), "report", "council-profile", "--out", str(out)]) == 0
    text = _pdf_text(out)
    assert demo_profile.DEMO_PROFILE.council_name in text
    assert "Сторінка 1 з 1" in text


def test_audit_trail_pdf(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "audit.pdf"
    assert main(["--db", str(demo_db), "report", "audit-trail", "--out", str(out)]) == 0
    text = _pdf_text(out)
    assert "Журнал змін" in text and "Для службового користування" in text


def test_unknown_report_exit_2(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_db), "report", "nonsense", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "Невідомий звіт «nonsense»" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_demo_refused_twice(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_db), "demo"]) == 2
    assert "вже є профіль ради" in capsys.readouterr().err


def test_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not a database")
    assert main(["--db", str(path), "audit", "verify"]) == 2
    assert "не є базою даних" in capsys.readouterr().err
    assert path.read_bytes() == b"\xff\xd8\xff\xe0 not a database"


def test_report_on_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "none.sqlite3"), "report", "council-profile", "--out",
                 str(tmp_path / "a.pdf")]) == 2
    assert "не знайдено" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def test_audit_verify_detects_tampering(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_db), "audit", "verify"]) == 0
    assert "цілий" in capsys.readouterr().out
    con = sqlite3.connect(demo_db)
    con.execute("UPDATE audit_event SET username = 'intruder' WHERE seq = 1")
    con.commit()
    con.close()
    assert main(["--db", str(demo_db), "audit", "verify"]) == 2
    assert "порушено на події №1" in capsys.readouterr().err


def test_env_var_selects_database(demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HROMADA_DB", str(demo_db))
    assert main(["audit", "verify"]) == 0
    assert "цілий" in capsys.readouterr().out


def test_smoke(capsys: pytest.CaptureFixture[str]) -> None:
    from ui.launcher import main as hromada

    assert hromada(["--smoke"]) == 0
    assert "smoke: OK" in capsys.readouterr().out


def test_python_dash_m_app(tmp_path: Path) -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "app", "--db", str(tmp_path / "x.sqlite3"), "report", "list"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "council-profile" in result.stdout


def test_demo_database_has_audit_trail(demo_db: Path) -> None:
    db = open_database(demo_db)
    try:
        from app.services.core import audit

        assert audit.verify_chain(db).ok
        assert audit.event_count(db) >= 2
    finally:
        db.dispose()


def test_operator_cannot_print_internal_reports(council_db, tmp_path: Path) -> None:  # noqa: ANN001
    from app.errors import PermissionDeniedError
    from app.reports import registry
    from app.services.core.auth import Actor, Role

    db, _ = council_db
    operator = Actor(user_id=None, username="volunteer", role=Role.OPERATOR)
    kinds = {k.id for k in registry.allowed_reports(operator)}
    assert "council-profile" in kinds and "audit-trail" not in kinds
    with pytest.raises(PermissionDeniedError, match="службові звіти"):
        registry.render_report(db, "audit-trail", None, tmp_path / "a.pdf", actor=operator)
    assert not (tmp_path / "a.pdf").exists()
    registry.render_report(db, "council-profile", None, tmp_path / "p.pdf", actor=operator)
    assert (tmp_path / "p.pdf").exists()

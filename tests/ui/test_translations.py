"""The English translation: complete, well-formed, compiled, and used by the running UI.

These read resources/translations/hromada_en.ts and .qm as they are; they do not run lupdate
(scripts/update_translations + scripts/fill_translations.py do that).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from app.db.engine import Database
from app.services.core.auth import Actor

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
TS = TRANSLATIONS / "hromada_en.ts"
QM = TRANSLATIONS / "hromada_en.qm"
PLACEHOLDER = re.compile(r"%(?:\d+|n)")
CYRILLIC = re.compile("[А-Яа-яІіЇїЄєҐґ]")


def _messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) for every message in the .ts."""
    root = ET.parse(TS).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{name}: message without <translation>"
            out.append((name, message.findtext("source") or "", translation))
    return out


def _text(translation: ET.Element) -> str:
    return translation.text or ""


@pytest.fixture(scope="module")
def translator() -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    return translator


def test_ts_is_english_from_ukrainian() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("sourcelanguage") == "uk_UA"
    assert root.get("language") == "en_GB"
    assert len(_messages()) > 800


@pytest.mark.parametrize(("context", "source", "english"), [
    ("Navigation", "Головна", "Home"),
    ("Navigation", "Депутати", "Deputies"),
    ("Navigation", "Журнал змін", "Audit trail"),
    ("Navigation", "Громадський бюджет", "Participatory budget"),
    ("Columns", "Фракція", "Faction"),
    ("SessionsPage", "Сесії ради", "Council sessions"),
    ("PetitionsPage", "Електронні петиції", "E-petitions"),
    ("AppealsPage", "Звернення громадян", "Citizens’ appeals"),
    ("RollCallDialog", "Скасувати", "Cancel"),
    ("SettingsPage", "Налаштування", "Settings"),
])
def test_qm_translates_known_strings(translator: QTranslator, context: str, source: str, english: str) -> None:
    assert translator.translate(context, source) == english


def test_qm_matches_ts(translator: QTranslator) -> None:
    """The .qm was compiled from the current .ts: every finished translation comes back from it."""
    stale = [(ctx, src) for ctx, src, tr in _messages()
             if tr.get("type") is None and translator.translate(ctx, src) != _text(tr)]
    assert not stale, f"{len(stale)} message(s) differ; run scripts/update_translations --compile: {stale[:5]}"


def test_no_unfinished_or_empty_translations() -> None:
    unfinished = [(ctx, src) for ctx, src, tr in _messages() if tr.get("type") in ("unfinished", "vanished",
                                                                                   "obsolete")]
    empty = [(ctx, src) for ctx, src, tr in _messages() if src.strip() and not _text(tr).strip()]
    assert not unfinished, f"{len(unfinished)} unfinished: {unfinished[:10]}"
    assert not empty, f"{len(empty)} empty: {empty[:10]}"


def test_translations_are_english() -> None:
    ukrainian = [(ctx, src, _text(tr)) for ctx, src, tr in _messages() if CYRILLIC.search(_text(tr))]
    assert not ukrainian, ukrainian[:10]


def test_placeholders_kept() -> None:
    lost = [(ctx, src, _text(tr), ph) for ctx, src, tr in _messages()
            for ph in sorted(set(PLACEHOLDER.findall(src))) if ph not in _text(tr)]
    assert not lost, lost[:10]


def test_markup_and_form_labels_kept() -> None:
    problems = []
    for ctx, src, tr in _messages():
        text = _text(tr)
        if Counter(re.findall(r"</?\w+", src)) != Counter(re.findall(r"</?\w+", text)):
            problems.append((ctx, src, text, "HTML tags"))
        if src.count("&") != text.count("&"):
            problems.append((ctx, src, text, "accelerator"))
        for end in (":", "…", "?"):
            if src.rstrip().endswith(end) != text.rstrip().endswith(end):
                problems.append((ctx, src, text, f"ends with {end!r}"))
    assert not problems, problems[:10]


def test_each_message_once() -> None:
    counts = Counter((ctx, src) for ctx, src, _ in _messages())
    assert [key for key, n in counts.items() if n > 1] == []


def test_tr_on_another_widget_falls_back_to_qwidget(translator: QTranslator, qapp: QCoreApplication) -> None:
    """``dialog.tr(...)`` looks the text up along the dialog's classes, ending at QWidget."""
    from PySide6.QtWidgets import QDialog

    class SomeDialog(QDialog):
        pass

    qapp.installTranslator(translator)
    try:
        assert SomeDialog().tr("Скасувати") == "Cancel"
    finally:
        qapp.removeTranslator(translator)


def test_main_window_in_english(qtbot: QtBot, council_db: tuple[Database, Actor]) -> None:
    from ui import i18n
    from ui.app import build_main_window, make_application

    app = make_application()
    i18n.install(app, "en")
    try:
        db, actor = council_db
        window = build_main_window(db, actor, "en")
        qtbot.addWidget(window)
        titles = [window.nav.item(i).text() for i in range(window.nav.count())]
        assert titles[0] == "Home"
        assert "Audit trail" in titles
        assert not [t for t in titles if CYRILLIC.search(t)], titles
    finally:
        i18n.install(app, "uk")

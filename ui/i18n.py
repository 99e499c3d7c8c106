"""Qt Linguist end to end: Qt's own ``qtbase`` translations, then ours.

Source strings are Ukrainian (the default language); ``resources/translations/
hromada_en.ts`` holds the English translation, compiled to ``.qm`` with
``pyside6-lrelease`` (see ``scripts/update_translations``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resource_path

_state = {"language": "uk"}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's tools look for
    """Mark ``text`` for translation in ``context`` and return it unchanged (translated later, where shown).

    The same as PySide6's own marker, typed: PySide6 declares that one as returning ``object``.
    ``pyside6-lupdate`` and ``scripts/fill_translations.py`` find calls by this name (and by the
    ``_N`` alias our modules import it as).
    """
    return text

_installed: list[QTranslator] = []


def current_language() -> str:
    return _state["language"]


def install(app: QCoreApplication, language: str) -> None:
    """Install translators for ``language`` ("uk" or "en"), replacing earlier ones."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _state["language"] = language
    locale = QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine) if language == "uk" else QLocale(
        QLocale.Language.English, QLocale.Country.UnitedKingdom)
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    if language != "uk":
        ours = QTranslator(app)
        if ours.load(f"hromada_{language}", str(resource_path("translations"))):
            app.installTranslator(ours)
            _installed.append(ours)

"""Qt Linguist end to end: Qt's own ``qtbase`` translations, then ours.

Source strings are Ukrainian (the default language); ``resources/translations/
hromada_en.ts`` holds the English translation, compiled to ``.qm`` with
``pyside6-lrelease`` (see ``scripts/update_translations``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resource_path

_state = {"language": "uk"}
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

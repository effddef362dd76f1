"""The app's language: the translations (ours and Qt's own) for English or Japanese, and the bundled Japanese font.

The language follows the system locale unless Preferences names one; `install_language` switches at run time
(Qt then sends every widget a LanguageChange, see i18n.Retranslating). Japanese text is drawn with the bundled
IPAex Gothic where the system has no font for it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS = RESOURCES / "i18n"
JAPANESE_FONT = RESOURCES / "fonts" / "ipaexg.ttf"
# Each language named in itself, as a language menu shows them.
LANGUAGES = {"en": "English", "ja": "日本語"}
SYSTEM = ""  # the preference value meaning "as the system's locale says"

_installed: list[QTranslator] = []
_current: list[str] = []  # the language installed last (a list so tests can reset it)
_font_families: list[str] = []


def system_language() -> str:
    """"ja" where the system's locale is Japanese (LANG=ja_JP.UTF-8), else "en"."""
    names = [QLocale.system().name(), *QLocale.system().uiLanguages()]
    return "ja" if any(n.replace("-", "_").lower().startswith("ja") for n in names) else "en"


def resolve(preference: str) -> str:
    """The language to show for a preference value ("" follows the system)."""
    return preference if preference in LANGUAGES else system_language()


def current_language() -> str:
    """The language installed now ("en" before any is)."""
    return _current[-1] if _current else "en"


def install_language(code: str) -> bool:
    """Show the app in `code` ("en" or "ja"); False when it is already shown so (nothing changes then)."""
    code = code if code in LANGUAGES else "en"
    if _current and _current[-1] == code:
        return False
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    qt_folder = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    # Ours, then Qt's own (the buttons of message boxes and file dialogs); English needs ours for plural forms.
    for name, folder in ((f"composer_{code}", str(TRANSLATIONS)), (f"qtbase_{code}", qt_folder)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Japanese, QLocale.Japan) if code == "ja" else QLocale(QLocale.English))
    if code == "ja":
        use_japanese_font()
    _current[:] = [code]
    return True


def register_japanese_font() -> list[str]:
    """Add the bundled Japanese font to the app's font database once; its family names ([] if it cannot load)."""
    if not _font_families and JAPANESE_FONT.exists():
        font_id = QFontDatabase.addApplicationFont(str(JAPANESE_FONT))
        if font_id >= 0:
            _font_families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_font_families)


def use_japanese_font() -> None:
    """Make the bundled font the fallback for every glyph the app's font lacks (kana and kanji on most systems)."""
    app = QApplication.instance()
    families = register_japanese_font()
    if app is None or not families:
        return
    font = QFont(app.font())
    wanted = [f for f in font.families() or [font.family()] if f not in families] + families
    font.setFamilies(wanted)
    app.setFont(font)
    for family in wanted[:-len(families)]:
        # Fonts made later from a family name alone (a style sheet, QFont("Sans")) fall back the same way.
        QFont.insertSubstitutions(family, families)

"""Translation of the app's visible text: `tr("...")` looks a string up in the loaded Qt translations.

Sources live in composer_app/resources/i18n/*.ts (scripts/update-translations.sh runs pyside6-lupdate over the
GUI and compiles them with pyside6-lrelease). A widget whose texts must follow a language switch made while it is
open derives from `Retranslating` and sets those texts in `retranslate()`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QEvent

from composer_app.errors import ComposerError, user_message
from composer_app.said import in_language

# pyside6-lupdate files a bare tr("...") call (and QT_TR_NOOP) under the empty context, so lookups use it too.
CONTEXT = ""

__all__ = ["CONTEXT", "QT_TR_NOOP", "Retranslating", "error_hint", "error_summary", "error_text", "localized", "tr"]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the user's language; with `n` >= 0, "%n" in it becomes n in the plural form that n takes."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def _template(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def localized(text: object) -> str:
    """Text from the core in the user's language where it was made with said(); other text as it is."""
    return in_language(text, _template)


def error_summary(error: ComposerError) -> str:
    """What happened, in the user's language (one line)."""
    return error.summary_in(_template)


def error_hint(error: ComposerError) -> str:
    """What to do, in the user's language (may be empty)."""
    return error.hint_in(_template)


def error_text(error: ComposerError) -> str:
    """What happened and what to do, in the user's language: for status lines and panels."""
    return user_message(error, _template)


class Retranslating:
    """A mixin for QWidget subclasses: `retranslate()` sets the texts, and runs again on every language change.

    Qt sends QEvent.LanguageChange to every widget when a translator is installed or removed.
    """

    def retranslate(self) -> None:
        """Set every text the widget shows from its source string (the subclass lists them)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

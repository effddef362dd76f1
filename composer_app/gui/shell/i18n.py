"""Translation of the app's visible text: `tr("...")` looks a string up in the loaded Qt translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "Composer"  # one context for now; a translator sees each string with its source line


def tr(text: str) -> str:
    """`text` in the user's language (unchanged until a translation is installed)."""
    return QCoreApplication.translate(CONTEXT, text)

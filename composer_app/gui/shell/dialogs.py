"""The app's modal questions and file pickers, in one place so that tests can stand in for them."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from composer_app.errors import ComposerError
from composer_app.gui.project.autosave import RecoveryFile

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


def show_user_error(parent: QWidget | None, title: str, error: ComposerError) -> None:
    """A problem the user can fix: what happened, and below it what to do."""
    box = QMessageBox(QMessageBox.Warning, title, error.summary, QMessageBox.Ok, parent)
    box.setObjectName("user_error_dialog")
    box.setTextFormat(Qt.PlainText)  # file names and bundle text are data, never markup
    if error.hint:
        box.setInformativeText(error.hint)
    box.exec()
    box.deleteLater()


def show_bug(parent: QWidget | None, summary: str, log: Path | None) -> None:
    """Something went wrong that the user did not cause: say so plainly, and where the details were written."""
    tr = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Critical, tr("dialogs", "Something went wrong"),
                      tr("dialogs", "Composer ran into a bug (not your doing). Your work is still open; save it "
                                    "to be safe."), QMessageBox.Ok, parent)
    box.setObjectName("bug_dialog")
    box.setTextFormat(Qt.PlainText)
    where = tr("dialogs", "The details were written to {0}.").format(log) if log else \
        tr("dialogs", "The details were printed to the terminal.")
    box.setInformativeText(f"{summary}\n\n{where}")
    box.exec()
    box.deleteLater()


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """SAVE, DISCARD or CANCEL for a document with unsaved changes."""
    answer = QMessageBox.question(
        parent, "Unsaved changes", f"Save the changes to “{name}” before closing it?",
        QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
    return {QMessageBox.Save: SAVE, QMessageBox.Discard: DISCARD}.get(answer, CANCEL)


def ask_restore(parent: QWidget | None, found: RecoveryFile) -> bool:
    """Offer to restore work a crashed or killed session left behind."""
    box = QMessageBox(parent)
    box.setObjectName("restore_dialog")
    box.setIcon(QMessageBox.Question)
    box.setWindowTitle("Restore unsaved work?")
    when = time.strftime("%H:%M on %d %b", time.localtime(found.saved_at))
    box.setText(f"Composer did not close properly. Unsaved work on “{found.name}”, autosaved at {when}, can be "
                "restored.")
    box.setInformativeText("Restore it now? If you discard it, it is gone for good.")
    restore = box.addButton("Restore", QMessageBox.AcceptRole)
    restore.setObjectName("restore_button")
    box.addButton("Discard", QMessageBox.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    restored = box.clickedButton() is restore
    box.deleteLater()
    return restored


def choose_open_file(parent: QWidget | None, caption: str, folder: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, caption, folder, filters)
    return path or None


def choose_save_file(parent: QWidget | None, caption: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path or None

"""The app's modal questions and file pickers, in one place so that tests can stand in for them."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .autosave import RecoveryFile

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)


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

"""The app's modal questions and file pickers, in one place so that tests can stand in for them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from composer_app.errors import ComposerError
from composer_app.gui.project.autosave import RecoveryFile
from composer_app.gui.shell.i18n import error_hint, error_summary, tr
from composer_app.gui.shell.recovery_dialog import RecoveryChoice, RecoveryDialog

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    """A note the user should read (nothing went wrong), shown as plain text."""
    box = QMessageBox(QMessageBox.Information, title, message, QMessageBox.Ok, parent)
    box.setTextFormat(Qt.PlainText)  # messages quote file names and file contents: data, never markup
    box.exec()
    box.deleteLater()


def show_user_error(parent: QWidget | None, title: str, error: ComposerError) -> None:
    """A problem the user can fix: what happened, and below it what to do."""
    box = QMessageBox(QMessageBox.Warning, title, error_summary(error), QMessageBox.Ok, parent)
    box.setObjectName("user_error_dialog")
    box.setTextFormat(Qt.PlainText)  # file names and bundle text are data, never markup
    if error.hint:
        box.setInformativeText(error_hint(error))
    box.exec()
    box.deleteLater()


def show_bug(parent: QWidget | None, summary: str, log: Path | None) -> None:
    """Something went wrong that the user did not cause: say so plainly, and where the details were written."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Critical, translate("dialogs", "Something went wrong"),
                      translate("dialogs", "Composer ran into a bug (not your doing). Your work is still open; save it "
                                    "to be safe."), QMessageBox.Ok, parent)
    box.setObjectName("bug_dialog")
    box.setTextFormat(Qt.PlainText)
    where = translate("dialogs", "The details were written to {0}.").format(log) if log else \
        translate("dialogs", "The details were printed to the terminal.")
    box.setInformativeText(f"{summary}\n\n{where}")
    box.exec()
    box.deleteLater()


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """SAVE, DISCARD or CANCEL for a document with unsaved changes."""
    answer = QMessageBox.question(
        parent, tr("Unsaved changes"), tr("Save the changes to “{0}” before closing it?").format(name),
        QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
    return {QMessageBox.Save: SAVE, QMessageBox.Discard: DISCARD}.get(answer, CANCEL)


def ask_recovery(parent: QWidget | None, sessions: list[RecoveryFile]) -> RecoveryChoice:
    """Offer every crashed session's unsaved work: which to restore, which to discard; the rest is kept."""
    dialog = RecoveryDialog(sessions, parent)
    dialog.exec()
    choice = dialog.choice()
    dialog.deleteLater()
    return choice


def choose_open_file(parent: QWidget | None, caption: str, folder: str, filters: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, caption, folder, filters)
    return path or None


def choose_save_file(parent: QWidget | None, caption: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return path or None


def with_suffix_confirmed(parent: QWidget | None, chosen: str | Path, suffixes: tuple[str, ...],
                          default_suffix: str) -> Path | None:
    """The path to write: the chosen one, or with `default_suffix` added when it has none of `suffixes`.

    The save dialog asked about replacing the name as typed; a file under the name with the suffix added is only
    replaced after the user says so here. None: the user chose not to replace it.
    """
    path = Path(chosen)
    if path.suffix.lower() in suffixes:
        return path
    final = path.with_name(path.name + default_suffix)
    if final.exists() and not ask_replace(parent, final):
        return None
    return final


def ask_replace(parent: QWidget | None, path: Path) -> bool:
    """Whether to replace an existing file (No is the default)."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Question, translate("dialogs", "Replace the file?"),
                      translate("dialogs", "{0} already exists. Replace it?").format(path.name),
                      QMessageBox.Yes | QMessageBox.No, parent)
    box.setTextFormat(Qt.PlainText)
    box.setDefaultButton(QMessageBox.No)
    answer = box.exec()
    box.deleteLater()
    return answer == QMessageBox.Yes

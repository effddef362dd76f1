"""The recovery question: every crashed session's unsaved work, each to restore, discard, or keep for later."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from composer_app.gui.project.autosave import RecoveryFile
from composer_app.gui.shell.i18n import tr


@dataclass(frozen=True)
class RecoveryChoice:
    """What the user chose: the session to restore (or None), and the sessions to delete for good."""

    restore: RecoveryFile | None = None
    discard: tuple[RecoveryFile, ...] = ()


def describe(found: RecoveryFile) -> str:
    """One line: the work's name, when it was autosaved, and how much it holds."""
    when = QLocale().toString(QDateTime.fromSecsSinceEpoch(int(found.saved_at)), QLocale.ShortFormat)
    return tr("{name} — autosaved {when} — {tracks}, {notes}").format(
        name=found.name, when=when, tracks=tr("%n track(s)", "", found.tracks),
        notes=tr("%n note(s)", "", found.notes))


class RecoveryDialog(QDialog):
    """Lists the sessions newest first. Discard removes the selected one from the list (deleted once the dialog
    closes); Restore closes with the selected one; Later, or closing, keeps everything still listed."""

    def __init__(self, sessions: list[RecoveryFile], parent=None):
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(tr("Restore unsaved work?"))
        self.setMinimumWidth(520)  # room for a session's line without a scroll bar
        self.restored: RecoveryFile | None = None
        self.discarded: list[RecoveryFile] = []
        intro = QLabel(tr("Composer did not close properly. Unsaved work from these sessions can be restored:"), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("recovery_list")
        for found in sessions:
            item = QListWidgetItem(describe(found), self.list)
            item.setData(Qt.UserRole, found)
        self.list.setCurrentRow(0)
        note = QLabel(tr("Restore opens the selected work as unsaved changes. Discard deletes it for good. Later "
                         "keeps every session listed here and asks again next time."), self)
        note.setWordWrap(True)
        self.restore_button = self._button(tr("Restore"), "restore_button", self._restore)
        self.discard_button = self._button(tr("Discard"), "discard_button", self._discard)
        later = self._button(tr("Later"), "later_button", self.reject)
        self.restore_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(later)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        for widget in (intro, self.list, note):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda _item: self._restore())
        self._update_buttons()

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _selected(self) -> RecoveryFile | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    def _update_buttons(self, *_args) -> None:
        chosen = self._selected() is not None
        self.restore_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)

    def _restore(self) -> None:
        self.restored = self._selected()
        if self.restored is not None:
            self.accept()

    def _discard(self) -> None:
        found = self._selected()
        if found is None:
            return
        self.discarded.append(found)
        self.list.takeItem(self.list.currentRow())
        if not self.list.count():
            self.accept()  # nothing left to decide

    def choice(self) -> RecoveryChoice:
        return RecoveryChoice(self.restored, tuple(self.discarded))

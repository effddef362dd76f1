"""The Preferences dialog: projector mode, grid, playhead following, drum lanes, autosave and note velocity."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from .grid import GRIDS
from .settings import Preferences


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; `preferences()` returns the result after exec()."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        form = QFormLayout(self)
        self.projector = QCheckBox("Large type and high contrast for classrooms", self)
        self.projector.setChecked(prefs.projector_mode)
        self.follow = QCheckBox("Scroll the roll to keep the playhead in view", self)
        self.follow.setChecked(prefs.follow_playhead)
        self.kit = QCheckBox("Show only Magenta's nine drum lanes on drum tracks", self)
        self.kit.setChecked(prefs.kit_lanes)
        self.grid = QComboBox(self)
        for g in GRIDS:
            self.grid.addItem(g.label)
        self.grid.setCurrentText(prefs.default_grid)
        self.autosave = QSpinBox(self)
        self.autosave.setRange(5, 600)
        self.autosave.setSuffix(" s")
        self.autosave.setValue(prefs.autosave_seconds)
        self.velocity = QSpinBox(self)
        self.velocity.setRange(1, 127)
        self.velocity.setValue(prefs.new_note_velocity)
        form.addRow("Projector mode", self.projector)
        form.addRow("Follow playhead", self.follow)
        form.addRow("Drum lanes", self.kit)
        form.addRow("Default grid", self.grid)
        form.addRow("Autosave every", self.autosave)
        form.addRow("New note velocity", self.velocity)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def preferences(self) -> Preferences:
        return Preferences(
            projector_mode=self.projector.isChecked(),
            follow_playhead=self.follow.isChecked(),
            kit_lanes=self.kit.isChecked(),
            default_grid=self.grid.currentText(),
            autosave_seconds=self.autosave.value(),
            new_note_velocity=self.velocity.value(),
        ).validated()

"""The Preferences dialog: language, projector mode, grid, playhead following, drum lanes, autosave, velocity."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from composer_app.gui.roll.grid import GRIDS
from composer_app.gui.shell.i18n import tr
from composer_app.gui.shell.language import LANGUAGES, SYSTEM, system_language
from composer_app.gui.shell.settings import Preferences


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; `preferences()` returns the result after exec()."""

    def __init__(self, prefs: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences"))
        form = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.setObjectName("language_combo")
        self.language.addItem(tr("As the system ({0})").format(LANGUAGES[system_language()]), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.language.setToolTip(tr("The app switches at once, without a restart"))
        self.projector = QCheckBox(tr("Large type and high contrast for classrooms"), self)
        self.projector.setChecked(prefs.projector_mode)
        self.follow = QCheckBox(tr("Scroll the roll to keep the playhead in view"), self)
        self.follow.setChecked(prefs.follow_playhead)
        self.kit = QCheckBox(tr("Show only Magenta's nine drum lanes on drum tracks"), self)
        self.kit.setChecked(prefs.kit_lanes)
        self.grid = QComboBox(self)
        for g in GRIDS:
            self.grid.addItem(g.label)
        self.grid.setCurrentText(prefs.default_grid)
        self.autosave = QSpinBox(self)
        self.autosave.setRange(5, 600)
        self.autosave.setSuffix(tr(" s", "seconds"))
        self.autosave.setValue(prefs.autosave_seconds)
        self.velocity = QSpinBox(self)
        self.velocity.setRange(1, 127)
        self.velocity.setValue(prefs.new_note_velocity)
        self.audition = QCheckBox(tr("Sound notes as they are drawn or clicked"), self)
        self.audition.setChecked(prefs.audition)
        self.soundfont = QLineEdit(prefs.soundfont, self)
        self.soundfont.setPlaceholderText(tr("the bundled SoundFont"))
        browse = QPushButton(tr("Choose…"), self)
        browse.clicked.connect(self._choose_soundfont)
        soundfont_row = QHBoxLayout()
        soundfont_row.addWidget(self.soundfont, 1)
        soundfont_row.addWidget(browse)
        form.addRow(tr("Language"), self.language)
        form.addRow(tr("Projector mode"), self.projector)
        form.addRow(tr("Follow playhead"), self.follow)
        form.addRow(tr("Drum lanes"), self.kit)
        form.addRow(tr("Default grid"), self.grid)
        form.addRow(tr("Autosave every"), self.autosave)
        form.addRow(tr("New note velocity"), self.velocity)
        form.addRow(tr("Audition"), self.audition)
        form.addRow(tr("SoundFont"), soundfont_row)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _choose_soundfont(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("SoundFont"), self.soundfont.text(),
                                              tr("SoundFont (*.sf2 *.sf3)"))
        if path:
            self.soundfont.setText(path)

    def preferences(self) -> Preferences:
        return Preferences(
            projector_mode=self.projector.isChecked(),
            follow_playhead=self.follow.isChecked(),
            kit_lanes=self.kit.isChecked(),
            default_grid=self.grid.currentText(),
            autosave_seconds=self.autosave.value(),
            new_note_velocity=self.velocity.value(),
            audition=self.audition.isChecked(),
            soundfont=self.soundfont.text().strip(),
            language=self.language.currentData(),
        ).validated()

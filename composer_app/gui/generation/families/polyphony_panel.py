"""The Polyphony RNN panel: Harmonise the selected melody (Magenta's inject mode) or Continue a polyphonic part."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSpinBox

from composer_app.gui.generation.families.family_panel import FamilyPanel
from composer_app.gui.shell.i18n import QT_TR_NOOP, tr
from composer_app.models.rnn.timed_jobs import CONTINUE, HARMONISE


class PolyphonyPanel(FamilyPanel):
    family = "polyphony"
    shipped_id = "polyphony"
    published = "polyphony_rnn.mag"

    def build_own(self, form: QFormLayout) -> None:
        self.mode = QComboBox()
        self.mode.setObjectName("polyphony_mode")
        self.mode.addItem("", HARMONISE)
        self.mode.addItem("", CONTINUE)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._rows.add(form, QT_TR_NOOP("Do"), self.mode)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        form.addRow(self.explain)
        self.length_bars = QSpinBox()
        self.length_bars.setObjectName("polyphony_bars")
        self.length_bars.setRange(1, 32)
        self.length_bars.setValue(4)
        self._rows.add(form, QT_TR_NOOP("Length"), self.length_bars)

    def retranslate_own(self) -> None:
        self.own_box.setTitle(tr("Polyphony RNN"))
        self.mode.setItemText(0, tr("Harmonise the melody"))
        self.mode.setItemText(1, tr("Continue the part"))
        self.length_bars.setSuffix(tr(" bars", "a unit after a number"))
        self._mode_changed()

    def _mode_changed(self, *_args) -> None:
        harmonise = self.mode.currentData() == HARMONISE
        self.length_bars.setEnabled(not harmonise)
        self.explain.setText(
            tr("The selected notes (or the current track) stay as they are; the model adds voices below them.")
            if harmonise else
            tr("The selected notes (or the current track up to the playhead) are continued after them."))

    def own_settings(self) -> dict:
        return {"mode": self.mode.currentData(), "length_bars": self.length_bars.value()}
